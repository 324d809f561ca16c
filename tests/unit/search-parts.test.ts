import { describe, expect, it } from 'vitest';
import { partFolder, planChanges, splitIntoParts, type IndexedPages } from '../../src/integrations/search-parts.ts';

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

describe('planChanges', () => {
	/** A part of `count` pages, `role-00000`…, each page's digest its name unless `digests` says otherwise. */
	const part = (count: number, prefix: string, digests: Record<string, string> = {}) =>
		new Map(slugs(count, prefix).map((slug): [string, string] => [`jobs/${slug}/index.html`, digests[slug] ?? slug]));
	const indexedAs = (pages: ReadonlyMap<string, string>): IndexedPages => new Map([...pages].map(([page, digest]) => [page, [digest, `/${page.replace(/index\.html$/, '')}`]]));
	const a = part(5000, 'a');
	const b = part(5000, 'b');

	it('keeps every part as indexed when no page changed', () => {
		expect(planChanges([a, b], [indexedAs(a), indexedAs(b)])).toEqual({ reindex: new Set(), changed: [], replaced: [] });
	});

	it('indexes a part whole when its index is not in the cache', () => {
		expect(planChanges([a, b], [indexedAs(a), undefined])).toEqual({ reindex: new Set([1]), changed: [], replaced: [] });
	});

	it('keeps a changed, an added and a removed page apart, naming the old entries', () => {
		const now = part(5000, 'a', { 'a-00007': 'edited' });
		now.set('jobs/a-new/index.html', 'new');
		now.delete('jobs/a-00042/index.html');
		expect(planChanges([now, b], [indexedAs(a), indexedAs(b)])).toEqual({
			reindex: new Set(),
			changed: ['jobs/a-00007/index.html', 'jobs/a-new/index.html'],
			replaced: ['/jobs/a-00007/', '/jobs/a-00042/'],
		});
	});

	it('indexes a small part whole: under a tenth of partPages, that is quick', () => {
		const small = part(400, 'a');
		expect(planChanges([part(400, 'a', { 'a-00001': 'edited' })], [indexedAs(small)])).toEqual({ reindex: new Set([0]), changed: [], replaced: [] });
	});

	it('keeps at most a twentieth of partPages changed pages apart, indexing the parts with the most changes again first', () => {
		const edited = (prefix: string, count: number) => Object.fromEntries(slugs(count, prefix).map((slug) => [slug, 'edited']));
		// 200 + 100 pages changed: more than 250, so the part with 200 is indexed again and the 100 stay apart.
		const plan = planChanges([part(5000, 'a', edited('a', 200)), part(5000, 'b', edited('b', 100))], [indexedAs(a), indexedAs(b)]);
		expect(plan.reindex).toEqual(new Set([0]));
		expect(plan.changed).toHaveLength(100);
		expect(plan.changed.every((page) => page.startsWith('jobs/b-'))).toBe(true);
		expect(plan.replaced).toHaveLength(100);
		// 250 in all fit.
		expect(planChanges([part(5000, 'a', edited('a', 150)), part(5000, 'b', edited('b', 100))], [indexedAs(a), indexedAs(b)]).reindex).toEqual(new Set());
	});

	it('names no old entry for a closed role\'s page, which had none', () => {
		const before: IndexedPages = new Map([...indexedAs(a)].map(([page, entry]) => [page, page === 'jobs/a-00003/index.html' ? [entry[0], ''] : entry]));
		expect(planChanges([part(5000, 'a', { 'a-00003': 'reopened' })], [before])).toEqual({ reindex: new Set(), changed: ['jobs/a-00003/index.html'], replaced: [] });
	});
});
