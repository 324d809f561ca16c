import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentPaths } from '../config/site-config.ts';
import type { Site } from '../schemas/site.ts';
import { readInputAhead } from '../loaders/read-ahead.ts';

/**
 * Starts reading the postings folder and running the pipeline over it for
 * the postings loader as soon as the integrations are set up
 * (src/loaders/read-ahead.ts), unless `npm run build` started that already,
 * before Astro's own code (src/loaders/read-ahead-early.ts): this is for
 * `astro build` run directly. Only for a build of a folder: the dev server
 * and the other commands read as they always did, and an ATS source is read
 * by the loader at build time.
 */
export function readAhead(site: Pick<Site, 'atsSource'>): AstroIntegration {
	return {
		name: 'careers-read-ahead',
		hooks: {
			// At setup, the first hook that knows the command: about 0.1 s before `astro:config:done`, and the config
			// holds the root and cache folder already (no integration here changes them).
			'astro:config:setup': ({ command, config }) => {
				if (command !== 'build' || site.atsSource) return;
				// The paths and day the loader asks with (src/loaders/postings.ts): a read for another input is never taken.
				const root = config.root.pathname;
				const { postingsDir, siteConfig } = contentPaths(root);
				readInputAhead({ root, postingsDir, siteConfig, today: new Date().toISOString().slice(0, 10), cacheDir: fileURLToPath(config.cacheDir) });
			},
		},
	};
}
