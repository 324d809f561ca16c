import { loadFragment, select } from './dom.ts';
import type { Site } from '../schemas/site.ts';
import type { GivenPayRange } from '../schemas/front-matter.ts';
import { postingSchema, type CompanyBlock, type Location, type PayRange, type Posting, type Provenance } from '../schemas/posting.ts';
import { findRepeatedBlocks, fingerprint, isLegalText, makeCompanyBlocks, splitCompanyBlocks } from './boilerplate.ts';
import { extractPayRanges } from './compensation.ts';
import { employmentFromText } from './employment.ts';
import { fromZodError, PostingError, PostingErrors } from './errors.ts';
import { inferDepartment, inferTeam, summarize, titleFromAnchors, titleFromProse } from './infer.ts';
import { locationLine, resolveGivenLocation, resolvePlaces, splitPlaces } from './locations.ts';
import { uniqueLocations } from './places/resolve.ts';
import { readPosting, type RawPosting } from '../sources/posting-file.ts';
import { sanitizeHtml, type SanitizeReport } from './sanitize.ts';
import { structureBody, topLevelBlocks } from './structure.ts';
import { MAX_SLUG_LENGTH, slugify, slugIsCut, squash, truncate } from './text.ts';
import { resolveValidThrough } from './valid-through.ts';

/** Element ids the role page uses itself; section ids never take them. */
export const RESERVED_IDS = ['main', 'content', 'apply', 'company', 'details', 'title', 'locations', 'pay'];

/** One posting file's path and text. */
export interface SourceFile {
	/** Path used in messages (relative to the project). */
	file: string;
	source: string;
}

/** The pipeline's output: postings and the company text they share, stored once. */
export interface Catalogue {
	postings: Posting[];
	company: CompanyBlock[];
	/** Problems that do not stop the build but a recruiter should hear about ("file: field: …"). */
	warnings: string[];
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
}

/** First pass: everything that can be done with one posting alone. */
interface Prepared {
	raw: RawPosting;
	anchors: string[];
	intro: string[];
	conclusion: string[];
	/** Top-level blocks of the sanitized body, location lines removed, with their text. */
	blocks: Array<{ html: string; text: string }>;
	locationLines: string[];
	report: SanitizeReport;
}

