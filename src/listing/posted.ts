import type { Posting } from '../schemas/posting.ts';
import { counted, type Labels } from '../i18n/labels.ts';

const DAY_MS = 86_400_000;

/** Whole days from one YYYY-MM-DD day to another (UTC, as every date of the site). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * How long ago a role was posted, as the listing says it, counted to the
 * build's day: the site is as current as its last build (a daily build keeps
 * it true), and the listing's data file says the same, so a row drawn by the
 * filter script reads exactly like the pre-rendered one.
 *
 * @example postedAgo('2026-11-30', '2026-12-02', en) // 'Posted 2 days ago'
 */
export function postedAgo(
	day: string,
	today: string,
	labels: Pick<Labels, 'postedToday' | 'postedYesterday' | 'postedDaysAgo' | 'digitGroup' | 'zeroIsSingular'>,
): string {
	const days = daysBetween(day, today);
	if (days <= 0) return labels.postedToday;
	if (days === 1) return labels.postedYesterday;
	return counted(labels.postedDaysAgo, days, labels);
}

/** Newest first (by `datePosted`), then by title: the order of the home listing and its pages. */
export function newestFirst(postings: readonly Posting[]): Posting[] {
	return [...postings].sort((a, b) => (a.datePosted === b.datePosted ? a.title.localeCompare(b.title, 'en') : a.datePosted < b.datePosted ? 1 : -1));
}
