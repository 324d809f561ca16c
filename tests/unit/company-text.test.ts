import { describe, expect, it } from 'vitest';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { realBoards, site, textOf, TODAY } from './helpers.ts';

const BLURB =
	'The Payments department builds the ledger, the card platform and the payouts that move money for millions of merchants every day.';

/** A posting with its own role text, the department blurb when asked, and an ATS board when given. */
function posting(index: number, options: { blurb?: boolean; board?: string } = {}) {
	const ats = options.board ? `ats:\n  system: greenhouse\n  board: ${options.board}\n  id: ${index}\n` : '';
	const source =
		`---\ntitle: Engineer ${index}\nlocations: ["Lisbon, Portugal"]\ndatePosted: 2026-11-01\n${ats}---\n` +
		`<p>We are looking for engineer number ${index} to build something only this role builds.</p>` +
		(options.blurb ? `<p>${BLURB}</p>` : '') +
		`<p>You will own project ${index} from the first design to the last release.</p>`;
	return { file: `content/postings/role-${index}.html`, source };
}

describe('company text is found per company: most of one board\'s postings, not most of the folder\'s', () => {
	it('takes a blurb repeated in most of one board\'s postings out of their role bodies, though the folder holds other boards', () => {
		const files = [1, 2, 3].map((index) => posting(index, { blurb: true, board: 'payments' }));
		files.push(...[4, 5, 6, 7, 8, 9, 10].map((index) => posting(index, { board: 'other' })));
		const { postings, company } = normalizePostings(files, site);
		const blurb = company.find((block) => textOf(block.html) === BLURB);
		expect(blurb).toMatchObject({ kind: 'repeated', usedBy: 3 });
		for (const role of postings) {
			expect(textOf(role.sections.map((section) => section.html).join(' '))).not.toContain('Payments department');
			expect(role.company.includes(blurb!.id)).toBe(Number(role.title.split(' ')[1]) <= 3);
		}
	});

	it('keeps the role text of postings made from one template: a paragraph in 4 of 40 postings stays in the role', () => {
		const files = Array.from({ length: 40 }, (_, index) => posting(index, { blurb: index % 10 === 0 }));
		const { postings, company } = normalizePostings(files, site);
		expect(company.some((block) => textOf(block.html) === BLURB)).toBe(false);
		expect(postings.filter((role) => textOf(role.sections.map((section) => section.html).join(' ')).includes(BLURB))).toHaveLength(4);
	});

	it('counts each ATS board on its own: two postings of one board and one of another repeat nothing', () => {
		const files = [posting(1, { blurb: true, board: 'acme' }), posting(2, { blurb: true, board: 'acme' }), posting(3, { blurb: true, board: 'other' })];
		const { postings, company } = normalizePostings(files, site);
		expect(company.some((block) => textOf(block.html) === BLURB)).toBe(false);
		for (const role of postings) expect(textOf(role.sections.map((section) => section.html).join(' '))).toContain(BLURB);
	});

	it('finds it in three postings of one board among others', () => {
		const files = [1, 2, 3].map((index) => posting(index, { blurb: true, board: 'acme' }));
		files.push(...[4, 5, 6, 7].map((index) => posting(index, { board: 'other' })));
		const { company } = normalizePostings(files, site);
		expect(company.find((block) => textOf(block.html) === BLURB)).toMatchObject({ kind: 'repeated', usedBy: 3 });
	});
});

