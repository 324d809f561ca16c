import { expect, test, type Page } from '@playwright/test';
import { LIFECYCLE_URL } from './urls.ts';

/**
 * Records everything that would show a candidate a broken page: CSP
 * violations (reported by the browser as events, collected before any page
 * script runs), console errors and uncaught exceptions.
 */
async function watch(page: Page): Promise<() => Promise<string[]>> {
	const problems: string[] = [];
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) => {
			seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
		});
	});
	page.on('console', (message) => {
		if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
	return async () => {
		const violations = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
		return [...problems, ...violations.map((violation) => `CSP: ${violation}`)];
	};
}

const KINDS: Array<[name: string, url: string]> = [
	['the listing', '/'],
	['a filtered listing', '/?location=portugal&team=observability'],
	['a location listing', '/locations/remote/'],
	['a team listing', '/teams/workers-runtime/'],
	['a role page', '/jobs/engineering-manager-observability/'],
	['the 404 page', '/404.html'],
	['a closed role page', `${LIFECYCLE_URL}/jobs/senior-systems-engineer-workers-runtime-cpp/`],
	['a former URL (meta refresh)', `${LIFECYCLE_URL}/jobs/tunnel-engineer/`],
	['a role page with pay and places', `${LIFECYCLE_URL}/jobs/systems-engineer-global-scheduling/`],
];

for (const [name, url] of KINDS) {
	test(`${name} loads under its CSP with no violation or console error`, async ({ page }) => {
		const problems = await watch(page);
		await page.goto(url);
		await page.waitForLoadState('networkidle');
		// The policy must actually be there: a page without one would pass trivially.
		const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(policy).toContain("default-src 'none'");
		expect(policy).not.toContain("'unsafe-inline'");
		expect(await problems()).toEqual([]);
	});
}

test('the listing filters use their script under the CSP without a violation', async ({ page }) => {
	const problems = await watch(page);
	await page.goto('/');
	await page.getByRole('checkbox', { name: /^Portugal/ }).first().click();
	await expect(page).toHaveURL(/location=portugal/);
	await expect(page.locator('#result-count')).not.toHaveText('5 open roles');
	expect(await problems()).toEqual([]);
});

test('the CSP does block what it should: an injected inline script never runs', async ({ page }) => {
	const problems = await watch(page);
	await page.goto('/jobs/engineering-manager-observability/');
	const ran = await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.__injected = true';
		// An inline script that the policy allows runs during append(), before this returns.
		document.body.append(script);
		return (window as unknown as { __injected?: boolean }).__injected === true;
	});
	expect(ran).toBe(false);
	// The browser reports the block as an event it queues afterwards: wait for
	// the report itself, not for a delay guessed to be long enough.
	await expect.poll(async () => (await problems()).some((problem) => problem.startsWith('CSP: script-src'))).toBe(true);
});
