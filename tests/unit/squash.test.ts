import { describe, expect, it } from 'vitest';
import { squash } from '../../src/postings/text.ts';

describe('squash', () => {
	it('collapses runs of whitespace, no-break spaces included, and trims both ends', () => {
		expect(squash('  Senior\u00a0 Engineer\n\t(Remote)  ')).toBe('Senior Engineer (Remote)');
		expect(squash(' a')).toBe('a');
		expect(squash('a ')).toBe('a');
		expect(squash(' ')).toBe('');
		expect(squash('')).toBe('');
	});

	it('returns text that is squashed already as the same string', () => {
		const text = 'The Workers Runtime team delivers features.';
		expect(squash(text)).toBe(text);
	});
});
