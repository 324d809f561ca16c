import { readSiteConfig } from '../config/site-config.ts';
import { loadCatalogue, type ReadInput } from '../sources/folder.ts';
import { codeDigest, type PipelineInput } from './input-digest.ts';
import { cachedRun, toPortable, type PortableRun } from './run.ts';

/**
 * The pipeline's run over a folder as the postings loader would make it: the
 * site settings read from their file, the pipeline cache of the build's cache
 * folder opened, used and saved. What the read-ahead thread runs while Astro
 * starts (./read-ahead.ts), in the form that moves to the loader's thread.
 *
 * @throws what the pipeline throws (the loader then runs it itself, and reports it)
 */
export async function runFolder(input: PipelineInput & { cacheDir: string }, read: ReadInput): Promise<PortableRun> {
	const site = readSiteConfig(input.siteConfig);
	return toPortable(await cachedRun(input.cacheDir, codeDigest(input.root), (cache) => loadCatalogue(input.postingsDir, site, input.root, { cache, read, today: input.today })));
}
