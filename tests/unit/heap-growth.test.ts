import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { heapFlags, SLOW_HEAP_GROWTH } from '../../src/config/heap-growth.ts';

// `npm run build` starts Astro with V8's slow heap growth, which holds a cold
// build's peak memory down, except for a production rebuild from a kept cache.

const root = mkdtempSync(join(tmpdir(), 'careers-heap-growth-'));
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
		expect(heapFlags({ PREVIEW: 'false', ASTRO_CACHE_DIR: 'none-yet' }, root)).toEqual([SLOW_HEAP_GROWTH]);
		expect(heapFlags({ PREVIEW: 'false', ASTRO_CACHE_DIR: 'half' }, root)).toEqual([SLOW_HEAP_GROWTH]);
		expect(heapFlags({ PREVIEW: 'false', ASTRO_CACHE_DIR: 'kept' }, root)).toEqual([]);
	});

	it('is the slow one for a preview, which renders every page, even with its own cache kept', () => {
		cacheFolder('both', ['data-store.json', 'linked-pages.json', 'preview/data-store.json', 'preview/linked-pages.json']);
		expect(heapFlags({ PREVIEW: 'true', ASTRO_CACHE_DIR: 'both' }, root)).toEqual([SLOW_HEAP_GROWTH]);
		expect(heapFlags({ PREVIEW: 'false', ASTRO_CACHE_DIR: 'both' }, root)).toEqual([]);
	});
});
