import type { Document, Element } from 'domhandler';
import type { Site } from '../schemas/site.ts';
import { postingSchema, type CompanyBlock, type HiddenValue, type Posting } from '../schemas/posting.ts';
import { hash } from 'node:crypto';
import { MAX_NESTING, readPosting, tooDeepError, type PostingOrigin, type RawPosting } from '../sources/posting-file.ts';
import { blockKey, candidatesOf, companyBlock, companyHtml, companyHtmlOf, isLegalText, RepeatTally, splitCompanyBlocks } from './boilerplate.ts';
import { elementsOf, parseFragment, textContent, TooDeep } from './dom.ts';
import { fromZodError, PostingError, PostingErrors } from './errors.ts';
import {
	provenanceOf,
	resolveApplyUrl,
	resolveDatePosted,
	resolveDepartment,
	resolveEmploymentType,
	resolveLanguage,
	resolveLocations,
	resolvePayRanges,
	resolveSummary,
	resolveTeam,
	resolveTitle,
	type FieldInput,
	type LocationLine,
} from './fields.ts';
import { hiddenValueMismatches } from './hidden-values.ts';
import { isPlaceHeading, readLocationLine } from './locations.ts';
import { emptyReport, sanitizeTree, type SanitizeReport } from './sanitize.ts';
import { blockElements, partOf, sectionsOf, topLevelBlocks, type BlockPart } from './structure.ts';
import { MAX_SLUG_LENGTH, slugify, slugIsCut, squash, truncate } from './text.ts';
import { resolveValidThrough } from './valid-through.ts';
import { detectLanguage } from './language.ts';
import { detached } from '../utils/detached.ts';

/** Element ids the role page uses itself; section ids never take them. */
export const RESERVED_IDS = ['main', 'content', 'apply', 'company', 'details', 'title', 'locations', 'pay'];

/** One posting file's path and text. */
export interface SourceFile {
	/** Path used in messages (relative to the project); keys the commit dates. */
	file: string;
	source: string;
	/**
	 * A digest of the bytes `source` was decoded from, when its reader made
	 * one: the pipeline cache then finds the posting's entry by it, and
	 * `source` is read only if the posting is normalized.
	 */
	digest?: string;
	/** Where it comes from, when not the file at `file` (an ATS row read at build time). */
	origin?: PostingOrigin;
}

/** The pipeline's output: postings and the company text they share, stored once. */
export interface Catalogue {
	postings: Posting[];
	company: CompanyBlock[];
	/** Problems that do not stop the build but a recruiter should hear about ("file: field: …"). */
	warnings: string[];
	/** Where each posting comes from, by slug. */
	origins: Map<string, PostingOrigin>;
}

/** What the pipeline needs from outside the files themselves. */
export interface NormalizeOptions {
	/** Day each file was first committed (YYYY-MM-DD), keyed by `SourceFile.file`: the default `datePosted`. */
	firstCommitted?: ReadonlyMap<string, string>;
	/** Day each file was last committed (YYYY-MM-DD), keyed by `SourceFile.file`: `dateModified`. */
	lastCommitted?: ReadonlyMap<string, string>;
	/** Why `firstCommitted` may be wrong (a shallow clone), repeated in warnings. */
	historyCaveat?: string;
	/** The build day (YYYY-MM-DD): `datePosted` of a file git does not know yet. Defaults to today. */
	today?: string;
	/** Results of earlier runs to reuse, and where to keep this run's (see {@link PostingCache}). */
	cache?: PostingCache;
}

/**
 * Bump when what the cache keeps changes shape or meaning, so results kept
 * by an older pipeline are never reused. (Any change to the code also starts
 * afresh: see {@link PostingCache.version}.)
 */
export const PIPELINE_VERSION = 1;

/** What one posting's own phase found that the cross-posting decision needs: all a cached posting has to offer before its result is looked up. */
export interface PostingSummary {
	/** Whose company text its paragraphs count towards: `system:board` of a synced posting, '' for the site's own company. */
	company: string;
	/** The company-text candidates of its body's blocks ({@link candidatesOf}). */
	candidates: string[];
	/** Whether the front matter gives `datePosted`: then neither the build day nor the first commit changes the result. */
	datePosted: boolean;
}

