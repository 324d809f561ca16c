/**
 * Pay that a Greenhouse board keeps in custom fields (`metadata`) instead of
 * the pay-transparency ranges of the job's own endpoint. Boards do it in
 * several shapes, each seen on real boards:
 *
 * - a currency range: `{ name: "Pay Transparency Range", value_type: "currency_range",
 *   value: { unit: "USD", min_value: "172800.0", max_value: "297000.0" } }`;
 * - two currency fields: "Base Salary Band Minimum" / "… Maximum", `{ unit, amount }`;
 * - two text fields: "Min salary": "100,000" / "Max salary": "120,000";
 * - one text field: "Salary Range": "$170,000 - $210,000".
 *
 * Only fields named for pay count (a "Maximum Budget" is not pay), and a
 * figure without a currency is read as dollars only for a role placed in the
 * United States alone; anything else it cannot read is noted, never guessed.
 */
import type { AtsFields } from '../shared/types.ts';
import type { GreenhouseJob } from './schema.ts';
import { extractPayRanges } from '../../postings/compensation.ts';
import { findCountry } from '../../postings/places.ts';
import { squash } from '../../postings/text.ts';

type PayRange = NonNullable<AtsFields['payRanges']>[number];
type Period = PayRange['period'];
type Metadata = NonNullable<GreenhouseJob['metadata']>[number];

/** Field names that state pay. */
const PAY_NAME = /\b(?:pay|salary|salaries|compensation|wages?|hiring range|base range|(?:job )?post(?:ing|ed)? range)\b/i;
/** Pay-like names that are not an amount of a candidate's pay. */
const NOT_PAY_NAME = /\b(?:budget(?:ed)?|bonus|variable|equity|commission|relocation|sign[\s-]?on|frequency|period|basis|interval|unit|currency|type|grade|level|band name)\b/i;
/** The field saying how often the pay is counted: "Pay Frequency: Annual", "Salary Type: Hourly". */
const PERIOD_NAME = /^(?:pay|salary|compensation|wage)[\s_-]*(?:frequency|period|basis|interval|unit|type)$/i;
const CURRENCY_NAME = /^(?:pay|salary|compensation)?[\s_-]*currency$/i;
const MIN_WORD = /\b(?:min|minimum)\b/i;
const MAX_WORD = /\b(?:max|maximum)\b/i;

const PERIODS: ReadonlyArray<[RegExp, Period]> = [
	[/hour/i, 'HOUR'],
	[/\bday|daily/i, 'DAY'],
	[/week/i, 'WEEK'],
	[/month/i, 'MONTH'],
	[/year|annual|salar/i, 'YEAR'],
];

/** A field's value as text, when it is text or a number. */
function textOf(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') return squash(value);
	return undefined;
}

