import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../src/postings/sanitize.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { blockTexts, site, textOf } from './helpers.ts';

/** The visible text of sanitized HTML: its lines (blocks, `<br>`) joined by spaces. */
const visible = (html: string) => blockTexts(sanitizeHtml(html).html).join(' ');

describe('whitespace that separates words survives sanitizing', () => {
	it('keeps the space of an emptied <strong> between two words (a real Greenhouse posting)', () => {
		const html = '<p>We are looking for a Rust OR C++ Engineer<strong> </strong>with extensive (HFT) Trading Systems experience.</p>';
		expect(sanitizeHtml(html).html).toBe('<p>We are looking for a Rust OR C++ Engineer with extensive (HFT) Trading Systems experience.</p>');
	});

	it('keeps the spaces of <em> elements inside links (Google Docs export)', () => {
		const html =
			'<p><em>Please take a moment to review our</em><a href="https://example.com/prospect"><em> </em><em>Prospect</em></a><em> and</em>' +
			'<a href="https://example.com/applicant"><em> </em><em>Applicant</em></a><em> Privacy Policies.</em></p>';
		expect(visible(html)).toBe('Please take a moment to review our Prospect and Applicant Privacy Policies.');
	});

	it('keeps one space for nested empty inline elements, and none where none was', () => {
		expect(visible('<p>one<span><b><i> </i></b></span>two</p>')).toBe('one two');
		expect(visible('<p>one<u> <font>\u00a0</font> </u>two</p>')).toBe('one two');
		expect(visible('<p>one<strong></strong>two</p>')).toBe('onetwo');
		expect(visible('<p>one<em><span></span></em>two</p>')).toBe('onetwo');
	});

	it('collapses runs of &nbsp; between words to one space', () => {
		expect(sanitizeHtml('<p>one&nbsp;&nbsp;&nbsp;<strong>&nbsp;</strong>&nbsp;two</p>').html).toBe('<p>one two</p>');
	});

	it('treats a <br> inside an inline element as a break between words', () => {
		expect(visible('<p>one<strong><br></strong>two</p>')).toBe('one two');
		expect(sanitizeHtml('<p>one<strong><br></strong>two</p>').html).toBe('<p>one<br>two</p>');
		// At the end of an inline element, in the middle of the paragraph.
		expect(sanitizeHtml('<p><strong>Location<br></strong>Lisbon</p>').html).toBe('<p><strong>Location<br></strong>Lisbon</p>');
	});

	it('still drops a <br> at the very start or end of a paragraph, even inside inline elements', () => {
		expect(sanitizeHtml('<p><br>one two<br></p>').html).toBe('<p>one two</p>');
		expect(sanitizeHtml('<p><strong><br>one</strong> two<em> <br></em></p>').html).toBe('<p><strong>one</strong> two</p>');
	});

	it('keeps a zero-width space as it is (no word boundary is added or removed)', () => {
		expect(visible('<p>Zero\u200bwidth <strong>\u200b</strong>joins</p>')).toBe('Zero\u200bwidth \u200bjoins');
	});

	it('does not join the words around an emptied block', () => {
		expect(visible('<div>one<p> </p>two</div>')).toBe('one two');
	});

	it('reads both examples right in the role body', () => {
		const source =
			'---\ntitle: Trading Systems Engineer\n---\n' +
			'<p>We are looking for a Rust OR C++ Engineer<strong> </strong>with extensive (HFT) Trading Systems experience.</p>' +
			'<p><em>Please take a moment to review our</em><a href="https://example.com/p"><em> </em><em>Prospect</em></a><em> and</em>' +
			'<a href="https://example.com/a"><em> </em><em>Applicant</em></a><em> Privacy Policies.</em></p>';
		const { postings } = normalizePostings([{ file: 'content/postings/hft.html', source }], site, { today: '2026-12-02' });
		const text = textOf(postings[0]!.sections.map((section) => section.html).join(' '));
		expect(text).toContain('C++ Engineer with extensive');
		expect(text).toContain('review our Prospect and Applicant Privacy Policies.');
		expect(postings[0]!.summary).toMatch(/^We are looking for a Rust OR C\+\+ Engineer with extensive \(HFT\) Trading Systems experience\. Please/);
	});
});
