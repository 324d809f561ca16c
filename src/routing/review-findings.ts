import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { reviewCatalogue } from '../review/review.ts';
import type { Finding } from '../schemas/review.ts';
import { mode } from '../config/build-mode.ts';
import { site } from '../config/site.ts';
import { getCatalogue } from './catalogue.ts';

let loading: Promise<Finding[]> | undefined;

/**
 * The posting review of every role this build knows (drafts included), as
 * `npm run review` reports it, for the preview's review page and role pages.
 * Computed once per build; the raw files are read for the rules that compare
 * hidden values with the visible text.
 */
export function getFindings(): Promise<Finding[]> {
	loading ??= (async () => {
		const postings = (await getCatalogue()).all;
		const sources = new Map(postings.map((posting) => [posting.file, readFileSync(isAbsolute(posting.file) ? posting.file : join(process.cwd(), posting.file), 'utf8')]));
		// The build's clock, so the review judges validThrough exactly as the listings do.
		return reviewCatalogue({ postings, company: [], warnings: [] }, { sources, defaultApplyUrl: site.defaultApplyUrl, now: mode.builtAt });
	})();
	return loading;
}
