/**
 * The pipeline alone, on one core: reads a postings folder into memory, then
 * times `normalizePostings` over it (no Astro, no git, no disk while timed).
 *
 *   node scripts/bench/pipeline.ts <postings dir> [site settings file]
 *
 * Prints one JSON line: { postings, ms, postingsPerSecond }.
 */
import { resolve } from 'node:path';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { readPostingFolder } from '../../src/sources/folder.ts';
import { contentPaths, readSiteConfig } from '../../src/config/site-config.ts';

const [dir, settings] = process.argv.slice(2);
if (!dir) {
	console.error('usage: node scripts/bench/pipeline.ts <postings dir> [site settings file]');
	process.exit(2);
}
const site = readSiteConfig(settings ? resolve(settings) : contentPaths().siteConfig);
const { files } = readPostingFolder(resolve(dir), (path) => path);
const started = performance.now();
const { postings } = normalizePostings(files, site, { today: '2026-12-01' });
const ms = performance.now() - started;
console.log(JSON.stringify({ postings: postings.length, ms: Math.round(ms), postingsPerSecond: Math.round(postings.length / (ms / 1000)) }));