/** A field's value when it is an object (a currency or currency range field). */
function objectOf(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * An amount as a board writes it in a field: "100,000", "172800.0", "95.000",
 * "120k", "$85,000", 150000. Undefined for anything else.
 */
export function amountOf(value: unknown): number | undefined {
	const text = textOf(value)?.replace(/^\D*?(?=\d)/, '').replace(/\s+/g, '');
	if (!text) return undefined;
	const thousands = /^(\d+(?:\.\d+)?)k$/i.exec(text);
	if (thousands) return Math.round(Number(thousands[1]) * 1000);
	if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
	if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
	if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
	return undefined;
}

/**
 * An amount from a currency, currency range or number field, which Greenhouse
 * keeps as a plain decimal ("172800.0", and Flatiron Health's hourly
 * "44.953"): never read with a thousands separator, as "95.000" in a text
 * field is.
 */
function decimalOf(value: unknown): number | undefined {
	if (typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(value)) return Number(value);
	return amountOf(value);
}

/** An ISO 4217 code, when the field gives one. */
function codeOf(value: unknown): string | undefined {
	const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
	return /^[A-Z]{3}$/.test(code) ? code : undefined;
}

/** What the name says the range applies to: "USA: Pay Transparency Range" -> "USA"; "Job Post Range (Canada)" -> "Canada". */
function appliesToOf(name: string): string | undefined {
	const prefix = /^([^:]{2,40}):/.exec(name)?.[1]?.trim();
	if (prefix && !PAY_NAME.test(prefix)) return prefix;
	// A country in brackets after the name, not other words there ("Salary Range (for external job posting)").
	const bracketed = /\(([^()]{2,40})\)\s*$/.exec(name)?.[1]?.trim();
	return bracketed && findCountry(bracketed) ? bracketed : undefined;
}

/** A range with both ends at least one unit and in order, else undefined: 0–0 and a cent (MongoDB's "0.01") are placeholders. */
function range(min: number | undefined, max: number | undefined, currency: string, period: Period | undefined, appliesTo: string | undefined): PayRange | undefined {
	if (min === undefined || max === undefined || min < 1 || max < min) return undefined;
	// A figure under 1,000 with no stated period is an hourly rate, as in the text.
	return { ...(appliesTo ? { appliesTo } : {}), min, max, currency, period: period ?? (max < 1000 ? 'HOUR' : 'YEAR') };
}

/** One end of a range kept in a field of its own ("Min salary", "Base Salary Band Maximum"), until its other end is read. */
interface Ends {
	/** The name without its end word: "salary", "Base Salary Band". */
	name: string;
	min?: number;
	max?: number;
	currency?: string;
}

/**
 * The pay ranges a job's custom fields state.
 *
 * @param countries the countries of the job's places: a figure with no currency is dollars only when that is `["US"]`
 * @param notes where what could not be read is said
 */
export function metadataPayRanges(metadata: readonly Metadata[], countries: readonly string[], notes: string[]): PayRange[] {
	const named = metadata.flatMap((field) => {
		const name = squash(field.name ?? '');
		return name === '' || field.value === null || field.value === undefined ? [] : [{ name, value: field.value, typed: field.value_type === 'number' }];
	});
	const periodText = named.find(({ name }) => PERIOD_NAME.test(name))?.value;
	const period = typeof periodText === 'string' ? PERIODS.find(([pattern]) => pattern.test(periodText))?.[1] : undefined;
	const usOnly = countries.length > 0 && countries.every((country) => country === 'US');
	const fallback = codeOf(named.find(({ name }) => CURRENCY_NAME.test(name))?.value) ?? (usOnly ? 'USD' : undefined);

	const ranges: PayRange[] = [];
	const ends = new Map<string, Ends>();
	for (const { name, value, typed } of named) {
		// A range field whose text states pay under a name that does not: Riot's "Location Range 1": "(Los Angeles Only)
		// Base salary range between $224,800.00 - $337,700.00 USD + …".
		const statesPay = /\brange\b/i.test(name) && typeof value === 'string' && PAY_NAME.test(value);
		if (!statesPay && (!PAY_NAME.test(name) || NOT_PAY_NAME.test(name.replace(/^[^:]*:/, '')))) continue;
		const object = objectOf(value);
		if (object && ('min_value' in object || 'max_value' in object)) {
			const [min, max] = [decimalOf(object.min_value), decimalOf(object.max_value)];
			// 0–0 is a field nobody filled (MongoDB's, Aetion's, Riskified's), and so is a cent at both ends (MongoDB's
			// "0.01", 24 roles): nothing to publish, nothing to say.
			if (min !== undefined && max !== undefined && max < 1) continue;
			const currency = codeOf(object.unit) ?? fallback;
			const found = currency ? range(min, max, currency, period, appliesToOf(name)) : undefined;
			if (found) ranges.push(found);
			else notes.push(`"${name}": not a pay range we can read${currency ? '' : ' (no currency)'}; left out`);
			continue;
		}
		const amount = object ? decimalOf(object.amount) : typed ? decimalOf(value) : amountOf(value);
		// An amount of 0 is a field nobody filled (Okta's "Minimum Salary": "0.0").
		if (amount === 0) continue;
		const isMin = MIN_WORD.test(name);
		if (amount !== undefined && isMin !== MAX_WORD.test(name)) {
			// One end of a range: "Min salary" pairs with "Max salary", by the name without its end word.
			const rest = name.replace(MIN_WORD, '').replace(MAX_WORD, '').replace(/\s+/g, ' ').trim();
			const end = ends.get(rest.toLowerCase()) ?? { name: rest };
			end[isMin ? 'min' : 'max'] = amount;
			const unit = codeOf(object?.unit);
			if (unit) end.currency = unit;
			ends.set(rest.toLowerCase(), end);
			continue;
		}
		const text = textOf(value);
		if (!text) continue;
		// Written out whole ("$170,000 - $210,000"): read as the posting's own text is. "(Seoul Only) Base salary range…"
		// says where it applies.
		const only = /^\(\s*([^()]{2,40}?)\s+only\s*\)/i.exec(text)?.[1];
		const stated = extractPayRanges([`${name}: ${text}`]).map(({ text: _text, ...found }) => ({ ...found, ...(period ? { period } : {}), ...(only && !found.appliesTo ? { appliesTo: only } : {}) }));
		if (stated.length > 0) ranges.push(...stated);
		else notes.push(`"${name}: ${text}": not a pay range we can read; left out`);
	}
	const whole = ranges.length;
	for (const end of ends.values()) {
		const currency = end.currency ?? fallback;
		const found = currency ? range(end.min, end.max, currency, period, appliesToOf(end.name)) : undefined;
		if (found) ranges.push(found);
		// A lone end beside a whole range ("Base Salary Band Minimum" next to "Pay Transparency Range") says nothing more.
		else if (whole === 0) notes.push(`"${end.name}" minimum and maximum: not a pay range we can read${currency ? '' : ' (no currency, and the role is not in the US alone)'}; left out`);
	}
	// A board may state one range twice: as a currency range and as its two ends.
	const seen = new Set<string>();
	return ranges.filter((found) => {
		const key = JSON.stringify([found.appliesTo, found.min, found.max, found.currency, found.period]);
		return !seen.has(key) && Boolean(seen.add(key));
	});
}
