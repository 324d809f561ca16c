import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { pipelineInputDigest } from '../../src/loaders/input-digest.ts';
import { openPostingCache } from '../../src/loaders/posting-cache.ts';
import { commitDates } from '../../src/sources/git-dates.ts';
import { loadCatalogue, type ReadInput } from '../../src/sources/folder.ts';
import { site } from './helpers.ts';

// A build reads each posting file once: the input digest keeps the bytes it
// read, and the pipeline normalizes those bytes, not the file read again.
const work = mkdtempSync(join(tmpdir(), 'careers-read-once-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const posting = (title: string) => `---\ntitle: ${title}\nlocations: [Berlin, Germany]\n---\n<h2>About the role</h2><p>The platform team builds data tools in Berlin.</p>`;

describe('posting files read once per build', () => {
	const postingsDir = join(work, 'postings');
	mkdirSync(postingsDir);
	writeFileSync(join(postingsDir, 'data-engineer.html'), posting('Data Engineer'));
	writeFileSync(join(postingsDir, 'data-analyst.html'), posting('Data Analyst'));
	const siteConfig = join(work, 'site.yaml');
	writeFileSync(siteConfig, 'companyName: Acme\n');
	const input = { root: process.cwd(), postingsDir, siteConfig, today: '2026-12-03' };

	it('keeps the bytes and the commit dates the input digest read, and the digest is the same with or without keeping them', () => {
		const read: ReadInput = { files: new Map() };
		expect(pipelineInputDigest(input, read)).toBe(pipelineInputDigest(input));
		expect([...read.files.keys()].sort()).toEqual([join(postingsDir, 'data-analyst.html'), join(postingsDir, 'data-engineer.html')]);
		const bytes = readFileSync(join(postingsDir, 'data-engineer.html'));
		expect(read.files.get(join(postingsDir, 'data-engineer.html'))).toEqual({ bytes, digest: createHash('sha256').update(bytes).digest('base64url') });
		expect(read.history).toEqual(commitDates(postingsDir));
	});

	it('normalizes the bytes the digest was made of, even when the file changed since', () => {
		const read: ReadInput = { files: new Map() };
		pipelineInputDigest(input, read);
		writeFileSync(join(postingsDir, 'data-engineer.html'), posting('Staff Data Engineer'));
		const titles = (catalogue: ReturnType<typeof loadCatalogue>) => catalogue.postings.map((role) => role.title).sort();
		expect(titles(loadCatalogue(postingsDir, site, work, { read, today: '2026-12-03' }))).toEqual(['Data Analyst', 'Data Engineer']);
		// Without them, the file is read as it is now.
		expect(titles(loadCatalogue(postingsDir, site, work, { today: '2026-12-03' }))).toEqual(['Data Analyst', 'Staff Data Engineer']);
	});

	it('dates the postings by the commit dates the digest asked git for, without asking again', () => {
		// Not a repository: git knows no dates, so the kept ones can only come from the digest's reading.
		const history = { added: new Map([[join(postingsDir, 'data-analyst.html'), '2026-10-01']]), changed: new Map([[join(postingsDir, 'data-analyst.html'), '2026-11-01']]) };
		const analyst = loadCatalogue(postingsDir, site, work, { read: { files: new Map(), history }, today: '2026-12-03' }).postings.find((role) => role.title === 'Data Analyst')!;
		expect([analyst.datePosted, analyst.dateModified]).toEqual(['2026-10-01', '2026-11-01']);
		expect(loadCatalogue(postingsDir, site, work, { today: '2026-12-03' }).postings.find((role) => role.title === 'Data Analyst')!.datePosted).toBe('2026-12-03');
	});
	it("decodes only the files of the postings it normalizes: one found in the cache by its bytes' digest is not decoded", () => {
		const cacheDir = join(work, 'cache');
		const first = openPostingCache(cacheDir, 'this code');
		const read: ReadInput = { files: new Map() };
		pipelineInputDigest(input, read);
		const cold = loadCatalogue(postingsDir, site, work, { read, today: '2026-12-03', cache: first });
		first.save();
		// The same files read again, their bytes then overwritten where they lie: keyed by their text, they would be other postings.
		const again: ReadInput = { files: new Map() };
		pipelineInputDigest(input, again);
		const buffers = new Set<Buffer>([...again.files.values()].map(({ bytes }) => bytes.fill('x'.charCodeAt(0))));
		const decoded: Buffer[] = [];
		const toString = vi.spyOn(Buffer.prototype, 'toString').mockImplementation(function (this: Buffer, ...args) {
			if (buffers.has(this)) decoded.push(this);
			return toString.wrappedMethod?.apply(this, args) ?? '';
		});
		const cache = openPostingCache(cacheDir, 'this code');
		let warm: ReturnType<typeof loadCatalogue>;
		try {
			warm = loadCatalogue(postingsDir, site, work, { read: again, today: '2026-12-03', cache });
		} finally {
			toString.mockRestore();
		}
		expect(cache.stats).toEqual({ reused: 2, normalized: 0 });
		expect(decoded).toEqual([]);
		expect(warm).toStrictEqual(cold);
	});
});
