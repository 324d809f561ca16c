import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { PostingErrors, PostingError } from '../postings/errors.ts';
import { loadCatalogue, type Catalogue } from '../postings/normalize.ts';
import { contentPaths, readSiteConfig } from '../postings/site-config.ts';

/**
 * Both collections come from one pipeline run: company text can only be told
 * apart from role text by looking at all postings together. The run is cached
 * by a fingerprint of the input files, so the second collection reuses it.
 */
let cached: { key: string; catalogue: Catalogue } | undefined;

function inputKey(dir: string, siteConfig: string): string {
	let names: string[] = [];
	try {
		names = readdirSync(dir).sort();
	} catch {
		// A missing folder is reported by loadCatalogue with its name.
	}
	const stamp = (file: string) => {
		try {
			const stat = statSync(file);
			return `${file}:${stat.size}:${stat.mtimeMs}`;
		} catch {
			return `${file}:missing`;
		}
	};
	return [stamp(siteConfig), ...names.map((name) => stamp(join(dir, name)))].join('|');
}

function runPipeline(root: string): Catalogue {
	const { postingsDir, siteConfig } = contentPaths(root);
	const key = inputKey(postingsDir, siteConfig);
	if (cached?.key === key) return cached.catalogue;
	try {
		const catalogue = loadCatalogue(postingsDir, readSiteConfig(siteConfig), root);
		cached = { key, catalogue };
		return catalogue;
	} catch (error) {
		// Recruiters fix postings, not stack traces: show what is wrong and where.
		if (error instanceof PostingErrors || error instanceof PostingError) {
			const failure = new AstroError(
				`Postings could not be built.\n${error.message}`,
				'Fix the files and fields listed above; the README lists every front-matter field.',
			);
			failure.stack = failure.message;
			throw failure;
		}
		throw error;
	}
}

function watch(context: LoaderContext, reload: () => Promise<void>): void {
	const { postingsDir, siteConfig } = contentPaths(context.config.root.pathname);
	context.watcher?.add([postingsDir, siteConfig]);
	context.watcher?.on('all', (_event, path) => {
		if (path.startsWith(postingsDir) || path === siteConfig) void reload();
	});
}

/**
 * Content Layer loader for the `postings` collection: runs the normalizing
 * pipeline over the postings folder and stores one entry per posting, keyed by
 * its slug. Unchanged postings keep their digest and are not re-rendered.
 */
export function postingsLoader(): Loader {
	return {
		name: 'careers-postings',
		load: async (context) => {
			const sync = async () => {
				const { postings, warnings } = runPipeline(context.config.root.pathname);
				for (const warning of warnings) context.logger.warn(warning);
				const keep = new Set<string>();
				for (const posting of postings) {
					// Astro tracks files inside the project only; a POSTINGS_DIR elsewhere gets no file path.
					const filePath = isAbsolute(posting.file) ? undefined : posting.file;
					const data = await context.parseData({ id: posting.slug, data: posting, ...(filePath ? { filePath } : {}) });
					context.store.set({ id: posting.slug, data, digest: context.generateDigest(data), ...(filePath ? { filePath } : {}) });
					keep.add(posting.slug);
				}
				for (const id of context.store.keys()) if (!keep.has(id)) context.store.delete(id);
				context.logger.info(`${postings.length} postings (${postings.filter((posting) => posting.status === 'open').length} open)`);
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
				const { company } = runPipeline(context.config.root.pathname);
				context.store.clear();
				for (const block of company) {
					const data = await context.parseData({ id: block.id, data: block });
					context.store.set({ id: block.id, data, digest: block.id });
				}
			};
			await sync();
			watch(context, sync);
		},
	};
}

