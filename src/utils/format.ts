import type { PayRange } from '../schemas/posting.ts';
import { remembered } from './remembered.ts';
import { fill, type Labels } from '../i18n/labels.ts';
import { en } from '../i18n/en.ts';

const PER_PERIOD = { HOUR: 'payPerHour', DAY: 'payPerDay', WEEK: 'payPerWeek', MONTH: 'payPerMonth', YEAR: 'payPerYear' } as const satisfies Record<PayRange['period'], keyof Labels>;

/** The labels a pay range is written with. */
export type PayLabels = Pick<Labels, (typeof PER_PERIOD)[PayRange['period']] | 'payRange' | 'payUpTo' | 'payFrom'>;

/**
 * Intl formatters by their options, made once: making one costs about as much
 * as formatting a hundred values, and every listing, feed and JSON file
 * formats the same currencies and dates again.
 */
const moneyFormats = remembered<Intl.NumberFormat>();
const dateFormats = remembered<Intl.DateTimeFormat>();

const money = (locale: string, currency: string, fractionDigits: number) =>
	moneyFormats(`${locale}|${currency}|${fractionDigits}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: fractionDigits }));

const longDate = (locale: string) => dateFormats(locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }));

/**
 * A pay range as a candidate reads it: a range, one figure, or one figure as
 * the ceiling or floor the posting states.
 * @example formatPay({ min: 168000, max: 206000, currency: 'USD', period: 'YEAR', … }) // '$168,000 – $206,000 per year'
 * @example formatPay({ min: 38000, max: 38000, currency: 'GBP', period: 'YEAR', bound: 'upTo', … }) // 'Up to £38,000 per year'
 */
export function formatPay(range: PayRange, locale = 'en-US', labels: PayLabels = en): string {
	const format = money(locale, range.currency, range.max < 1000 ? 2 : 0);
	const amount =
		range.bound === 'upTo'
			? fill(labels.payUpTo, { amount: format.format(range.max) })
			: range.bound === 'from'
				? fill(labels.payFrom, { amount: format.format(range.min) })
				: range.min === range.max
					? format.format(range.min)
					: fill(labels.payRange, { min: format.format(range.min), max: format.format(range.max) });
	return fill(labels[PER_PERIOD[range.period]], { amount });
}

/** The locale amounts are written in on a site in this language: en-US's for any English ("$", "£", "€"), else the site's. */
export function moneyLocale(lang: string): string {
	return /^en\b/i.test(lang) ? 'en-US' : lang;
}

/** Red, green and blue (0–255) of a hex colour, `#rgb` or `#rrggbb`. */
export function hexChannels(hex: string): [number, number, number] {
	const value = hex.replace('#', '');
	const full = value.length === 3 ? [...value].map((c) => c + c).join('') : value;
	return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance(hex: string): number {
	const [r, g, b] = hexChannels(hex).map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two hex colours. */
export function contrast(a: string, b: string): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever reads better on the brand colour, so any brand colour gives an accessible button. */
export function textOn(background: string): string {
	return contrast(background, '#ffffff') >= contrast(background, '#111111') ? '#ffffff' : '#111111';
}

/**
 * A calendar day as a candidate reads it, in the site's language.
 * @example formatDate('2026-03-01', 'en') // 'March 1, 2026'
 */
export function formatDate(day: string, locale = 'en'): string {
	// UTC: the day written in the posting, whatever the build machine's time zone.
	return longDate(locale).format(new Date(`${day}T00:00:00Z`));
}
