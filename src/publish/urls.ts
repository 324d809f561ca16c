/**
 * Paths and absolute URLs of the pages and files the site publishes, in one
 * place, so the sitemap, the feeds and the JSON API never disagree with the
 * pages (trailing slashes included: the site uses `trailingSlash: 'always'`).
 */

/** Path of a role page, e.g. `/jobs/systems-engineer-global-scheduling/`. */
export function rolePath(slug: string): string {
	return `/jobs/${slug}/`;
}

/** Path of a team (or department) listing, e.g. `/teams/workers-runtime/`. */
export function teamPath(slug: string): string {
	return `/teams/${slug}/`;
}

/** Path of a location listing, e.g. `/locations/lisbon-portugal/`. */
export function placePath(slug: string): string {
	return `/locations/${slug}/`;
}

/** Path of a role's JSON file, e.g. `/api/postings/systems-engineer-global-scheduling.json`. */
export function roleApiPath(slug: string): string {
	return `/api/postings/${slug}.json`;
}

/**
 * An absolute URL on the deployed site. Paths are taken from the host's root,
 * as the pages' canonical links are (`new URL(pathname, Astro.site)`).
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
