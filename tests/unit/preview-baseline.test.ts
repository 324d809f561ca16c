import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { loadCatalogue, type ReadInput } from '../../src/sources/folder.ts';
import { pipelineInputDigest } from '../../src/loaders/input-digest.ts';
import { BaselineError, loadBaseline, loadGitBaseline, loadManifestBaseline } from '../../src/preview/baseline.ts';
import { openPostingCache, pipelineCacheDir } from '../../src/loaders/posting-cache.ts';
import { diffRoles, type RoleDiff } from '../../src/preview/diff.ts';
import { manifestOf } from '../../src/preview/manifest.ts';
import { roleOf } from '../../src/preview/role.ts';
import { collapseDiff } from '../../src/preview/text-diff.ts';
import type { Posting } from '../../src/schemas/posting.ts';
import { FIXTURES, seedCatalogue, site, TODAY } from './helpers.ts';

// A throwaway repository, independent of the machine's git configuration.
const gitEnv = {
	...process.env,
	GIT_CONFIG_NOSYSTEM: '1',
	GIT_CONFIG_GLOBAL: '/dev/null',
	GIT_AUTHOR_NAME: 'Test',
	GIT_AUTHOR_EMAIL: 'test@example.com',
	GIT_COMMITTER_NAME: 'Test',
	GIT_COMMITTER_EMAIL: 'test@example.com',
};
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

let root: string;
let repo: string;
let postingsDir: string;
let mainAtBranch: string;
const posting = (name: string) => join(postingsDir, name);
const edit = (name: string, change: (source: string) => string) => writeFileSync(posting(name), change(readFileSync(posting(name), 'utf8')));

/** The preview build: the working tree of the repository. */
const current = (): Posting[] => loadCatalogue(postingsDir, site, repo, { today: TODAY }).postings;

const expectedDiff = {
	added: [{ id: '005_draft', slug: 'draft-role-nobody-should-see', title: 'Draft Role Nobody Should See', status: 'draft', draft: true }],
	removed: [],
	closed: [{ id: '001_3342c549bba94a78', slug: 'senior-systems-engineer-workers-runtime-cpp', title: 'Senior Systems Engineer, Workers Runtime (C++)', fields: [] }],
	reopened: [],
	changed: [
		{
			id: '003_2e4cdf5e0a274030',
			slug: 'systems-engineer-global-scheduling',
			title: 'Systems Engineer, Global Scheduling',
			fields: [
				{
					field: 'payRanges',
					before: [
						{ min: 168000, max: 206000, currency: 'USD', period: 'YEAR', appliesTo: 'Colorado' },
						{ min: 187000, max: 229000, currency: 'USD', period: 'YEAR', appliesTo: 'New York City' },
					],
					after: [
						{ min: 168000, max: 216000, currency: 'USD', period: 'YEAR', appliesTo: 'Colorado' },
						{ min: 187000, max: 229000, currency: 'USD', period: 'YEAR', appliesTo: 'New York City' },
					],
				},
				{ field: 'text', before: expect.stringMatching(/^[0-9a-f]{64}$/), after: expect.stringMatching(/^[0-9a-f]{64}$/) },
			],
		},
	],
	unchanged: 3,
};

