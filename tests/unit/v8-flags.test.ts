import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASELINE_WASM, buildV8Flags, SLOW_HEAP_GROWTH } from '../../src/config/v8-flags.ts';

// `npm run build` starts Astro with V8's slow heap growth, which holds a cold
// build's peak memory down, except for a production rebuild from a kept cache;
// and always with WebAssembly left on its baseline compiler.

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

describe('the heap growth a build starts Astro with', () => {
	it('is the slow one for a cold build, and V8’s own for a production rebuild from a finished build’s cache', () => {
		cacheFolder('kept', ['data-store.json', 'linked-pages.json']);
		cacheFolder('half', ['data-store.json']);
		expect(buildV8Flags({ PREVIEW: 'false', ASTRO_CACHE_DIR: 'none-yet' }, root)).toEqual([SLOW_HEAP_GROWTH, BASELINE_WASM]);
		expect(buildV8Flags({ PREVIEW: 'false', ASTRO_CACHE_DIR: 'half' }, root)).toEqual([SLOW_HEAP_GROWTH, BASELINE_WASM]);
		expect(buildV8Flags({ PREVIEW: 'false', ASTRO_CACHE_DIR: 'kept' }, root)).toEqual([BASELINE_WASM]);
	});

	it('is the slow one for a preview, which renders every page, even with its own cache kept', () => {
		cacheFolder('both', ['data-store.json', 'linked-pages.json', 'preview/data-store.json', 'preview/linked-pages.json']);
		expect(buildV8Flags({ PREVIEW: 'true', ASTRO_CACHE_DIR: 'both' }, root)).toEqual([SLOW_HEAP_GROWTH, BASELINE_WASM]);
		expect(buildV8Flags({ PREVIEW: 'false', ASTRO_CACHE_DIR: 'both' }, root)).toEqual([BASELINE_WASM]);
	});
});
