import { reviewCatalogue } from '../review/review.ts';
import type { Finding } from '../schemas/review.ts';
import { mode } from '../config/build-mode.ts';
import { site } from '../config/site.ts';
import { getCatalogue } from './catalogue.ts';

let loading: Promise<Finding[]> | undefined;

/**
 * The posting review of every role this build knows (drafts included), as
 * `npm run review` reports it, for the preview's review page and role pages.
 * Computed once per build, from what the pipeline recorded (hidden values,
 * removed tracking parameters): no posting is read again, so postings from
 * an ATS read at build time are reviewed like files.
 */
export function getFindings(): Promise<Finding[]> {
	loading ??= (async () => {
		const { all, company } = await getCatalogue();
		// In the order `npm run review` reads them (the folder's, by file name): of two duplicate roles, the earlier is the one not flagged.
		const postings = [...all].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
		// The company text too, as `npm run review` reads it: a disclosure the law asks for (benefits, AI screening) is often
		// in the company's text every posting carries, and without it the page reported it missing where the command did not.
		// The build's clock, so the review judges validThrough exactly as the listings do.
		return reviewCatalogue({ postings, company: [...company.values()], warnings: [] }, { defaultApplyUrl: site.defaultApplyUrl, now: mode.builtAt });
	})();
	return loading;
}

let byFile: Promise<Map<string, Finding[]>> | undefined;

/** {@link getFindings} by posting file, once per build: each of thousands of role pages shows its own. */
export function getFindingsByFile(): Promise<Map<string, Finding[]>> {
	byFile ??= getFindings().then((findings) => Map.groupBy(findings, (finding) => finding.file));
	return byFile;
}
