import type { Posting } from '../schemas/posting.ts';
import { absoluteUrl, homePath, listingPagePath, newestDay, placePagePath, placePath, rolePath, sitePath, teamPagePath, teamPath } from './urls.ts';
import { escapeXml } from './xml.ts';

/** One `<url>` of the sitemap. */
export interface SitemapEntry {
	/** Absolute URL of the page. */
	loc: string;
	/** YYYY-MM-DD of the page's last change; absent when nothing on it has a date. */
	lastmod?: string;
}

/** What the sitemap is made from: the catalogue's open roles and its listing facets. */
export interface SitemapSource {
	/** Open roles only: closed roles, drafts and former slugs are never indexed. */
	open: readonly Posting[];
	/** Location listings (`/locations/<slug>/`) and the open roles on each. */
	places: ReadonlyArray<SitemapListing>;
	/** Team and department listings (`/teams/<slug>/`) and the open roles on each. */
	teams: ReadonlyArray<SitemapListing>;
	/** The home listing's pages after the first (`/page/<n>/`, n from 2) and the roles on each; none when one page holds every role. */
	pages?: ReadonlyArray<readonly string[]>;
}

/** A place or team listing of the sitemap. */
export interface SitemapListing {
	slug: string;
	/** Its open roles. */
	postings: readonly string[];
	/** Its pages after the first (`…/page/<n>/`, n from 2) and the roles on each; none when one page holds every role. */
	pages?: ReadonlyArray<readonly string[]> | undefined;
}

function entry(loc: string, lastmod: string | undefined): SitemapEntry {
	return lastmod ? { loc, lastmod } : { loc };
}

/**
 * The pages search engines should index: the home page, every open role,
 * every listing and the further pages of the home, place and team listings. A role's `lastmod` is its `dateModified`; a listing changes
 * when one of its roles does, so it takes the newest of theirs, and the home
 * page the newest of all.
 */
export function sitemapEntries(source: SitemapSource, siteUrl: string | URL): SitemapEntry[] {
	const modified = new Map(source.open.map((posting) => [posting.slug, posting.dateModified]));
	// A facet may name a role that is not open (it should not): leave it out rather than date the listing by it.
	const listing = (path: string, slugs: readonly string[]) =>
		entry(absoluteUrl(path, siteUrl), newestDay(slugs.flatMap((slug) => modified.get(slug) ?? [])));
	return [
		entry(absoluteUrl(homePath(), siteUrl), newestDay(modified.values())),
		...source.open.map((posting) => entry(absoluteUrl(rolePath(posting.slug), siteUrl), posting.dateModified)),
		...source.places.map((facet) => listing(placePath(facet.slug), facet.postings)),
		...source.teams.map((facet) => listing(teamPath(facet.slug), facet.postings)),
		...source.places.flatMap((facet) => (facet.pages ?? []).map((slugs, at) => listing(placePagePath(facet.slug, at + 2), slugs))),
		...source.teams.flatMap((facet) => (facet.pages ?? []).map((slugs, at) => listing(teamPagePath(facet.slug, at + 2), slugs))),
		...(source.pages ?? []).map((slugs, at) => listing(listingPagePath(at + 2), slugs)),
	];
}

/** The sitemap XML (sitemaps.org protocol 0.9) of some entries. */
export function renderSitemap(entries: readonly SitemapEntry[]): string {
	const urls = entries.map(
		(url) => `<url><loc>${escapeXml(url.loc)}</loc>${url.lastmod ? `<lastmod>${escapeXml(url.lastmod)}</lastmod>` : ''}</url>`,
	);
	return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join(
		'\n',
	);
}

/** The most URLs one sitemap file may list (sitemaps.org; Google and Bing refuse larger files). */
export const SITEMAP_URLS = 50_000;

/**
 * The entries cut into sitemap files of at most `limit` URLs each, in order;
 * one file when they fit, and always at least one. (The other limit, 50 MB,
 * cannot be reached first: an entry is a URL of a capped slug and a day.)
 */
export function sitemapParts(entries: readonly SitemapEntry[], limit = SITEMAP_URLS): SitemapEntry[][] {
	const parts: SitemapEntry[][] = [];
	for (let start = 0; start < entries.length; start += limit) parts.push(entries.slice(start, start + limit));
	return parts.length > 0 ? parts : [[]];
}

/** Root-relative path of the n-th sitemap file (from 1) of a site too large for one. */
export function sitemapPartPath(part: number): string {
	return sitePath(`/sitemaps/${part}.xml`);
}

/**
 * `/sitemap.xml`: the sitemap itself while one file holds every URL, else a
 * sitemap index naming each part (`/sitemaps/<n>.xml`) with the newest
 * `lastmod` in it. Either way robots.txt and search consoles keep the one URL.
 */
export function renderSitemapFile(parts: ReadonlyArray<readonly SitemapEntry[]>, siteUrl: string | URL): string {
	if (parts.length <= 1) return renderSitemap(parts[0] ?? []);
	const sitemaps = parts.map((part, at) => {
		const lastmod = newestDay(part.flatMap((url) => url.lastmod ?? []));
		return `<sitemap><loc>${escapeXml(absoluteUrl(sitemapPartPath(at + 1), siteUrl))}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ''}</sitemap>`;
	});
	return ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...sitemaps, '</sitemapindex>', ''].join('\n');
}

/** Absolute URL of the sitemap, as robots.txt names it. */
export function sitemapUrl(siteUrl: string | URL): string {
	return absoluteUrl(sitePath('/sitemap.xml'), siteUrl);
}

/**
 * robots.txt: every crawler may fetch everything, and learns where the sitemap
 * is. Closed roles and moved pages stay crawlable on purpose: their
 * `noindex` meta only works if crawlers can read it.
 */
export function robotsTxt(siteUrl: string | URL): string {
	return ['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemapUrl(siteUrl)}`, ''].join('\n');
}
