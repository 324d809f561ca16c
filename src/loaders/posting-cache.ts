import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CacheEntry, FinishedPosting, PostingCache } from '../postings/normalize.ts';
import type { Posting, StoredPosting } from '../schemas/posting.ts';
import { buildCacheDir } from '../config/cache-folder.ts';
import { writeWhole } from '../utils/write-whole.ts';
import { codeDigest } from './input-digest.ts';
import { listRoleText, roleTextDir, storeRoleText, withRoleText } from './role-text.ts';
import { awaitPipelineFiles } from './files-pending.ts';

/** A {@link PostingCache} read from a folder, and how to write this run's entries back. */
export interface PostingCacheFile extends PostingCache {
	/** Postings whose result was reused, and those the pipeline ran over, so far. */
	readonly stats: { reused: number; normalized: number };
	/**
	 * The key of each posting's entry set in this run, by slug: the digest of
	 * everything the posting was made from, the code included (the cache's
	 * version). Equal keys give equal postings, so a store can tell an
	 * unchanged posting by its key without hashing the posting (at 10,000
	 * roles, 0.3 s of every build).
	 */
	readonly keys: ReadonlyMap<string, string>;
	/**
	 * Writes the entries of this run (only those: postings gone since are
	 * dropped), rewriting only the shards whose entries changed, and the
	 * role-text file of each posting normalized in this run, if not there.
	 *
	 * @returns how many shard files were written
	 */
	save(): number;
	/**
	 * A posting of this run as the data store keeps it (`storeRoleText`): a
	 * reused one's as its shard holds it, its role text unread; one
	 * normalized in this run's as {@link save} wrote its role text.
	 */
	storedOf(posting: Posting): StoredPosting;
	/** Whether a posting of this run is one the cache gave, unchanged: its stored form is the one its shard holds. */
	reused(posting: Posting): boolean;
}

/** The pipeline cache's folder in a cache folder (Astro's `cacheDir`). */
export function pipelineCacheDir(cacheDir: string): string {
	return join(cacheDir, 'postings', 'pipeline-cache');
}

/**
 * An entry as a shard file holds it: its posting without its sections' HTML,
 * which is in the posting's role-text file (./role-text.ts), named in the
 * posting. The HTML was 70 of the 100 MB of the shards at 10,000 roles, all
 * of it read back and carried through the heap's young generation on every
 * build, though a build after one change stores one posting.
 */
interface StoredEntry extends Omit<CacheEntry, 'finished'> {
	finished: Omit<FinishedPosting, 'posting'> & { posting: StoredPosting };
}

/** What one shard file holds. */
interface Stored {
	version: string;
	entries: Map<string, StoredEntry>;
}

/**
 * Files the entries are spread over, by their key. After one posting changed
 * among 10,000 the cache is written again in one sixteenth (7 MB, not 112 MB:
 * writing the whole of it took 1.5 s of such a rebuild).
 */
export const CACHE_SHARDS = 16;

/** The shard of an entry: its key is a base64url digest, so its first character spreads entries evenly. */
const shardOf = (input: string): number => input.charCodeAt(0) % CACHE_SHARDS;

const shardFile = (folder: string, shard: number) => join(folder, `${shard}.bin`);

/**
 * The pipeline's per-posting cache, kept in a folder of Astro's cache folder
 * (`node_modules/.astro/postings/pipeline-cache/`, or under `ASTRO_CACHE_DIR`),
 * beside the data store and the pages a host's build cache already keeps, in
 * {@link CACHE_SHARDS} files. V8's serializer, not JSON: it gives back exactly
 * the values stored (key order, `undefined`s), and JSON's UTF-8 encoding and
 * decoding cost as much as its smaller files save. A missing, unreadable or
 * other code's shard is an empty one: slower, never wrong.
 *
 * The role text of each entry's posting is in the role-text folder beside
 * this one ({@link StoredEntry}), read when its sections are: an entry whose
 * file is gone (pruned, or a host that restored part of the cache folder) is
 * not reused.
 *
 * @param cacheDir the cache folder (Astro's `cacheDir`): the shard files are in {@link pipelineCacheDir}
 * @param version digest of the code: entries made by other code are not read
 * @param later where each role-text file's text goes, by name, instead of the folder, when the caller writes them after (`writeRoleText`)
 */
