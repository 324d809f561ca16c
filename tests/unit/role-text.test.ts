import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listRoleText, pruneRoleText, roleTextDir, storeRoleText, withRoleText } from '../../src/loaders/role-text.ts';
import { storedPostingSchema } from '../../src/schemas/posting.ts';
import { manifestOf } from '../../src/preview/manifest.ts';
import { rolePlainText, textDigest } from '../../src/preview/role.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { realBoards, seed, seedCatalogue, site, TODAY } from './helpers.ts';

/**
 * Role text is kept beside Astro's data store, one file per posting named by
 * its digest; the store keeps the rest. What the pages get back must be the
 * posting the pipeline made, value for value and key for key: the pages, the
 * API files and the page cache keys are made from it.
 */
let cache: string;
let dir: string;
beforeEach(() => {
	cache = mkdtempSync(join(tmpdir(), 'role-text-'));
	dir = roleTextDir(cache);
});
afterEach(() => rmSync(cache, { recursive: true, force: true }));

describe('role text beside the data store', () => {
	it('keeps the sections without their HTML in the stored form, which the collection schema accepts', () => {
		const posting = seed('003');
		const stored = storeRoleText(dir, posting, new Set());
		expect(dir).toBe(join(cache, 'postings', 'role-text'));
		expect(stored.sections.map((section) => [section.title, section.kind])).toEqual(posting.sections.map((section) => [section.title, section.kind]));
		expect(stored.sections.some((section) => 'html' in section)).toBe(false);
		expect(JSON.stringify(posting)).toContain('Health &amp; Welfare Benefits');
		expect(JSON.stringify(stored)).not.toContain('Health &amp; Welfare Benefits');
		expect(storedPostingSchema.parse(stored)).toEqual(stored);
		expect(readdirSync(dir)).toEqual([`${stored.roleText}.json`]);
	});

	it('keeps the digest of the role\'s plain text that the manifest publishes, and gives it back to no page', () => {
		for (const posting of seedCatalogue().postings) {
			const stored = storeRoleText(dir, posting, new Set());
			expect(stored.textDigest).toBe(manifestOf([posting]).roles[0]!.digest);
			expect(withRoleText(dir, stored)).not.toHaveProperty('textDigest');
		}
	});

	it('gives back the posting the pipeline made, key order included', () => {
		const present = new Set<string>();
		for (const posting of seedCatalogue().postings) {
			const back = withRoleText(dir, storedPostingSchema.parse(storeRoleText(dir, posting, present)));
			expect(JSON.stringify(back)).toBe(JSON.stringify(posting));
		}
		expect(present.size).toBe(5);
		expect(listRoleText(dir)).toEqual(present);
	});

	// The postings loader stores this form as it is, not through Astro's `parseData` (src/loaders/postings.ts): the
	// schema must take every posting's unchanged, key for key, or the pages would read what the schema never checked.
	it("stores a form the collection schema takes unchanged, for every posting of the real boards", () => {
		let checked = 0;
		for (const board of realBoards()) {
			for (const posting of normalizePostings(board.files, site, { today: TODAY }).postings) {
				const stored = storeRoleText(dir, posting, new Set());
				expect(JSON.stringify(storedPostingSchema.parse(stored)), posting.file).toBe(JSON.stringify(stored));
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(130);
	});

	it('writes equal text once, under one name', () => {
		const posting = seed('001');
		const present = new Set<string>();
		const first = storeRoleText(dir, posting, present);
		const renamed = storeRoleText(dir, { ...posting, slug: 'another-slug', title: 'Another title' }, present);
		expect(renamed.roleText).toBe(first.roleText);
		expect(readdirSync(dir)).toHaveLength(1);
		const edited = storeRoleText(dir, { ...posting, sections: [{ ...posting.sections[0]!, html: '<p>Edited.</p>' }, ...posting.sections.slice(1)] }, present);
		expect(edited.roleText).not.toBe(first.roleText);
		expect(readdirSync(dir)).toHaveLength(2);
	});

	it('removes the files no stored posting names, and what a stopped build left', () => {
		const present = new Set<string>();
		const [kept, dropped] = seedCatalogue().postings.map((posting) => storeRoleText(dir, posting, present));
		// A stopped build's half-written file goes; this process's own, which another of its threads is writing now, stays.
		writeFileSync(join(dir, `${kept!.roleText}.json.4242-0.tmp`), '["half');
		const inFlight = `${dropped!.roleText}.json.${process.pid}-1.tmp`;
		writeFileSync(join(dir, inFlight), '["half');
		expect(pruneRoleText(dir, new Set([kept!.roleText]))).toBe(5);
		expect(readdirSync(dir).sort()).toEqual([`${kept!.roleText}.json`, inFlight].sort());
		expect(existsSync(join(dir, `${dropped!.roleText}.json`))).toBe(false);
		expect(pruneRoleText(join(cache, 'nothing-here'), new Set())).toBe(0);
		expect(listRoleText(join(cache, 'nothing-here'))).toEqual(new Set());
	});

	it('names the posting and the file when its text is missing or is not its sections', () => {
		const posting = seed('002');
		const stored = storeRoleText(dir, posting, new Set());
		const file = join(dir, `${stored.roleText}.json`);
		rmSync(file);
		expect(() => withRoleText(dir, stored).sections).toThrow(`The role text of ${posting.file} (${posting.slug}) could not be read from the build cache: ${file}`);
		writeFileSync(file, JSON.stringify({ html: ['<p>one section</p>'], lines: 'one section', flat: 'one section' }));
		expect(posting.sections.length).toBeGreaterThan(1);
		expect(() => withRoleText(dir, stored).sections).toThrow(`is not its ${posting.sections.length} sections' HTML and plain text: ${file}`);
		// A file of the format before the plain texts were kept: its sections' HTML alone.
		writeFileSync(file, JSON.stringify(posting.sections.map((section) => section.html)));
		expect(() => withRoleText(dir, stored).sections).toThrow(`is not its ${posting.sections.length} sections' HTML and plain text: ${file}`);
	});

	it('keeps the plain texts with the HTML, and gives them back with the sections instead of reading the HTML again', () => {
		const posting = seed('001');
		const stored = storeRoleText(dir, posting, new Set());
		const file = join(dir, `${stored.roleText}.json`);
		const kept = JSON.parse(readFileSync(file, 'utf8')) as { html: string[]; lines: string; flat: string };
		expect(kept).toEqual({ html: posting.sections.map((section) => section.html), ...rolePlainText(posting) });
		expect(stored.textDigest).toBe(textDigest(kept.lines));
		// What the file says is what a reader gets: the HTML is not walked again.
		writeFileSync(file, JSON.stringify({ ...kept, lines: 'kept lines', flat: 'kept flat' }));
		const back = withRoleText(dir, stored);
		expect(back.sections).toEqual(posting.sections);
		expect(rolePlainText(back)).toEqual({ lines: 'kept lines', flat: 'kept flat' });
		// Its name covers the headings, which the lines hold: another heading is another file.
		const retitled = storeRoleText(dir, { ...posting, sections: posting.sections.map((section, index) => (index === 0 ? { ...section, title: 'Another heading' } : section)) }, new Set());
		expect(retitled.roleText).not.toBe(stored.roleText);
	});

	it('reads the file when the sections are first read, and once: a page that shows no role text reads none', () => {
		const posting = seed('004');
		const stored = storeRoleText(dir, posting, new Set());
		const file = join(dir, `${stored.roleText}.json`);
		const back = withRoleText(dir, stored);
		// Made before the text is read, and read after the file is gone: the posting never needed it.
		rmSync(file);
		expect([back.title, back.slug, back.locations]).toEqual([posting.title, posting.slug, posting.locations]);
		expect(() => back.sections).toThrow(`could not be read from the build cache: ${file}`);
		// Read once, then kept: the file going afterwards changes nothing.
		const again = withRoleText(dir, storeRoleText(dir, posting, new Set()));
		expect(again.sections).toEqual(posting.sections);
		rmSync(file);
		expect(again.sections).toEqual(posting.sections);
		expect(again.sections).toBe(again.sections);
	});
});
