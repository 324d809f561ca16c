import { expect, test, type Page } from '@playwright/test';

const roles = (page: Page) => page.locator('[data-role]:visible');
const titles = (page: Page) => roles(page).getByRole('link');
const search = (page: Page) => page.getByLabel('Search roles');

/** Every request for Pagefind's files (`/pagefind/…`) the page makes. */
function pagefindRequests(page: Page): string[] {
	const seen: string[] = [];
	page.on('request', (request) => {
		const { pathname } = new URL(request.url());
		if (pathname.startsWith('/pagefind/')) seen.push(pathname);
	});
	return seen;
}

/** CSP violations reported in the page, and console errors. */
async function problems(page: Page): Promise<() => Promise<string[]>> {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
	});
	return async () => [...errors, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

test.describe('full-text search on the listing', () => {
	test('finds a word that only the role page has, loading Pagefind only then', async ({ page }) => {
		const requests = pagefindRequests(page);
		const report = await problems(page);
		await page.goto('/');
		await expect(roles(page)).toHaveCount(5);
		// Filtering with the chips needs no index.
		await page.getByRole('checkbox', { name: /^Portugal/ }).click();
		await expect(roles(page)).toHaveCount(2);
		await page.getByRole('link', { name: 'All locations' }).click();
		await expect(roles(page)).toHaveCount(5);
		expect(requests).toEqual([]);

		// "Alertmanager" is in the Observability posting's text, not in the listing.
		await expect(page.locator('[data-role]', { hasText: /alertmanager/i })).toHaveCount(0);
		await search(page).fill('Alertmanager');
		await expect(titles(page)).toHaveText(['Engineering Manager, Observability']);
		await expect(page).toHaveURL(/\/\?q=Alertmanager$/);
		await expect(page.locator('#result-count')).toHaveText('1 of 5 open roles match');
		expect(requests).toContain('/pagefind/pagefind.js');

		// Two postings name Prometheus; matches keep the listing's order (newest first, then by title: the seeds share a day).
		await search(page).fill('prometheus');
		await expect(titles(page)).toHaveText(['Engineering Manager, Observability', 'Software Engineer, Cloudflare Tunnel']);
		// Every word must match: together they name only the Tunnel role.
		await search(page).fill('prometheus grafana');
		await expect(titles(page)).toHaveText(['Software Engineer, Cloudflare Tunnel']);
		// The start of a word is enough while typing.
		await search(page).fill('alertman');
		await expect(titles(page)).toHaveText(['Engineering Manager, Observability']);
		expect(await report()).toEqual([]);
	});

	test('combines with the location and team filters', async ({ page }) => {
		await page.goto('/');
		await search(page).fill('prometheus');
		await expect(roles(page)).toHaveCount(2);
		await page.getByRole('checkbox', { name: /^Portugal/ }).click();
		await expect(page).toHaveURL(/\/\?location=portugal&q=prometheus$/);
		await expect(titles(page)).toHaveText(['Engineering Manager, Observability']);
		await expect(page.locator('#result-count')).toHaveText('1 of 5 open roles match');
		await page.getByRole('link', { name: 'All locations' }).click();
		await page.getByRole('checkbox', { name: /^Cloudflare Tunnel/ }).click();
		await expect(page).toHaveURL(/\/\?team=cloudflare-tunnel&q=prometheus$/);
		await expect(titles(page)).toHaveText(['Software Engineer, Cloudflare Tunnel']);
		// Search, location and team together can rule out everything.
		await page.getByRole('checkbox', { name: /^Portugal/ }).click();
		await expect(roles(page)).toHaveCount(0);
		await expect(page.getByText('No open roles match these filters.')).toBeVisible();
	});

	test('the query survives reload and back/forward', async ({ page }) => {
		await page.goto('/');
		await search(page).fill('alertmanager');
		await expect(roles(page)).toHaveCount(1);
		await page.reload();
		await expect(search(page)).toHaveValue('alertmanager');
		await expect(titles(page)).toHaveText(['Engineering Manager, Observability']);
		await page.getByRole('checkbox', { name: /^Workers Runtime/ }).click();
		await expect(page).toHaveURL(/\/\?team=workers-runtime&q=alertmanager$/);
		await expect(roles(page)).toHaveCount(0);
		await page.goBack();
		await expect(page).toHaveURL(/\/\?q=alertmanager$/);
		await expect(titles(page)).toHaveText(['Engineering Manager, Observability']);
		await page.goForward();
		await expect(roles(page)).toHaveCount(0);

		// A shared link opens searched; back returns to the previous search.
		await page.goto('/?q=grafana');
		await expect(search(page)).toHaveValue('grafana');
		await expect(titles(page)).toHaveText(['Software Engineer, Cloudflare Tunnel']);
		await page.goBack();
		await expect(page).toHaveURL(/\/\?team=workers-runtime&q=alertmanager$/);
		await expect(search(page)).toHaveValue('alertmanager');
		await expect(roles(page)).toHaveCount(0);
	});

	test('a search that matches nothing shows the empty state, and reset clears it', async ({ page }) => {
		await page.goto('/');
		// Pagefind alone would answer "asdf" with every page that has the word "a".
		for (const query of ['asdf', 'xyzzy prometheus']) {
			await search(page).fill(query);
			await expect(roles(page)).toHaveCount(0);
			await expect(page.getByText('No open roles match these filters.')).toBeVisible();
			await expect(page.locator('#result-count')).toHaveText('0 of 5 open roles match');
		}
		await page.getByRole('link', { name: 'Show all roles' }).click();
		await expect(roles(page)).toHaveCount(5);
		await expect(search(page)).toHaveValue('');
		await expect(search(page)).toBeFocused();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.locator('#result-count')).toHaveText('5 open roles');
	});

	test('no CSP violation when Pagefind runs on the page instead of in its worker', async ({ page }) => {
		const report = await problems(page);
		// Without workers, Pagefind compiles its WebAssembly on the page: the listing's CSP must allow that.
		await page.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
		await page.goto('/?q=grafana');
		await expect(titles(page)).toHaveText(['Software Engineer, Cloudflare Tunnel']);
		await search(page).fill('scheduling');
		await expect(titles(page)).toHaveText(['Systems Engineer, Global Scheduling']);
		expect(await report()).toEqual([]);
	});

	test('falls back to the listing text when Pagefind cannot load', async ({ page }) => {
		await page.route('**/pagefind/**', (route) => route.abort());
		await page.goto('/');
		await search(page).fill('tunnel');
		await expect(titles(page)).toHaveText(['Software Engineer, Cloudflare Tunnel']);
		// Words only on the role pages are out of reach then.
		await search(page).fill('alertmanager');
		await expect(roles(page)).toHaveCount(0);
		await expect(page.getByText('No open roles match these filters.')).toBeVisible();
	});
});
