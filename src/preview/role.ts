import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import { PARSE_OPTIONS } from '../postings/dom.ts';
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

/** A role's plain text in the two shapes its readers take. */
export interface RolePlainText {
	/**
	 * Each section's heading, then its blocks (paragraphs, list items,
	 * sub-headings), one per line, whitespace collapsed: what a preview
	 * compares and the manifest digests ({@link roleText}).
	 */
	lines: string;
	/**
	 * Every piece of text of the sections' HTML as the DOM's `textContent`
	 * gives it, the sections joined by a line break, then all whitespace
	 * collapsed into single spaces; headings left out: what the review reads
	 * (src/review/corpus.ts).
	 */
	flat: string;
}

const plainTexts = new WeakMap<object, RolePlainText>();

/**
 * One section's HTML read once: its lines (a line ends after each block's
 * text and at each `<br>`) and all its text, as `textContent` gives it. Read
 * from the parser's events, not a tree: the build makes every role's texts
 * as it stores the pipeline's run, before Astro can go on, and a tree built
 * only to be walked once cost more than the reading (3,147 postings of the
 * corpus and the scale bench: 0.30 s against 0.53 s in a fresh process). The
 * same parser gives the same text: the same texts for all 3,147.
 */
function sectionText(html: string): { lines: string[]; all: string } {
	const parts: string[] = [];
	let all = '';
	new Parser(
		{
			ontext: (text) => {
				parts.push(text);
				all += text;
			},
			// A `<br>` is closed as it opens, and is no block: its line ends once.
			onopentag: (name) => {
				if (name === 'br') parts.push('\n');
			},
			onclosetag: (name) => {
				if (BLOCKS.has(name)) parts.push('\n');
			},
		},
		PARSE_OPTIONS,
	).end(html);
	return { lines: parts.join('').split('\n').map(squash).filter(Boolean), all };
}

/**
 * Both plain texts of a role, made in one walk of each section's HTML and
 * kept for the posting object: a preview's review and its comparison with
 * production each read every role's, and parsing the HTML for each took
 * 1–2.4 s apiece at 10,000 roles. Company text is not part of them: it is
 * shared by every role and reviewed on its own.
 */
export function rolePlainText(posting: Pick<Posting, 'sections'>): RolePlainText {
	// Read first: a posting from the content store brings its texts with its sections, from the file that holds both.
	const { sections } = posting;
	const known = plainTexts.get(posting);
	if (known) return known;
	const lines: string[] = [];
	const all: string[] = [];
	for (const section of sections) {
		const text = sectionText(section.html);
		lines.push(...(section.title ? [squash(section.title)] : []), ...text.lines);
		all.push(text.all);
	}
	const texts = { lines: lines.join('\n'), flat: squash(all.join('\n')) };
	plainTexts.set(posting, texts);
	return texts;
}

/** Gives a posting its plain texts, made earlier from its sections (src/loaders/role-text.ts keeps them with its HTML). */
export function rememberPlainText(posting: object, texts: RolePlainText): void {
	plainTexts.set(posting, texts);
}

/**
 * Gives a posting the plain text of another whose sections are the same
 * (headings and HTML), without reading its HTML: a role at production's
 * merge base is, but for the roles a pull request changes, the build's.
 *
 * @returns whether the sections were the same
 */
export function sharePlainText(posting: Pick<Posting, 'sections'>, same: Pick<Posting, 'sections'>): boolean {
	const { sections } = posting;
	const other = same.sections;
	if (sections.length !== other.length || sections.some((section, index) => section.html !== other[index]!.html || section.title !== other[index]!.title)) return false;
	plainTexts.set(posting, rolePlainText(same));
	return true;
}

/** The role's plain text, one heading or block per line ({@link RolePlainText.lines}). */
export function roleText(posting: Pick<Posting, 'sections'>): string {
	return rolePlainText(posting).lines;
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
			...(range.bound ? { bound: range.bound } : {}),
		})),
		applyUrl: posting.applyUrl,
	};
}
