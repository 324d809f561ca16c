import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CacheEntry, PostingCache } from '../postings/normalize.ts';

/** A {@link PostingCache} read from a file, and how to write this run's entries back. */
export interface PostingCacheFile extends PostingCache {
	/** Postings whose result was reused, and those the pipeline ran over, so far. */
	readonly stats: { reused: number; normalized: number };
	/** Writes the entries of this run (only those: postings gone since are dropped). */
	save(): void;
}

/** What the file holds. */
interface Stored {
	version: string;
	entries: Map<string, CacheEntry>;
}

/**
 * The pipeline's per-posting cache, kept in one file in Astro's cache folder
 * (`node_modules/.astro/postings/`, or `ASTRO_CACHE_DIR`), beside the data
 * store and the pages a host's build cache already keeps. V8's serializer,
 * not JSON: it reads and writes the 10,000 postings of a large site several
 * times faster, and gives back exactly the values stored (key order, `undefined`s).
 * A missing, unreadable or other code's file is an empty cache: slower, never wrong.
 *
 * @param version digest of the code: entries made by other code are not read
 */
export function openPostingCache(file: string, version: string): PostingCacheFile {
	let previous = new Map<string, CacheEntry>();
	try {
		const stored = deserialize(readFileSync(file)) as Stored;
		if (stored.version === version && stored.entries instanceof Map) previous = stored.entries;
	} catch {
		// No cache yet, or a damaged one: every posting is normalized.
	}
	const next = new Map<string, CacheEntry>();
	const stats = { reused: 0, normalized: 0 };
	return {
		version,
		stats,
		get: (input) => previous.get(input),
		set: (input, entry) => {
			if (previous.get(input)?.finished === entry.finished) stats.reused += 1;
			else stats.normalized += 1;
			next.set(input, entry);
		},
		save: () => {
			mkdirSync(dirname(file), { recursive: true });
			// Written aside and renamed: a build stopped halfway leaves the last good file.
			const temporary = `${file}.${process.pid}.tmp`;
			writeFileSync(temporary, serialize({ version, entries: next } satisfies Stored));
			renameSync(temporary, file);
		},
	};
}
