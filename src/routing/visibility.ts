import { isExpired } from '../postings/valid-through.ts';
import type { Posting } from '../schemas/posting.ts';
import type { BuildMode } from '../config/build-mode.ts';

/** Re-exported for views: whether a role's `validThrough` has passed (the pipeline decides, pages only ask). */
export { isExpired };

/** What visibility depends on: the kind of build and its clock. */
export type Clock = Pick<BuildMode, 'preview' | 'builtAt'>;

/** Whether an open role has gone live by the build time: past any `publishAt`. */
const published = (posting: Posting, build: Clock) => posting.status === 'open' && (posting.publishAt === undefined || posting.publishAt <= build.builtAt);

/** Whether a role is listed in a build of this mode: production shows only what is live now. */
export function isListed(posting: Posting, build: Clock): boolean {
	if (build.preview) return posting.status === 'open' || posting.status === 'draft';
	return published(posting, build) && !isExpired(posting, build.builtAt);
}

/**
 * Roles whose pages say they are no longer open: those closed by hand, and in
 * production those that went live and whose `validThrough` has passed since
 * (Google asks that expired jobs leave the listings; the page stays, like a
 * closed role's, so links to it still explain). A preview lists expired roles
 * instead, badged.
 */
export function closedRoles(postings: readonly Posting[], build: Clock): Posting[] {
	return postings.flatMap((posting): Posting[] => {
		if (posting.status === 'closed') return [posting];
		if (!build.preview && published(posting, build) && isExpired(posting, build.builtAt)) return [{ ...posting, status: 'closed' }];
		return [];
	});
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a role has been closed longer than the site keeps closed roles'
 * pages (`closedRoleDays`), so it leaves the site as a deleted file does. It
 * closed at the end of its file's last day of change (`dateModified`: the
 * commit that set `status: closed`, or a sync's), or, in production, when its
 * `validThrough` passed (`closesAt`). Never when the setting is unset; never a role the build still lists.
 *
 * @example isRetired({ status: 'closed', dateModified: '2026-09-01', … }, { preview: false, builtAt: '2026-12-04T10:00:00Z' }, 60) // true
 */
export function isRetired(posting: Posting, build: Clock, closedRoleDays: number | undefined): boolean {
	if (closedRoleDays === undefined) return false;
	// A day counts whole: a role closed on the 1st with 0 days leaves with the first build of the 2nd.
	const closedAt =
		posting.status === 'closed'
			? Date.parse(`${posting.dateModified}T00:00:00Z`) + DAY_MS
			: !build.preview && published(posting, build) && posting.closesAt !== undefined && isExpired(posting, build.builtAt)
				? Date.parse(posting.closesAt)
				: undefined;
	return closedAt !== undefined && closedAt + closedRoleDays * DAY_MS <= Date.parse(build.builtAt);
}

/** The roles a site still has: all but those {@link isRetired}, as if their files were deleted. */
export function unretired(postings: readonly Posting[], build: Clock, closedRoleDays: number | undefined): Posting[] {
	return closedRoleDays === undefined ? [...postings] : postings.filter((posting) => !isRetired(posting, build, closedRoleDays));
}
