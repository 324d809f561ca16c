// @ts-check
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';
import { contentPaths, readSiteConfig } from './src/config/site-config.ts';
import { PostingError, PostingErrors } from './src/postings/errors.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { previewHeaders } from './src/integrations/preview-headers.ts';
import { hostLimits } from './src/integrations/host-limits.ts';
import { linkedPages } from './src/integrations/linked-pages.ts';
import { readAhead } from './src/integrations/read-ahead.ts';
import { dataStoreModule } from './src/integrations/data-store-module.ts';
import { cardCache } from './src/integrations/card-cache.ts';
import { roleCards } from './src/integrations/role-cards.ts';
import { mode } from './src/config/build-mode.ts';
import { buildCacheDir } from './src/config/cache-folder.ts';
import { labelsWarning } from './src/i18n/languages.ts';

const site = (() => {
	try {
		return readSiteConfig(contentPaths().siteConfig);
	} catch (error) {
		if (!(error instanceof PostingError || error instanceof PostingErrors)) throw error;
		// Thrown, it would print as "Unable to load your Astro config" with our stack frames:
		// the recruiter who edits site.yaml needs the message only.
		console.error(`The site settings could not be read.\n${error.message}`);
		process.exit(1);
	}
})();

export default defineConfig({
	site: site.siteUrl,
	// A project site on GitHub Pages lives under a path (https://acme.github.io/careers/):
	// the path of siteUrl becomes the base of every link the site makes.
	base: new URL(site.siteUrl).pathname,
	// Plain static files: no server, no adapter.
	output: 'static',
	trailingSlash: 'always',
	// ASTRO_CACHE_DIR, else node_modules/.astro; a preview's in a folder of its own (src/config/cache-folder.ts).
	cacheDir: buildCacheDir(mode.preview),
	// A Content-Security-Policy <meta> on every page: Astro adds the hashes of the
	// scripts and styles it inlines, we deny everything else. Directives a <meta>
	// cannot carry (frame-ancestors) are sent by public/_headers.
	security: {
		csp: {
			directives: [
				"default-src 'none'",
				"img-src 'self'",
				"connect-src 'self'",
				"base-uri 'none'",
				"form-action 'self'",
				"object-src 'none'",
			],
			scriptDirective: { resources: ["'self'"] },
			styleDirective: { resources: ["'self'"] },
		},
	},
	// Read-ahead first: the postings are read in a thread while the rest starts. Role cards next: their last
	// card is written before linked pages removes what no route made. Linked pages then: it empties the output
	// folder before the build and removes what no route made before the others read it. Host limits last: it
	// counts the files the others wrote.
	integrations: [
		{
			name: 'site-labels',
			hooks: {
				'astro:config:done': ({ logger }) => {
					// A site in a language with no labels built in says how many of its words stay English.
					const warning = labelsWarning(site.lang, site.labels);
					if (warning) logger.warn(`site settings: ${warning}`);
				},
			},
		},
		readAhead(site),
		roleCards(),
		linkedPages(),
		dataStoreModule(),
		pagefind(),
		previewHeaders(),
		cardCache(),
		hostLimits(),
	],
	experimental: {
		// Pages whose cache key (src/routing/cache-keys.ts) and code are unchanged are copied from
		// the last build's cache (node_modules/.astro/) instead of rendered. A cold build writes
		// each page twice (output and cache); a warm one renders only what changed, and links the
		// others (src/integrations/linked-pages.ts).
		incrementalBuild: true,
	},
	// No Markdown is rendered; Shiki's inline styles would also break the CSP.
	markdown: { syntaxHighlight: false },
	build: {
		format: 'directory',
		// A role page's HTML and CSS should arrive in the first round trip (14 KB):
		// inlining the stylesheet saves a second request on a slow mobile network.
		inlineStylesheets: 'always',
		// Four pages at a time, not one: rendering a page waits on writing the last one (twice, with
		// the incremental cache), and on this 2-core machine a cold build of 10,000 roles spent a
		// third of its page phase idle. Measured there: pages 36-39 s -> 30-33 s (8: 28-31 s).
		concurrency: 4,
	},
	vite: {
		plugins: [tailwindcss()],
		// The test suite picks free ports and waits on them: a taken port must fail loudly,
		// not move the preview server somewhere nobody is looking.
		preview: { strictPort: true },
	},
});
