/**
 * Full-text search of the open roles through the static Pagefind index. The
 * index and Pagefind's code (`/pagefind/…`) are fetched on first use only;
 * this module is just the glue, small enough to ride inline with the filters.
 */
import type { PartsFile } from '../integrations/search-parts.ts';
import { CHANGED_PAGE_FILTER, PAGE_FILTER } from './search-filter.ts';

/** Counts per filter value, as Pagefind reports them. */
type FilterCounts = Record<string, Record<string, number>>;

/** What a Pagefind search returns (the parts used here). */
interface Found {
	results: { data(): Promise<{ excerpt: string }> }[];
	/** Counts per filter value over every page the term matched, whatever the filters. */
	totalFilters: FilterCounts;
}

/** The part of Pagefind's browser API (`pagefind.js`) used here. */
interface Pagefind {
	filters(): Promise<FilterCounts>;
	mergeIndex(path: string): Promise<void>;
	search(term: string, options: { filters: Record<string, string> }): Promise<Found>;
}

/**
 * Where the build writes Pagefind (src/integrations/pagefind.ts). Kept in a
 * variable so the import below stays a runtime import: a literal would make
 * Vite treat it as a chunk of this build, and Astro would stop inlining this
 * script.
 */
const PAGEFIND_BASE = `${import.meta.env.BASE_URL}pagefind/`;
const PAGEFIND_URL = `${PAGEFIND_BASE}pagefind.js`;

/** The file naming the index's further parts (src/integrations/search-parts.ts). */
const PARTS_URL = `${PAGEFIND_BASE}parts.json`;

/** Pagefind, and the pages whose entries in the parts are out of date (PartsFile's `replaced`). */
interface Search {
	api: Pagefind;
	replaced: Set<string>;
}

let pagefind: Promise<Search> | undefined;

/**
 * Loads Pagefind once (later calls share the first load). Rejects when it
 * cannot be loaded; callers then fall back to matching the listing's text.
 */
export function loadSearch(): Promise<Search> {
	pagefind ??= (async () => {
		const [api, parts] = await Promise.all([
			import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>,
			fetch(PARTS_URL).then((response) => (response.ok ? (response.json() as Promise<PartsFile>) : Promise.reject(new Error(`${response.status} ${response.url}`)))),
		]);
		// A large site's index is built in parts: each is searched with the first, and the counts are summed.
		await Promise.all(parts.merge.map((part) => api.mergeIndex(`${PAGEFIND_BASE}${part}`)));
		// Starts Pagefind and fetches the page filter every search needs, before the first word is typed.
		await api.filters();
		return { api, replaced: new Set(parts.replaced) };
	})();
	return pagefind;
}

/** A query in double quotes: Pagefind's exact phrase search. */
const PHRASE = /^\s*".+"\s*$/;

/**
 * The query's words. Pagefind drops a word that matches nothing, so searching
 * word by word and intersecting makes every word count. A quoted query stays
 * one exact phrase.
 */
export function queryWords(query: string): string[] {
	if (PHRASE.test(query)) return [query];
	// Pagefind ignores punctuation: a word without letters or digits would match everything.
	return query.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** Lower case, letters and digits only, accents dropped: how Pagefind compares words. */
const plain = (text: string) => text.normalize('NFD').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/** A page matching a term: its path, and the filter it names itself in. */
type Match = [path: string, filter: string];

/**
 * The pages matching a term. The search is filtered to a page that does not
 * exist: Pagefind then scores and returns no results (at 5,000 roles that
 * saves most of the time) but still counts every match per page in
 * `totalFilters`. A page changed since its part was indexed counts under its
 * own filter, from the changes part; its old entry is left out.
 */
async function matching({ api, replaced }: Search, term: string): Promise<Match[]> {
	const totals = (await api.search(term, { filters: { [PAGE_FILTER]: 'none' } })).totalFilters;
	const found = (filter: string): Match[] =>
		Object.entries(totals[filter] ?? {})
			.filter(([path, count]) => count > 0 && (filter === CHANGED_PAGE_FILTER || !replaced.has(path)))
			.map(([path]) => [path, filter]);
	return [...found(PAGE_FILTER), ...found(CHANGED_PAGE_FILTER)];
}

/**
 * Paths of the pages with this word, or a word starting with it. Pagefind
 * answers a word that starts no indexed word with the longest indexed word
 * that starts it: right for a partly typed form of a stem ("engineerin" finds
 * "engin…"), wrong for a filter when it is noise ("asdf" finds every page
 * with "a"). So unless the word is indexed as it is, a matching page's
 * highlighted words must start with it (one fragment file fetched).
 */
async function pagesWith(search: Search, word: string): Promise<string[]> {
	const [found, exact] = await Promise.all([matching(search, word), PHRASE.test(word) ? [] : matching(search, `"${word}"`)]);
	const paths = found.map(([path]) => path);
	if (found.length === 0 || PHRASE.test(word) || exact.length > 0) return paths;
	const [path, filter] = found[0]!;
	const [page] = (await search.api.search(word, { filters: { [filter]: path } })).results;
	const excerpt = page ? (await page.data()).excerpt : '';
	const marked = [...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((mark) => plain(mark[1]!));
	return marked.length === 0 || marked.some((text) => text.startsWith(plain(word))) ? paths : [];
}

/**
 * Paths (`/jobs/<slug>/`) of the roles whose page contains every word of the
 * query (as a word or the start of one), or undefined when the query has no
 * searchable word.
 */
export async function searchRoles(query: string): Promise<Set<string> | undefined> {
	const search = await loadSearch();
	const words = queryWords(query);
	if (words.length === 0) return undefined;
	const found = await Promise.all(words.map((word) => pagesWith(search, word)));
	return found.reduce((all, list) => new Set(list.filter((path) => all.has(path))), new Set(found[0]));
}
