import { describe, expect, it } from 'vitest';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { site, textOf } from './helpers.ts';

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
