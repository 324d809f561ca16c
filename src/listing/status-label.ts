import type { Posting } from '../schemas/posting.ts';
import { isExpired } from '../postings/valid-through.ts';
import { formatDate } from '../utils/format.ts';
import { fill, type Labels } from '../i18n/labels.ts';
import { en } from '../i18n/en.ts';

/**
 * The badge a preview puts on a role that production would not list: "Draft",
 * "Scheduled for …", "Expired (last day …)"; undefined for a live role (and so
 * for every role in production). One function for the pre-rendered rows and
 * the listing's data file, so both say the same.
 */
export function statusLabel(posting: Posting, builtAt: string, lang: string, labels: Pick<Labels, 'draft' | 'scheduledFor' | 'expired'> = en): string | undefined {
	if (posting.status === 'draft') return labels.draft;
	if (posting.publishAt && posting.publishAt > builtAt) return fill(labels.scheduledFor, { date: formatDate(posting.publishAt.slice(0, 10), lang) });
	if (posting.validThrough && isExpired(posting, builtAt)) return fill(labels.expired, { date: formatDate(posting.validThrough, lang) });
	return undefined;
}
