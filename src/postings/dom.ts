import { Document, DomHandler, Element, Text, type AnyNode, type ChildNode, type ParentNode } from 'domhandler';
import { parseDocument, Parser } from 'htmlparser2';
import { cleanText } from '../utils/safe-text.ts';
import { BULLET } from './text.ts';

/** Elements that are blocks of their own; anything else between them is inline content. */
export const BLOCK_TAGS = new Set(['p', 'div', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'dl']);

/** Elements that end a line of text: blocks, and the parts of lists and tables. */
const LINE_TAGS = new Set([...BLOCK_TAGS, 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'dt', 'dd', 'br']);

/** htmlparser2's HTML mode, entities decoded: the one parser every stage agrees on. */
export const PARSE_OPTIONS = { xmlMode: false, decodeEntities: true } as const;

/** Elements nested deeper than a parse allowed: where the first one opens, and how deep the deepest goes. */
export class TooDeep extends Error {
	readonly deepest: number;
	/** Offset in the HTML of the first element past the limit, and its name. */
	readonly first: { index: number; tag: string };

	constructor(limit: number, deepest: number, first: { index: number; tag: string }) {
		super(`elements nested ${deepest} deep, past ${limit}`);
		this.deepest = deepest;
		this.first = first;
	}
}

/** domhandler's tree builder, counting how deep elements nest as it goes (implied and void closes included). */
class DepthHandler extends DomHandler {
	depth = 0;
	deepest = 0;
	first: { index: number; tag: string } | undefined;
	readonly limit: number;
	#parser: Parser | undefined;

	constructor(limit: number) {
		super(undefined, PARSE_OPTIONS);
		this.limit = limit;
	}

	override onparserinit(parser: Parser): void {
		super.onparserinit(parser);
		this.#parser = parser;
	}

