import { expect, test } from '@playwright/test';

const roles = (page: import('@playwright/test').Page) => page.locator('[data-role]:visible');

test.describe('listing filters with JavaScript', () => {
	const choice = (page: import('@playwright/test').Page, name: RegExp) => page.getByRole('checkbox', { name });

	test('lists every open role, newest first, with the count', async ({ page }) => {
		await page.goto('/');
		await expect(roles(page)).toHaveCount(5);
		await expect(page.locator('#result-count')).toHaveText('5 open roles');
		await expect(roles(page).first().locator('time')).toHaveText(/^Posted (today|yesterday|\d+ days ago)$/);
	});

	test('choosing a place narrows the list, marks the choice and updates the URL', async ({ page }) => {
		await page.goto('/');
		await choice(page, /^Portugal/).click();
		await expect(page).toHaveURL(/\/\?location=portugal$/);
		await expect(roles(page)).toHaveCount(2);
		await expect(roles(page).getByRole('link')).toHaveText(['Engineering Manager, Observability', 'Engineering Manager, Workers Runtime']);
		await expect(page.locator('#result-count')).toHaveText('2 of 5 open roles match');
		await expect(choice(page, /^Portugal/)).toHaveAttribute('aria-checked', 'true');
		// The chosen place's feed is offered beside the site's.
		await expect(page.locator('#feeds').getByRole('link', { name: 'Portugal roles' })).toHaveAttribute('href', '/locations/portugal/feed.xml');
	});

	test('several places are either one; a team narrows them further', async ({ page }) => {
		await page.goto('/');
		await choice(page, /^Austin, Texas/).click();
		await expect(roles(page)).toHaveCount(1);
		await choice(page, /^Lisbon, Portugal/).click();
		await expect(page).toHaveURL(/\/\?location=austin-texas&location=lisbon-portugal$/);
		await expect(roles(page)).toHaveCount(2);
		await choice(page, /^Observability/).click();
		await expect(page).toHaveURL(/\?location=austin-texas&location=lisbon-portugal&team=observability$/);
		await expect(roles(page).getByRole('link')).toHaveText(['Engineering Manager, Observability']);
		// Unchoosing a place widens again; "All locations" drops every place.
		await choice(page, /^Lisbon, Portugal/).click();
		await expect(roles(page)).toHaveCount(0);
		await expect(page.getByText('No open roles match these filters.')).toBeVisible();
		await page.getByRole('link', { name: 'All locations' }).click();
		await expect(page).toHaveURL(/\/\?team=observability$/);
		await expect(roles(page)).toHaveCount(1);
	});

	test('remote shows only roles that can be done remotely', async ({ page }) => {
		await page.goto('/?location=remote');
		await expect(roles(page)).toHaveCount(1);
		await expect(roles(page).getByRole('link')).toHaveText('Engineering Manager, Observability');
	});

	test('state survives reload and back/forward', async ({ page }) => {
		await page.goto('/');
		await choice(page, /^Observability/).click();
		await expect(roles(page)).toHaveCount(1);
		await page.reload();
		await expect(roles(page)).toHaveCount(1);
		await expect(choice(page, /^Observability/)).toHaveAttribute('aria-checked', 'true');
		await choice(page, /^United Kingdom/).click();
		await expect(page).toHaveURL(/location=united-kingdom&team=observability/);
		await page.goBack();
		await expect(page).toHaveURL(/\/\?team=observability$/);
		await expect(roles(page)).toHaveCount(1);
		await expect(choice(page, /^United Kingdom/)).toHaveAttribute('aria-checked', 'false');
		await page.goBack();
		await expect(page).toHaveURL(/\/$/);
		await expect(roles(page)).toHaveCount(5);
		await page.goForward();
		await expect(roles(page)).toHaveCount(1);
	});

	test('clear all drops every filter and the text', async ({ page }) => {
		await page.goto('/?location=portugal&team=observability&q=metrics');
		await expect(roles(page)).toHaveCount(1);
		await page.locator('.count-line').getByRole('button', { name: 'Clear all' }).click();
		await expect(page).toHaveURL(/\/$/);
		await expect(roles(page)).toHaveCount(5);
		await expect(page.getByLabel('Search roles')).toHaveValue('');
		await expect(page.locator('#result-count')).toHaveText('5 open roles');
		await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(0);
	});

	test('text filter, empty state and reset', async ({ page }) => {
		await page.goto('/');
		const search = page.getByLabel('Search roles');
		await search.fill('tunnel');
		await expect(roles(page)).toHaveCount(1);
		await expect(page).toHaveURL(/\?q=tunnel$/);
		await search.fill('underwater basket weaving');
		await expect(roles(page)).toHaveCount(0);
		await expect(page.getByText('No open roles match these filters.')).toBeVisible();
		await expect(page.locator('#result-count')).toHaveText('0 of 5 open roles match');
		await page.getByRole('link', { name: 'Show all roles' }).click();
		await expect(roles(page)).toHaveCount(5);
		await expect(search).toHaveValue('');
		await expect(page).toHaveURL(/\/$/);
	});

	test('a shared link opens filtered', async ({ page }) => {
		await page.goto('/?team=observability&q=metrics');
		await expect(roles(page)).toHaveCount(1);
		await expect(page.getByLabel('Search roles')).toHaveValue('metrics');
	});

	test('without the listing data, a filter leads to its pre-rendered listing', async ({ page }) => {
		await page.route('**/listing.json', (route) => route.abort());
		await page.goto('/');
		await choice(page, /^Portugal/).click();
		await expect(page).toHaveURL(/\/locations\/portugal\/$/);
		await expect(page.locator('[data-role]')).toHaveCount(2);
	});

	test('the listing data is fetched and matched in a worker, and on the page where no worker can start', async ({ page }) => {
		const started = page.waitForEvent('worker');
		await page.goto('/?location=portugal');
		const worker = await started;
		expect(worker.url()).toMatch(/\/_astro\/listing-worker-[\w-]+\.js$/);
		await expect(roles(page).getByRole('link')).toHaveText(['Engineering Manager, Observability', 'Engineering Manager, Workers Runtime']);
		// The worker fetched the data; the page did not.
		const fetched = (scope: { evaluate: (run: () => string[]) => Promise<string[]> }) => scope.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
		expect(await fetched(worker)).toContain('/listing.json');
		expect(await fetched(page)).not.toContain('/listing.json');

		const noWorker = await page.context().newPage();
		await noWorker.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
		await noWorker.goto('/?location=portugal');
		await expect(roles(noWorker).getByRole('link')).toHaveText(['Engineering Manager, Observability', 'Engineering Manager, Workers Runtime']);
		await expect(noWorker.locator('#result-count')).toHaveText('2 of 5 open roles match');
		// The page ran the worker's own script and fetched the data itself.
		const noWorkerFetched = await fetched(noWorker);
		expect(noWorkerFetched).toContain('/listing.json');
		expect(noWorkerFetched).toContainEqual(expect.stringMatching(/^\/_astro\/listing-worker-[\w-]+\.js$/));
	});

	test('a first filter change keeps the rows in view until the matching rows replace them', async ({ page }) => {
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/listing.json', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto('/');
		await choice(page, /^Portugal/).click();
		// While the data is on its way the list is busy, and still shows the five roles rather than a blank screen.
		await expect(page.locator('#roles')).toHaveAttribute('aria-busy', 'true');
		await expect(roles(page)).toHaveCount(5);
		release();
		await expect(roles(page).getByRole('link')).toHaveText(['Engineering Manager, Observability', 'Engineering Manager, Workers Runtime']);
		await expect(page.locator('#roles')).not.toHaveAttribute('aria-busy');
	});

	test('the typeahead narrows a facet to the matching places, with their countries and cities', async ({ page }) => {
		await page.goto('/');
		const locations = page.locator('[data-facet="location"]');
		await locations.getByRole('searchbox', { name: 'Find a location' }).fill('lisb');
		await expect(locations.getByRole('checkbox').filter({ visible: true })).toHaveText([/^Portugal/, /^Lisbon, Portugal/]);
		await locations.getByRole('searchbox', { name: 'Find a location' }).fill('united kingdom');
		await expect(locations.getByRole('checkbox').filter({ visible: true })).toHaveText(['Remote (1)', 'Remote, United Kingdom (1)', 'United Kingdom (2)', 'London, United Kingdom (2)']);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('every role is reachable through the filter links', async ({ page }) => {
		// A crawl of the listing and every location and team listing (18 pages
		// with the seed postings): many pages' work, so many pages' time limit.
		test.setTimeout(180_000);
		const seen = new Set<string>();
		const queue = ['/'];
		const visited = new Set<string>();
		while (queue.length > 0) {
			const path = queue.shift()!;
			if (visited.has(path)) continue;
			visited.add(path);
			// Only the links are read: the parsed document is enough, without waiting for styles, fonts and images.
			await page.goto(path, { waitUntil: 'domcontentloaded' });
			for (const href of await page.locator('a[href^="/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))) {
				if (href.startsWith('/jobs/')) seen.add(href);
				else if (/^\/(locations|teams)\//.test(href) && !visited.has(href)) queue.push(href);
			}
		}
		expect([...seen].sort()).toEqual([
			'/jobs/engineering-manager-observability/',
			'/jobs/engineering-manager-workers-runtime/',
			'/jobs/senior-systems-engineer-workers-runtime-cpp/',
			'/jobs/software-engineer-cloudflare-tunnel/',
			'/jobs/systems-engineer-global-scheduling/',
		]);
	});

	test('a location chip leads to its pre-rendered listing', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByLabel('Search roles')).toBeHidden();
		await page.getByRole('link', { name: /^Lisbon, Portugal/ }).click();
		await expect(page).toHaveURL(/\/locations\/lisbon-portugal\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roles in Lisbon, Portugal');
		await expect(page.locator('[data-role]')).toHaveCount(2);
	});
});
