import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { writeWhole } from '../utils/write-whole.ts';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { AtsSourceError } from '../sources/ats-error.ts';
import type { KeyValueStore } from '../sources/ats.ts';
import { PostingErrors, PostingError } from '../postings/errors.ts';
import type { ReadInput } from '../sources/folder.ts';
import { contentPaths, readSiteConfig } from '../config/site-config.ts';
import type { Site } from '../schemas/site.ts';
import { codeDigest, fileStamp, inputStamps, pipelineInputDigest, storedInputFile, type PipelineInput } from './input-digest.ts';
import { takeInputReadAhead, type InputReadAhead } from './read-ahead.ts';
import { cachedStoredPostings } from './posting-cache.ts';
import { listRoleText, pruneRoleText, roleTextDir } from './role-text.ts';
import { cachedRun, fromPortable, type Run as PipelineRun } from './run.ts';
import { partPool, sharedParts } from '../utils/shared-parts.ts';
import { fileURLToPath } from 'node:url';

/**
 * Both collections come from one pipeline run: company text can only be told
 * apart from role text by looking at all postings together. The run is cached
 * by a fingerprint of its input, so the second collection reuses it.
 */
let cached: { key: string; run: Promise<Run> } | undefined;

/** The collections that read a pipeline run. */
type Reader = 'postings' | 'company';
const READERS: readonly Reader[] = ['postings', 'company'];
/** The collections done with this round's run (or that did not need it: their input was unchanged). */
const finished = new Set<Reader>();

/**
 * Lets go of the pipeline's run once every collection is done with it. The
 * run holds every posting the pipeline made (at 10,000 roles about 130 MB,
 * their role text included), which nothing reads once the collections have
 * stored theirs: kept, the whole build's garbage collections would walk it
 * while the pages render. A later change (the dev server's) starts a new run.
 */
function doneWith(reader: Reader): void {
	finished.add(reader);
	if (READERS.every((each) => finished.has(each))) {
		cached = undefined;
		finished.clear();
		// A run read ahead and not taken (the input was as stored) is not needed: its thread stops.
		lastDigest?.ahead?.drop();
	}
}

/** A pipeline run, and for an ATS source the state to keep for the next build. */
interface Run extends PipelineRun {
	save?: (store: KeyValueStore) => void;
}

/** Recruiters fix postings, not stack traces: show what is wrong and where. */
function explain(error: unknown): unknown {
	if (error instanceof PostingErrors || error instanceof PostingError || error instanceof AtsSourceError) {
		const failure = new AstroError(
			`Postings could not be built.\n${error.message}`,
			error instanceof AtsSourceError
				? 'The site that is live stays as it is; build again once the ATS answers.'
				: 'Fix the files and fields listed above; the README lists every front-matter field.',
		);
		// No stack at all: Astro prints a "Stack trace:" header for any non-empty one.
		failure.stack = '';
		return failure;
	}
	return error;
}

/**
 * The pipeline's run for this input, started by the first collection to ask:
 * the run the read-ahead thread made (src/loaders/read-ahead.ts) if it made
 * one, else made here. `input.read` holds the posting files' bytes and commit
 * dates if the input digest read them.
 */
async function runPipeline(context: LoaderContext, input: Pick<ReturnType<typeof unchangedInput>, 'digest' | 'read' | 'ahead' | 'today'>): Promise<Run> {
	const root = context.config.root.pathname;
	const { postingsDir, siteConfig } = contentPaths(root);
	let site: Site;
	try {
		site = readSiteConfig(siteConfig);
	} catch (error) {
		throw explain(error);
	}
	// With atsSource set, the ATS is read at build time and content/postings/ is not used.
	// A folder's run is known by the input digest both collections have already: no second look at every file.
	const key = site.atsSource ? `ats|${fileStamp(siteConfig)}` : (input.digest ?? inputStamps(postingsDir, siteConfig));
	if (cached?.key === key) return cached.run;
	const run = (async (): Promise<Run> => {
		const log = ({ stats }: Run, where = '') =>
			context.logger.info(`pipeline: ${stats.normalized} postings normalized, ${stats.reused} reused from the cache, in ${stats.seconds.toFixed(1)} s${where}`);
		const cacheDir = fileURLToPath(context.config.cacheDir);
		const ahead = input.ahead?.take();
		if (ahead && 'run' in ahead) {
			const made = fromPortable(ahead.run, cachedStoredPostings(cacheDir, codeDigest(root)));
			log(made, ', in a thread while Astro started');
			return made;
		}
		const read = ahead?.read ?? input.read;
		if (!site.atsSource) {
			// Loaded only when this thread runs the pipeline: its modules cost every build's content sync about 0.25 s.
			const { loadCatalogue } = await import('../sources/folder.ts');
			const made = await cachedRun(cacheDir, codeDigest(root), (cache) =>
				loadCatalogue(postingsDir, site, root, { cache, ...(input.today ? { today: input.today } : {}), ...(read ? { read } : {}) }),
			);
			log(made);
			return made;
		}
		// Loaded only for a site that reads its ATS at build time: the sources and cheerio cost a folder's build about 0.2 s to load.
		const [{ readBoardForBuild }, { normalizePostings }] = await Promise.all([import('../sources/ats.ts'), import('../postings/normalize.ts')]);
		let save: Run['save'];
		const made = await cachedRun(cacheDir, codeDigest(root), async (cache) => {
			const board = await readBoardForBuild(site, context.meta);
			save = board.save;
			const catalogue = normalizePostings(board.files, site, { lastCommitted: board.updated, cache });
			return { ...catalogue, warnings: [...board.warnings, ...catalogue.warnings] };
		});
		log(made);
		return { ...made, ...(save ? { save } : {}) };
	})().catch((error: unknown) => {
		cached = undefined;
		throw explain(error);
	});
	cached = { key, run };
	return run;
}

