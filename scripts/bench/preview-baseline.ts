/**
 * A preview's production baseline at scale: a pull request that changes one
 * posting of a postings folder, in a throwaway git repository, and the time
 * `loadGitBaseline` takes to read the merge base's roles: without a cache
 * (every posting normalized), then with the pipeline cache the preview build
 * leaves (made here the way its loader makes it).
 *
 *   node scripts/bench/preview-baseline.ts <postings dir> <site settings file> [work folder]
 *
 * The repository is made in the work folder when one is given, and left there
 * for the caller to remove (the scale bench removes it after its builds: see
 * scale.mjs); else in a temporary folder removed at the end.
 *
 * Prints one JSON line: { postings, roles, uncachedMs, cachedMs, cacheWriteMs }.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadGitBaseline } from '../../src/preview/baseline.ts';
import { readSiteConfig } from '../../src/config/site-config.ts';
import { codeDigest } from '../../src/loaders/input-digest.ts';
import { openPostingCache } from '../../src/loaders/posting-cache.ts';
import { loadCatalogue } from '../../src/sources/folder.ts';
import { changeOnePosting } from './generate.mjs';

const [dir, settings, work] = process.argv.slice(2);
if (!dir || !settings) {
	console.error('usage: node scripts/bench/preview-baseline.ts <postings dir> <site settings file> [work folder]');
	process.exit(2);
}
const root = resolve(import.meta.dirname, '..', '..');
const site = readSiteConfig(resolve(settings));
const temp = work ? resolve(work) : mkdtempSync(join(tmpdir(), 'careers-preview-baseline-'));
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
const repo = join(temp, 'repo');
const postingsDir = join(repo, 'content', 'postings');
try {
	mkdirSync(postingsDir, { recursive: true });
	cpSync(resolve(dir), postingsDir, { recursive: true });
	git('init', '-q', '-b', 'main');
	git('add', '.');
	git('commit', '-q', '-m', 'Production');
	git('checkout', '-q', '-b', 'pull-request');
	changeOnePosting(postingsDir);
	git('commit', '-q', '-am', 'One posting changed');

	const time = <T>(run: () => T): [T, number] => {
		const started = performance.now();
		return [run(), performance.now() - started];
	};
	const today = '2026-12-01';
	// Twice, the second one timed: the first pays for what any first run in a process does (the city list, the JIT's start).
	loadGitBaseline({ cwd: repo, postingsDir, site, today });
	const [uncached, uncachedMs] = time(() => loadGitBaseline({ cwd: repo, postingsDir, site, today }));
	// What the preview build's loader leaves: the pull request's postings normalized, their results saved.
	const folder = join(temp, 'cache');
	const version = codeDigest(root);
	const [, cacheWriteMs] = time(() => {
		const cache = openPostingCache(folder, version);
		loadCatalogue(postingsDir, site, repo, { today, cache });
		cache.save();
	});
	const [cached, cachedMs] = time(() => loadGitBaseline({ cwd: repo, postingsDir, site, today, cache: openPostingCache(folder, version) }));
	if (JSON.stringify(cached.roles) !== JSON.stringify(uncached.roles)) throw new Error('the cached baseline differs from the uncached one');
	console.log(JSON.stringify({ postings: uncached.roles.length, uncachedMs: Math.round(uncachedMs), cachedMs: Math.round(cachedMs), cacheWriteMs: Math.round(cacheWriteMs) }));
} finally {
	if (!work) rmSync(temp, { recursive: true, force: true });
}
