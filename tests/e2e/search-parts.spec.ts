import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildSearchIndex } from '../../src/integrations/pagefind.ts';
import { MANY_URL } from './urls.ts';

// A large site's search index is built in parts that the browser merges
// (src/integrations/search-parts.ts). The 1,000 generated roles fit one part;
// here the same role pages are indexed in parts of 300, and the listing is
// searched with either index: the answers must be the same. Then two role
// pages change (one edited, one removed) and the index is built again from
// the cache, the changed page indexed apart: its answers must be those of an
// index built from nothing over the same pages.
test.use({ baseURL: MANY_URL });

const MANY_DIST = resolve('.builds/many/dist');
const PART_PAGES = 300;
// Made in beforeAll, not when the file is loaded: Playwright loads it in its runner too, where afterAll never runs.
let temp: string;
let parted: string;
let changed: string;
let fresh: string;
/** The role edited ("security" becomes "cyberwatch", a word no other page has, but in its URLs) and the one removed: the first two, by slug, with "security" in their titles. */
let edited: string;
let removed: string;
const said: string[] = [];

test.beforeAll(async () => {
	test.setTimeout(300_000);
	temp = mkdtempSync(join(os.tmpdir(), 'careers-search-parts-'));
	[parted, changed, fresh] = ['parted', 'changed', 'fresh'].map((name) => join(temp, name)) as [string, string, string];
	const index = (outDir: string, cacheDir: string | undefined) => buildSearchIndex({ outDir, cacheDir, root: process.cwd() }, { info: (message) => said.push(message) }, PART_PAGES);
	// The indexer reads only jobs/*/index.html under the output folder it is given.
	mkdirSync(parted);
	symlinkSync(join(MANY_DIST, 'jobs'), join(parted, 'jobs'));
	await index(parted, join(temp, 'cache'));
	const slugs = readdirSync(join(MANY_DIST, 'jobs')).sort();
	// "Security" in the title: in the indexed text, whatever else the page says.
	[edited, removed] = slugs.filter((slug) => /<h1[^>]*>[^<]*security/i.test(readFileSync(join(MANY_DIST, 'jobs', slug, 'index.html'), 'utf8'))) as [string, string];
	for (const outDir of [changed, fresh]) {
		for (const slug of slugs) {
			if (slug === removed) continue;
			mkdirSync(join(outDir, 'jobs', slug), { recursive: true });
			const from = join(MANY_DIST, 'jobs', slug, 'index.html');
			if (slug === edited) writeFileSync(join(outDir, 'jobs', slug, 'index.html'), readFileSync(from, 'utf8').replace(/(?<![-/])security/gi, 'cyberwatch'));
			else symlinkSync(from, join(outDir, 'jobs', slug, 'index.html'));
		}
	}
	await index(changed, join(temp, 'cache'));
	await index(fresh, undefined);
});

test.afterAll(() => {
	if (temp) rmSync(temp, { recursive: true, force: true });
});

/** Serves `/pagefind/…` from the index built into `outDir`, page and Pagefind's worker alike; returns the paths it served. */
async function useIndex(page: Page, outDir: string): Promise<string[]> {
	const served: string[] = [];
	await page.context().unrouteAll();
	await page.context().route(`${MANY_URL}/pagefind/**`, (route) => {
		const { pathname } = new URL(route.request().url());
		served.push(pathname);
		return route.fulfill({ path: join(outDir, pathname) });
	});
	return served;
}

/** What the listing shows for a search: the count line and the links of the rows drawn. */
async function answer(page: Page, query: string): Promise<{ count: string; roles: string[] }> {
	await page.goto(`/?q=${encodeURIComponent(query)}`);
	const count = page.locator('#result-count');
	await expect(count).toHaveText(/ of 1,000 open roles match$/);
	await expect(page.locator('#roles')).not.toHaveAttribute('aria-busy', 'true');
	return { count: (await count.textContent())!, roles: await page.locator('#roles > [data-role]:visible a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!)) };
}

test('the index is in four parts, the first naming the other three', () => {
	expect(JSON.parse(readFileSync(join(parted, 'pagefind', 'parts.json'), 'utf8'))).toEqual({ merge: ['part-1/', 'part-2/', 'part-3/'] });
});

test('a search over the parts finds what the whole index finds', async ({ page }) => {
	const whole: Record<string, { count: string; roles: string[] }> = {};
	for (const query of ['security', 'engineer', 'manager security']) whole[query] = await answer(page, query);
	const served = await useIndex(page, parted);
	for (const query of Object.keys(whole)) {
		const found = await answer(page, query);
		expect(found, query).toEqual(whole[query]);
	}
	// 119 of the generated postings have the word "security" (grep -liw); the answers did come from every part.
	expect(whole.security!.count).toBe('119 of 1,000 open roles match');
	for (const part of ['/pagefind/pagefind-entry.json', '/pagefind/parts.json', ...[1, 2, 3].map((k) => `/pagefind/part-${k}/pagefind-entry.json`)]) expect(served).toContain(part);
	expect(served.filter((path) => /^\/pagefind\/part-\d\/index\//.test(path)).length).toBeGreaterThanOrEqual(3);
});

test('after two changed role pages, the index built from the cache keeps its parts and indexes the edited page apart', () => {
	expect(said[1]).toMatch(/^indexed 1 role page in 1 of 5 parts into pagefind\/ in [\d.]+ s \(4 copied from the cache\); 1 role page changed since its part was indexed, in changes\/$/);
	expect(JSON.parse(readFileSync(join(changed, 'pagefind', 'parts.json'), 'utf8'))).toEqual({
		merge: ['part-1/', 'part-2/', 'part-3/', 'changes/'],
		replaced: [`/jobs/${edited}/`, `/jobs/${removed}/`].sort(),
	});
});

test('a search with the changes part finds what an index built from nothing finds', async ({ page }) => {
	const queries = ['security', 'cyberwatch', 'engineer', 'manager security', 'cyberwatch engineer'];
	await useIndex(page, fresh);
	const expected: Record<string, { count: string; roles: string[] }> = {};
	for (const query of queries) expected[query] = await answer(page, query);
	const served = await useIndex(page, changed);
	for (const query of queries) expect(await answer(page, query), query).toEqual(expected[query]);
	// Two roles fewer say "security" (the stale entries of the parts left out); the edited one alone says "cyberwatch".
	expect(expected.security!.count).toBe('117 of 1,000 open roles match');
	expect(expected.cyberwatch).toEqual({ count: '1 of 1,000 open roles match', roles: [`/jobs/${edited}/`] });
	expect(served).toContain('/pagefind/changes/pagefind-entry.json');
});
