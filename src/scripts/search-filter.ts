/**
 * Name of the Pagefind filter whose value is each indexed role page's own
 * path (`/jobs/<slug>/`), set on its `<article>` (components/role/OpenRole.astro);
 * the listing reads it back: a search reports a count per value under
 * `filters.page`, which names every matching role without fetching one
 * fragment file per result (what `result.data()` would do: thousands of
 * requests for a broad query on a big site).
 */
export const PAGE_FILTER = 'page';

/**
 * The filter a role page names itself in when it is indexed in the changes
 * part (src/integrations/search-parts.ts): changed since its own part was
 * indexed, it has an entry there too, out of date, which the listing leaves
 * out. Its own name tells the two entries apart, as Pagefind sums the counts
 * of every part.
 */
export const CHANGED_PAGE_FILTER = 'changed-page';
