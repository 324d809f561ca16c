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
import { baselineIdentity, changeLines, readReport } from './report.ts';
import type { Catalogue } from '../postings/normalize.ts';
import { buildMode } from '../config/build-mode.ts';
import { unretired } from '../routing/visibility.ts';
import { markdownCode, markdownText } from '../utils/markdown.ts';

/**
 * Errors the comment lists one by one. GitHub refuses a comment over 65,536
 * characters, and a site of thousands of roles can have thousands of errors.
 */
export const COMMENT_ERRORS = 50;

/**
 * The comment for the postings under `root`, compared with production's
 * baseline. Run right after the preview build (as the preview workflow does),
 * it takes that build's review and comparison when the build was made from
 * the same input and against the same baseline (src/preview/report.ts); else
 * it works them out.
 */
export async function previewSummary(root: string, env: NodeJS.ProcessEnv): Promise<string> {
	const paths = contentPaths(root, env);
	const site = readSiteConfig(paths.siteConfig);
	const clock = buildMode(env);
	const built = readReport(root, env, clock.builtAt.slice(0, 10));
	// Run after the preview build: its pipeline cache has these very postings. Read once, for the baseline too.
	let opened: ReturnType<typeof builtPipelineCache> | undefined;
	const cache = () => (opened ??= builtPipelineCache(root, env, true));
	let catalogue: Catalogue | undefined;
	const postings = (): Catalogue => {
		if (!catalogue) {
			const all = loadCatalogue(paths.postingsDir, site, root, cache());
			// What the preview has: roles closed longer than the site keeps them are neither compared nor reviewed.
			catalogue = { ...all, postings: unretired(all.postings, clock, site.closedRoleDays) };
		}
		return catalogue;
	};
	const lines = ['### Careers site preview', ''];
	if (env.PREVIEW_URL) lines.push(`Preview: ${env.PREVIEW_URL} · [what changed](${env.PREVIEW_URL.replace(/\/$/, '')}/_preview/changes/) · [review](${env.PREVIEW_URL.replace(/\/$/, '')}/_preview/review/)`, '');
	if (built?.changes && built.changes.baseline === baselineIdentity(root, env)) lines.push(...built.changes.lines);
	else {
		try {
			const baseline = await loadBaseline({ cwd: root, env, ...cache(), clock });
			lines.push(...changeLines(baseline, diffRoles(baseline.roles, postings().postings)));
		} catch (error) {
			lines.push(`What changed could not be worked out: ${markdownText((error as Error).message)}`);
		}
	}
	const findings = built?.findings ?? reviewCatalogue(postings(), { defaultApplyUrl: site.defaultApplyUrl });
	const count = (severity: string, word: string) => {
		const n = findings.filter((finding) => finding.severity === severity).length;
		return `${n} ${word}${n === 1 ? '' : 's'}`;
	};
	lines.push('', `Review: **${count('error', 'error')}**, ${count('warning', 'warning')}, ${count('info', 'note')}.`);
	const errors = findings.filter((item) => item.severity === 'error');
	for (const finding of errors.slice(0, COMMENT_ERRORS)) {
		// The field is a path of the posting's own ("locations[0]", "sections.about-the-role"): no posting text in it.
		lines.push(`- ${markdownCode(finding.file)} ${finding.field}: ${markdownText(finding.message)} Fix: ${markdownText(finding.fix)}`);
	}
	if (errors.length > COMMENT_ERRORS) lines.push(`- and ${errors.length - COMMENT_ERRORS} more errors: see the review page, or run \`npm run review\``);
	return `${lines.join('\n')}\n`;
}

// Run only as a script, not when imported.
if (process.argv[1]?.endsWith('/preview/summary.ts')) {
	process.stdout.write(await previewSummary(process.cwd(), process.env));
}
