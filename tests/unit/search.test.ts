import { describe, expect, it } from 'vitest';
import { queryWords } from '../../src/scripts/search.ts';

describe('queryWords', () => {
	it('searches each word on its own, so every word must match', () => {
		expect(queryWords('  rust   Lisbon ')).toEqual(['rust', 'Lisbon']);
	});

	it('keeps a quoted query as one phrase', () => {
		expect(queryWords('"distributed systems"')).toEqual(['"distributed systems"']);
	});

	it('drops words without a letter or digit, which Pagefind would match everywhere', () => {
		expect(queryWords('C++ - & ·')).toEqual(['C++']);
		expect(queryWords('— …')).toEqual([]);
	});
});
