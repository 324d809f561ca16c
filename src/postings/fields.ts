/**
 * One resolver per field of a posting: each takes what the earlier stages
 * read (front matter, sections, location lines, anchors) and returns the
 * field's value with its provenance: given in the front matter, inferred from
 * the HTML (with the text it was read from), or a site default. Front matter
 * always wins.
 */
import { decodedText } from './dom.ts';
import { plainLetters } from './homoglyphs.ts';
import { detectLanguage, ENGLISH_SAMPLE_LENGTH } from './language.ts';
import type { GivenPayRange } from '../schemas/front-matter.ts';
import type { Location, PayRange, Posting, Provenance } from '../schemas/posting.ts';
import type { Site } from '../schemas/site.ts';
import type { RawPosting } from '../sources/posting-file.ts';
import { extractPayRanges } from './compensation.ts';
import { employmentFromText, type EmploymentType } from './employment.ts';
import { PostingError } from './errors.ts';
import { inferDepartment, inferTeam, summarize, titleFromAnchors, titleFromProse } from './infer.ts';
import { resolveGivenLocation, resolvePlaces, splitPlaces } from './locations.ts';
import { uniqueLocations } from './places/resolve.ts';
import type { ReadSection } from './structure.ts';

/** A field's value and where it came from; no provenance when the posting has no value for the field. */
export interface Resolved<T> {
	value: T;
	provenance?: Provenance;
}

/** What the resolvers read: one posting after sanitizing and structuring. */
/** A location line of the body ("Locations: Austin | Lisbon", or a place heading opening it), and the list of places it gives. */
export interface LocationLine {
	text: string;
	list: string;
}

export interface FieldInput {
	raw: RawPosting;
	site: Site;
	/** The role's own sections (company text already moved out). */
	sections: readonly ReadSection[];
	/** Ids of the raw HTML's headings, which some ATS exports make from the title. */
	anchors: readonly string[];
	/** The body's "Locations: …" lines, taken out of the role text. */
	locationLines: readonly LocationLine[];
	/** The text of each company block the posting carries (board intro and conclusion, repeated and legal paragraphs). */
	companyText?: readonly string[];
}

const given: Provenance = { source: 'given' };

/** Places: given ones win; otherwise the posting's "Locations:" lines; otherwise none. */
export function resolveLocations({ raw, site, locationLines }: FieldInput): Resolved<Location[]> {
	const context = { defaultCountry: site.defaultCountry };
	if (raw.frontMatter.locations) {
		const value = uniqueLocations(
			raw.frontMatter.locations.flatMap((place, index) => {
				const resolved = typeof place === 'string' ? resolvePlaces([place], context) : undefined;
				if (resolved && resolved.places.length > 0) return resolved.places;
				const parsed = resolveGivenLocation(place, context);
				if (!parsed.ok) throw new PostingError(raw.file, `locations[${index}]`, `a place we know: ${parsed.reason}`);
				return [parsed.location];
			}),
		);
		return { value, provenance: given };
	}
	if (locationLines.length === 0) return { value: [] };
	const resolved = resolvePlaces(
		locationLines.flatMap((line) => splitPlaces(line.list)),
		context,
	);
	const [unplaced] = resolved.unplaced;
	if (unplaced !== undefined) {
		throw new PostingError(raw.file, 'locations', `a place we know: could not tell where "${unplaced}" is; write it as "City, Country", or give \`locations:\` in the front matter`);
	}
	return { value: resolved.places, provenance: { source: 'inferred', evidence: locationLines.map((line) => line.text).join('\n') } };
}

/** The team: given, else "the Workers Runtime team" in the role text. */
export function resolveTeam({ raw, site, sections }: FieldInput): Resolved<string | undefined> {
	if (raw.frontMatter.team) return { value: decodedText(raw.frontMatter.team), provenance: given };
	const inferred = inferTeam(sections, site.companyName);
	return inferred ? { value: inferred.value, provenance: { source: 'inferred', evidence: inferred.evidence } } : { value: undefined };
}

/** The department: given, else the subject of the first sentence under "About the Department". */
export function resolveDepartment({ raw, site, sections }: FieldInput): Resolved<string | undefined> {
	if (raw.frontMatter.department) return { value: decodedText(raw.frontMatter.department), provenance: given };
	const inferred = inferDepartment(sections, site.companyName);
	return inferred ? { value: inferred.value, provenance: { source: 'inferred', evidence: inferred.evidence } } : { value: undefined };
}

/**
 * Dashes, bullets and separators a title starts or ends with, left from a list or a template: "- Développeur Dynamics
 * 365 F&O - CDI - Paris" (France Travail). Not an asterisk: "*nix Engineer", and a board's "*Future Opportunities" as
 * it marks it.
 */
const TITLE_EDGES = /^[\s\-–—•·|:;,]+|[\s\-–—•·|:;,]+$/gu;

/** A title without {@link TITLE_EDGES}; as it is where nothing else is left. */
function trimmedTitle(title: string): string {
	return title.replace(TITLE_EDGES, '') || title;
}

/**
 * The title: given, else read from heading anchors, else from "We are looking
 * for an Engineering Manager…"; the team, when known, completes it.
 *
 * @throws {PostingError} when the posting names no title anywhere
 */
