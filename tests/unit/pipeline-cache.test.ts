import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { normalizePostings, type CacheEntry, type PostingCache, type SourceFile } from '../../src/postings/normalize.ts';
import { seedFiles, site, TODAY } from './helpers.ts';

/** An in-memory cache that hands the next run this run's entries, and records which postings were normalized rather than reused. */
function memoryCache(previous: ReadonlyMap<string, CacheEntry> = new Map(), version = 'test') {
	const next = new Map<string, CacheEntry>();
	const normalized: string[] = [];
	const cache: PostingCache = {
		version,
		get: (input) => previous.get(input),
		set: (input, entry) => {
			if (previous.get(input)?.finished !== entry.finished) normalized.push(entry.finished.posting.file);
			next.set(input, entry);
		},
	};
	return { cache, next, normalized };
}

const BLURB = '<p>Acme builds rockets for everyone, and has done so since 1949 from its base in the Mojave desert.</p>';

/** Four postings of the site's own company; `withBlurb` says which carry the company blurb (three of four make it company text). */
function postings(withBlurb: readonly number[], extra: Record<number, string> = {}): SourceFile[] {
	return [1, 2, 3, 4].map((n) => ({
		file: `content/postings/role-${n}.html`,
		source: `---\ntitle: Rocket Engineer ${n}\nlocations: [Lisbon, Portugal]\n${n === 4 ? '' : 'datePosted: 2026-03-01\n'}---\n${withBlurb.includes(n) ? BLURB : ''}<h2>About the role</h2><p>Role number ${n} tests engines in Lisbon.</p>${extra[n] ?? ''}`,
	}));
}

/** A cold run and a run from the cache of `before`: both must give the same catalogue. */
function rebuild(before: readonly SourceFile[], after: readonly SourceFile[], options: { today?: string; version?: string } = {}) {
	const first = memoryCache();
	normalizePostings(before, site, { today: TODAY, cache: first.cache });
	// Through V8's serializer, as the loader keeps the entries on disk.
	const second = memoryCache(deserialize(serialize(first.next)) as Map<string, CacheEntry>, options.version);
	const warm = normalizePostings(after, site, { today: options.today ?? TODAY, cache: second.cache });
	const cold = normalizePostings(after, site, { today: options.today ?? TODAY });
	return { warm, cold, normalized: second.normalized };
}

describe('the pipeline cache', () => {
	it('redoes only the changed posting when no company text changes, and gives what a cold run gives', () => {
		const before = [...seedFiles(), ...postings([1, 2, 3])];
		const after = [...seedFiles(), ...postings([1, 2, 3], { 2: '<p>Interviews take one day, on site or by video.</p>' })];
		const { warm, cold, normalized } = rebuild(before, after);
		expect(warm).toStrictEqual(cold);
		expect(normalized).toEqual(['content/postings/role-2.html']);
		expect(warm.postings.find((posting) => posting.file === 'content/postings/role-2.html')!.sections.at(-1)!.html).toContain('Interviews take one day');
	});

	it('redoes the postings whose paragraph becomes company text when a third posting carries it', () => {
		// Only the site's own postings here: with the five seeds the blurb would need five postings of nine.
		const { warm, cold, normalized } = rebuild(postings([1, 2]), postings([1, 2, 3]));
		expect(warm).toStrictEqual(cold);
		expect(normalized.sort()).toEqual(['content/postings/role-1.html', 'content/postings/role-2.html', 'content/postings/role-3.html']);
		expect(warm.company.map((block) => [block.kind, block.usedBy])).toEqual([['repeated', 3]]);
		for (const posting of warm.postings) expect(posting.sections.map((section) => section.html).join('')).not.toContain('Mojave');
	});

	it('redoes the postings whose paragraph stops being company text', () => {
		const { warm, cold, normalized } = rebuild(postings([1, 2, 3]), postings([1, 2]));
		expect(warm).toStrictEqual(cold);
		expect(normalized.sort()).toEqual(['content/postings/role-1.html', 'content/postings/role-2.html', 'content/postings/role-3.html']);
		expect(warm.company).toEqual([]);
		expect(warm.postings.filter((posting) => posting.sections.some((section) => section.html.includes('Mojave'))).map((posting) => posting.file)).toEqual([
			'content/postings/role-1.html',
			'content/postings/role-2.html',
		]);
	});

	it('redoes a posting dated by the build day on another day, and nothing when other code made the entries', () => {
		const files = postings([1, 2, 3]);
		const nextDay = rebuild(files, files, { today: '2026-11-24' });
		expect(nextDay.warm).toStrictEqual(nextDay.cold);
		// Role 4 has no datePosted and no commit: it takes the build day.
		expect(nextDay.normalized).toEqual(['content/postings/role-4.html']);
		expect(nextDay.warm.postings.find((posting) => posting.file === 'content/postings/role-4.html')!.datePosted).toBe('2026-11-24');
		const otherCode = rebuild(files, files, { version: 'other' });
		expect(otherCode.warm).toStrictEqual(otherCode.cold);
		expect(otherCode.normalized).toHaveLength(4);
	});
});
