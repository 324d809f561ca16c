import type { Finding, Severity } from '../schemas/review.ts';

/**
 * Findings a preview's review page lists. At 10,000 roles the review finds
 * about 18,000: listed whole, the page was 14.6 MB of HTML (Cloudflare Pages
 * refuses a file over 25 MiB, and a phone gives up well before that).
 */
export const REVIEW_PAGE_FINDINGS = 2_000;

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** One rule's findings, counted. */
export interface RuleCount {
	severity: Severity;
	rule: string;
	findings: number;
	/** The posting files it was found in. */
	roles: number;
}

/** What the review page shows of the review's findings. */
export interface ReviewPage {
	counts: Record<Severity, number>;
	/** Every rule with findings, errors first, then by how many. */
	rules: RuleCount[];
	/** The findings listed, errors first (each severity in the review's order: by file). */
	listed: Finding[];
	/** How many are not listed. */
	unlisted: number;
}

/**
 * The review page's content: counts, a line per rule, and the findings,
 * errors first, at most `limit` of them, so nothing is hidden (every rule is
 * counted) and the page stays small at any number of roles.
 *
 * @param findings the review's findings, in its order (by file, then severity)
 */
export function reviewPage(findings: readonly Finding[], limit = REVIEW_PAGE_FINDINGS): ReviewPage {
	const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
	const rules = new Map<string, RuleCount & { files: Set<string> }>();
	for (const finding of findings) {
		counts[finding.severity] += 1;
		const key = `${finding.severity} ${finding.rule}`;
		let rule = rules.get(key);
		if (!rule) rules.set(key, (rule = { severity: finding.severity, rule: finding.rule, findings: 0, roles: 0, files: new Set() }));
		rule.findings += 1;
		rule.files.add(finding.file);
	}
	// A stable sort: within a severity, the review's order.
	const bySeverity = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
	return {
		counts,
		rules: [...rules.values()]
			.map(({ files, ...rule }) => ({ ...rule, roles: files.size }))
			.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || b.findings - a.findings || a.rule.localeCompare(b.rule)),
		listed: bySeverity.slice(0, limit),
		unlisted: Math.max(0, findings.length - limit),
	};
}
