/**
 * Answers listing queries from the listing's data, fetched and indexed on the
 * first one. It runs in the listing worker (src/scripts/listing-worker.ts),
 * or on the page itself where a worker cannot start.
 */
import { indexRoles, matchRoles, matchText, type RoleIndex } from './match-roles.ts';
import type { ListingAnswer, ListingQuery } from './listing-query.ts';

/** Answers one query. */
export type ListingAnswerer = (query: ListingQuery) => Promise<ListingAnswer>;

/** Where the worker's script, run on a page rather than in a worker, leaves its answerer. */
export const IN_PAGE_ANSWERER = '__listingAnswerer';

/** A function answering queries over one copy of the listing's data. */
export function listingAnswerer(): ListingAnswerer {
	let data: Promise<RoleIndex> | undefined;
	return async ({ id, src, state, search, from, to }) => {
		data ??= fetch(src)
			.then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status} ${response.url}`))))
			.then(indexRoles);
		try {
			const listing = await data;
			// Slugs no role has are passed over by matchRoles; a text search without Pagefind reads the listing's own text.
			const found = search === undefined ? undefined : 'text' in search ? matchText(listing, search.text) : new Set(search.slugs);
			const matches = matchRoles(listing, state, found);
			return { id, count: matches.length, rows: matches.slice(from, to).map((role) => listing.data.roles[role]!), today: listing.data.today };
		} catch (error) {
			// The next query tries again: the failure may have been the network's.
			data = undefined;
			return { id, error: String(error) };
		}
	};
}
