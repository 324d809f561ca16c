import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The site `npm run build` made from `content/`. */
export const DIST = join(ROOT, 'dist');

/**
 * The site `npm test` builds from `tests/fixtures/lifecycle/`: the seeds later
 * on, with a closed role, a renamed one, a draft, and dates given.
 */
export const LIFECYCLE_DIST = join(ROOT, '.builds/lifecycle');

/** Result of an `astro build` run. */
export interface BuildResult {
	status: number | null;
	/** What the build printed, without terminal colours (a CI sets `CI`, and Astro's logger then colours its output). */
	output: string;
}

/**
 * Builds the site from another postings folder into `outDir`.
 * Runs Astro with the Node that runs the tests (the project's pinned Node 22).
 */
export function buildSite(postingsDir: string, outDir: string, env: Record<string, string> = {}): BuildResult {
	const result = spawnSync(process.execPath, buildArgs(outDir), { ...buildOptions(postingsDir, outDir, env), encoding: 'utf8', timeout: 280_000 });
	return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}

/**
 * {@link buildSite} without blocking the test process, for builds that talk
 * to a server the test itself runs (a stand-in ATS).
 */
export function buildSiteAsync(postingsDir: string, outDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, buildArgs(outDir), buildOptions(postingsDir, outDir, env));
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const timer = setTimeout(() => child.kill(), 280_000);
		child.on('close', (status) => {
			clearTimeout(timer);
			resolve({ status, output: stripVTControlCharacters(output) });
		});
	});
}

function buildArgs(outDir: string): string[] {
	return [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir];
}

function buildOptions(postingsDir: string, outDir: string, env: Record<string, string>) {
	// Vitest puts its own import.meta.env (BASE_URL "/", MODE "test"…) into process.env;
	// passed on, they would override the build's base path and mode.
	const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...inherited } = process.env;
	return {
		cwd: ROOT,
		// Its own cache folder, so builds running side by side never share a content store.
		env: { ...inherited, POSTINGS_DIR: postingsDir, ASTRO_CACHE_DIR: join(outDir, '..', '.astro-cache'), ASTRO_TELEMETRY_DISABLED: '1', ...env },
	};
}

/**
 * Builds a site from posting files written into a fresh temporary folder
 * (`files`: file name → text), with settings of its own when `settings` (a
 * site.yaml's text) is given.
 *
 * @returns the build, its output folder, and what removes the folder
 */
export function buildFromFiles(prefix: string, files: Readonly<Record<string, string>>, settings?: string): { build: BuildResult; out: string; remove: () => void } {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	const postings = join(dir, 'postings');
	mkdirSync(postings);
	for (const [name, text] of Object.entries(files)) writeFileSync(join(postings, name), text);
	const env: Record<string, string> = {};
	if (settings !== undefined) writeFileSync((env.SITE_CONFIG = join(dir, 'site.yaml')), settings);
	const out = join(dir, 'dist');
	return { build: buildSite(postings, out, env), out, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under a folder, as paths relative to it. */
export function walk(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((path) => statSync(join(dir, path)).isFile())
		.map((path) => relative(dir, join(dir, path)))
		.sort();
}

/** Every built HTML page under a folder, with its text. */
export function pages(dir: string): Array<{ path: string; html: string }> {
	return walk(dir)
		.filter((path) => path.endsWith('.html'))
		.map((path) => ({ path, html: readFileSync(join(dir, path), 'utf8') }));
}
