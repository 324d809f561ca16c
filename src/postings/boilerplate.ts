import { hash } from 'node:crypto';
import { cloneNode, Document, type Element } from 'domhandler';
import { elementsOf, escapeHtml, outerHtml, setChildren } from './dom.ts';
import type { CompanyBlock } from '../schemas/posting.ts';
import { headingOf, type BlockPart } from './structure.ts';
import { squash } from './text.ts';
import { remembered } from '../utils/remembered.ts';

/** Class names ATS exports give the company text they wrap around every posting. */
const INTRO_CLASS = 'content-intro';
const CONCLUSION_CLASS = 'content-conclusion';

/**
 * Paragraphs that are company text wherever they appear: equal-opportunity,
 * accommodation, export-control and similar legal statements.
 */
const LEGAL_PATTERNS = [
	/\bequal (employment )?opportunity\b/i,
	/\breasonable accommodations?\b/i,
	/\bexport control\b/i,
	/\bE-Verify\b/,
	/\b(affirmative action|AA\/EEO|EEO employer)\b/i,
	/\bfair chance\b.*\b(ordinance|act)\b/i,
];

/** The company wrapper cut out of a raw posting: each block's content as a fragment of its own. */
export interface CompanyWrapper {
	/** Content of each `content-intro` block, in order. */
	intro: Document[];
	/** Content of each `content-conclusion` block, in order. */
	conclusion: Document[];
}

/**
 * Cuts the ATS's company intro and conclusion blocks out of a raw posting's
 * tree, which keeps the posting proper. Must run before sanitizing: the class
 * names that mark them do not survive it.
 */
export function splitCompanyBlocks(root: Document): CompanyWrapper {
	// The substring test first: most elements have no class, or none close to these names.
	const hasClass = (element: Element, name: string) => element.attribs.class?.includes(name) === true && element.attribs.class.split(/[\t\n\f\r ]+/).includes(name);
	const take = (name: string) => {
		const found = elementsOf(root).filter((element) => hasClass(element, name));
		// A block inside another one taken is still part of that one: it gets a copy.
		const nestedness = found.map((element) => found.some((other) => other !== element && contains(other, element)));
		return found.map((element, index) => {
			const nested = nestedness[index]!;
			const fragment = new Document([]);
			setChildren(fragment, nested ? element.children.map((child) => cloneNode(child, true)) : element.children);
			const parent = element.parent;
			if (parent && !nested) setChildren(parent, parent.children.filter((child) => child !== element));
			return fragment;
		});
	};
	const intro = take(INTRO_CLASS);
	const conclusion = take(CONCLUSION_CLASS);
	return { intro, conclusion };
}

function contains(ancestor: Element, node: Element): boolean {
	for (let current = node.parent; current; current = current.parent) if (current === ancestor) return true;
	return false;
}

/**
 * Whether a paragraph is a legal statement that belongs with the company text.
 * A long paragraph is one only where its legal words come in its first half:
 * a whole description pasted as one paragraph, its equal-opportunity sentence
 * at the end (a plain-text ATS export), was company text, and its posting
 * failed to build with no role text left.
 */
export function isLegalText(text: string): boolean {
	if (text.length <= LONG_PARAGRAPH) return LEGAL_TEXT.some((pattern) => pattern.test(text));
	const half = text.length / 2;
	return LEGAL_TEXT.some((pattern) => {
		const at = text.search(pattern);
		return at >= 0 && at < half;
	});
}

/** Longer than any legal statement seen in a posting: its words can be a sentence of other text. */
const LONG_PARAGRAPH = 1500;

/** {@link LEGAL_PATTERNS} as one alternation per set of flags: one scan of each block instead of six. */
const LEGAL_TEXT = [...Map.groupBy(LEGAL_PATTERNS, (pattern) => pattern.flags)].map(([flags, patterns]) => new RegExp(patterns.map((pattern) => pattern.source).join('|'), flags));

/** Shortest text worth treating as repeated company text; shorter blocks ("Benefits", "Dental Insurance") repeat by nature. */
const MIN_REPEATED_LENGTH = 80;

/** Postings of one company that must carry a paragraph for it to count as company text, at the least. */
const MIN_REPEATING_POSTINGS = 3;

/**
 * The company-text candidates among a posting's block texts: a digest of
 * each fingerprint long enough to count, each once. Digests, not the texts:
 * they are what the cross-posting decision compares and what the loader's
 * cache keeps per posting, and a digest is a few bytes where a paragraph is
 * hundreds.
 */
