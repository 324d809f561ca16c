import { readdir, readFile, rm } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PAGE_FILTER } from '../scripts/search-filter.ts';

/** Folder under the build output that holds the search index and Pagefind's browser code. */
export const PAGEFIND_DIR = 'pagefind';

/** How many pages are handed to the indexer at once: enough to keep it busy, few enough to bound memory. */
const BATCH = 64;

/** Pagefind writes its ready-made search UIs too; the site uses only the JS API (`pagefind.js`), so these are dead weight. */
const UNUSED_UI_FILES = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/;

/** The URL path a built file is served at (`jobs/x/index.html` → `/jobs/x/`). */
export function urlPath(relativeFile: string): string {
	const path = `/${relativeFile.split(sep).join('/')}`;
	return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/**
 * The page's HTML with a Pagefind filter naming its own path added to the
 * `data-pagefind-body` element, or undefined when it has none (Pagefind would
 * skip it anyway once any page has one).
 */
export function withPageFilter(html: string, path: string): string | undefined {
	const body = /<[a-z][^<>]*?\sdata-pagefind-body(?=[\s/>=])/i.exec(html);
	if (!body) return undefined;
	// Paths are built from slugs ([a-z0-9-]); escape anyway so a quote can never end the attribute.
	const value = `${PAGE_FILTER}:${path}`.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
	const end = body.index + body[0].length;
	return `${html.slice(0, end)} data-pagefind-filter="${value}"${html.slice(end)}`;
}

/**
 * Builds the static search index over the built site once Astro has written
 * it. Only pages with a `data-pagefind-body` element (open role pages) are
 * indexed; each gets a filter holding its own path (see PAGE_FILTER).
 * The listing page loads `/pagefind/pagefind.js` lazily, on the first search.
 *
 * Indexing problems fail the build: a site whose search silently lost pages
 * is worse than a build that stops and says why.
 */
export function pagefind(): AstroIntegration {
	// The base path (`/careers/` on a GitHub Pages project site): the listing's links carry it, so the indexed URLs must too.
	let base = '';
	return {
		name: 'careers-pagefind',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.replace(/\/$/, '');
			},
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				const outputPath = join(site, PAGEFIND_DIR);
				// Loaded here, not at the top: `astro dev` and `astro check` never start the indexer binary.
				const indexer = await import('pagefind');
				try {
					const created = await indexer.createIndex();
					const { index } = created;
					if (!index || created.errors.length > 0) throw new Error(`could not start Pagefind: ${created.errors.join('; ') || 'no index returned'}`);

					const files = (await readdir(site, { recursive: true }))
						.filter((file) => file.endsWith('.html') && !file.startsWith(`${PAGEFIND_DIR}${sep}`))
						.sort();
					let indexed = 0;
					for (let start = 0; start < files.length; start += BATCH) {
						const added = await Promise.all(
							files.slice(start, start + BATCH).map(async (file) => {
								const url = `${base}${urlPath(file)}`;
								const content = withPageFilter(await readFile(join(site, file), 'utf8'), url);
								if (content === undefined) return 0;
								const response = await index.addHTMLFile({ url, content });
								if (response.errors.length > 0) throw new Error(`could not index ${file}: ${response.errors.join('; ')}`);
								return 1;
							}),
						);
						indexed += added.reduce<number>((sum, n) => sum + n, 0);
					}

					const written = await index.writeFiles({ outputPath });
					if (written.errors.length > 0) throw new Error(`could not write the index to ${outputPath}: ${written.errors.join('; ')}`);
					for (const file of await readdir(outputPath)) if (UNUSED_UI_FILES.test(file)) await rm(join(outputPath, file));
					logger.info(`indexed ${indexed} role page${indexed === 1 ? '' : 's'} (of ${files.length} HTML files) into ${PAGEFIND_DIR}/`);
				} catch (error) {
					throw new Error(`Search index (Pagefind) failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
				} finally {
					// The indexer runs as a child process; without this the build would not exit.
					await indexer.close();
				}
			},
		},
	};
}
