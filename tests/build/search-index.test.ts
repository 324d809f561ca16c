import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/pagefind.ts';
import { indexRolePagesEarly } from '../../src/integrations/early-search-index.ts';
import { splitIntoParts } from '../../src/integrations/search-parts.ts';

// The search index in parts, and its cache: a build indexes a few changed role
// pages apart, re-indexes a part whose pages changed more, and copies the rest.

const temp = mkdtempSync(join(os.tmpdir(), 'careers-search-index-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const ROLES = ['berlin-backend', 'lisbon-designer', 'austin-recruiter', 'remote-writer', 'tokyo-sre', 'paris-analyst', 'london-counsel', 'dublin-support', 'toronto-data', 'sydney-sales'];
const page = (slug: string, text: string) =>
	`<!doctype html><html lang="en"><head><title>${slug}</title><style>.x{color:red}</style></head><body><main data-pagefind-body data-pagefind-filter="page:/jobs/${slug}/"><h1>${slug}</h1><p>${text}</p></main></body></html>`;

/** A built site's role pages: one per slug, its text given or made from the slug. */
function site(name: string, text: (slug: string) => string, roles = ROLES): string {
	const outDir = join(temp, name);
	for (const slug of roles) {
		mkdirSync(join(outDir, 'jobs', slug), { recursive: true });
		writeFileSync(join(outDir, 'jobs', slug, 'index.html'), page(slug, text(slug)));
	}
	return outDir;
}

/** Every file of the index: path → bytes. */
function files(dir: string): Record<string, string> {
	const all: Record<string, string> = {};
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder)) {
			const path = join(folder, entry);
			if (statSync(path).isDirectory()) walk(path);
			else all[relative(dir, path)] = readFileSync(path).toString('base64');
		}
	};
	walk(dir);
	return all;
}

/** The index's files but for the changes part and the file naming the parts. */
const mainParts = (outDir: string) => Object.fromEntries(Object.entries(files(join(outDir, 'pagefind'))).filter(([path]) => !path.startsWith('changes/') && path !== 'parts.json'));
const partsFile = (outDir: string) => JSON.parse(readFileSync(join(outDir, 'pagefind', 'parts.json'), 'utf8'));

async function build(outDir: string, cacheDir: string | undefined): Promise<string[]> {
	const said: string[] = [];
	await buildSearchIndex({ outDir, cacheDir, root: process.cwd() }, { info: (message) => said.push(message) }, 4);
	return said;
}

