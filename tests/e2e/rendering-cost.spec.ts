import { expect, test, type Page } from '@playwright/test';
import { choice, count, shownCount } from './listing.ts';
import { MANY_URL } from './urls.ts';

// What the browser restyles and lays out on the listing of 1,000 generated roles
// (scripts/many-roles.mjs). The home page has about 1,500 elements with its
// filters; a phone's first screen lays out about 300 of them. The suite runs in
// Chromium only (playwright.config.ts), whose traces these tests read.
test.use({
	baseURL: MANY_URL,
	// Playwright's own trace reads every element's scroll offset, which lays out what is hidden.
	trace: 'off',
});

/**
 * What Chromium restyled and laid out while `act` ran, up to the frame after:
 * the element count of each style pass and the layout tree's size at each
 * layout pass. Counts, not times, so a busy machine cannot move them.
 */
async function renderingPasses(page: Page, act: () => Promise<unknown>): Promise<{ restyled: number[]; laidOut: number[] }> {
	const browser = page.context().browser()!;
	await browser.startTracing(page, { categories: ['devtools.timeline'] });
	await act();
	await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
	type Event = { name: string; ph: string; args?: { elementCount?: number; beginData?: { totalObjects?: number } } };
	const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: Event[] };
	const passes = (name: string) => traceEvents.filter((event) => event.name === name && event.ph === 'X');
	return {
		restyled: passes('UpdateLayoutTree').map((event) => event.args?.elementCount ?? 0),
		laidOut: passes('Layout').map((event) => event.args?.beginData?.totalObjects ?? 0),
	};
}

test.describe('what the browser redoes', () => {
	test('loading `/` on a phone lays out neither the closed filters nor the rows out of view', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		// A search field inside the closed disclosure made Chromium's autofill lay out every filter value after load (2,060 objects).
		const { laidOut } = await renderingPasses(page, async () => {
			await page.goto('/');
			await page.waitForLoadState('networkidle');
		});
		expect(laidOut.length).toBeGreaterThan(0);
		expect(Math.max(...laidOut)).toBeLessThan(600);
		// Opened, the disclosure offers the typeahead.
		await page.getByText('Filter by location or team').click();
		await expect(page.getByRole('searchbox', { name: 'Find a location' })).toBeVisible();
	});

	test('choosing a first filter restyles the list and the value, not the whole page', async ({ page }) => {
		await page.goto('/');
		await page.waitForLoadState('networkidle');
		const germany = await shownCount(page, /^Germany/);
		await choice(page, /^Germany/).scrollIntoViewIfNeeded();
		// A `> *` rule under `html[data-filtered]` restyled all 1,500 elements when the page became filtered.
		const { restyled } = await renderingPasses(page, async () => {
			await choice(page, /^Germany/).click();
			await expect(count(page)).toHaveText(`${germany} of 1,000 open roles match`);
		});
		expect(restyled.length).toBeGreaterThan(0);
		expect(Math.max(...restyled)).toBeLessThan(500);
	});
});
