/**
 * Paths and absolute URLs of the pages and files the site publishes, in one
 * place, so the pages, the sitemap, the feeds and the JSON API never disagree
 * (trailing slashes included: the site uses `trailingSlash: 'always'`).
 *
 * Every path carries the base path: `/careers/` for a project site on GitHub
 * Pages, `/` elsewhere. Astro takes it from `siteUrl` (astro.config.mjs); a
 * hard-coded `/jobs/…` would break under a base path.
 */

// Written out in full: Vite replaces `import.meta.env.BASE_URL` at build time (Vitest sets it to "/").
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

/** Any path of the site, with the base path in front: `sitePath('/favicon.svg')`. */
export function sitePath(path: `/${string}`): string {
	return `${BASE}${path}`;
}

/** Path of the home page: every open role. */
export function homePath(): string {
	return sitePath('/');
}

/** Path of page `number` of the home listing: `/` for the first, `/page/2/` and on after it. */
export function listingPagePath(number: number): string {
	return number <= 1 ? homePath() : sitePath(`/page/${number}/`);
}

/** Path of the listing's data: every open role, compact, for the filter script (src/pages/listing.json.ts). */
export function listingDataPath(): string {
	return sitePath('/listing.json');
}

/** Path of a role page, e.g. `/jobs/systems-engineer-global-scheduling/`. */
export function rolePath(slug: string): string {
	return sitePath(`/jobs/${slug}/`);
}

/** Path of a team (or department) listing, e.g. `/teams/workers-runtime/`. */
export function teamPath(slug: string): string {
	return sitePath(`/teams/${slug}/`);
}

/** Path of a location listing, e.g. `/locations/lisbon-portugal/`. */
export function placePath(slug: string): string {
	return sitePath(`/locations/${slug}/`);
}

/** Path of page `number` of a team listing: the team's path for the first, `/teams/<slug>/page/2/` and on after it. */
export function teamPagePath(slug: string, number: number): string {
	return number <= 1 ? teamPath(slug) : sitePath(`/teams/${slug}/page/${number}/`);
}

/** Path of page `number` of a location listing: the place's path for the first, `/locations/<slug>/page/2/` and on after it. */
export function placePagePath(slug: string, number: number): string {
	return number <= 1 ? placePath(slug) : sitePath(`/locations/${slug}/page/${number}/`);
}

/** Path of a role's JSON file, e.g. `/api/postings/systems-engineer-global-scheduling.json`. */
export function roleApiPath(slug: string): string {
	return sitePath(`/api/postings/${slug}.json`);
}

/** Path of an open role's social card image (1200×630 PNG). */
export function cardPath(slug: string): string {
	return sitePath(`/og/jobs/${slug}.png`);
}

/**
 * An absolute URL on the deployed site, from a path made above (which already
 * carries the base path), as the pages' canonical links are (`new URL(pathname, Astro.site)`).
 *
 * @example absoluteUrl('/jobs/x/', 'https://careers.example.com/') // 'https://careers.example.com/jobs/x/'
 */
export function absoluteUrl(path: string, siteUrl: string | URL): string {
	return new URL(path, siteUrl).href;
}

/**
 * The latest of some YYYY-MM-DD days (they sort as text), or undefined for none.
 * @example newestDay(['2026-09-14', '2026-11-02']) // '2026-11-02'
 */
export function newestDay(days: Iterable<string>): string | undefined {
	let newest: string | undefined;
	for (const day of days) if (newest === undefined || day > newest) newest = day;
	return newest;
}
