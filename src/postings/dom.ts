import * as cheerio from 'cheerio';
import { Element, Text, type AnyNode, type ChildNode, type ParentNode } from 'domhandler';
import { cleanText } from '../utils/safe-text.ts';

/** Elements that are blocks of their own; anything else between them is inline content. */
export const BLOCK_TAGS = new Set(['p', 'div', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'dl']);

/** Elements that end a line of text: blocks, and the parts of lists and tables. */
const LINE_TAGS = new Set([...BLOCK_TAGS, 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'dt', 'dd', 'br']);

/**
 * Parses an HTML fragment with htmlparser2, the parser sanitize-html uses, so
 * that no two stages of the pipeline read the same input differently (parse5
 * reads `<noscript>` as raw text, htmlparser2 as markup).
 */
export function loadFragment(html: string): cheerio.CheerioAPI {
	const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true, encodeEntities: 'utf8' } }, false);
	// A textarea's text is RCDATA: entities count there, but htmlparser2 leaves them as written
	// while the serializer escapes them, so every parse and print would add one `&amp;`.
	if (html.includes('<textarea') || html.includes('<TEXTAREA')) {
		select($, 'textarea').each((_, textarea) => {
			$(textarea).text(cheerio.load(`<p>${$(textarea).text().replace(/</g, '&lt;')}</p>`, null, false).text());
		});
	}
	return $;
}

/** Every piece of text under a node, joined by spaces: `<option>`s and table cells read as separate words. */
export function spacedText(node: AnyNode): string {
	const parts: string[] = [];
	const walk = (current: AnyNode) => {
		if (current instanceof Text) parts.push(current.data);
		else if (current instanceof Element) current.children.forEach(walk);
	};
	walk(node);
	return parts.join(' ').replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Elements matching a CSS selector anywhere in a loaded fragment, in document
 * order. Not `$(selector)` or `.find()`: cheerio searches with every top-level
 * node as context, and css-select de-duplicates that context pairwise, which is
 * quadratic in a posting of thousands of paragraphs (a 1 MB posting took 27 s).
 */
export function select($: cheerio.CheerioAPI, selector: string): cheerio.Cheerio<Element> {
	const elements: Element[] = [];
	const walk = (node: AnyNode) => {
		if (node instanceof Element) elements.push(node);
		if (node instanceof Element || node.type === 'root') for (const child of (node as ParentNode).children) walk(child);
	};
	walk($.root().get(0)!);
	// Filtering a known list tests each element once: linear.
	return $(elements).filter(selector);
}

/** Gives a parent a new list of children, keeping every `parent`/`prev`/`next` link right. */
export function setChildren(parent: ParentNode, children: ChildNode[]): void {
	parent.children = children;
	children.forEach((child, index) => {
		child.parent = parent;
		child.prev = children[index - 1] ?? null;
		child.next = children[index + 1] ?? null;
	});
}

/**
 * Rebuilds a tree bottom-up in one pass: `visit` sees each node after its
 * children were rebuilt and returns what takes its place (the node itself,
 * its children to unwrap it, other nodes, or nothing). Linear in the size of
 * the tree, where removing nodes one by one is quadratic in a long list.
 */
export function rebuild(parent: ParentNode, visit: (node: ChildNode) => ChildNode | readonly ChildNode[] | null): void {
	const next: ChildNode[] = [];
	for (const child of parent.children) {
		if (child instanceof Element) rebuild(child, visit);
		const replacement = visit(child);
		if (replacement === null) continue;
		if (Array.isArray(replacement)) next.push(...replacement);
		else next.push(replacement as ChildNode);
	}
	setChildren(parent, next);
}

/** Whether a node is an element with one of the given names. */
export function isTag(node: AnyNode | null | undefined, names: ReadonlySet<string>): node is Element {
	return node instanceof Element && names.has(node.tagName);
}

/** The text of a subtree, without building strings for every element on the way. */
export function hasText(node: AnyNode): boolean {
	if (node instanceof Text) return node.data.trim() !== '';
	if (node instanceof Element) return node.children.some(hasText);
	return false;
}

/**
 * Collapses whitespace the way a browser lays it out: each run becomes one
 * space, none at the start or end of a line, and none twice across the edge
 * of an inline element. Characters no output format may carry (controls,
 * non-characters) are dropped. Text nodes left empty are removed.
 */
export function collapseWhitespace(root: ParentNode): void {
	let last: Text | undefined;
	let lineStart = true;
	const endLine = () => {
		if (last?.data.endsWith(' ')) last.data = last.data.slice(0, -1);
		last = undefined;
		lineStart = true;
	};
	const walk = (node: ChildNode) => {
		if (node instanceof Text) {
			// Control characters and non-characters are dropped here, once, for every page, feed and index.
			let data = cleanText(node.data).replace(/[\s\u00a0]+/g, ' ');
			if (data.startsWith(' ') && (lineStart || last?.data.endsWith(' '))) data = data.slice(1);
			node.data = data;
			if (data !== '') {
				last = node;
				lineStart = false;
			}
			return;
		}
		if (!(node instanceof Element)) return;
		const endsLine = LINE_TAGS.has(node.tagName);
		if (endsLine) endLine();
		for (const child of node.children) walk(child);
		if (endsLine) endLine();
	};
	for (const child of root.children) walk(child);
	endLine();
	rebuild(root, (node) => (node instanceof Text && node.data === '' ? null : node));
}

/**
 * Wraps each run of loose inline content between a node's block children in a
 * paragraph, so every child is a block. Whitespace-only runs are dropped.
 */
export function wrapInlineRuns(parent: ParentNode): void {
	const children: ChildNode[] = [];
	let run: ChildNode[] = [];
	const flush = () => {
		if (run.some(hasText)) {
			const paragraph = new Element('p', {});
			setChildren(paragraph, run);
			children.push(paragraph);
		}
		run = [];
	};
	for (const child of parent.children) {
		if (isTag(child, BLOCK_TAGS)) {
			flush();
			children.push(child);
		} else if (child instanceof Text || child instanceof Element) {
			run.push(child);
		}
	}
	flush();
	setChildren(parent, children);
}
