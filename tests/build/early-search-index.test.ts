import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/pagefind.ts';
import { ROOT, walk } from './build-helpers.ts';

/**
 * `npm run build` of a small site indexes its role pages while Astro renders
 * the rest, once the middleware says the last role page has rendered
 * (src/integrations/early-search-index.ts), and the index is the one a build
 * after Astro makes. A build that renders only some role pages (one posting
 * changed, the others copied from Astro's cache) is never told, and indexes
 * after Astro as before.
 */
const work = mkdtempSync(join(tmpdir(), 'careers-early-index-'));
const postings = join(work, 'postings');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm run build` (scripts/build.mjs) of the postings into `name`, with one cache folder for every build here. */
function npmBuild(name: string): { status: number | null; output: string } {
	// Vitest's own import.meta.env values (BASE_URL, MODE…) would override the build's.
	const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...inherited } = process.env;
	const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--outDir', join(work, name)], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 280_000,
		env: { ...inherited, POSTINGS_DIR: postings, ASTRO_CACHE_DIR: join(work, 'cache'), BUILD_TIME: '2026-12-02T00:00:00Z', PREVIEW: 'false', ASTRO_TELEMETRY_DISABLED: '1' },
	});
	return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}

/** Every file of a folder, with its bytes. */
const files = (dir: string) => Object.fromEntries(walk(dir).map((path) => [path, readFileSync(join(dir, path)).toString('base64')]));

describe('npm run build of a small site', () => {
	const builds: Record<string, { status: number | null; output: string }> = {};

	beforeAll(() => {
		cpSync(join(ROOT, 'tests/fixtures/seeds'), postings, { recursive: true });
		builds.cold = npmBuild('cold');
		// One posting changed: its role page renders, the other four are copied from Astro's cache.
		appendFileSync(join(postings, readdirSync(postings).sort()[0]!), '<p>One more sentence about the role.</p>');
		builds.changed = npmBuild('changed');
	}, 600_000);

	it('builds', () => {
		expect(builds.cold!.status, builds.cold!.output).toBe(0);
		expect(builds.changed!.status, builds.changed!.output).toBe(0);
	});

	it('indexes the role pages while Astro renders the other pages, and copies that index once Astro has exited', () => {
		const said = builds.cold!.output.split('\n').filter((line) => line.includes('[careers-pagefind]'));
		expect(said.map((line) => line.replace(/^\S+ \[careers-pagefind\] /, '').replace(/in [\d.]+ s/, 'in N s'))).toEqual([
			'search index: left to npm run build (begun beside the last pages if every role page rendered)',
			'indexed 5 role pages in 1 of 1 part into pagefind/ in N s (0 copied from the cache), while Astro renders the other pages',
			'role pages unchanged since they were indexed: search index copied from the cache in N s (1 part)',
		]);
	});

	it('gives the index a build after Astro, without cache, makes of the same pages', async () => {
		const copy = join(work, 'cold-again');
		cpSync(join(work, 'cold'), copy, { recursive: true });
		rmSync(join(copy, 'pagefind'), { recursive: true });
		await buildSearchIndex({ outDir: copy, cacheDir: undefined, root: ROOT }, { info: () => undefined });
		expect(files(join(work, 'cold', 'pagefind'))).toEqual(files(join(copy, 'pagefind')));
	});

	it('indexes after Astro when only some role pages rendered', () => {
		expect(builds.changed!.output).toMatch(/rendered again|cached pages linked/);
		expect(builds.changed!.output).not.toContain('while Astro renders the other pages');
		expect(builds.changed!.output).toMatch(/\[careers-pagefind\] indexed 5 role pages in 1 of 1 part into pagefind\/ in [\d.]+ s \(0 copied from the cache\)\n/);
	});
});
