import { labels, site } from '../config/site.ts';
import { feedLink, type FeedFacet, type FeedKind, type FeedLink } from './feed.ts';

/**
 * The RSS feed of a listing page, for `<Base feeds={[…]}>` and a visible link:
 * `feedFor('all')` on the home page, `feedFor('team', facet)` on a team page,
 * `feedFor('place', facet)` on a location page (`facet` is the page's own
 * catalogue facet: its slug and label).
 */
export function feedFor(kind: FeedKind, facet?: FeedFacet): FeedLink {
	return feedLink(kind, facet, site, labels);
}
