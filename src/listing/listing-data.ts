import { partLang } from '../utils/direction.ts';
import type { Posting } from '../schemas/posting.ts';
import { placeLabel } from './places.ts';
import { teamKeys } from './facets.ts';

/** How a place of a row says it is remote: not (0), "or remote" after a city (1), "Remote" (2). */
export type RemoteMark = 0 | 1 | 2;

/**
 * One role of the listing's data file, as a tuple (the file holds thousands):
 * slug, title, team line ("Workers Runtime · Engineering", or ""), places
 * with their remote mark, the day it was posted, the indexes (in
 * `ListingData.places` and `.teams`) of the listings it is on, a preview's
 * status badge ("" in production), and the role's language when it is not
 * the site's (else the tuple ends at the badge).
 */
export type ListingRow = [slug: string, title: string, team: string, places: Array<[label: string, remote: RemoteMark]>, posted: string, placeKeys: number[], teamKeys: number[], badge: string, lang?: string];

/**
 * `/listing.json`: every open role, newest first, compact, for the filter
 * script. `/` renders only the first page; the script fetches this file when
 * the visitor filters, searches or asks for more roles.
 */
export interface ListingData {
	/** The build's day: rows say "Posted N days ago" counted to it, as the pre-rendered rows do. */
	today: string;
	/** Slugs of the place listings rows refer to by index. */
	places: string[];
	/** Slugs of the team and department listings rows refer to by index. */
	teams: string[];
	roles: ListingRow[];
}

/** What the data is made from: the roles in listing order and, per role, the listings it is on. */
export interface ListingDataInput {
	/** Open roles, newest first. */
	postings: readonly Posting[];
	/** For each role slug, the place listings it is on (src/listing/places.ts). */
	placeKeys: ReadonlyMap<string, readonly string[]>;
	today: string;
	/** A preview's badge for a role, if any. */
	badge: (posting: Posting) => string | undefined;
	/** The site's language: a role in another gets its own as the row's last item. */
	siteLang: string;
}

/** The listing's data file, with every slug written once and referred to by index. */
export function listingData({ postings, placeKeys, today, badge, siteLang }: ListingDataInput): ListingData {
	const places: string[] = [];
	const teams: string[] = [];
	const indexer = (table: string[]) => {
		const at = new Map<string, number>();
		return (slug: string) => {
			let index = at.get(slug);
			if (index === undefined) at.set(slug, (index = table.push(slug) - 1));
			return index;
		};
	};
	const placeIndex = indexer(places);
	const teamIndex = indexer(teams);
	const roles = postings.map((posting): ListingRow => {
		const row: ListingRow = [
			posting.slug,
			posting.title,
			[posting.team, posting.department].filter(Boolean).join(' · '),
			posting.locations.map((location) => [placeLabel(location), location.remote ? (location.city ? 1 : 2) : 0]),
			posting.datePosted,
			(placeKeys.get(posting.slug) ?? []).map(placeIndex),
			teamKeys(posting).map(teamIndex),
			badge(posting) ?? '',
		];
		// Only a role in another language carries one: the file stays as it was for a site in one language.
		const lang = partLang(posting.lang, siteLang);
		if (lang) row.push(lang);
		return row;
	});
	return { today, places, teams, roles };
}