function prepare(raw: RawPosting, site: Site): Prepared {
	const anchors = select(loadFragment(raw.html), 'h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]')
		.toArray()
		.map((element) => element.attribs.id ?? '');
	const split = splitCompanyBlocks(raw.html);
	const report: SanitizeReport = { trackingRemoved: [], hiddenRemoved: 0, droppedText: [] };
	const clean = (html: string) => {
		const result = sanitizeHtml(html, site.siteUrl);
		report.trackingRemoved.push(...result.report.trackingRemoved);
		report.hiddenRemoved += result.report.hiddenRemoved;
		report.droppedText.push(...result.report.droppedText);
		return result.html;
	};
	const intro = split.intro.map(clean).filter(Boolean);
	const conclusion = split.conclusion.map(clean).filter(Boolean);
	const $ = loadFragment(clean(split.body));
	const locationLines: string[] = [];
	const blocks: Prepared['blocks'] = [];
	for (const element of topLevelBlocks($)) {
		const text = squash($(element).text());
		if (locationLine(text)) locationLines.push(text);
		else blocks.push({ html: $.html(element), text });
	}
	return { raw, anchors, intro, conclusion, blocks, locationLines, report };
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
	const datePosted = (raw: RawPosting): { value: string; provenance: Provenance } => {
		if (raw.frontMatter.datePosted) return { value: raw.frontMatter.datePosted, provenance: { source: 'given' } };
		const committed = options.firstCommitted?.get(raw.file);
		if (committed) {
			if (options.historyCaveat) warnings.push(`${raw.file}: datePosted: ${options.historyCaveat}`);
			return { value: committed, provenance: { source: 'inferred', evidence: `the file was first committed on ${committed}` } };
		}
		warnings.push(`${raw.file}: datePosted: not in the front matter and the file is not committed yet; using the build date, ${today}`);
		return { value: today, provenance: { source: 'default', evidence: 'the build date' } };
	};
	const attempt = <T>(run: () => T): T | undefined => {
		try {
			return run();
		} catch (error) {
			if (error instanceof PostingError) errors.push(error);
			else if (error instanceof PostingErrors) errors.push(...error.errors);
			else throw error;
			return undefined;
		}
	};

	const prepared = files
		.map((file) => attempt(() => prepare(readPosting(file.file, file.source), site)))
		.filter((item): item is Prepared => item !== undefined);

	// Company text is found per company: a synced posting's ATS board, else the site's own company.
	const companyOf = (item: Prepared) => (item.raw.frontMatter.ats ? `${item.raw.frontMatter.ats.system}:${item.raw.frontMatter.ats.board}` : '');
	const byCompany = Map.groupBy(prepared, companyOf);
	const repeatedByCompany = new Map([...byCompany].map(([key, items]) => [key, findRepeatedBlocks(items.map((item) => item.blocks.map((block) => block.text)))]));
	const company = new Map<string, CompanyBlock>();
	const useBlocks = (kind: CompanyBlock['kind'], html: string): string[] =>
		makeCompanyBlocks(kind, html).map((block) => {
			const known = company.get(block.id);
			company.set(block.id, known ? { ...known, usedBy: known.usedBy + 1 } : { ...block, usedBy: 1 });
			return block.id;
		});

	const postings: Posting[] = [];
	for (const item of prepared) {
		const posted = datePosted(item.raw);
		// A role published (per its front matter) after its file's last commit was not changed before it was published.
		const committed = options.lastCommitted?.get(item.raw.file);
		const modified = committed && committed > posted.value ? committed : posted.value;
		const posting = attempt(() => finish(item, site, repeatedByCompany.get(companyOf(item))!, useBlocks, posted, modified));
		if (posting) postings.push(posting);
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
	}

	errors.push(...duplicates(postings, 'slug'), ...duplicates(postings, 'id'), ...formerSlugClashes(postings));
	if (errors.length > 0) throw new PostingErrors(errors);
	return { postings, company: [...company.values()], warnings };
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

function finish(
	item: Prepared,
	site: Site,
	repeated: ReadonlySet<string>,
	useBlocks: (kind: CompanyBlock['kind'], html: string) => string[],
	posted: { value: string; provenance: Provenance },
	modified: string,
): Posting {
	const { raw } = item;
	const given = raw.frontMatter;
	const provenance: Record<string, Provenance> = {};

	// Company text: the ATS wrapper blocks, then body paragraphs that repeat across postings or are legal boilerplate.
	const companyIds = item.intro.flatMap((html) => useBlocks('intro', html));
	const roleBlocks: string[] = [];
	const repeatedBlocks: string[] = [];
	const legalBlocks: string[] = [];
	for (const { html, text } of item.blocks) {
		if (repeated.has(fingerprint(text))) repeatedBlocks.push(html);
		else if (isLegalText(text)) legalBlocks.push(html);
		else roleBlocks.push(html);
	}
	companyIds.push(...useBlocks('repeated', repeatedBlocks.join('\n')));
	companyIds.push(...item.conclusion.flatMap((html) => useBlocks('conclusion', html)));
	companyIds.push(...useBlocks('legal', legalBlocks.join('\n')));

	const sections = structureBody(roleBlocks.join('\n'), { companyName: site.companyName, reservedIds: RESERVED_IDS });
	if (sections.length === 0) {
		throw new PostingError(raw.file, 'body', 'role text; everything in the HTML was company text or empty');
	}

	// Locations: given ones win; otherwise the posting's "Locations:" line; otherwise none.
	const placeContext = { defaultCountry: site.defaultCountry };
	let locations: Location[] = [];
	if (given.locations) {
		provenance.locations = { source: 'given' };
		locations = uniqueLocations(
			given.locations.flatMap((place, index) => {
				const resolved = typeof place === 'string' ? resolvePlaces([place], placeContext) : undefined;
				if (resolved && resolved.places.length > 0) return resolved.places;
				const parsed = resolveGivenLocation(place, placeContext);
				if (!parsed.ok) throw new PostingError(raw.file, `locations[${index}]`, `a place we know: ${parsed.reason}`);
				return [parsed.location];
			}),
		);
	} else if (item.locationLines.length > 0) {
		provenance.locations = { source: 'inferred', evidence: item.locationLines.join('\n') };
		const resolved = resolvePlaces(
			item.locationLines.flatMap((line) => splitPlaces(locationLine(line) ?? '')),
			placeContext,
		);
		const [unplaced] = resolved.unplaced;
		if (unplaced !== undefined) {
			throw new PostingError(raw.file, 'locations', `a place we know: could not tell where "${unplaced}" is; write it as "City, Country", or give \`locations:\` in the front matter`);
		}
		locations = resolved.places;
	}

	const inferredTeam = given.team ? undefined : inferTeam(sections, site.companyName);
	const inferredDepartment = given.department ? undefined : inferDepartment(sections, site.companyName);
	const team = given.team ?? inferredTeam?.value;
	const department = given.department ?? inferredDepartment?.value;
	if (given.team) provenance.team = { source: 'given' };
	else if (inferredTeam) provenance.team = { source: 'inferred', evidence: inferredTeam.evidence };
	if (given.department) provenance.department = { source: 'given' };
	else if (inferredDepartment) provenance.department = { source: 'inferred', evidence: inferredDepartment.evidence };

	const inferredTitle = given.title ? undefined : (titleFromAnchors(item.anchors, team) ?? titleFromProse(sections, team));
	const title = given.title ?? inferredTitle?.value;
	if (!title) {
		throw new PostingError(
			raw.file,
			'title',
			'a job title; the HTML names none (no heading anchors, no "We are looking for a …" sentence), so add `title: …` to the front matter',
		);
	}
	provenance.title = given.title ? { source: 'given' } : { source: 'inferred', evidence: inferredTitle!.evidence };

	// Pay: ranges the ATS states win over ranges read from the prose (an empty list says there are none).
	let payRanges: PayRange[];
	if (given.payRanges) {
		payRanges = given.payRanges.map((range) => ({ ...range, text: describePay(range) }));
		provenance.payRanges = { source: 'given' };
	} else {
		const $ = loadFragment(sections.map((section) => section.html).join('\n'));
		payRanges = extractPayRanges(select($, 'p, li').toArray().map((element) => $(element).text()));
		if (payRanges.length > 0) provenance.payRanges = { source: 'inferred', evidence: payRanges.map((range) => range.text).join('\n') };
	}

	provenance.applyUrl = given.applyUrl ? { source: 'given' } : { source: 'default' };
	provenance.summary = { source: 'inferred' };
	// Employment type: given, else what the title or the role text says about the role (company text never counts).
	const roleText = loadFragment(sections.map((section) => section.html).join('\n'));
	const inferredEmployment = given.employmentType ? undefined : employmentFromText(title, roleText('p, li').toArray().map((element) => roleText(element).text()));
	const employmentType = given.employmentType ?? inferredEmployment?.value;
	if (given.employmentType) provenance.employmentType = { source: 'given' };
	else if (inferredEmployment) provenance.employmentType = { source: 'inferred', evidence: inferredEmployment.evidence };
	provenance.datePosted = posted.provenance;

	const candidate = {
		id: given.id ?? raw.name,
		slug: given.slug ?? slugify(title),
		file: raw.file,
		status: given.status,
		title,
		...(department ? { department, departmentSlug: slugify(department) } : {}),
		...(team ? { team, teamSlug: slugify(team) } : {}),
		...(employmentType ? { employmentType } : {}),
		formerSlugs: given.formerSlugs,
		datePosted: posted.value,
		dateModified: modified,
		...(given.publishAt ? { publishAt: given.publishAt } : {}),
		...resolveValidThrough(raw.file, given.validThrough, posted),
		applyUrl: given.applyUrl ?? site.defaultApplyUrl,
		locations,
		payRanges,
		summary: summarize(sections),
		sections,
		company: companyIds,
		provenance,
		notes: { trackingRemoved: [...new Set(item.report.trackingRemoved)], hiddenRemoved: item.report.hiddenRemoved },
	};
	const result = postingSchema.safeParse(candidate);
	if (!result.success) {
		throw fromZodError(raw.file, result.error, candidate, { unknown: 'field', known: Object.keys(postingSchema.shape), whole: 'posting' });
	}
	return result.data;
}

/** A given range in words, standing in for the sentence an inferred range is read from: "Colorado: USD 168,000–206,000 per year". */
function describePay(range: GivenPayRange): string {
	const amount = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });
	const period = range.period.toLowerCase();
	return `${range.appliesTo ? `${range.appliesTo}: ` : ''}${range.currency} ${amount(range.min)}–${amount(range.max)} per ${period}`;
}
