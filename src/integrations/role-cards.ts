import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { closeCardOutput, openCardOutput } from '../social/card-output.ts';

/**
 * Writes each open role's social card into `og/jobs/` of a production
 * build's output (src/social/card-output.ts says why not as routes): opens
 * the output once the configuration is final, and waits for the last card
 * when the pages are done, before the files are counted for the host's
 * limits. The dev server serves the same cards from their route
 * (src/pages/og/jobs/[slug].png.ts).
 */
export function roleCards(): AstroIntegration {
	let building = false;
	return {
		name: 'careers-role-cards',
		hooks: {
			'astro:config:setup': ({ command }) => {
				building = command === 'build';
			},
			'astro:config:done': ({ config }) => {
				if (building) openCardOutput(fileURLToPath(config.outDir));
			},
			'astro:build:done': async ({ logger }) => {
				const written = await closeCardOutput();
				if (written > 0) logger.info(`${written.toLocaleString('en-US')} role cards written into og/jobs/`);
			},
		},
	};
}
