import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { mode } from '../config/build-mode.ts';

/**
 * `_headers` with `X-Robots-Tag: noindex` added to the rule for every path:
 * the header keeps a preview out of search engines even for files that carry
 * no `<meta name="robots">` (feeds, JSON, images).
 */
export function withNoindex(headers: string): string {
	if (!/^\/\*[ \t]*$/m.test(headers)) return `${headers.trimEnd()}\n\n/*\n  X-Robots-Tag: noindex\n`;
	return headers.replace(/^\/\*[ \t]*$/m, '/*\n  X-Robots-Tag: noindex');
}

/**
 * In a preview build, rewrites `dist/_headers` (copied from public/) to add
 * `X-Robots-Tag: noindex`, and moves the preview's report (src/preview/report.ts)
 * out of the output into the cache folder, where the commands run after the
 * build read it.
 */
export function previewHeaders(): AstroIntegration {
	let root = process.cwd();
	return {
		name: 'careers-preview-headers',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (!mode.preview) return;
				const file = join(fileURLToPath(dir), '_headers');
				await writeFile(file, withNoindex(await readFile(file, 'utf8').catch(() => '')));
				logger.info(`preview build (${mode.reason}): X-Robots-Tag: noindex added to _headers`);
				// Imported here, not with the config: the report reads postings, and loading the pipeline with
				// astro.config.mjs cost every build's start about 0.1 s, previews or not.
				const { keepPreviewReport } = await import('../preview/report.ts');
				if (keepPreviewReport(fileURLToPath(dir), process.env, root)) logger.info("the preview's review and changes kept in the cache folder for npm run review and the pull-request comment");
			},
		},
	};
}
