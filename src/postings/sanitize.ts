import sanitize from 'sanitize-html';
import * as cheerio from 'cheerio';
import { Element, Text, type ChildNode, type ParentNode } from 'domhandler';
import { BLOCK_TAGS, collapseWhitespace, hasText, isTag, loadFragment, rebuild, select, setChildren, spacedText, wrapInlineRuns } from './dom.ts';
import { stripTracking } from './tracking.ts';

/** What the sanitizer changed that a reviewer may want to know about. */
export interface SanitizeReport {
	/** Tracking parameters removed from links, e.g. `utm_source`. */
	trackingRemoved: string[];
	/** Elements the ATS hid (`display: none`, `hidden`) that were dropped rather than revealed. */
	hiddenRemoved: number;
	/** Visible text dropped with its element (a `<button>`, an `<svg>`…): the tag and the text. */
	droppedText: Array<{ tag: string; text: string }>;
}

/**
 * Elements dropped with the text they hold: controls, embeds and drawings are
 * not prose, and their words out of context would read as nonsense. The
 * report names what went, so a recruiter hears about it rather than silently losing it.
 */
const DROPPED_WITH_TEXT = ['iframe', 'object', 'embed', 'svg', 'math', 'select', 'option', 'button'];

/** Elements whose content HTML reads as raw text, and whose words are kept as text. */
const RAW_TEXT_KEPT = ['textarea', 'xmp', 'noembed', 'noframes', 'plaintext'];

/** The allowlist: structure and emphasis only. Everything else is dropped or unwrapped. */
const SANITIZE_OPTIONS: sanitize.IOptions = {
	allowedTags: [
		'p', 'br', 'div', 'span', 'ul', 'ol', 'li', 'strong', 'em', 'a',
		'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'code', 'pre',
		'table', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'sub', 'sup',
	],
	allowedAttributes: { a: ['href'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan', 'scope'] },
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	// Unknown tags are unwrapped (their text kept); script-like tags lose their content too.
	disallowedTagsMode: 'discard',
	// Their text is never part of the posting. `noscript` and `textarea` are not here: what they
	// hold is text the ATS showed, and is kept (unwrapped) like any unknown element's.
	nonTextTags: ['script', 'style', 'template', 'title', 'head', ...DROPPED_WITH_TEXT],
	transformTags: {
		b: 'strong',
		i: 'em',
		h1: 'h2',
	},
	parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
};

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|pt|em|rem)?\s*(?:;|$))/i;

/**
 * Cleans untrusted ATS HTML down to plain, safe structure.
 *
 * The allowlist work is done by `sanitize-html`; this function adds what a
 * careers page needs on top: hidden text removed before it could become
 * visible, presentational wrappers unwrapped, `&nbsp;` runs collapsed,
 * tracking parameters stripped and external links marked `noopener noreferrer`.
 * Unwrapping or removing an element never joins the words around it: the
 * space or line break it carried stays.
 *
 * @param siteUrl the site's own URL: links to it are internal and keep no `rel`
 */
export function sanitizeHtml(html: string, siteUrl?: string): { html: string; report: SanitizeReport } {
	const report: SanitizeReport = { trackingRemoved: [], hiddenRemoved: 0, droppedText: [] };

	// Drop what the ATS hides before the sanitizer removes the styles that hide it.
	const raw = loadFragment(html);
	select(raw, '[hidden], [aria-hidden="true"]').each((_, element) => {
		report.hiddenRemoved++;
		raw(element).remove();
	});
	select(raw, '[style]').each((_, element) => {
		if (HIDDEN_STYLE.test(raw(element).attr('style') ?? '')) {
			report.hiddenRemoved++;
			raw(element).remove();
		}
	});

	// Raw-text elements hold their words as one unparsed string: made plain boxes, the
	// serializer escapes those words and the sanitizer reads them as text, never as markup.
	select(raw, RAW_TEXT_KEPT.join(', ')).each((_, node) => {
		const element = node as Element;
		element.tagName = 'div';
	});
	select(raw, DROPPED_WITH_TEXT.join(', ')).each((_, node) => {
		const element = node as Element;
		// The outermost only: an <option> inside a dropped <select> is reported with it.
		if (raw(element).parents(DROPPED_WITH_TEXT.join(', ')).length > 0) return;
		const text = spacedText(element);
		if (text !== '') report.droppedText.push({ tag: element.tagName, text });
	});

	const clean = sanitize(raw.html(), SANITIZE_OPTIONS);
	const $ = loadFragment(clean);
	const root = $.root().get(0)!;

	rebuild(root, (node) => (isTag(node, UNWRAP_TAGS) ? node.children : node));
	tidyLinks($, siteUrl, report);
	divsToBlocks(root);
	removeEmpty(root);
	collapseWhitespace(root);
	trimBreaks(root);

	return { html: $.html().trim(), report };
}

