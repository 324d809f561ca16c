import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import type { Posting } from '../schemas/posting.ts';
import { absoluteUrl, homePath, placePath, rolePath, teamPath } from './urls.ts';
import { escapeXml } from './xml.ts';
import { cleanData, cleanText } from '../utils/safe-text.ts';
import { fill, type Labels } from '../i18n/labels.ts';
import { en } from '../i18n/en.ts';

/** The labels a feed's title and description are written with. */
export type FeedLabels = Pick<Labels, 'listingPageTitle' | 'siteFeedDescription' | 'feedDescription'>;

/** Which roles a feed carries: all open roles, one team's (or department's), or one place's. */
export type FeedKind = 'all' | 'team' | 'place';

/** The listing a team or place feed belongs to: its page's URL segment and heading. */
export interface FeedListing {
	/** URL segment of the listing, e.g. "workers-runtime" or "remote-germany". */
	slug: string;
	/** The listing page's heading, e.g. "Workers Runtime roles" or "Remote roles from Germany". */
	heading: string;
}

/** The site settings a feed needs. */
export interface FeedSite {
	companyName: string;
	siteUrl: string;
	/** Site title, e.g. "Careers at Cloudflare". */
	title: string;
	description?: string | undefined;
	/** BCP 47 language of the postings. */
	lang: string;
}

/** A feed as a page announces it (`<link rel="alternate" type="application/rss+xml">` and a visible link). */
export interface FeedLink {
	/** Root-relative path of the feed, e.g. `/teams/workers-runtime/feed.xml`. */
	href: string;
	/** The feed's title, the same as its channel title. */
	title: string;
}

/** Path of the listing page a feed belongs to; the feed lives beside it. */
function listingPath(kind: FeedKind, listing?: FeedListing): string {
	if (kind === 'all') return homePath();
	if (!listing) throw new Error(`a ${kind} feed needs the ${kind} it lists`);
	return kind === 'team' ? teamPath(listing.slug) : placePath(listing.slug);
}

/** Channel title: the site title for all roles, else the listing page's own title ("Remote roles from Germany at Acme"). */
function feedTitle(kind: FeedKind, listing: FeedListing | undefined, site: Pick<FeedSite, 'companyName' | 'title'>, labels: FeedLabels): string {
	if (kind === 'all' || !listing) return site.title;
	return fill(labels.listingPageTitle, { heading: listing.heading, company: site.companyName });
}

/** Channel description: the site's, else the listing page's title, newest first. */
function feedDescription(kind: FeedKind, listing: FeedListing | undefined, site: Pick<FeedSite, 'companyName' | 'description'>, labels: FeedLabels): string {
	if (kind === 'all' || !listing) return site.description ?? fill(labels.siteFeedDescription, { company: site.companyName });
	return fill(labels.feedDescription, { heading: listing.heading, company: site.companyName });
}

/**
 * The feed a listing page links to, for its `<link rel="alternate">` and a
 * visible "Subscribe" link. The title is the feed's own channel title.
 * Pages call `feedFor` (feed-links.ts), which passes the site settings.
 *
 * @example feedLink('team', { slug: 'observability', heading: 'Observability roles' }, site)
 * // { href: '/teams/observability/feed.xml', title: 'Observability roles at Cloudflare' }
 */
export function feedLink(kind: FeedKind, listing: FeedListing | undefined, site: Pick<FeedSite, 'companyName' | 'title'>, labels: FeedLabels = en): FeedLink {
	// The title also goes into the page's <link title="…">: the same characters as the channel title.
	return { href: `${listingPath(kind, listing)}feed.xml`, title: cleanText(feedTitle(kind, listing, site, labels)) };
}

/** Newest first: a feed reader shows new roles on top; equal days keep the listing's title order. */
function byDatePosted(a: Posting, b: Posting): number {
	return b.datePosted.localeCompare(a.datePosted) || a.title.localeCompare(b.title, 'en');
}

/**
 * The most roles a feed carries. A reader polls a feed for what is new, and
 * keeps what it has seen: the newest roles are what it needs, and every role
 * of a large board made the site feed 6 MB at 10,000 roles, fetched whole by
 * every subscriber on every poll. Every open role stays in the listings and
 * in `/api/postings.json`.
 */
export const FEED_ITEMS = 200;

/** The roles a feed shows: the newest {@link FEED_ITEMS}, newest first. */
export function feedPostings(postings: readonly Posting[]): Posting[] {
	return [...postings].sort(byDatePosted).slice(0, FEED_ITEMS);
}

/** What a role is filed under: its team, its department, then each location as the page labels it. */
export function feedCategories(posting: Posting): string[] {
	return [...new Set([posting.team, posting.department, ...posting.locations.map((location) => location.label)].filter((value) => value !== undefined))];
}

/**
 * One feed item for an open role. The link is also the guid: a role keeps its
 * URL while it is open (renames leave a redirect), so readers never see it twice.
 */
export function feedItem(posting: Posting, siteUrl: string): RSSFeedItem {
	return {
		title: posting.title,
		link: absoluteUrl(rolePath(posting.slug), siteUrl),
		// The day the role was posted, as midnight UTC: the posting names a day, not a time.
		pubDate: new Date(`${posting.datePosted}T00:00:00Z`),
		description: posting.summary,
		categories: feedCategories(posting),
	};
}

/**
 * Everything `@astrojs/rss` needs for one feed: channel title and description
 * from the site settings, the listing page as the channel link, a self link
 * and the language, and the newest roles first ({@link feedPostings}). Only open roles may be passed:
 * the caller filters with the catalogue, which never holds drafts.
 *
 * Every string is cleaned ({@link cleanData}): `@astrojs/rss` escapes `<`, `&`
 * and quotes but writes a control character as it is, and one U+0001 from a
 * posting's HTML made the whole feed invalid XML.
 */
export function feedOptions(kind: FeedKind, listing: FeedListing | undefined, postings: readonly Posting[], site: FeedSite, labels: FeedLabels = en): RSSOptions {
	const link = feedLink(kind, listing, site, labels);
	const page = listingPath(kind, listing);
	return cleanData({
		title: link.title,
		description: feedDescription(kind, listing, site, labels),
		// The channel's <link> is the listing page the feed mirrors.
		site: absoluteUrl(page, site.siteUrl),
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: [
			`<language>${escapeXml(site.lang)}</language>`,
			`<atom:link href="${escapeXml(absoluteUrl(link.href, site.siteUrl))}" rel="self" type="application/rss+xml"/>`,
		].join(''),
		items: feedPostings(postings).map((posting) => feedItem(posting, site.siteUrl)),
	});
}