function watch(context: LoaderContext, reload: () => Promise<void>): void {
	const { postingsDir, siteConfig } = contentPaths(context.config.root.pathname);
	context.watcher?.add([postingsDir, siteConfig]);
	context.watcher?.on('all', (_event, path) => {
		if (path.startsWith(postingsDir) || path === siteConfig) void reload();
	});
}

/** The name of a stored posting's role-text file (`storedPostingSchema`). */
const roleTextOf = (entry: { data: Record<string, unknown> }) => entry.data.roleText as string;

/** Notes the input digest of the postings stored, for the next build's read-ahead thread (`storedInputFile`). */
function noteStoredInput(context: LoaderContext, digest: string): void {
	const file = storedInputFile(fileURLToPath(context.config.cacheDir));
	mkdirSync(dirname(file), { recursive: true });
	writeWhole(file, digest);
}

/** Meta-store key of the input digest the stored entries were made from. */
const INPUT_DIGEST = 'pipeline-input-digest';
/** Meta-store key of the pipeline's warnings in the run that made the stored entries. */
const WARNINGS = 'pipeline-warnings';

/**
 * The digest of the pipeline's input when the entries stored by the last
 * build were made from the same input, else undefined. The data store
 * outlives a build (in the cache folder, `node_modules/.astro/` unless
 * `cacheDir` says otherwise): a warm build with nothing changed keeps the
 * normalized postings instead of running the pipeline over every file again.
 * Never for an ATS source, which is read anew every build.
 */
function unchangedInput(context: LoaderContext): { digest: string | undefined; unchanged: boolean; today?: string; read?: ReadInput; ahead?: InputReadAhead } {
	const root = context.config.root.pathname;
	const { postingsDir, siteConfig } = contentPaths(root);
	try {
		if (readSiteConfig(siteConfig).atsSource) return { digest: undefined, unchanged: false };
	} catch {
		// Broken settings: the pipeline reports them.
		return { digest: undefined, unchanged: false };
	}
	const today = new Date().toISOString().slice(0, 10);
	const input: PipelineInput = { root, postingsDir, siteConfig, today, cacheDir: fileURLToPath(context.config.cacheDir) };
	// Both collections ask; reading every file once per build is enough (the stamps change when a file does).
	const folder = inputStamps(postingsDir, siteConfig);
	const stamps = `${today}|${folder}`;
	if (lastDigest?.stamps !== stamps) {
		// As the build read them ahead (src/loaders/read-ahead.ts) if nothing changed since, else read now.
		lastDigest?.ahead?.drop();
		const ahead = takeInputReadAhead(input, folder);
		const read: ReadInput = { files: new Map() };
		lastDigest = { stamps, ...(ahead ? { digest: ahead.digest, ahead } : { digest: pipelineInputDigest(input, read), read }) };
	}
	const { digest, read, ahead } = lastDigest;
	// The bytes and dates go to the first collection that asks, and are not kept after: its pipeline run serves the other one too.
	lastDigest.read = undefined;
	const unchanged = context.meta.get(INPUT_DIGEST) === digest;
	return { digest, unchanged, today, ...(ahead ? { ahead } : {}), ...(read && !unchanged ? { read } : {}) };
}

/**
 * The input digest of this build, and what comes with it: the files read for
 * it, or the read-ahead thread's run over them.
 */
let lastDigest: { stamps: string; digest: string; read?: ReadInput | undefined; ahead?: InputReadAhead } | undefined;

