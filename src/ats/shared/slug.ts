import { isRemotePlace } from './map.ts';
import { slugify } from '../../postings/text.ts';
import type { AtsPosting } from './types.ts';

/**
 * A slug for a new role that no other role uses: the title's, else the title
 * with the first place ("…-lisbon", "…-remote-us"), else with the ATS id. Deterministic, so
 * the sync and the build-time loader agree; assigned once and then kept, so a
 * retitled role keeps its URL.
 */
export function freeSlug(posting: AtsPosting, taken: ReadonlySet<string>): string {
	const base = slugify(posting.fields.title);
	const place = posting.fields.locations?.[0];
	const where = place ? (place.city ?? (isRemotePlace(place) ? `remote ${place.country ?? place.area}` : (place.region ?? place.country ?? place.area))) : undefined;
	const candidates = [base, ...(where ? [`${base}-${slugify(where)}`] : []), `${base}-${slugify(posting.id)}`];
	return candidates.find((slug) => !taken.has(slug)) ?? `${base}-${posting.system}-${slugify(posting.id)}`;
}

/** Postings in ATS-id order (numerically where ids are numbers): the order new roles are given slugs in, so runs agree. */
export function inIdOrder(postings: readonly AtsPosting[]): AtsPosting[] {
	return [...postings].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}
