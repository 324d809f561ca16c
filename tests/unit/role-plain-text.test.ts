import { describe, expect, it } from 'vitest';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { parseFragment, textContent } from '../../src/postings/dom.ts';
import { rolePlainText, roleText, sharePlainText } from '../../src/preview/role.ts';
import { roleText as reviewText } from '../../src/review/corpus.ts';
import type { Posting } from '../../src/schemas/posting.ts';
import { realBoards, seed, seedCatalogue, site, TODAY } from './helpers.ts';

/**
 * A role's plain text has two readers: the preview's comparison and the
 * manifest (one block a line, headings included) and the review (one line,
 * as the DOM's textContent gives it). Both come from one walk of each
 * section, kept per posting, and a role with the same sections as another
 * takes the other's.
 */
const postings = (): Posting[] => [...seedCatalogue().postings, ...realBoards().flatMap((board) => normalizePostings(board.files, site, { today: TODAY }).postings)];

describe("a role's plain text", () => {
	it("gives the review the sections' textContent, whitespace collapsed, for every seed and real posting", () => {
		const all = postings();
		// The five seeds and the 165 postings of the real corpus.
		expect(all.length).toBe(170);
		for (const posting of all) {
			const dom = textContent(parseFragment(posting.sections.map((section) => section.html).join('\n')))
				.replace(/[\s\u00a0]+/g, ' ')
				.trim();
			expect(reviewText(posting)).toBe(dom);
		}
	});

	it('gives the comparison one heading or block a line', () => {
		const lines = roleText(seed('003')).split('\n');
		expect(lines[0]).toBe('About the Role');
		expect(lines).toContain('For Colorado-based hires: Estimated annual salary of $168,000 - $206,000.');
		expect(lines.every((line) => line === line.trim() && line !== '' && !/\s{2}/.test(line))).toBe(true);
	});

	it('is made once per posting', () => {
		const posting = seed('002');
		expect(rolePlainText(posting)).toBe(rolePlainText(posting));
	});

	it('is lent by a posting with the same headings and HTML, and by no other', () => {
		const build = seed('004');
		const same = { sections: build.sections.map((section) => ({ ...section })) };
		expect(sharePlainText(same, build)).toBe(true);
		expect(rolePlainText(same)).toBe(rolePlainText(build));

		const edited = { sections: build.sections.map((section, index) => (index === 1 ? { ...section, html: `${section.html}<p>One more line.</p>` } : section)) };
		expect(sharePlainText(edited, build)).toBe(false);
		expect(rolePlainText(edited)).not.toBe(rolePlainText(build));
		expect(rolePlainText(edited).lines).toContain('One more line.');

		const retitled = { sections: build.sections.map((section, index) => (index === 1 ? { ...section, title: 'Another heading' } : section)) };
		expect(sharePlainText(retitled, build)).toBe(false);
		expect(rolePlainText(retitled).lines).toContain('Another heading');
		expect(sharePlainText({ sections: build.sections.slice(1) }, build)).toBe(false);
	});
});
