import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { defineConfig, devices } from '@playwright/test';

// Playwright cannot download its own browser on every machine (CI here has no
// route to its CDN): use Debian's Chromium when it is installed, else Playwright's.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

/**
 * Ports on 127.0.0.1 that nothing listens on now: the kernel's picks for port
 * 0. All are held open until every one is read, so they differ from each other.
 */
async function freePorts(count: number): Promise<number[]> {
	const listen = () =>
		new Promise<Server>((resolve, reject) => {
			const server = createServer();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => resolve(server));
		});
	const servers = await Promise.all(Array.from({ length: count }, listen));
	const ports = servers.map((server) => (server.address() as { port: number }).port);
	await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
	return ports;
}

// No fixed ports: a fixed one is taken whenever another checkout (or anything
// else) runs its suite on the same machine. E2E_PORT and E2E_LIFECYCLE_PORT may
// still be given; otherwise the ports are chosen here. This file is evaluated
// by the runner and again by every worker, so the runner's choice goes into
// process.env, which the workers and the web servers inherit: a worker finds
// the ports already set and keeps them (tests/e2e/urls.ts reads them too).
if (!process.env.E2E_PORT || !process.env.E2E_LIFECYCLE_PORT || !process.env.E2E_MANY_PORT || !process.env.E2E_FRENCH_PORT) {
	const [site, lifecycle, many, french] = await freePorts(4);
	process.env.E2E_PORT ||= String(site);
	process.env.E2E_LIFECYCLE_PORT ||= String(lifecycle);
	process.env.E2E_MANY_PORT ||= String(many);
	process.env.E2E_FRENCH_PORT ||= String(french);
}
const PORT = Number(process.env.E2E_PORT);
const LIFECYCLE_PORT = Number(process.env.E2E_LIFECYCLE_PORT);
const MANY_PORT = Number(process.env.E2E_MANY_PORT);
const FRENCH_PORT = Number(process.env.E2E_FRENCH_PORT);

// On a 2-core machine shared with other builds, a page load, an axe run or a
// Pagefind search can take several times as long as on an idle one. Nothing
// here measures time: these limits only say when a hung test is given up, so
// they are set for a loaded machine, not an idle one.
const SERVER_START_MS = 180_000;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	// Two workers, CI or not: each test opens its own page and asserts with
	// retrying expectations, so sharing the two cores with a second worker (or
	// another suite) only slows a test down, within the limits below; one
	// worker would double the wall time on an idle machine for no gain in
	// what the tests prove.
	workers: 2,
	timeout: 90_000,
	expect: { timeout: 20_000 },
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
	// Serves the built dist/, the lifecycle fixture's build, the build of
	// 1,000 generated roles and the French site (npm test builds all four first: scripts/test.mjs);
	// stopped when the tests end. --ignore-lock: Astro otherwise
	// refuses a second preview server for the same project.
	webServer: [
		{
			command: `astro preview --ignore-lock --host 127.0.0.1 --port ${PORT}`,
			url: `http://127.0.0.1:${PORT}/`,
			reuseExistingServer: false,
			timeout: SERVER_START_MS,
		},
		{
			command: `astro preview --ignore-lock --host 127.0.0.1 --port ${LIFECYCLE_PORT} --outDir .builds/lifecycle`,
			url: `http://127.0.0.1:${LIFECYCLE_PORT}/`,
			env: { POSTINGS_DIR: 'tests/fixtures/lifecycle', ASTRO_CACHE_DIR: '.builds/lifecycle-cache' },
			reuseExistingServer: false,
			timeout: SERVER_START_MS,
		},
		{
			command: `astro preview --ignore-lock --host 127.0.0.1 --port ${MANY_PORT} --outDir .builds/many/dist`,
			url: `http://127.0.0.1:${MANY_PORT}/`,
			env: { POSTINGS_DIR: '.builds/many/postings', SITE_CONFIG: '.builds/many/site.yaml', ASTRO_CACHE_DIR: '.builds/many/cache' },
			reuseExistingServer: false,
			timeout: SERVER_START_MS,
		},
		{
			command: `astro preview --ignore-lock --host 127.0.0.1 --port ${FRENCH_PORT} --outDir .builds/french`,
			url: `http://127.0.0.1:${FRENCH_PORT}/`,
			env: { SITE_CONFIG: 'tests/fixtures/french/site.yaml', ASTRO_CACHE_DIR: '.builds/french-cache' },
			reuseExistingServer: false,
			timeout: SERVER_START_MS,
		},
	],
});
