import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASELINE_WASM, buildV8Flags, isLargeSite, LARGE_SITE_POSTINGS, namesAtsSource, SLOW_HEAP_GROWTH } from '../../src/config/v8-flags.ts';

// `npm run build` starts Astro with V8's slow heap growth, which holds a cold
// build's peak memory down, for a large site only, and not for a production
// rebuild from a kept cache; and always with WebAssembly left on its baseline
// compiler.

const root = mkdtempSync(join(tmpdir(), 'careers-v8-flags-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A cache folder as a finished build leaves it (the data store, the record of its pages), or only part of it. */
function cacheFolder(name: string, files: string[]): string {
	const folder = join(root, name);
	mkdirSync(folder, { recursive: true });
	for (const file of files) {
		mkdirSync(join(folder, file, '..'), { recursive: true });
		writeFileSync(join(folder, file), '{}');
	}
	return folder;
}

/** A postings folder of `count` (empty) posting files. */
function postingsFolder(name: string, count: number): string {
	const folder = join(root, name);
	mkdirSync(folder, { recursive: true });
	for (let index = 0; index < count; index++) writeFileSync(join(folder, `role-${index}.html`), '');
	return name;
}

/** A site settings file of this text. */
function settings(name: string, text: string): string {
	writeFileSync(join(root, name), text);
	return name;
}

const large = postingsFolder('large', LARGE_SITE_POSTINGS + 1);
const small = postingsFolder('small', 3);
const plain = settings('site.yaml', 'companyName: Acme\nsiteUrl: https://jobs.example.com\n');

describe('the heap growth a build starts Astro with', () => {
	it('is the slow one for a cold build of a large site, and V8’s own for a production rebuild from a finished build’s cache', () => {
		cacheFolder('kept', ['data-store.json', 'linked-pages.json']);
		cacheFolder('half', ['data-store.json']);
		const site = { PREVIEW: 'false', POSTINGS_DIR: large, SITE_CONFIG: plain };
		expect(buildV8Flags({ ...site, ASTRO_CACHE_DIR: 'none-yet' }, root)).toEqual([SLOW_HEAP_GROWTH, BASELINE_WASM]);
		expect(buildV8Flags({ ...site, ASTRO_CACHE_DIR: 'half' }, root)).toEqual([SLOW_HEAP_GROWTH, BASELINE_WASM]);
		expect(buildV8Flags({ ...site, ASTRO_CACHE_DIR: 'kept' }, root)).toEqual([BASELINE_WASM]);
	});

	it('is V8’s own for a cold build of a small site', () => {
		expect(buildV8Flags({ PREVIEW: 'false', POSTINGS_DIR: small, SITE_CONFIG: plain, ASTRO_CACHE_DIR: 'none-yet' }, root)).toEqual([BASELINE_WASM]);
		expect(buildV8Flags({ PREVIEW: 'true', POSTINGS_DIR: small, SITE_CONFIG: plain, ASTRO_CACHE_DIR: 'none-yet' }, root)).toEqual([BASELINE_WASM]);
	});

	it('is the slow one for a preview of a large site, which renders every page, even with its own cache kept', () => {
		cacheFolder('both', ['data-store.json', 'linked-pages.json', 'preview/data-store.json', 'preview/linked-pages.json']);
		const site = { POSTINGS_DIR: large, SITE_CONFIG: plain, ASTRO_CACHE_DIR: 'both' };
		expect(buildV8Flags({ ...site, PREVIEW: 'true' }, root)).toEqual([SLOW_HEAP_GROWTH, BASELINE_WASM]);
		expect(buildV8Flags({ ...site, PREVIEW: 'false' }, root)).toEqual([BASELINE_WASM]);
	});
});

describe('a large site', () => {
	it('has more than LARGE_SITE_POSTINGS entries in its postings folder', () => {
		const exactly = postingsFolder('exactly', LARGE_SITE_POSTINGS);
		expect(isLargeSite({ POSTINGS_DIR: exactly, SITE_CONFIG: plain }, root)).toBe(false);
		expect(isLargeSite({ POSTINGS_DIR: large, SITE_CONFIG: plain }, root)).toBe(true);
	});

	it('is any site that reads an ATS at build time, however few files its folder holds', () => {
		const yaml = settings('ats.yaml', 'companyName: Acme\natsSource:\n  system: greenhouse\n  board: acme\n');
		const json = settings('ats.json', '{ "companyName": "Acme", "atsSource": { "system": "lever", "board": "acme" } }');
		const comment = settings('comment.yaml', 'companyName: Acme\n# atsSource: { system: lever, board: acme } once the board is public\n');
		expect(isLargeSite({ POSTINGS_DIR: small, SITE_CONFIG: yaml }, root)).toBe(true);
		expect(isLargeSite({ POSTINGS_DIR: small, SITE_CONFIG: json }, root)).toBe(true);
		expect(isLargeSite({ POSTINGS_DIR: small, SITE_CONFIG: comment }, root)).toBe(false);
		// The same reading decides whether `npm run build` reads the postings folder ahead (scripts/build.mjs).
		expect([yaml, json, comment, plain, 'nothing.yaml'].map((file) => namesAtsSource({ SITE_CONFIG: file }, root))).toEqual([true, true, false, false, false]);
	});

	it('is not decided by a missing folder or settings file, which the build reports itself', () => {
		expect(isLargeSite({ POSTINGS_DIR: 'nowhere', SITE_CONFIG: 'nothing.yaml' }, root)).toBe(false);
	});
});
