import type { AstroIntegration } from 'astro';
import { CARD_KEEP_DAYS, pruneCardCache } from '../social/card-folder.ts';

/**
 * Keeps the social-card cache to the cards builds still use: once a build is
 * done, the cards none has used for {@link CARD_KEEP_DAYS} days are removed
 * (see `pruneCardCache`). A build marks each card it uses, so what stays is
 * what the current roles show, and what a preview used lately.
 */
export function cardCache(): AstroIntegration {
	return {
		name: 'careers-card-cache',
		hooks: {
			'astro:build:done': ({ logger }) => {
				const { removed, kept } = pruneCardCache();
				if (removed > 0) logger.info(`removed ${removed.toLocaleString('en-US')} cached social cards no build has used for ${CARD_KEEP_DAYS} days; ${kept.toLocaleString('en-US')} kept`);
			},
		},
	};
}
