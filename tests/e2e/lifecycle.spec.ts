import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { LIFECYCLE_URL } from './urls.ts';

// The lifecycle fixture: 001 closed, 004 renamed from "tunnel-engineer", 005 a draft.
test.use({ baseURL: LIFECYCLE_URL });

const CLOSED = '/jobs/senior-systems-engineer-workers-runtime-cpp/';

test('a closed role keeps its URL and sends the candidate on to open roles in its team', async ({ page }) => {
	const response = await page.goto(CLOSED);
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Senior Systems Engineer, Workers Runtime (C++)');
	await expect(page.getByText('No longer open', { exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: /^Apply/ })).toHaveCount(0);
	const similar = page.getByRole('region', { name: 'Open roles like this one' }).getByRole('link');
	await expect(similar).toHaveText(['Engineering Manager, Workers Runtime']);
	await similar.first().click();
	await expect(page).toHaveURL(/\/jobs\/engineering-manager-workers-runtime\/$/);
	await expect(page.getByRole('link', { name: /^Apply for this role/ })).toBeVisible();
});

test('a closed role is not listed with the open ones', async ({ page }) => {
	await page.goto('/teams/workers-runtime/');
	await expect(page.locator('[data-role] h3')).toHaveText(['Engineering Manager, Workers Runtime']);
	await page.goto('/');
	await expect(page.locator('#result-count')).toHaveText('4 open roles');
	await expect(page.getByRole('link', { name: 'Senior Systems Engineer, Workers Runtime (C++)' })).toHaveCount(0);
});

test('an old URL of a renamed role lands on the role, with or without JavaScript', async ({ browser }) => {
	for (const javaScriptEnabled of [true, false]) {
		const context = await browser.newContext({ baseURL: LIFECYCLE_URL, javaScriptEnabled });
		const page = await context.newPage();
		await page.goto('/jobs/tunnel-engineer/');
		await expect(page).toHaveURL(/\/jobs\/software-engineer-cloudflare-tunnel\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Software Engineer, Cloudflare Tunnel');
		await context.close();
	}
});

test('an old URL of a closed role lands on its closed page', async ({ page }) => {
	await page.goto('/jobs/runtime-engineer-cpp/');
	await expect(page).toHaveURL(new RegExp(`${CLOSED}$`));
	await expect(page.getByText('No longer open', { exact: true })).toBeVisible();
});

test('a draft is not published', async ({ page }) => {
	const response = await page.goto('/jobs/draft-role-nobody-should-see/');
	expect(response?.status()).toBe(404);
});

for (const [name, path] of [
	['a closed role page', CLOSED],
	['a remote-only role page', '/jobs/software-engineer-cloudflare-tunnel/'],
] as const) {
	for (const scheme of ['light', 'dark'] as const) {
		test(`axe finds no violations on ${name} (${scheme})`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(path);
			await expectNoAxeViolations(page);
		});
	}
}

test('axe finds no violations on the page at a former URL (before it moves on)', async ({ browser }) => {
	// Without JavaScript the meta refresh still runs; stop it by reading the HTML as served and checking it in place.
	const context = await browser.newContext({ baseURL: LIFECYCLE_URL });
	const page = await context.newPage();
	const html = await (await page.request.get('/jobs/tunnel-engineer/')).text();
	await page.route('**/jobs/tunnel-engineer/', (route) => route.fulfill({ contentType: 'text/html', body: html.replace(/<meta http-equiv="refresh"[^>]*>/, '') }));
	await page.goto('/jobs/tunnel-engineer/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This role has moved');
	await expectNoAxeViolations(page);
	await context.close();
});
