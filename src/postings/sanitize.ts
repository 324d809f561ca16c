import { Document, Element, Text, type ChildNode, type ParentNode } from 'domhandler';
import { BLOCK_TAGS, collapseWhitespace, dropBullet, elementsOf, firstText, hasText, isTag, outerHtml, parseFragment, rebuild, setChildren, settle, spacedText, textContent, wrapInlineRuns } from './dom.ts';
import { stripTracking } from './tracking.ts';
import { BULLET } from './text.ts';

/** What the sanitizer changed that a reviewer may want to know about. */
export interface SanitizeReport {
	/** Tracking parameters removed from links, e.g. `utm_source`. */
	trackingRemoved: string[];
	/** Elements the ATS hid (`display: none`, `hidden`) that were dropped rather than revealed. */
	hiddenRemoved: number;
	/** Visible text dropped with its element (a `<button>`, an `<svg>`…): the tag and the text. */
	droppedText: Array<{ tag: string; text: string }>;
	/** LinkedIn's job tags removed from the text, e.g. `#LI-Remote`. */
	tagsRemoved: string[];
}

/** An empty report, for a posting's first fragment. */
export function emptyReport(): SanitizeReport {
	return { trackingRemoved: [], hiddenRemoved: 0, droppedText: [], tagsRemoved: [] };
}

/**
 * Elements dropped with the text they hold: controls, embeds and drawings are
 * not prose, and their words out of context would read as nonsense. The
 * report names what went, so a recruiter hears about it rather than silently losing it.
 */
const DROPPED_WITH_TEXT = new Set(['iframe', 'object', 'embed', 'svg', 'math', 'select', 'option', 'button']);

/**
 * Elements removed with everything in them. Their text is never part of the
 * posting. `noscript` and `textarea` are not here: what they hold is text the
 * ATS showed, and is kept (unwrapped) like any unknown element's.
 */
const REMOVED_WITH_CONTENT = new Set(['script', 'style', 'template', 'title', 'head', ...DROPPED_WITH_TEXT]);

/** Elements whose content HTML reads as raw text, and whose words are kept as text. */
const RAW_TEXT_KEPT = new Set(['textarea', 'xmp', 'noembed', 'noframes', 'plaintext']);

/** The allowlist: structure and emphasis only. Any other element is unwrapped, its text kept. */
const ALLOWED_TAGS = new Set([
	'p', 'br', 'div', 'span', 'ul', 'ol', 'li', 'strong', 'em', 'a',
	'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'code', 'pre',
	'table', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'sub', 'sup',
]);

/** Presentational names that have a structural equivalent on the allowlist. */
const RENAMED: Readonly<Record<string, string>> = { b: 'strong', i: 'em', h1: 'h2' };

/** Attributes kept, per element; an empty value is dropped (none of them means anything empty). */
const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { a: ['href'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan', 'scope'] };

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|pt|em|rem)?\s*(?:;|$))/i;

/**
 * Cleans one fragment of untrusted ATS HTML, in place, down to plain, safe
 * structure: text the ATS hid is removed before it could become visible;
 * scripts, styles, embeds and controls go with their content; every other
 * element off the allowlist is unwrapped (its words kept) and every attribute
 * off it dropped; presentational wrappers are unwrapped, `&nbsp;` runs
 * collapsed, tracking parameters stripped and external links marked
 * `noopener noreferrer`. Unwrapping or removing an element never joins the
 * words around it: the space or line break it carried stays.
 *
 * Works on the tree the posting was parsed into once (see docs/decisions.md,
 * "Parse once"); nothing here reads or writes HTML text.
 *
 * @param siteUrl the site's own URL: links to it are internal and keep no `rel`
 * @param report where what was removed is recorded, added to what is there
 */
export function sanitizeTree(root: Document, siteUrl: string | undefined, report: SanitizeReport): void {
	// Drop what the ATS hides before the allowlist removes the styles that hide it.
	// Each pass walks the tree again only when the one before removed something: most postings hide nothing.
	let elements = elementsOf(root);
	const hidden = elements.filter((element) => element.attribs.hidden !== undefined || element.attribs['aria-hidden'] === 'true');
	for (const element of hidden) removeNode(element);
	if (hidden.length > 0) elements = elementsOf(root);
	const styled = elements.filter((element) => element.attribs.style !== undefined && HIDDEN_STYLE.test(element.attribs.style));
	for (const element of styled) removeNode(element);
	if (styled.length > 0) elements = elementsOf(root);
	report.hiddenRemoved += hidden.length + styled.length;

	for (const element of elements) {
		// Raw-text elements hold their words as one unparsed string: made plain boxes, those words stay text.
		if (RAW_TEXT_KEPT.has(element.tagName)) element.tagName = 'div';
		// Bold as the style says, before the allowlist drops styles: a paste from Google Docs sets its bold runs as
		// <span style="font-weight:700"> (its headings, as the candidate saw them) and wraps everything in
		// <b style="font-weight:normal">, which as <strong> would make the whole posting bold.
		const weight = element.attribs.style?.includes('font-weight') ? fontWeight(element.attribs.style) : undefined;
		if (weight !== undefined && weight < 600 && (element.tagName === 'b' || element.tagName === 'strong')) element.tagName = 'span';
		else if (weight !== undefined && weight >= 600 && element.tagName === 'span') element.tagName = 'strong';
		// The outermost only: an <option> inside a dropped <select> is reported with it.
		if (DROPPED_WITH_TEXT.has(element.tagName) && !hasAncestor(element, DROPPED_WITH_TEXT)) {
			const text = spacedText(element);
			if (text !== '') report.droppedText.push({ tag: element.tagName, text });
		}
	}

	rebuild(root, allowlist);
	settle(root);
	rebuild(root, (node) => (isTag(node, UNWRAP_TAGS) ? node.children : node));
	tidyLinks(root, siteUrl, report);
	divsToBlocks(root);
	removeEmpty(root);
	collapseWhitespace(root);
	bulletedParagraphs(root);
	trimBreaks(root);
	settle(root);
	dropJobTags(root, report);
}