export function resolveTitle({ raw, sections, anchors }: FieldInput, team: string | undefined): Resolved<string> {
	// Letters of other scripts posing as Latin ones ("ꓟachine") are read as the letters they pose as, given or not.
	// Character references an ATS or aggregator left in ("&amp;#8211;") are decoded: the page shows text, not markup.
	if (raw.frontMatter.title) return { value: trimmedTitle(plainLetters(decodedText(raw.frontMatter.title))), provenance: given };
	const inferred = titleFromAnchors(anchors, team) ?? titleFromProse(sections, team);
	if (!inferred) {
		throw new PostingError(
			raw.file,
			'title',
			'a job title; the HTML names none (no heading anchors, no "We are looking for a …" sentence), so add `title: …` to the front matter',
		);
	}
	return { value: plainLetters(inferred.value), provenance: { source: 'inferred', evidence: inferred.evidence } };
}

/**
 * Pay: ranges the ATS states win over ranges read from the prose (an empty list says there are none). The places
 * tell which currency a shared symbol is ("$" in Toronto, "kr" in Oslo) when they all lie in one country.
 */
export function resolvePayRanges({ raw, sections }: FieldInput, places: readonly Location[]): Resolved<PayRange[]> {
	if (raw.frontMatter.payRanges) return { value: raw.frontMatter.payRanges.map((range) => ({ ...range, text: describePay(range) })), provenance: given };
	const countries = new Set(places.map((place) => place.country));
	const country = countries.size === 1 ? [...countries][0] : undefined;
	// Titles too: a heading may state the pay ("Compensation Range: $240k - $260K"), as sub-headings' text does among the paragraphs.
	const value = extractPayRanges(
		sections.flatMap((section) => (section.title ? [section.title, ...section.paragraphs] : section.paragraphs)),
		country,
	);
	return value.length > 0 ? { value, provenance: { source: 'inferred', evidence: value.map((range) => range.text).join('\n') } } : { value };
}

/** The language of the role text: given, else detected from its beginning (for the `lang` of the page's parts). */
export function resolveLanguage({ raw, sections }: FieldInput): string | undefined {
	if (raw.frontMatter.lang) return raw.frontMatter.lang;
	let sample = '';
	for (const section of sections) {
		sample = sample === '' ? section.text : `${sample} ${section.text}`;
		// Detection reads no more than this.
		if (sample.length >= ENGLISH_SAMPLE_LENGTH) break;
	}
	return detectLanguage(sample);
}

/** Where candidates apply: given, else the site's default link. */
export function resolveApplyUrl({ raw, site }: FieldInput): Resolved<string> {
	return raw.frontMatter.applyUrl ? { value: raw.frontMatter.applyUrl, provenance: given } : { value: site.defaultApplyUrl, provenance: { source: 'default' } };
}

/** The listing summary: always read from the role text. */
export function resolveSummary({ sections }: FieldInput): Resolved<string> {
	return { value: summarize(sections), provenance: { source: 'inferred' } };
}

/**
 * Employment type: given, else what the title or the role text says about the role. Company text states
 * nothing about the role, save the hours its benefits are for, read only when nothing else is said.
 */
export function resolveEmploymentType({ raw, sections, companyText }: FieldInput, title: string): Resolved<EmploymentType | undefined> {
	if (raw.frontMatter.employmentType) return { value: raw.frontMatter.employmentType, provenance: given };
	// Headings count too: "How GitLab Supports Full-Time Employees" heads a list, it is no paragraph of its own.
	const blocks = sections.flatMap((section) => (section.title ? [section.title, ...section.paragraphs] : section.paragraphs));
	const inferred = employmentFromText(title, blocks, companyText);
	return inferred ? { value: inferred.value, provenance: { source: 'inferred', evidence: inferred.evidence } } : { value: undefined };
}

/** What `datePosted` can fall back on besides the front matter. */
export interface PostedDates {
	/** Day each file was first committed (YYYY-MM-DD), keyed by `RawPosting.file`. */
	firstCommitted?: ReadonlyMap<string, string>;
	/** Why `firstCommitted` may be wrong (a shallow clone). */
	historyCaveat?: string;
	/** The build day (YYYY-MM-DD). */
	today: string;
}

/** When the role was posted: given, else the file's first commit, else the build day; with a warning when not given for sure. */
export function resolveDatePosted(raw: RawPosting, dates: PostedDates): Resolved<string> & { provenance: Provenance; warning?: string } {
	if (raw.frontMatter.datePosted) return { value: raw.frontMatter.datePosted, provenance: given };
	const committed = dates.firstCommitted?.get(raw.file);
	if (committed) {
		return {
			value: committed,
			provenance: { source: 'inferred', evidence: `the file was first committed on ${committed}` },
			...(dates.historyCaveat ? { warning: `${raw.file}: datePosted: ${dates.historyCaveat}` } : {}),
		};
	}
	return {
		value: dates.today,
		provenance: { source: 'default', evidence: 'the build date' },
		warning: `${raw.file}: datePosted: not in the front matter and the file is not committed yet; using the build date, ${dates.today}`,
	};
}

/** The provenance of every field that has one, in the order the fields are listed. */
export function provenanceOf(fields: Partial<Record<keyof Posting['provenance'], Resolved<unknown>>>): Posting['provenance'] {
	return Object.fromEntries(Object.entries(fields).flatMap(([field, resolved]) => (resolved?.provenance ? [[field, resolved.provenance]] : [])));
}

// One formatter for every amount: `toLocaleString` with options builds a new one per call, a real share of a posting's time.
const AMOUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A given range in words, standing in for the sentence an inferred range is read from: "Colorado: USD 168,000–206,000 per year". */
function describePay(range: GivenPayRange): string {
	const amount = (value: number) => AMOUNT.format(value);
	const period = range.period.toLowerCase();
	return `${range.appliesTo ? `${range.appliesTo}: ` : ''}${range.currency} ${amount(range.min)}–${amount(range.max)} per ${period}`;
}