describe('each posting is finished as it is read, on the company text found so far; the whole folder decides', () => {
	const roleText = (role: { sections: Array<{ html: string }> }) => textOf(role.sections.map((section) => section.html).join(' '));
	const blurbOnly = (index: number) => ({
		file: `content/postings/role-${index}.html`,
		source: `---\ntitle: Engineer ${index}\nlocations: ["Lisbon, Portugal"]\ndatePosted: 2026-11-01\n---\n<p>${BLURB}</p>`,
	});

	it('keeps a paragraph in the role text when the first postings repeat it but the folder does not (3 of 7)', () => {
		// Read third, the blurb is in 3 of 3 postings; in the end it is in 3 of 7, not more than half.
		const files = [1, 2, 3, 4, 5, 6, 7].map((index) => posting(index, { blurb: index <= 3 }));
		const { postings, company } = normalizePostings(files, site);
		expect(company.some((block) => textOf(block.html) === BLURB)).toBe(false);
		expect(postings.filter((role) => roleText(role).includes(BLURB)).map((role) => role.title)).toEqual(['Engineer 1', 'Engineer 2', 'Engineer 3']);
	});

	it('moves a paragraph out when only the last postings carry it, but more than half do (4 of 7)', () => {
		// Read fourth to sixth, the blurb is in fewer than 4 postings: not company text yet.
		const files = [1, 2, 3, 4, 5, 6, 7].map((index) => posting(index, { blurb: index >= 4 }));
		const { postings, company } = normalizePostings(files, site);
		const blurb = company.find((block) => textOf(block.html) === BLURB);
		expect(blurb).toMatchObject({ kind: 'repeated', usedBy: 4 });
		for (const role of postings) {
			expect(roleText(role)).not.toContain('Payments department');
			expect(role.company).toEqual(Number(role.title.split(' ')[1]) >= 4 ? [blurb!.id] : []);
		}
	});

	it('drops the error of a wrong guess: a posting that is only the paragraph builds once the folder keeps it as role text', () => {
		// Read third, this posting would be all company text; the folder's 3 of 7 say it is not.
		const files = [posting(1, { blurb: true }), posting(2, { blurb: true }), blurbOnly(3), ...[4, 5, 6, 7].map((index) => posting(index))];
		const { postings } = normalizePostings(files, site);
		expect(roleText(postings.find((role) => role.title === 'Engineer 3')!)).toBe(BLURB);
	});

	it('keeps the error when the folder agrees: a posting that is only repeated company text', () => {
		const files = [posting(1, { blurb: true }), posting(2, { blurb: true }), blurbOnly(3), posting(4, { blurb: true }), posting(5)];
		expect(() => normalizePostings(files, site)).toThrow(/role-3\.html: body: .*everything in the HTML was company text/);
	});

	it('gives every posting the same result whatever order the files come in', () => {
		const files = Array.from({ length: 9 }, (_, index) => posting(index, { blurb: index % 3 !== 0 }));
		const bySlug = (catalogue: ReturnType<typeof normalizePostings>) => new Map(catalogue.postings.map((role) => [role.slug, role]));
		expect(bySlug(normalizePostings([...files].reverse(), site))).toEqual(bySlug(normalizePostings(files, site)));
	});
});

describe('a heading goes where its text goes', () => {
	it('takes a heading whose section is all company text out with it, as Airwallex, ElevenLabs and Notion head their blurbs', () => {
		const finished = realBoards().flatMap((board) => {
			const { postings, company } = normalizePostings(board.files, site, { today: TODAY });
			return postings.map((posting) => ({ board: board.name, posting, company: posting.company.map((id) => company.find((block) => block.id === id)!.html) }));
		});
		const airwallex = finished.find(({ posting }) => posting.file.includes('f46b2b27'))!;
		// Before: "About Airwallex" and "Applicant Safety Policy: …" headed nothing, their text in the company text below.
		expect(airwallex.posting.sections.map((section) => section.title)).toEqual(['About the team', "What you'll do", 'Who you are', 'Preferred qualifications']);
		expect(airwallex.company.slice(0, 2)).toEqual(['<h3>About Airwallex</h3>', expect.stringMatching(/^<p>Airwallex is the only unified payments and financial platform/)]);
		expect(airwallex.company).toContain('<h3>Attributes We Value</h3>');
		// Of the 14 headings over nothing the corpus's pages showed, these are left: each heads nothing in its posting itself
		// (a heading and then the next, or the end of a copy a source cut), or says all it has to say ("Compensation Range: $240k - $260K").
		const empty = finished.flatMap(({ board, posting }) => posting.sections.filter((section) => section.html === '').map((section) => `${board} ${section.title}`));
		expect(empty).toEqual([
			'ashby/vessl-ai Life & Benefit',
			'greenhouse/airbnb The Community You Will Join',
			'greenhouse/tamara Your responsibilities',
			'greenhouse/turing Compensation Range: $240k - $260K',
			'smartrecruiters/ServiceNow-744000152033408 Job Description',
			// SmartRecruiters' own section headings over a bold heading of the company's ("ABOUT US:", "To be successful in this role you have:").
			'smartrecruiters/ServiceNow-744000153504297 Qualifications',
			'smartrecruiters/Sportradar-744000153670469 Job Description',
		]);
	});

	it('keeps the text of one template under several titles, headings and all, where most of the company\'s postings are its copies', () => {
		const body =
			'<p><strong>About the role</strong></p><p>We build the payments platform that thousands of merchants use every day, in forty countries and twelve currencies.</p>' +
			'<p><strong>Requirements</strong></p><ul><li>Go and Rust for five years at least, with production systems that serve millions of requests a day</li></ul>';
		const files = ['Berlin', 'Munich', 'Hamburg', 'Cologne'].map((city) => ({
			file: `content/postings/engineer-${city.toLowerCase()}.html`,
			source: `---\ntitle: Engineer (${city})\nlocations: ["${city}, Germany"]\ndatePosted: 2026-11-01\n---\n${body}`,
		}));
		// Before: each page showed "About the role" and "Requirements" over nothing, the text in its company text.
		const { postings, company } = normalizePostings(files, site);
		expect(company).toEqual([]);
		for (const posting of postings) {
			expect(posting.sections.map((section) => [section.title, textOf(section.html)])).toEqual([
				['About the role', 'We build the payments platform that thousands of merchants use every day, in forty countries and twelve currencies.'],
				['Requirements', 'Go and Rust for five years at least, with production systems that serve millions of requests a day'],
			]);
		}
	});
});

