import type { Catalogue } from '../postings/normalize.ts';
import type { PayTransparencyRow } from '../schemas/pay-transparency.ts';
import type { Finding, Severity } from '../schemas/review.ts';
import { duplicateFindings, lengthFindings } from './corpus.ts';
import { applyUrlFindings, inferredFindings, locationFindings, payRangeFindings, trackingFindings } from './fields.ts';
import { validThroughFindings } from './dates.ts';
import { disclosureText } from './disclosure-text.ts';
import { payDisclosureFindings } from './pay-disclosures.ts';
import { payTransparencyFindings, readPayTransparencyTable } from './pay-transparency.ts';
import { hiddenValueFindings, insecureLinkFindings } from './source.ts';

/** What the review needs besides the catalogue. */
export interface ReviewOptions {
	/** Build day (YYYY-MM-DD): laws apply from their effective date. Defaults to the day of `now`. */
	today?: string;
	/** Build time (ISO 8601), what `validThrough` is judged against. Defaults to the start of `today` (UTC), else now. */
	now?: string;
	/** Pay-transparency table; defaults to src/review/data/pay-transparency.yaml. */
	jurisdictions?: readonly PayTransparencyRow[];
	/** The site-wide apply link, to recognise postings that fall back to it. */
	defaultApplyUrl?: string;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Reviews every open and draft posting (closed roles are not shown as open,
 * so they are skipped) and returns the findings, ordered by file, then
 * severity, then rule.
 *
 * @example
 * reviewCatalogue(loadCatalogue(dir, site), { today: '2026-11-23' })
 * // => [{ rule: 'no-location', severity: 'warning', file: '…/001_….html', field: 'locations', … }, …]
 */
export function reviewCatalogue(catalogue: Omit<Catalogue, 'origins'>, options: ReviewOptions = {}): Finding[] {
	const now = options.now ?? (options.today ? `${options.today}T00:00:00.000Z` : new Date().toISOString());
	const today = options.today ?? now.slice(0, 10);
	const table = options.jurisdictions ?? readPayTransparencyTable();
	const reviewed = catalogue.postings.filter((posting) => posting.status !== 'closed');
	const findings: Finding[] = [];
	for (const posting of reviewed) {
		findings.push(
			...payTransparencyFindings(posting, table, today),
			...payDisclosureFindings(posting, table, today, disclosureText(posting, catalogue.company)),
			...payRangeFindings(posting),
			...locationFindings(posting),
			...applyUrlFindings(posting, options.defaultApplyUrl ?? ''),
			...inferredFindings(posting),
			...hiddenValueFindings(posting),
			...insecureLinkFindings(posting),
			...trackingFindings(posting),
			...validThroughFindings(posting, now),
		);
	}
	findings.push(...duplicateFindings(reviewed), ...lengthFindings(reviewed));
	return findings
		.map((finding, index) => ({ finding, index }))
		.sort(
			(a, b) =>
				a.finding.file.localeCompare(b.finding.file) ||
				ORDER[a.finding.severity] - ORDER[b.finding.severity] ||
				a.index - b.index,
		)
		.map(({ finding }) => finding);
}

/** Whether any finding is an error (the review command then exits 1). */
export function hasErrors(findings: readonly Finding[]): boolean {
	return findings.some((finding) => finding.severity === 'error');
}
