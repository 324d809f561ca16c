#!/usr/bin/env node
// Listing benchmark: what the home listing costs at a company's scale. For
// each count of generated roles (scripts/many-roles.mjs) it builds the site
// and reports the bytes of `/` and of its data file, then, in Chromium
// against `astro preview`: layout shift (CLS) and LCP on listing states, and
// how long a filter change takes at a 4x CPU slowdown (CDP
// Emulation.setCPUThrottlingRate): the interaction's Event Timing duration
// (what INP reports) and the time from the click to the updated list, cold
// (the data file fetched then) and warm. It also takes screenshots: phone and
// desktop, light and dark, and the same of the seed postings' site
// (content/). Then Lighthouse (scripts/bench/lighthouse.mjs:
// mobile, simulated throttling, three runs a page, medians) scores four
// pages: `/`, a filtered listing, a place page and a role page. It measures
// and reports; it never fails on a threshold (only when a build fails).
//
//   node scripts/bench-listing.mjs                   1,000 and 10,000 roles
//   node scripts/bench-listing.mjs --counts 1000     other counts
//   node scripts/bench-listing.mjs --no-lighthouse   skip Lighthouse (about 10 minutes a count on a loaded machine)
//   node scripts/bench-listing.mjs --json            also print the figures as JSON
//
// Figures go to bench-results/listing.json, screenshots to bench-results/listing/.
// scripts/bench.mjs may call `benchListing(counts)` and merge the result.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { auditPages, printAudits } from './bench/lighthouse.mjs';
import { startPreview } from './bench/preview.mjs';
import { writeManyRoles } from './many-roles.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, '.builds', 'bench-listing');
const RESULTS = join(ROOT, 'bench-results');
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const NODE = existsSync(join(ROOT, 'node_modules', '.bin', 'node')) ? join(ROOT, 'node_modules', '.bin', 'node') : process.execPath;
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
/** The listing states measured: the first page, filtered (a facet, two facets and a search), and a further page. */
const STATES = ['/', '/?location=remote', '/?location=germany&team=engineering', '/?q=engineer&location=remote', '/page/2/'];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** Warm filter changes timed per build; the median and the slowest are reported. */
const REPEATS = 7;
/** Lighthouse runs a page: the median of three steadies the performance score on a shared machine. */
const LIGHTHOUSE_RUNS = 3;
/** The country whose listing and place page Lighthouse audits: one of scripts/many-roles.mjs's busiest. */
const AUDITED_COUNTRY = 'germany';

const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;
const brotli = (buffer) => brotliCompressSync(buffer, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

function run(command, args, env) {
	return new Promise((done) => {
		const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', PREVIEW: 'false', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		let log = '';
		child.stdout.on('data', (chunk) => (log = (log + chunk).slice(-20_000)));
		child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-20_000)));
		child.on('close', (status) => done({ status, log }));
	});
}

/** Serves a build on 127.0.0.1 at a free port; resolves with its URL and a stop function once it answers. */
function serve(outDir, env) {
	return startPreview({ root: ROOT, nodeBin: NODE, astroBin: ASTRO, outDir, env, timeoutMs: 60_000 });
}

/** In the page, before anything loads: sums layout shifts and keeps the last LCP and every event's duration. */
function observe() {
	const seen = { cls: 0, lcp: 0, events: [] };
	window.benchSeen = seen;
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) if (!entry.hadRecentInput) seen.cls += entry.value;
	}).observe({ type: 'layout-shift', buffered: true });
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) seen.lcp = entry.startTime;
	}).observe({ type: 'largest-contentful-paint', buffered: true });
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) if (entry.interactionId) seen.events.push({ name: entry.name, duration: entry.duration });
	}).observe({ type: 'event', durationThreshold: 16, buffered: true });
}

/** Clicks a filter value and returns the ms until the list shows the new count, and the interaction's Event Timing duration. */
async function timeFilterChange(page, name) {
	const before = await page.locator('#result-count').textContent();
	await page.evaluate(() => (window.benchSeen.events = []));
	const started = await page.evaluate(() => performance.now());
	await page.getByRole('checkbox', { name }).first().click();
	await page.waitForFunction((text) => document.querySelector('#result-count').textContent !== text && document.querySelector('#roles').getAttribute('aria-busy') === null, before);
	const ended = await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(performance.now()))));
	// Event Timing entries arrive after the next paint: give them a frame or two.
	await page.waitForTimeout(200);
	const events = await page.evaluate(() => window.benchSeen.events);
	return { listMs: ended - started, eventMs: Math.max(0, ...events.map((event) => event.duration)) };
}

