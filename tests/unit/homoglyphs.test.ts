/**
 * Letters of other scripts posing as Latin ones in a title: read as the
 * letters they pose as, for the page, the slug and search; words of other
 * scripts left alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapGreenhouseDocument } from '../../src/ats/greenhouse/source.ts';
import { plainLetters } from '../../src/postings/homoglyphs.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { slugify } from '../../src/postings/text.ts';
import { atsPostingFile, FIXTURES, site, TODAY } from './helpers.ts';

describe('plainLetters', () => {
	it('reads Lisu and Cyrillic letters inside Latin words as the Latin letters they look like', () => {
		// U+A4DF, U+A4E1, U+A4E3: Lisu MA, LA and ZHA.
		expect(plainLetters('\ua4dfachine \ua4e1earning \ua4e3esearcher')).toBe('Machine Learning Researcher');
		// U+043E: Cyrillic o.
		expect(plainLetters('Senior S\u043eftware Engineer')).toBe('Senior Software Engineer');
	});

	it('leaves words of other scripts, and words mixing scripts in earnest, as they are', () => {
		for (const title of ['Менеджер по продажам', '1С-программист', 'SMMщик', 'Webエンジニア', 'Java开发工程师', 'Ωmega Engineer', 'Ingénieur·e logiciel', 'Straße']) {
			expect(plainLetters(title), title).toBe(title);
		}
	});

	it('gives such a title the slug of its letters, not of what is left of them', () => {
		expect(slugify('\ua4dfachine \ua4e1earning \ua4e3esearcher')).toBe('machine-learning-researcher');
		// A Russian title is spelled in Latin letters (before: a digest, and "Инженер-программист (Backend)" was "backend").
		expect(slugify('Менеджер по продажам')).toBe('menedzher-po-prodazham');
	});
});

describe('a real board: Jane Street writes a title with Lisu letters', () => {
	it('publishes the role as "Machine Learning Researcher", under that slug', () => {
		const board = JSON.parse(readFileSync(join(FIXTURES, 'real', 'greenhouse', 'janestreet.json'), 'utf8')) as unknown;
		const snapshot = mapGreenhouseDocument(board, 'janestreet');
		const source = snapshot.postings.find((posting) => posting.id === '8596771002')!;
		expect(source.fields.title).toBe('\ua4dfachine \ua4e1earning \ua4e3esearcher');
		const [posting] = normalizePostings([atsPostingFile(source)], site, { today: TODAY }).postings;
		expect(posting).toMatchObject({ title: 'Machine Learning Researcher', slug: 'machine-learning-researcher' });
	});
});

// Jobicy's board (romek2/myjobwebapp, jobicy_jobs.json) gives titles its WordPress encoded twice:
// "Product Director &amp;#8211; Health Insurance (Fully Remote, Anywhere in CEE)".
describe('a title with character references left in it', () => {
	const normalize = (frontMatter: string) => normalizePostings([{ file: 'content/postings/role.html', source: `---\n${frontMatter}\n---\n<p>Lead the health insurance product.</p>` }], site, { today: TODAY }).postings[0]!;

	it('is shown, and slugged, as the text it encodes, however many times it was encoded', () => {
		expect(normalize('title: "Product Director &amp;#8211; Health Insurance"')).toMatchObject({ title: 'Product Director – Health Insurance', slug: 'product-director-health-insurance' });
		expect(normalize('title: "R&amp;D Engineer"\nteam: "Research &amp; Development"')).toMatchObject({ title: 'R&D Engineer', team: 'Research & Development' });
		// An ampersand that starts no reference, and a "<", stay as written.
		expect(normalize('title: "AT&T Engineer <Platform>"').title).toBe('AT&T Engineer <Platform>');
	});

	it('is shown without the dash or bullet a list left at its start or end (France Travail\'s "- Développeur …")', () => {
		expect(normalize('title: "- Développeur Dynamics 365 F&O - CDI - Paris (39-44k€) (H/F)"').title).toBe('Développeur Dynamics 365 F&O - CDI - Paris (39-44k€) (H/F)');
		expect(normalize('title: "• Data Engineer –"').title).toBe('Data Engineer');
		expect(normalize('title: "C# / C++ Developer"').title).toBe('C# / C++ Developer');
	});
});
