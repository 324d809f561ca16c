import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { siteSchema, type Site } from '../schemas/site.ts';
import { fromZodError, PostingError } from './errors.ts';

/** Where the content lives; both can be overridden for another company, a benchmark or a test fixture. */
export interface ContentPaths {
	/** Folder of posting files. `POSTINGS_DIR`, default `content/postings`. */
	postingsDir: string;
	/** Site settings file. `SITE_CONFIG`, default `content/site.yaml` (or `.json`). */
	siteConfig: string;
}

/** Resolves the content paths from the environment, relative to `root`. */
export function contentPaths(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): ContentPaths {
	const postingsDir = resolve(root, env.POSTINGS_DIR || 'content/postings');
	const siteConfig = env.SITE_CONFIG
		? resolve(root, env.SITE_CONFIG)
		: [resolve(root, 'content/site.yaml'), resolve(root, 'content/site.yml'), resolve(root, 'content/site.json')].find((file) =>
				existsSync(file),
			) ?? resolve(root, 'content/site.yaml');
	return { postingsDir, siteConfig };
}

/**
 * Reads and validates the site settings.
 * @throws {PostingError} naming the settings file and the field at fault
 */
export function readSiteConfig(file: string): Site {
	if (!existsSync(file)) {
		throw new PostingError(file, 'file', 'a site settings file with companyName, siteUrl and defaultApplyUrl (see README)');
	}
	let data: unknown;
	try {
		data = parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new PostingError(file, 'file', `valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
	}
	const result = siteSchema.safeParse(data ?? {});
	if (!result.success) {
		throw fromZodError(file, result.error, data, { unknown: 'setting', known: Object.keys(siteSchema.shape), whole: 'file' });
	}
	return result.data;
}
