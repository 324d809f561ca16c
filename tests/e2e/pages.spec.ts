import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

const SLUGS = [
	'engineering-manager-observability',
	'engineering-manager-workers-runtime',
	'senior-systems-engineer-workers-runtime-cpp',
	'software-engineer-cloudflare-tunnel',
	'systems-engineer-global-scheduling',
];

test('each role page has its title, an Apply link and a way back', async ({ page }) => {
	for (const slug of SLUGS) {
		await page.goto(`/jobs/${slug}/`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const apply = page.getByRole('link', { name: /^Apply for this role/ });
		await expect(apply).toHaveAttribute('href', 'https://www.cloudflare.com/careers/jobs/');
		await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'All open roles' })).toHaveAttribute('href', '/');
	}
});

test('a role page shows locations with a remote badge, and the company text collapsed', async ({ page }) => {
	await page.goto('/jobs/engineering-manager-observability/');
	await expect(page.locator('dd').filter({ hasText: 'Amsterdam' }).getByText('or remote')).toHaveCount(4);
	const details = page.locator('#company details');
	await expect(details).not.toHaveAttribute('open');
	await expect(page.getByText('Cloudflare is proud to be an equal opportunity employer.')).toBeHidden();
	await page.getByText('About Cloudflare, equal opportunity and accommodations').click();
	await expect(page.getByText('Cloudflare is proud to be an equal opportunity employer.')).toBeVisible();
});

test('the 404 page helps the candidate on', async ({ page }) => {
	const response = await page.goto('/jobs/no-such-role/');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('We couldn’t find that page');
	await page.getByRole('main').getByRole('link', { name: 'See all open roles' }).click();
	await expect(page).toHaveURL(/\/$/);
});

for (const [name, path] of [
	['the listing', '/'],
	['a filtered listing', '/?location=portugal'],
	['a location listing', '/locations/remote/'],
	['a team listing', '/teams/workers-runtime/'],
	['a role page', '/jobs/systems-engineer-global-scheduling/'],
	['the 404 page', '/404.html'],
] as const) {
	for (const scheme of ['light', 'dark'] as const) {
		test(`axe finds no violations on ${name} (${scheme})`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(path);
			await expectNoAxeViolations(page);
		});
	}
}

test('the role page reads well on a phone', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/jobs/systems-engineer-global-scheduling/');
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await expect(page.getByRole('link', { name: /^Apply for this role/ })).toBeInViewport();
});

test('a word longer than a phone is wide breaks instead of widening the page', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/jobs/systems-engineer-global-scheduling/');
	// A title France Travail gave, and a link written out in a posting's text.
	await page.evaluate(() => {
		document.querySelector('h1')!.prepend('EMPLOYE DE VENTE 35h (H/F) - BELLEGARDE/VALSERINE ');
		document.querySelector('article p')!.append(' https://careers.example.com/jobs/a-path-with-no-place-to-break-it-at-all-anywhere-in-it');
	});
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});
