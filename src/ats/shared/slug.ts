import { isRemotePlace } from './map.ts';
import { decodedText } from '../../postings/dom.ts';
import { MAX_SLUG_LENGTH, slugify } from '../../postings/text.ts';
import type { AtsPosting } from './types.ts';

/**
 * A slug for a new role that no other role uses: the title's, else the title
 * with the first place ("…-lisbon", "…-remote-us"), else with the ATS id. Deterministic, so
 * the sync and the build-time loader agree; assigned once and then kept, so a
 * retitled role keeps its URL.
 */
export function freeSlug(posting: AtsPosting, taken: ReadonlySet<string>): string {
	// From the title the page shows: "Director &amp;#8211; Health" is "director-health", not "director-amp-8211-health".
	const base = slugify(decodedText(posting.fields.title));
	const place = posting.fields.locations?.[0];
	const where = place ? (place.city ?? (isRemotePlace(place) ? `remote ${place.country ?? place.area}` : (place.region ?? place.country ?? place.area))) : undefined;
	const candidates = [base, ...(where ? [withEnd(base, slugify(where))] : []), withEnd(base, slugify(posting.id))];
	return candidates.find((slug) => !taken.has(slug)) ?? withEnd(base, `${posting.system}-${slugify(posting.id)}`);
}

/**
 * A slug with words added at its end, within {@link MAX_SLUG_LENGTH}: the title's words give way, at a word
 * boundary, so the place or id that tells two roles apart stays. "Sr. Forward Deployed Engineer (FDE) -
 * Communications, Media, Entertainment & Games" in nine cities of one board made slugs of 81 to 86 characters,
 * which the posting schema refuses: the sync left all nine roles out.
 */
function withEnd(base: string, end: string): string {
	const room = MAX_SLUG_LENGTH - end.length - 1;
	if (base.length <= room) return `${base}-${end}`;
	if (room <= 0) return end.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
	const cut = base.slice(0, room + 1);
	const boundary = cut.lastIndexOf('-');
	return `${boundary > 0 ? cut.slice(0, boundary) : base.slice(0, room)}-${end}`;
}

/** Postings in ATS-id order (numerically where ids are numbers): the order new roles are given slugs in, so runs agree. */
export function inIdOrder(postings: readonly AtsPosting[]): AtsPosting[] {
	return [...postings].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}