export function openPostingCache(cacheDir: string, version: string, later?: Map<string, string>): PostingCacheFile {
	const folder = pipelineCacheDir(cacheDir);
	const roleText = roleTextDir(cacheDir);
	const present = listRoleText(roleText);
	const { entries: previous, current } = readShards(folder, version);
	// Each entry given out, as it was stored: an entry reused is written back as it was read, its role text unread.
	const given = new Map<FinishedPosting, StoredEntry>();
	const givenPostings = new WeakMap<Posting, StoredPosting>();
	const give = (entry: StoredEntry | undefined): CacheEntry | undefined => {
		if (!entry || !present.has(entry.finished.posting.roleText)) return undefined;
		const finished = { ...entry.finished, posting: withRoleText(roleText, entry.finished.posting) };
		given.set(finished, entry);
		givenPostings.set(finished.posting, entry.finished.posting);
		return { ...entry, finished };
	};
	const stored = (entry: CacheEntry): StoredEntry =>
		given.get(entry.finished) ?? { ...entry, finished: { ...entry.finished, posting: storeRoleText(roleText, entry.finished.posting, present, later) } };
	const next = new Map<string, CacheEntry>();
	const changed = new Set<number>();
	const stats = { reused: 0, normalized: 0 };
	const keys = new Map<string, string>();
	return {
		version,
		stats,
		keys,
		get: (input) => give(previous.get(input)),
		set: (input, entry) => {
			keys.set(entry.finished.posting.slug, entry.key);
			const before = given.get(entry.finished);
			if (before && before === previous.get(input) && before.key === entry.key) stats.reused += 1;
			else {
				stats.normalized += 1;
				changed.add(shardOf(input));
			}
			next.set(input, entry);
		},
		save: () => {
			for (const input of previous.keys()) if (!next.has(input)) changed.add(shardOf(input));
			for (let shard = 0; shard < CACHE_SHARDS; shard += 1) if (!current.has(shard)) changed.add(shard);
			if (changed.size === 0) return 0;
			mkdirSync(folder, { recursive: true });
			// The single file of earlier versions, if any, is no use to anyone now.
			rmSync(join(dirname(folder), 'pipeline-cache.bin'), { force: true });
			const byShard = Map.groupBy(next, ([input]) => shardOf(input));
			for (const shard of changed) {
				const entries = new Map((byShard.get(shard) ?? []).map(([input, entry]) => [input, stored(entry)]));
				// Written whole: a build stopped halfway leaves each shard old or new.
				writeWhole(shardFile(folder, shard), serialize({ version, entries } satisfies Stored));
			}
			return changed.size;
		},
		storedOf: (posting) => givenPostings.get(posting) ?? storeRoleText(roleText, posting, present, later),
		reused: (posting) => givenPostings.has(posting),
	};
}

/**
 * The entries of the shard files this code wrote, and which shards they are.
 * A missing, unreadable or other code's shard has none.
 */
function readShards(folder: string, version: string): { entries: Map<string, StoredEntry>; current: Set<number> } {
	const entries = new Map<string, StoredEntry>();
	// Shards read as this code wrote them; any other is written again on save, even with nothing in it.
	const current = new Set<number>();
	for (let shard = 0; shard < CACHE_SHARDS; shard += 1) {
		try {
			const stored = deserialize(readFileSync(shardFile(folder, shard))) as Stored;
			if (stored.version !== version || !(stored.entries instanceof Map)) continue;
			for (const [input, entry] of stored.entries) entries.set(input, entry);
			current.add(shard);
		} catch {
			// No cache yet, or a damaged shard: its postings are normalized.
		}
	}
	return { entries, current };
}

/**
 * The stored form of a posting the pipeline cache holds, by its slug and key
 * (`PostingCacheFile.keys`), as a run saved it: the shards are read the first
 * time one is asked for. For a run made in another thread, which sends the
 * stored forms of the postings it normalized and not those of the (many) it
 * found in the cache, which the loader's data store mostly has already.
 *
 * @param version digest of the code the run was made by
 */
export function cachedStoredPostings(cacheDir: string, version: string): (slug: string, key: string) => StoredPosting | undefined {
	let bySlug: Map<string, StoredEntry> | undefined;
	return (slug, key) => {
		// The run's thread may be writing the shards still.
		if (!bySlug) awaitPipelineFiles();
		bySlug ??= new Map([...readShards(pipelineCacheDir(cacheDir), version).entries.values()].map((entry) => [entry.finished.posting.slug, entry]));
		const entry = bySlug.get(slug);
		return entry?.key === key ? entry.finished.posting : undefined;
	};
}

/**
 * The pipeline cache the last build of this kind left (a preview keeps its
 * own), for a command run after it: the preview's What changed page and
 * comment, the review. Read only, never saved: the build's run owns it. Its
 * entries are reused only if this code made them; none when there is no
 * cache yet.
 *
 * @param root the project the build was made from
 */
export function builtPipelineCache(root: string, env: NodeJS.ProcessEnv, preview: boolean): { cache?: PostingCache } {
	const cacheDir = buildCacheDir(preview, env, root);
	return existsSync(pipelineCacheDir(cacheDir)) ? { cache: openPostingCache(cacheDir, codeDigest(root)) } : {};
}