	override onopentag(name: string, attribs: Record<string, string>): void {
		super.onopentag(name, attribs);
		this.depth += 1;
		if (this.depth > this.deepest) this.deepest = this.depth;
		if (this.depth > this.limit && !this.first) this.first = { index: this.#parser?.startIndex ?? 0, tag: name };
	}

	override onclosetag(): void {
		super.onclosetag();
		this.depth = Math.max(0, this.depth - 1);
	}
}

/**
 * Parses an HTML fragment with htmlparser2 into a domhandler tree: the one
 * parse a posting gets. Every stage after it transforms this tree.
 *
 * @param maxDepth how deep elements may nest; the tree walkers after the parse recurse, and thousands of levels overflow the stack
 * @throws {TooDeep} when elements nest deeper than `maxDepth` (the whole fragment is parsed first, to say how deep)
 */
export function parseFragment(html: string, maxDepth = Number.POSITIVE_INFINITY): Document {
	const handler = new DepthHandler(maxDepth);
	new Parser(handler, PARSE_OPTIONS).end(html);
	if (handler.first) throw new TooDeep(maxDepth, handler.deepest, handler.first);
	const root = handler.root;
	// A textarea's text is RCDATA: entities count there, but htmlparser2 leaves them as written.
	if (html.includes('<textarea') || html.includes('<TEXTAREA')) {
		for (const element of elementsOf(root)) {
			if (element.tagName !== 'textarea') continue;
			const text = textContent(element);
			setChildren(element, [new Text(textContent(parseDocument(`<p>${text.replace(/</g, '&lt;')}</p>`, PARSE_OPTIONS)))]);
		}
	}
	return root;
}

/** Every element under a node, in document order (the node itself included when it is one). */
export function elementsOf(node: AnyNode): Element[] {
	const elements: Element[] = [];
	const walk = (current: AnyNode) => {
		if (current instanceof Element) elements.push(current);
		if (current instanceof Element || current instanceof Document) for (const child of current.children) walk(child);
	};
	walk(node);
	return elements;
}

/** Whether any element under a node passes the test: {@link elementsOf} without the list, stopping at the first. */
export function someElement(node: ParentNode, test: (element: Element) => boolean): boolean {
	for (const child of node.children) {
		if (child instanceof Element && (test(child) || someElement(child, test))) return true;
	}
	return false;
}

/**
 * All the text under nodes, as the DOM's `textContent` gives it; with
 * `lineBreak`, each `<br>` adds it, for text that must keep the words a break
 * parts ("Location:<br>Berlin").
 */
export function textContent(node: AnyNode | readonly AnyNode[], lineBreak = ''): string {
	// Appended to one string, not joined from an array per element: this runs over every block of every posting.
	let text = '';
	const walk = (nodes: readonly AnyNode[]) => {
		for (const child of nodes) {
			if (child instanceof Text) text += child.data;
			else if (lineBreak && child instanceof Element && child.tagName === 'br') text += lineBreak;
			else if (child instanceof Element || child instanceof Document) walk(child.children);
		}
	};
	walk(Array.isArray(node) ? node : [node as AnyNode]);
	return text;
}

/** The nearest of a node and its ancestors that is an element with one of the given names. */
export function closest(node: AnyNode, names: ReadonlySet<string>): Element | undefined {
	for (let current: AnyNode | null = node; current; current = current.parent) if (isTag(current, names)) return current;
	return undefined;
}

const VOID_TAGS = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** The one table of HTML escapes; each use escapes the characters that matter where its text goes. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\u00a0': '&nbsp;' };
const escaper = (characters: RegExp) => {
	const all = new RegExp(characters.source, 'g');
	return (text: string) => (characters.test(text) ? text.replace(all, (char) => ESCAPES[char]!) : text);
};
// The printer's choices are cheerio's (kept so stored HTML stays byte for byte what it was): no-break spaces
// as `&nbsp;`, quotes escaped in attributes only, `<` and `>` in text only.
const escapeText = escaper(/[&<>\u00a0]/);
const escapeAttribute = escaper(/["&\u00a0]/);

/**
 * Escapes text for use inside HTML elements and double-quoted attributes, for
 * HTML written as a string (a heading, an ATS's plain-text field).
 *
 * @example
 * escapeHtml('R&D "Labs" <EU>') // 'R&amp;D &quot;Labs&quot; &lt;EU&gt;'
 */
export const escapeHtml = escaper(/[&<>"]/);

/**
 * Serializes sanitized nodes to HTML, as cheerio's `.html()` does for them
 * (UTF-8 kept, `& < > "` and no-break spaces escaped). Only for trees the
 * sanitizer has cleaned: there is no raw-text element or comment left to print.
 */
export function outerHtml(node: AnyNode | readonly AnyNode[]): string {
	// Pieces gathered in one array and joined once: a string per element, joined again at every level, copies each
	// block's HTML once per level it is nested in.
	const pieces: string[] = [];
	printInto(pieces, Array.isArray(node) ? node : [node as AnyNode]);
	return pieces.join('');
}

function printInto(pieces: string[], nodes: readonly AnyNode[]): void {
	for (const node of nodes) {
		if (node instanceof Text) {
			pieces.push(escapeText(node.data));
		} else if (node instanceof Document) {
			printInto(pieces, node.children);
		} else if (node instanceof Element) {
			let tag = `<${node.tagName}`;
			for (const name in node.attribs) tag += ` ${name}="${escapeAttribute(node.attribs[name]!)}"`;
			pieces.push(`${tag}>`);
			if (VOID_TAGS.has(node.tagName)) continue;
			printInto(pieces, node.children);
			pieces.push(`</${node.tagName}>`);
		}
	}
}

/**
 * Elements whose start tag closes an open element of another name in
 * htmlparser2 (`<div>` closes an open `<p>`), among those the sanitizer keeps.
 */
const IMPLIED_CLOSE = new Map<string, ReadonlySet<string>>([
	...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'div', 'dl', 'ol', 'pre', 'table', 'ul'].map((tag) => [tag, new Set(['p'])] as const),
	['tr', new Set(['tr', 'th', 'td'])],
	['th', new Set(['th'])],
	['td', new Set(['thead', 'th', 'td'])],
	['li', new Set(['li'])],
	['dd', new Set(['dd', 'dt'])],
	['dt', new Set(['dd', 'dt'])],
	['tbody', new Set(['thead', 'tbody'])],
	['tfoot', new Set(['thead', 'tbody'])],
]);

/**
 * Makes a tree what parsing its own HTML would give. Unwrapping or renaming
 * elements can leave a nesting the parser never builds (a `<div>` straight
 * inside a `<p>`, once a `<font>` between them is gone); printed and read
 * again, such HTML changes shape, and every page and stage must see the shape
 * a browser sees. Real postings almost never need it, so the check is one
 * walk, and the rare tree that does is printed and parsed again.
 */
export function settle(root: Document): void {
	if (!someElement(root, (element) => element.parent instanceof Element && IMPLIED_CLOSE.get(element.tagName)?.has(element.parent.tagName) === true)) return;
	setChildren(root, parseDocument(outerHtml(root), PARSE_OPTIONS).children);
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

/** Whitespace other than single plain spaces (`\s` includes the no-break space). */
const LOOSE_SPACE = /[^\S ]| {2}/;

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
	const children = parent.children;
	// Most nodes stay as they are: a new list (and relinking) only for a parent whose children change.
	let next: ChildNode[] | undefined;
	for (let index = 0; index < children.length; index += 1) {
		const child = children[index]!;
		if (child instanceof Element) rebuild(child, visit);
		const replacement = visit(child);
		if (next === undefined) {
			if (replacement === child) continue;
			next = children.slice(0, index);
		}
		if (replacement === null) continue;
		if (Array.isArray(replacement)) next.push(...replacement);
		else next.push(replacement as ChildNode);
	}
	if (next !== undefined) setChildren(parent, next);
}

/** Whether a node is an element with one of the given names. */
export function isTag(node: AnyNode | null | undefined, names: ReadonlySet<string>): node is Element {
	return node instanceof Element && names.has(node.tagName);
}

/** A character that is more than space: not whitespace, nor a zero-width space or joiner (a paragraph of "&#8203;" alone is empty). */
const WORDS = /[^\s\u200b-\u200d\u2060]/;

/** The text of a subtree, without building strings for every element on the way. */
export function hasText(node: AnyNode): boolean {
	if (node instanceof Text) return WORDS.test(node.data);
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
			let data = cleanText(node.data);
			if (LOOSE_SPACE.test(data)) data = data.replace(/\s+/g, ' ');
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

/**
 * Takes the bullet typed before the first words of some nodes ("• Flexible time off", "- Go"), however deep the
 * words are ("<strong>• Bold</strong> item"): a list draws its own. Whether there was one.
 */
export function dropBullet(nodes: readonly ChildNode[]): boolean {
	const text = firstText(nodes);
	if (!text || !BULLET.test(text.data)) return false;
	text.data = text.data.replace(BULLET, '');
	return true;
}

/** The first non-empty text of some nodes, however deep. */
export function firstText(nodes: readonly ChildNode[]): Text | undefined {
	for (const node of nodes) {
		if (node instanceof Text) {
			if (node.data !== '') return node;
		} else if (node instanceof Element) {
			return firstText(node.children);
		}
	}
	return undefined;
}

/** A character reference: "&amp;", "&#8211;", "&#x2013;". */
const REFERENCE = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

/**
 * A plain-text field with its character references decoded, as many times as
 * it was encoded (up to three): a title an aggregator encoded twice,
 * "Product Director &amp;#8211; Health Insurance", is "Product Director –
 * Health Insurance", and a recruiter's "R&amp;D" is "R&D". Text without a
 * reference, nearly all of it, is returned as it is; a "<" stays text.
 */
export function decodedText(text: string): string {
	let decoded = text;
	for (let round = 0; round < 3 && REFERENCE.test(decoded); round += 1) {
		decoded = textContent(parseFragment(decoded.replace(/</g, '&lt;')));
	}
	return decoded;
}

