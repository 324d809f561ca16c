import type { PayRange } from '../schemas/posting.ts';
import { findRegion } from './places.ts';
import { squash } from './text.ts';

const SYMBOLS: Record<string, string> = {
	'US$': 'USD', 'CA$': 'CAD', C$: 'CAD', 'A$': 'AUD', 'AU$': 'AUD', 'NZ$': 'NZD', 'S$': 'SGD',
	'€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', 'R$': 'BRL', $: 'USD',
};
const CODES = ['USD', 'CAD', 'EUR', 'GBP', 'AUD', 'NZD', 'SGD', 'CHF', 'JPY', 'INR', 'BRL', 'SEK', 'NOK', 'DKK', 'PLN', 'MXN'];

const CURRENCY = `(?:US\\$|CA\\$|C\\$|AU?\\$|NZ\\$|S\\$|R\\$|[$€£¥₹]|${CODES.join('|')})`;
const AMOUNT = '(\\d{1,3}(?:[,.\\s]\\d{3})+|\\d+(?:\\.\\d+)?)\\s*([kK])?';
/** "$168,000 - $206,000", "USD 120k–150k", "€60.000 to €70.000", "$45 - $55 per hour". */
const RANGE = new RegExp(
	`(${CURRENCY})\\s?${AMOUNT}\\s*(?:-|–|—|to)\\s*(${CURRENCY})?\\s?${AMOUNT}(?:\\s*(${CODES.join('|')})\\b)?`,
	'g',
);

const PERIODS: Array<[RegExp, PayRange['period']]> = [
	[/\b(?:per|an?|\/)\s*hour\b|\bhourly\b|\/\s*hr\b/i, 'HOUR'],
	[/\b(?:per|a|\/)\s*day\b|\bdaily\b/i, 'DAY'],
	[/\b(?:per|a|\/)\s*week\b|\bweekly\b/i, 'WEEK'],
	[/\b(?:per|a|\/)\s*month\b|\bmonthly\b/i, 'MONTH'],
	[/\b(?:per|a|\/)\s*(?:year|annum)\b|\bannual(?:ly)?\b|\byearly\b|\bOTE\b|\bsalary\b/i, 'YEAR'],
];

function toNumber(digits: string, thousands: string | undefined): number {
	// "60.000" and "60,000" are both sixty thousand; "45.50" is forty-five and a half.
	const grouped = /^\d{1,3}(?:[,.\s]\d{3})+$/.test(digits);
	const value = grouped ? Number(digits.replace(/[,.\s]/g, '')) : Number(digits);
	return thousands ? value * 1000 : value;
}

function currencyOf(token: string | undefined, code: string | undefined, appliesTo: string | undefined): string {
	if (code) return code;
	if (!token) return 'USD';
	const upper = token.toUpperCase();
	if (CODES.includes(upper)) return upper;
	const currency = SYMBOLS[token] ?? 'USD';
	// A bare "$" in a Canadian or Australian posting is that country's dollar.
	if (token === '$' && appliesTo) {
		const region = findRegion(appliesTo.replace(/-based.*$/i, ''));
		if (region?.country === 'CA') return 'CAD';
		if (region?.country === 'AU') return 'AUD';
		if (/\bcanada\b/i.test(appliesTo)) return 'CAD';
	}
	return currency;
}

/** "For Colorado-based hires: …" -> "Colorado"; "New York City: …" -> "New York City". */
function appliesToOf(sentence: string, rangeStart: number): string | undefined {
	const before = sentence.slice(0, rangeStart);
	const based = /\b(?:for|in)\s+(?:the\s+)?([A-Z][\w .'’-]*?)(?:\s*-\s*|\s+)based\b/i.exec(before);
	if (based) return based[1]!.trim();
	const hires = /\bfor\s+(?:hires|candidates|roles|employees)\s+(?:in|based in|located in)\s+([A-Z][\w .,'’-]*?)\s*[:,]/.exec(before);
	if (hires) return hires[1]!.trim();
	const label = /^\s*([A-Z][\w .,'’()-]{1,60}?)\s*:/.exec(before);
	if (label && !/salary|pay|compensation|range/i.test(label[1]!)) return label[1]!.trim();
	return undefined;
}

/**
 * Finds pay ranges in the visible text of a posting.
 *
 * Works on plain text taken from sanitized HTML, so values that an ATS keeps
 * in attributes (spreadsheet `data-sheets-value` blobs) can never be read.
 *
 * @param blocks the text of each paragraph or list item, one entry per block
 * @example
 * extractPayRanges(['For Colorado-based hires: Estimated annual salary of $168,000 - $206,000.'])
 * // => [{ appliesTo: 'Colorado', min: 168000, max: 206000, currency: 'USD', period: 'YEAR', text: '…' }]
 */
export function extractPayRanges(blocks: readonly string[]): PayRange[] {
	const ranges: PayRange[] = [];
	for (const block of blocks) {
		const text = squash(block);
		for (const match of text.matchAll(RANGE)) {
			const [, cur1, min, minK, cur2, max, maxK, code] = match;
			const appliesTo = appliesToOf(text, match.index);
			const period = PERIODS.find(([pattern]) => pattern.test(text))?.[1];
			const low = toNumber(min!, minK ?? maxK);
			const high = toNumber(max!, maxK);
			// A range under 1,000 with no stated period is an hourly rate, not a salary.
			const resolvedPeriod = period ?? (high < 1000 ? 'HOUR' : 'YEAR');
			ranges.push({
				...(appliesTo ? { appliesTo } : {}),
				min: low,
				max: high,
				currency: currencyOf(cur1 ?? cur2, code, appliesTo),
				period: resolvedPeriod,
				text,
			});
		}
	}
	return ranges;
}