const withoutTextDiff = (diff: RoleDiff) => ({
	...diff,
	changed: diff.changed.map(({ textDiff: _textDiff, ...change }) => change),
	closed: diff.closed.map(({ textDiff: _textDiff, ...change }) => change),
});

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'preview-baseline-'));
	repo = join(root, 'repo');
	postingsDir = join(repo, 'content/postings');
	mkdirSync(postingsDir, { recursive: true });
	git(repo, 'init', '-q', '-b', 'main');
	cpSync(join(FIXTURES, 'seeds'), postingsDir, { recursive: true });
	git(repo, 'add', '.');
	git(repo, 'commit', '-q', '-m', 'Seeds in production');
	mainAtBranch = git(repo, 'rev-parse', 'HEAD');

	// The pull request: raise Colorado's top of range, close the C++ role, add a draft.
	git(repo, 'checkout', '-q', '-b', 'preview');
	edit('003_2e4cdf5e0a274030.html', (source) => source.replace('>206', '>216'));
	edit('001_3342c549bba94a78.html', (source) => `---\nstatus: closed\n---\n${source}`);
	cpSync(join(FIXTURES, 'lifecycle/005_draft.html'), posting('005_draft.html'));
	git(repo, 'add', '.');
	git(repo, 'commit', '-q', '-m', 'Pay, close, draft');

	// Production moves on after the branch was made: the preview must not show that as its own change.
	git(repo, 'checkout', '-q', 'main');
	edit('000_d1e515e116b35d49.html', (source) => `---\ntitle: Engineering Manager, Workers Platform\n---\n${source}`);
	git(repo, 'commit', '-q', '-am', 'Renamed in production');
	git(repo, 'checkout', '-q', 'preview');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('git baseline', () => {
	it('reads the seeds at the merge base, not at the tip of main', () => {
		const baseline = loadGitBaseline({ cwd: repo, site, today: TODAY });
		expect([baseline.source, baseline.commit, baseline.description, baseline.warnings]).toEqual(['git', mainAtBranch, `main at ${mainAtBranch.slice(0, 7)} (merge base)`, []]);
		expect(baseline.roles).toEqual(seedCatalogue().postings.map(roleOf));
	});

	it('leaves out a role closed longer than the site keeps closed roles, as the build does', () => {
		// On the branch itself the baseline is HEAD, where the C++ role is closed: it closed the day of that commit.
		const closedOn = git(repo, 'log', '-1', '--format=%cs');
		const dayAfter = Date.parse(`${closedOn}T00:00:00Z`) + 24 * 60 * 60 * 1000;
		const slugs = (builtAt: number, closedRoleDays?: number) =>
			loadGitBaseline({ cwd: repo, branch: 'preview', site: { ...site, closedRoleDays }, today: TODAY, clock: { preview: true, builtAt: new Date(builtAt).toISOString() } }).roles.map((role) => role.slug);
		const cpp = 'senior-systems-engineer-workers-runtime-cpp';
		expect(slugs(dayAfter - 1, 0)).toContain(cpp);
		expect(slugs(dayAfter, 0)).not.toContain(cpp);
		expect(slugs(dayAfter, 0)).toHaveLength(4);
		expect(slugs(dayAfter + 29 * 24 * 60 * 60 * 1000, 30)).toContain(cpp);
		expect(slugs(dayAfter + 30 * 24 * 60 * 60 * 1000, 30)).not.toContain(cpp);
		// Unset, closed roles stay.
		expect(slugs(Date.parse('2099-01-01T00:00:00Z'))).toContain(cpp);
	});

	it('does not report a retired role whose file a pull request deletes as removed: production no longer has it either', () => {
		const closedOn = git(repo, 'log', '-1', '--format=%cs');
		git(repo, 'checkout', '-q', '-b', 'tidy');
		try {
			git(repo, 'rm', '-q', 'content/postings/001_3342c549bba94a78.html');
			git(repo, 'commit', '-q', '-m', 'Delete a role closed long ago');
			const clock = { preview: true, builtAt: new Date(Date.parse(`${closedOn}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString() };
			// A build day long after: a file with no date of its own would be taken as changed that day, and never retired.
			const baseline = loadGitBaseline({ cwd: repo, branch: 'preview', site: { ...site, closedRoleDays: 0 }, today: '2099-01-01', clock });
			const diff = diffRoles(baseline.roles, loadCatalogue(postingsDir, site, repo, { today: TODAY }).postings);
			expect([diff.removed, diff.closed, diff.added.map((role) => role.id)]).toEqual([[], [], ['005_draft']]);
		} finally {
			git(repo, 'checkout', '-q', 'preview');
		}
	});

	it('diffs the pull request against it end to end: pay range changed, role closed, draft added', () => {
		const diff = diffRoles(loadGitBaseline({ cwd: repo, site, today: TODAY }).roles, current());
		expect(withoutTextDiff(diff)).toEqual(expectedDiff);
		expect(collapseDiff(diff.changed[0]!.textDiff!, 0)).toEqual([
			{ op: 'skip', count: 25 },
			{ op: 'removed', text: 'For Colorado-based hires: Estimated annual salary of $168,000 - $206,000.' },
			{ op: 'added', text: 'For Colorado-based hires: Estimated annual salary of $168,000 - $216,000.' },
			{ op: 'skip', count: 24 },
		]);
	});

	it("reuses the build's pipeline results for the files the pull request left alone, and gives the same roles", () => {
		// The cache the preview build's run leaves: the working tree's postings, with their commit dates.
		const cacheDir = join(root, 'cache');
		const folder = pipelineCacheDir(cacheDir);
		const built = openPostingCache(cacheDir, 'this code');
		loadCatalogue(postingsDir, site, repo, { today: TODAY, cache: built });
		built.save();

		const stored = () => readdirSync(folder).map((name) => [name, readFileSync(join(folder, name)).toString('base64')]);
		const before = stored();
		const cache = openPostingCache(cacheDir, 'this code');
		const baseline = loadGitBaseline({ cwd: repo, site, today: TODAY, cache });
		expect(baseline.roles).toEqual(loadGitBaseline({ cwd: repo, site, today: TODAY }).roles);
		// 000, 002 and 004 are the same at the merge base; the pull request changed 001 and 003.
		expect(cache.stats).toEqual({ reused: 3, normalized: 2 });
		// Never written from here: the build's run owns the cache.
		expect(stored()).toEqual(before);

		// Another code's results are not reused.
		const other = openPostingCache(cacheDir, 'other code');
		expect(loadGitBaseline({ cwd: repo, site, today: TODAY, cache: other }).roles).toEqual(baseline.roles);
		expect(other.stats).toEqual({ reused: 0, normalized: 5 });
	});

	it("reuses the results of a build that read its files ahead, by their bytes' digests, as npm run build does", () => {
		// The build's read ahead (src/loaders/read-ahead.ts) hands the pipeline each file's bytes and digest, and the cache
		// keys its results by the digest: a baseline that keyed its files by their text found none of them (at 10,000 roles
		// a preview normalized every posting again, 10.6 s).
		const cacheDir = join(root, 'cache-read-ahead');
		const read: ReadInput = { files: new Map() };
		// The project's own root: its code is part of the input's digest.
		pipelineInputDigest({ root: join(FIXTURES, '..', '..'), postingsDir, siteConfig: join(FIXTURES, 'site.yaml'), today: TODAY }, read);
		expect(read.files.size).toBe(6);
		const built = openPostingCache(cacheDir, 'this code');
		loadCatalogue(postingsDir, site, repo, { today: TODAY, cache: built, read });
		built.save();
		expect(built.stats).toEqual({ reused: 0, normalized: 6 });

		const cache = openPostingCache(cacheDir, 'this code');
		const baseline = loadGitBaseline({ cwd: repo, site, today: TODAY, cache });
		expect(cache.stats).toEqual({ reused: 3, normalized: 2 });
		expect(baseline.roles).toEqual(loadGitBaseline({ cwd: repo, site, today: TODAY }).roles);
	});

	it("gives the same roles when the build's postings lend their plain text to the roles the pull request left alone", () => {
		const baseline = loadGitBaseline({ cwd: repo, site, today: TODAY, current: current() });
		expect(baseline.roles).toEqual(loadGitBaseline({ cwd: repo, site, today: TODAY }).roles);
		// 003's pay changed, in its text too: its text at the merge base is its own, not the build's.
		expect(baseline.roles.find((role) => role.id === '003_2e4cdf5e0a274030')!.text).toContain('Estimated annual salary of $168,000 - $206,000.');
	});

	it('prefers origin/<branch> over the local branch', () => {
		git(repo, 'update-ref', 'refs/remotes/origin/main', 'preview');
		try {
			const baseline = loadGitBaseline({ cwd: repo, site, today: TODAY });
			expect(baseline.description).toMatch(/^origin\/main at [0-9a-f]{7} \(HEAD\)$/);
			expect(diffRoles(baseline.roles, current())).toEqual({ added: [{ id: '005_draft', slug: 'draft-role-nobody-should-see', title: 'Draft Role Nobody Should See', status: 'draft', draft: true }], removed: [], closed: [], reopened: [], changed: [], unchanged: 5 });
		} finally {
			git(repo, 'update-ref', '-d', 'refs/remotes/origin/main');
		}
	});

	it("uses HEAD's own files on the production branch, and reads PRODUCTION_BRANCH", async () => {
		const baseline = await loadBaseline({ cwd: repo, site, today: TODAY, env: { PRODUCTION_BRANCH: 'preview' } });
		expect(baseline.description).toMatch(/^preview at [0-9a-f]{7} \(HEAD\)$/);
		// The draft was never published, so production's baseline leaves it out.
		expect(baseline.roles.map((role) => [role.id, role.status])).toEqual([
			['000_d1e515e116b35d49', 'open'],
			['001_3342c549bba94a78', 'closed'],
			['002_cc35c7161091c165', 'open'],
			['003_2e4cdf5e0a274030', 'open'],
			['004_8fa9f8a2c4e7ab16', 'open'],
		]);
	});

	it('names what is missing: the branch, the repository, git, history', async () => {
		const failure = async (run: () => unknown) => {
			try {
				await run();
			} catch (error) {
				expect(error).toBeInstanceOf(BaselineError);
				return (error as Error).message;
			}
			throw new Error('expected the baseline to fail');
		};
		expect(await failure(() => loadBaseline({ cwd: repo, site, env: { PRODUCTION_BRANCH: 'prod' } }))).toBe(
			'No production baseline: unknown production branch "prod": neither origin/prod nor prod exists. Set PRODUCTION_BRANCH to the branch production builds from.',
		);
		const outside = join(root, 'not-a-repo');
		mkdirSync(join(outside, 'content/postings'), { recursive: true });
		expect(await failure(() => loadGitBaseline({ cwd: outside, site }))).toMatch(/^No production baseline: .*not-a-repo is not inside a git repository/);

		const path = process.env.PATH;
		process.env.PATH = join(root, 'no-such-bin');
		try {
			expect(await failure(() => loadGitBaseline({ cwd: repo, site }))).toBe(
				'No production baseline: git is not installed (or not on PATH). Install git, or set BASELINE_MANIFEST to a production /api/manifest.json.',
			);
		} finally {
			process.env.PATH = path;
		}

		// CI's default: one commit of each branch, without the commit they share.
		const shallow = join(root, 'shallow');
		git(root, 'clone', '-q', '--depth', '1', '--no-single-branch', '--branch', 'preview', `file://${repo}`, shallow);
		expect(await failure(() => loadGitBaseline({ cwd: shallow, site }))).toBe(
			'No production baseline: this shallow clone does not contain the merge base of HEAD and origin/main. Fetch the history (`git fetch --unshallow`, or fetch-depth: 0 in CI), or set BASELINE_MANIFEST.',
		);
	});
});

describe('manifest baseline', () => {
	/** Production's manifest: what /api/manifest.json publishes for the seeds at the merge base. */
	const production = () => {
		const files = git(repo, 'ls-tree', '--name-only', mainAtBranch, 'content/postings/')
			.split('\n')
			.map((path) => ({ file: path, source: git(repo, 'show', `${mainAtBranch}:${path}`) + '\n' }));
		return manifestOf(normalizePostings(files, site, { today: TODAY }).postings);
	};

	it('round-trips: manifestOf → JSON file → baseline gives the git diff, less the sentence diff', async () => {
		const file = join(root, 'manifest.json');
		writeFileSync(file, JSON.stringify(production()));
		const fromFile = await loadBaseline({ cwd: repo, site, env: { BASELINE_MANIFEST: file } });
		const fromGit = loadGitBaseline({ cwd: repo, site, today: TODAY });
		expect([fromFile.source, fromFile.description]).toEqual(['manifest', file]);
		expect(fromFile.roles).toEqual(fromGit.roles.map(({ text: _text, ...role }) => role));
		const diff = diffRoles(fromFile.roles, current());
		expect(diff).toEqual(expectedDiff);
		expect(diff).toEqual(withoutTextDiff(diffRoles(fromGit.roles, current())));
	});

	it('reads a URL with the fetch it is given (never the network in tests), relative paths from cwd', async () => {
		const body = JSON.stringify(production());
		const requested: string[] = [];
		const fetch = async (url: string) => {
			requested.push(url);
			return { ok: true, status: 200, text: async () => body };
		};
		const url = 'https://careers.example.com/api/manifest.json';
		const fromUrl = await loadBaseline({ cwd: repo, site, env: { BASELINE_MANIFEST: url }, fetch });
		expect(requested).toEqual([url]);
		expect(diffRoles(fromUrl.roles, current())).toEqual(expectedDiff);
		writeFileSync(join(repo, 'manifest.json'), body);
		expect((await loadManifestBaseline('manifest.json', { cwd: repo })).roles).toEqual(fromUrl.roles);
	});

	it('says why a manifest cannot be used', async () => {
		const message = async (location: string, fetch?: () => Promise<{ ok: boolean; status: number; text(): Promise<string> }>) =>
			loadManifestBaseline(location, { cwd: root, ...(fetch ? { fetch } : {}) }).then(
				() => 'loaded',
				(error: Error) => error.message,
			);
		expect(await message('missing.json')).toBe(`No production baseline: cannot read BASELINE_MANIFEST ${join(root, 'missing.json')}: ENOENT`);
		expect(await message('https://careers.example.com/api/manifest.json', async () => ({ ok: false, status: 404, text: async () => '' }))).toBe(
			'No production baseline: BASELINE_MANIFEST https://careers.example.com/api/manifest.json answered HTTP 404',
		);
		writeFileSync(join(root, 'old.json'), JSON.stringify({ version: '0', roles: [] }));
		expect(await message('old.json')).toMatch(/^No production baseline: BASELINE_MANIFEST old\.json is not a version-1 \/api\/manifest\.json:\n {2}- version: /);
	});
});
