#!/usr/bin/env node
// Build benchmark: how long the site takes to build, how much memory the build
// needs, how many bytes a visitor downloads, and how big and fast the search
// index is (Pagefind, queried in Chromium against `astro preview`), and what a
// social card costs to draw (scripts/card-cost.mjs). It
// measures and reports; it never fails on a threshold (only when a build
// itself fails or times out).
//
//   npm run bench             seed postings + 1,000 synthetic postings
//   npm run bench -- --quick  seed postings only
//   npm run bench -- --large  also 5,000 synthetic postings (a few minutes more)
//
// Figures go to stdout and to bench-results/bench.json.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPreview as startPreviewServer, stopChild } from './bench/preview.mjs';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEED_DIR = join(ROOT, 'content', 'postings');
const RESULTS_DIR = join(ROOT, 'bench-results');
const GNU_TIME = '/usr/bin/time';
const BUILD_TIMEOUT_MS = 10 * 60 * 1000;
const SYNTHETIC_COUNT = 1000;
const SYNTHETIC_LARGE_COUNT = 5000;
const SYNTHETIC_TEAMS = 40;
const TARGET_ROLE_HTML_CSS_GZIP = 14 * 1024;
const TARGET_LISTING_JS_GZIP = 4 * 1024;
/**
 * The listing's inline script before it searched with Pagefind (commit
 * 10df430, text filter over the listing only), measured as below: what the
 * search adds to the listing's HTML is the difference.
 */
const LISTING_JS_BEFORE_SEARCH = { commit: '10df430', raw: 2146, gzip: 919, brotli: 777 };
/**
 * Queries timed against each build: a word on every page, words on some,
 * two words, a word only in one posting's body, a partly typed word, noise.
 */
const SEARCH_QUERIES = ['engineer', 'prometheus', 'kubernetes', 'rust', 'lisbon', 'remote', 'observability metrics', 'alertmanager', 'promet', 'asdf'];
/** Each query is timed this many times once warm; the median is reported. */
const SEARCH_REPEATS = 5;
const PREVIEW_TIMEOUT_MS = 60 * 1000;
const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
/** Keep only the tail of a build's log in memory; enough to show why it failed. */
const LOG_TAIL_CHARS = 64 * 1024;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
	console.log(
		'Usage: node scripts/bench.mjs [--quick | --large | --scale [N] [--cards per-role|site]]\n  --quick      skip the synthetic builds\n  --large      also build and search 5,000 synthetic postings\n  --scale [N]  N varied postings (default 10000): cold, warm and one-change builds beside a plain Astro build, then a pull request\'s previews (scripts/bench/scale.mjs)\n  --cards      with --scale: socialCards in the bench\'s site settings (default: unset)\n  --listing [N,M]  the listing at N and M roles (default 1000,10000): bytes, CLS, LCP, filter INP and Lighthouse on four pages (scripts/bench-listing.mjs; --no-lighthouse skips Lighthouse)',
	);
	process.exit(0);
}
const SCALE_DEFAULT = 10_000;
const scaleAt = args.indexOf('--scale');
if (scaleAt !== -1) {
	const given = args[scaleAt + 1];
	const count = given !== undefined && /^\d+$/.test(given) ? Number(given) : SCALE_DEFAULT;
	if (count < 1) {
		console.error('bench: --scale needs a number of postings of at least 1');
		process.exit(2);
	}
	const cardsAt = args.indexOf('--cards');
	const cards = cardsAt === -1 ? undefined : args[cardsAt + 1];
	if (cards !== undefined && cards !== 'per-role' && cards !== 'site') {
		console.error('bench: --cards takes per-role or site (left out: the site settings\' default)');
		process.exit(2);
	}
	const { runScale } = await import('./bench/scale.mjs');
	process.exit(await runScale({ count, tools: { root: ROOT, ...resolveAstro() }, cards }));
}
const listingAt = args.indexOf('--listing');
if (listingAt !== -1) {
	// The listing at scale: bytes of `/`, layout shift, LCP, filter INP and Lighthouse in Chromium (scripts/bench-listing.mjs).
	const given = args[listingAt + 1];
	const counts = given !== undefined && /^\d+(,\d+)*$/.test(given) ? given.split(',').map(Number) : [1000, 10000];
	const { benchListing } = await import('./bench-listing.mjs');
	await benchListing(counts, { lighthouse: !args.includes('--no-lighthouse') });
	process.exit(0);
}
const QUICK = args.includes('--quick');
const LARGE = args.includes('--large') && !QUICK;
for (const arg of args) if (arg !== '--quick' && arg !== '--large') console.warn(`bench: ignoring unknown argument ${arg}`);

// ---------------------------------------------------------------- helpers

