import { mode } from '../config/build-mode.ts';
import { BaselineError, loadBaseline, type Baseline } from '../preview/baseline.ts';
import { DETAILED_CHANGES, diffRoles, type RoleDiff } from '../preview/diff.ts';
import { getCatalogue } from './catalogue.ts';

/** A preview compared with production: the baseline and the diff, or why there is no baseline. */
export type PreviewChanges = { baseline: Baseline; diff: RoleDiff; problem?: undefined } | { baseline?: undefined; diff?: undefined; problem: string };

let loading: Promise<PreviewChanges> | undefined;

/**
 * The preview's comparison with production, once per build: the What changed
 * page shows it, and the preview's report sums it up for the pull-request
 * comment (src/preview/report.ts). Reading the baseline normalizes
 * production's postings (at 10,000 roles, seconds): done twice, it was.
 */
export function getChanges(): Promise<PreviewChanges> {
	loading ??= (async (): Promise<PreviewChanges> => {
		const current = (await getCatalogue()).all;
		let baseline: Baseline;
		try {
			baseline = await loadBaseline({ clock: mode, current });
		} catch (error) {
			// A preview without a baseline still deploys, saying why.
			if (error instanceof BaselineError) return { problem: error.message };
			throw error;
		}
		return { baseline, diff: diffRoles(baseline.roles, current, { detailed: DETAILED_CHANGES }) };
	})();
	return loading;
}
