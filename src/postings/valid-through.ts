import type { Posting, Provenance } from '../schemas/posting.ts';
import { PostingError } from './errors.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant applications close for a given `validThrough`: a day lasts
 * until the end of that day in UTC (the next day at 00:00Z), a time is that
 * instant.
 *
 * @example closesAt('2026-12-31') // '2027-01-01T00:00:00.000Z'
 * @example closesAt('2026-12-31T17:00:00-08:00') // '2027-01-01T01:00:00.000Z'
 */
export function closesAt(validThrough: string): string {
	if (validThrough.length === 10) return new Date(Date.parse(`${validThrough}T00:00:00Z`) + DAY_MS).toISOString();
	return new Date(Date.parse(validThrough)).toISOString();
}

/** Where a `datePosted` came from, in words for the message. */
function origin(provenance: Provenance): string {
	if (provenance.source === 'given') return 'given in the front matter';
	return provenance.evidence ?? 'inferred';
}

/**
 * Resolves the front matter's `validThrough` (a day or a time, checked by the
 * front-matter schema) into the posting's last day and the instant it closes.
 * A role cannot stop taking applications before it was posted: Google rejects
 * such a JobPosting, and it is always a typo.
 *
 * @param posted the role's resolved `datePosted`, with where it came from
 * @throws {PostingError} naming the file, `validThrough` and both dates when the end is before the start
 */
export function resolveValidThrough(
	file: string,
	given: string | undefined,
	posted: { value: string; provenance: Provenance },
): Pick<Posting, 'validThrough' | 'closesAt'> {
	if (given === undefined) return {};
	const day = given.slice(0, 10);
	if (day < posted.value) {
		throw new PostingError(
			file,
			'validThrough',
			`a day on or after datePosted (${posted.value}, ${origin(posted.provenance)}); got ${given}, before the role was posted. Correct whichever of the two is wrong`,
		);
	}
	return { validThrough: day, closesAt: closesAt(given) };
}

/**
 * Whether a role's applications have closed by `now`, the build time (an ISO
 * instant as `toISOString()` writes it, like `closesAt`). The build compares
 * with its own start time, so a role leaves production with the first build
 * after it closes.
 */
export function isExpired(posting: Pick<Posting, 'closesAt'>, now: string): boolean {
	return posting.closesAt !== undefined && posting.closesAt <= now;
}
