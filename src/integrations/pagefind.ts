import { createHash } from 'node:crypto';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Folder under the build output that holds the search index and Pagefind's browser code. */
export const PAGEFIND_DIR = 'pagefind';

/** Pagefind writes its ready-made search UIs too; the site uses only the JS API (`pagefind.js`), so these are dead weight. */
const UNUSED_UI_FILES = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/;

/** Role pages, relative to the output folder: the only pages with something to index. */
const ROLE_PAGES = 'jobs/*/index.html';

/** At most this many fragment files; beyond as many roles, Pagefind bundles several pages' fragments per file. */
export const MAX_FRAGMENT_FILES = 500;

/** The last index and the digest of the role pages it was made from, in the build's cache folder. */
const SEARCH_CACHE = 'search-index';
const DIGEST_FILE = 'role-pages.digest';

/**
 * Builds the static search index over the built site once Astro has written
 * it. Only pages with a `data-pagefind-body` element (open role pages) are
 * indexed; each names itself in a `page` filter (see PAGE_FILTER), which is
 * how the listing learns which roles match. The listing page loads
 * `/pagefind/pagefind.js` lazily, on the first search.
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
				const outDir = fileURLToPath(dir);
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
					// Only role pages carry data-pagefind-body; reading the listings and closed pages too would cost memory for nothing.
					const added = await index.addDirectory({ path: outDir, glob: ROLE_PAGES });
					if (added.errors.length > 0) throw new Error(`could not index ${outDir}: ${added.errors.join('; ')}`);
					const written = await index.writeFiles({ outputPath });
					if (written.errors.length > 0) throw new Error(`could not write the index to ${outputPath}: ${written.errors.join('; ')}`);
					for (const file of await readdir(outputPath)) if (UNUSED_UI_FILES.test(file)) await rm(join(outputPath, file));
					logger.info(`indexed ${added.page_count} role page${added.page_count === 1 ? '' : 's'} into ${PAGEFIND_DIR}/ in ${seconds()} s`);
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
			},
		},
	};
}

/**
 * A digest of what the index is made from: every role page's path and bytes,
 * and how it is indexed (the options above, and the locked dependencies,
 * which name Pagefind's version).
 */
async function rolePagesDigest(outDir: string, root: string): Promise<string> {
	const hash = createHash('sha256');
	hash.update(`${MAX_FRAGMENT_FILES}|${ROLE_PAGES}|`);
	hash.update(await readFile(join(root, 'package-lock.json')).catch(() => 'no lockfile'));
	const jobs = join(outDir, 'jobs');
	const slugs = (await readdir(jobs).catch(() => [])).sort();
	for (const slug of slugs) {
		const page = await readFile(join(jobs, slug, 'index.html')).catch(() => undefined);
		if (page) hash.update(`\0${slug}\0`).update(page);
	}
	return hash.digest('base64url');
}

