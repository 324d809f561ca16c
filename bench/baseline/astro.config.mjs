// @ts-check
// The plain Astro site the scale bench compares with (scripts/bench/scale.mjs):
// the same postings' raw HTML, one page each, no pipeline, no search, no cards.
import { defineConfig } from 'astro/config';

export default defineConfig({
	output: 'static',
	...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
});