/** A company block as a posting uses it (how many postings use it is counted once all are finished). */
export type UsedBlock = Omit<CompanyBlock, 'usedBy'>;

/** One posting's share of a catalogue. */
export interface FinishedPosting {
	posting: Posting;
	/** The company text blocks it uses, in order, once per use: the run's one object for each distinct block. */
	company: UsedBlock[];
	/** Its warnings, in the order the run gives them. */
	warnings: string[];
}

/** What a cache keeps per posting, under the digest of its input. */
export interface CacheEntry {
	summary: PostingSummary;
	/** The digest of everything `finished` was made from: reused only while the same. */
	key: string;
	finished: FinishedPosting;
}

/**
 * Per-posting results kept between runs, so a run after one posting changed
 * redoes that posting and the postings whose company text changes with it,
 * nothing else. The pipeline stays pure: the caller loads and saves the
 * entries (the loader keeps them in Astro's cache folder).
 *
 * Entries are looked up by a digest of the posting's input (its file name,
 * origin and text, the site settings, {@link PIPELINE_VERSION} and
 * {@link version}: sanitizing reads the settings); an entry's result is
 * reused when its key also matches: the input, the company-text candidates
 * of this posting that the run finds repeated, and the dates the result
 * depends on.
 */
export interface PostingCache {
	/** The code that made the entries (the caller's digest of it): entries of other code are never reused. */
	readonly version: string;
	get(input: string): CacheEntry | undefined;
	/** Called for every posting of a successful read, with its current entry. */
	set(input: string, entry: CacheEntry): void;
}

/**
 * One posting read: parsed once, its company wrapper cut out, sanitized;
 * everything that needs no other posting. No tree is kept: each block is
 * read into what either of its fates (role text or company text) needs. A
 * read posting is finished at once ({@link Guess}) and then dropped.
 */
interface Read {
	raw: RawPosting;
	anchors: string[];
	hiddenValues: HiddenValue[];
	/** Top-level blocks of each `content-intro` and `content-conclusion` block, sanitized. */
	intro: CompanyPart[][];
	conclusion: CompanyPart[][];
	/** Top-level blocks of the sanitized body, location lines removed. */
	blocks: BodyBlock[];
	locationLines: LocationLine[];
	report: SanitizeReport;
}

/** A block of company text: its stored HTML ({@link companyHtml}) and its text. */
interface CompanyPart {
	html: string;
	text: string;
}

/** A top-level block of the body, read for either fate. */
interface BodyBlock extends CompanyPart {
	/** Its {@link blockKey}. */
	key: string | undefined;
	/** What it adds to the role text, if it stays there. */
	parts: BlockPart[];
}

/** A posting between its own phase and its finish: read now, or known from the cache. */
interface Pending {
	file: SourceFile;
	/** Digest of its input: the cache's lookup key. */
	input: string;
	entry?: CacheEntry;
	summary: PostingSummary;
	/** Its result on the company text guessed when it was read, if it was read: kept when the whole set agrees. */
	guess?: Guess;
}

/**
 * A posting finished as soon as it was read, on the company text its
 * company's postings read so far repeat ({@link RepeatTally}). Once every
 * posting is counted, it stands if the same of its candidates turn out
 * repeated, since the result depends on the other postings through those
 * alone (as the cache's key says); else the posting is read and finished
 * again. A company's text is in nearly all its postings, so the guess is
 * right from its third posting on, and a run holds no posting's read
 * blocks while it waits for the others: those of 10,000 postings were
 * 214 MB, copied between the heap's generations (docs/decisions.md, "Each
 * posting finished as it is read").
 */
