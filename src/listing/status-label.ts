import type { Posting } from '../schemas/posting.ts';
import { isExpired } from '../postings/valid-through.ts';
import { formatDate } from '../utils/format.ts';

/**
 * The badge a preview puts on a role that production would not list: "Draft",
 * "Scheduled for …", "Expired (last day …)"; undefined for a live role (and so
 * for every role in production). One function for the pre-rendered rows and
 * the listing's data file, so both say the same.
 */
export function statusLabel(posting: Posting, builtAt: string, lang: string): string | undefined {
	if (posting.status === 'draft') return 'Draft';
	if (posting.publishAt && posting.publishAt > builtAt) return `Scheduled for ${formatDate(posting.publishAt.slice(0, 10), lang)}`;
	if (posting.validThrough && isExpired(posting, builtAt)) return `Expired (last day ${formatDate(posting.validThrough, lang)})`;
	return undefined;
}
