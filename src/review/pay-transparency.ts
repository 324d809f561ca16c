import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Location, PayRange, Posting } from '../schemas/posting.ts';
import { payTransparencyTableSchema, type PayTransparencyRow, type Requirement } from '../schemas/pay-transparency.ts';
import type { Finding, Severity } from '../schemas/review.ts';
import { formatPay } from '../utils/format.ts';

/** The table's place in the project, for messages and for callers without `import.meta.url` (bundled pages). */
export const PAY_TRANSPARENCY_FILE = 'src/review/data/pay-transparency.yaml';

/**
 * Parses and validates the pay-transparency table.
 * @throws {Error} naming the row and field at fault
 */
export function parsePayTransparencyTable(text: string): PayTransparencyRow[] {
	const result = payTransparencyTableSchema.safeParse(parse(text));
	if (!result.success) {
		const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
		throw new Error(`${PAY_TRANSPARENCY_FILE}: ${issues.join('; ')}`);
	}
	return result.data;
}

/**
 * Reads the pay-transparency table shipped with the project.
 * Next to this module when run from source; from the project root when bundled.
 */
export function readPayTransparencyTable(root: string = process.cwd()): PayTransparencyRow[] {
	const beside = fileURLToPath(new URL('./data/pay-transparency.yaml', import.meta.url));
	const file = existsSync(beside) ? beside : resolve(root, PAY_TRANSPARENCY_FILE);
	return parsePayTransparencyTable(readFileSync(file, 'utf8'));
}

const norm = (text: string) =>
	text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();

/** Whether `name` appears as whole words in `text`. */
function mentions(text: string, name: string): boolean {
	return ` ${norm(text)} `.includes(` ${norm(name)} `);
}

/** How a location falls under a row: based there, or remote anywhere in the row's country. */
export type Reach = 'there' | 'remote-country';

/** Whether a location is in a row's jurisdiction, matched on the structured location only. */
export function reach(row: PayTransparencyRow, location: Location): Reach | undefined {
	// An area ("Remote, North America"): the role could be done in any member country; Worldwide anywhere.
	if (location.kind === 'area') {
		const inArea = (country: string) => location.countries.length === 0 || location.countries.includes(country);
		return (row.countries ? row.countries.some(inArea) : row.country !== undefined && inArea(row.country)) ? 'remote-country' : undefined;
	}
	// A law over whole countries (the EU directive): any place in one of them.
	if (row.countries) return location.country !== undefined && row.countries.includes(location.country) ? 'there' : undefined;
	if (location.country !== row.country) return undefined;
	if (row.city) {
		// A city ordinance: the city itself (or a borough), in the row's region when both name one.
		if (location.city) {
			const names = [row.city, ...(row.cityAliases ?? [])].map(norm);
			const inRegion = !row.region || !location.region || location.region === row.region;
			return inRegion && names.includes(norm(location.city)) ? 'there' : undefined;
		}
		if (location.region && location.region !== row.region) return undefined;
		// Remote anywhere in the country (or the city's state) could be done from the city.
		return location.remote ? 'remote-country' : undefined;
	}
	if (location.region) return location.region === row.region ? 'there' : undefined;
	// A country with no region or city: only a remote role could be done in the state.
	return location.remote ? 'remote-country' : undefined;
}

/**
 * How serious a missing disclosure is for a place the posting reaches:
 * **error** where the role is based there, or remote and the law or its
 * regulator says remote roles count (the penalty is the same, and the fix is
 * cheap); **warning** where that is unclear; **info** where the law also
 * accepts telling candidates before the first interview. Undefined when the
 * law does not reach the place at all.
 */
export function severityFor(row: PayTransparencyRow, how: Reach | undefined, requirement: Requirement): Severity | undefined {
	if (!how) return undefined;
	if (how === 'remote-country' && row.covers.remote === 'not-covered') return undefined;
	if (requirement.where === 'posting-or-before-interview') return 'info';
	return how === 'there' || row.covers.remote === 'covered' ? 'error' : 'warning';
}

/** "Colorado [C.R.S. § 8-5-201 …]": the place and the law, as findings name them. */
export function lawName(row: PayTransparencyRow): string {
	return `${row.name} [${row.law}]`;
}

/**
 * The employer-size caveat for a finding: the review cannot count employees,
 * so where a law binds only larger employers the message says so.
 */
