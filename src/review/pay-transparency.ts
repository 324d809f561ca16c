import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Location, Posting } from '../schemas/posting.ts';
import { payTransparencyTableSchema, type PayTransparencyRow } from '../schemas/pay-transparency.ts';
import type { Finding } from '../schemas/review.ts';

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
type Reach = 'there' | 'remote-country';

/** Whether a location is in a row's jurisdiction, matched on the structured location only. */
function reach(row: PayTransparencyRow, location: Location): Reach | undefined {
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
 * Whether one of the posting's ranges can be read as applying to this place.
 * A range without a label, or labelled with something that names no place in
 * the table ("for senior hires"), applies everywhere; a range labelled for
 * another place in the table ("Colorado") does not count for this one.
 * Labels match on whole words, so a "New York City" range also counts for
 * New York State (its name is in the label): the state law asks for a good-
 * faith range, which the city's range is for a role done there.
 */
function rangeFor(posting: Posting, row: PayTransparencyRow, location: Location, table: readonly PayTransparencyRow[]): boolean {
	return posting.payRanges.some((range) => {
		if (!range.appliesTo) return true;
		const label = range.appliesTo;
		const own = [...row.aliases, ...(location.city ? [location.city] : [])];
		if (own.some((name) => mentions(label, name))) return true;
		return !table.some((other) => other.aliases.some((name) => mentions(label, name)));
	});
}

/**
 * Pay-transparency findings for one posting: for each location in a place
 * whose law (in force on `today`) requires a pay range, an error when no
 * extracted range applies there.
 *
 * Remote roles open anywhere in a country (no region) could be done in each
 * covering state or province. Where the law or its regulator says remote
 * roles count (`covers.remote: covered`, e.g. Colorado, California, New York
 * City) that is an **error**, as for a role based there: the penalty is the
 * same, and the fix (add a range, or say where the role cannot be done) is
 * cheap. Where the law is silent (`unclear`) it is a **warning**.
 */
export function payTransparencyFindings(posting: Posting, table: readonly PayTransparencyRow[], today: string): Finding[] {
	if (posting.status !== 'open') return [];
	const findings: Finding[] = [];
	const inForce = table.filter((row) => row.effective <= today);
	posting.locations.forEach((location, index) => {
		const missing: Array<{ row: PayTransparencyRow; severity: 'error' | 'warning' }> = [];
		for (const row of inForce) {
			const how = reach(row, location);
			if (!how) continue;
			if (how === 'remote-country' && row.covers.remote === 'not-covered') continue;
			if (rangeFor(posting, row, location, table)) continue;
			missing.push({ row, severity: how === 'there' || row.covers.remote === 'covered' ? 'error' : 'warning' });
		}
		for (const severity of ['error', 'warning'] as const) {
			const rows = missing.filter((item) => item.severity === severity).map((item) => item.row);
			if (rows.length === 0) continue;
			const names = rows.map((row) => row.name).join(', ');
			const has = posting.payRanges.length === 0 ? 'no pay range was found' : `its pay ranges are for ${posting.payRanges.map((range) => range.appliesTo ?? 'unnamed places').join(', ')}`;
			const where =
				rows.some((row) => reach(row, location) === 'there')
					? `"${location.label}" is in ${names}`
					: `"${location.label}" is remote country-wide, so it could be done in ${names}${severity === 'warning' ? ' (whether remote roles count there is unclear)' : ''}`;
			findings.push({
				rule: 'pay-transparency',
				severity,
				file: posting.file,
				field: `locations[${index}]`,
				message: `${where}, where the law requires a pay range in postings (${rows.map((row) => row.source).join(' ')}), but ${has}`,
				fix: `Add "For ${rows[0]!.name}-based hires: $MIN - $MAX per year" to the compensation section${
					severity === 'warning' || reach(rows[0]!, location) === 'remote-country' ? ', or list the states where the role can be done' : ''
				}`,
			});
		}
	});
	return findings;
}
