// The scale bench's previews: what a recruiter's pull request waits for, built
// the way .github/workflows/preview.yml builds it. The What changed page reads
// its baseline from git, from the repository the postings are in, which must
// be the project's own: so the project is copied into a throwaway repository
// with the postings in content/postings/, committed on `main`.
// A pull request's previews build what GitHub checks out, the merge of the
// pull request into `main`, and are followed by the commands the workflow runs
// after the build: the review and the pull-request comment, timed.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { changeOnePosting } from './generate.mjs';
import { measureBuild } from './measure.mjs';

/** What a build of the project needs besides its postings and its packages (linked, not copied). */
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'src', 'public', 'scripts'];

const GIT_ENV = {
	GIT_CONFIG_NOSYSTEM: '1',
	GIT_CONFIG_GLOBAL: '/dev/null',
	GIT_AUTHOR_NAME: 'Bench',
	GIT_AUTHOR_EMAIL: 'bench@example.com',
	GIT_COMMITTER_NAME: 'Bench',
	GIT_COMMITTER_EMAIL: 'bench@example.com',
};

/**
 * Builds three previews of the postings, timed: the production branch's own
 * (cold: the workflow's `base` job after a code change), a pull request's
 * first one, which starts from a copy of that cache as the workflow restores
 * it (one posting changed), and the pull request's next push (the same
 * posting changed again, its own cache kept). Each result says whether its
 * What changed page read the baseline from git.
 *
 * @param {{ tools: { root: string }, temp: string, postings: string, settings: string, timeDir: string, timeoutMs: number, figures: (result: object, outDir: string) => object }} options
 * @returns {Promise<Record<'main' | 'first' | 'next', object>>} each build's figures, up to the first that failed
 */
export async function measurePreviews({ tools, temp, postings, settings, timeDir, timeoutMs, figures }) {
	const project = join(temp, 'preview-project');
	for (const file of PROJECT_FILES) cpSync(join(tools.root, file), join(project, file), { recursive: true });
	symlinkSync(join(tools.root, 'node_modules'), join(project, 'node_modules'), 'dir');
	const postingsDir = join(project, 'content', 'postings');
	mkdirSync(postingsDir, { recursive: true });
	cpSync(postings, postingsDir, { recursive: true });
	const git = (...args) => execFileSync('git', args, { cwd: project, env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
	git('init', '-q', '-b', 'main');
	git('add', '.');
	git('commit', '-q', '-m', 'Production');

	const cache = (name) => join(temp, `cache-preview-${name}`);
	const commit = (message) => {
		changeOnePosting(postingsDir);
		git('commit', '-q', '-am', message);
	};
	// A pull_request workflow on GitHub checks out the merge of the pull request into its base, on no branch.
	const checkOutMerge = () => {
		git('checkout', '-q', '--detach', 'main');
		git('merge', '-q', '--no-ff', '-m', 'Merge pull request', 'pull-request');
	};
	/** Times one of the commands the preview workflow runs after the build, in the build's environment. */
	const timeCommand = (script, env) => {
		const started = performance.now();
		const run = spawnSync(tools.nodeBin, [join(project, script)], { cwd: project, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs });
		// The review exits 1 when it finds errors (generated postings have some): only a crash or a timeout is a failure.
		return { seconds: Number(((performance.now() - started) / 1000).toFixed(2)), ok: run.status === 0 || run.status === 1 };
	};
	const steps = [
		{ key: 'main', label: "main's preview, cold", cacheName: 'main', branch: 'main', before: () => {} },
		{
			key: 'first',
			label: "a pull request's first preview, from main's preview cache",
			cacheName: 'pull-request',
			branch: 'pull-request',
			before: () => {
				git('checkout', '-q', '-b', 'pull-request');
				commit('One posting changed');
				checkOutMerge();
				// As the workflow restores it: the production branch's cache, copied.
				cpSync(cache('main'), cache('pull-request'), { recursive: true });
			},
		},
		// The recruiter fixes the same posting again: the pull request's own cache is kept.
		{
			key: 'next',
			label: "the pull request's next push",
			cacheName: 'pull-request',
			branch: 'pull-request',
			before: () => {
				git('checkout', '-q', 'pull-request');
				commit('The same posting changed again');
				checkOutMerge();
			},
		},
	];
	const builds = {};
	for (const { key, label, cacheName, branch, before } of steps) {
		before();
		// A folder of its own, as each build of the scale bench (scale.mjs says why).
		const outDir = join(temp, `preview-out-${key}`);
		console.log(`building ${label}…`);
		const env = { PREVIEW: 'true', PRODUCTION_BRANCH: 'main', GITHUB_HEAD_REF: branch, POSTINGS_DIR: postingsDir, SITE_CONFIG: settings, ASTRO_CACHE_DIR: cache(cacheName) };
		const result = await measureBuild({ tools, label: `preview-${key}`, cwd: project, script: join(project, 'scripts', 'build.mjs'), outDir, env, timeDir, timeoutMs });
		builds[key] = figures(result, outDir);
		// The What changed page says what it compared with, or why it could not.
		const changes = join(outDir, '_preview', 'changes', 'index.html');
		builds[key].baselineRead = result.ok && existsSync(changes) && readFileSync(changes, 'utf8').includes('Compared with main');
		// What the workflow runs next, on a pull request: the review (annotations) and the comment.
		if (result.ok && key !== 'main') builds[key].commands = { review: timeCommand('src/review/cli.ts', { ...env, GITHUB_ACTIONS: 'true' }), comment: timeCommand('src/preview/summary.ts', env) };
		if (!result.ok) {
			console.error(`${label} FAILED: ${result.error}\n${builds[key].logTail}`);
			break;
		}
	}
	return builds;
}