/**
 * Paragraphs typed as a list, each opening with a bullet ("<p>- Flexible and
 * remote work.</p><p>- Paid opportunities…</p>", RWS's real posting), two or
 * more in a row: made a list, each paragraph an item without its bullet, so
 * the page draws the list and a screen reader announces it. A list's item
 * loses the bullet typed before its words too.
 */
function bulletedParagraphs(parent: ParentNode): void {
	const children = parent.children;
	let changed = false;
	const next: ChildNode[] = [];
	for (let index = 0; index < children.length; index += 1) {
		const child = children[index]!;
		if (child instanceof Element && !isTag(child, PARAGRAPH)) bulletedParagraphs(child);
		// An item typed with a bullet of its own ("<li>• Flexible time off</li>") would show two: the list draws one.
		if (isTag(child, ITEM)) dropBullet(child.children);
		let end = index;
		while (end < children.length && bulleted(children[end])) end += 1;
		if (end - index < 2) {
			next.push(child);
			continue;
		}
		const list = new Element('ul', {});
		setChildren(
			list,
			children.slice(index, end).map((paragraph) => {
				const item = new Element('li', {});
				dropBullet((paragraph as Element).children);
				setChildren(item, [...(paragraph as Element).children]);
				return item;
			}),
		);
		next.push(list);
		changed = true;
		index = end - 1;
	}
	if (changed) setChildren(parent, next);
}
const PARAGRAPH = new Set(['p']);
const ITEM = new Set(['li']);

/** Whether a node is a paragraph whose text opens with a typed bullet. */
function bulleted(node: ChildNode | undefined): boolean {
	if (!isTag(node, PARAGRAPH)) return false;
	const text = firstText(node.children);
	return text !== undefined && BULLET.test(text.data);
}

/** LinkedIn's job tags: "#LI-Remote", "#LI-AK1", and the few written without the hyphen ("#LIRemote"). */
const TAG = String.raw`#LI(?:-[A-Za-z0-9]+|Remote|Hybrid|Onsite|DNI)\b`;
const JOB_TAG = new RegExp(TAG, 'g');
/** A block that is nothing but job tags. */
const ONLY_JOB_TAGS = new RegExp(String.raw`^(?:${TAG}[\s,;|/]*)+$`);
/** Job tags ending a block's last words: "… our privacy policy. #LI-Onsite". */
const TRAILING_JOB_TAGS = new RegExp(String.raw`(?:^|\s+)(?:${TAG}[\s,;|/]*)+$`);
/** Blocks a job tag stands in, alone or at the end. */
const TAGGED_BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Drops LinkedIn's job tags ("#LI-Remote", "#LI-AK1": codes that file a
 * posting in LinkedIn's listings and name its recruiter), as links lose
 * their tracking parameters: they are not words for candidates. A block of
 * nothing but tags goes, and so do tags ending a block's last words; a list
 * whose every item was a tag goes too. Eighteen of the 124 real postings of
 * the corpus showed them. A posting with no "#LI" in its text is not walked
 * further, and a block's text is read only where it has one.
 */
function dropJobTags(root: ParentNode, report: SanitizeReport): void {
	if (!anyText(root, (text) => text.includes('#LI'))) return;
	const visit = (parent: ParentNode, depth: number): void => {
		const kept = parent.children.filter((child) => {
			if (!(child instanceof Element)) return true;
			if (TAGGED_BLOCKS.has(child.tagName)) {
				const text = textContent(child);
				if (!text.includes('#LI')) return true;
				if (ONLY_JOB_TAGS.test(text.trim())) {
					report.tagsRemoved.push(...(text.match(JOB_TAG) ?? []));
					return false;
				}
				trimTrailingTags(child, report);
			} else if (depth < 2 && (child.tagName === 'ul' || child.tagName === 'ol')) {
				visit(child, depth + 1);
				return child.children.some((item) => item instanceof Element);
			}
			return true;
		});
		if (kept.length !== parent.children.length) setChildren(parent, kept);
	};
	visit(root, 0);
}

