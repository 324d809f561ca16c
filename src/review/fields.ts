import type { Posting } from '../schemas/posting.ts';
import type { Finding } from '../schemas/review.ts';

/** Fields the pipeline may infer, and how sure a recruiter should be before publishing them. */
const INFERRED: ReadonlyArray<{ field: 'title' | 'team' | 'department' | 'locations'; severity: Finding['severity']; why: string }> = [
	// The title is the page heading, the listing entry and the JobPosting title: a wrong one is very visible.
	{ field: 'title', severity: 'warning', why: 'it is the heading, the listing entry and what Google shows' },
	{ field: 'team', severity: 'info', why: 'it groups the role in listings and filters' },
	{ field: 'department', severity: 'info', why: 'it groups the role when there is no team' },
	{ field: 'locations', severity: 'info', why: 'it drives the place filters, Google for Jobs and the pay-transparency check' },
];

const clip = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function shown(posting: Posting, field: string): string {
	if (field === 'locations') return posting.locations.map((location) => location.label).join('; ');
	const value = posting[field as 'title' | 'team' | 'department'];
	return value ?? '';
}

/** Inferred title, team, department and locations, each with the text it was read from. */
export function inferredFindings(posting: Posting): Finding[] {
	return INFERRED.flatMap(({ field, severity, why }) => {
		const provenance = posting.provenance[field];
		if (provenance?.source !== 'inferred') return [];
		const evidence = provenance.evidence ? ` from "${clip(provenance.evidence.replace(/\s+/g, ' '))}"` : '';
		return [
			{
				rule: 'inferred-field',
				severity,
				file: posting.file,
				field,
				message: `"${shown(posting, field)}" was inferred${evidence}; confirm it, since ${why}`,
				fix: `Add \`${field}:\` to the front matter with the value you want`,
			},
		];
	});
}

/** A role with no place: Google for Jobs skips it and candidates cannot filter to it. */
export function locationFindings(posting: Posting): Finding[] {
	if (posting.locations.length > 0) return [];
	return [
		{
			rule: 'no-location',
			severity: 'warning',
			file: posting.file,
			field: 'locations',
			message: 'the role names no place: it gets no JobPosting markup, no place filter, and pay-transparency laws cannot be checked',
			fix: 'Add `locations:` to the front matter, e.g. `- Austin, Texas` or `- { country: US, remote: true }`',
		},
	];
}

/** The apply link: the site-wide default (info) or not https (warning). */
export function applyUrlFindings(posting: Posting, defaultApplyUrl: string): Finding[] {
	const findings: Finding[] = [];
	if (posting.provenance.applyUrl?.source === 'default' || (!posting.provenance.applyUrl && posting.applyUrl === defaultApplyUrl)) {
		findings.push({
			rule: 'apply-url-default',
			severity: 'info',
			file: posting.file,
			field: 'applyUrl',
			message: `no applyUrl given: candidates are sent to the site-wide ${posting.applyUrl}, not to this role's application form`,
			fix: "Add `applyUrl:` with the role's application link from the ATS",
		});
	}
	if (!posting.applyUrl.startsWith('https:')) {
		findings.push({
			rule: 'apply-url-not-https',
			severity: 'warning',
			file: posting.file,
			field: 'applyUrl',
			message: `the apply link ${posting.applyUrl} is not https: candidates' details would travel unencrypted and browsers warn`,
			fix: `Use ${posting.applyUrl.replace(/^http:/, 'https:')} if the ATS serves it, in \`applyUrl:\` (or defaultApplyUrl in site.yaml)`,
		});
	}
	return findings;
}

/** ISO 4217 codes the runtime knows (Node ships the full list). */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * Pay ranges that cannot be right: lower bound above the upper, or a currency
 * that is not an ISO 4217 code. The pipeline's schema already rejects min > max
 * and its extractor only emits known codes, so these guard against postings
 * built another way (front matter, another loader) reaching the site.
 */
export function payRangeFindings(posting: Posting): Finding[] {
	const findings: Finding[] = [];
	posting.payRanges.forEach((range, index) => {
		const field = `payRanges[${index}]`;
		if (range.min > range.max) {
			findings.push({
				rule: 'pay-range-inverted',
				severity: 'error',
				file: posting.file,
				field,
				message: `the lower bound ${range.min} is above the upper bound ${range.max} in "${clip(range.text)}"`,
				fix: 'Write the range lowest first, e.g. "$168,000 - $206,000"',
			});
		}
		if (!CURRENCIES.has(range.currency)) {
			findings.push({
				rule: 'pay-range-currency',
				severity: 'error',
				file: posting.file,
				field,
				message: `"${range.currency}" is not an ISO 4217 currency code (in "${clip(range.text)}")`,
				fix: 'Write the currency as a symbol or code, e.g. "$", "€" or "USD"',
			});
		}
	});
	return findings;
}

/** Tracking parameters the pipeline removed from the posting's links, and LinkedIn's job tags from its text (info: the ATS export still has them). */
export function trackingFindings(posting: Posting): Finding[] {
	const { trackingRemoved, tagsRemoved } = posting.notes;
	const removed = (message: string, fix: string): Finding => ({ rule: 'tracking-removed', severity: 'info', file: posting.file, field: 'body', message, fix });
	return [
		...(trackingRemoved.length === 0
			? []
			: [removed(`${trackingRemoved.length} tracking parameters were removed from links: ${trackingRemoved.join(', ')}`, 'Nothing to do on the site; paste clean links into the ATS so other channels drop them too')]),
		...(tagsRemoved.length === 0
			? []
			: [removed(`LinkedIn's job tags were removed from the text: ${tagsRemoved.join(', ')}`, 'Nothing to do: LinkedIn reads them from the ATS, and candidates on this site do not see them')]),
	];
}
