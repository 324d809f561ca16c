import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildSearchIndex } from '../../src/integrations/pagefind.ts';
import { MANY_URL } from './urls.ts';

// A large site's search index is built in parts that the browser merges
// (src/integrations/search-parts.ts). The 1,000 generated roles fit one part;
// here the same role pages are indexed in parts of 300, and the listing is
// searched with either index: the answers must be the same.
test.use({ baseURL: MANY_URL });

const MANY_DIST = resolve('.builds/many/dist');
let parted: string;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	parted = mkdtempSync(join(os.tmpdir(), 'careers-search-parts-'));
	// The indexer reads only jobs/*/index.html under the output folder it is given.
	symlinkSync(join(MANY_DIST, 'jobs'), join(parted, 'jobs'));
	await buildSearchIndex({ outDir: parted, cacheDir: undefined, root: process.cwd() }, { info: () => {} }, 300);
});

test.afterAll(() => rmSync(parted, { recursive: true, force: true }));

/** Serves `/pagefind/…` from the parted index, page and Pagefind's worker alike; returns the paths it served. */
async function useParted(page: Page): Promise<string[]> {
	const served: string[] = [];
	await page.context().route(`${MANY_URL}/pagefind/**`, (route) => {
		const { pathname } = new URL(route.request().url());
		served.push(pathname);
		return route.fulfill({ path: join(parted, pathname) });
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
	const served = await useParted(page);
	for (const query of Object.keys(whole)) {
		const found = await answer(page, query);
		expect(found, query).toEqual(whole[query]);
	}
	// 119 of the generated postings have the word "security" (grep -liw); the answers did come from every part.
	expect(whole.security!.count).toBe('119 of 1,000 open roles match');
	for (const part of ['/pagefind/pagefind-entry.json', '/pagefind/parts.json', ...[1, 2, 3].map((k) => `/pagefind/part-${k}/pagefind-entry.json`)]) expect(served).toContain(part);
	expect(served.filter((path) => /^\/pagefind\/part-\d\/index\//.test(path)).length).toBeGreaterThanOrEqual(3);
});