export function candidateKeys(texts: readonly string[]): string[] {
	return candidatesOf(texts.map((text) => blockKey(squash(text))));
}

/**
 * {@link candidateKeys} from the {@link blockKey} of each block, for a caller
 * that keeps each block's key anyway: a digest per block, not two.
 *
 * @example
 * candidatesOf([undefined, 'k1', 'k2', 'k1']) // ['k1', 'k2']
 */
export function candidatesOf(keys: ReadonlyArray<string | undefined>): string[] {
	return [...new Set(keys.filter((key): key is string => key !== undefined))];
}

/**
 * A block text's candidate key ({@link candidateKeys}), or undefined when it
 * is too short to be repeated company text. Equal text, whatever its case,
 * gives an equal key.
 *
 * @param text the block's text, whitespace squashed (as the pipeline reads it: not squashed again here)
 */
export function blockKey(text: string): string | undefined {
	const key = text.toLowerCase();
	// One call, no hash object: every long block of every posting is digested.
	return key.length >= MIN_REPEATED_LENGTH ? hash('sha256', key, 'base64url').slice(0, 22) : undefined;
}

/**
 * Finds the paragraphs one company repeats across most of its postings:
 * present in at least three of them and in more than half. A lower share
 * would catch department blurbs, but it also took the whole role text of
 * postings made from one template (the same role under several titles or in
 * several cities) for company text: see docs/decisions.md. Only keys count
 * here, so the decision costs nothing next to reading a posting, and a
 * rebuild makes it again over every posting's cached keys.
 *
 * A running count, one posting at a time: it says what is repeated among the
 * postings counted so far. The pipeline finishes each posting on that guess
 * as soon as it is read, and finishes it again only if the whole folder
 * decides otherwise for its blocks.
 *
 * @example
 * const tally = new RepeatTally(); // one per company
 * for (const keys of [[blurb, 'Role one.'], [blurb], [blurb]].map(candidateKeys)) tally.add(keys);
 * tally.has(blockKey(blurb)!) // true: in 3 of 3 postings
 */
export class RepeatTally {
	readonly #counts = new Map<string, number>();
	#postings = 0;

	/** Counts one posting's {@link candidateKeys}. */
	add(keys: readonly string[]): void {
		this.#postings += 1;
		for (const key of keys) this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
	}

	/** Whether a key is repeated among the postings counted so far. */
	has(key: string): boolean {
		return (this.#counts.get(key) ?? 0) >= Math.max(MIN_REPEATING_POSTINGS, Math.floor(this.#postings / 2) + 1);
	}

	/** Those of one posting's {@link candidateKeys} repeated among the postings counted so far, in their order. */
	repeatedOf(keys: readonly string[]): string[] {
		return keys.filter((key) => this.has(key));
	}
}

/** Short content digest for ids: the same text always gets the same id. */
export function digest(text: string): string {
	return DIGESTS(text, () => hash('sha256', text, 'hex').slice(0, 12));
}

/** Company blocks repeat across postings (that is what they are): each is hashed once. */
const DIGESTS = remembered<string>(20_000);

/**
 * Makes stored blocks of sanitized company text, one per paragraph, list or
 * heading, so text that several postings share (the equal-opportunity
 * statement, say) is stored once even where the blocks around it differ.
 * Headings become `h3`: the page puts company text under its own `h2`.
 *
 * @param blocks top-level blocks of sanitized company text
 */
export function makeCompanyBlocks(kind: CompanyBlock['kind'], blocks: readonly Element[]): Array<Omit<CompanyBlock, 'usedBy'>> {
	return blocks.map((element) => companyBlock(kind, companyHtml(element)));
}

/** The HTML a block of company text is stored as ({@link makeCompanyBlocks}): a heading as `h3`, anything else as printed. */
export function companyHtml(element: Element): string {
	const heading = headingOf(element);
	return heading ? companyHtmlOf({ heading }) : outerHtml(element).trim();
}

/**
 * {@link companyHtml} of a block already read for the role text, when the
 * block is its own only part (see `blockElements` in structure.ts): the heading or HTML
 * read once serves both.
 */
export function companyHtmlOf(part: BlockPart): string {
	return 'heading' in part ? `<h3>${escapeHtml(part.heading.text)}</h3>` : part.html.trim();
}

/** A stored block of company text, its id the digest of its HTML. */
export function companyBlock(kind: CompanyBlock['kind'], html: string): Omit<CompanyBlock, 'usedBy'> {
	return { id: digest(html), kind, html };
}
