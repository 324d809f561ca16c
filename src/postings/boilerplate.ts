import { createHash } from 'node:crypto';
import { loadFragment, select } from './dom.ts';
import type { CompanyBlock } from '../schemas/posting.ts';
import { escapeHtml, headingOf, topLevelBlocks } from './structure.ts';
import { squash } from './text.ts';

/** Class names ATS exports give the company text they wrap around every posting. */
const INTRO_SELECTOR = '.content-intro';
const CONCLUSION_SELECTOR = '.content-conclusion';

/**
 * Paragraphs that are company text wherever they appear: equal-opportunity,
 * accommodation, export-control and similar legal statements.
 */
const LEGAL_PATTERNS = [
	/\bequal (employment )?opportunity\b/i,
	/\breasonable accommodations?\b/i,
	/\bexport control\b/i,
	/\bE-Verify\b/,
	/\b(affirmative action|AA\/EEO|EEO employer)\b/i,
	/\bfair chance\b.*\b(ordinance|act)\b/i,
];

/** The raw ATS HTML cut into the company wrapper and the role itself. */
export interface SplitPosting {
	/** HTML of each `content-intro` block, in order. */
	intro: string[];
	/** The posting proper. */
	body: string;
	/** HTML of each `content-conclusion` block, in order. */
	conclusion: string[];
}

/**
 * Cuts the ATS's company intro and conclusion blocks out of a raw posting.
 * Must run on the raw HTML: the class names that mark them do not survive sanitizing.
 */
export function splitCompanyBlocks(rawHtml: string): SplitPosting {
	const $ = loadFragment(rawHtml);
	const take = (selector: string) =>
		select($, selector)
			.toArray()
			.map((element) => {
				const html = $(element).html() ?? '';
				$(element).remove();
				return html;
			});
	const intro = take(INTRO_SELECTOR);
	const conclusion = take(CONCLUSION_SELECTOR);
	return { intro, body: $.html(), conclusion };
}

/** Comparable form of a block's text: equal text gives an equal key. */
export function fingerprint(text: string): string {
	return squash(text).toLowerCase();
}

/** Whether a paragraph is a legal statement that belongs with the company text. */
export function isLegalText(text: string): boolean {
	return LEGAL_PATTERNS.some((pattern) => pattern.test(text));
}

/** Shortest text worth treating as repeated company text; shorter blocks ("Benefits", "Dental Insurance") repeat by nature. */
const MIN_REPEATED_LENGTH = 80;

/** Postings of one company that must carry a paragraph for it to count as company text, at the least. */
const MIN_REPEATING_POSTINGS = 3;

/**
 * Finds block texts one company repeats across most of its postings: present
 * in at least three of them and in more than half. A lower share would catch
 * department blurbs, but it also took the whole role text of postings made
 * from one template (the same role under several titles or in several cities)
 * for company text: see docs/decisions.md.
 *
 * @param postings the top-level block texts of each posting body, all of one company
 * @returns the fingerprints of the repeated blocks
 */
export function findRepeatedBlocks(postings: readonly (readonly string[])[]): Set<string> {
	const counts = new Map<string, number>();
	for (const blocks of postings) {
		for (const key of new Set(blocks.map(fingerprint))) {
			if (key.length >= MIN_REPEATED_LENGTH) counts.set(key, (counts.get(key) ?? 0) + 1);
		}
	}
	const needed = Math.max(MIN_REPEATING_POSTINGS, Math.floor(postings.length / 2) + 1);
	return new Set([...counts].filter(([, count]) => count >= needed).map(([key]) => key));
}

/** Short content digest for ids: the same text always gets the same id. */
export function digest(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/**
 * Cuts sanitized company HTML into stored blocks, one per paragraph, list or
 * heading, so text that several postings share (the equal-opportunity
 * statement, say) is stored once even where the blocks around it differ.
 * Headings become `h3`: the page puts company text under its own `h2`.
 */
export function makeCompanyBlocks(kind: CompanyBlock['kind'], html: string): Array<Omit<CompanyBlock, 'usedBy'>> {
	const $ = loadFragment(html);
	return topLevelBlocks($).map((element) => {
		const heading = headingOf($, element);
		const block = heading ? `<h3>${escapeHtml(heading.text)}</h3>` : $.html(element).trim();
		return { id: digest(block), kind, html: block };
	});
}
