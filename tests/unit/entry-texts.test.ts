import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { postingList, postingListFile, toJson, type ApiSiteSettings } from '../../src/publish/api.ts';
import { entryTexts, type EntryTexts } from '../../src/publish/entry-texts.ts';
import { manifestFile, manifestOf } from '../../src/preview/manifest.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import type { Posting } from '../../src/schemas/posting.ts';
import { realBoards, seedCatalogue, site } from './helpers.ts';

// /api/postings.json and /api/manifest.json list every role, so each build makes them again: the entry of a role
// whose stored digest is unchanged is printed as the last build printed it (src/publish/entry-texts.ts).
const work = mkdtempSync(join(tmpdir(), 'careers-entry-texts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const settings: ApiSiteSettings = { ...site, title: 'Careers at Cloudflare' };
// A digest per posting, as the content store gives one: here of its fields, and a version standing for the code.
const digests = (version: string) => (posting: Posting) => `stored:${createHash('sha256').update(JSON.stringify(posting)).digest('base64url')}@${version}`;
const stored = (file: string) => deserialize(readFileSync(file)) as { entries: Map<string, [number, number]> };

// The files as text, as the tests compare them.
const postingListText = (postings: readonly Posting[], settings: ApiSiteSettings, texts: EntryTexts, digestOf: (posting: Posting) => string | undefined) =>
	Buffer.from(postingListFile(postings, settings, texts, digestOf)).toString('utf8');
const manifestText = (postings: readonly Posting[], textDigests: ReadonlyMap<string, string>, texts: EntryTexts, digestOf: (posting: Posting) => string | undefined) =>
	Buffer.from(manifestFile(postings, textDigests, texts, digestOf)).toString('utf8');

// The seeds and the real boards of other companies (places in every script, pay in many currencies, odd fields).
const seeds = seedCatalogue().postings;
const real = realBoards().flatMap((board) => normalizePostings(board.files, site, { today: '2026-12-05' }).postings);

describe('the list files printed an entry at a time', () => {
	it.each([
		['the seeds', seeds],
		[`${real.length} postings of the real boards`, real],
	])('/api/postings.json of %s: the same bytes as printed whole, made or kept', (_, postings) => {
		expect(postings.length).toBeGreaterThan(4);
		const file = join(work, `postings-${postings.length}.bin`);
		const whole = toJson(postingList(postings, settings));
		const first = entryTexts(file);
		expect(postingListText(postings, settings, first, digests('1'))).toBe(whole);
		first.save();
		expect(stored(file).entries.size).toBe(postings.length);
		// The next build, from the kept texts.
		expect(postingListText(postings, settings, entryTexts(file), digests('1'))).toBe(whole);
	});

	it('/api/manifest.json: the same bytes as printed whole, open and closed roles, made or kept', () => {
		const postings = [...real.slice(0, 40), ...seeds.map((posting, index) => (index % 2 ? { ...posting, status: 'closed' as const } : posting))];
		const whole = toJson(manifestOf(postings));
		const file = join(work, 'manifest.bin');
		const first = entryTexts(file);
		expect(manifestText(postings, new Map(), first, digests('1'))).toBe(whole);
		first.save();
		expect(manifestText(postings, new Map(), entryTexts(file), digests('1'))).toBe(whole);
	});

	it('keeps an entry by its digest: the same digest gives the kept text, another digest a new one', () => {
		const file = join(work, 'by-digest.bin');
		// Digests by the seeds' ids (unique among them), so that a posting changed below can keep its digest.
		const byId = (version: string) => (posting: Posting) => `stored:${posting.id}@${version}`;
		const first = entryTexts(file);
		postingListText(seeds, settings, first, byId('1'));
		first.save();
		const retitled = seeds.map((posting) => ({ ...posting, title: `${posting.title} (Remote)` }));
		// Under the same digests the kept entries stand: the digest is the promise that nothing they show changed.
		expect(postingListText(retitled, settings, entryTexts(file), byId('1'))).not.toContain('(Remote)');
		expect(postingListText(retitled, settings, entryTexts(file), byId('2'))).toBe(toJson(postingList(retitled, settings)));
		// A posting without a stored digest (made during the build) is always printed anew.
		expect(postingListText(retitled, settings, entryTexts(file), () => undefined)).toBe(toJson(postingList(retitled, settings)));
	});

	it("keeps only this build's entries, and writes nothing when they are the last build's", () => {
		const file = join(work, 'pruned.bin');
		const first = entryTexts(file);
		postingListText(seeds, settings, first, digests('1'));
		first.save();
		const two = entryTexts(file);
		postingListText(seeds.slice(0, 2), settings, two, digests('1'));
		two.save();
		expect([...stored(file).entries.keys()]).toEqual(seeds.slice(0, 2).map(digests('1')));
		// The same entries again: nothing to write (the file removed after reading shows whether it was written).
		const same = entryTexts(file);
		postingListText(seeds.slice(0, 2), settings, same, digests('1'));
		rmSync(file);
		same.save();
		expect(() => readFileSync(file)).toThrow(/ENOENT/);
	});

	it('reads a damaged or foreign file as no file', () => {
		const file = join(work, 'damaged.bin');
		writeFileSync(file, 'not a V8 serialization');
		expect(postingListText(seeds, settings, entryTexts(file), digests('1'))).toBe(toJson(postingList(seeds, settings)));
	});

	it("refuses a head whose list is not its last field, rather than print the entries into another one", () => {
		const texts = entryTexts(join(work, 'heads.bin'));
		expect(Buffer.from(texts.listFile({ version: '1', roles: [] }, [{ digest: undefined, make: () => ({ a: 'ü' }) }])).toString('utf8')).toBe('{"version":"1","roles":[{"a":"ü"}]}\n');
		expect(() => texts.listFile({ roles: [], version: '1' }, [])).toThrow(/last field/);
	});
});
