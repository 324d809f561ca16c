/**
 * Name of the Pagefind filter whose value is each indexed role page's own
 * path (`/jobs/<slug>/`), set on its `<article>` (components/role/OpenRole.astro);
 * the listing reads it back: a search reports a count per value under
 * `filters.page`, which names every matching role without fetching one
 * fragment file per result (what `result.data()` would do: thousands of
 * requests for a broad query on a big site).
 */
export const PAGE_FILTER = 'page';