async function measureBrowser(url, label, chromium) {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-background-networking', '--no-first-run'] });
	const figures = { states: [], interaction: {} };
	try {
		for (const path of STATES) {
			for (const [device, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
				const page = await browser.newPage({ viewport });
				await page.addInitScript(observe);
				await page.goto(url + path);
				if (path.includes('?')) await page.waitForSelector('#roles[data-drawn]');
				await page.waitForLoadState('networkidle');
				const seen = await page.evaluate(() => window.benchSeen);
				const first = await page.locator('#roles a').first().boundingBox();
				figures.states.push({ path, device, cls: Number(seen.cls.toFixed(4)), lcpMs: Math.round(seen.lcp), firstRoleBottom: first ? Math.round(first.y + first.height) : null });
				await page.close();
			}
		}
		// Filter changes at a 4x CPU slowdown (desktop layout: the filters are visible).
		const page = await browser.newPage({ viewport: DESKTOP });
		await page.addInitScript(observe);
		const cdp = await page.context().newCDPSession(page);
		await page.goto(`${url}/`);
		await page.waitForLoadState('networkidle');
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		const cold = await timeFilterChange(page, /^Germany \(/);
		const warm = [];
		for (let i = 0; i < REPEATS; i += 1) warm.push(await timeFilterChange(page, i % 2 === 0 ? /^Engineering \(/ : /^Remote \(/));
		figures.interaction = {
			cpuSlowdown: 4,
			coldListMs: Math.round(cold.listMs),
			coldEventMs: Math.round(cold.eventMs),
			warmListMsMedian: Math.round(median(warm.map((w) => w.listMs))),
			warmListMsMax: Math.round(Math.max(...warm.map((w) => w.listMs))),
			warmEventMsMedian: Math.round(median(warm.map((w) => w.eventMs))),
			warmEventMsMax: Math.round(Math.max(...warm.map((w) => w.eventMs))),
		};
		await page.close();
		await screenshots(browser, url, label, '/?location=germany&team=engineering');
	} finally {
		await browser.close();
	}
	return figures;
}

/**
 * Screenshots for a person to look at, in bench-results/listing/: `/` and a
 * filtered listing, on a phone and a desktop, light and dark.
 */
async function screenshots(browser, url, label, filtered) {
	const shots = join(RESULTS, 'listing');
	mkdirSync(shots, { recursive: true });
	for (const [device, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
		for (const colorScheme of ['light', 'dark']) {
			const shot = await browser.newPage({ viewport, colorScheme });
			await shot.goto(`${url}${filtered}`);
			await shot.waitForSelector('#roles[data-drawn]');
			await shot.screenshot({ path: join(shots, `${label}-${device}-${colorScheme}.png`) });
			await shot.goto(`${url}/`);
			await shot.screenshot({ path: join(shots, `${label}-${device}-${colorScheme}-all.png`) });
			await shot.close();
		}
	}
}

/**
 * The same screenshots of the site `npm run build` makes from `content/`
 * (the five seed postings), filtered to the first place it lists: how the
 * listing looks at a small company's size. Files start with `seeds-`.
 */
async function shootSeedSite(chromium) {
	const dir = join(WORK, 'seeds');
	const outDir = join(dir, 'dist');
	rmSync(outDir, { recursive: true, force: true });
	const env = { POSTINGS_DIR: '', SITE_CONFIG: '', ASTRO_CACHE_DIR: join(dir, 'cache') };
	console.log('building the seed postings (content/) for screenshots…');
	const built = await run(NODE, [ASTRO, 'build', '--outDir', outDir], env);
	if (built.status !== 0) throw new Error(`the build of content/ failed:\n${built.log.slice(-4000)}`);
	const home = readFileSync(join(outDir, 'index.html'), 'utf8');
	const place = /data-filter="location" data-value="([^"]+)"/.exec(home)?.[1];
	if (!place) throw new Error('bench-listing: the seed site\'s `/` lists no place');
	const server = await serve(outDir, env);
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-background-networking', '--no-first-run'] });
	try {
		await screenshots(browser, server.url, 'seeds', `/?location=${place}`);
	} finally {
		await browser.close();
		server.stop();
	}
}

/**
 * A page with one heading and nothing to load, written into the bench's own
 * build: its Lighthouse figures are the machine's floor at the time (what
 * the load of other work costs a page that does nothing), so a score below
 * 100 that the control shares is noise, not an audit of the site. (Its empty
 * icon stops Chromium asking for /favicon.ico, a 404 in the console.)
 */
const CONTROL_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Control page</title><link rel="icon" href="data:,"><meta name="description" content="A page with one heading: the bench\'s measure of the machine."></head><body><main><h1>Control page</h1></main></body></html>\n';

/**
 * The pages Lighthouse audits: the home listing, the listing filtered to a
 * country, that country's place page, the newest role's page (the first
 * role `/` links to) and the control page.
 */
function auditedPages(outDir, homeHtml) {
	const role = /href="(\/jobs\/[^"/]+\/)"/.exec(homeHtml)?.[1];
	if (!role) throw new Error('bench-listing: `/` links to no role page');
	mkdirSync(join(outDir, 'bench-control'), { recursive: true });
	writeFileSync(join(outDir, 'bench-control', 'index.html'), CONTROL_PAGE);
	return { home: '/', filtered: `/?location=${AUDITED_COUNTRY}`, place: `/locations/${AUDITED_COUNTRY}/`, role, control: '/bench-control/' };
}

/**
 * Builds and measures the listing at each count of roles; returns the figures.
 * `lighthouse: false` skips the Lighthouse audits.
 */
export async function benchListing(counts = [1000, 10000], { lighthouse = true } = {}) {
	const { chromium } = await import('@playwright/test');
	const results = [];
	for (const count of counts) {
		const dir = join(WORK, String(count));
		const outDir = join(dir, 'dist');
		rmSync(outDir, { recursive: true, force: true });
		const { env } = writeManyRoles(dir, count);
		const buildEnv = { ...env, ASTRO_CACHE_DIR: join(dir, 'cache') };
		console.log(`building ${count.toLocaleString('en-US')} roles…`);
		const started = Date.now();
		const built = await run(NODE, [ASTRO, 'build', '--outDir', outDir], buildEnv);
		if (built.status !== 0) throw new Error(`the build of ${count} roles failed:\n${built.log.slice(-4000)}`);
		const home = readFileSync(join(outDir, 'index.html'));
		const data = readFileSync(join(outDir, 'listing.json'));
		const figures = {
			roles: count,
			buildS: Math.round((Date.now() - started) / 1000),
			home: { raw: home.length, gzip: gzip(home), brotli: brotli(home) },
			data: { raw: data.length, gzip: gzip(data), brotli: brotli(data) },
			pages: readdirSync(join(outDir, 'page')).length + 1,
		};
		const server = await serve(outDir, buildEnv);
		try {
			Object.assign(figures, await measureBrowser(server.url, `${count}`, chromium));
			if (lighthouse) {
				console.log(`Lighthouse at ${count.toLocaleString('en-US')} roles, ${LIGHTHOUSE_RUNS} runs a page…`);
				figures.lighthouse = await auditPages({ baseUrl: server.url, pages: auditedPages(outDir, home.toString()), chromePath: CHROMIUM, runs: LIGHTHOUSE_RUNS });
			}
		} finally {
			server.stop();
		}
		results.push(figures);
		print(figures);
	}
	await shootSeedSite(chromium);
	// Figures for counts not measured in this run stay: a 10,000-role run takes long enough to be run alone.
	mkdirSync(RESULTS, { recursive: true });
	const file = join(RESULTS, 'listing.json');
	const kept = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).filter((figures) => !counts.includes(figures.roles)) : [];
	writeFileSync(file, `${JSON.stringify([...kept, ...results].sort((a, b) => a.roles - b.roles), null, '\t')}\n`);
	return results;
}

