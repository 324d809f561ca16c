import { labels, site } from '../config/site.ts';
import type { ListingPage } from '../routing/index.ts';
import { feedLink, type FeedKind, type FeedLink, type FeedListing } from './feed.ts';

/** The listing a place or team feed belongs to, from its page's data: the feed is titled as the page is. */
export function feedListing(page: Pick<ListingPage, 'facet' | 'heading'>): FeedListing {
	return { slug: page.facet.slug, heading: page.heading };
}

/**
 * The RSS feed of a listing page, for `<Base feeds={[…]}>` and a visible link:
 * `feedFor('all')` on the home page, `feedFor('team', page)` on a team page,
 * `feedFor('place', page)` on a location page (`page` is the page's own data
 * from the routing: its facet's slug and its heading).
 */
export function feedFor(kind: FeedKind, page?: Pick<ListingPage, 'facet' | 'heading'>): FeedLink {
	return feedLink(kind, page && feedListing(page), site, labels);
}
