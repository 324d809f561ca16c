import { deserialize, serialize } from 'node:v8';
import type { Catalogue } from '../postings/normalize.ts';
import type { CompanyBlock, StoredPosting } from '../schemas/posting.ts';
import type { PostingOrigin } from '../sources/posting-file.ts';
import { openPostingCache, type PostingCacheFile } from './posting-cache.ts';
import { roleTextDir, writeRoleText } from './role-text.ts';

/** A posting of a pipeline run, as the postings loader stores it. */
export interface RunPosting {
	slug: string;
	/** Its pipeline cache key (`PostingCacheFile.keys`): equal keys, equal postings. */
	key: string;
	open: boolean;
	origin: PostingOrigin | undefined;
	/** Found unchanged in the pipeline cache: its stored form is the one the cache's files hold. */
	reused: boolean;
	/** Its stored form (`storeRoleText`), its role text in its file of the cache folder. */
	stored: () => StoredPosting;
}

/** A pipeline run, as the loaders store it. */
export interface Run {
	postings: RunPosting[];
	company: CompanyBlock[];
	warnings: string[];
	/** How many postings were reused from the pipeline cache and how many normalized, and in how many seconds. */
	stats: { reused: number; normalized: number; seconds: number };
}

/** The postings of a catalogue as the loader stores them, their stored forms given by the cache the run used. */
export function runOf(catalogue: Catalogue, cache: PostingCacheFile, seconds: number): Run {
	const postings = catalogue.postings.map((posting): RunPosting => {
		const key = cache.keys.get(posting.slug);
		// The pipeline sets a key for every posting it gives out with a cache (normalizePostings).
		if (key === undefined) throw new Error(`the pipeline gave ${posting.slug} without a cache key`);
		return {
			slug: posting.slug,
			key,
			open: posting.status === 'open',
			origin: catalogue.origins.get(posting.slug),
			reused: cache.reused(posting),
			stored: () => cache.storedOf(posting),
		};
	});
	return { postings, company: catalogue.company, warnings: catalogue.warnings, stats: { ...cache.stats, seconds } };
}

/**
 * A run made with the pipeline cache of a cache folder: the cache opened,
 * `make` given it, the cache saved, and the run timed from the cache's
 * opening to the end of `make`. Whichever thread runs the pipeline makes its
 * run so (the read-ahead thread, for a small site, through {@link runWrittenAfter}).
 *
 * @param version digest of the code (`codeDigest`): entries made by other code are not reused
 */
export async function cachedRun(cacheDir: string, version: string, make: (cache: PostingCacheFile) => Catalogue | Promise<Catalogue>): Promise<Run> {
	// Each role-text file written as its posting's stored form is made, not held until all are.
	const { run, write } = await runWrittenAfter(cacheDir, version, make, null);
	write();
	return run;
}

/**
 * A run as {@link cachedRun} makes it, whose files are written only when
 * `write` is called: the cache's shards, and the role text of each posting
 * normalized in it, kept in `roleText` until then (the stored forms made
 * before name their files). The read-ahead thread sends the run first and
 * writes after, while the loader stores it (./files-pending.ts).
 *
 * @param roleText where the role-text files' text is held until `write`; null to write each when it is made
 */
export async function runWrittenAfter(
	cacheDir: string,
	version: string,
	make: (cache: PostingCacheFile) => Catalogue | Promise<Catalogue>,
	roleText: Map<string, string> | null,
): Promise<{ run: Run; write: () => void }> {
	const started = performance.now();
	const cache = openPostingCache(cacheDir, version, roleText ?? undefined);
	const catalogue = await make(cache);
	const run = runOf(catalogue, cache, (performance.now() - started) / 1000);
	return {
		run,
		write: () => {
			cache.save();
			if (roleText) writeRoleText(roleTextDir(cacheDir), roleText);
		},
	};
}

/** A {@link Run} that can move between threads: the stored form of each posting normalized in it serialized, one after another in one buffer. */
export interface PortableRun extends Omit<Run, 'postings'> {
	/** Each posting, with where its stored form is in `forms` (none for a reused one). */
	postings: (Omit<RunPosting, 'stored'> & { form?: [start: number, end: number] })[];
	/** The stored forms, by V8's serializer. */
	forms: Uint8Array;
}

/**
 * A run as it moves to another thread. The stored form of each posting
 * normalized in it is serialized on its own, so the loader reads back only
 * those its data store lacks. A reused posting's is not sent: the loader's
 * data store has it already, unless it was lost (then it is read from the
 * pipeline cache's files: {@link fromPortable}). Serializing all 10,000 at
 * every build after one change cost the thread 0.6 s.
 */
export function toPortable({ postings, ...run }: Run): PortableRun {
	const forms: Buffer[] = [];
	let end = 0;
	const portable = postings.map(({ stored, ...posting }) => {
		if (posting.reused) return posting;
		const form = serialize(stored());
		forms.push(form);
		return { ...posting, form: [end, (end += form.length)] satisfies [number, number] };
	});
	// Not `Buffer.concat`: a few small forms would share Node's buffer pool, whose memory cannot move to another thread.
	const all = new Uint8Array(end);
	let at = 0;
	for (const form of forms) {
		all.set(form, at);
		at += form.length;
	}
	return { ...run, postings: portable, forms: all };
}

/**
 * The {@link Run} a {@link PortableRun} was made from: a posting's stored
 * form is read back when asked for, a reused one's from the pipeline cache
 * the run saved (`cachedStoredPostings`).
 *
 * @throws {Error} naming the posting, when its stored form is asked for and the cache no longer holds it
 */
export function fromPortable({ postings, forms, ...run }: PortableRun, cached: (slug: string, key: string) => StoredPosting | undefined): Run {
	return {
		...run,
		postings: postings.map(({ form, ...posting }) => ({
			...posting,
			stored: () => {
				const stored = form ? (deserialize(forms.subarray(...form)) as StoredPosting) : cached(posting.slug, posting.key);
				if (!stored) throw new Error(`${posting.slug} is no longer in the pipeline cache its run saved a moment ago (another build in the same cache folder?): build again`);
				return stored;
			},
		})),
	};
}
