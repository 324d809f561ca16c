/**
 * `node src/preview/summary.ts`: the pull-request comment of a preview, in
 * Markdown: what changed against production and what the review found.
 * The preview workflow posts it with the preview's URL (PREVIEW_URL).
 */
import { loadCatalogue } from '../sources/folder.ts';
import { contentPaths, readSiteConfig } from '../config/site-config.ts';
import { reviewCatalogue } from '../review/review.ts';
import { builtPipelineCache } from '../loaders/posting-cache.ts';
import { loadBaseline } from './baseline.ts';
import { diffRoles } from './diff.ts';
import { buildMode } from '../config/build-mode.ts';
import { unretired } from '../routing/visibility.ts';

/**
 * Errors the comment lists one by one. GitHub refuses a comment over 65,536
 * characters, and a site of thousands of roles can have thousands of errors.
 */
export const COMMENT_ERRORS = 50;

/** Roles the comment lists one by one (a sync can add a thousand at once), for the same reason. */
export const COMMENT_ROLES = 100;

/** The comment for the postings under `root`, compared with production's baseline. */
export async function previewSummary(root: string, env: NodeJS.ProcessEnv): Promise<string> {
	const paths = contentPaths(root, env);
	const site = readSiteConfig(paths.siteConfig);
	// Run after the preview build: its pipeline cache has these very postings. Read once, for the baseline too.
	const built = builtPipelineCache(root, env, true);
	const clock = buildMode(env);
	// What the preview has: roles closed longer than the site keeps them are neither compared nor reviewed.
	const all = loadCatalogue(paths.postingsDir, site, root, built);
	const catalogue = { ...all, postings: unretired(all.postings, clock, site.closedRoleDays) };
	const lines = ['### Careers site preview', ''];
	if (env.PREVIEW_URL) lines.push(`Preview: ${env.PREVIEW_URL} · [what changed](${env.PREVIEW_URL.replace(/\/$/, '')}/_preview/changes/) · [review](${env.PREVIEW_URL.replace(/\/$/, '')}/_preview/review/)`, '');
	try {
		const baseline = await loadBaseline({ cwd: root, env, ...built, clock });
		const diff = diffRoles(baseline.roles, catalogue.postings);
		lines.push(
			`Compared with ${baseline.description}: **${diff.added.length} added, ${diff.changed.length} changed, ${diff.closed.length} closed**` +
				`, ${diff.reopened.length} reopened, ${diff.removed.length} removed.`,
		);
		const roles = [
			...diff.added.map((role) => `- added: ${role.title}${role.draft ? ' (draft)' : ''}`),
			...diff.changed.map((role) => `- changed: ${role.title} (${role.fields.map((field) => field.field).join(', ')})`),
			...diff.closed.map((role) => `- closed: ${role.title}`),
			...diff.removed.map((role) => `- removed: ${role.title} (${role.reason})`),
		];
		lines.push(...roles.slice(0, COMMENT_ROLES));
		if (roles.length > COMMENT_ROLES) lines.push(`- and ${roles.length - COMMENT_ROLES} more: see what changed on the preview`);
	} catch (error) {
		lines.push(`What changed could not be worked out: ${(error as Error).message}`);
	}
	const findings = reviewCatalogue(catalogue, { defaultApplyUrl: site.defaultApplyUrl });
	const count = (severity: string, word: string) => {
		const n = findings.filter((finding) => finding.severity === severity).length;
		return `${n} ${word}${n === 1 ? '' : 's'}`;
	};
	lines.push('', `Review: **${count('error', 'error')}**, ${count('warning', 'warning')}, ${count('info', 'note')}.`);
	const errors = findings.filter((item) => item.severity === 'error');
	for (const finding of errors.slice(0, COMMENT_ERRORS)) {
		lines.push(`- \`${finding.file}\` ${finding.field}: ${finding.message} Fix: ${finding.fix}`);
	}
	if (errors.length > COMMENT_ERRORS) lines.push(`- and ${errors.length - COMMENT_ERRORS} more errors: see the review page, or run \`npm run review\``);
	return `${lines.join('\n')}\n`;
}

// Run only as a script, not when imported.
if (process.argv[1]?.endsWith('/preview/summary.ts')) {
	process.stdout.write(await previewSummary(process.cwd(), process.env));
}
