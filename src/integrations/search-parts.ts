/**
 * How the role pages are split into parts of the search index. Pagefind
 * holds a whole index in memory while it builds it (about 190 MB per 1,000
 * role pages) and has no incremental mode; in parts of a bounded size, its
 * memory stays that of one part. A build after a few changed postings copies
 * the parts from the cache and indexes the changed pages in a small part of
 * their own ({@link planChanges}). The browser merges the parts (Pagefind's
 * `mergeIndex`; src/scripts/search.ts).
 */

/** About as many role pages go into one part. */
export const PART_PAGES = 5000;

/** The file, in the search index's folder, naming the parts the browser merges into the first. */
export const PARTS_FILE = 'parts.json';

/** What {@link PARTS_FILE} holds. */
export interface PartsFile {
	/** Folders of the parts after the first, relative to the index's folder (`part-1/`…, then {@link CHANGES_FOLDER}); empty with one part. */
	merge: string[];
	/**
	 * Pages (their `page` filter values) whose entries in the parts are out of
	 * date: changed since their part was indexed (their text now is in the
	 * changes part) or removed. Absent when none is.
	 */
	replaced?: string[];
}

/** The folder, relative to the index's folder, of the part holding the role pages changed since their own part was indexed. */
export const CHANGES_FOLDER = 'changes/';

/** A role page as a part indexed it: the digest of its bytes, and its `page` filter value (its path on the site). */
export type IndexedPage = [digest: string, path: string];

/** What a part of the search index holds, by page file (`jobs/<slug>/index.html`). */
export type IndexedPages = ReadonlyMap<string, IndexedPage>;

/** What to index again after the role pages changed, from {@link planChanges}. */
export interface ChangesPlan {
	/** The parts indexed again, whole. */
	reindex: Set<number>;
	/** Page files changed or added in the other parts, indexed together in the changes part; sorted. */
	changed: string[];
	/** Filter values of the pages whose entries in a kept part are out of date (changed or removed); sorted. */
	replaced: string[];
}

/**
 * Which parts to index again after role pages changed, and which changed
 * pages to index apart instead. Re-indexing a part of 5,000 pages takes about
 * 15 s; a handful of changed pages indexed in a small part of their own take
 * well under one, and the browser leaves out their old entries (`replaced`).
 * That part costs each search one more small request, so it is kept small:
 * a part is indexed again, whole, when it has no index yet, when it is small
 * enough to index quickly (under a tenth of `partPages`), or, the parts with
 * the most changes first, while more than a twentieth of `partPages` pages
 * (250 of 5,000) changed, came or went in the parts kept.
 *
 * @param current each part's pages now: page file → digest
 * @param indexed each part's pages as its cached index holds them; undefined: no usable index
 */
export function planChanges(current: readonly ReadonlyMap<string, string>[], indexed: readonly (IndexedPages | undefined)[], partPages: number = PART_PAGES): ChangesPlan {
	const reindex = new Set<number>();
	const kept = new Map<number, { changed: string[]; replaced: string[]; pages: number }>();
	for (const [k, pages] of current.entries()) {
		const before = indexed[k];
		if (!before) {
			reindex.add(k);
			continue;
		}
		const changed = [...pages].filter(([page, digest]) => before.get(page)?.[0] !== digest).map(([page]) => page);
		const stale = [...before].filter(([page, [digest]]) => pages.get(page) !== digest);
		if (changed.length === 0 && stale.length === 0) continue;
		if (pages.size < partPages / 10) {
			reindex.add(k);
			continue;
		}
		// Pages that changed, came or went; a closed role's page has no entry to replace.
		const removed = stale.filter(([page]) => !pages.has(page)).length;
		kept.set(k, { changed, replaced: stale.map(([, [, path]]) => path).filter((path) => path !== ''), pages: changed.length + removed });
	}
	const limit = Math.ceil(partPages / 20);
	let total = [...kept.values()].reduce((sum, part) => sum + part.pages, 0);
	for (const [k, part] of [...kept].sort(([a, x], [b, y]) => y.pages - x.pages || a - b)) {
		if (total <= limit) break;
		reindex.add(k);
		kept.delete(k);
		total -= part.pages;
	}
	const parts = [...kept.values()];
	return { reindex, changed: parts.flatMap((part) => part.changed).sort(), replaced: parts.flatMap((part) => part.replaced).sort() };
}

/** The folder of part `k` (of at least two), relative to the index's folder; the first part is the folder itself. */
export const partFolder = (k: number): string => (k === 0 ? '' : `part-${k}/`);

/**
 * FNV-1a over the slug's UTF-16 code units: cheap, stable across machines and
 * Node versions, and spread enough for slugs that differ in one character.
 */
function hash(slug: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < slug.length; i++) {
		h ^= slug.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/**
 * The role slugs split into parts: as many parts as `partPages` pages need,
 * each role in the part its slug's hash names, so a role stays in its part
 * while others come and go (the count of parts changes only when the number
 * of roles crosses a multiple of `partPages`). Each part is sorted: similar
 * roles sit together, and the index compresses better.
 */
export function splitIntoParts(slugs: readonly string[], partPages: number = PART_PAGES): string[][] {
	const count = Math.max(1, Math.ceil(slugs.length / partPages));
	const parts: string[][] = Array.from({ length: count }, () => []);
	for (const slug of slugs) parts[hash(slug) % count]!.push(slug);
	for (const part of parts) part.sort();
	return parts;
}
