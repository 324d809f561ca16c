import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCacheDir } from '../config/cache-folder.ts';
import { contentPaths, readSiteConfig } from '../config/site-config.ts';
import { pipelineInputDigest } from '../loaders/input-digest.ts';
import type { Finding } from '../schemas/review.ts';
import { gitText } from '../utils/git.ts';
import { markdownText } from '../utils/markdown.ts';
import { productionRef, type Baseline } from './baseline.ts';
import type { RoleDiff } from './diff.ts';

// A preview build has already reviewed every posting and compared it with
// production (its review and What changed pages). The commands the preview
// workflow runs after it, `npm run review` and the pull-request comment, used
// to do both again: at 10,000 roles 14.7 s and 16.7 s, together nearly what
// the preview build itself took. The build leaves what they need here, with
// the input it was made from; each command uses it only for that same input.

/** Roles the pull-request comment lists one by one (a sync can add a thousand at once): GitHub refuses a comment over 65,536 characters. */
export const COMMENT_ROLES = 100;

/** Bumped when the report's shape or meaning changes: an older build's report is then not used. */
const REPORT_VERSION = 1;

/** The route a preview build renders its report at; moved into the cache folder once the build is done (see `keepPreviewReport`). */
export const REPORT_ROUTE = '_preview/report.json';

/** What a preview build found, for the commands run after it. */
export interface PreviewReport {
	version: number;
	/** The build's input (`reportInput`): the report stands for these postings, settings, dates and code only. */
	input: string;
	/** When the build ran: its review judged dates against this time. */
	builtAt: string;
	/** The posting review of every role the preview has, as its review page lists them. */
	findings: Finding[];
	/** What changed, as the comment says it, and the baseline it was compared with (`baselineIdentity`); absent when no baseline could be read. */
	changes?: { baseline: string; lines: string[] };
}

/** Where the commands find the report of the last preview build: in its cache folder, beside its pipeline cache. */
export function reportFile(env: NodeJS.ProcessEnv, root: string): string {
	return join(buildCacheDir(true, env, root), 'preview-report.json');
}

/**
 * The digest of everything the preview's review and comparison are made
 * from: the pipeline's input (every posting file, the settings, the folder's
 * git dates, the day and the code; see `pipelineInputDigest`). Undefined for
 * an ATS source, read anew by every build: its report is never reused.
 *
 * @param day the build day (YYYY-MM-DD)
 */
export function reportInput(root: string, env: NodeJS.ProcessEnv, day: string): string | undefined {
	const { postingsDir, siteConfig } = contentPaths(root, env);
	try {
		if (readSiteConfig(siteConfig).atsSource) return undefined;
	} catch {
		return undefined;
	}
	return pipelineInputDigest({ root, postingsDir, siteConfig, today: day, cacheDir: buildCacheDir(true, env, root) });
}

/**
 * Which production the preview is compared with: the manifest named by
 * `BASELINE_MANIFEST`, else the merge base of HEAD and the production
 * branch, found as `loadGitBaseline` finds it. Undefined when git cannot say.
 */
export function baselineIdentity(root: string, env: NodeJS.ProcessEnv): string | undefined {
	if (env.BASELINE_MANIFEST) return `manifest:${env.BASELINE_MANIFEST}`;
	const top = gitText(root, ['rev-parse', '--show-toplevel']);
	if (!top) return undefined;
	const ref = productionRef(top, env.PRODUCTION_BRANCH || 'main');
	const base = ref && gitText(top, ['merge-base', 'HEAD', ref]);
	return base ? `git:${base}` : undefined;
}

/** The comment's lines on what changed: the counts against the baseline, then the roles, at most {@link COMMENT_ROLES}. */
export function changeLines(baseline: Pick<Baseline, 'description'>, diff: RoleDiff): string[] {
	const roles = [
		...diff.added.map((role) => `- added: ${markdownText(role.title)}${role.draft ? ' (draft)' : ''}`),
		...diff.changed.map((role) => `- changed: ${markdownText(role.title)} (${role.fields.map((field) => field.field).join(', ')})`),
		...diff.closed.map((role) => `- closed: ${markdownText(role.title)}`),
		...diff.removed.map((role) => `- removed: ${markdownText(role.title)} (${role.reason})`),
	];
	return [
		`Compared with ${baseline.description}: **${diff.added.length} added, ${diff.changed.length} changed, ${diff.closed.length} closed**` +
			`, ${diff.reopened.length} reopened, ${diff.removed.length} removed.`,
		...roles.slice(0, COMMENT_ROLES),
		...(roles.length > COMMENT_ROLES ? [`- and ${roles.length - COMMENT_ROLES} more: see what changed on the preview`] : []),
	];
}

/** The report's JSON, as the preview build renders it. */
export function reportJson(report: Omit<PreviewReport, 'version'>): string {
	return JSON.stringify({ version: REPORT_VERSION, ...report } satisfies PreviewReport);
}

/**
 * The last preview build's report, when it was made from this very input;
 * else undefined, and the command works it out itself. A missing, damaged or
 * older report counts as none.
 *
 * @param day the day the command reviews as of (YYYY-MM-DD): another day is another input
 */
export function readReport(root: string, env: NodeJS.ProcessEnv, day: string): PreviewReport | undefined {
	const file = reportFile(env, root);
	if (!existsSync(file)) return undefined;
	let report: PreviewReport;
	try {
		report = JSON.parse(readFileSync(file, 'utf8')) as PreviewReport;
	} catch {
		return undefined;
	}
	if (report.version !== REPORT_VERSION || !Array.isArray(report.findings) || typeof report.input !== 'string') return undefined;
	return report.input === reportInput(root, env, day) ? report : undefined;
}

/**
 * Moves the report a preview build rendered out of its output into its cache
 * folder: the commands read it there, and the deployed preview does not
 * carry it. A build without one (production, a build that failed before)
 * leaves any older report where it is: its input tells whether it still stands.
 */
export function keepPreviewReport(outDir: string, env: NodeJS.ProcessEnv, root: string): boolean {
	const rendered = join(outDir, REPORT_ROUTE);
	if (!existsSync(rendered)) return false;
	const file = reportFile(env, root);
	mkdirSync(dirname(file), { recursive: true });
	try {
		renameSync(rendered, file);
	} catch {
		// The output and the cache folder on different disks.
		copyFileSync(rendered, file);
		rmSync(rendered);
	}
	return true;
}
