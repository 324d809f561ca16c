import { createHash } from 'node:crypto';
import { Element, Text, type ParentNode } from 'domhandler';
import { parseFragment } from '../postings/dom.ts';
import type { ManifestPayRange, ManifestRole } from '../schemas/manifest.ts';
import type { Posting } from '../schemas/posting.ts';
import { squash } from '../postings/text.ts';

/** A pay range as the diff compares it: the numbers and where it applies, not its wording. */
export type RolePayRange = ManifestPayRange;

/**
 * One role as a preview compares it: the fields a manifest carries, plus
 * (when the baseline came from git, or for the current build) its plain text.
 */
export interface BaselineRole extends ManifestRole {
	/** Plain text of the role, one heading or block per line; absent when the baseline is a manifest. */
	text?: string;
}

/** Elements that end a line of role text. */
const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'td', 'th', 'dt', 'dd', 'blockquote', 'pre']);

/**
 * Text of each block of an HTML fragment, in order, whitespace collapsed: a
 * line ends after each block's text and at each `<br>`. One walk of the tree:
 * the manifest reads every role's text on every build.
 */
function blockLines(html: string): string[] {
	const text: string[] = [];
	const walk = (node: ParentNode) => {
		for (const child of node.children) {
			if (child instanceof Text) text.push(child.data);
			else if (child instanceof Element) {
				if (child.tagName === 'br') text.push('\n');
				else {
					walk(child);
					if (BLOCKS.has(child.tagName)) text.push('\n');
				}
			}
		}
	};
	walk(parseFragment(html));
	return text.join('').split('\n').map(squash).filter(Boolean);
}

/**
 * The role's plain text: each section's heading, then its blocks (paragraphs,
 * list items, sub-headings), one per line. Company text is not part of it: it
 * is shared by every role and reviewed on its own.
 */
export function roleText(posting: Pick<Posting, 'sections'>): string {
	return posting.sections.flatMap((section) => [...(section.title ? [squash(section.title)] : []), ...blockLines(section.html)]).join('\n');
}

/** sha256 (hex) of a role's plain text: what the manifest publishes instead of the text. */
export function textDigest(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A role of the current build: like a baseline role, but it may be a draft, and its text is always known. */
export interface CurrentRole extends Omit<BaselineRole, 'status' | 'text'> {
	status: Posting['status'];
	text: string;
}

/**
 * A posting reduced to what a preview compares. Drafts keep status `draft`
 * (the diff lists them as added drafts); the manifest leaves them out.
 */
export function roleOf(posting: Posting): CurrentRole {
	const text = roleText(posting);
	return { ...roleFields(posting), digest: textDigest(text), text };
}

/** {@link roleOf} but its text and the text's digest: the fields a manifest publishes as they are. */
export function roleFields(posting: Posting): Omit<CurrentRole, 'digest' | 'text'> {
	return {
		slug: posting.slug,
		id: posting.id,
		status: posting.status,
		title: posting.title,
		team: posting.team ?? null,
		locations: posting.locations.map((location) => location.label),
		payRanges: posting.payRanges.map((range) => ({
			min: range.min,
			max: range.max,
			currency: range.currency,
			period: range.period,
			appliesTo: range.appliesTo ?? null,
		})),
		applyUrl: posting.applyUrl,
	};
}
