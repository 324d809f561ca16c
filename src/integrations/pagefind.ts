import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { cp, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterBuildFile, earlyIndexWanted } from './after-build.ts';
import { CHANGES_FOLDER, PART_PAGES, PARTS_FILE, partFolder, planChanges, splitIntoParts, type IndexedPage, type IndexedPages, type PartsFile } from './search-parts.ts';
import { CHANGED_PAGE_FILTER, PAGE_FILTER } from '../scripts/search-filter.ts';
import { inPool } from '../utils/pool.ts';
import { detached } from '../utils/detached.ts';
import { readRecords, recordOf, unchangedSince, type FileRecord } from '../utils/file-digests.ts';

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

/** At most this many fragment files in all; beyond as many roles, Pagefind bundles several pages' fragments per file. */
export const MAX_FRAGMENT_FILES = 500;

/** The cache of the last index, in the build's cache folder: a folder per part, each with the digest of its role pages. */
const SEARCH_CACHE = 'search-index';
/** Beside each cached part's index: how it was indexed and what it holds ({@link IndexedPartFile}). */
const INDEXED_FILE = 'indexed.json';
/** Each role page's {@link FileRecord} in the last build, beside the parts: a page of the same size and time is not read again for its digest. */
const PAGE_RECORDS = 'role-pages.json';
/** The cache's folder of part `k`, and of the changes part. */
const cachedPartName = (k: number) => `part-${k}`;
const CACHED_CHANGES = 'changes';

/** Pagefind's browser code and ready-made UIs: a part merged into the first needs none of it. */
const BROWSER_FILES = /^(?:pagefind(?:-[a-z-]+)?\.(?:js|css)|wasm\.[\w-]+\.pagefind)$/;

