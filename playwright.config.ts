import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Playwright cannot download its own browser on every machine (CI here has no
// route to its CDN): use Debian's Chromium when it is installed, else Playwright's.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4391);
// tests/e2e/urls.ts knows this port too.
const LIFECYCLE_PORT = PORT + 1;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	workers: 2,
	reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure',
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: systemChromium
					? {
							executablePath: systemChromium,
							// No background traffic: the machine has no network beyond loopback.
							args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
						}
					: {},
			},
		},
	],
	// Serves the built dist/ and the lifecycle fixture's build (npm test builds
	// both first); stopped when the tests end. --ignore-lock: Astro otherwise
	// refuses a second preview server for the same project.
	webServer: [
		{
			command: `astro preview --ignore-lock --host 127.0.0.1 --port ${PORT}`,
			url: `http://127.0.0.1:${PORT}/`,
			reuseExistingServer: false,
			timeout: 60_000,
		},
		{
			command: `astro preview --ignore-lock --host 127.0.0.1 --port ${LIFECYCLE_PORT} --outDir .builds/lifecycle`,
			url: `http://127.0.0.1:${LIFECYCLE_PORT}/`,
			env: { POSTINGS_DIR: 'tests/fixtures/lifecycle', ASTRO_CACHE_DIR: '.builds/lifecycle-cache' },
			reuseExistingServer: false,
			timeout: 60_000,
		},
	],
});
