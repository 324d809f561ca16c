/**
 * The cache keys of the pages that list roles (src/routing/cache-keys.ts): a
 * listing page is keyed by the roles it shows, not by every role of its
 * listing, so a role whose text changed renders again the one page of each
 * listing that shows it (and the feeds that show it, whole), not the
 * hundred further pages of a large team. A role joining or leaving a listing
 * changes its facet, its counts and its paging, and so every page of it.
 */
import { digestOf, type CacheKeys } from './cache-keys.ts';
import type { IndexPage, ListingPage, Routing } from './routes.ts';
import { feedPostings } from '../publish/feed.ts';

/**
 * A place or team listing's page: the roles it shows, what it says around
 * them (heading, counts, paging, the links to other listings, each group's
 * heading and total), the listing's members and the filters' links every
 * listing shows. The facet and the filters are the same objects on every
 * page: hashed once each.
 */
export function listingPageKey(keys: CacheKeys, filters: Routing['filters'], kind: string, page: ListingPage): string {
	const { postings: _every, groups, facet, ...rest } = page;
	const headings = groups.map(({ postings: _shown, ...heading }) => heading);
	return keys.listing(kind, [rest, headings, digestOf(facet), digestOf(filters)], groups.flatMap((group) => group.postings));
}

/** A place or team listing's feed: every role of the listing, whole, and what the feed says about the listing. */
export function listingFeedKey(keys: CacheKeys, kind: string, page: ListingPage): string {
	return keys.listing(`${kind}-feed`, [digestOf(page.facet)], feedPostings(page.postings));
}

/**
 * A page of the home listing after the first: its roles, its paging and the
 * filters' links, and the build day, from which each row says how long ago
 * the role was posted. Rebuilt the same day with the same roles, it is reused.
 */
export function indexPageKey(keys: CacheKeys, filters: Routing['filters'], today: string, page: IndexPage): string {
	const { postings, ...paging } = page;
	return keys.listing('index-page', [paging, today, digestOf(filters)], postings);
}
