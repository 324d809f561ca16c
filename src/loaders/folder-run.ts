import { readSiteConfig } from '../config/site-config.ts';
import { loadCatalogue, type ReadInput } from '../sources/folder.ts';
import { codeDigest, type PipelineInput } from './input-digest.ts';
import { cachedRun, runWrittenAfter, toPortable, type PortableRun } from './run.ts';
import type { PostingCacheFile } from './posting-cache.ts';
import { LARGE_SITE_POSTINGS } from '../config/v8-flags.ts';

/**
 * The pipeline's run over a folder as the postings loader would make it: the
 * site settings read from their file, the pipeline cache of the build's cache
 * folder opened and used. What the read-ahead thread runs while Astro starts
 * (./read-ahead.ts), in the form that moves to the loader's thread.
 *
 * A site of up to {@link LARGE_SITE_POSTINGS} postings has its run's files
 * written after the thread has sent it (`write`): a cold build of 1,000 roles
 * took 0.49 s less (12 alternated pairs, standard error 0.2 s). A larger
 * site's are written before, as the loader would: holding their text and the
 * thread's heap while the loader stores the run took a cold build at 10,000
 * roles 113–121 MB higher, near what a build may use, for no time it could
 * tell from the noise.
 *
 * @throws what the pipeline throws (the loader then runs it itself, and reports it)
 */
export async function runFolder(input: PipelineInput & { cacheDir: string }, read: ReadInput): Promise<{ run: PortableRun; write?: () => void }> {
	const site = readSiteConfig(input.siteConfig);
	const version = codeDigest(input.root);
	const make = (cache: PostingCacheFile) => loadCatalogue(input.postingsDir, site, input.root, { cache, read, today: input.today });
	if (read.files.size > LARGE_SITE_POSTINGS) return { run: toPortable(await cachedRun(input.cacheDir, version, make)) };
	const { run, write } = await runWrittenAfter(input.cacheDir, version, make, new Map());
	return { run: toPortable(run), write };
}
