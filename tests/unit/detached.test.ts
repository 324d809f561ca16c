import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detached } from '../../src/utils/detached.ts';

// A posting's strings are cut from its file's text, and V8 keeps a long
// substring as a view into the string it was cut from: without a copy, each
// finished posting kept its whole file alive (135 MB at 10,000 postings).

describe('detached', () => {
	it('copies plain data with the same values and key order, and keeps objects of a class', () => {
		const when = new Date('2026-12-03T00:00:00Z');
		const places = new Map([['PT', 'Lisbon']]);
		const value = { title: 'Senior Systems Engineer, Workers Runtime', tags: ['remote', 'Lisbon, Portugal'], pay: { min: 50000, max: null, ok: true }, when, places };
		const copy = detached(value);
		expect(copy).toEqual(value);
		expect(Object.keys(copy)).toEqual(['title', 'tags', 'pay', 'when', 'places']);
		expect(copy).not.toBe(value);
		expect(copy.tags).not.toBe(value.tags);
		expect(copy.when).toBe(when);
		expect(copy.places).toBe(places);
		expect(detached(undefined)).toBeUndefined();
	});
});

/**
 * Runs tests/unit/kept-heap.ts in a process of its own, so the heap it
 * measures holds nothing of the test runner's: what 200 inputs padded with
 * 1 MB each leave kept once only their results are held.
 */
function keptHeap<T>(mode: 'postings' | 'page-filter'): { textLength: number; keptBytes: number } & T {
	const run = spawnSync(process.execPath, ['--expose-gc', join(import.meta.dirname, 'kept-heap.ts'), mode], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
	expect(run.stderr).toBe('');
	return JSON.parse(run.stdout) as { textLength: number; keptBytes: number } & T;
}

describe('a finished posting keeps nothing of its file', () => {
	it('lets the files of normalized postings be collected while the postings live', () => {
		const { textLength, keptBytes, titles } = keptHeap<{ titles: string[] }>('postings');
		expect(titles).toHaveLength(200);
		expect(titles.slice(0, 2)).toEqual(['Senior Data Engineer 1', 'Senior Data Engineer 2']);
		expect(textLength).toBeGreaterThan(200 * 1024 * 1024);
		// The postings themselves are about a MB; their files, kept, 420 MB (two bytes a character).
		expect(keptBytes).toBeLessThan(40 * 1024 * 1024);
	});
});

describe('the search index step keeps nothing of the pages it indexed', () => {
	it('lets the pages be collected while their page filter values live', () => {
		const { textLength, keptBytes, values } = keptHeap<{ values: string[] }>('page-filter');
		expect(values).toHaveLength(200);
		expect(values.slice(0, 2)).toEqual(['/jobs/senior-data-engineer-1/', '/jobs/senior-data-engineer-2/']);
		expect(textLength).toBeGreaterThan(200 * 1024 * 1024);
		// The values are a few KB; sliced out of their pages, they kept 420 MB (tried).
		expect(keptBytes).toBeLessThan(40 * 1024 * 1024);
	});
});