/**
 * Content Layer loader for the `postings` collection: runs the normalizing
 * pipeline over the postings folder (or, with `atsSource` in the site
 * settings, over the ATS board read at build time) and stores one entry per
 * posting, keyed by its slug, its role text in a file beside the store
 * (./role-text.ts). Unchanged postings keep their digest and are
 * not re-rendered; when no input changed since the last build at all, the
 * stored entries are kept and the pipeline does not run.
 */
export function postingsLoader(): Loader {
	return {
		name: 'careers-postings',
		load: async (context) => {
			const roleText = roleTextDir(fileURLToPath(context.config.cacheDir));
			const sync = async () => {
				const input = unchangedInput(context);
				const present = listRoleText(roleText);
				// A host may restore the data store without every file beside it: then the entries lacking theirs are made again.
				const missing = context.store.values().filter((entry) => !present.has(roleTextOf(entry))).length;
				if (input.unchanged && missing === 0) {
					// The warnings still say what to fix: the last run's, as it printed them.
					for (const warning of JSON.parse(context.meta.get(WARNINGS) ?? '[]') as string[]) context.logger.warn(warning);
					context.logger.info(`${context.store.keys().length} postings unchanged since the last build: kept as stored, the pipeline did not run`);
					// Noted again: a cache folder restored without the note, or kept from code that wrote none, gets it.
					if (input.digest) noteStoredInput(context, input.digest);
					doneWith('postings');
					return;
				}
				if (missing > 0) context.logger.info(`the role text of ${missing} stored postings is missing from the cache folder: made again`);
				context.meta.delete(INPUT_DIGEST);
				const { postings, warnings, save } = await runPipeline(context, input);
				// Each collection keeps its own copy of the ATS state, so either can serve the next build.
				save?.(context.meta);
				for (const warning of warnings) context.logger.warn(warning);
				const keep = new Set<string>();
				const referenced = new Set<string>();
				// Postings stored in this sync share their equal parts (a place, a provenance), which Astro's store then
				// writes once: the store read back from its file shares them too, so unchanged entries keep sharing.
				const pool = partPool();
				for (const posting of postings) {
					// Astro tracks files inside the project only: not an ATS row, nor a file of a POSTINGS_DIR elsewhere.
					const { origin } = posting;
					const filePath = origin?.kind === 'file' && !isAbsolute(origin.path) ? origin.path : undefined;
					keep.add(posting.slug);
					// The entry stored with the posting's pipeline cache key is this posting validated (and its text's digest made),
					// so unchanged postings (most, after one change among thousands) skip both. The key digests the posting's input
					// and the code (the cache's version), and equal keys give equal postings.
					const digest = `key:${posting.key}`;
					const stored = context.store.get(posting.slug);
					if (stored?.digest === digest && present.has(roleTextOf(stored))) {
						referenced.add(roleTextOf(stored));
						continue;
					}
					// Not `context.parseData`: the pipeline validated the posting (naming its file and field), and its stored form is
					// that posting with its role text moved to a file, a shape the schema takes unchanged (tests/unit/role-text.test.ts).
					// Validating every entry again cost the build's main thread 0.15 s at 1,000 roles, before any page.
					const data = posting.stored();
					referenced.add(roleTextOf({ data }));
					context.store.set({ id: posting.slug, data: sharedParts(data, pool), digest, ...(filePath ? { filePath } : {}) });
				}
				for (const id of context.store.keys()) if (!keep.has(id)) context.store.delete(id);
				pruneRoleText(roleText, referenced);
				context.meta.set(WARNINGS, JSON.stringify(warnings));
				if (input.digest) {
					context.meta.set(INPUT_DIGEST, input.digest);
					noteStoredInput(context, input.digest);
				}
				context.logger.info(`${postings.length} postings (${postings.filter((posting) => posting.open).length} open)`);
				doneWith('postings');
			};
			await sync();
			watch(context, sync);
		},
	};
}

/** Content Layer loader for the `company` collection: company text stored once, by content digest. */
export function companyLoader(): Loader {
	return {
		name: 'careers-company-text',
		load: async (context) => {
			const sync = async () => {
				const input = unchangedInput(context);
				if (input.unchanged) return doneWith('company');
				context.meta.delete(INPUT_DIGEST);
				const { company, save } = await runPipeline(context, input);
				save?.(context.meta);
				context.store.clear();
				for (const block of company) {
					const data = await context.parseData({ id: block.id, data: block });
					context.store.set({ id: block.id, data, digest: block.id });
				}
				if (input.digest) context.meta.set(INPUT_DIGEST, input.digest);
				doneWith('company');
			};
			await sync();
			watch(context, sync);
		},
	};
}

