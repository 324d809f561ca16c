import type { PayTransparencyRow, Requirement, RequirementKind } from '../schemas/pay-transparency.ts';
import type { Posting } from '../schemas/posting.ts';
import type { Finding, Severity } from '../schemas/review.ts';
import { aiStatement, benefitsMention, closingDateMention, vacancyStatement } from './disclosure-text.ts';
import { lawName, rangeAppliesTo, reach, severityFor, sizeCaveat } from './pay-transparency.ts';

/**
 * What pay-transparency laws require of a posting beyond a range: a benefits
 * description (Colorado, Washington, Illinois, Maryland, Minnesota, New
 * Jersey, Jersey City, Delaware; the District of Columbia before the first
 * interview), the date applications close (Colorado), Ontario's statements
 * on AI screening and on whether a vacancy exists, and Ontario's cap on a
 * range's width. One finding per requirement and severity, naming each law.
 *
 * A requirement applies from its `from` day (else the law's `effective`) on
 * the build day, to postings last changed on or after that day: laws apply
 * to postings made (or reposted) once they are in force, and a posting's
 * `dateModified` is the last time it was published.
 */

/** The text the detectors read, and whether it includes all of the posting's company text. */
export interface DisclosureText {
	text: string;
	companyKnown: boolean;
}

interface Check {
	what: Exclude<RequirementKind, 'range' | 'other'>;
	rule: string;
	field: string;
	/** What the law asks for, after "requires". */
	asks: string;
	found: (posting: Posting, text: string) => string | undefined;
	/** Why nothing was found. */
	missing: string;
	fix: string;
}

const CHECKS: readonly Check[] = [
	{
		what: 'benefits',
		rule: 'pay-benefits',
		field: 'body',
		asks: 'a general description of the benefits offered',
		found: (_, text) => benefitsMention(text),
		missing: 'no benefits description was found in the role or company text (looked for words such as benefits, health insurance, 401(k), pension, paid time off, parental leave, stock options)',
		fix: 'Add a "Benefits" section: health, dental and vision insurance, retirement plan, paid time off and the other benefits offered',
	},
	{
		what: 'closing-date',
		rule: 'pay-closing-date',
		field: 'validThrough',
		asks: 'the date the application window is expected to close',
		found: closingDateMention,
		missing: 'the posting has no `validThrough` and its text gives no deadline (nor says applications are taken on an ongoing basis)',
		fix: 'Add `validThrough: YYYY-MM-DD` to the front matter, or write "Applications are accepted on an ongoing basis" if there is no deadline',
	},
	{
		what: 'ai-statement',
		rule: 'pay-ai-statement',
		field: 'body',
		asks: 'a statement of whether artificial intelligence is used to screen, assess or select applicants',
		found: (_, text) => aiStatement(text),
		missing: 'no sentence about AI and screening or selecting applicants was found',
		fix: 'Add a sentence such as "We do not use artificial intelligence to screen, assess or select applicants for this position." (or say how it is used)',
	},
	{
		what: 'vacancy-statement',
		rule: 'pay-vacancy-statement',
		field: 'body',
		asks: 'a statement of whether the posting is for an existing vacancy',
		found: (_, text) => vacancyStatement(text),
		missing: 'no sentence about a vacancy was found',
		fix: 'Add "This posting is for an existing vacancy." (or say that it is not)',
	},
];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Whether a requirement is in force for this posting on `today`. */
function applies(row: PayTransparencyRow, requirement: Requirement, posting: Posting, today: string): boolean {
	const from = requirement.from ?? row.effective;
	return from <= today && from <= posting.dateModified;
}

/** The most serious way any of the posting's places falls under the row, and the place. */
function strongest(row: PayTransparencyRow, requirement: Requirement, posting: Posting): { severity: Severity; label: string; based: boolean } | undefined {
	let best: { severity: Severity; label: string; based: boolean } | undefined;
	for (const location of posting.locations) {
		const how = reach(row, location);
		const severity = severityFor(row, how, requirement);
		if (severity && (!best || RANK[severity] < RANK[best.severity])) best = { severity, label: location.label, based: how === 'there' };
	}
	return best;
}

/** "\"Denver, Colorado\" is in Colorado [C.R.S. …]" for the places a finding is about, one clause per place. */
function whereClause(items: ReadonlyArray<{ row: PayTransparencyRow; label: string; based: boolean }>): string {
	const places = new Map<string, { based: boolean; laws: string[] }>();
	for (const { row, label, based } of items) {
		const key = `${based}\u0000${label}`;
		const place = places.get(key) ?? { based, laws: [] };
		place.laws.push(lawName(row));
		places.set(key, place);
	}
	return [...places.entries()]
		.map(([key, { based, laws }]) => `"${key.split('\u0000')[1]}" ${based ? 'is in' : 'could be done in'} ${laws.join(', ')}`)
		.join('; ');
}