describe('headings that open a posting, and bold text that is no heading', () => {
	// ClearPoint's postings (Lever, collection I) open with the title and the city as headings, then the blurb.
	const clearPoint = (frontMatter: string) =>
		normalizePostings(
			[
				{
					file: 'content/postings/principal.html',
					source:
						`---\ntitle: Principal Engineer\ndatePosted: 2026-11-01\n${frontMatter}---\n` +
						'<h2>Principal Engineer&nbsp;</h2><h4><strong>Auckland</strong></h4>' +
						'<h5>What you will do</h5><p>Lead the design of the platforms our clients run their business on.</p>' +
						'<p><strong><em>"Fuelling prosperity for New Zealand, for all New Zealanders"</em></strong></p>',
				},
			],
			site,
			{ today: TODAY },
		).postings[0]!;

	it('leaves a heading that repeats the title to the page, and reads a heading of places alone as the location line it is', () => {
		const role = clearPoint('');
		expect(role.sections.map((section) => section.title)).toEqual(['What you will do']);
		expect(role.locations.map((place) => place.id)).toEqual(['auckland-new-zealand']);
		expect(role.provenance.locations).toEqual({ source: 'inferred', evidence: 'Auckland' });
	});

	it('gives the front matter\'s places the last word, the heading still off the page', () => {
		const role = clearPoint('locations: ["Wellington, New Zealand"]\n');
		expect(role.locations.map((place) => place.id)).toEqual(['wellington-new-zealand']);
		expect(role.sections.map((section) => section.title)).toEqual(['What you will do']);
	});

	it('keeps a bold quotation as a paragraph of its section, not a heading over nothing', () => {
		expect(clearPoint('').sections[0]!.html).toContain('<p><strong><em>"Fuelling prosperity for New Zealand, for all New Zealanders"</em></strong></p>');
	});

	it('keeps a heading that says how, not where, and headings after the text begins', () => {
		const role = (body: string) => normalizePostings([{ file: 'content/postings/x.html', source: `---\ntitle: Analyst\nlocations: [Berlin, Germany]\ndatePosted: 2026-11-01\n---\n${body}` }], site, { today: TODAY }).postings[0]!;
		expect(role('<h3>Remote</h3><p>Work with our finance team on the numbers that run the company.</p>').sections.map((section) => section.title)).toEqual(['Remote']);
		expect(role('<p>Work with our finance team on the numbers that run the company.</p><h3>Berlin</h3><p>Our office is by the river, a short walk from the station.</p>').sections.map((section) => section.title)).toEqual([undefined, 'Berlin']);
	});
});
