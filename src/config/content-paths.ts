import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the content lives; both can be overridden for another company, a benchmark or a test fixture. */
export interface ContentPaths {
	/** Folder of posting files. `POSTINGS_DIR`, default `content/postings`. */
	postingsDir: string;
	/** Site settings file. `SITE_CONFIG`, default `content/site.yaml` (or `.json`). */
	siteConfig: string;
}

/**
 * Resolves the content paths from the environment, relative to `root`. A
 * module of its own, without the settings' schema: `npm run build` reads the
 * paths before it starts Astro, where every import delays the build.
 */
export function contentPaths(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): ContentPaths {
	const postingsDir = resolve(root, env.POSTINGS_DIR || 'content/postings');
	const siteConfig = env.SITE_CONFIG
		? resolve(root, env.SITE_CONFIG)
		: [resolve(root, 'content/site.yaml'), resolve(root, 'content/site.yml'), resolve(root, 'content/site.json')].find((file) =>
				existsSync(file),
			) ?? resolve(root, 'content/site.yaml');
	return { postingsDir, siteConfig };
}
