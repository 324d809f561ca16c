import type { PayRange } from '../schemas/posting.ts';
import { findRegion } from './places.ts';
import { squash } from './text.ts';

const SYMBOLS: Record<string, string> = {
	'US$': 'USD', 'CA$': 'CAD', C$: 'CAD', 'A$': 'AUD', 'AU$': 'AUD', 'NZ$': 'NZD', 'S$': 'SGD', 'HK$': 'HKD', 'MX$': 'MXN',
	'€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', '₪': 'ILS', 'R$': 'BRL', R: 'ZAR', 'zł': 'PLN', $: 'USD',
};
const CODES = [
	'USD', 'CAD', 'EUR', 'GBP', 'AUD', 'NZD', 'SGD', 'HKD', 'CHF', 'JPY', 'CNY', 'KRW', 'INR', 'BRL', 'MXN', 'ZAR',
	'SEK', 'NOK', 'DKK', 'ISK', 'PLN', 'CZK', 'HUF', 'RON', 'ILS', 'AED', 'SAR', 'TRY', 'PHP', 'IDR', 'MYR', 'THB',
];
const CODE = `(?:${CODES.join('|')})\\b`;

/** A currency written before the amount: "$", "CA$", "€", "CHF", "R" (rand, only right before digits). */
const BEFORE = `(?:US\\$|CA\\$|C\\$|AU?\\$|NZ\\$|S\\$|HK\\$|MX\\$|R\\$|[$€£¥₹₩₪]|${CODE}|(?<![\\p{L}\\d])R(?=\\s?\\d))`;
/** A currency written after the amount: "60.000 €", "45 000 kr", "3,850 USD". */
const AFTER = `(?:[€£]|kr\\b\\.?|zł|CHF\\b|${CODE})`;
/** Digits with thousands grouped by comma, dot, space or apostrophe, optional cents, and an optional k/M/B multiplier. */
const NUMBER = `(\\d{1,3}(?:[,.\\s'’]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)(?:\\s?(k|K|m|M|mn|million|B|bn|billion)\\b)?`;
/** A number with the currency, if any, on either side (groups: currency before, digits, multiplier, currency after). */
const AMOUNT_PATTERN = new RegExp(`(?:(${BEFORE})\\s?)?(?<![\\d.,])${NUMBER}(?:\\s?(${AFTER}))?`, 'gu');

/** A number as written in one sentence, with its offsets. */
interface Amount {
	value: number;
	/** The multiplier written with it ("k"), which a range's low end may share ("120-150k"). */
	multiplier?: string;
	/** An ISO code, or a symbol ("$", "kr") for {@link currencyOf} to resolve; undefined for a bare number. */
	currency?: string;
	start: number;
	end: number;
}

function amountsIn(text: string): Amount[] {
	// Every amount has a digit, and most paragraphs have none: the pattern tries its currencies at every character.
	if (!/\d/.test(text)) return [];
	return [...text.matchAll(AMOUNT_PATTERN)].map((match) => {
		const [, before, digits, multiplier, after] = match;
		// A code says more than a symbol: "$153,547 USD" is US dollars wherever the role is.
		const currency = after && CODES.includes(after.toUpperCase()) ? after : (before ?? after);
		return {
			value: toNumber(digits!, multiplier),
			...(multiplier ? { multiplier } : {}),
			...(currency ? { currency } : {}),
			start: match.index,
			end: match.index + match[0].length,
		};
	});
}

/**
 * "60.000" and "60,000" are sixty thousand; "45.50" and "45,50" are forty-five
 * and a half; "140,000.00" is 140,000; "1.2" with an M is 1.2 million.
 */