describe('the search index in parts', () => {
	const text = (slug: string) => `We hire in ${slug.split('-')[0]} for ${slug.split('-')[1]} work.`;
	const cache = join(temp, 'cache');
	// Parts of 4 pages: a part keeps at most one changed page apart (a twentieth of 4, rounded up).
	const parts = splitIntoParts(ROLES, 4);
	const [first, second] = parts.find((part) => part.length >= 2)!;

	it('indexes ten role pages in three parts, the first naming the other two', async () => {
		const outDir = site('first', text);
		expect(await build(outDir, cache)).toEqual([expect.stringMatching(/^indexed 10 role pages in 3 of 3 parts into pagefind\/ in [\d.]+ s \(0 copied from the cache\)$/)]);
		expect(partsFile(outDir)).toEqual({ merge: ['part-1/', 'part-2/'] });
		// Pagefind's code is in the first part only.
		expect(readdirSync(join(outDir, 'pagefind')).filter((file) => file.endsWith('.js')).sort()).toEqual(['pagefind-worker.js', 'pagefind.js']);
		expect(readdirSync(join(outDir, 'pagefind', 'part-1')).filter((file) => /\.js$|^wasm/.test(file))).toEqual([]);
	});

	it('copies every part from the cache when no role page changed', async () => {
		const outDir = site('again', text);
		expect(await build(outDir, cache)).toEqual([expect.stringMatching(/^role pages unchanged since they were indexed: search index copied from the cache in [\d.]+ s \(3 parts\)$/)]);
		expect(files(join(outDir, 'pagefind'))).toEqual(files(join(temp, 'first', 'pagefind')));
		// Each file is the cached one, linked.
		for (const file of ['pagefind.js', 'pagefind-entry.json']) expect(statSync(join(outDir, 'pagefind', file)).ino, file).toBe(statSync(join(cache, 'search-index', 'part-0', 'pagefind', file)).ino);
	});

	it('after one changed page, copies every part and indexes that page apart, its old entry named as replaced', async () => {
		const changed = (slug: string) => (slug === 'tokyo-sre' ? 'We hire in Osaka now.' : text(slug));
		const outDir = site('changed', changed);
		expect(await build(outDir, cache)).toEqual([
			expect.stringMatching(/^indexed 1 role page in 1 of 4 parts into pagefind\/ in [\d.]+ s \(3 copied from the cache\); 1 role page changed since its part was indexed, in changes\/$/),
		]);
		expect(partsFile(outDir)).toEqual({ merge: ['part-1/', 'part-2/', 'changes/'], replaced: ['/jobs/tokyo-sre/'] });
		expect(mainParts(outDir)).toEqual(mainParts(join(temp, 'first')));
		// The changes part carries no code; its page names itself in a filter of its own.
		expect(readdirSync(join(outDir, 'pagefind', 'changes')).filter((file) => /\.js$|^wasm/.test(file))).toEqual([]);
		const filters = (folder: string) => readdirSync(join(outDir, 'pagefind', folder, 'filter')).map((file) => gunzipSync(readFileSync(join(outDir, 'pagefind', folder, 'filter', file))).toString('latin1'));
		expect(filters('changes')).toEqual([expect.stringMatching(/changed-page.*\/jobs\/tokyo-sre\//s)]);
		expect(filters('').join()).not.toContain('changed-page');
		// The same pages built again: the changes part too comes from the cache.
		const again = site('changed-again', changed);
		expect(await build(again, cache)).toEqual([
			expect.stringMatching(/^role pages unchanged since they were indexed: search index copied from the cache in [\d.]+ s \(4 parts\); 1 role page changed since its part was indexed, in changes\/$/),
		]);
		expect(files(join(again, 'pagefind'))).toEqual(files(join(outDir, 'pagefind')));
	});

	it('drops the changes part once the pages are back as indexed', async () => {
		const outDir = site('back', text);
		expect(await build(outDir, cache)).toEqual([expect.stringMatching(/^role pages unchanged since they were indexed: search index copied from the cache in [\d.]+ s \(3 parts\)$/)]);
		expect(files(join(outDir, 'pagefind'))).toEqual(files(join(temp, 'first', 'pagefind')));
	});

	it('indexes a part again, whole, when more of its pages changed than are kept apart, and gives the index a build without cache makes', async () => {
		const changed = (slug: string) => (slug === first || slug === second ? `Now hiring in Porto: ${slug}.` : text(slug));
		const outDir = site('two-changed', changed);
		expect(await build(outDir, cache)).toEqual([expect.stringMatching(/^indexed \d+ role pages in 1 of 3 parts into pagefind\/ in [\d.]+ s \(2 copied from the cache\)$/)]);
		const fresh = site('two-changed-fresh', changed);
		await build(fresh, undefined);
		expect(files(join(outDir, 'pagefind'))).toEqual(files(join(fresh, 'pagefind')));
	});

	it('names a removed page as replaced, with nothing to index', async () => {
		const changed = (slug: string) => (slug === first || slug === second ? `Now hiring in Porto: ${slug}.` : text(slug));
		const outDir = site('removed', changed, ROLES.filter((slug) => slug !== second));
		expect(await build(outDir, cache)).toEqual([expect.stringMatching(/^role pages unchanged since they were indexed: search index copied from the cache in [\d.]+ s \(3 parts\)$/)]);
		expect(partsFile(outDir)).toEqual({ merge: ['part-1/', 'part-2/'], replaced: [`/jobs/${second}/`] });
		expect(mainParts(outDir)).toEqual(mainParts(join(temp, 'two-changed')));
	});

	it('still copies the parts of a cache restored with other times, its files the same', async () => {
		const changed = (slug: string) => (slug === first || slug === second ? `Now hiring in Porto: ${slug}.` : text(slug));
		const walk = (folder: string): string[] => readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
		for (const file of walk(join(cache, 'search-index'))) utimesSync(file, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
		const outDir = site('restored', changed, ROLES.filter((slug) => slug !== second));
		expect(await build(outDir, cache)).toEqual([expect.stringMatching(/^role pages unchanged since they were indexed: search index copied from the cache in [\d.]+ s \(3 parts\)$/)]);
		expect(mainParts(outDir)).toEqual(mainParts(join(temp, 'two-changed')));
	});

	it('keeps a part it indexed by linking its files into the cache, not copying them', async () => {
		const own = join(temp, 'cache-kept');
		const outDir = site('kept-linked', text);
		await build(outDir, own);
		const part = join(outDir, 'pagefind', 'part-1');
		const meta = readdirSync(part).find((file) => file.endsWith('.pf_meta'))!;
		expect(statSync(join(own, 'search-index', 'part-1', 'pagefind', meta)).ino).toBe(statSync(join(part, meta)).ino);
	});

	it('indexes a part again when a file of it was edited in an output it was linked into', async () => {
		const own = join(temp, 'cache-edit');
		const built = site('edit-first', text);
		await build(built, own);
		// Its files now, before the edit below: the index a build keeps is linked into the cache, and so shares its files.
		const original = files(join(built, 'pagefind'));
		const linked = site('edit-linked', text);
		expect(await build(linked, own)).toEqual([expect.stringMatching(/^role pages unchanged since they were indexed: search index copied from the cache in [\d.]+ s \(3 parts\)$/)]);
		// Edited in place, the output's file is the cached one: the cached part changes with it.
		const folder = join(linked, 'pagefind', 'part-1');
		appendFileSync(join(folder, readdirSync(folder).find((file) => file.endsWith('.pf_meta'))!), 'x');
		const outDir = site('edit-after', text);
		expect(await build(outDir, own)).toEqual([expect.stringMatching(/^indexed \d+ role pages in 1 of 3 parts into pagefind\/ in [\d.]+ s \(2 copied from the cache\)$/)]);
		expect(files(join(outDir, 'pagefind'))).toEqual(original);
	});
});

describe('the search index begun while Astro renders its last pages', () => {
	const text = (slug: string) => `We hire in ${slug.split('-')[0]} for ${slug.split('-')[1]} work.`;
	/** What the early index and the build after Astro said: the index begun, then `build` with the same cache. */
	async function early(name: string, cacheName: string, slugs = ROLES, writtenWithinMs?: number, between?: (outDir: string) => void): Promise<{ outDir: string; begun: boolean; said: string[] }> {
		const outDir = join(temp, name);
		const cacheDir = join(temp, cacheName);
		const said: string[] = [];
		const begun = await indexRolePagesEarly({ outDir, cacheDir, root: process.cwd() }, slugs, { info: (message) => said.push(message) }, writtenWithinMs);
		between?.(outDir);
		await buildSearchIndex({ outDir, cacheDir, root: process.cwd() }, { info: (message) => said.push(message) });
		return { outDir, begun, said };
	}

	it('indexes the role pages as soon as they are written, and the build after Astro copies that index: the index a build without cache makes', async () => {
		site('early', text);
		const { outDir, begun, said } = await early('early', 'cache-early');
		expect(begun).toBe(true);
		expect(said).toEqual([
			expect.stringMatching(/^indexed 10 role pages in 1 of 1 part into pagefind\/ in [\d.]+ s \(0 copied from the cache\), while Astro renders the other pages$/),
			expect.stringMatching(/^role pages unchanged since they were indexed: search index copied from the cache in [\d.]+ s \(1 part\)$/),
		]);
		const fresh = site('early-fresh', text);
		await buildSearchIndex({ outDir: fresh, cacheDir: undefined, root: process.cwd() }, { info: () => undefined });
		expect(files(join(outDir, 'pagefind'))).toEqual(files(join(fresh, 'pagefind')));
	});

	it('waits for a role page Astro has rendered but not yet written', async () => {
		const outDir = site('early-late', text, ROLES.slice(1));
		setTimeout(() => site('early-late', text, ROLES.slice(0, 1)), 300);
		const { begun, said } = await early('early-late', 'cache-early-late');
		expect(begun).toBe(true);
		expect(said[0]).toMatch(/^indexed 10 role pages in 1 of 1 part/);
		expect(files(join(outDir, 'pagefind'))).toEqual(files(join(temp, 'early', 'pagefind')));
	});

	it('indexes again a page that changed after it was indexed early: a small site\'s part whole, the index a build without cache makes', async () => {
		const changed = (slug: string) => (slug === 'tokyo-sre' ? 'We hire in Osaka now.' : text(slug));
		site('early-changed', text);
		const { outDir, begun, said } = await early('early-changed', 'cache-early-changed', ROLES, undefined, () => site('early-changed', changed));
		expect(begun).toBe(true);
		expect(said[1]).toMatch(/^indexed 10 role pages in 1 of 1 part into pagefind\/ in [\d.]+ s \(0 copied from the cache\)$/);
		const fresh = site('early-changed-fresh', changed);
		await buildSearchIndex({ outDir: fresh, cacheDir: undefined, root: process.cwd() }, { info: () => undefined });
		expect(files(join(outDir, 'pagefind'))).toEqual(files(join(fresh, 'pagefind')));
	});

	it('gives up on a role page that never appears, and leaves the index to the build after Astro', async () => {
		site('early-missing', text, ROLES.slice(1));
		const { begun, said } = await early('early-missing', 'cache-early-missing', ROLES, 100);
		expect(begun).toBe(false);
		expect(said).toEqual([expect.stringMatching(/^indexed 9 role pages in 1 of 1 part into pagefind\/ in [\d.]+ s \(0 copied from the cache\)$/)]);
	});

	it('is not begun without a cache folder to keep it in', async () => {
		const outDir = site('early-uncached', text);
		expect(await indexRolePagesEarly({ outDir, cacheDir: undefined, root: process.cwd() }, ROLES, { info: () => undefined })).toBe(false);
		expect(existsSync(join(outDir, 'pagefind'))).toBe(false);
	});
});
