import { join, resolve } from 'node:path';

/**
 * Astro's cache folder for this setup: `ASTRO_CACHE_DIR`, else
 * `node_modules/.astro`, relative to the project. Builds of other postings
 * folders (tests, the bench) name their own, so they never share one.
 */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): string {
	return resolve(root, env.ASTRO_CACHE_DIR || 'node_modules/.astro');
}

/**
 * This build's cache folder, Astro's `cacheDir`: a preview keeps its own. It
 * renders every page (its banner changes each build), and would otherwise
 * replace the cached pages a production build reuses (a host's build cache is
 * shared by both). Named here once: the config sets it, and the page data reads
 * role text from it (src/loaders/role-text.ts).
 */
export function buildCacheDir(preview: boolean, env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): string {
	return preview ? join(cacheRoot(env, root), 'preview') : cacheRoot(env, root);
}