/** Inline elements with no meaning of their own here: always unwrapped. */
const UNWRAP_TAGS = new Set(['span']);
/** Inline elements that are dropped when they hold no words. */
const INLINE_TAGS = new Set(['strong', 'em', 'a', 'sub', 'sup', 'code']);
/** Blocks that are dropped when they hold no words. */
const EMPTY_BLOCK_TAGS = new Set(['p', 'li', 'ul', 'ol', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);
/** Blocks whose first and last line breaks add an empty line and nothing else. */
const TRIMMED_TAGS = new Set(['p', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dt', 'dd', 'blockquote']);

function tidyLinks($: cheerio.CheerioAPI, siteUrl: string | undefined, report: SanitizeReport): void {
	const siteHost = siteUrl ? new URL(siteUrl).host : undefined;
	select($, 'a').each((_, element) => {
		const link = $(element);
		const href = link.attr('href')?.trim();
		// No href: the sanitizer removed a dangerous one. Relative: it pointed into the ATS's own
		// site and would break here. Either way keep the words and drop the dead link.
		if (!href || !/^(https?:\/\/|mailto:|tel:)/i.test(href)) {
			link.replaceWith(link.contents());
			return;
		}
		const { href: cleaned, removed } = stripTracking(href);
		report.trackingRemoved.push(...removed);
		link.attr('href', cleaned);
		let host: string | undefined;
		try {
			host = new URL(cleaned).host;
		} catch {
			host = undefined;
		}
		if (host && host !== siteHost) link.attr('rel', 'noopener noreferrer');
	});
}

/** `div`s carry no meaning: unwrap those holding blocks, turn those holding inline content into paragraphs. */
function divsToBlocks(root: ParentNode): void {
	// Bottom-up, so each decision sees its final children.
	rebuild(root, (node) => {
		if (!isTag(node, DIV)) return node;
		if (node.children.some((child) => isTag(child, BLOCK_TAGS))) {
			// Loose inline runs between blocks become paragraphs of their own.
			wrapInlineRuns(node);
			return node.children;
		}
		node.tagName = 'p';
		return node;
	});
}
const DIV = new Set(['div']);

/**
 * Drops elements that hold no words. An inline element is unwrapped rather
 * than removed, so the space or `<br>` inside it (`Engineer<strong> </strong>with`)
 * still separates the words around it; an empty block leaves a space for the
 * same reason (whitespace between blocks is collapsed away afterwards).
 */
function removeEmpty(root: ParentNode): void {
	rebuild(root, (node) => {
		if (hasText(node)) return node;
		if (isTag(node, INLINE_TAGS)) return node.children;
		if (isTag(node, EMPTY_BLOCK_TAGS)) return new Text(' ');
		return node;
	});
}

/** Removes `<br>`s at the very start or end of a block, looking through inline elements. */
function trimBreaks(root: ParentNode): void {
	const edge = (node: Element, fromEnd: boolean): ChildNode | undefined => {
		const children = fromEnd ? [...node.children].reverse() : node.children;
		for (const child of children) {
			if (child instanceof Text && child.data === '') continue;
			if (isTag(child, INLINE_TAGS)) return edge(child, fromEnd) ?? child;
			return child;
		}
		return undefined;
	};
	const visit = (parent: ParentNode) => {
		for (const child of parent.children) {
			if (!(child instanceof Element)) continue;
			if (TRIMMED_TAGS.has(child.tagName)) {
				for (const fromEnd of [false, true]) {
					for (let found = edge(child, fromEnd); isTag(found, BR); found = edge(child, fromEnd)) removeNode(found);
				}
			}
			visit(child);
		}
	};
	visit(root);
	// An inline element that held only a break at the edge is empty now.
	rebuild(root, (node) => (isTag(node, INLINE_TAGS) && node.children.length === 0 ? null : node));
}
const BR = new Set(['br']);

function removeNode(node: ChildNode): void {
	const parent = node.parent;
	if (parent) setChildren(parent, parent.children.filter((child) => child !== node));
}