function print(figures) {
	const rows = [
		['`/` HTML (CSS inline)', `${kb(figures.home.raw)} raw, ${kb(figures.home.gzip)} gzip, ${kb(figures.home.brotli)} brotli`],
		['`/listing.json` (on first filter)', `${kb(figures.data.raw)} raw, ${kb(figures.data.gzip)} gzip, ${kb(figures.data.brotli)} brotli`],
		['listing pages', String(figures.pages)],
		['build', `${figures.buildS} s`],
		...figures.states.map((state) => [`${state.path} (${state.device})`, `CLS ${state.cls}, LCP ${state.lcpMs} ms, first role ends at ${state.firstRoleBottom}px`]),
		['filter change, 4x CPU, cold (data fetched)', `list updated ${figures.interaction.coldListMs} ms, event ${figures.interaction.coldEventMs} ms`],
		['filter change, 4x CPU, warm', `list updated ${figures.interaction.warmListMsMedian} ms median (${figures.interaction.warmListMsMax} max), event (INP) ${figures.interaction.warmEventMsMedian} ms median (${figures.interaction.warmEventMsMax} max)`],
	];
	console.log(`\nListing at ${figures.roles.toLocaleString('en-US')} roles`);
	for (const [name, value] of rows) console.log(`  ${name.padEnd(48)} ${value}`);
	if (figures.lighthouse) {
		console.log(`\nLighthouse (mobile, simulated throttling; medians of ${LIGHTHOUSE_RUNS} runs) at ${figures.roles.toLocaleString('en-US')} roles`);
		printAudits(figures.lighthouse);
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const at = args.indexOf('--counts');
	const counts = at >= 0 ? args[at + 1].split(',').map(Number) : [1000, 10000];
	if (!CHROMIUM) console.warn('bench-listing: no /usr/bin/chromium; using Playwright\'s own browser');
	const results = await benchListing(counts, { lighthouse: !args.includes('--no-lighthouse') });
	if (args.includes('--json')) console.log(JSON.stringify(results, null, '\t'));
}
