import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { manifestSchema } from '../schemas/manifest.ts';
import type { Posting } from '../schemas/posting.ts';
import type { Site } from '../schemas/site.ts';
import { PostingError, PostingErrors } from '../postings/errors.ts';
import { normalizePostings, type NormalizeOptions, type PostingCache, type SourceFile } from '../postings/normalize.ts';
import { contentPaths, readSiteConfig } from '../config/site-config.ts';
import { builtPipelineCache } from '../loaders/posting-cache.ts';
import { gitDatesFile } from '../loaders/input-digest.ts';
import { buildCacheDir } from '../config/cache-folder.ts';
import { commitDates, dateOptions } from '../sources/git-dates.ts';
import { decodedWhenRead } from '../sources/folder.ts';
import { bytesDigest, hasPostingExtension, isSkippedName } from '../sources/posting-file.ts';
import { runGit as runGitCommand, type GitResult } from '../utils/git.ts';
import { manifestRoles } from './manifest.ts';
import { roleOf, sharePlainText, type BaselineRole, type CurrentRole } from './role.ts';
import { unretired, type Clock } from '../routing/visibility.ts';

/** Production's roles, and where they came from. */
export interface Baseline {
	/** git: normalized from the posting files at the merge base; manifest: read from a production `/api/manifest.json`. */
	source: 'git' | 'manifest';
	/** What the baseline is, for the page: e.g. `origin/main at 1a2b3c4 (merge base)` or the manifest's path or URL. */
	description: string;
	/** The commit the baseline was read at (git only). */
	commit?: string;
	/** Production's open and closed roles; drafts were never published, so they are not here. */
	roles: BaselineRole[];
	/** Things a reviewer should know, e.g. that production had no postings folder yet. */
	warnings: string[];
}

/** Where a git baseline is read from. */
export interface GitBaselineOptions {
	/** Folder inside the repository; paths in messages are relative to it. Default: the current directory. */
	cwd?: string;
	/** The production branch (`PRODUCTION_BRANCH`); `origin/<branch>` is tried first, then `<branch>`. Default `main`. */
	branch?: string;
	/** The postings folder (absolute, or relative to `cwd`). Default: `POSTINGS_DIR` or `content/postings`. */
	postingsDir?: string;
	/** Site settings to normalize with: the current ones. Default: read from `SITE_CONFIG` or `content/site.yaml`. */
	site?: Site;
	/** The build day handed to the pipeline; dates do not take part in the diff. */
	today?: string;
	/**
	 * The build's kind and clock: a role closed longer than the site keeps
	 * closed roles (`closedRoleDays`) is left out, as the build leaves it out.
	 * Default: a preview built now.
	 */
	clock?: Clock;
	/**
	 * The build's pipeline cache, read and never written: a posting file the
	 * same at the merge base as in the build is not normalized again (see
	 * {@link loadGitBaseline}). Default: none, every posting is normalized.
	 */
	cache?: PostingCache;
	/**
	 * The build's remembered commit dates (see `commitDates`): the build has
	 * just brought them up to HEAD, so the working tree's dates cost no log
	 * of the whole history. Default: none, the whole history is read.
	 */
	datesMemory?: string;
	/**
	 * The build's postings: a role whose sections at the merge base are the
	 * build's (most of them) takes its plain text from the build's role,
	 * which a preview has read already, instead of reading its HTML again.
	 * Default: none, every role's HTML is read.
	 */
	current?: readonly Posting[];
}
/** Why a baseline could not be loaded; the message says what is missing and how to fix it. */
export class BaselineError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BaselineError';
	}
}

/** One git command; a missing git is the one failure no fallback covers, so it is said here. */
function runGit(cwd: string, args: readonly string[], input?: string): GitResult {
	const result = runGitCommand(cwd, args, input);
	if (result.missing) {
		throw new BaselineError('No production baseline: git is not installed (or not on PATH). Install git, or set BASELINE_MANIFEST to a production /api/manifest.json.');
	}
	return result;
}

const text = (result: GitResult) => result.stdout.toString('utf8').trim();