/** Whether any piece of text under a node passes the test: a walk that copies nothing. */
function anyText(node: ParentNode, test: (text: string) => boolean): boolean {
	return node.children.some((child) => (child instanceof Text ? test(child.data) : child instanceof Element && anyText(child, test)));
}

/** Takes the job tags off the end of a block's last piece of text, if they are there. */
function trimTrailingTags(block: Element, report: SanitizeReport): void {
	let last: ChildNode | undefined = block.children.at(-1);
	while (last instanceof Element) last = last.children.at(-1);
	if (!(last instanceof Text)) return;
	const match = TRAILING_JOB_TAGS.exec(last.data);
	if (!match) return;
	report.tagsRemoved.push(...(match[0].match(JOB_TAG) ?? []));
	last.data = last.data.slice(0, match.index);
}

/** What takes a node's place under the allowlist: itself (attributes filtered), its children, or nothing. */
function allowlist(node: ChildNode): ChildNode | readonly ChildNode[] | null {
	if (node instanceof Text) return node;
	// Comments, doctypes and processing instructions carry nothing a candidate reads.
	if (!(node instanceof Element) || REMOVED_WITH_CONTENT.has(node.tagName)) return null;
	const name = RENAMED[node.tagName] ?? node.tagName;
	if (!ALLOWED_TAGS.has(name)) return node.children;
	node.tagName = name;
	const allowed = ALLOWED_ATTRIBUTES[name];
	// Most elements keep no attribute at all: no entries to list and filter for them.
	const attribs: Record<string, string> = {};
	if (allowed) {
		for (const attribute in node.attribs) {
			const value = node.attribs[attribute]!;
			if (value !== '' && allowed.includes(attribute)) attribs[attribute] = value;
		}
	}
	node.attribs = attribs;
	return node;
}

function hasAncestor(element: Element, names: ReadonlySet<string>): boolean {
	for (let parent = element.parent; parent; parent = parent.parent) if (isTag(parent, names)) return true;
	return false;
}

/**
 * Sanitizes an HTML string: {@link sanitizeTree} over a fresh parse, printed
 * again. For callers holding HTML text (tests, one-off tools); the pipeline
 * sanitizes the tree it already has.
 */
export function sanitizeHtml(html: string, siteUrl?: string): { html: string; report: SanitizeReport } {
	const root = parseFragment(html);
	const report = emptyReport();
	sanitizeTree(root, siteUrl, report);
	return { html: outerHtml(root).trim(), report };
}

/** The weight a style attribute sets ("bold" is 700, "normal" 400), or undefined when it sets none. */
function fontWeight(style: string): number | undefined {
	const value = /(?:^|;)\s*font-weight\s*:\s*([a-z]+|\d+)/i.exec(style)?.[1]?.toLowerCase();
	if (value === undefined) return undefined;
	if (/^\d+$/.test(value)) return Number(value);
	return { bold: 700, bolder: 700, normal: 400, lighter: 300 }[value];
}

/** Inline elements with no meaning of their own here: always unwrapped. */
const UNWRAP_TAGS = new Set(['span']);
/** Inline elements that are dropped when they hold no words. */
const INLINE_TAGS = new Set(['strong', 'em', 'a', 'sub', 'sup', 'code']);
/** Blocks that are dropped when they hold no words. */
const EMPTY_BLOCK_TAGS = new Set(['p', 'li', 'ul', 'ol', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);
/** Blocks whose first and last line breaks add an empty line and nothing else. */
const TRIMMED_TAGS = new Set(['p', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dt', 'dd', 'blockquote']);

function tidyLinks(root: Document, siteUrl: string | undefined, report: SanitizeReport): void {
	const siteHost = siteUrl ? new URL(siteUrl).host : undefined;
	for (const link of elementsOf(root).filter((element) => element.tagName === 'a')) {
		const href = link.attribs.href?.trim();
		// No href: the allowlist removed an empty one. Not absolute http(s), mailto or tel: it is unsafe
		// (javascript:), or it pointed into the ATS's own site and would break here. Keep the words, drop the link.
		if (!href || !/^(https?:\/\/|mailto:|tel:)/i.test(href)) {
			unwrap(link);
			continue;
		}
		const { href: cleaned, removed } = stripTracking(href);
		report.trackingRemoved.push(...removed);
		link.attribs.href = cleaned;
		let host: string | undefined;
		try {
			host = new URL(cleaned).host;
		} catch {
			host = undefined;
		}
		if (host && host !== siteHost) link.attribs.rel = 'noopener noreferrer';
	}
}

/** Puts an element's children where it was. */
function unwrap(element: Element): void {
	const parent = element.parent;
	if (!parent) return;
	const children = element.children;
	setChildren(parent, parent.children.flatMap((child) => (child === element ? children : [child])));
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
	node.parent = null;
}
