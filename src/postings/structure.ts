import { Element, Text, type ChildNode, type ParentNode } from 'domhandler';
import { escapeHtml, isTag, outerHtml, setChildren, textContent, wrapInlineRuns } from './dom.ts';
import type { Section, SectionKind } from '../schemas/posting.ts';
import { escapeRegExp, slugify, squash } from './text.ts';

/** Heading text -> section kind. Order matters: "Preferred qualifications" is a nice-to-have, not a requirement. */
const KIND_PATTERNS: Array<[RegExp, SectionKind]> = [
	[/\b(bonus|nice[ -]to[ -]have|preferred|pluses|a plus|extra credit|even better)\b/i, 'nice-to-have'],
	[/\b(about (the )?(department|org|organi[sz]ation|division|group))\b/i, 'department'],
	[/\b(about (the|our|this) team|the team|meet the team|your team)\b/i, 'team'],
	[/\b(about (the )?(role|job|position|opportunity)|the (role|opportunity|position)|role (overview|summary)|job (description|summary|overview)|overview|summary)\b/i, 'role'],
	[/\b(what you('|’)?ll do|what you will do|responsibilit|your (role|mission|impact)|day[ -]to[ -]day|what you('|’)?ll be doing|in this role|duties|the work)\b/i, 'responsibilities'],
	[/\b(requirement|qualification|skills|experience|what you('|’)?ll bring|what you bring|what we('|’)?re looking for|who you are|about you|you (have|are|might be)|must[ -]have)/i, 'requirements'],
	[/\b(compensation|salary|pay( range| transparency)?|wages?)\b/i, 'compensation'],
	[/\b(equity|stock|shares)\b/i, 'equity'],
	[/\b(benefits?|perks|time off|leave|holidays|wellbeing|well-being|what we offer)\b/i, 'benefits'],
	[/\b(equal (employment )?opportunity|eeo|accommodations?|legal|disclaimer|privacy notice|export control)\b/i, 'closing'],
	[/\b(about us|about the company|who we are|our (mission|story|values)|what makes .* special|why join|life at)\b/i, 'company'],
];

/** Classifies a heading into a section kind; `other` when nothing matches. */
export function classifyHeading(title: string, companyName?: string): SectionKind {
	if (companyName && aboutCompany(companyName).test(title)) return 'company';
	return KIND_PATTERNS.find(([pattern]) => pattern.test(title))?.[1] ?? 'other';
}

/** "About <Company>", compiled once per company name rather than per heading. */
function aboutCompany(companyName: string): RegExp {
	let pattern = ABOUT_COMPANY.get(companyName);
	if (!pattern) {
		pattern = new RegExp(`^about ${escapeRegExp(companyName)}\\b`, 'i');
		ABOUT_COMPANY.set(companyName, pattern);
	}
	return pattern;
}
const ABOUT_COMPANY = new Map<string, RegExp>();

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const MAX_HEADING_LENGTH = 120;

/**
 * Whether a top-level block acts as a heading: a real heading element, or a
 * paragraph whose only content is bold text (how most ATS editors "make" headings).
 * Returns the heading's text and a depth (1-6; bold paragraphs count as 6, the weakest).
 */
export function headingOf(element: Element): { text: string; depth: number } | undefined {
	const isHeading = HEADING_TAGS.has(element.tagName);
	// The shape decides first: most blocks are plain paragraphs and lists, whose text need not be read.
	if (!isHeading) {
		if (element.tagName !== 'p') return undefined;
		const meaningful = element.childNodes.filter((node) => !(node.type === 'text' && node.data.trim() === '') && !(node.type === 'tag' && node.tagName === 'br'));
		if (meaningful.length !== 1) return undefined;
		const only = meaningful[0]!;
		if (only.type !== 'tag' || only.tagName !== 'strong') return undefined;
	}
	// A line break parts words, as on the page ("開催日時：<br>9月9日", Eureka's heading): the heading is written again from
	// this text, so a break that parted nothing here would join its words for good.
	const text = squash(textContent(element, ' ')).replace(/:$/, '').trim();
	if (text === '' || text.length > MAX_HEADING_LENGTH) return undefined;
	if (isHeading) return { text, depth: Number(element.tagName[1]) };
	// A bold sentence is emphasis, not a heading.
	if (/[.!]$/.test(text) && text.split(' ').length > 8) return undefined;
	return { text, depth: 6 };
}