/**
 * The production branch as this clone knows it: `origin/<branch>` first (a
 * CI checkout has no local copy of it), else the local branch; undefined
 * when neither exists.
 *
 * @param top the repository's top folder
 */
export function productionRef(top: string, branch: string): string | undefined {
	return [`origin/${branch}`, branch].find((name) => runGitCommand(top, ['rev-parse', '--verify', '--quiet', `${name}^{commit}`]).ok);
}

/**
 * Reads the blobs of `entries` in one `git cat-file --batch`, the same bytes
 * `git show <commit>:<path>` prints: one process instead of one per posting.
 * Named by object id, not `<commit>:<path>`: git finds a path by reading the
 * folder's tree from its start, so 10,000 paths in one folder took 13 s of
 * git's time, against 0.4 s by id.
 */
function readBlobs(top: string, entries: readonly TreeEntry[]): Buffer[] {
	if (entries.length === 0) return [];
	const result = runGit(top, ['cat-file', '--batch'], `${entries.map((entry) => entry.object).join('\n')}\n`);
	if (!result.ok) throw new BaselineError(`No production baseline: git cat-file failed: ${result.stderr}`);
	const out = result.stdout;
	const blobs: Buffer[] = [];
	let at = 0;
	for (const entry of entries) {
		const end = out.indexOf(0x0a, at);
		const header = out.subarray(at, end).toString('utf8');
		const size = Number(/^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1] ?? Number.NaN);
		if (!Number.isInteger(size)) throw new BaselineError(`No production baseline: git could not read ${entry.path} (${header})`);
		blobs.push(out.subarray(end + 1, end + 1 + size));
		at = end + 1 + size + 1;
	}
	return blobs;
}

/** A file of a tree, as `git ls-tree` lists it. */
interface TreeEntry {
	/** Its blob's object id. */
	object: string;
	/** Its path from the top of the repository, with forward slashes. */
	path: string;
}

/** The files `git ls-tree -z` lists (`<mode> blob <id>\t<path>`, each ended by NUL); sub-folders and submodules are left out. */
function treeFiles(listing: string): TreeEntry[] {
	return listing.split('\0').flatMap((line) => {
		const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(line);
		return match ? [{ object: match[1]!, path: match[2]! }] : [];
	});
}

/** The same posting files `loadCatalogue` would read: .html/.htm directly in the folder, no dotfiles or READMEs. */
function isPostingFile(name: string): boolean {
	return !isSkippedName(name) && hasPostingExtension(name);
}

/**
 * Production's roles from git, offline: the posting files at the merge base of
 * HEAD and the production branch, through the same pipeline as the build,
 * with the current site settings. On the production branch itself the merge
 * base is HEAD, so the baseline is HEAD's files. Drafts are left out:
 * production never published them.
 *
 * @throws {BaselineError} naming what is missing: git, the repository, the branch, or history (shallow clone)
 */