export function sizeCaveat(rows: readonly PayTransparencyRow[]): string {
	const bounded = rows.filter((row) => row.employers.minimum > 1);
	if (bounded.length === 0) return '';
	const sizes = bounded.map((row) => `${row.name} ${row.employers.minimum}`).join(', ');
	return ` (only employers with enough employees are bound: ${sizes} or more; the review does not know your headcount)`;
}

/**
 * Whether one of the posting's ranges can be read as applying to this place.
 * A range without a label, or labelled with something that names no place in
 * the table ("for senior hires"), applies everywhere; a range labelled for
 * another place in the table ("Colorado") does not count for this one.
 * Labels match on whole words, so a "New York City" range also counts for
 * New York State (its name is in the label): the state law asks for a good-
 * faith range, which the city's range is for a role done there.
 */
export function rangeFor(posting: Posting, row: PayTransparencyRow, location: Location, table: readonly PayTransparencyRow[]): boolean {
	// A ceiling or a floor alone ("up to $90,000") is no range: these laws ask for the lowest and the highest pay.
	return posting.payRanges.some((range) => range.bound === undefined && rangeAppliesTo(range, row, location, table));
}

/** Whether one range can be read as applying to this place (see `rangeFor`). */
export function rangeAppliesTo(range: PayRange, row: PayTransparencyRow, location: Location, table: readonly PayTransparencyRow[]): boolean {
	if (!range.appliesTo) return true;
	const label = range.appliesTo;
	const own = [...row.aliases, ...(location.city ? [location.city] : [])];
	if (own.some((name) => mentions(label, name))) return true;
	return !table.some((other) => other.aliases.some((name) => mentions(label, name)));
}

/** The row's pay-range requirement (every row has one; the schema checks it). */
export function rangeRequirement(row: PayTransparencyRow): Requirement {
	return row.requires.find((requirement) => requirement.what === 'range')!;
}

/**
 * Pay-transparency findings for one posting: for each location in a place
 * whose law (in force on `today`) requires a pay range, a finding when no
 * extracted range applies there, naming the law. Severity as `severityFor`:
 * remote roles open anywhere in a country could be done in each covering
 * state or province, which is an error where remote roles count and a
 * warning where that is unclear; laws that also accept telling candidates
 * before the interview (the EU directive) give info.
 */
export function payTransparencyFindings(posting: Posting, table: readonly PayTransparencyRow[], today: string): Finding[] {
	if (posting.status !== 'open') return [];
	const findings: Finding[] = [];
	const inForce = table.filter((row) => row.effective <= today);
	posting.locations.forEach((location, index) => {
		const missing: Array<{ row: PayTransparencyRow; severity: Severity }> = [];
		for (const row of inForce) {
			const severity = severityFor(row, reach(row, location), rangeRequirement(row));
			if (!severity || rangeFor(posting, row, location, table)) continue;
			missing.push({ row, severity });
		}
		for (const severity of ['error', 'warning', 'info'] as const) {
			const rows = missing.filter((item) => item.severity === severity).map((item) => item.row);
			if (rows.length === 0) continue;
			const laws = rows.map(lawName).join(', ');
			const bounds = posting.payRanges.filter((range) => range.bound !== undefined);
			const has =
				posting.payRanges.length === 0
					? 'no pay range was found'
					: bounds.length === posting.payRanges.length
						? `its pay is stated only as ${bounds.map((range) => `"${formatPay(range)}"`).join(', ')}: one end, not a range`
						: `its pay ranges are for ${posting.payRanges.map((range) => range.appliesTo ?? 'unnamed places').join(', ')}`;
			const based = rows.some((row) => reach(row, location) === 'there');
			const where = based
				? `"${location.label}" is in ${laws}`
				: `"${location.label}" is remote country-wide, so it could be done in ${laws}${severity === 'warning' ? ' (whether remote roles count there is unclear)' : ''}`;
			const what =
				severity === 'info'
					? 'which requires the pay or its range in the posting or before the first interview (the national law decides which)'
					: 'where the law requires a pay range in postings';
			findings.push({
				rule: 'pay-transparency',
				severity,
				file: posting.file,
				field: `locations[${index}]`,
				message: `${where}, ${what} (${rows.map((row) => row.source).join(' ')}), but ${has}${sizeCaveat(rows)}`,
				fix:
					severity === 'info'
						? 'Add the pay or its range to the posting (e.g. "€MIN - €MAX per year"), or make sure candidates get it before the first interview'
						: `Add "For ${rows[0]!.name}-based hires: $MIN - $MAX per year" to the compensation section${
								severity === 'warning' || !based ? ', or list the states where the role can be done' : ''
							}`,
			});
		}
	});
	return findings;
}
