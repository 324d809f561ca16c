import { describe, expect, it } from 'vitest';
import { partFolder, splitIntoParts } from '../../src/integrations/search-parts.ts';

const slugs = (count: number, prefix = 'role') => Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);

describe('splitIntoParts', () => {
	it('keeps a site of up to partPages roles in one part, sorted', () => {
		expect(splitIntoParts(['b', 'a', 'c'], 3)).toEqual([['a', 'b', 'c']]);
		expect(splitIntoParts([], 3)).toEqual([[]]);
	});

	it('splits into as many parts as partPages roles need, every role in exactly one, each part sorted', () => {
		const all = slugs(10_000);
		const parts = splitIntoParts(all, 2000);
		expect(parts).toHaveLength(5);
		expect(parts.flat().sort()).toEqual(all);
		for (const part of parts) expect(part).toEqual([...part].sort());
		// Spread evenly enough that no part holds much more than its share (a part's size is its indexer's memory).
		for (const part of parts) expect(part.length).toBeGreaterThan(1700);
		for (const part of parts) expect(part.length).toBeLessThan(2300);
	});

	it('keeps every other role in its part when one role comes or goes', () => {
		const before = splitIntoParts(slugs(9000), 2000);
		const after = splitIntoParts([...slugs(9000), 'a-new-role-berlin'], 2000);
		const changed = after.map((part, k) => part.join() !== before[k]!.join());
		expect(changed.filter(Boolean)).toHaveLength(1);
		expect(after[changed.indexOf(true)]).toContain('a-new-role-berlin');
	});

	it('does not depend on the order the slugs are listed in', () => {
		const all = slugs(3000);
		expect(splitIntoParts([...all].reverse(), 1000)).toEqual(splitIntoParts(all, 1000));
	});
});

describe('partFolder', () => {
	it('is the index folder itself for the first part, part-<k>/ for the others', () => {
		expect(partFolder(0)).toBe('');
		expect(partFolder(3)).toBe('part-3/');
	});
});
