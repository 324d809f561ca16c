/**
 * How the role pages are split into parts of the search index. Pagefind
 * holds a whole index in memory while it builds it (about 190 MB per 1,000
 * role pages) and has no incremental mode; in parts of a bounded size, its
 * memory stays that of one part, and a build after one changed posting
 * re-indexes one part and copies the others from the cache. The browser
 * merges the parts (Pagefind's `mergeIndex`; src/scripts/search.ts).
 */

/** About as many role pages go into one part. */
export const PART_PAGES = 5000;

/** The file, in the search index's folder, naming the parts the browser merges into the first. */
export const PARTS_FILE = 'parts.json';

/** What {@link PARTS_FILE} holds. */
export interface PartsFile {
	/** Folders of the parts after the first, relative to the index's folder (`part-1/`…); empty with one part. */
	merge: string[];
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
