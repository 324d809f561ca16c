import type { AstroIntegration } from 'astro';

/** Builds the static search index over the open role pages once the site is built. (Being written.) */
export function pagefind(): AstroIntegration {
	return { name: 'careers-pagefind', hooks: {} };
}
