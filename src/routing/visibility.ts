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
