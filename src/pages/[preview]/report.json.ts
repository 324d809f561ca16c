import type { APIRoute, GetStaticPaths } from 'astro';
import { mode } from '../../config/build-mode.ts';
import { baselineIdentity, changeLines, reportInput, reportJson } from '../../preview/report.ts';
import { getChanges } from '../../routing/preview-changes.ts';
import { getFindings } from '../../routing/review-findings.ts';

// Preview builds only (see review.astro for the route parameter). Moved into the cache folder once
// the build is done (src/integrations/preview-headers.ts): for `npm run review` and the pull-request
// comment, which then need not review and compare every posting again; not deployed.
export const getStaticPaths = (() => (mode.preview ? [{ params: { preview: '_preview' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
	const root = process.cwd();
	const changes = await getChanges();
	const baseline = changes.baseline && baselineIdentity(root, process.env);
	return new Response(
		reportJson({
			// An ATS source has no input to compare: '' matches none, so the commands work the report out themselves.
			input: reportInput(root, process.env, mode.builtAt.slice(0, 10)) ?? '',
			builtAt: mode.builtAt,
			findings: await getFindings(),
			...(changes.baseline && baseline ? { changes: { baseline, lines: changeLines(changes.baseline, changes.diff) } } : {}),
		}),
		{ headers: { 'Content-Type': 'application/json' } },
	);
};