/** Top-level children of a fragment, with loose inline content wrapped in paragraphs. */
export function topLevelBlocks(root: ParentNode): Element[] {
	wrapInlineRuns(root);
	return root.children.filter((node): node is Element => node instanceof Element);
}

const BR = new Set(['br']);

/**
 * The lines of a paragraph, cut at every `<br>`, however deep. An element a
 * break cuts keeps its start in the line before and ends there; the rest of
 * its content continues the next line unwrapped, as a browser reads the HTML
 * of each line on its own.
 */
function linesOf(paragraph: Element): ChildNode[][] {
	const lines: ChildNode[][] = [[]];
	let open: Element[] = [];
	const append = (node: ChildNode) => {
		const parent = open.at(-1);
		if (parent) parent.children.push(node);
		else lines.at(-1)!.push(node);
	};
	const visit = (node: ChildNode) => {
		if (node instanceof Element && node.tagName === 'br') {
			lines.push([]);
			open = [];
		} else if (node instanceof Text) {
			append(new Text(node.data));
		} else if (node instanceof Element) {
			const copy = new Element(node.tagName, { ...node.attribs });
			append(copy);
			open.push(copy);
			for (const child of node.children) visit(child);
			const at = open.indexOf(copy);
			if (at !== -1) open = open.slice(0, at);
			setChildren(copy, [...copy.children]);
		}
	};
	for (const child of paragraph.children) visit(child);
	return lines.map((line) => {
		// Spaces at the very edges of a line are the break's, not the words'.
		const first = line[0];
		if (first instanceof Text) first.data = first.data.replace(/^[ \t\n\f\r]+/, '');
		const last = line.at(-1);
		if (last instanceof Text) last.data = last.data.replace(/[ \t\n\f\r]+$/, '');
		return line.filter((node) => !(node instanceof Text && node.data === ''));
	});
}

/**
 * Paragraphs that use `<br>` as a list separator become real lists; paragraphs
 * that use it between whole sentences become separate paragraphs.
 */
function splitBrParagraph(paragraph: Element): Element[] {
	if (!paragraph.children.some((child) => isTag(child, BR))) return [paragraph];
	const all = linesOf(paragraph);
	const texts = all.map((line) => squash(textContent(line)));
	const lines = all.filter((_, index) => texts[index] !== '');
	if (lines.length < 2) return [paragraph];
	const isList = texts.filter((text) => text !== '').every((line) => !/[.!?:]$/.test(line) && line.length <= 300);
	const wrap = (tag: string, children: ChildNode[]) => {
		const element = new Element(tag, {});
		setChildren(element, children);
		return element;
	};
	if (!isList) return lines.map((line) => wrap('p', line));
	return [wrap('ul', lines.map((line) => wrap('li', line)))];
}

/** Options for {@link structureBody}. */
export interface StructureOptions {
	/** Used to recognise "About <Company>" headings. */
	companyName?: string | undefined;
	/** Ids already used on the page, so section ids never collide with them. */
	reservedIds?: Iterable<string>;
}

/** A section of the role text, with what later stages read from it. */
export interface ReadSection extends Section {
	/** Its plain text, whitespace collapsed. */
	text: string;
	/** The text of each paragraph and list item, in order. */
	paragraphs: string[];
}

/**
 * What {@link sectionsOf} needs of one block of role text: a heading, or
 * content with its HTML, its text and the text of its paragraphs and list
 * items. Read from the tree once, so the tree need not be kept until the
 * sections are made.
 */
export type BlockPart = { heading: { text: string; depth: number } } | { html: string; text: string; paragraphs: string[] };

/** The elements a top-level block stands for: a paragraph that uses `<br>` between items or sentences is several. */
export function blockElements(block: Element): Element[] {
	return block.tagName === 'p' ? splitBrParagraph(block) : [block];
}

/** What {@link sectionsOf} reads of one of {@link blockElements}. */
export function partOf(element: Element): BlockPart {
	const heading = headingOf(element);
	if (heading) return { heading };
	return { html: outerHtml(element), ...textAndParagraphs(element) };
}

const isParagraph = (element: Element) => element.tagName === 'p' || element.tagName === 'li';

