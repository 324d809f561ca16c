// Runs the whole test suite in order and ends with one summary line.
//
// 1. astro check   types and templates, no errors, warnings or hints allowed
// 2. build         the site from content/ (npm run build's script), and from tests/fixtures/lifecycle/
//                  (closed, renamed and draft roles) into .builds/lifecycle/
//                  (the build tests and Playwright use both), and 1,000
//                  generated roles (scripts/many-roles.mjs) into
//                  .builds/many/dist/ (the listing's end-to-end tests), and
//                  the seeds as a French company's site (tests/fixtures/french/)
//                  into .builds/french/ (the site's words in another language)
// 3. vitest        unit tests of the pipeline and tests of built sites
// 4. playwright    end-to-end tests in Chromium, axe included
//
// Every step runs even if an earlier one failed (except the build, which the
// later steps need), and the last line reads "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { writeManyRoles } from './many-roles.mjs';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const run = (label, command, args, env = {}) => {
	console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
	// PREVIEW=false: the suite builds production (a pull-request workflow would otherwise
	// make a preview); the preview build tests ask for their own.
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PREVIEW: 'false', ...env } });
	return result.status === 0;
};

const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined);

rmSync('test-results', { recursive: true, force: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

// A stale content-layer cache can show old entries: build from scratch.
rmSync('.astro/data-store.json', { force: true });
rmSync('node_modules/.astro', { recursive: true, force: true });

if (run('type check', 'astro', ['check', '--minimumFailingSeverity', 'hint'])) passed++;
else {
	failed++;
	failures.push('astro check');
}

const lifecycle = { POSTINGS_DIR: 'tests/fixtures/lifecycle', ASTRO_CACHE_DIR: '.builds/lifecycle-cache' };
// Generated at test time, not committed: a thousand files would drown the repository's history.
const many = { ...writeManyRoles('.builds/many', 1000).env, ASTRO_CACHE_DIR: '.builds/many/cache' };
const french = { SITE_CONFIG: 'tests/fixtures/french/site.yaml', ASTRO_CACHE_DIR: '.builds/french-cache' };
if (
	// The site as `npm run build` makes it (the search index once Astro has exited); the others
	// with `astro build` alone (the index in Astro's hook): the build tests read both kinds.
	!run('build', 'node', ['scripts/build.mjs']) ||
	!run('build (lifecycle fixture)', 'astro', ['build', '--outDir', '.builds/lifecycle'], lifecycle) ||
	!run('build (1,000 generated roles)', 'astro', ['build', '--outDir', '.builds/many/dist'], many) ||
	!run('build (a French site)', 'astro', ['build', '--outDir', '.builds/french'], french)
) {
	console.log('\nThe site does not build; later steps need it.');
	console.log(`tests: ${passed} passed, ${failed + 1} failed`);
	process.exit(1);
}

const vitestOk = run('unit and build tests', 'vitest', ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
	passed += vitest.numPassedTests;
	failed += vitest.numFailedTests;
	skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (!vitestOk) failures.push('vitest');
// A suite that fails in its setup has no failed test of its own: count the suite.
if (!vitestOk && !vitest?.numFailedTests) failed += Math.max(1, vitest?.numFailedTestSuites ?? 0);

const e2eOk = run('end-to-end tests', 'playwright', ['test']);
const e2e = readJson('test-results/playwright.json');
if (e2e) {
	passed += e2e.stats.expected;
	failed += e2e.stats.unexpected + (e2e.stats.flaky ?? 0);
	skipped += e2e.stats.skipped;
}
if (!e2eOk) failures.push('playwright');
if (!e2eOk && !(e2e?.stats.unexpected > 0)) failed++;

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length === 0 && failed === 0 ? 0 : 1);
