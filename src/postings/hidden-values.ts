import type { Document, ParentNode } from 'domhandler';
import type { HiddenValue } from '../schemas/posting.ts';
import { closest, elementsOf, textContent } from './dom.ts';
import { squash } from './text.ts';
import { cleanText } from '../utils/safe-text.ts';

/** Attributes that spreadsheets and rich editors leave on pasted cells, holding the cell's own value. */
const VALUE_ATTRIBUTES = ['data-sheets-value', 'data-value', 'data-raw-value', 'data-original-value', 'data-excel-value'];

/** The block whose words give a hidden value its context. */
const CONTEXT_TAGS = new Set(['li', 'p', 'td', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

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

/** A number as written ("168,000", "$1.5k" is not one), or undefined for text. */
function asNumber(text: string): number | undefined {
	const digits = text.replace(/[$€£¥₹,\s\u00a0]/g, '');
	return /^-?\d+(?:\.\d+)?$/.test(digits) ? Number(digits) : undefined;
}

/** The first of {@link VALUE_ATTRIBUTES} an element has: a plain loop, as it runs for every element of every posting. */
function valueAttribute(attribs: Record<string, string>): string | undefined {
	for (const name of VALUE_ATTRIBUTES) if (attribs[name] !== undefined) return name;
	return undefined;
}

function differ(hidden: string, visible: string): boolean {
	const a = asNumber(hidden);
	const b = asNumber(visible);
	if (a !== undefined && b !== undefined) return a !== b;
	return squash(hidden).toLowerCase() !== squash(visible).toLowerCase();
}

/**
 * Hidden values that disagree with the visible text, read from the raw tree
 * before sanitizing drops the attributes: spreadsheet cells pasted into the
 * ATS keep their value in an attribute, and a later edit of the text leaves a
 * stale number behind. The disagreement means someone is unsure which is
 * right (often the pay range), so the pipeline records it for the review.
 * Hidden elements and company text count too: the whole export is read.
 */
export function hiddenValueMismatches(raw: Document): HiddenValue[] {
	const found: HiddenValue[] = [];
	// Each block's text is read once, however many of its cells disagree: a paragraph of thousands of them was read
	// again for each, and held once for each (a 2 MB posting of them ran out of memory).
	const texts = new Map<ParentNode, string>();
	for (const element of elementsOf(raw)) {
		const attribute = valueAttribute(element.attribs);
		if (attribute === undefined) continue;
		// Read from the raw tree, before the sanitizer drops what no output may carry (`&#xFFFE;`, `&#1;`): dropped here
		// too, as the review page, its JSON and the pull request's comment show these values.
		const given = hiddenValue(element.attribs[attribute] ?? '');
		const hidden = given === undefined ? undefined : cleanText(given) || undefined;
		const visible = cleanText(squash(textContent(element)));
		if (hidden === undefined || visible === '' || !differ(hidden, visible)) continue;
		const block = closest(element, CONTEXT_TAGS) ?? (element.parent?.type === 'root' ? undefined : element.parent);
		let text = block ? texts.get(block) : '';
		if (text === undefined && block) texts.set(block, (text = cleanText(squash(textContent(block)))));
		found.push({ attribute, hidden, visible, context: around(text ?? '', visible) });
	}
	return found;
}

/** How much of a long block is context: the words around the value, as a reviewer reads them. */
const CONTEXT_REACH = 150;

/** The block's text, or in a long block the words around the visible value, marked as cut. */
function around(text: string, visible: string): string {
	if (text.length <= 2 * CONTEXT_REACH + visible.length) return text;
	const at = Math.max(0, text.indexOf(visible));
	const start = Math.max(0, at - CONTEXT_REACH);
	const end = Math.min(text.length, at + visible.length + CONTEXT_REACH);
	return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
