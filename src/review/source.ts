import { elementsOf, parseFragment, textContent } from '../postings/dom.ts';
import type { Posting } from '../schemas/posting.ts';
import type { Finding } from '../schemas/review.ts';

const squash = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

/**
 * Hidden values that disagree with the visible text, as the pipeline recorded
 * them from the raw HTML (spreadsheet cells pasted into the ATS keep their
 * value in an attribute, and a later edit of the text leaves a stale number
 * behind). The site drops the attribute, but the disagreement means someone
 * is unsure which is right (often the pay range). One warning per element.
 */
export function hiddenValueFindings(posting: Posting): Finding[] {
	return posting.notes.hiddenValues.map(({ attribute, hidden, visible, context }) => {
		const isPay = /[$€£¥₹]|\b(?:salary|pay|compensation|USD|EUR|GBP|CAD)\b/i.test(context);
		return {
			rule: 'hidden-value-mismatch',
			severity: 'warning',
			file: posting.file,
			field: isPay ? 'payRanges' : 'body',
			message: `hidden ${attribute} says ${hidden} but the text shows ${visible}, in "${context.length > 120 ? `${context.slice(0, 119)}…` : context}"`,
			fix: `Confirm ${visible} is right; then re-paste the text as plain text in the ATS so the stale ${hidden} goes`,
		};
	});
}

/** Links in the role text (not the shared company text) that are plain http. */
export function insecureLinkFindings(posting: Posting): Finding[] {
	const findings: Finding[] = [];
	for (const section of posting.sections) {
		// The pipeline writes attributes as they are, but for `"`, `&` and no-break spaces (src/postings/dom.ts):
		// a link to http:// has "http:" in its HTML. Most sections have none, and are not parsed again.
		if (!/http:/i.test(section.html)) continue;
		for (const element of elementsOf(parseFragment(section.html))) {
			const href = element.tagName === 'a' ? (element.attribs.href ?? '') : '';
			if (!/^http:/i.test(href)) continue;
			findings.push({
				rule: 'insecure-link',
				severity: 'warning',
				file: posting.file,
				field: `sections.${section.id}`,
				message: `the link "${squash(textContent(element))}" goes to ${href}, which is not https`,
				fix: `Link to ${href.replace(/^http:/i, 'https:')} in the ATS if the site serves it, else drop the link`,
			});
		}
	}
	return findings;
}