function toNumber(digits: string, multiplier: string | undefined): number {
	const decimal = /[.,](\d{1,2})$/.exec(digits);
	const whole = decimal ? digits.slice(0, decimal.index) : digits;
	const value = Number(whole.replace(/[,.\s'’]/g, '')) + (decimal ? Number(`0.${decimal[1]}`) : 0);
	const scale = !multiplier ? 1 : /^k$/i.test(multiplier) ? 1e3 : /^(?:m|M|mn|million)$/.test(multiplier) ? 1e6 : 1e9;
	return Math.round(value * scale * 100) / 100;
}

/**
 * Words between two amounts that make them one range: "$45 - $55", "60.000 bis 70.000 €", "de 8.000 a 12.000",
 * and, after "between" ("zwischen", "entre", "tra", "tussen", "pomiędzy"), "and" ("und", "et", "e", "y", "en", "i").
 */
const JOINER = /^\s*(?:-|–|—|to|and|bis|à|a|até|tot|al|y|und|et|e|en|i|do)\s*$/i;
const AND = /^\s*(?:and|y|und|et|e|en|i)\s*$/i;
const BETWEEN = /(?:^|[^\p{L}])(?:between|entre|zwischen|tra|fra|tussen|pomi[eę]dzy|mi[eę]dzy)\s+\S*\s*$/iu;

/** A low–high pair, or a single figure (min = max), with the currency one of its ends names. */
interface Stated {
	min: Amount;
	max: Amount;
	currency: string;
}

/**
 * Pairs numbers joined as a range ("$45 - 55", "60.000 bis 70.000 €",
 * "between $115,000 and $130,000"); every other number with a currency is a
 * single figure. Numbers with no currency at either end are not money.
 */
function pairUp(text: string, amounts: readonly Amount[]): Stated[] {
	const stated: Stated[] = [];
	for (let index = 0; index < amounts.length; index += 1) {
		let low = amounts[index]!;
		const high = amounts[index + 1];
		const joiner = high ? text.slice(low.end, high.start) : '';
		const joined =
			high !== undefined &&
			JOINER.test(joiner) &&
			(!AND.test(joiner) || BETWEEN.test(text.slice(0, low.start))) &&
			(low.currency === undefined || high.currency === undefined || low.currency === high.currency || [low.currency, high.currency].some((token) => CODES.includes(token.toUpperCase())));
		if (high && joined) {
			// "120-150k": the low end shares the high end's multiplier.
			if (!low.multiplier && high.multiplier) low = { ...low, value: toNumber(text.slice(low.start, low.end).replace(/^\D+/, ''), high.multiplier) };
			const currency = [high.currency, low.currency].find((token) => token && CODES.includes(token.toUpperCase())) ?? low.currency ?? high.currency;
			if (currency) stated.push({ min: low, max: high, currency });
			index += 1;
		} else if (low.currency) {
			stated.push({ min: low, max: low, currency: low.currency });
		}
	}
	return stated;
}

const PERIODS: Array<[RegExp, PayRange['period']]> = [
	[/\b(?:per|an?|\/)\s*(?:hour|hr)\b|\bhourly\b|\/\s*h\b|\b(?:pro|je)\s+stunde\b|\/\s*std\b|\bstundenlohn\b|\bpar heure\b|\bhoraire\b|\bpor hora\b|\bper uur\b|\ball'ora\b|\bna godzin[eę]\b|\bza godzin[eę]\b/i, 'HOUR'],
	[/\b(?:per|a|\/)\s*day\b|\bdaily\b|\bday\s+rate\b|\bpro tag\b|\bpar jour\b|\bpor d[ií]a\b|\bper dag\b|\bal giorno\b/i, 'DAY'],
	[/\b(?:per|a|\/)\s*(?:week|wk)\b|\bweekly\b|\bpro woche\b|\bpar semaine\b|\bpor semana\b|\bper week\b/i, 'WEEK'],
	[/\b(?:per|a|\/)\s*(?:month|mo)\b|\bmonthly\b|\bpro monat\b|\/\s*monat\b|\bmonatlich\b|\bpar mois\b|\bmensuel(?:le)?\b|\b(?:al|por) mes\b|\bmensual\b|\bpor m[eê]s\b|\bmensal\b|\bper maand\b|\bal mese\b|\bmensile\b|\bper m[åa]n(?:ad|ed)\b|\bmiesi[eę]cznie\b|\bna miesi[aą]c\b|\/\s*mies\b|\/\s*mois\b|\/\s*mes\b/i, 'MONTH'],
	[
		/\b(?:per|a|\/)\s*(?:year|yr|annum)\b|\bannual(?:ly|i[sz]ed)?\b|\byearly\b|\bp\.\s?a\b|\bOTE\b|\bsalary\b|\bpro jahr\b|\bj[äa]hrlich\b|\bpar an\b|\bannuel(?:le)?\b|\b(?:al|por) a[ñn]o\b|\banual\b|\bpor ano\b|\bper jaar\b|\ball'anno\b|\bannuo\b|\bRAL\b|\/\s*jahr\b|\/\s*an\b|\/\s*a[ñn]o\b|\brocznie\b|\bna rok\b/i,
		'YEAR',
	],
];

/** {@link PERIODS} as global patterns, for every mention: compiled once, not per amount. */
const PERIODS_ALL = PERIODS.map(([pattern, period]) => [new RegExp(pattern.source, 'gi'), period] as const);

/** Where the sentence holding a stated amount starts and ends: a period elsewhere in the paragraph is not its period. */
function sentenceOf(text: string, stated: Stated): { from: number; to: number } {
	const breaks = [...text.matchAll(/[.!?](?=\s|$)/g)].map((match) => match.index + 1);
	const from = breaks.filter((at) => at <= stated.min.start).at(-1) ?? 0;
	const to = breaks.find((at) => at > stated.max.end) ?? text.length;
	return { from, to };
}

/**
 * The period of a stated amount: the first period named after it (before the
 * next amount), else the last one named before it, else any in its sentence.
 */
function periodOf(text: string, stated: Stated, next: Stated | undefined, previous: Stated | undefined): PayRange['period'] | undefined {
	const { from, to } = sentenceOf(text, stated);
	const find = (start: number, end: number, last = false) => {
		const slice = text.slice(start, end);
		let best: { at: number; period: PayRange['period'] } | undefined;
		for (const [pattern, period] of PERIODS_ALL) {
			const all = [...slice.matchAll(pattern)];
			const hit = last ? all.at(-1) : all[0];
			if (hit && (!best || (last ? hit.index > best.at : hit.index < best.at))) best = { at: hit.index, period };
		}
		return best?.period;
	};
	return (
		find(stated.max.end, Math.min(next?.min.start ?? to, to)) ??
		find(Math.max(previous?.max.end ?? from, from), stated.min.start, true) ??
		find(from, to)
	);
}

/** Words that make an amount something other than this role's pay, right before it… */
const NOT_PAY_BEFORE = /\b(?:raised|funding|fund(?:ed)?|series\s+[a-h]|valuation|revenue|ARR|invest\w*|capital|fertility|HRA|HSA|FSA|coverage|reimburse\w*|budget|allowance|subsidy|(?:learning|education|wellness|home office|remote work|internet|phone|gym|fitness|commuter|housing|meal|lunch|travel|relocation|equipment|development|childcare)\s+(?:stipend|allowance|budget)|sign[\s-]?on|referral|bonus(?:es)?\s+of|over|more than)\W*(?:\w+\W+){0,3}$/i;
/** …or right after it, in the same clause. */
const NOT_PAY_AFTER = /^\W*(?:\w+\W+){0,3}?(?:(?:variable|incentive)\s+(?:pay|compensation)|stipend|allowance|budget|subsidy|reimbursement|credit|grant|bonus|in\s+funding|raised|valuation|revenue|ARR|in\s+(?:\w+\s+)?spend|payouts|transactions|in\s+sales|capital|investment|series\s+[a-h]|lifetime|of\s+capital)\b/i;
/** A sentence that speaks of pay, so a lone figure in it can be the role's pay. */
const PAY_WORDS =
	/\b(?:salary|salaries|pay|compensation|wages?|rate|stipend|earn(?:ings)?|OTE|gehalt|verg[üu]tung|lohn|salaire|r[ée]mun[ée]ration|salario|sueldo|remuneraci[óo]n|sal[áa]rio|remunera[çc][ãa]o|salaris|loon|retribuzione|stipendio|RAL|l[öø]nn?|l[øo]n|wynagrodzeni[ea]|pensja|stawka|zarobki)(?![\p{L}])/iu;

/** Whether an amount is something other than pay: funding, a perk's budget, a lifetime cap, a placeholder. */
function isNotPay(text: string, stated: Stated): boolean {
	const { from, to } = sentenceOf(text, stated);
	// The clause the amount stands in: up to the previous and next sentence break, "+" or ";".
	const before = text.slice(0, stated.min.start).split(/[.;!?](?:\s|$)|[;+]/).at(-1) ?? '';
	const after = text.slice(stated.max.end).split(/[.;!?](?:\s|$)|[;+(]/)[0] ?? '';
	if (NOT_PAY_BEFORE.test(before) || NOT_PAY_AFTER.test(after)) return true;
	// Anything after a "+" in its sentence is on top of the pay: "$114,000-$136,000 base salary + up to $20,000 in variable compensation".
	// A "+" standing alone, not the one of "C++" or "$150k+".
	if (/(?:^|\s)\+(?:\s|$)/.test(text.slice(from, stated.min.start))) return true;
	// A single figure needs a sentence about pay, or a period of its own ("$34.62/hour").
	if (stated.min === stated.max && !PAY_WORDS.test(text.slice(from, to)) && !PERIODS.some(([pattern]) => pattern.test(after.slice(0, 20)))) return true;
	return false;
}

function currencyOf(token: string, appliesTo: string | undefined): string {
	const upper = token.toUpperCase();
	if (CODES.includes(upper)) return upper;
	if (/^kr\.?$/i.test(token)) {
		// "kr" is the krona and both kroner: the place tells which.
		const country = appliesTo ? findRegion(appliesTo)?.country : undefined;
		return country === 'NO' || /\bnorw/i.test(appliesTo ?? '') ? 'NOK' : country === 'DK' || /\bdenmark\b/i.test(appliesTo ?? '') ? 'DKK' : 'SEK';
	}
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

/**
 * Where or to whom a range applies, from the words before it: "For
 * Colorado-based hires: …" -> "Colorado"; "New York City: …"; "based in San
 * Francisco"; "For candidates located in the UK, …"; "The United States base
 * range …"; "Level 2: …".
 */
function appliesToOf(before: string): string | undefined {
	const based = /\b(?:for|in)\s+(?:the\s+)?([A-Z][\w .'’-]*?)(?:\s*-\s*|\s+)based\b/i.exec(before);
	if (based) return based[1]!.trim();
	const hires = /\b[Ff]or\s+(?:hires|candidates|roles|employees)\s+(?:in|based in|located in)\s+(?:the\s+)?([A-Z][\w .,'’-]*?)\s*[:,]/.exec(before);
	if (hires) return hires[1]!.trim();
	const basedIn = /\bbased\s+in\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)/.exec(before);
	if (basedIn) return basedIn[1]!.trim();
	const titled = /^\s*(?:the\s+)?((?:[A-Z][\w.'’-]*\s+)+?)(?:base\s+|salary\s+|pay\s+|compensation\s+)+range\b/i.exec(before);
	if (titled && /^[A-Z]/.test(titled[1]!) && !/^(?:the|annual|base|salary|pay|estimated|expected)\s/i.test(titled[1]!)) return titled[1]!.trim();
	const label = /^\s*([A-Z][\w .,'’()-]{1,60}?)\s*:/.exec(before);
	if (label && !PAY_WORDS.test(label[1]!) && !/range|rate|base|pay/i.test(label[1]!)) return label[1]!.trim();
	return undefined;
}

/**
 * Finds pay in the visible text of a posting: ranges ("$140,000.00 -
 * $160,000.00", "€60.000 bis 70.000 €", "between $115,000 and $130,000") and
 * single figures, which become a range with min = max ("$34.62/hour",
 * "€1,500 per month", "3,850 USD / 2,310 GBP per week"). Funding, perks,
 * caps and placeholders (a 0–0 range) are not pay.
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
	const seen = new Set<string>();
	for (const block of blocks) {
		const text = squash(block);
		const stated = pairUp(text, amountsIn(text));
		const whole = appliesToOf(text.slice(0, stated[0]?.min.start ?? 0));
		stated.forEach((item, index) => {
			const previous = stated[index - 1];
			if (item.max.value === 0 || isNotPay(text, item)) return;
			// The words since the previous amount name this one's place ("…; Level 2: $X"), else the sentence's opening does.
			const appliesTo = (previous ? appliesToOf(text.slice(previous.max.end).replace(/^[\s\W]*?(?:[;|/]|\band\b)\s*/, '').slice(0, item.min.start - previous.max.end)) : undefined) ?? whole;
			const period = periodOf(text, item, stated[index + 1], previous);
			const range: PayRange = {
				...(appliesTo ? { appliesTo } : {}),
				min: item.min.value,
				max: item.max.value,
				currency: currencyOf(item.currency, appliesTo),
				// A figure under 1,000 with no stated period is an hourly rate, not a salary.
				period: period ?? (item.max.value < 1000 ? 'HOUR' : 'YEAR'),
				text,
			};
			const key = JSON.stringify([range.appliesTo, range.min, range.max, range.currency, range.period]);
			if (seen.has(key)) return;
			seen.add(key);
			ranges.push(range);
		});
	}
	return ranges;
}
