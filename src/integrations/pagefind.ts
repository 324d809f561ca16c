import { createHash } from 'node:crypto';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterBuildFile } from './after-build.ts';

/** Folder under the build output that holds the search index and Pagefind's browser code. */
export const PAGEFIND_DIR = 'pagefind';

/** Pagefind writes its ready-made search UIs too; the site uses only the JS API (`pagefind.js`), so these are dead weight. */
const UNUSED_UI_FILES = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/;

/** Role pages live at `jobs/<slug>/index.html` under the output folder: the only pages with something to index. */
const ROLE_DIR = 'jobs';
const rolePage = (slug: string) => join(ROLE_DIR, slug, 'index.html');

/**
 * A page as Pagefind needs it: without the text of its `<style>` and
 * `<script>` elements, which Pagefind never indexes. The stylesheet is
 * inlined into every page (astro.config.mjs, `inlineStylesheets`), 43 KB of
 * a 51 KB role page: sent as it is, Pagefind parsed five times the HTML it
 * reads. The elements stay, emptied, so nothing else of the page moves.
 */
export function withoutStylesAndScripts(html: string): string {
	return html.replace(/(<(style|script)\b[^>]*>)[\s\S]*?(<\/\2\s*>)/gi, '$1$3');
}

/** At most this many fragment files; beyond as many roles, Pagefind bundles several pages' fragments per file. */
export const MAX_FRAGMENT_FILES = 500;

/** The last index and the digest of the role pages it was made from, in the build's cache folder. */
const SEARCH_CACHE = 'search-index';
const DIGEST_FILE = 'role-pages.digest';

/** What the search index is built from and where it goes: the same whether Astro's hook or `npm run build` builds it. */
export interface SearchIndexJob {
	/** The build's output folder. */
	outDir: string;
	/** Astro's cache folder, where the last index is kept; undefined: no cache. */
	cacheDir: string | undefined;
	/** The project root (its lockfile names Pagefind's version). */
	root: string;
}

/** Where {@link buildSearchIndex} reports. */
export interface IndexLogger {
	info(message: string): void;
}

/**
 * Builds the static search index over the built site once Astro has written
 * it. Only pages with a `data-pagefind-body` element (open role pages) are
 * indexed; each names itself in a `page` filter (see PAGE_FILTER), which is
 * how the listing learns which roles match. The listing page loads
 * `/pagefind/pagefind.js` lazily, on the first search.
 *
 * Under `npm run build` the hook only says where the site is
 * ({@link afterBuildFile}): scripts/build.mjs builds the index once Astro's
 * process has ended, so the indexer's memory and Astro's are not held at the
 * same time.
 *
 * Indexing problems fail the build: a site whose search silently lost pages
 * is worse than a build that stops and says why.
 */
export function pagefind(): AstroIntegration {
	let cacheDir: string | undefined;
	let root = '.';
	return {
		name: 'careers-pagefind',
		hooks: {
			'astro:config:done': ({ config }) => {
				cacheDir = fileURLToPath(config.cacheDir);
				root = fileURLToPath(config.root);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const job: SearchIndexJob = { outDir: fileURLToPath(dir), cacheDir, root };
				const handoff = afterBuildFile();
				if (handoff) {
					await writeFile(handoff, JSON.stringify(job));
					logger.info('search index: built once Astro has exited (npm run build)');
					return;
				}
				await buildSearchIndex(job, logger);
			},
		},
	};
}

/**
 * Builds the search index of `job.outDir` into its `pagefind/` folder, or
 * copies the last one from the cache when no role page changed.
 */
export async function buildSearchIndex({ outDir, cacheDir, root }: SearchIndexJob, logger: IndexLogger): Promise<void> {
	const outputPath = join(outDir, PAGEFIND_DIR);
	const started = performance.now();
	const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
	// The same role pages give the same index: a build that changed none copies the last one.
	const cached = cacheDir ? join(cacheDir, SEARCH_CACHE) : undefined;
	const digest = await rolePagesDigest(outDir, root);
	if (cached && (await readFile(join(cached, DIGEST_FILE), 'utf8').catch(() => '')) === digest) {
		await cp(join(cached, PAGEFIND_DIR), outputPath, { recursive: true });
		logger.info(`role pages unchanged since the last build: search index copied from the cache in ${seconds()} s`);
		return;
	}
	// Loaded here, not at the top: `astro dev` and `astro check` never start the indexer binary.
	const indexer = await import('pagefind');
	try {
		// Fragments (each page's text, for excerpts) grouped into at most MAX_FRAGMENT_FILES files:
		// the listing never loads them but one, and 10,000 of them would be half a host's file limit.
		const created = await indexer.createIndex({ maxFragments: MAX_FRAGMENT_FILES });
		const { index } = created;
		if (!index || created.errors.length > 0) throw new Error(`could not start Pagefind: ${created.errors.join('; ') || 'no index returned'}`);
		// Only role pages carry data-pagefind-body. One page at a time, in slug order: given a
		// folder, Pagefind parses every file at once (10,000 parsers and read buffers alive
		// together), and its page numbers follow the disk's order, which varies between machines.
		// Sorted, similar roles sit together and the index and fragments compress better.
		let pages = 0;
		for (const slug of await roleSlugs(outDir)) {
			const content = await readFile(join(outDir, rolePage(slug)), 'utf8').catch(() => undefined);
			if (content === undefined) continue;
			const added = await index.addHTMLFile({ sourcePath: rolePage(slug), content: withoutStylesAndScripts(content) });
			if (added.errors.length > 0) throw new Error(`could not index ${rolePage(slug)}: ${added.errors.join('; ')}`);
			pages += 1;
		}
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length > 0) throw new Error(`could not write the index to ${outputPath}: ${written.errors.join('; ')}`);
		for (const file of await readdir(outputPath)) if (UNUSED_UI_FILES.test(file)) await rm(join(outputPath, file));
		logger.info(`indexed ${pages} role page${pages === 1 ? '' : 's'} into ${PAGEFIND_DIR}/ in ${seconds()} s`);
	} catch (error) {
		throw new Error(`Search index (Pagefind) failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
	} finally {
		// The indexer runs as a child process; without this the build would not exit.
		await indexer.close();
	}
	if (cached) {
		await rm(cached, { recursive: true, force: true });
		await cp(outputPath, join(cached, PAGEFIND_DIR), { recursive: true });
		await writeFile(join(cached, DIGEST_FILE), digest);
	}
}

/**
 * A digest of what the index is made from: every role page's path and bytes,
 * and how it is indexed (the options above, and the locked dependencies,
 * which name Pagefind's version).
 */
async function rolePagesDigest(outDir: string, root: string): Promise<string> {
	const hash = createHash('sha256');
	hash.update(`${MAX_FRAGMENT_FILES}|${rolePage('*')}|one at a time, by slug|`);
	hash.update(await readFile(join(root, 'package-lock.json')).catch(() => 'no lockfile'));
	for (const slug of await roleSlugs(outDir)) {
		const page = await readFile(join(outDir, rolePage(slug))).catch(() => undefined);
		if (page) hash.update(`\0${slug}\0`).update(page);
	}
	return hash.digest('base64url');
}

/** The slugs of the role pages under the output folder, sorted: the order they are indexed in. */
async function roleSlugs(outDir: string): Promise<string[]> {
	return (await readdir(join(outDir, ROLE_DIR)).catch(() => [])).sort();
}

