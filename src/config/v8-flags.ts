import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCacheDir } from './cache-folder.ts';
import { buildMode } from './build-mode.ts';
import { contentPaths } from './content-paths.ts';

/**
 * V8 lets its heap grow to two to four times what a collection left alive
 * before it collects again. At 10,000 roles a cold build's Astro process then
 * peaked at 1.9-2.0 GB with less than 0.9 GB alive; growing by a fifth keeps
 * the peak near what is alive (docs/decisions.md, "Heap growth, and the
 * indexer in parts").
 */
export const SLOW_HEAP_GROWTH = '--heap-growing-percent=20';

/**
 * WebAssembly kept on V8's baseline compiler (Liftoff). A build runs its
 * WebAssembly for seconds at most: resvg, HarfBuzz and yoga in the card
 * thread, and Node's own TypeScript stripper. V8's optimizing compiler,
 * compiling their hot functions again on the same two vCPUs as the pages, cost
 * more CPU than it gave back: the card pool alone painted 1,000 cards with
 * 4.2–4.5 s of CPU instead of 5.1–5.6 s, and a cold build of 1,000 roles took
 * 22.6–25.3 s of CPU instead of 26.0–28.2 s, the same bytes
 * (docs/decisions.md, "WebAssembly left on its baseline compiler").
 * `--no-wasm-tier-up` is not enough: V8's dynamic tiering still optimizes
 * the hot functions.
 */
export const BASELINE_WASM = '--liftoff-only';

/**
 * Posting files a site may have and still build with V8's own heap growth
 * from cold. Its peak memory grows with its roles, and only near 10,000 does
 * V8's own growth take it close to the 1.5 GB a build may use (1.38 GB: see
 * {@link buildV8Flags}).
 * Below that, the slow growth costs time and saves little: in nine
 * alternated pairs of cold builds of 1,000 roles, seven were faster without
 * it (median 0.4 s, mean 1.0 s), peaking at 760–790 MB against 630–670 MB;
 * at 2,000, 23.7 s against 26.0 s, 800 MB against 720 MB (docs/decisions.md,
 * "V8's own heap growth below 2,000 roles").
 */
export const LARGE_SITE_POSTINGS = 2_000;

/**
 * A site settings file that names an ATS to read at build time (the postings'
 * count is not known until it is read): the key at the start of a line, or
 * after `{` or `,` (JSON, YAML's flow style).
 */
const ATS_SOURCE_SETTING = /(?:^|[{,])\s*["']?atsSource["']?\s*:/m;

/**
 * The V8 flags `npm run build` starts Astro with: WebAssembly on its baseline
 * compiler ({@link BASELINE_WASM}), and the slow heap growth for a large site
 * ({@link isLargeSite}). A cold build of a large site, and a preview of one
 * (which renders every page, its banner changing each build), keep the slow
 * growth: without it a cold build at 10,000 roles peaked at 1.38 GB against
 * 1.05 GB, too near the 1.5 GB a build may use. A production build with the
 * last finished build's data store and pages in its cache folder does not,
 * whatever its size. Such a rebuild renders the pages of what changed and
 * links the rest; collecting at every fifth more of heap cost it 2.5–3 s of
 * CPU at 10,000 roles (17–18 s against 12–15 s), and V8's own growth peaks
 * at 1.2 GB there against 0.9 GB. A rebuild that renders every page anyway
 * (new code) peaks like a cold build without it.
 *
 * @param root the project (Astro's cache folder and the content are found from it, as astro.config.mjs finds them)
 */
export function buildV8Flags(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): string[] {
	const { preview } = buildMode(env);
	const cacheDir = buildCacheDir(preview, env, root);
	// linked-pages.json is written when a build finishes (src/integrations/linked-pages.ts): its pages are in the cache.
	const rebuild = !preview && existsSync(join(cacheDir, 'data-store.json')) && existsSync(join(cacheDir, 'linked-pages.json'));
	return rebuild || !isLargeSite(env, root) ? [BASELINE_WASM] : [SLOW_HEAP_GROWTH, BASELINE_WASM];
}

/**
 * Whether a site may hold enough to need the slow heap growth: more than
 * {@link LARGE_SITE_POSTINGS} entries in its postings folder, or an ATS read
 * at build time (settings that name `atsSource`), whose size is not known
 * before Astro starts. Read from the folder's listing and the settings' text:
 * loading the settings' schema would cost the build's start a quarter of a
 * second. A settings file that only mentions the setting is taken as large,
 * which costs speed, never memory.
 */
export function isLargeSite(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): boolean {
	const { postingsDir } = contentPaths(root, env);
	return namesAtsSource(env, root) || readOr(() => readdirSync(postingsDir).length, 0) > LARGE_SITE_POSTINGS;
}

/**
 * Whether the site settings name an ATS to read at build time, from their
 * text alone (see {@link isLargeSite}): a file that only mentions the setting
 * in a comment does not, a missing one does not.
 */
export function namesAtsSource(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): boolean {
	return ATS_SOURCE_SETTING.test(readOr(() => readFileSync(contentPaths(root, env).siteConfig, 'utf8'), ''));
}

/** What `read` gives, or `otherwise` when it throws: a missing settings file or postings folder stops the build later, with a message saying so. */
function readOr<T>(read: () => T, otherwise: T): T {
	try {
		return read();
	} catch {
		return otherwise;
	}
}
