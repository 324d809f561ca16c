import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_SHARDS, openPostingCache, pipelineCacheDir } from '../../src/loaders/posting-cache.ts';
import { roleTextDir } from '../../src/loaders/role-text.ts';
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

	it('keeps each company block once: every posting that carries it shares one object, stored once per shard', () => {
		const usedIn = (files: readonly SourceFile[]) => {
			const { cache, next } = memoryCache();
			normalizePostings(files, site, { today: TODAY, cache });
			return { next, used: [...next.values()].flatMap((entry) => entry.finished.company) };
		};
		const own = usedIn(postings([1, 2, 3]));
		const blurb = own.used.filter((block) => block.html === BLURB);
		expect(blurb.map((block) => block.kind)).toEqual(['repeated', 'repeated', 'repeated']);
		expect(new Set(blurb).size).toBe(1);
		// V8's serializer writes a shared object once: the blurb's HTML is in the serialized entries once, not three times.
		expect(serialize(own.next).toString('latin1').split('Acme builds rockets').length - 1).toBe(1);
		// The seeds' Cloudflare introduction: three blocks in each of the five, four distinct among them, four objects.
		const intro = usedIn(seedFiles()).used.filter((block) => block.kind === 'intro');
		expect(intro.length).toBe(15);
		expect(new Set(intro.map((block) => block.id)).size).toBe(4);
		expect(new Set(intro).size).toBe(4);
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

describe('the pipeline cache on disk', () => {
	const folders: string[] = [];
	afterEach(() => {
		for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
	});
	/** A build's pipeline run over `files` with the cache in `cacheDir`: its catalogue, what it reused and how many shard files it wrote. */
	const run = (cacheDir: string, files: readonly SourceFile[], version = 'code-1') => {
		const cache = openPostingCache(cacheDir, version);
		const catalogue = normalizePostings(files, site, { today: TODAY, cache });
		return { catalogue, ...cache.stats, keys: cache.keys, written: cache.save() };
	};
	/** A new cache folder (Astro's `cacheDir`); the shard files go to `pipelineCacheDir()` in it. */
	const newFolder = () => {
		const folder = mkdtempSync(join(tmpdir(), 'pipeline-cache-'));
		folders.push(folder);
		return folder;
	};

	it('rewrites only the shard of a changed or removed posting, and reads back what a cold run gives', () => {
		const folder = newFolder();
		const files = [...seedFiles(), ...postings([1, 2, 3])];
		expect(run(folder, files)).toMatchObject({ normalized: 9, reused: 0, written: CACHE_SHARDS });
		expect(readdirSync(pipelineCacheDir(folder)).sort()).toEqual(Array.from({ length: CACHE_SHARDS }, (_, shard) => `${shard}.bin`).sort());
		// Nothing changed: nothing normalized, nothing written.
		expect(run(folder, files)).toMatchObject({ normalized: 0, reused: 9, written: 0 });
		// One posting changed: that posting normalized, its shard written (the old entry's and the new one's are the same shard or two).
		const changed = [...seedFiles(), ...postings([1, 2, 3], { 2: '<p>Interviews take one day, on site or by video.</p>' })];
		const afterChange = run(folder, changed);
		expect(afterChange).toMatchObject({ normalized: 1, reused: 8 });
		expect(afterChange.written).toBeGreaterThanOrEqual(1);
		expect(afterChange.written).toBeLessThanOrEqual(2);
		expect(afterChange.catalogue).toStrictEqual(normalizePostings(changed, site, { today: TODAY }));
		// A posting removed: its entry leaves the cache, the others are reused.
		const fewer = changed.filter((file) => file.file !== 'content/postings/role-4.html');
		expect(run(folder, fewer)).toMatchObject({ normalized: 0, reused: 8, written: 1 });
		expect(run(folder, changed)).toMatchObject({ normalized: 1, reused: 8 });
	});

	it("keeps each posting's key by slug: the same for an unchanged posting, another for a changed one or other code", () => {
		const folder = newFolder();
		const files = [...seedFiles(), ...postings([1, 2, 3])];
		const first = run(folder, files);
		const slugs = first.catalogue.postings.map((posting) => posting.slug);
		expect([...first.keys.keys()].sort()).toEqual([...slugs].sort());
		const changed = run(folder, [...seedFiles(), ...postings([1, 2, 3], { 2: '<p>Interviews take one day, on site or by video.</p>' })]);
		const role2 = first.catalogue.postings.find((posting) => posting.file === 'content/postings/role-2.html')!.slug;
		expect(slugs.filter((slug) => changed.keys.get(slug) !== first.keys.get(slug))).toEqual([role2]);
		// Other code: every key is another, though every posting comes out the same.
		const otherCode = run(folder, files, 'code-2');
		expect(otherCode.catalogue).toStrictEqual(first.catalogue);
		expect(slugs.filter((slug) => otherCode.keys.get(slug) === first.keys.get(slug))).toEqual([]);
	});

	it('treats a damaged shard or another version\'s shards as empty', () => {
		const folder = newFolder();
		const files = [...seedFiles(), ...postings([1, 2, 3])];
		run(folder, files);
		const entries = Array.from({ length: CACHE_SHARDS }, (_, shard) => (deserialize(readFileSync(join(pipelineCacheDir(folder), `${shard}.bin`))) as { entries: Map<string, unknown> }).entries.size);
		const damaged = entries.findIndex((count) => count > 0);
		writeFileSync(join(pipelineCacheDir(folder), `${damaged}.bin`), 'not a cache');
		const afterDamage = run(folder, files);
		expect(afterDamage).toMatchObject({ normalized: entries[damaged], reused: 9 - entries[damaged]!, written: 1 });
		expect(afterDamage.catalogue).toStrictEqual(normalizePostings(files, site, { today: TODAY }));
		expect(run(folder, files, 'code-2')).toMatchObject({ normalized: 9, reused: 0, written: CACHE_SHARDS });
	});
	it("keeps a posting's role text in its role-text file, not in the shards, and reads it only when its sections are read", () => {
		const folder = newFolder();
		const files = [...seedFiles(), ...postings([1, 2, 3])];
		const cold = run(folder, files).catalogue;
		const shards = readdirSync(pipelineCacheDir(folder)).map((name) => readFileSync(join(pipelineCacheDir(folder), name)).toString('latin1')).join('');
		expect(shards).toContain('Rocket Engineer 2');
		// The role text's markup: its first sentence is the summary too, which the shards keep.
		expect(shards).not.toContain('<p>Role number 2 tests engines');
		const texts = readdirSync(roleTextDir(folder));
		expect(texts).toHaveLength(9);
		expect(texts.filter((name) => readFileSync(join(roleTextDir(folder), name), 'utf8').includes('Role number 2 tests engines'))).toHaveLength(1);

		// Nothing changed: every entry reused and nothing written, though the role text is gone once the run has its entries.
		const cache = openPostingCache(folder, 'code-1');
		const warm = normalizePostings(files, site, { today: TODAY, cache });
		rmSync(roleTextDir(folder), { recursive: true });
		expect(cache.stats).toEqual({ reused: 9, normalized: 0 });
		expect(cache.save()).toBe(0);
		expect(warm.postings.map((posting) => posting.title)).toEqual(cold.postings.map((posting) => posting.title));
		expect(() => warm.postings[0]!.sections).toThrow(/could not be read from the build cache/);
	});

	it('normalizes again a posting whose role-text file is missing, and writes the file again', () => {
		const folder = newFolder();
		const files = [...seedFiles(), ...postings([1, 2, 3])];
		run(folder, files);
		const [gone] = readdirSync(roleTextDir(folder)).filter((name) => readFileSync(join(roleTextDir(folder), name), 'utf8').includes('Role number 2 tests engines'));
		rmSync(join(roleTextDir(folder), gone!));
		const again = run(folder, files);
		expect(again).toMatchObject({ normalized: 1, reused: 8, written: 1 });
		expect(again.catalogue).toStrictEqual(normalizePostings(files, site, { today: TODAY }));
		expect(readdirSync(roleTextDir(folder))).toContain(gone);
	});
});
