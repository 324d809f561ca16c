// @ts-check
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';
import { contentPaths, readSiteConfig } from './src/postings/site-config.ts';

const site = readSiteConfig(contentPaths().siteConfig);

export default defineConfig({
	site: site.siteUrl,
	// Plain static files: no server, no adapter.
	output: 'static',
	trailingSlash: 'always',
	// Builds of other postings folders (tests, the bench) keep their content cache apart.
	...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
	build: {
		format: 'directory',
		// A role page's HTML and CSS should arrive in the first round trip (14 KB):
		// inlining the stylesheet saves a second request on a slow mobile network.
		inlineStylesheets: 'always',
	},
	vite: {
		plugins: [tailwindcss()],
	},
});
