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

/** In a preview build, rewrites `dist/_headers` (copied from public/) to add `X-Robots-Tag: noindex`. */
export function previewHeaders(): AstroIntegration {
	return {
		name: 'careers-preview-headers',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				if (!mode.preview) return;
				const file = join(fileURLToPath(dir), '_headers');
				await writeFile(file, withNoindex(await readFile(file, 'utf8').catch(() => '')));
				logger.info(`preview build (${mode.reason}): X-Robots-Tag: noindex added to _headers`);
			},
		},
	};
}
