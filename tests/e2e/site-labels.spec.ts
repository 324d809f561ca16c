import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { FRENCH_URL } from './urls';

// The seeds as a French company's site (tests/fixtures/french/site.yaml): the filter script
// draws its counts and rows with the words the page hands it, so they read as the page does.
test.use({ baseURL: FRENCH_URL });

const roles = (page: import('@playwright/test').Page) => page.locator('[data-role]:visible');

test('the listing, its filters and the rows the script draws are in French', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Postes ouverts chez Cloudflare');
	await expect(page.locator('#result-count')).toHaveText('5 postes ouverts');
	await page.getByRole('checkbox', { name: /^Portugal/ }).click();
	await expect(page).toHaveURL(/\/\?location=portugal$/);
	await expect(roles(page)).toHaveCount(2);
	// Drawn by the script from the listing's data, not the pre-rendered rows.
	await expect(page.locator('#roles')).toHaveAttribute('data-drawn', '');
	await expect(page.locator('#result-count')).toHaveText('Résultats\u00a0: 2 sur 5 postes ouverts');
	await expect(roles(page).first().locator('time')).toHaveText(/^Publié (aujourd’hui|hier|il y a \d+ jours?)$/);
	await expect(roles(page).first().locator('.remote-badge').first()).toHaveText('ou télétravail');
	await expect(page.locator('#filters [data-chosen]')).toHaveText(' (sélection\u00a0: 1)');
	await expect(page.locator('#feeds').getByRole('link', { name: 'Postes\u00a0: Portugal' })).toHaveAttribute('href', '/locations/portugal/feed.xml');
	await expectNoAxeViolations(page);
});

test('a role page is in French, and passes axe', async ({ page }) => {
	await page.goto('/jobs/systems-engineer-global-scheduling/');
	await expect(page.locator('dt')).toHaveText(['Lieu', 'Rémunération', 'Date de publication']);
	await expect(page.locator('dd').nth(1)).toContainText('par an');
	await expectNoAxeViolations(page);
});