export function loadGitBaseline(options: GitBaselineOptions = {}): Baseline {
	const cwd = resolve(options.cwd ?? process.cwd());
	const branch = options.branch || 'main';
	const postingsDir = resolve(cwd, options.postingsDir ?? contentPaths(cwd).postingsDir);
	const site = options.site ?? readSiteConfig(contentPaths(cwd).siteConfig);

	const topResult = runGit(cwd, ['rev-parse', '--show-toplevel']);
	if (!topResult.ok) {
		throw new BaselineError(`No production baseline: ${cwd} is not inside a git repository (${topResult.stderr}). Run in a clone, or set BASELINE_MANIFEST.`);
	}
	const top = text(topResult);
	if (!runGit(top, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).ok) {
		throw new BaselineError('No production baseline: the repository has no commits yet (HEAD does not exist).');
	}
	const ref = productionRef(top, branch);
	const shallow = text(runGit(top, ['rev-parse', '--is-shallow-repository'])) === 'true';
	if (!ref) {
		const fetch = shallow ? ` (this is a shallow clone: fetch it, e.g. \`git fetch origin ${branch}\`)` : '';
		throw new BaselineError(
			`No production baseline: unknown production branch "${branch}": neither origin/${branch} nor ${branch} exists${fetch}. Set PRODUCTION_BRANCH to the branch production builds from.`,
		);
	}
	const base = runGit(top, ['merge-base', 'HEAD', ref]);
	if (!base.ok || text(base) === '') {
		throw new BaselineError(
			shallow
				? `No production baseline: this shallow clone does not contain the merge base of HEAD and ${ref}. Fetch the history (\`git fetch --unshallow\`, or fetch-depth: 0 in CI), or set BASELINE_MANIFEST.`
				: `No production baseline: HEAD and ${ref} share no history (no merge base). Set PRODUCTION_BRANCH to the branch this one was made from.`,
		);
	}
	const commit = text(base);
	const head = text(runGit(top, ['rev-parse', 'HEAD']));
	const description = `${ref} at ${commit.slice(0, 7)}${commit === head ? ' (HEAD)' : ' (merge base)'}`;

	// git names paths from the top of the repository with forward slashes; temp folders may sit behind symlinks.
	const folder = relative(realpathSync(top), realpathOr(postingsDir)).split('\\').join('/');
	if (folder.startsWith('..') || isAbsolute(folder)) {
		throw new BaselineError(`No production baseline: the postings folder ${postingsDir} is outside the repository ${top}.`);
	}
	const listing = runGit(top, ['ls-tree', '-z', commit, '--', folder === '' ? '.' : `${folder}/`]);
	if (!listing.ok) throw new BaselineError(`No production baseline: git ls-tree failed at ${commit.slice(0, 7)}: ${listing.stderr}`);
	const entries = treeFiles(listing.stdout.toString('utf8')).filter((entry) => isPostingFile(entry.path.split('/').pop() ?? ''));
	if (entries.length === 0) {
		return { source: 'git', description, commit, roles: [], warnings: [`${ref} had no posting files in ${folder || '.'} at ${commit.slice(0, 7)}: every role is new`] };
	}
	const blobs = readBlobs(top, entries);
	// Named as the build names them (relative to the project), so ids and messages match the current build's; known by
	// the digest of their bytes, as the build knows its files, so the build's pipeline cache gives the result of each file
	// the pull request left alone, its text never decoded (at 10,000 roles every posting was normalized again: 10.6 s).
	const files: SourceFile[] = entries.map((entry, index) => decodedWhenRead(shown(cwd, join(top, entry.path)), { bytes: blobs[index]!, digest: bytesDigest(blobs[index]!) }));
	try {
		const { postings } = normalizePostings(files, site, { ...(options.today ? { today: options.today } : {}), ...(options.cache ? { cache: options.cache } : {}), ...workingTreeDates(cwd, postingsDir, options.datesMemory) });
		const clock = options.clock ?? { preview: true, builtAt: new Date().toISOString() };
		const current = new Map(options.current?.map((posting) => [posting.id, posting]));
		const roles = unretired(postings, clock, site.closedRoleDays).flatMap((posting) => {
			const same = current.get(posting.id);
			if (same) sharePlainText(posting, same);
			return published(roleOf(posting));
		});
		return { source: 'git', description, commit, roles, warnings: [] };
	} catch (error) {
		if (error instanceof PostingErrors || error instanceof PostingError) {
			throw new BaselineError(`No production baseline: the postings at ${description} could not be normalized with the current site settings.\n${error.message}`);
		}
		throw error;
	}
}

/**
 * The commit dates the build normalized with: part of each result's key in
 * the build's pipeline cache, so the files a pull request left alone (at
 * 10,000 roles, all but a few) are not normalized again; and the day each
 * closed role closed, which decides whether the site still has it, the same
 * in the baseline as in the build. The working tree's dates, not the merge
 * base's: a file changed since has other bytes, so it is normalized anyway.
 * The cache is never saved from here: the build's run owns it.
 */
function workingTreeDates(cwd: string, postingsDir: string, memory: string | undefined): Pick<NormalizeOptions, 'firstCommitted' | 'lastCommitted' | 'historyCaveat'> {
	return dateOptions(commitDates(postingsDir, memory), (path) => shown(cwd, path));
}

/** A role of the production build, or nothing for a draft (never published). */
function published(role: CurrentRole): BaselineRole[] {
	return role.status === 'draft' ? [] : [{ ...role, status: role.status }];
}

