import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/pagefind.ts';

// The search index in parts, and its cache: a build re-indexes only the parts
// whose role pages changed, and gives the same files as a build without cache.

const temp = mkdtempSync(join(os.tmpdir(), 'careers-search-index-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const ROLES = ['berlin-backend', 'lisbon-designer', 'austin-recruiter', 'remote-writer', 'tokyo-sre', 'paris-analyst', 'london-counsel', 'dublin-support', 'toronto-data', 'sydney-sales'];
const page = (slug: string, text: string) =>
	`<!doctype html><html lang="en"><head><title>${slug}</title><style>.x{color:red}</style></head><body><main data-pagefind-body><h1>${slug}</h1><p>${text}</p><span data-pagefind-filter="page">/jobs/${slug}/</span></main></body></html>`;

/** A built site's role pages: one per slug, its text given or made from the slug. */
function site(name: string, text: (slug: string) => string): string {
	const outDir = join(temp, name);
	for (const slug of ROLES) {
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

async function build(outDir: string, cacheDir: string | undefined): Promise<string[]> {
	const said: string[] = [];
	await buildSearchIndex({ outDir, cacheDir, root: process.cwd() }, { info: (message) => said.push(message) }, 4);
	return said;
}

describe('the search index in parts', () => {
	const text = (slug: string) => `We hire in ${slug.split('-')[0]} for ${slug.split('-')[1]} work.`;
	const cache = join(temp, 'cache');

	it('indexes ten role pages in three parts, the first naming the other two', async () => {
		const outDir = site('first', text);
		expect(await build(outDir, cache)).toEqual([expect.stringMatching(/^indexed 10 role pages in 3 of 3 parts into pagefind\/ in [\d.]+ s \(0 copied from the cache\)$/)]);
		expect(JSON.parse(readFileSync(join(outDir, 'pagefind', 'parts.json'), 'utf8'))).toEqual({ merge: ['part-1/', 'part-2/'] });
		// Pagefind's code is in the first part only.
		expect(readdirSync(join(outDir, 'pagefind')).filter((file) => file.endsWith('.js')).sort()).toEqual(['pagefind-worker.js', 'pagefind.js']);
		expect(readdirSync(join(outDir, 'pagefind', 'part-1')).filter((file) => /\.js$|^wasm/.test(file))).toEqual([]);
	});

	it('copies every part from the cache when no role page changed', async () => {
		const outDir = site('again', text);
		expect(await build(outDir, cache)).toEqual([expect.stringMatching(/^role pages unchanged since the last build: search index copied from the cache in [\d.]+ s \(3 parts\)$/)]);
		expect(files(join(outDir, 'pagefind'))).toEqual(files(join(temp, 'first', 'pagefind')));
	});

	it('after one changed page, re-indexes its part only, and the index is the one a build without cache makes', async () => {
		const changed = (slug: string) => (slug === 'tokyo-sre' ? 'We hire in Osaka now.' : text(slug));
		const outDir = site('changed', changed);
		const said = await build(outDir, cache);
		expect(said).toEqual([expect.stringMatching(/^indexed [1-9]\d* role pages? in 1 of 3 parts into pagefind\/ in [\d.]+ s \(2 copied from the cache\)$/)]);
		const fresh = site('fresh', changed);
		await build(fresh, undefined);
		expect(files(join(outDir, 'pagefind'))).toEqual(files(join(fresh, 'pagefind')));
		expect(files(join(outDir, 'pagefind'))).not.toEqual(files(join(temp, 'first', 'pagefind')));
	});
});
