import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildCacheDir } from './cache-folder.ts';
import { buildMode } from './build-mode.ts';

/**
 * V8 lets its heap grow to two to four times what a collection left alive
 * before it collects again. At 10,000 roles a cold build's Astro process then
 * peaked at 1.9-2.0 GB with less than 0.9 GB alive; growing by a fifth keeps
 * the peak near what is alive (docs/decisions.md, "Heap growth, and the
 * indexer in parts").
 */
export const SLOW_HEAP_GROWTH = '--heap-growing-percent=20';

/**
 * The V8 flags `npm run build` starts Astro with: the slow heap growth, except
 * for a production build with the last finished build's data store and pages
 * in its cache folder. Such a rebuild renders the pages of what changed and
 * links the rest; collecting at every fifth more of heap cost it 2.5–3 s of
 * CPU at 10,000 roles (17–18 s against 12–15 s), and V8's own growth peaks at
 * 1.2 GB there against 0.9 GB. A cold build, and a preview (which renders
 * every page, its banner changing each build), keep the slow growth: without
 * it a cold build at 10,000 roles peaked at 1.38 GB against 1.05 GB, too near
 * the 1.5 GB a build may use. A rebuild that renders every page anyway (new
 * code) peaks like a cold build without it.
 *
 * @param root the project (Astro's cache folder is found from it, as astro.config.mjs finds it)
 */
export function heapFlags(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): string[] {
	const { preview } = buildMode(env);
	const cacheDir = buildCacheDir(preview, env, root);
	// linked-pages.json is written when a build finishes (src/integrations/linked-pages.ts): its pages are in the cache.
	const rebuild = !preview && existsSync(join(cacheDir, 'data-store.json')) && existsSync(join(cacheDir, 'linked-pages.json'));
	return rebuild ? [] : [SLOW_HEAP_GROWTH];
}
