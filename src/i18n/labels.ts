/**
 * The site's words in its language: the built-in translations of the labels
 * in src/i18n/en.ts, a site's own (`labels` in site.yaml) over them, and the
 * two helpers every page, feed and the listing's script fill them with.
 * Plain data and plain functions: the filter script runs them in the browser.
 */
// Types only: the listing's script bundles these helpers, and must not bundle a language with them.
import type { en } from './en.ts';

/** A phrase with a count in it: the form for one and for any other number. */
export interface Counted {
	one: string;
	other: string;
}

/** Every label of the site (src/i18n/en.ts has them, with what each says). */
export type Labels = {
	[Key in keyof typeof en]: (typeof en)[Key] extends Counted ? Counted : (typeof en)[Key];
};

/** What the listing's script needs to draw rows and counts as the page drew them: a few labels, sent in the page. */
export const ROW_LABELS = [
	'zeroIsSingular',
	'digitGroup',
	'openRolesCount',
	'matchCount',
	'chosenCount',
	'facetRoles',
	'locationNotSpecified',
	'orRemote',
	'remote',
	'postedToday',
	'postedYesterday',
	'postedDaysAgo',
] as const satisfies readonly (keyof Labels)[];

/** The labels the listing's script draws with. */
export type RowLabels = Pick<Labels, (typeof ROW_LABELS)[number]>;

/** The names of the `{values}` a label fills in: "{count} open roles at {company}" → count, company. */
export function valuesOf(template: string): string[] {
	return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

/**
 * A label with its values filled in: each `{name}` replaced, the rest as written.
 * @example fill('Roles in {place}', { place: 'Lisbon, Portugal' }) // 'Roles in Lisbon, Portugal'
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * A whole number with the language's separator between groups of three digits ("10,000", "10.000").
 * Written out rather than `toLocaleString`: in the browser the first call loads
 * ICU's number formatting, about 50 ms of main thread on a phone, spent just to
 * print a count.
 */
export function groupDigits(n: number, labels: Pick<Labels, 'digitGroup'>): string {
	return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, labels.digitGroup);
}

/**
 * A phrase with a count, in the form the count takes, the count written with its digit groups.
 * @example counted(en.openRolesCount, 10000, en) // '10,000 open roles'
 */
export function counted(phrase: Counted, n: number, labels: Pick<Labels, 'digitGroup' | 'zeroIsSingular'>, values: Readonly<Record<string, string | number>> = {}): string {
	const singular = n === 1 || (n === 0 && labels.zeroIsSingular);
	return fill(singular ? phrase.one : phrase.other, { ...values, count: groupDigits(n, labels) });
}

/**
 * A label split where one value goes, for a page that puts an element there
 * (a `<time>`, a `<bdi>`): the text before it and after it.
 * @example around('Apply for {title}', 'title') // ['Apply for ', '']
 */
export function around(template: string, name: string): [string, string] {
	const at = template.indexOf(`{${name}}`);
	return at === -1 ? [template, ''] : [template.slice(0, at), template.slice(at + name.length + 2)];
}