/** What the search index is built from and where it goes: the same whether Astro's hook or `npm run build` builds it. */
export interface SearchIndexJob {
	/** The build's output folder. */
	outDir: string;
	/** Astro's cache folder, where the last index is kept; undefined: no cache. */
	cacheDir: string | undefined;
	/** The project root (its lockfile names Pagefind's version). */
	root: string;
	/** The role pages to index, by slug; undefined: every folder under `jobs/` of the output. */
	slugs?: readonly string[];
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
 * same time. A small site's role pages are indexed as soon as they have
 * rendered instead (`EARLY_INDEX_ENV`), and that index is copied then.
 *
 * Indexing problems fail the build: a site whose search silently lost pages
 * is worse than a build that stops and says why.
 */
export function pagefind(): AstroIntegration {
	let cacheDir: string | undefined;
	let root = '.';
	let outDir = '';
	return {
		name: 'careers-pagefind',
		hooks: {
			'astro:config:setup': ({ command, addMiddleware }) => {
				// Says when the role pages have rendered, for the build script to index them beside the last routes.
				if (command === 'build' && afterBuildFile() && earlyIndexWanted()) addMiddleware({ entrypoint: new URL('./role-pages-rendered.ts', import.meta.url), order: 'post' });
			},
			'astro:config:done': ({ config }) => {
				cacheDir = fileURLToPath(config.cacheDir);
				root = fileURLToPath(config.root);
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:start': async () => {
				// Where the site will be, for the build script: for an index begun before Astro is done (./early-search-index.ts), and the one after.
				const handoff = afterBuildFile();
				if (handoff) await writeFile(handoff, JSON.stringify({ outDir, cacheDir, root } satisfies SearchIndexJob));
			},
			'astro:build:done': async ({ dir, logger }) => {
				const job: SearchIndexJob = { outDir: fileURLToPath(dir), cacheDir, root };
				// Written when the build started (above): the build script reads it once Astro has exited.
				if (afterBuildFile()) {
					logger.info(`search index: left to npm run build${earlyIndexWanted() ? ' (begun beside the last pages if every role page rendered)' : ', once Astro has exited'}`);
					return;
				}
				await buildSearchIndex(job, logger);
			},
		},
	};
}

/**
 * Builds the search index of `job.outDir` into its `pagefind/` folder, in
 * parts of about `partPages` role pages (src/integrations/search-parts.ts).
 * A part whose role pages are as they were when it was indexed is copied from
 * the cache; so is a part with a few changed pages, those pages then being
 * indexed apart, in a small changes part, and their old entries named in
 * `parts.json` for the browser to leave out ({@link planChanges}). The other
 * parts are indexed one after the other, so Pagefind holds one part's index
 * in memory at a time. `partPages` is only given by tests, to split a small
 * site.
 */
export async function buildSearchIndex({ outDir, cacheDir, root, slugs }: SearchIndexJob, logger: IndexLogger, partPages = PART_PAGES): Promise<void> {
	const outputPath = join(outDir, PAGEFIND_DIR);
	const started = performance.now();
	const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
	const parts = splitIntoParts(slugs ?? (await roleSlugs(outDir)), partPages);
	const cache = cacheDir ? join(cacheDir, SEARCH_CACHE) : undefined;
	// How every part is indexed: the options below and the locked dependencies, which name Pagefind's version.
	const setup = `${MAX_FRAGMENT_FILES}|${rolePage('*')}|by slug within a part|${parts.length} parts|${createHash('sha256')
		.update(await readFile(join(root, 'package-lock.json')).catch(() => 'no lockfile'))
		.digest('base64url')}`;
	await rm(outputPath, { recursive: true, force: true });
	if (cache) await dropStaleParts(cache, parts.length);
	const known = (cache && readRecords(join(cache, PAGE_RECORDS))) || new Map<string, FileRecord>();
	const records = new Map<string, FileRecord>();
	// Each part's pages now, by the digest of their bytes: a page of the same size and time as in the last build keeps its digest
	// (unchanged pages are the cached copies Astro's last build wrote: src/integrations/linked-pages.ts); the others are read, one at a time.
	const current = parts.map(
		(slugs) =>
			new Map(
				rolePages(outDir, slugs).map(([page, stats]) => {
					const record = recordOf(join(outDir, page), known.get(page), stats);
					records.set(page, record);
					return [page, record[2]] as const;
				}),
			),
	);
	const cached = (name: string) => (cache ? join(cache, name) : undefined);
	const partSetup = (k: number) => `${setup}|part ${k}`;
	const plan = planChanges(current, await Promise.all(parts.map((_, k) => readIndexed(cached(cachedPartName(k)), partSetup(k)))), partPages);
	// Loaded on the first part to index, not at the top: `astro dev`, `astro check` and a build that changed no role page never start the indexer binary.
	let indexer: typeof import('pagefind') | undefined;
	const maxFragments = Math.ceil(MAX_FRAGMENT_FILES / parts.length);
	let indexed = 0;
	let indexedParts = 0;
	const merge: string[] = [];
	/** Copies the cache's part `name` into `folder`, or indexes the pages there and keeps the result as that part. */
	const part = async (name: string, folder: string, pages: ReadonlyMap<string, string>, indexSetup: string, reuse: boolean, options: IndexOptions): Promise<void> => {
		const kept = cached(name);
		if (kept && reuse) {
			await linkFiles(join(kept, PAGEFIND_DIR), folder);
			return;
		}
		indexer ??= await import('pagefind');
		const paths = await indexPart(indexer, outDir, [...pages.keys()], folder, maxFragments, options);
		indexed += pages.size;
		indexedParts += 1;
		if (kept) {
			await rm(kept, { recursive: true, force: true });
			// Parts are written in order, the changes part last: the first part's folder holds no other part yet.
			await linkFiles(folder, join(kept, PAGEFIND_DIR));
			const indexedPages = Object.fromEntries([...pages].map(([page, digest]): [string, IndexedPage] => [page, [digest, paths.get(page) ?? '']]));
			await writeFile(join(kept, INDEXED_FILE), JSON.stringify({ setup: indexSetup, pages: indexedPages, files: await fileRecords(join(kept, PAGEFIND_DIR)) } satisfies IndexedPartFile));
		}
	};
	let changes = 0;
	try {
		for (const [k, slugs] of parts.entries()) {
			// A part with no page (only when roles are few for their count of parts) is left out; the first always exists, as it carries Pagefind's code.
			if (k > 0 && slugs.length === 0) continue;
			if (k > 0) merge.push(partFolder(k));
			await part(cachedPartName(k), join(outputPath, partFolder(k)), current[k]!, partSetup(k), !plan.reindex.has(k), { unused: k > 0 ? BROWSER_FILES : UNUSED_UI_FILES });
		}
		// Pages changed since their part was indexed, but for closed roles' (nothing to index; their old entries are replaced):
		// indexed together, each naming itself in a filter of its own, CHANGED_PAGE_FILTER.
		const changed = new Map(plan.changed.filter((page) => PAGE_FILTER_ATTRIBUTE.test(readFileSync(join(outDir, page), 'utf8'))).map((page) => [page, records.get(page)![2]]));
		if (changed.size > 0) {
			merge.push(CHANGES_FOLDER);
			changes = changed.size;
			// Its index depends on these pages alone: the same pages as last time, the same bytes, and it is copied.
			const changesSetup = `${setup}|changes`;
			const before = await readIndexed(cached(CACHED_CHANGES), changesSetup);
			const same = before?.size === changed.size && [...changed].every(([page, digest]) => before.get(page)?.[0] === digest);
			await part(CACHED_CHANGES, join(outputPath, CHANGES_FOLDER), changed, changesSetup, same, { unused: BROWSER_FILES, filter: CHANGED_PAGE_FILTER });
		}
	} catch (error) {
		throw new Error(`Search index (Pagefind) failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
	} finally {
		// The indexer runs as a child process; without this the build would not exit.
		await indexer?.close();
	}
	// Removed first: were it a file linked from a cached part, writing it would write the cached one.
	await rm(join(outputPath, PARTS_FILE), { force: true });
	await writeFile(join(outputPath, PARTS_FILE), `${JSON.stringify({ merge, ...(plan.replaced.length > 0 ? { replaced: plan.replaced } : {}) } satisfies PartsFile)}\n`);
	if (cache) await writeFile(join(cache, PAGE_RECORDS), JSON.stringify(Object.fromEntries(records)));
	const total = merge.length + 1;
	const copied = total - indexedParts;
	const apart = changes > 0 ? `; ${changes} role page${changes === 1 ? '' : 's'} changed since ${changes === 1 ? 'its' : 'their'} part was indexed, in ${CHANGES_FOLDER}` : '';
	if (indexedParts === 0) logger.info(`role pages unchanged since they were indexed: search index copied from the cache in ${seconds()} s (${total} part${total === 1 ? '' : 's'})${apart}`);
	else logger.info(`indexed ${indexed} role page${indexed === 1 ? '' : 's'} in ${indexedParts} of ${total} part${total === 1 ? '' : 's'} into ${PAGEFIND_DIR}/ in ${seconds()} s (${copied} copied from the cache)${apart}`);
}

/** What the cache keeps beside a part's index: how it was indexed, its pages, and its files as they were written. */
interface IndexedPartFile {
	setup: string;
	/** Each page's digest and `page` filter value (empty for a page with nothing indexed), by page file. */
	pages: Record<string, IndexedPage>;
	/** Each file of the part's index (path within it, `/`-separated) as it was cached. */
	files?: Record<string, FileRecord>;
}

/** The record of every file under `folder` ({@link FileRecord}: size, time, digest), by path within it. */
async function fileRecords(folder: string, prefix = ''): Promise<Record<string, FileRecord>> {
	const records: Record<string, FileRecord> = {};
	for (const entry of await readdir(folder, { withFileTypes: true })) {
		const path = `${prefix}${entry.name}`;
		if (entry.isDirectory()) Object.assign(records, await fileRecords(join(folder, entry.name), `${path}/`));
		else records[path] = recordOf(join(folder, entry.name));
	}
	return records;
}

/**
 * Puts one folder's files into another, each hard-linked, not copied: a
 * cached part's index into the output (0.30 s → 0.05 s for the 931 files of
 * 10,000 roles' three parts), and a part just indexed into the cache. A
 * linked file is the same file in both, so an output file edited in place
 * edits the cache: {@link readIndexed} uses a part only while its files are
 * as they were cached. Where links cannot be made (the cache on another
 * disk), the files are copied.
 */
async function linkFiles(from: string, to: string): Promise<void> {
	try {
		const made = new Set<string>();
		for (const entry of await readdir(from, { withFileTypes: true, recursive: true })) {
			if (entry.isDirectory()) continue;
			const folder = join(to, relative(from, entry.parentPath));
			if (!made.has(folder)) {
				await mkdir(folder, { recursive: true });
				made.add(folder);
			}
			await link(join(entry.parentPath, entry.name), join(folder, entry.name));
		}
	} catch {
		// `to` holds only this part's files: parts are placed in order, the first (the index's own folder) before the
		// others, and a part's folder in the cache is emptied before it is kept.
		await rm(to, { recursive: true, force: true });
		await cp(from, to, { recursive: true });
	}
}

/**
 * What a cached part's index holds, if it was indexed as `setup` says and its
 * files are as they were written (an output file linked to it and edited in
 * place would have changed one); undefined when there is no such part.
 */
async function readIndexed(folder: string | undefined, setup: string): Promise<IndexedPages | undefined> {
	if (!folder) return undefined;
	try {
		const file = JSON.parse(await readFile(join(folder, INDEXED_FILE), 'utf8')) as IndexedPartFile;
		if (file.setup !== setup || !file.files) return undefined;
		const index = join(folder, PAGEFIND_DIR);
		const recorded = Object.entries(file.files);
		const present = await readdir(index, { recursive: true, withFileTypes: true });
		// The same files, each of the same size and time or, where a restored cache changed its time, the same bytes.
		const same = recorded.length === present.filter((entry) => !entry.isDirectory()).length && recorded.every(([path, record]) => unchangedSince(join(index, path), record) !== undefined);
		return same ? new Map(Object.entries(file.pages)) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The output paths of the role pages of these slugs that exist (a slug's
 * folder may hold no page), each with its status: one `stat` a page, which
 * its record needs anyway.
 */
function rolePages(outDir: string, slugs: readonly string[]): Array<[page: string, stats: Stats]> {
	return slugs.flatMap((slug): Array<[string, Stats]> => {
		const page = rolePage(slug);
		const stats = statSync(join(outDir, page), { throwIfNoEntry: false });
		return stats ? [[page, stats]] : [];
	});
}

/** Role pages handed to the indexer before it has answered for the first of them. */
const PAGES_IN_FLIGHT = 4;

/** How {@link indexPart} indexes. */
interface IndexOptions {
	/** Files of Pagefind's output to delete. */
	unused: RegExp;
	/** The name of the filter each page names itself in: PAGE_FILTER, unless given. */
	filter?: string;
}

/** The page's own `page` filter attribute, as OpenRole.astro writes it; its value is the page's path. */
const PAGE_FILTER_ATTRIBUTE = new RegExp(`(data-pagefind-filter=")${PAGE_FILTER}:([^"]*)"`);

/**
 * The value of a role page's own `page` filter (its path), if it has one.
 * Copied out of the page's text: V8 would keep a slice of it as a view into
 * the whole page, and the values of a part's pages are kept until the part is
 * done. Sliced, 5,000 pages held 115 MB of this process's heap at once.
 */
export function pageFilterValue(html: string): string | undefined {
	const value = PAGE_FILTER_ATTRIBUTE.exec(html)?.[2];
	return value === undefined ? undefined : detached(value);
}

/**
 * Indexes one part into `folder`, a few pages at a time in slug order: given
 * a folder, Pagefind parses every file at once (thousands of parsers alive
 * together), and its page numbers would follow the disk's order, which varies
 * between machines. Only role pages carry `data-pagefind-body`. Returns each
 * page's `page` filter value (none for a closed role's page, which has
 * nothing to index).
 */
async function indexPart(indexer: typeof import('pagefind'), outDir: string, pages: readonly string[], folder: string, maxFragments: number, { unused, filter }: IndexOptions): Promise<Map<string, string>> {
	const created = await indexer.createIndex({ maxFragments });
	const { index } = created;
	if (!index || created.errors.length > 0) throw new Error(`could not start Pagefind: ${created.errors.join('; ') || 'no index returned'}`);
	const paths = new Map<string, string>();
	// A few pages in flight, sent in slug order: Pagefind's service reads its messages in the order they are
	// written and handles one at a time, so page numbers still follow the slugs, while this process reads and
	// trims the next pages as the indexer works: 10-25% less time than one page at a time, for about 150 MB
	// more at the indexer's peak (docs/decisions.md, "Pages in flight to the indexer").
	await inPool(pages, PAGES_IN_FLIGHT, async (page) => {
		const html = withoutStylesAndScripts(readFileSync(join(outDir, page), 'utf8'));
		const path = pageFilterValue(html);
		if (path !== undefined) paths.set(page, path);
		const content = filter ? html.replace(PAGE_FILTER_ATTRIBUTE, `$1${filter}:$2"`) : html;
		const added = await index.addHTMLFile({ sourcePath: page, content });
		if (added.errors.length > 0) throw new Error(`could not index ${page}: ${added.errors.join('; ')}`);
	});
	const written = await index.writeFiles({ outputPath: folder });
	if (written.errors.length > 0) throw new Error(`could not write the index to ${folder}: ${written.errors.join('; ')}`);
	// The part's memory is given back before the next part is indexed.
	await index.deleteIndex();
	for (const file of await readdir(folder)) if (unused.test(file)) await rm(join(folder, file));
	return paths;
}

/** Removes from the cache what no part of this build can use: parts beyond the count, and anything else but the changes part and the pages' records. */
async function dropStaleParts(cache: string, count: number): Promise<void> {
	const kept = new Set([...Array.from({ length: count }, (_, k) => cachedPartName(k)), CACHED_CHANGES, PAGE_RECORDS]);
	for (const entry of await readdir(cache).catch(() => [])) if (!kept.has(entry)) await rm(join(cache, entry), { recursive: true, force: true });
}

/** The slugs of the role pages under the output folder. */
async function roleSlugs(outDir: string): Promise<string[]> {
	return readdir(join(outDir, ROLE_DIR)).catch(() => []);
}