const gzipBytes = (buffer) => gzipSync(buffer, { level: 9 }).length;
const brotliBytes = (buffer) =>
	brotliCompressSync(buffer, {
		params: {
			[zlibConstants.BROTLI_PARAM_QUALITY]: 11,
			[zlibConstants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
		},
	}).length;

/** Raw, gzip -9 and brotli -11 sizes of some bytes. */
function sizes(content) {
	const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
	return { raw: buffer.length, gzip: gzipBytes(buffer), brotli: brotliBytes(buffer) };
}

const sumSizes = (list) =>
	list.reduce((total, item) => ({ raw: total.raw + item.raw, gzip: total.gzip + item.gzip, brotli: total.brotli + item.brotli }), {
		raw: 0,
		gzip: 0,
		brotli: 0,
	});

const kb = (bytes) => (bytes == null ? 'n/a' : `${(bytes / 1024).toFixed(1)} KB`);
const bytesAndKb = (bytes) => (bytes == null ? 'n/a' : `${bytes.toLocaleString('en-US')} B (${kb(bytes)})`);
const seconds = (ms) => (ms == null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const mebibytes = (kib) => (kib == null ? 'n/a' : `${(kib / 1024).toFixed(0)} MB`);

/** All files under a folder, as paths relative to it (with `/`). */
function walk(dir, prefix = '') {
	const out = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
		if (entry.isDirectory()) out.push(...walk(join(dir, entry.name), rel));
		else if (entry.isFile()) out.push(rel);
	}
	return out;
}

function attr(tag, name) {
	const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
	return match ? (match[1] ?? match[2] ?? match[3] ?? '') : undefined;
}

/** Maps a URL from a built page to a file in the output folder, or undefined for other origins. */
function localFile(outDir, pageFile, url) {
	if (!url || /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url) || url.startsWith('data:')) return undefined;
	const path = decodeURIComponent(url.replace(/[?#].*$/, ''));
	const file = path.startsWith('/') ? join(outDir, path) : join(dirname(join(outDir, pageFile)), path);
	return file.startsWith(outDir + sep) && existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** Static imports of an ES module (`import "./x.js"`, `from "/_astro/y.js"`), resolved to files. */
function moduleImports(outDir, file, code) {
	const found = [];
	const pattern = /(?:\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?|\bexport\s*[\w*{}\s,$]*\s*from\s*)["']([^"']+\.m?js)["']/g;
	for (const match of code.matchAll(pattern)) {
		const target = localFile(outDir, relative(outDir, file), match[1]);
		if (target) found.push(target);
	}
	return found;
}

/**
 * What a built page makes a visitor download: its HTML, the stylesheets and
 * scripts it references (following static module imports), and the inline
 * `<style>` and `<script>` inside it.
 */
function analysePage(outDir, pageFile) {
	const html = readFileSync(join(outDir, pageFile), 'utf8');
	const cssFiles = new Set();
	const jsFiles = new Set();
	const missing = [];

	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
		const href = attr(tag, 'href');
		if (!rel.includes('stylesheet') && !rel.includes('modulepreload')) continue;
		const file = localFile(outDir, pageFile, href);
		if (!file) {
			missing.push(href);
			continue;
		}
		(rel.includes('stylesheet') ? cssFiles : jsFiles).add(file);
	}

	const inlineCss = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((match) => match[1]);
	const inlineJs = [];
	const jsonData = [];
	for (const [, open, body] of html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)) {
		const type = (attr(open, 'type') ?? '').toLowerCase();
		const src = attr(open, 'src');
		if (src !== undefined) {
			const file = localFile(outDir, pageFile, src);
			if (file) jsFiles.add(file);
			else missing.push(src);
		} else if (type === 'application/ld+json' || type === 'application/json' || type === 'importmap') {
			jsonData.push(body);
		} else if (body.trim() !== '') {
			inlineJs.push(body);
		}
	}

	// Follow static imports of module scripts (chunks under /_astro/).
	const queue = [...jsFiles, ...inlineJs.flatMap((code) => moduleImports(outDir, join(outDir, pageFile), code))];
	while (queue.length > 0) {
		const file = queue.shift();
		if (!jsFiles.has(file)) jsFiles.add(file);
		for (const next of moduleImports(outDir, file, readFileSync(file, 'utf8'))) if (!jsFiles.has(next) && !queue.includes(next)) queue.push(next);
	}

	const fileEntries = (set) => [...set].sort().map((file) => ({ file: relative(outDir, file).split(sep).join('/'), ...sizes(readFileSync(file)) }));
	const css = fileEntries(cssFiles);
	const js = fileEntries(jsFiles);
	const inlineCssSizes = sizes(inlineCss.join('\n'));
	const inlineJsSizes = sizes(inlineJs.join('\n'));
	const htmlSizes = sizes(html);
	const cssFilesTotal = sumSizes(css);
	const jsFilesTotal = sumSizes(js);
	return {
		page: pageFile,
		html: htmlSizes,
		css: {
			inline: inlineCss.length > 0,
			inlineBlocks: inlineCss.length,
			// Inline CSS travels inside the HTML; its size alone is for information.
			inlineSizes: inlineCssSizes,
			files: css,
			filesTotal: cssFilesTotal,
		},
		js: {
			inlineBlocks: inlineJs.length,
			// Compressed on its own: an upper bound of what it adds to the compressed HTML.
			inlineSizes: inlineJsSizes,
			files: js,
			filesTotal: jsFilesTotal,
			total: {
				raw: inlineJsSizes.raw + jsFilesTotal.raw,
				gzip: (inlineJs.length > 0 ? inlineJsSizes.gzip : 0) + jsFilesTotal.gzip,
				brotli: (inlineJs.length > 0 ? inlineJsSizes.brotli : 0) + jsFilesTotal.brotli,
			},
		},
		jsonDataBlocks: jsonData.length,
		// HTML (with any inline CSS/JS) plus external stylesheets, each compressed as it is sent.
		htmlPlusCss: {
			raw: htmlSizes.raw + cssFilesTotal.raw,
			gzip: htmlSizes.gzip + cssFilesTotal.gzip,
			brotli: htmlSizes.brotli + cssFilesTotal.brotli,
		},
		unresolved: missing,
	};
}

/** Role pages of a build, sorted by path. */
function rolePages(outDir) {
	const jobs = join(outDir, 'jobs');
	if (!existsSync(jobs)) return [];
	return readdirSync(jobs, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && existsSync(join(jobs, entry.name, 'index.html')))
		.map((entry) => `jobs/${entry.name}/index.html`)
		.sort();
}

/** The role page with the largest gzipped HTML. */
function largestRolePage(outDir, pages) {
	let largest;
	for (const page of pages) {
		const buffer = readFileSync(join(outDir, page));
		const gzip = gzipBytes(buffer);
		if (!largest || gzip > largest.gzip) largest = { page, raw: buffer.length, gzip };
	}
	return largest ?? null;
}

function countPages(outDir) {
	const files = walk(outDir);
	const html = files.filter((file) => file.endsWith('.html'));
	return {
		htmlPages: html.length,
		rolePages: html.filter((file) => /^jobs\/[^/]+\/index\.html$/.test(file)).length,
		teamPages: html.filter((file) => /^teams\/[^/]+\/index\.html$/.test(file)).length,
		locationPages: html.filter((file) => /^locations\/[^/]+\/index\.html$/.test(file)).length,
		files: files.length,
		totalBytes: files.reduce((total, file) => total + statSync(join(outDir, file)).size, 0),
	};
}

// ---------------------------------------------------------------- builds

function resolveAstro() {
	const bundledNode = join(ROOT, 'node_modules', '.bin', 'node');
	const nodeBin = existsSync(bundledNode) ? bundledNode : process.execPath;
	const pkgFile = join(ROOT, 'node_modules', 'astro', 'package.json');
	if (!existsSync(pkgFile)) throw new Error(`astro is not installed (${relative(ROOT, pkgFile)} is missing); run npm install`);
	const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
	const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.astro;
	if (!bin) throw new Error('node_modules/astro/package.json names no "astro" bin');
	const astroBin = join(ROOT, 'node_modules', 'astro', bin);
	if (!existsSync(astroBin)) throw new Error(`astro bin ${relative(ROOT, astroBin)} is missing`);
	const version = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' });
	return { nodeBin, astroBin, astroVersion: pkg.version, buildNodeVersion: (version.stdout ?? '').trim() || 'unknown' };
}

let activeChild;

/**
 * Runs `npm run build`'s script (scripts/build.mjs: `astro build`, then the
 * search index) with `--outDir <outDir>` and measures wall-clock time and, when
 * GNU time is available, the peak RSS of the largest process in the build.
 */
function build({ label, outDir, env, tools, timeDir }) {
	return new Promise((resolvePromise) => {
		const useTime = existsSync(GNU_TIME);
		const timeFile = join(timeDir, `${label}.time`);
		const buildArgs = [join(ROOT, 'scripts', 'build.mjs'), '--outDir', outDir];
		const command = useTime ? GNU_TIME : tools.nodeBin;
		const commandArgs = useTime ? ['-f', '%e %M', '-o', timeFile, tools.nodeBin, ...buildArgs] : buildArgs;
		const started = process.hrtime.bigint();
		const child = spawn(command, commandArgs, {
			cwd: ROOT,
			env: {
				...process.env,
				PATH: `${join(ROOT, 'node_modules', '.bin')}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH ?? ''}`,
				ASTRO_TELEMETRY_DISABLED: '1',
				NO_COLOR: '1',
				FORCE_COLOR: '0',
				...env,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
			// Own process group, so a timeout can stop the whole build.
			detached: process.platform !== 'win32',
		});
		activeChild = child;
		let log = '';
		const keep = (chunk) => {
			log = (log + chunk.toString()).slice(-LOG_TAIL_CHARS);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);

		let timedOut = false;
		let killTimer;
		const timer = setTimeout(() => {
			timedOut = true;
			stopChild(child, 'SIGTERM');
			killTimer = setTimeout(() => stopChild(child, 'SIGKILL'), 10_000);
		}, BUILD_TIMEOUT_MS);

		const finish = (code, signal, spawnError) => {
			clearTimeout(timer);
			clearTimeout(killTimer);
			activeChild = undefined;
			const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
			let peakRssKb = null;
			let timeWallS = null;
			if (useTime && existsSync(timeFile)) {
				const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
				const match = /^([\d.]+)\s+(\d+)$/.exec(lines.at(-1)?.trim() ?? '');
				if (match) {
					timeWallS = Number(match[1]);
					peakRssKb = Number(match[2]);
				}
			}
			let error = null;
			if (spawnError) error = `could not start the build: ${spawnError.message}`;
			else if (timedOut) error = `build timed out after ${BUILD_TIMEOUT_MS >= 60000 ? `${BUILD_TIMEOUT_MS / 60000} minutes` : `${BUILD_TIMEOUT_MS / 1000} s`} and was stopped`;
			else if (code !== 0) error = `build exited with ${signal ? `signal ${signal}` : `status ${code}`}`;
			resolvePromise({ ok: error === null, error, wallMs, timeWallS, peakRssKb, peakMemoryMeasured: useTime && peakRssKb !== null, log });
		};
		child.on('error', (error) => finish(null, null, error));
		child.on('close', (code, signal) => finish(code, signal));
	});
}

// ---------------------------------------------------------------- synthetic postings

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
/** Front-matter keys the generator sets itself; the seed's own values are dropped. */
const OVERRIDDEN_KEYS = new Set(['id', 'title', 'team', 'slug']);

/**
 * Splits a seed into its front matter (as YAML text without the keys we set)
 * and its HTML. Works line by line on top-level keys, so it needs no YAML
 * parser: a top-level entry (with its indented or `- ` continuation lines)
 * runs until the next line that starts another top-level key or a comment
 * at column 0.
 */
function splitSeed(source) {
	const text = source.replace(/^\uFEFF/, '');
	const match = FENCE.exec(text);
	if (!match) return { title: undefined, keptYaml: [], html: text };
	const lines = match[1].split(/\r?\n/);
	const kept = [];
	let dropping = false;
	let title;
	for (const line of lines) {
		const key = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/.exec(line)?.[1];
		if (key !== undefined) {
			dropping = OVERRIDDEN_KEYS.has(key);
			if (key === 'title') title = unquote(line.slice(line.indexOf(':') + 1).trim());
		} else if (/^#/.test(line)) {
			dropping = false;
		}
		if (!dropping) kept.push(line);
	}
	return { title, keptYaml: kept, html: text.slice(match[0].length) };
}

/** A plain or simply quoted one-line YAML scalar; anything fancier returns undefined (a generic title is used). */
function unquote(value) {
	const plain = value.replace(/\s+#.*$/, '');
	if (plain === '' || /^[|>&*!%@`{[]/.test(plain)) return undefined;
	if (/^"(?:[^"\\]|\\.)*"$/.test(plain)) {
		try {
			return JSON.parse(plain);
		} catch {
			return undefined;
		}
	}
	if (/^'(?:[^']|'')*'$/.test(plain)) return plain.slice(1, -1).replace(/''/g, "'");
	return plain;
}

function writeSyntheticPostings(dir, count) {
	const seeds = readdirSync(SEED_DIR)
		.filter((name) => /\.html?$/i.test(name) && !name.startsWith('.'))
		.sort()
		.map((name) => ({ stem: name.replace(/\.[^.]+$/, ''), ...splitSeed(readFileSync(join(SEED_DIR, name), 'utf8')) }));
	if (seeds.length === 0) throw new Error(`no seed postings in ${relative(ROOT, SEED_DIR)}`);
	const width = String(count - 1).length;
	let bytes = 0;
	for (let i = 0; i < count; i += 1) {
		const seed = seeds[i % seeds.length];
		const title = seed.title ? `${seed.title} ${i}` : `Synthetic Role ${i} (${seed.stem})`;
		const frontMatter = [
			`id: synthetic-${i}`,
			// JSON strings are valid YAML double-quoted scalars.
			`title: ${JSON.stringify(title)}`,
			`team: ${JSON.stringify(`Team ${i % SYNTHETIC_TEAMS}`)}`,
			...seed.keptYaml.filter((line, index, all) => !(line.trim() === '' && (index === 0 || index === all.length - 1))),
		].join('\n');
		const source = `---\n${frontMatter}\n---\n${seed.html}`;
		writeFileSync(join(dir, `synthetic-${String(i).padStart(width, '0')}.html`), source);
		bytes += Buffer.byteLength(source);
	}
	return { count, seeds: seeds.length, teams: SYNTHETIC_TEAMS, inputBytes: bytes };
}

// ---------------------------------------------------------------- search (Pagefind)

const median = (list) => {
	if (list.length === 0) return null;
	const sorted = [...list].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => (value == null ? 'n/a' : `${value.toFixed(1)} ms`);

/**
 * The search index of a build: every file under pagefind/, split into
 * Pagefind's code (the same on every site: pagefind.js, its worker, the
 * WebAssembly) and the index proper (entry, meta, word chunks, filters,
 * fragments), with raw and gzip -9 bytes.
 */
function pagefindIndexSizes(outDir) {
	const dir = join(outDir, 'pagefind');
	if (!existsSync(dir)) return null;
	const files = walk(dir).map((file) => {
		const buffer = readFileSync(join(dir, file));
		return { file, raw: buffer.length, gzip: gzipBytes(buffer) };
	});
	const isCode = (file) => /^(?:pagefind(?:-worker)?\.js|wasm\.[^/]+\.pagefind)$/.test(file);
	const total = (list) => list.reduce((sum, file) => ({ raw: sum.raw + file.raw, gzip: sum.gzip + file.gzip }), { raw: 0, gzip: 0 });
	// In the first part's folder or in a further part's (part-<k>/index/…).
	const count = (folder) => files.filter((file) => file.file.startsWith(folder) || file.file.includes(`/${folder}`)).length;
	return {
		files: files.length,
		total: total(files),
		code: total(files.filter((file) => isCode(file.file))),
		index: total(files.filter((file) => !isCode(file.file))),
		wordChunks: count('index/'),
		fragments: count('fragment/'),
		filterChunks: count('filter/'),
	};
}

/** Serves a build with `astro preview` (scripts/bench/preview.mjs), known to the Ctrl-C handler while it runs. */
async function startPreview(outDir, tools) {
	const preview = await startPreviewServer({ root: ROOT, nodeBin: tools.nodeBin, astroBin: tools.astroBin, outDir, timeoutMs: PREVIEW_TIMEOUT_MS });
	activeChild = preview.child;
	return {
		url: preview.url,
		stop: () => {
			preview.stop();
			activeChild = undefined;
		},
	};
}

/** Runs in the page: loads Pagefind the way the listing does and times a cold first query. */
async function coldQueryInPage(query) {
	const started = performance.now();
	const pagefind = await import('/pagefind/pagefind.js');
	const imported = performance.now();
	// The listing loads the page filter first, so every search reports which roles matched.
	await pagefind.filters();
	const ready = performance.now();
	const found = await pagefind.search(query);
	const done = performance.now();
	window.benchPagefind = pagefind;
	return { importMs: imported - started, filtersMs: ready - imported, searchMs: done - ready, totalMs: done - started, results: found.results.length };
}

/** Runs in the page: times `pagefind.search(query)` once. */
async function queryInPage(query) {
	const started = performance.now();
	const found = await window.benchPagefind.search(query);
	return { ms: performance.now() - started, results: found.results.length };
}

/**
 * Runs in the page: what a visitor waits for on the listing, from a new query
 * (set as on back/forward, so without the typing debounce) until the list
 * shows its matches: every word searched, checked and intersected, then the
 * list, groups and chips updated.
 */
async function listingQueryInPage(query) {
	const list = document.getElementById('roles');
	const started = performance.now();
	history.pushState(null, '', `?q=${encodeURIComponent(query)}`);
	dispatchEvent(new PopStateEvent('popstate'));
	await new Promise((resolveWait) => {
		if (!list.hasAttribute('aria-busy')) return resolveWait();
		const observer = new MutationObserver(() => {
			if (list.hasAttribute('aria-busy')) return;
			observer.disconnect();
			resolveWait();
		});
		observer.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
	});
	return { ms: performance.now() - started, shown: document.querySelectorAll('[data-role]:not([hidden])').length };
}

/**
 * Queries a build's Pagefind index in Chromium (Playwright) against
 * `astro preview`: the cold first query (loading Pagefind, its worker, its
 * WebAssembly and the page filter) and what it downloads, then every query
 * of SEARCH_QUERIES, first time (may fetch more of the index) and warm
 * (median of SEARCH_REPEATS), and the same queries through the listing.
 */
async function measureSearch(outDir, tools) {
	let playwright;
	try {
		playwright = await import('@playwright/test');
	} catch {
		return { skipped: 'Playwright is not installed' };
	}
	const executablePath = CHROMIUM_PATHS.find((path) => existsSync(path));
	const preview = await startPreview(outDir, tools);
	const browser = await playwright.chromium.launch({
		...(executablePath ? { executablePath } : {}),
		args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
	});
	try {
		// 1. Cold first query in a fresh browser context (empty cache), and the files it fetched.
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${preview.url}/`, { waitUntil: 'load' });
		const fetched = new Set();
		page.on('requestfinished', (request) => {
			const { pathname } = new URL(request.url());
			if (pathname.startsWith('/pagefind/')) fetched.add(pathname);
		});
		const cold = await page.evaluate(coldQueryInPage, SEARCH_QUERIES[0]);
		// Let the last responses of the first query land before counting.
		await page.waitForLoadState('networkidle');
		const firstQueryFiles = [...fetched].sort();
		const firstQueryBytes = firstQueryFiles.reduce(
			(sum, pathname) => {
				const buffer = readFileSync(join(outDir, pathname));
				return { raw: sum.raw + buffer.length, gzip: sum.gzip + gzipBytes(buffer) };
			},
			{ raw: 0, gzip: 0 },
		);

		// 2. Every query: its first run, then warm runs.
		const queries = [];
		for (const query of SEARCH_QUERIES) {
			const first = await page.evaluate(queryInPage, query);
			const warm = [];
			for (let i = 0; i < SEARCH_REPEATS; i += 1) warm.push((await page.evaluate(queryInPage, query)).ms);
			queries.push({ query, results: first.results, firstMs: first.ms, warmMedianMs: median(warm) });
		}
		const afterQueries = fetched.size;
		await context.close();

		// 3. The listing end to end, in another fresh context: its first query is cold.
		const listingContext = await browser.newContext();
		const listingPage = await listingContext.newPage();
		await listingPage.goto(`${preview.url}/`, { waitUntil: 'load' });
		const listing = [];
		for (const query of SEARCH_QUERIES) listing.push({ query, ...(await listingPage.evaluate(listingQueryInPage, query)) });
		const listingWarm = [];
		// A trailing space makes a new URL but the same query: Pagefind has everything it needs by now.
		for (const query of SEARCH_QUERIES) listingWarm.push((await listingPage.evaluate(listingQueryInPage, `${query} `)).ms);
		await listingContext.close();

		return {
			queries: SEARCH_QUERIES,
			cold,
			firstQueryFiles,
			firstQueryBytes,
			filesFetchedAfterAllQueries: afterQueries,
			perQuery: queries,
			firstRunMedianMs: median(queries.map((query) => query.firstMs)),
			warmMedianMs: median(queries.map((query) => query.warmMedianMs)),
			warmMaxMs: Math.max(...queries.map((query) => query.warmMedianMs)),
			listing,
			listingColdMs: listing[0].ms,
			listingFirstRunMedianMs: median(listing.slice(1).map((entry) => entry.ms)),
			listingWarmMedianMs: median(listingWarm),
		};
	} finally {
		await browser.close();
		preview.stop();
	}
}

/** Rows for the search table of one build. */
function searchRows(index, search) {
	const rows = [];
	if (index) {
		rows.push(['index files', `${index.files} (${index.wordChunks} word chunks, ${index.filterChunks} filter, ${index.fragments} fragments)`]);
		rows.push(['dist/pagefind total', `${bytesAndKb(index.total.raw)} raw, ${bytesAndKb(index.total.gzip)} gzip`]);
		rows.push(['  Pagefind code (JS, worker, wasm)', `${bytesAndKb(index.code.raw)} raw, ${bytesAndKb(index.code.gzip)} gzip`]);
		rows.push(['  index proper', `${bytesAndKb(index.index.raw)} raw, ${bytesAndKb(index.index.gzip)} gzip`]);
	} else rows.push(['index', 'none (no dist/pagefind)']);
	if (!search) return rows;
	if (search.skipped || search.error) {
		rows.push(['query times', search.skipped ? `skipped: ${search.skipped}` : `FAILED: ${search.error}`]);
		return rows;
	}
	rows.push(['first query downloads', `${search.firstQueryFiles.length} files, ${bytesAndKb(search.firstQueryBytes.raw)} raw, ${bytesAndKb(search.firstQueryBytes.gzip)} gzip`]);
	rows.push([
		'first query, cold',
		`${ms(search.cold.totalMs)} (import ${ms(search.cold.importMs)}, start-up and page filter ${ms(search.cold.filtersMs)}, search ${ms(search.cold.searchMs)}; "${search.queries[0]}", ${search.cold.results} results)`,
	]);
	rows.push(['pagefind.search, first run', `median ${ms(search.firstRunMedianMs)} over ${search.perQuery.length} queries`]);
	rows.push(['pagefind.search, warm', `median ${ms(search.warmMedianMs)}, slowest query ${ms(search.warmMaxMs)}`]);
	for (const query of search.perQuery) rows.push([`  "${query.query}"`, `${query.results} results: first ${ms(query.firstMs)}, warm ${ms(query.warmMedianMs)}`]);
	rows.push(['listing, query to list', `cold ${ms(search.listingColdMs)}; then median ${ms(search.listingFirstRunMedianMs)}; warm median ${ms(search.listingWarmMedianMs)}`]);
	rows.push(['  roles shown', search.listing.map((entry) => `${entry.query}: ${entry.shown}`).join(', ')]);
	return rows;
}

/** Measures the search of a build, never throwing: a failure is reported, not fatal. */
async function searchFigures(label, outDir, tools) {
	const index = pagefindIndexSizes(outDir);
	let search;
	if (index) {
		console.log(`\nquerying the ${label} search index in Chromium…`);
		try {
			search = await measureSearch(outDir, tools);
		} catch (error) {
			search = { error: error instanceof Error ? error.message : String(error) };
		}
	}
	printTable(`Search, ${label} (Pagefind; bytes raw and gzip -9)`, searchRows(index, search));
	return { index, search };
}

// ---------------------------------------------------------------- main

const tempRoot = mkdtempSync(join(os.tmpdir(), 'careers-bench-'));
// Each build gets its own content-layer cache (ASTRO_CACHE_DIR) in the temp folder:
// every figure is a cold build, and the project's own cache is never touched.

let cleanedUp = false;
function cleanUp() {
	if (cleanedUp) return;
	cleanedUp = true;
	rmSync(tempRoot, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		if (activeChild) stopChild(activeChild, 'SIGKILL');
		cleanUp();
		process.exit(130);
	});
}

function printTable(title, rows) {
	console.log(`\n${title}`);
	const width = Math.max(...rows.map(([label]) => label.length));
	for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}

function failBuild(label, result) {
	console.error(`\n${label} build FAILED: ${result.error}`);
	const tail = result.log.trim().split('\n').slice(-40).join('\n');
	if (tail) console.error(`--- last lines of the build log ---\n${tail}\n---`);
}

/** Builds `count` synthetic postings, reports build figures and the search's, and returns them. */
async function syntheticBuild(count, tools) {
	const label = `synthetic-${count}`;
	const syntheticDir = join(tempRoot, `${label}-postings`);
	mkdirSync(syntheticDir);
	const generated = writeSyntheticPostings(syntheticDir, count);
	console.log(`\nbuilding ${generated.count} synthetic postings (from ${generated.seeds} seeds, ${generated.teams} teams)…`);
	const syntheticOut = join(tempRoot, `${label}-out`);
	const synthetic = await build({ label, outDir: syntheticOut, env: { POSTINGS_DIR: syntheticDir, ASTRO_CACHE_DIR: join(tempRoot, `cache-${label}`) }, tools, timeDir: tempRoot });
	const figures = {
		postings: generated.count,
		inputBytes: generated.inputBytes,
		ok: synthetic.ok,
		error: synthetic.error,
		buildMs: Math.round(synthetic.wallMs),
		peakRssKb: synthetic.peakRssKb,
	};
	if (!synthetic.ok) {
		figures.logTail = synthetic.log.trim().split('\n').slice(-40).join('\n');
		failBuild(label, synthetic);
		return { ok: false, figures };
	}
	Object.assign(figures, countPages(syntheticOut));
	const listing = sizes(readFileSync(join(syntheticOut, 'index.html')));
	const largest = largestRolePage(syntheticOut, rolePages(syntheticOut));
	figures.listingHtml = listing;
	figures.largestRolePage = largest;
	printTable(`Synthetic build (${generated.count} postings)`, [
		['postings', `${generated.count} (${kb(generated.inputBytes)} of input)`],
		['build time (wall)', seconds(synthetic.wallMs)],
		['peak memory (RSS)', synthetic.peakMemoryMeasured ? mebibytes(synthetic.peakRssKb) : 'n/a'],
		['HTML pages', `${figures.htmlPages} (${figures.rolePages} roles, ${figures.teamPages} teams, ${figures.locationPages} locations)`],
		['output', `${figures.files} files, ${kb(figures.totalBytes)}`],
		['time per HTML page', `${(synthetic.wallMs / figures.htmlPages).toFixed(1)} ms`],
		['listing HTML', `${bytesAndKb(listing.raw)} raw, ${bytesAndKb(listing.gzip)} gzip, ${bytesAndKb(listing.brotli)} br`],
		['largest role page HTML gzip', largest ? `${bytesAndKb(largest.gzip)} (${largest.page})` : 'n/a'],
	]);
	Object.assign(figures, await searchFigures(`${generated.count} synthetic postings`, syntheticOut, tools));
	return { ok: true, figures };
}

// ---------------------------------------------------------------- cards

/** Social cards by scripts/card-cost.mjs: each step of drawing a card whole, painting one (as built), and the pool's throughput. */
const CARD_COST_CARDS = 200;

function cardFigures(tools) {
	console.log(`\ndrawing ${CARD_COST_CARDS} social cards (scripts/card-cost.mjs)…`);
	const run = spawnSync(tools.nodeBin, [join(ROOT, 'scripts', 'card-cost.mjs'), String(CARD_COST_CARDS), '--json'], { cwd: ROOT, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS });
	if (run.status !== 0) {
		console.error(`card-cost failed:\n${(run.stderr ?? '').trim().split('\n').slice(-20).join('\n')}`);
		return { ok: false };
	}
	const figures = JSON.parse(run.stdout.trim().split('\n').at(-1));
	const step = (name) => `${figures.steps[name].medianMs} ms median, ${Math.round(100 * figures.steps[name].share)}%`;
	printTable(`Social cards (${figures.cards} role cards)`, [
		['drawn whole: satori layout → SVG', step('layout')],
		['drawn whole: resvg parse SVG', step('parse')],
		['drawn whole: resvg render() (rasterize)', step('rasterize')],
		['drawn whole: palette PNG', step('encode')],
		['drawn whole, one thread', `${figures.whole.cardsPerSecond} cards/s (${figures.whole.medianMs} ms median)`],
		['painted (as built), one thread', `${figures.renderCard.cardsPerSecond} cards/s (${figures.renderCard.medianMs} ms median; first card ${figures.firstCardMs} ms)`],
		[`pool, ${figures.pool.threads} threads`, `${figures.pool.coldCardsPerSecond} cards/s with start-up, ${figures.pool.warmCardsPerSecond} warm; bytes ${figures.pool.identicalBytes ? 'identical' : 'DIFFERENT'}`],
	]);
	return { ok: true, ...figures };
}

async function main() {
	const tools = resolveAstro();
	const results = {
		date: new Date().toISOString(),
		node: { bench: process.version, build: tools.buildNodeVersion },
		astro: tools.astroVersion,
		cpus: os.cpus().length,
		platform: `${os.platform()} ${os.release()} ${os.arch()}`,
		totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
		quick: QUICK,
		// Other work on the machine skews timings; a 1-minute load near or above the CPU count means noisy figures.
		loadAverage1mAtStart: Number(os.loadavg()[0].toFixed(2)),
		peakMemoryMethod: existsSync(GNU_TIME) ? 'GNU time %M (max RSS of the largest process in the build, KB)' : 'n/a (no /usr/bin/time)',
		targets: { rolePageHtmlCssGzip: TARGET_ROLE_HTML_CSS_GZIP, listingJsGzip: TARGET_LISTING_JS_GZIP },
		errors: [],
	};
	let failed = false;

	console.log(`careers-site bench — ${results.date}`);
	console.log(`node ${tools.buildNodeVersion} (build), astro ${tools.astroVersion}, ${results.cpus} CPUs, ${results.totalMemoryMb} MB RAM, load ${results.loadAverage1mAtStart}${QUICK ? ', --quick' : ''}`);
	if (results.loadAverage1mAtStart >= results.cpus * 0.5) console.log('note: the machine is busy; build times may be inflated');

	// 1. Seeds
	const seedCount = readdirSync(SEED_DIR).filter((name) => /\.html?$/i.test(name) && !name.startsWith('.')).length;
	console.log(`\nbuilding ${seedCount} seed postings…`);
	const seedOut = join(tempRoot, 'seed-out');
	const seed = await build({ label: 'seed', outDir: seedOut, env: { POSTINGS_DIR: SEED_DIR, ASTRO_CACHE_DIR: join(tempRoot, 'cache-seed') }, tools, timeDir: tempRoot });
	results.seed = { postings: seedCount, ok: seed.ok, error: seed.error, buildMs: Math.round(seed.wallMs), peakRssKb: seed.peakRssKb };
	if (!seed.ok) {
		failed = true;
		results.errors.push(`seed: ${seed.error}`);
		failBuild('seed', seed);
	} else {
		Object.assign(results.seed, countPages(seedOut));
		printTable('Seed build', [
			['postings', String(seedCount)],
			['build time (wall)', seconds(seed.wallMs)],
			['peak memory (RSS)', seed.peakMemoryMeasured ? mebibytes(seed.peakRssKb) : 'n/a'],
			['HTML pages', `${results.seed.htmlPages} (${results.seed.rolePages} roles, ${results.seed.teamPages} teams, ${results.seed.locationPages} locations)`],
			['output', `${results.seed.files} files, ${kb(results.seed.totalBytes)}`],
		]);

		// 3. Bytes
		const listing = analysePage(seedOut, 'index.html');
		const roles = rolePages(seedOut);
		const role = roles.length > 0 ? analysePage(seedOut, roles[0]) : null;
		const largest = largestRolePage(seedOut, roles);
		results.bytes = { listing, rolePage: role, largestRolePage: largest };

		const pageRows = (name, page) => {
			const rows = [
				[`${name} HTML`, `${bytesAndKb(page.html.raw)} raw, ${bytesAndKb(page.html.gzip)} gzip, ${bytesAndKb(page.html.brotli)} br`],
			];
			if (page.css.inline) {
				rows.push([`${name} CSS`, `inline (${page.css.inlineBlocks} <style>, counted in the HTML): ${bytesAndKb(page.css.inlineSizes.raw)} raw, ${bytesAndKb(page.css.inlineSizes.gzip)} gzip alone`]);
			}
			for (const file of page.css.files) rows.push([`${name} CSS ${file.file}`, `${bytesAndKb(file.raw)} raw, ${bytesAndKb(file.gzip)} gzip, ${bytesAndKb(file.brotli)} br`]);
			if (!page.css.inline && page.css.files.length === 0) rows.push([`${name} CSS`, 'none']);
			if (page.js.inlineBlocks > 0) {
				rows.push([`${name} JS inline`, `${page.js.inlineBlocks} <script>: ${bytesAndKb(page.js.inlineSizes.raw)} raw, ${bytesAndKb(page.js.inlineSizes.gzip)} gzip alone, ${bytesAndKb(page.js.inlineSizes.brotli)} br alone`]);
			}
			for (const file of page.js.files) rows.push([`${name} JS ${file.file}`, `${bytesAndKb(file.raw)} raw, ${bytesAndKb(file.gzip)} gzip, ${bytesAndKb(file.brotli)} br`]);
			rows.push([`${name} JS total`, page.js.total.raw === 0 ? 'none (0 B)' : `${bytesAndKb(page.js.total.raw)} raw, ${bytesAndKb(page.js.total.gzip)} gzip, ${bytesAndKb(page.js.total.brotli)} br`]);
			if (page.unresolved.length > 0) rows.push([`${name} unresolved refs`, page.unresolved.join(', ')]);
			return rows;
		};
		const verdict = (value, target) => `${bytesAndKb(value)} vs ${bytesAndKb(target)} target: ${value <= target ? 'OK' : 'OVER'}`;
		const rows = [...pageRows('listing', listing)];
		if (role) rows.push(['role page', `${role.page} (first by path)`], ...pageRows('role', role));
		printTable('Bytes (seed build; gzip -9, brotli -11)', rows);

		results.checks = {
			rolePageHtmlCssGzip: role ? { value: role.htmlPlusCss.gzip, target: TARGET_ROLE_HTML_CSS_GZIP, ok: role.htmlPlusCss.gzip <= TARGET_ROLE_HTML_CSS_GZIP, page: role.page } : null,
			rolePageJsGzip: role ? { value: role.js.total.gzip, expected: 0, ok: role.js.total.raw === 0 } : null,
			listingJsGzip: { value: listing.js.total.gzip, target: TARGET_LISTING_JS_GZIP, ok: listing.js.total.gzip <= TARGET_LISTING_JS_GZIP },
			largestRolePageHtmlGzip: largest ? { value: largest.gzip, target: TARGET_ROLE_HTML_CSS_GZIP, ok: largest.gzip <= TARGET_ROLE_HTML_CSS_GZIP, page: largest.page } : null,
		};
		const checkRows = [];
		if (role) {
			checkRows.push(['role page HTML+CSS gzip', verdict(role.htmlPlusCss.gzip, TARGET_ROLE_HTML_CSS_GZIP)]);
			checkRows.push(['role page JS', role.js.total.raw === 0 ? '0 B: OK' : `${bytesAndKb(role.js.total.gzip)} gzip: expected none`]);
		}
		checkRows.push(['listing JS gzip', verdict(listing.js.total.gzip, TARGET_LISTING_JS_GZIP)]);
		if (largest) checkRows.push(['largest role page HTML gzip', `${verdict(largest.gzip, TARGET_ROLE_HTML_CSS_GZIP)} (${largest.page})`]);
		printTable('Budgets (information only)', checkRows);

		// What the search adds to the listing's inline script (Pagefind itself loads on first use).
		const before = LISTING_JS_BEFORE_SEARCH;
		const after = listing.js.inlineSizes;
		results.bytes.listingSearchCost = { before, after, addedGzip: after.gzip - before.gzip, addedBrotli: after.brotli - before.brotli };
		printTable('Listing inline script: what the search adds', [
			[`before search (${before.commit})`, `${bytesAndKb(before.raw)} raw, ${bytesAndKb(before.gzip)} gzip, ${bytesAndKb(before.brotli)} br`],
			['now', `${bytesAndKb(after.raw)} raw, ${bytesAndKb(after.gzip)} gzip, ${bytesAndKb(after.brotli)} br`],
			['added', `${(after.gzip - before.gzip).toLocaleString('en-US')} B gzip, ${(after.brotli - before.brotli).toLocaleString('en-US')} B br`],
		]);

		Object.assign(results.seed, await searchFigures('seed build', seedOut, tools));
	}

	// 2. Synthetic: 1,000 postings, and 5,000 with --large.
	if (QUICK) {
		results.synthetic = { skipped: true };
		console.log('\nsynthetic builds skipped (--quick)');
	} else {
		for (const [key, count] of [['synthetic', SYNTHETIC_COUNT], ...(LARGE ? [['syntheticLarge', SYNTHETIC_LARGE_COUNT]] : [])]) {
			const run = await syntheticBuild(count, tools);
			results[key] = run.figures;
			if (!run.ok) {
				failed = true;
				results.errors.push(`${key}: ${run.figures.error}`);
			}
		}
	}

	// Cards: what one costs, one thread against the pool.
	results.cards = cardFigures(tools);

	// 4. JSON
	mkdirSync(RESULTS_DIR, { recursive: true });
	const jsonFile = join(RESULTS_DIR, 'bench.json');
	writeFileSync(jsonFile, `${JSON.stringify(results, null, '\t')}\n`);
	console.log(`\nfigures written to ${relative(ROOT, jsonFile)}`);
	if (failed) console.error(`bench: ${results.errors.join('; ')}`);
	return failed ? 1 : 0;
}

let exitCode = 1;
try {
	exitCode = await main();
} catch (error) {
	console.error(`bench: ${error instanceof Error ? error.message : error}`);
} finally {
	cleanUp();
}
process.exitCode = exitCode;
