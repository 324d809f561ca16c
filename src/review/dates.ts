import { formatDate } from '../utils/format.ts';
import { closesAt, isExpired } from '../postings/valid-through.ts';
import type { Posting } from '../schemas/posting.ts';
import type { Finding } from '../schemas/review.ts';

/** How far ahead a closing date is worth a note: a week, so a daily look at the review catches it in time. */
export const CLOSING_SOON_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A role whose `validThrough` has passed (a warning: production builds already
 * treat it as closed, but the file still says open) or ends within
 * {@link CLOSING_SOON_DAYS} days (a note, to extend it in time).
 *
 * @param now the build time (ISO 8601), the same clock production uses to drop the role
 */
export function validThroughFindings(posting: Posting, now: string): Finding[] {
	if (posting.status !== 'open' || posting.validThrough === undefined || posting.closesAt === undefined) return [];
	const day = formatDate(posting.validThrough, 'en-US');
	if (isExpired(posting, now)) {
		return [
			{
				rule: 'expired',
				severity: 'warning',
				file: posting.file,
				field: 'validThrough',
				message: `expired on ${day}: production builds no longer list the role, and its page says it is no longer open`,
				fix: 'Close it (`status: closed`) or extend `validThrough`',
			},
		];
	}
	if (Date.parse(posting.closesAt) - Date.parse(now) > CLOSING_SOON_DAYS * DAY_MS) return [];
	const when = posting.closesAt === closesAt(posting.validThrough) ? `at the end of ${day} (UTC)` : `on ${day}, at ${posting.closesAt.slice(11, 16)} UTC`;
	return [
		{
			rule: 'closing-soon',
			severity: 'info',
			file: posting.file,
			field: 'validThrough',
			message: `applications close ${when}; the first build after that takes the role off the site`,
			fix: 'Extend `validThrough` if the role stays open longer',
		},
	];
}
