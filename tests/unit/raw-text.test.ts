import { describe, expect, it } from 'vitest';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { site } from './helpers.ts';

/** The role body and the warnings of one posting with the given HTML. */
function build(body: string): { html: string; warnings: string[] } {
	const source = `---\ntitle: Data Engineer\nlocations: ["Lisbon, Portugal"]\ndatePosted: 2026-11-01\n---\n${body}`;
	const { postings, warnings } = normalizePostings([{ file: 'content/postings/raw.html', source }], site);
	return { html: postings[0]!.sections.map((section) => section.html).join('\n'), warnings };
}

describe('text in raw-text and odd elements is kept or reported, never silently lost', () => {
	it('keeps text before the first element', () => {
		expect(build('Zebraloose: text before any element. <p>We are looking for a Data Engineer.</p><p>More.</p>').html).toBe(
			'<p>Zebraloose: text before any element.</p>\n<p>We are looking for a Data Engineer.</p>\n<p>More.</p>',
		);
	});

	it('keeps what a <noscript> holds and every paragraph after it', () => {
		expect(build('<p>We are looking for a Data Engineer.</p><noscript><p>Enable JavaScript to apply.</p></noscript><p>After.</p><p>Last.</p>').html).toBe(
			'<p>We are looking for a Data Engineer.</p>\n<p>Enable JavaScript to apply.</p>\n<p>After.</p>\n<p>Last.</p>',
		);
	});

	it('keeps the words of a <textarea> and an <xmp> as text, markup-looking words escaped once', () => {
		expect(build('<p>Intro.</p><textarea><p>typed</p> &amp; more</textarea><xmp><b>x</b> & y</xmp><p>After.</p>').html).toBe(
			'<p>Intro.</p>\n<p>&lt;p&gt;typed&lt;/p&gt; &amp; more</p>\n<p>&lt;b&gt;x&lt;/b&gt; &amp; y</p>\n<p>After.</p>',
		);
	});

	it('drops a <button> or an <svg> with its text, and says so in a warning', () => {
		const { html, warnings } = build('<p>Intro.</p><button>Apply now</button><svg><title>LinkedIn logo</title></svg><select><option>Lisbon</option><option>Porto</option></select><p>After.</p>');
		expect(html).toBe('<p>Intro.</p>\n<p>After.</p>');
		expect(warnings).toEqual([
			'content/postings/raw.html: body: dropped a <button> and its text "Apply now"; the page keeps prose only, so write it as a paragraph if candidates need it',
			'content/postings/raw.html: body: dropped a <svg> and its text "LinkedIn logo"; the page keeps prose only, so write it as a paragraph if candidates need it',
			'content/postings/raw.html: body: dropped a <select> and its text "Lisbon Porto"; the page keeps prose only, so write it as a paragraph if candidates need it',
		]);
	});

	it('drops a script or a style without a word: their text was never visible', () => {
		const { html, warnings } = build('<p>Intro.</p><script>alert(1)</script><style>p{}</style><p>After.</p>');
		expect(html).toBe('<p>Intro.</p>\n<p>After.</p>');
		expect(warnings).toEqual([]);
	});
});

describe('characters no output may carry', () => {
	it('are dropped from the role text itself, written raw or as references', () => {
		expect(build('<p>We are looking for a Data\u0001 Engineer&#1;&#x1F; in Lisbon\uFFFE.</p>').html).toBe('<p>We are looking for a Data Engineer in Lisbon.</p>');
	});
});
