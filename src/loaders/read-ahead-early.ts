/**
 * Imported before Astro's own code by `npm run build` (`node --import`, see
 * scripts/build.mjs), for a site built from its postings folder: starts the
 * read ahead (./read-ahead.ts) at once. Started by the integration instead,
 * once Astro has loaded its configuration, the thread began 1.7 s into a
 * build, and the content sync waited for it: the pipeline's run was on the
 * build's path again, only elsewhere.
 */
import { isMainThread } from 'node:worker_threads';

// Node imports it in every thread the build starts too (they inherit `--import`): the read is the build's, once, and
// the other threads load nothing more.
if (isMainThread) {
	const [{ buildCacheDir }, { buildMode }, { contentPaths }, { readInputAhead }] = await Promise.all([
		import('../config/cache-folder.ts'),
		import('../config/build-mode.ts'),
		import('../config/content-paths.ts'),
		import('./read-ahead.ts'),
	]);
	const root = process.cwd();
	const { postingsDir, siteConfig } = contentPaths(root);
	readInputAhead({ root, postingsDir, siteConfig, today: new Date().toISOString().slice(0, 10), cacheDir: buildCacheDir(buildMode().preview) });
}
