import * as cheerio from 'cheerio';
import type { Posting } from '../schemas/posting.ts';
import type { Finding } from '../schemas/review.ts';

/** Plain text of a posting's own role text (the pipeline has already moved company text out). */
export function roleText(posting: Posting): string {
	return cheerio
		.load(posting.sections.map((section) => section.html).join('\n'), null, false)
		.text()
		.replace(/[\s\u00a0]+/g, ' ')
		.trim();
}

/** Words of the role text, lower-cased, as a set. */
export function tokenSet(text: string): Set<string> {
	return new Set(text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}+#'’-]*/gu) ?? []);
}

/** Jaccard similarity of two sets: shared words over all words, 0 to 1. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	if (a.size === 0 && b.size === 0) return 1;
	let shared = 0;
	for (const word of a) if (b.has(word)) shared += 1;
	return shared / (a.size + b.size - shared);
}

/**
 * Above this share of common words two role texts are the same role posted
 * twice (or copied and barely edited). Word sets ignore order and repetition,
 * so reordered or lightly edited copies still score high, and the company
 * text is already gone, so shared boilerplate does not lift distinct roles.
 * Measured on the seeds: the closest distinct pair, two Workers Runtime roles
 * (000, an engineering manager, and 001, a C++ engineer) that share the team
 * description, scores 0.54; other pairs 0.12–0.32. A copy with a new title
 * and a paragraph or two changed stays above 0.8, so 0.8 leaves a margin
 * both ways.
 */
export const DUPLICATE_THRESHOLD = 0.8;

/**
 * Near-duplicate open roles, one warning on the later file of each pair.
 * Only open roles are compared: a closed role reposted is the normal way to reopen it.
 */
export function duplicateFindings(postings: readonly Posting[]): Finding[] {
	const open = postings.filter((posting) => posting.status === 'open').map((posting) => ({ posting, words: tokenSet(roleText(posting)) }));
	const findings: Finding[] = [];
	for (let i = 0; i < open.length; i += 1) {
		for (let j = i + 1; j < open.length; j += 1) {
			const score = jaccard(open[i]!.words, open[j]!.words);
			if (score < DUPLICATE_THRESHOLD) continue;
			const [first, second] = [open[i]!.posting, open[j]!.posting];
			findings.push({
				rule: 'duplicate-posting',
				severity: 'warning',
				file: second.file,
				field: 'body',
				message: `the role text shares ${Math.round(score * 100)}% of its words with ${first.file} ("${first.title}")`,
				fix: `If it is the same role, close one (\`status: closed\`); otherwise make the differences clear in the text`,
			});
		}
	}
	return findings;
}

/** Word count of a posting's role text. */
export function wordCount(posting: Posting): number {
	return roleText(posting).split(' ').filter(Boolean).length;
}

/**
 * How far from the median a body may be: a third of it or three times it.
 * Real postings vary by about 2× in length; beyond 3× a body is usually cut
 * off by the export (short) or carries pasted extra material (long).
 */
export const LENGTH_FACTOR = 3;

/**
 * Role texts much shorter (warning: probably truncated) or much longer (info)
 * than the median of the open roles. Needs at least three open roles to have
 * a meaningful median.
 */
export function lengthFindings(postings: readonly Posting[]): Finding[] {
	const open = postings.filter((posting) => posting.status === 'open');
	if (open.length < 3) return [];
	const counts = open.map((posting) => ({ posting, words: wordCount(posting) }));
	const sorted = counts.map((item) => item.words).sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
	return counts.flatMap(({ posting, words }): Finding[] => {
		if (words * LENGTH_FACTOR < median) {
			return [
				{
					rule: 'body-length',
					severity: 'warning',
					file: posting.file,
					field: 'body',
					message: `the role text has ${words} words, under a third of the median ${median}: it may have been cut off in the export`,
					fix: 'Compare with the ATS and re-export the full posting',
				},
			];
		}
		if (words > median * LENGTH_FACTOR) {
			return [
				{
					rule: 'body-length',
					severity: 'info',
					file: posting.file,
					field: 'body',
					message: `the role text has ${words} words, over three times the median ${median}`,
					fix: 'Check for pasted extra material (another role, notes) and trim it in the ATS',
				},
			];
		}
		return [];
	});
}
