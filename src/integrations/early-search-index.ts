import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildSearchIndex, type IndexLogger, type SearchIndexJob } from './pagefind.ts';

/** How long the role pages rendered may take to appear on disk before the early index is given up (the index is then built after Astro, as for a large site). */
const WRITTEN_WITHIN_MS = 10_000;
/** Between two looks for the role pages still being written: up to four, Astro's page concurrency, and each written within milliseconds of rendering. */
const LOOK_EVERY_MS = 20;

/**
 * Builds the search index of `job` over the role pages of `slugs` once each is
 * written (its file there and not empty), while Astro renders its other pages
 * (EARLY_INDEX_ENV in ./after-build.ts); whether it did. `writtenWithinMs` is
 * only given by tests.
 *
 * The index made is kept in the search index's cache, by each page's digest,
 * read before the page is indexed. Once Astro has exited, the build script
 * builds the index as it always does and finds every part in the cache: a
 * page that differs from the one indexed (one read before Astro finished
 * writing it, which the wait makes unlikely) is indexed again: with its part,
 * whole, below 500 role pages, else apart, as after an edit (`planChanges`).
 * So the index holds the pages as written whether or not it was begun early,
 * and a wrong start costs time, never a wrong index. Nothing it fails at
 * fails the build: the build after Astro reports what is wrong.
 */
export async function indexRolePagesEarly(job: SearchIndexJob, slugs: readonly string[], logger: IndexLogger, writtenWithinMs = WRITTEN_WITHIN_MS): Promise<boolean> {
	// Without a cache the index made now could not be kept for the build after Astro.
	if (!job.cacheDir) return false;
	const deadline = performance.now() + writtenWithinMs;
	let waiting = slugs.map((slug) => join(job.outDir, 'jobs', slug, 'index.html'));
	for (;;) {
		waiting = waiting.filter((page) => !((statSync(page, { throwIfNoEntry: false })?.size ?? 0) > 0));
		if (waiting.length === 0) break;
		if (performance.now() > deadline) return false;
		await sleep(LOOK_EVERY_MS);
	}
	try {
		await buildSearchIndex({ ...job, slugs }, { info: (message) => logger.info(`${message}, while Astro renders the other pages`) });
		return true;
	} catch {
		return false;
	}
}