/**
 * Findings for what the laws covering the posting's places require beyond a
 * pay range. `text` is the visible role and company text (see
 * `disclosureText`).
 */
export function payDisclosureFindings(posting: Posting, table: readonly PayTransparencyRow[], today: string, text: DisclosureText): Finding[] {
	if (posting.status !== 'open') return [];
	const findings: Finding[] = [];
	for (const check of CHECKS) {
		const due: Array<{ row: PayTransparencyRow; requirement: Requirement; severity: Severity; label: string; based: boolean }> = [];
		for (const row of table) {
			const requirement = row.requires.find((candidate) => candidate.what === check.what);
			if (!requirement || !applies(row, requirement, posting, today)) continue;
			const how = strongest(row, requirement, posting);
			if (how) due.push({ row, requirement, ...how });
		}
		if (due.length === 0 || check.found(posting, text.text) !== undefined) continue;
		for (const severity of ['error', 'warning', 'info'] as const) {
			const items = due.filter((item) => item.severity === severity);
			if (items.length === 0) continue;
			const rows = items.map((item) => item.row);
			// A law that accepts disclosure before the interview says what exactly in its note (D.C.: healthcare benefits).
			const asks =
				severity === 'info'
					? `${items.map((item) => item.requirement.note ?? check.asks).join('; ')} (in the posting or before the first interview)`
					: `${check.asks} in the posting${severity === 'warning' ? ' (whether remote roles count there is unclear)' : ''}`;
			const company = !text.companyKnown ? ' (the shared company text was not available to this check)' : '';
			findings.push({
				rule: check.rule,
				severity,
				file: posting.file,
				field: check.field,
				message: `${whereClause(items)}; ${rows.length === 1 ? 'that law requires' : 'those laws require'} ${asks} (${rows.map((row) => row.source).join(' ')}), but ${check.missing}${company}${sizeCaveat(rows)}`,
				fix: check.fix,
			});
		}
	}
	findings.push(...rangeWidthFindings(posting, table, today));
	return findings;
}

const money = (amount: number, currency: string) => `${currency} ${amount.toLocaleString('en-US')}`;

/**
 * Yearly ranges wider than a law allows (Ontario: C$50,000 unless the top is
 * above C$200,000), for ranges that apply to a place under that law. Ranges
 * in another currency or per hour, day, week or month are not checked: the
 * law speaks of yearly amounts, and converting hours to years would be a guess.
 */
export function rangeWidthFindings(posting: Posting, table: readonly PayTransparencyRow[], today: string): Finding[] {
	if (posting.status !== 'open') return [];
	const findings: Finding[] = [];
	for (const row of table) {
		const cap = row.rangeWidth;
		const requirement = row.requires.find((candidate) => candidate.what === 'range');
		if (!cap || !requirement || !applies(row, requirement, posting, today)) continue;
		posting.payRanges.forEach((range, index) => {
			if (range.currency !== cap.currency || range.period !== 'YEAR') return;
			if (cap.exemptAbove !== undefined && range.max > cap.exemptAbove) return;
			const width = range.max - range.min;
			if (width <= cap.max) return;
			let best: { severity: Severity; label: string } | undefined;
			for (const location of posting.locations) {
				const severity = severityFor(row, reach(row, location), requirement);
				if (!severity || !rangeAppliesTo(range, row, location, table)) continue;
				if (!best || RANK[severity] < RANK[best.severity]) best = { severity, label: location.label };
			}
			if (!best) return;
			const exempt = cap.exemptAbove === undefined ? '' : ` unless its top is above ${money(cap.exemptAbove, cap.currency)}`;
			findings.push({
				rule: 'pay-range-width',
				severity: best.severity,
				file: posting.file,
				field: `payRanges[${index}]`,
				message: `the range "${range.text}" spans ${money(width, range.currency)} (${money(range.min, range.currency)} to ${money(range.max, range.currency)}), but for "${best.label}" ${lawName(row)} allows at most ${money(cap.max, cap.currency)} between the bottom and the top of a yearly range${exempt} (${row.source})${sizeCaveat([row])}`,
				fix: `Narrow the range to ${money(cap.max, cap.currency)} or less, e.g. ${money(range.min, range.currency)} - ${money(range.min + cap.max, range.currency)}`,
			});
		});
	}
	return findings;
}