/**
 * An element's text and the text of each paragraph and list item in it
 * (itself included), in document order, read in one walk. The paragraphs
 * are slices of the one text, so V8 keeps them as views of it rather than
 * copies: the texts of thousands of postings are held at once.
 */
function textAndParagraphs(element: Element): { text: string; paragraphs: string[] } {
	// Most blocks are a paragraph or item holding one run of text: that text is all there is to read.
	const [only] = element.children;
	if (element.children.length === 1 && only instanceof Text) return { text: only.data, paragraphs: isParagraph(element) ? [only.data] : [] };
	const pieces: string[] = [];
	let length = 0;
	// Start and end offsets of each paragraph, in the order its element opens.
	const ranges: number[] = [];
	const walk = (node: Element) => {
		const slot = isParagraph(node) ? ranges.push(length, length) - 1 : undefined;
		for (const child of node.children) {
			if (child instanceof Text) {
				pieces.push(child.data);
				length += child.data.length;
			} else if (child instanceof Element) walk(child);
		}
		if (slot !== undefined) ranges[slot] = length;
	};
	walk(element);
	const text = pieces.join('');
	const paragraphs: string[] = [];
	for (let index = 0; index < ranges.length; index += 2) paragraphs.push(text.slice(ranges[index], ranges[index + 1]));
	return { text, paragraphs };
}

/**
 * Splits the sanitized body's top-level blocks into named sections with one
 * consistent heading hierarchy: each section has an `h2` title (rendered by
 * the page) and its sub-sections become `h3` with stable ids.
 *
 * A heading starts a new section when it names a different kind of section or
 * when the source marked it up more prominently than the current one. A heading
 * of the same kind ("Financial Benefits" under "Benefits") or of no known kind
 * ("Time Off") becomes a sub-section. ATS editors mix `h4` and bold paragraphs
 * freely, so markup depth alone decides nothing.
 */
export function structureBody(blocks: readonly Element[], options: StructureOptions = {}): ReadSection[] {
	return sectionsOf(blocks.flatMap(blockElements).map(partOf), options);
}

/** {@link structureBody} from the parts its blocks were read into ({@link blockElements}, {@link partOf}), in order. */
export function sectionsOf(parts: readonly BlockPart[], options: StructureOptions = {}): ReadSection[] {
	const used = new Set(options.reservedIds ?? []);
	const uniqueId = (text: string) => {
		const base = slugify(text) || 'section';
		let id = base;
		for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
		used.add(id);
		return id;
	};

	interface Draft {
		title?: string;
		kind: SectionKind;
		depth: number;
		id: string;
		/** HTML of each part, its text, and the paragraphs and list items in it. */
		parts: Array<{ html: string; text: string; paragraphs: string[] }>;
	}
	const sections: Draft[] = [];
	let current: Draft | undefined;

	for (const part of parts) {
		if (!('heading' in part)) {
			if (!current) {
				current = { kind: 'role', depth: 7, id: uniqueId('overview'), parts: [] };
				sections.push(current);
			}
			current.parts.push(part);
			continue;
		}
		const { heading } = part;
		const kind = classifyHeading(heading.text, options.companyName);
		const isSub =
			current !== undefined &&
			current.title !== undefined &&
			heading.depth >= current.depth &&
			(kind === current.kind || (kind === 'other' && current.kind !== 'other'));
		if (isSub && current) {
			// Its text is read like a paragraph's: a heading may state the pay ("Compensation Range: $240k - $260K").
			current.parts.push({ html: `<h3 id="${uniqueId(heading.text)}">${escapeHtml(heading.text)}</h3>`, text: heading.text, paragraphs: [heading.text] });
			continue;
		}
		current = { title: heading.text, kind, depth: heading.depth, id: uniqueId(heading.text), parts: [] };
		sections.push(current);
	}

	return sections
		.filter((section) => section.title !== undefined || section.parts.length > 0)
		.map((section) => ({
			id: section.id,
			...(section.title === undefined ? {} : { title: section.title }),
			kind: section.kind,
			html: section.parts.map((part) => part.html).join('\n'),
			// Joined by a space, not a line break: squash makes either one space, and text with no loose space is kept as it is, not copied.
			text: squash(section.parts.map((part) => part.text).join(' ')),
			paragraphs: section.parts.flatMap((part) => part.paragraphs),
		}));
}
