import { existsSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { siteSchema, type Site } from '../schemas/site.ts';
import { fromZodError, PostingError } from '../postings/errors.ts';
import { decodeText, parseYamlMapping } from '../sources/posting-file.ts';

export { contentPaths, type ContentPaths } from './content-paths.ts';

/** The keys of a setting that is a mapping of its own (`labels:`, `atsSource:`), as its schema names them. */
function keysOf(setting: z.ZodType | undefined): string[] | undefined {
	const inner = setting instanceof z.ZodOptional ? setting.unwrap() : setting;
	return inner instanceof z.ZodObject ? Object.keys(inner.shape) : undefined;
}

/**
 * Reads and validates the site settings, reporting every field at fault at once.
 * @throws {PostingError} naming the settings file and the field at fault
 * @throws {PostingErrors} for several fields at fault
 */
export function readSiteConfig(file: string): Site {
	if (!existsSync(file)) {
		throw new PostingError(file, 'file', 'a site settings file with companyName, siteUrl and defaultApplyUrl (see README)', {
			found: 'no file at that path',
			hint: 'Create content/site.yaml, or point SITE_CONFIG at the settings file.',
		});
	}
	let bytes: Buffer;
	try {
		bytes = readFileSync(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const found = code === 'EISDIR' ? 'a folder' : code === 'EACCES' || code === 'EPERM' ? 'a file this build may not read (permission denied)' : `a file that cannot be read (${code})`;
		throw new PostingError(file, 'file', 'a site settings file in YAML or JSON', { found });
	}
	const data = parseYamlMapping(file, 'file', decodeText(file, bytes), 0, /\.json$/i.test(file) ? 'JSON' : 'YAML');
	const result = siteSchema.safeParse(data);
	if (!result.success) {
		throw fromZodError(file, result.error, data, {
			unknown: 'setting',
			known: Object.keys(siteSchema.shape),
			whole: 'file',
			subject: 'site settings',
			fields: siteSchema.shape,
			knownAt: (path) => (path.length === 1 ? keysOf(siteSchema.shape[path[0] as keyof typeof siteSchema.shape]) : undefined),
		});
	}
	return result.data;
}