interface Guess {
	/** Its candidates taken for company text. */
	repeated: string[];
	/** Undefined when it could not be built on this guess: then its `errors` say why. */
	finished: FinishedPosting | undefined;
	errors: PostingError[];
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * The stages that need one posting alone, in order, over the one tree its
 * HTML is parsed into: record what only the raw HTML says (heading anchors,
 * hidden values), cut out the company wrapper, sanitize each part.
 */
function read(raw: RawPosting, site: Site): Read {
	const root = parse(raw);
	const anchors = elementsOf(root)
		.filter((element) => HEADINGS.has(element.tagName) && element.attribs.id !== undefined)
		.map((element) => element.attribs.id ?? '');
	const hiddenValues = hiddenValueMismatches(root);
	const wrapper = splitCompanyBlocks(root);
	const report = emptyReport();
	const clean = (fragment: Document) => {
		sanitizeTree(fragment, site.siteUrl, report);
		return topLevelBlocks(fragment);
	};
	const companyPart = (element: Element): CompanyPart => ({ html: companyHtml(element), text: squash(textContent(element)) });
	const intro = wrapper.intro.map((fragment) => clean(fragment).map(companyPart));
	const conclusion = wrapper.conclusion.map((fragment) => clean(fragment).map(companyPart));
	const locationLines: LocationLine[] = [];
	const blocks: BodyBlock[] = [];
	// Headings that open the text, before any other block: one of places alone is a location line, and one that repeats
	// the title given (ClearPoint's "<h2>Principal Engineer</h2>") is left to the page's own title.
	let opening = true;
	const title = raw.frontMatter.title && squash(raw.frontMatter.title).toLowerCase();
	for (const element of clean(root)) {
		const elements = blockElements(element);
		const parts = elements.map(partOf);
		// A block that is its own only part has its text read already: the same string, not a second walk and copy.
		const only = elements.length === 1 && elements[0] === element ? parts[0]! : undefined;
		const text = squash(only && 'text' in only ? only.text : textContent(element));
		opening &&= HEADINGS.has(element.tagName);
		if (opening && text.toLowerCase() === title) continue;
		const line = readLocationLine(text) ?? (opening && isPlaceHeading(text) ? { list: text, more: false } : undefined);
		if (line) {
			locationLines.push({ text, list: line.list });
			if (!line.more) continue;
		}
		// A block that is its own only part was read for the role text already: its company HTML comes from that reading.
		const html = only ? companyHtmlOf(only) : companyHtml(element);
		blocks.push({ html, text, key: blockKey(text), parts });
	}
	return { raw, anchors, hiddenValues, intro, conclusion, blocks, locationLines, report };
}

/** The posting's HTML parsed, refused when it nests deeper than the tree walkers can follow. */
function parse(raw: RawPosting): Document {
	try {
		return parseFragment(raw.html, MAX_NESTING);
	} catch (error) {
		if (error instanceof TooDeep) throw tooDeepError(raw, error.deepest, error.first);
		throw error;
	}
}

/**
 * Runs the whole pipeline over a set of posting files: read, sanitize,
 * separate company text, structure, extract and validate.
 *
 * Problems in any posting are collected and thrown together, so one build
 * reports every file that needs fixing.
 *
 * @throws {PostingErrors} naming each file and field at fault
 */
export function normalizePostings(files: readonly SourceFile[], site: Site, options: NormalizeOptions = {}): Catalogue {
	const errors: PostingError[] = [];
	const warnings: string[] = [];
	const today = options.today ?? new Date().toISOString().slice(0, 10);
	const attempt = collectInto(errors);

	const cache = options.cache;
	const firstCommitted = options.firstCommitted;
	const settings = cache ? sha(JSON.stringify(site)) : '';

	// Company text is found per company (a synced posting's ATS board, else the site's own), over candidate keys alone.
	const tallies = new Map<string, RepeatTally>();
	const tally = (summary: PostingSummary): RepeatTally => {
		let counted = tallies.get(summary.company);
		if (!counted) tallies.set(summary.company, (counted = new RepeatTally()));
		counted.add(summary.candidates);
		return counted;
	};
	// Each distinct company block is made once a run (its language read from the text the reading stage kept), and
	// every posting that carries it shares that one object: cached results carry it.
	const blocks = new Map<string, UsedBlock>();
	const companyBlockOf = (kind: CompanyBlock['kind'], html: string, text: string): UsedBlock => {
		const made = companyBlock(kind, html);
		const known = blocks.get(`${kind}\0${made.id}`);
		if (known) return known;
		const lang = detectLanguage(text);
		const block = detached(lang ? { ...made, lang } : made);
		blocks.set(`${kind}\0${made.id}`, block);
		return block;
	};
	const finishing: Finishing = { ...options, today, companyBlockOf };
	const readFile = (file: SourceFile) => attempt(() => read(readPosting(originOf(file), file.source), site));
	const items = files.flatMap((file): Pending[] => {
		const origin = originOf(file);
		const input = cache ? sha(`${PIPELINE_VERSION}\0${cache.version}\0${settings}\0${file.file}\0${JSON.stringify(origin)}\0${contentKey(file)}`) : '';
		const entry = cache?.get(input);
		if (entry) {
			tally(entry.summary);
			return [{ file, input, entry, summary: entry.summary }];
		}
		// Its own phase: read and sanitized, then finished on a guess of the company text.
		const item = readFile(file);
		if (!item) return [];
		const summary = summarize(item);
		const repeated = tally(summary).repeatedOf(summary.candidates);
		const problems: PostingError[] = [];
		const finished = finishRead(item, site, new Set(repeated), finishing, collectInto(problems));
		return [{ file, input, summary, guess: { repeated, finished, errors: problems } }];
	});

	const postings: Posting[] = [];
	const origins = new Map<string, PostingOrigin>();
	const company = new Map<string, CompanyBlock>();
	for (const item of items) {
		// Every posting is counted now: the tally says what the whole folder repeats.
		const repeated = tallies.get(item.summary.company)!.repeatedOf(item.summary.candidates);
		const committed = options.lastCommitted?.get(item.file.file) ?? '';
		// Only what this posting's result can depend on: the other postings count through its repeated candidates alone.
		const dates = item.summary.datePosted ? '' : (firstCommitted?.get(item.file.file) ?? `today:${today}`) + (firstCommitted?.has(item.file.file) ? `|${options.historyCaveat ?? ''}` : '');
		const key = cache ? sha(JSON.stringify([item.input, repeated, dates, committed])) : '';
		let finished = item.entry?.key === key ? item.entry.finished : undefined;
		if (!finished && item.guess && sameKeys(item.guess.repeated, repeated)) {
			errors.push(...item.guess.errors);
			finished = item.guess.finished;
		} else if (!finished) {
			const state = readFile(item.file);
			finished = state && finishRead(state, site, new Set(repeated), finishing, attempt);
		}
		if (!finished) continue;
		cache?.set(item.input, { summary: item.summary, key, finished });
		postings.push(finished.posting);
		origins.set(finished.posting.slug, originOf(item.file));
		warnings.push(...finished.warnings);
		for (const block of finished.company) {
			const known = company.get(block.id);
			company.set(block.id, known ? { ...known, usedBy: known.usedBy + 1 } : { ...block, usedBy: 1 });
		}
	}

	errors.push(...duplicates(postings, 'slug'), ...duplicates(postings, 'id'), ...formerSlugClashes(postings));
	if (errors.length > 0) throw new PostingErrors(errors);
	return { postings, company: [...company.values()], warnings, origins };
}

/** What finishing a posting needs beside the posting: the run's options and day, and its one object for each company block. */
type Finishing = NormalizeOptions & {
	today: string;
	/**
	 * A company block of this kind and HTML, with the language of its text: one object a run for each (a board has a
	 * few hundred distinct blocks, shared by thousands of postings, and each posting's own copy of them was 2–4 KB of
	 * HTML kept for as long as the run and its cache).
	 */
	companyBlockOf: (kind: CompanyBlock['kind'], html: string, text: string) => UsedBlock;
};

/** Where a posting comes from: its ATS row, or else its file. */
function originOf(file: SourceFile): PostingOrigin {
	return file.origin ?? { kind: 'file', path: file.file };
}

/** The key of a company: a synced posting's ATS board, or '' for the site's own company. */
function companyOf(raw: RawPosting): string {
	return raw.frontMatter.ats ? `${raw.frontMatter.ats.system}:${raw.frontMatter.ats.board}` : '';
}

/** Runs a step of one posting; a posting's problems go into `errors` (the step's result is then undefined), anything else is thrown. */
function collectInto(errors: PostingError[]) {
	return <T>(run: () => T): T | undefined => {
		try {
			return run();
		} catch (error) {
			if (error instanceof PostingError) errors.push(error);
			else if (error instanceof PostingErrors) errors.push(...error.errors);
			else throw error;
			return undefined;
		}
	};
}

/**
 * What stands for a file's content in its cache lookup key: the digest of its
 * bytes when its reader made one (its text is then not read, nor decoded, for
 * a posting found in the cache), else its text.
 */
function contentKey(file: SourceFile): string {
	return file.digest === undefined ? `text\0${file.source}` : `bytes\0${file.digest}`;
}

/** Whether two lists of keys, each in its posting's candidate order, are the same. */
function sameKeys(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((key, index) => key === b[index]);
}

/** A read posting finished, its strings copied out of the file's text so the result does not keep the file alive. */
function finishRead(item: Read, site: Site, repeated: ReadonlySet<string>, options: Finishing, attempt: ReturnType<typeof collectInto>): FinishedPosting | undefined {
	const finished = finishOne(item, site, repeated, options, attempt);
	// Its company blocks are the run's shared ones, detached when made.
	return finished && { posting: detached(finished.posting), company: finished.company, warnings: detached(finished.warnings) };
}

function summarize(item: Read): PostingSummary {
	return { company: companyOf(item.raw), candidates: candidatesOf(item.blocks.map((block) => block.key)), datePosted: item.raw.frontMatter.datePosted !== undefined };
}

function sha(text: string): string {
	return hash('sha256', text, 'base64url');
}

/**
 * One posting's result once the company text is decided: the posting, the
 * company text it uses and its warnings. Undefined when it cannot be built
 * (the problem is in `attempt`'s errors).
 */
function finishOne(
	item: Read,
	site: Site,
	repeated: ReadonlySet<string>,
	options: Finishing,
	attempt: <T>(run: () => T) => T | undefined,
): FinishedPosting | undefined {
	const warnings: string[] = [];
	const posted = resolveDatePosted(item.raw, options);
	if (posted.warning) warnings.push(posted.warning);
	// A role published (per its front matter) after its file's last commit was not changed before it was published.
	const committed = options.lastCommitted?.get(item.raw.file);
	const modified = committed && committed > posted.value ? committed : posted.value;
	const company: FinishedPosting['company'] = [];
	const useBlocks = (kind: CompanyBlock['kind'], blocks: readonly CompanyPart[]): string[] =>
		blocks.map(({ html, text }) => {
			const block = options.companyBlockOf(kind, html, text);
			company.push(block);
			return block.id;
		});
	const posting = attempt(() => finish(item, site, repeated, useBlocks, posted, modified));
	if (posting) warnings.push(...cutSlugs(posting, item.raw.frontMatter.slug === undefined));
	// A name read by population alone between places of similar size may be the wrong one: the recruiter should say.
	for (const place of posting?.locations ?? []) {
		if (place.evidence?.includes('ambiguous')) warnings.push(`${item.raw.file}: locations: ${place.evidence}; write the country (or region) next to it if that is not the place meant`);
	}
	for (const { tag, text } of item.report.droppedText) {
		warnings.push(`${item.raw.file}: body: dropped a <${tag}> and its text "${truncate(text, 80)}"; the page keeps prose only, so write it as a paragraph if candidates need it`);
	}
	// Published without a place, a role gets no JobPosting markup: Google requires one, and we never invent it.
	if (posting?.status === 'open' && posting.locations.length === 0) {
		warnings.push(`${posting.file}: locations: none found in the posting; Google for Jobs cannot list a role without a place, so add \`locations:\` to the front matter`);
	}
	return posting && { posting, company, warnings };
}

/** Slugs made from over-long names are cut to fit a URL: say so, since the URL no longer says the whole name. */
function cutSlugs(posting: Posting, slugFromTitle: boolean): string[] {
	const cut = (field: string, name: string, slug: string, fix: string) =>
		`${posting.file}: ${field}: "${name.slice(0, 40)}…" (${name.length} characters) is too long for a URL, so its slug is cut to "${slug}" (${MAX_SLUG_LENGTH} characters at most); ${fix}`;
	return [
		...(slugFromTitle && slugIsCut(posting.title) ? [cut('title', posting.title, posting.slug, 'set `slug:` in the front matter to choose it')] : []),
		...(posting.team && posting.teamSlug && slugIsCut(posting.team) ? [cut('team', posting.team, posting.teamSlug, 'a shorter team name reads better')] : []),
		...(posting.department && posting.departmentSlug && slugIsCut(posting.department)
			? [cut('department', posting.department, posting.departmentSlug, 'a shorter department name reads better')]
			: []),
	];
}

/** A former slug must lead to exactly one role, and never shadow a live one. */
function formerSlugClashes(postings: readonly Posting[]): PostingError[] {
	const owners = new Map(postings.map((posting) => [posting.slug, posting]));
	const errors: PostingError[] = [];
	for (const posting of postings) {
		for (const former of posting.formerSlugs) {
			const owner = owners.get(former);
			if (owner === posting) {
				errors.push(new PostingError(posting.file, 'formerSlugs', `expected slugs other than the current one ("${former}" is the current slug)`));
			} else if (owner) {
				const what = owner.slug === former ? 'the slug' : 'a former slug';
				errors.push(
					new PostingError(posting.file, 'formerSlugs', `"${former}" is ${what} of ${owner.file}; expected each old URL to lead to one role`),
				);
			} else {
				owners.set(former, posting);
			}
		}
	}
	return errors;
}

function duplicates(postings: readonly Posting[], field: 'slug' | 'id'): PostingError[] {
	const seen = new Map<string, Posting>();
	const errors: PostingError[] = [];
	for (const posting of postings) {
		const first = seen.get(posting[field]);
		if (first) {
			errors.push(
				new PostingError(
					posting.file,
					field,
					`"${posting[field]}" is also the ${field} of ${first.file}; expected each posting to have its own ${field} (set \`${field}:\` in the front matter of one of them)`,
				),
			);
		} else {
			seen.set(posting[field], posting);
		}
	}
	return errors;
}

/** Where a block of a posting's body goes: its role text, or the company text, as repeated or as legal text. */
type BlockPlace = 'role' | 'repeated' | 'legal';

/** Whether a block is a heading and nothing else. */
const isHeadingBlock = (block: BodyBlock) => block.parts.length === 1 && 'heading' in block.parts[0]!;

/**
 * A posting with headings whose every block of text repeats in most of the
 * company's postings (one template under several titles: a role in several
 * cities, a talent pool in several languages) keeps that text as its role
 * text: taken for company text, its headings would head nothing (and would
 * follow their text out, leaving no role text to build). Legal text stays
 * company text. A posting of repeated text and no heading (the company's
 * blurb alone, its description forgotten) is still refused.
 * Changes `places` in place.
 */
function keepTemplateText(blocks: readonly BodyBlock[], places: BlockPlace[]): void {
	if (!blocks.some((block, index) => places[index] === 'role' && isHeadingBlock(block))) return;
	if (blocks.some((block, index) => places[index] === 'role' && !isHeadingBlock(block))) return;
	places.forEach((place, index) => {
		if (place === 'repeated') places[index] = 'role';
	});
}

/**
 * A heading whose whole section is company text goes with it (1X's
 * "Benefits", its list the same in every posting; Airwallex's "About
 * Airwallex"): left in the role text, it would head nothing on the page, its
 * text in the company text below. A section runs to the next heading that
 * stays in the role text, of any depth (editors mix `<h2>`, `<h4>` and bold
 * lines freely): read from the last heading back, one that went counts as
 * company text. Changes `places` (one per block) in place.
 */
function headingsFollowTheirText(blocks: readonly BodyBlock[], places: BlockPlace[]): void {
	// A block may open with its heading and go on with its text ("<p><b>About the team</b><br>The Credit Risk team…").
	const opensWithHeading = (block: BodyBlock) => block.parts[0] !== undefined && 'heading' in block.parts[0];
	for (let index = blocks.length - 1; index >= 0; index -= 1) {
		if (places[index] !== 'role' || !isHeadingBlock(blocks[index]!)) continue;
		let end = index + 1;
		while (end < blocks.length && places[end] !== 'role') end += 1;
		// Company text to its end, or up to a heading that stays: its section is all company text.
		if (end > index + 1 && (end === blocks.length || opensWithHeading(blocks[end]!))) places[index] = places[index + 1]!;
	}
}

/**
 * The stages that need the other postings' company text: company text moved
 * out, the role text structured into sections, every field resolved, the
 * result validated.
 */
function finish(
	item: Read,
	site: Site,
	repeated: ReadonlySet<string>,
	useBlocks: (kind: CompanyBlock['kind'], blocks: readonly CompanyPart[]) => string[],
	posted: ReturnType<typeof resolveDatePosted>,
	modified: string,
): Posting {
	const { raw } = item;
	const given = raw.frontMatter;

	// Company text: the ATS wrapper blocks, then body paragraphs that repeat across postings or are legal boilerplate.
	const roleBlocks: BodyBlock[] = [];
	const repeatedBlocks: BodyBlock[] = [];
	const legalBlocks: BodyBlock[] = [];
	const places = item.blocks.map((block): BlockPlace => (block.key !== undefined && repeated.has(block.key) ? 'repeated' : isLegalText(block.text) ? 'legal' : 'role'));
	keepTemplateText(item.blocks, places);
	headingsFollowTheirText(item.blocks, places);
	item.blocks.forEach((block, index) => (places[index] === 'repeated' ? repeatedBlocks : places[index] === 'legal' ? legalBlocks : roleBlocks).push(block));
	const companyIds = [
		...item.intro.flatMap((blocks) => useBlocks('intro', blocks)),
		...useBlocks('repeated', repeatedBlocks),
		...item.conclusion.flatMap((blocks) => useBlocks('conclusion', blocks)),
		...useBlocks('legal', legalBlocks),
	];

	const sections = sectionsOf(roleBlocks.flatMap((block) => block.parts), { companyName: site.companyName, reservedIds: RESERVED_IDS });
	if (sections.length === 0) {
		throw new PostingError(raw.file, 'body', 'role text; everything in the HTML was company text or empty');
	}

	const companyText = [...item.intro.flat(), ...repeatedBlocks, ...item.conclusion.flat(), ...legalBlocks].map((block) => block.text);
	const input: FieldInput = { raw, site, sections, anchors: item.anchors, locationLines: item.locationLines, companyText };
	const locations = resolveLocations(input);
	const team = resolveTeam(input);
	const department = resolveDepartment(input);
	const title = resolveTitle(input, team.value);
	const payRanges = resolvePayRanges(input, locations.value);
	const applyUrl = resolveApplyUrl(input);
	const summary = resolveSummary(input);
	const employmentType = resolveEmploymentType(input, title.value);
	const lang = resolveLanguage(input);

	const candidate = {
		id: given.id ?? raw.name,
		slug: given.slug ?? slugify(title.value),
		file: raw.file,
		status: given.status,
		title: title.value,
		...(department.value ? { department: department.value, departmentSlug: slugify(department.value) } : {}),
		...(team.value ? { team: team.value, teamSlug: slugify(team.value) } : {}),
		...(employmentType.value ? { employmentType: employmentType.value } : {}),
		...(lang ? { lang } : {}),
		formerSlugs: given.formerSlugs,
		datePosted: posted.value,
		dateModified: modified,
		...(given.publishAt ? { publishAt: given.publishAt } : {}),
		...resolveValidThrough(raw.file, given.validThrough, posted),
		applyUrl: applyUrl.value,
		locations: locations.value,
		payRanges: payRanges.value,
		summary: summary.value,
		sections: sections.map(({ id, title: heading, kind, html }) => ({ id, ...(heading === undefined ? {} : { title: heading }), kind, html })),
		company: companyIds,
		provenance: provenanceOf({ locations, team, department, title, payRanges, applyUrl, summary, employmentType, datePosted: posted }),
		notes: {
			trackingRemoved: [...new Set(item.report.trackingRemoved)],
			tagsRemoved: [...new Set(item.report.tagsRemoved)],
			hiddenRemoved: item.report.hiddenRemoved,
			hiddenValues: item.hiddenValues,
		},
	};
	const result = postingSchema.safeParse(candidate);
	if (!result.success) {
		throw fromZodError(raw.file, result.error, candidate, { unknown: 'field', known: Object.keys(postingSchema.shape), whole: 'posting' });
	}
	return result.data;
}
