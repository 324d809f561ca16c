import { loadFragment, select } from '../postings/dom.ts';
import type { Posting } from '../schemas/posting.ts';
import type { Finding } from '../schemas/review.ts';

/** Attributes that spreadsheets and rich editors leave on pasted cells, holding the cell's own value. */
const VALUE_ATTRIBUTES = ['data-sheets-value', 'data-value', 'data-raw-value', 'data-original-value', 'data-excel-value'];

/** The value a hidden attribute holds: Google Sheets writes `{"1":3,"3":137000}` (type 3 number) or `{"1":2,"2":"text"}`. */
export function hiddenValue(raw: string): string | undefined {
	const text = raw.trim();
	if (text.startsWith('{')) {
		try {
			const cell = JSON.parse(text) as Record<string, unknown>;
			const value = cell['3'] ?? cell['2'] ?? cell['4'];
			return value === undefined || value === null ? undefined : String(value);
		} catch {
			return undefined;
		}
	}
	return text === '' ? undefined : text;
}

const squash = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

/** A number as written ("168,000", "$1.5k" is not one), or undefined for text. */
function asNumber(text: string): number | undefined {
	const digits = text.replace(/[$€£¥₹,\s\u00a0]/g, '');
	return /^-?\d+(?:\.\d+)?$/.test(digits) ? Number(digits) : undefined;
}

function differ(hidden: string, visible: string): boolean {
	const a = asNumber(hidden);
	const b = asNumber(visible);
	if (a !== undefined && b !== undefined) return a !== b;
	return squash(hidden).toLowerCase() !== squash(visible).toLowerCase();
}

/** HTML part of a posting file: everything after the front matter. */
function htmlOf(source: string): string {
	return source.replace(/^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/, '');
}

/**
 * Hidden values that disagree with the visible text, read from the raw file:
 * spreadsheet cells pasted into the ATS keep their value in an attribute, and
 * a later edit of the text leaves a stale number behind. The site drops the
 * attribute, but the disagreement means someone is unsure which is right
 * (often the pay range). One warning per disagreeing element.
 */
export function hiddenValueFindings(posting: Posting, source: string | undefined): Finding[] {
	if (source === undefined) return [];
	const $ = loadFragment(htmlOf(source));
	const findings: Finding[] = [];
	const selector = VALUE_ATTRIBUTES.map((name) => `[${name}]`).join(', ');
	select($, selector).each((_, element) => {
		const attribute = VALUE_ATTRIBUTES.find((name) => $(element).attr(name) !== undefined)!;
		const hidden = hiddenValue($(element).attr(attribute) ?? '');
		const visible = squash($(element).text());
		if (hidden === undefined || visible === '' || !differ(hidden, visible)) return;
		const block = $(element).closest('li, p, td, dd, h1, h2, h3, h4, h5, h6');
		const context = squash((block.length > 0 ? block : $(element).parent()).text());
		const isPay = /[$€£¥₹]|\b(?:salary|pay|compensation|USD|EUR|GBP|CAD)\b/i.test(context);
		findings.push({
			rule: 'hidden-value-mismatch',
			severity: 'warning',
			file: posting.file,
			field: isPay ? 'payRanges' : 'body',
			message: `hidden ${attribute} says ${hidden} but the text shows ${visible}, in "${context.length > 120 ? `${context.slice(0, 119)}…` : context}"`,
			fix: `Confirm ${visible} is right; then re-paste the text as plain text in the ATS so the stale ${hidden} goes`,
		});
	});
	return findings;
}

/** Links in the role text (not the shared company text) that are plain http. */
export function insecureLinkFindings(posting: Posting): Finding[] {
	const findings: Finding[] = [];
	for (const section of posting.sections) {
		const $ = loadFragment(section.html);
		select($, 'a[href]').each((_, element) => {
			const href = $(element).attr('href') ?? '';
			if (!/^http:/i.test(href)) return;
			findings.push({
				rule: 'insecure-link',
				severity: 'warning',
				file: posting.file,
				field: `sections.${section.id}`,
				message: `the link "${squash($(element).text())}" goes to ${href}, which is not https`,
				fix: `Link to ${href.replace(/^http:/i, 'https:')} in the ATS if the site serves it, else drop the link`,
			});
		});
	}
	return findings;
}
