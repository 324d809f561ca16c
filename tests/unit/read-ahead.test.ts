import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputStamps, pipelineInputDigest, type PipelineInput } from '../../src/loaders/input-digest.ts';
import { readInputAhead, takeInputReadAhead } from '../../src/loaders/read-ahead.ts';
import type { ReadInput } from '../../src/sources/folder.ts';

// A build reads its postings folder in a thread while Astro starts (src/loaders/read-ahead.ts):
// the loader gets what it would have read itself, or nothing when the folder changed since.
const work = mkdtempSync(join(tmpdir(), 'careers-read-ahead-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const seeds = join(process.cwd(), 'content', 'postings');
const postingsDir = join(work, 'postings');
mkdirSync(postingsDir);
// The seeds (11 KB each: their bytes move between the threads) and a small file (its bytes share Node's buffer pool: copied).
for (const name of readdirSync(seeds).filter((file) => file.endsWith('.html'))) copyFileSync(join(seeds, name), join(postingsDir, name));
writeFileSync(join(postingsDir, 'intern.html'), '---\ntitle: Intern\n---\n<p>Six months in Lisbon.</p>\n');
const siteConfig = join(work, 'site.yaml');
writeFileSync(siteConfig, 'companyName: Acme\n');
const input: PipelineInput = { root: process.cwd(), postingsDir, siteConfig, today: '2026-12-05', cacheDir: join(work, 'cache') };

describe('the postings folder read ahead', () => {
	it('gives the loader the digest, bytes and commit dates it would have read itself, once', () => {
		readInputAhead(input);
		// Taken at once: the loader waits for the thread's answer.
		const ahead = takeInputReadAhead(input, inputStamps(postingsDir, siteConfig));
		const read: ReadInput = { files: new Map() };
		expect(ahead?.digest).toBe(pipelineInputDigest(input, read));
		expect(ahead?.read.files.size).toBe(6);
		expect(ahead?.read.files.get(join(postingsDir, 'intern.html'))?.bytes.toString('utf8')).toContain('Six months in Lisbon.');
		for (const [path, file] of read.files) expect(ahead?.read.files.get(path), path).toEqual(file);
		expect(ahead?.read.history).toEqual(read.history);
		// Taken: the next build's loader (the dev server's next sync) reads for itself.
		expect(takeInputReadAhead(input, inputStamps(postingsDir, siteConfig))).toBeUndefined();
	});

	it('gives nothing when the folder it read differs from the folder the loader finds', () => {
		const before = inputStamps(postingsDir, siteConfig);
		// Another size: the stamps differ whatever the clock's resolution.
		writeFileSync(join(postingsDir, 'intern.html'), '---\ntitle: Intern\n---\n<p>Six months in Porto.</p>\n');
		expect(inputStamps(postingsDir, siteConfig)).not.toBe(before);
		// Read with the file as it is now, taken by a loader that found it as it was (or the other way round).
		readInputAhead(input);
		expect(takeInputReadAhead(input, before)).toBeUndefined();
		readInputAhead(input);
		expect(takeInputReadAhead(input, inputStamps(postingsDir, siteConfig))?.digest).toBe(pipelineInputDigest(input));
	});

	it('gives nothing for another input: another day, another folder', () => {
		readInputAhead(input);
		const stamps = inputStamps(postingsDir, siteConfig);
		expect(takeInputReadAhead({ ...input, today: '2026-12-06' }, stamps)).toBeUndefined();
		expect(takeInputReadAhead({ ...input, postingsDir: join(work, 'other') }, stamps)).toBeUndefined();
		expect(takeInputReadAhead(input, stamps)?.digest).toBe(pipelineInputDigest(input));
	});
});