function realpathOr(path: string): string {
	try {
		return realpathSync(path);
	} catch {
		// The folder may exist only at the base commit; the path as given is the best guess.
		return path;
	}
}

function shown(root: string, path: string): string {
	const rel = relative(root, path);
	return rel === '' || rel.startsWith('..') ? path : rel;
}

/** How a manifest baseline is fetched; injectable so tests never reach the network. */
export interface ManifestBaselineOptions {
	/** Folder a relative path is resolved from. Default: the current directory. */
	cwd?: string;
	/** Fetch for http(s) URLs. Default: the global `fetch`. */
	fetch?: (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
}

/**
 * Production's roles from its published `/api/manifest.json`: a file path or
 * an http(s) URL. The manifest carries only a digest of each role's text, so
 * text changes are reported without a sentence diff.
 *
 * @throws {BaselineError} when the file or URL cannot be read, or is not a version-1 manifest
 */
export async function loadManifestBaseline(location: string, options: ManifestBaselineOptions = {}): Promise<Baseline> {
	let body: string;
	if (/^https?:\/\//i.test(location)) {
		const get = options.fetch ?? ((url: string) => fetch(url));
		let response: Awaited<ReturnType<typeof get>>;
		try {
			response = await get(location);
		} catch (error) {
			throw new BaselineError(`No production baseline: could not fetch BASELINE_MANIFEST ${location}: ${(error as Error).message}`);
		}
		if (!response.ok) throw new BaselineError(`No production baseline: BASELINE_MANIFEST ${location} answered HTTP ${response.status}`);
		body = await response.text();
	} else {
		const path = resolve(options.cwd ?? process.cwd(), location);
		try {
			body = readFileSync(path, 'utf8');
		} catch (error) {
			throw new BaselineError(`No production baseline: cannot read BASELINE_MANIFEST ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
		}
	}
	let data: unknown;
	try {
		data = JSON.parse(body);
	} catch (error) {
		throw new BaselineError(`No production baseline: BASELINE_MANIFEST ${location} is not JSON: ${(error as Error).message}`);
	}
	const result = manifestSchema.safeParse(data);
	if (!result.success) {
		const problems = result.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
		throw new BaselineError(`No production baseline: BASELINE_MANIFEST ${location} is not a version-1 /api/manifest.json:\n  - ${problems.join('\n  - ')}`);
	}
	return { source: 'manifest', description: location, roles: manifestRoles(result.data), warnings: [] };
}

/** Everything `loadBaseline` reads from outside. */
export interface BaselineOptions extends Omit<GitBaselineOptions, 'branch'>, Pick<ManifestBaselineOptions, 'fetch'> {
	/** `BASELINE_MANIFEST` (path or URL) chooses the manifest; else git with `PRODUCTION_BRANCH` (default `main`). */
	env?: NodeJS.ProcessEnv;
}

/**
 * The production baseline for a preview: from `BASELINE_MANIFEST` when set,
 * else from git (merge base with `PRODUCTION_BRANCH`, default `main`).
 *
 * @throws {BaselineError} saying what is missing
 */
export async function loadBaseline(options: BaselineOptions = {}): Promise<Baseline> {
	const env = options.env ?? process.env;
	const { env: _env, fetch: fetcher, ...git } = options;
	if (env.BASELINE_MANIFEST) {
		return loadManifestBaseline(env.BASELINE_MANIFEST, { ...(git.cwd ? { cwd: git.cwd } : {}), ...(fetcher ? { fetch: fetcher } : {}) });
	}
	const cwd = resolve(git.cwd ?? process.cwd());
	const paths = contentPaths(cwd, env);
	return loadGitBaseline({
		postingsDir: paths.postingsDir,
		...git,
		site: git.site ?? readSiteConfig(paths.siteConfig),
		// The preview build's own: it has just normalized the pull request's postings, most of them the merge base's too.
		...(git.cache ? {} : builtPipelineCache(cwd, env, true)),
		datesMemory: git.datesMemory ?? gitDatesFile(buildCacheDir(true, env, cwd)),
		...(env.PRODUCTION_BRANCH ? { branch: env.PRODUCTION_BRANCH } : {}),
	});
}
