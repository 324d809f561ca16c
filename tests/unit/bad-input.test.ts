import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue } from '../../src/sources/folder.ts';
import { readSiteConfig } from '../../src/config/site-config.ts';
import { errorOf, site, TODAY } from './helpers.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';

const body = '<h3 id="DataEngineerPlatform-AbouttheTeam">About the Team</h3><p>The Platform team builds the data platform.</p>';

describe('bad input fails with the file, the field and what was expected', () => {
	it('a missing title with nothing to infer', () => {
		const message = errorOf([{ file: 'content/postings/untitled.html', source: '<p>We build things together.</p>' }]);
		expect(message).toContain('content/postings/untitled.html: title:');
		expect(message).toContain('add `title: …` to the front matter');
	});

	it('invalid YAML, with the line', () => {
		const message = errorOf([{ file: 'content/postings/yaml.html', source: `---\ntitle: Data Engineer\nteam: [Platform\n---\n${body}` }]);
		expect(message).toMatch(/content\/postings\/yaml\.html: front matter: expected valid YAML \(line \d+, column \d+\)/);
	});

	it('an unknown status', () => {
		const message = errorOf([{ file: 'content/postings/status.html', source: `---\nstatus: paused\n---\n${body}` }]);
		expect(message).toContain('content/postings/status.html: status: expected one of "open"|"closed"|"draft", got "paused"');
	});

	it('an unparseable date', () => {
		const message = errorOf([{ file: 'content/postings/date.html', source: `---\ndatePosted: next Tuesday\n---\n${body}` }]);
		expect(message).toContain('content/postings/date.html: datePosted: expected a date written as YYYY-MM-DD');
	});

	it('an impossible date', () => {
		const message = errorOf([{ file: 'content/postings/date.html', source: `---\ndatePosted: 2026-02-31\n---\n${body}` }]);
		expect(message).toContain('content/postings/date.html: datePosted:');
	});

	it('an empty file', () => {
		expect(errorOf([{ file: 'content/postings/empty.html', source: '  \n' }])).toContain('content/postings/empty.html: body: the file is empty');
	});

	it('front matter with no HTML after it', () => {
		expect(errorOf([{ file: 'content/postings/nobody.html', source: '---\ntitle: Data Engineer\n---\n' }])).toContain(
			'content/postings/nobody.html: body: no HTML after the front matter',
		);
	});

	it('a misspelt front-matter field', () => {
		const message = errorOf([{ file: 'content/postings/typo.html', source: `---\ntitel: Data Engineer\n---\n${body}` }]);
		expect(message).toContain('content/postings/typo.html: titel: unknown front-matter field "titel"');
	});

	it('a location whose country cannot be told', () => {
		const message = errorOf([{ file: 'content/postings/where.html', source: `<p>Locations: Zyxwvutsburg</p>${body}` }]);
		expect(message).toContain('content/postings/where.html: locations: a place we know: could not tell where "Zyxwvutsburg" is; write it as "City, Country"');
		expect(message).toContain('Zyxwvutsburg');
	});

	it('two postings with the same slug, naming both files', () => {
		const message = errorOf([
			{ file: 'content/postings/a.html', source: body },
			{ file: 'content/postings/b.html', source: body },
		]);
		expect(message).toContain('content/postings/b.html: slug: "data-engineer-platform" is also the slug of content/postings/a.html');
	});

	it('two postings with the same id, naming both files', () => {
		const message = errorOf([
			{ file: 'content/postings/a.html', source: `---\nid: 4242\ntitle: One\n---\n${body}` },
			{ file: 'content/postings/b.html', source: `---\nid: "4242"\ntitle: Two\n---\n${body}` },
		]);
		expect(message).toContain('content/postings/b.html: id: "4242" is also the id of content/postings/a.html');
	});

	it('reports every broken posting at once, and no posting goes missing silently', () => {
		const message = errorOf([
			{ file: 'content/postings/ok.html', source: body },
			{ file: 'content/postings/one.html', source: '' },
			{ file: 'content/postings/two.html', source: `---\nstatus: nope\n---\n${body}` },
		]);
		expect(message).toMatch(/^2 posting problems:/);
		expect(message).toContain('one.html');
		expect(message).toContain('two.html');
	});

	it('a file in the postings folder that is not a posting', () => {
		const dir = mkdtempSync(join(tmpdir(), 'postings-'));
		writeFileSync(join(dir, 'role.html'), body);
		writeFileSync(join(dir, 'role.docx'), 'binary');
		expect(() => loadCatalogue(dir, site, dir)).toThrow(/role\.docx: file name: a posting file ending in \.html/);
	});

	it('an empty postings folder', () => {
		const dir = mkdtempSync(join(tmpdir(), 'postings-'));
		mkdirSync(join(dir, 'postings'));
		expect(() => loadCatalogue(join(dir, 'postings'), site, dir)).toThrow(/postings: folder: at least one posting file/);
	});

	it('site settings missing a required field', () => {
		const dir = mkdtempSync(join(tmpdir(), 'site-'));
		writeFileSync(join(dir, 'site.yaml'), 'companyName: Acme\nsiteUrl: https://jobs.acme.example\n');
		expect(() => readSiteConfig(join(dir, 'site.yaml'))).toThrow(/site\.yaml: defaultApplyUrl: expected/);
	});
});

describe('postings built to be slow or large read in time that grows with their size', () => {
	// Each of these took seconds to minutes, or ran out of memory, before: time grew with the square of the size or
	// faster. No clock is asserted (a loaded machine is slow); what is read is, and the test runner's own time limit
	// stands guard. docs/decisions.md, "Postings built to be slow".
	const file = (body: string, frontMatter: string) => ({ file: 'content/postings/big.html', source: `---\n${frontMatter}\n---\n${body}` });
	const build = (body: string, frontMatter = 'title: Engineer\nlocations: [Berlin]') => normalizePostings([file(body, frontMatter)], site, { today: TODAY });

	it('a paragraph of 20,000 spreadsheet cells whose hidden values disagree: each noted, with the words around it', () => {
		const cell = '<span data-sheets-value="{&quot;1&quot;:3,&quot;3&quot;:137000}">168,000</span> ';
		const [posting] = build(`<p>Pay ${cell.repeat(20_000)}</p><p>You will build our platform.</p>`).postings;
		expect(posting?.notes.hiddenValues).toHaveLength(20_000);
		expect(posting?.notes.hiddenValues[0]).toMatchObject({ hidden: '137000', visible: '168,000' });
		for (const value of posting?.notes.hiddenValues ?? []) expect(value.context.length).toBeLessThanOrEqual(2 * 150 + '168,000'.length + 2);
	});

	it('one heading repeated 20,000 times: every sub-section its own id', () => {
		const [posting] = build('<p><strong>What you will do</strong></p><p>Ship it.</p>'.repeat(20_000)).postings;
		const ids = [...(posting?.sections ?? []).flatMap((section) => [section.id, ...[...section.html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1])])];
		expect(ids).toHaveLength(20_000);
		expect(new Set(ids).size).toBe(20_000);
	});

	it('a location line of 40 ambiguous names is read; one of more than 200 is refused, saying why', () => {
		const line = (count: number) => `<p>Locations: ${'Springfield, '.repeat(count)}USA</p><p>You will build our platform.</p>`;
		expect(build(line(40), 'title: Engineer').postings[0]?.locations.map((place) => place.country)).toEqual(['US']);
		expect(errorOf([file(line(2_000), 'title: Engineer')])).toContain('(a list of 2,001 places; at most 200 are read)');
	});
});
