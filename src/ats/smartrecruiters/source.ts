/**
 * The SmartRecruiters source: a company's active postings from the public
 * Posting API. The list has no job ad text, so it is read page by page and
 * then each posting's own document is fetched, a few at a time.
 */
import { findRegion } from '../../postings/places.ts';
import { extractPayRanges } from '../../postings/compensation.ts';
import { escapeHtml } from '../../postings/dom.ts';
import { squash } from '../../postings/text.ts';
import type { Workplace } from '../../schemas/place.ts';
import { AtsHttpError, AtsResponseError } from '../shared/http.ts';
import { countryCode, dayFrom, employmentTypeFrom, endpoint, parseRows, rejectionFrom, rowId, statedInText, teamAndDepartment, widenRemoteCities, withListedPlaces, withRemoteScope, workplaceFrom } from '../shared/map.ts';
import { inPool, sortedBy } from '../../utils/pool.ts';
import type { AtsFields, AtsPosting, AtsSource, BoardContext, BoardSnapshot, Rejection, SourceOptions } from '../shared/types.ts';
import {
	smartRecruitersListItemSchema,
	smartRecruitersListSchema,
	smartRecruitersPostingSchema,
	type SmartRecruitersCompensation,
	type SmartRecruitersPosting,
} from './schema.ts';

/** SmartRecruiters' public API host. */
export const SMARTRECRUITERS_API = 'https://api.smartrecruiters.com';

/** Postings asked for per list page: the most the API gives. */
export const SMARTRECRUITERS_PAGE_SIZE = 100;

/** Pages read at most before giving up: 100,000 postings, far beyond any real company. */
const MAX_PAGES = 1000;

/** Posting documents fetched at once: quick for a big company, gentle on the API. */
const DETAIL_CONCURRENCY = 4;

type Place = NonNullable<AtsFields['locations']>[number];
type PayRange = NonNullable<AtsFields['payRanges']>[number];

/** SmartRecruiters' pay periods and the period each one pays for. */
const PERIODS: Readonly<Record<string, PayRange['period']>> = {
	HOURLY: 'HOUR',
	DAILY: 'DAY',
	WEEKLY: 'WEEK',
	MONTHLY: 'MONTH',
	YEARLY: 'YEAR',
	ANNUAL: 'YEAR',
	ANNUALLY: 'YEAR',
};

/**
 * Reads every active posting of a company: the list pages until `totalFound`
 * is reached, then each posting's document. A list page not in the documented
 * shape fails the read; a posting whose document is out of shape is rejected
 * with its id and field; one gone by the time it is fetched (404), or no
 * longer active, is skipped.
 *
 * @param company the company identifier, as in careers.smartrecruiters.com/<company> (case-sensitive)
 * @param pageSize postings per list request (tests use small pages)
 * @throws {AtsHttpError} when a request fails for good (401/403: the board is not public)
 * @throws {AtsResponseError} when a list page is not the documented document, or the pages never end
 */
export async function fetchSmartRecruitersBoard(company: string, options: SourceOptions, pageSize = SMARTRECRUITERS_PAGE_SIZE): Promise<BoardSnapshot> {
	const base = options.baseUrl ?? SMARTRECRUITERS_API;
	const path = `v1/companies/${encodeURIComponent(company)}/postings`;
	const listed: unknown[] = [];
	const skipped: BoardSnapshot['skipped'] = [];
	const seen = new Set<string>();
	let total = 0;

	for (let page = 1; ; page += 1) {
		const offset = (page - 1) * pageSize;
		const url = endpoint(base, path, { offset, limit: pageSize });
		const parsed = smartRecruitersListSchema.safeParse(await options.client.getJson(url));
		if (!parsed.success) throw new AtsResponseError(url, 'expected a page of postings, an object of the form { "totalFound": n, "content": [...] }');
		const { content, totalFound } = parsed.data;
		total += content.length;
		for (const row of content) {
			const id = rowId(row);
			// Offset paging shifts when a posting is published mid-read, so a row can come round twice.
			if (id !== undefined && seen.has(id)) {
				skipped.push({ id, reason: `listed again on page ${page}: the postings shifted while the pages were read` });
				continue;
			}
			if (id !== undefined) seen.add(id);
			listed.push(row);
		}
		options.progress?.(`smartrecruiters ${company}: page ${page} (${total} of ${totalFound} postings)`);
		if (content.length === 0 || offset + content.length >= totalFound) break;
		if (page >= MAX_PAGES) throw new AtsResponseError(url, `expected the postings to end within ${MAX_PAGES} pages of ${pageSize}, but there were still more`);
	}

	const { rows, rejected } = parseRows(listed, smartRecruitersListItemSchema, rowId);
	const postings = new Map<string, AtsPosting>();
	let done = 0;
	await inPool(rows, DETAIL_CONCURRENCY, async (row) => {
		const url = endpoint(base, `${path}/${encodeURIComponent(row.id)}`);
		let document: unknown;
		try {
			document = await options.client.getJson(url);
		} catch (error) {
			// Listed a moment ago, gone now: closed mid-sync. Not an error, and not a posting.
			if (error instanceof AtsHttpError && error.status === 404) skipped.push({ id: row.id, reason: 'unpublished during the sync' });
			else throw error;
		}
		if (document !== undefined) {
			const result = mapDetail(document, company, options, row.id);
			if ('posting' in result) postings.set(row.id, result.posting);
			else if ('skip' in result) skipped.push({ id: row.id, reason: result.skip });
			else rejected.push(result.rejection);
		}
		done += 1;
		options.progress?.(`smartrecruiters ${company}: postings ${done}/${rows.length}`);
	});

	// Postings in list order, whatever order their requests finished in.
	const order = new Map(listed.map((row, index) => [rowId(row), index]));
	const position = (item: { id?: string }) => order.get(item.id) ?? Number.MAX_SAFE_INTEGER;
	return {
		system: 'smartrecruiters',
		board: company,
		postings: rows.flatMap((row) => postings.get(row.id) ?? []),
		rejected: sortedBy(rejected, position),
		skipped: sortedBy(skipped, position),
		total,
	};
}

/** One posting document, validated and mapped; or why it is left out. */
function mapDetail(document: unknown, company: string, context: BoardContext, listedId?: string): { posting: AtsPosting } | { skip: string } | { rejection: Rejection } {
	const parsed = smartRecruitersPostingSchema.safeParse(document);
	if (!parsed.success) return { rejection: rejectionFrom(parsed.error, rowId(document) ?? listedId, 'posting', 'a posting in the documented shape') };
	if (parsed.data.active === false) return { skip: 'no longer active in SmartRecruiters' };
	if (parsed.data.visibility && parsed.data.visibility.toUpperCase() !== 'PUBLIC') return { skip: `visibility ${parsed.data.visibility}, not public` };
	return { posting: mapSmartRecruitersPosting(parsed.data, company, context) };
}

/**
 * Maps posting documents without the network: one document, or a list of
 * them, as the real corpus keeps them.
 */
export function mapSmartRecruitersDocument(document: unknown, company: string, context: BoardContext = {}): BoardSnapshot {
	const documents = Array.isArray(document) ? document : [document];
	const snapshot: BoardSnapshot = { system: 'smartrecruiters', board: company, postings: [], rejected: [], skipped: [], total: documents.length };
	for (const item of documents) {
		const result = mapDetail(item, company, context);
		if ('posting' in result) snapshot.postings.push(result.posting);
		else if ('skip' in result) snapshot.skipped.push({ id: rowId(item) ?? '', reason: result.skip });
		else snapshot.rejected.push(result.rejection);
	}
	return snapshot;
}

/**
 * Maps one validated posting document to the shared shape. Pure.
 *
 * @param company the company identifier the posting was read from
 */
export function mapSmartRecruitersPosting(row: SmartRecruitersPosting, company: string, context: BoardContext = {}): AtsPosting {
	const notes: string[] = [];
	const title = squash(row.name);
	const units = unitsOf(row);
	const employmentText = squash(row.typeOfEmployment?.label ?? String(row.typeOfEmployment?.id ?? ''));
	const employmentType = employmentTypeFrom(employmentText || (row.experienceLevel?.id === 'internship' ? 'Intern' : ''), title);
	if (employmentText && !employmentType) notes.push(`typeOfEmployment "${employmentText}": not an employment type we know`);
	const locations = placesOf(row, notes, context);
	const datePosted = dayFrom(row.releasedDate);
	const pay = row.compensation ? payRangeOf(row.compensation, notes) : undefined;
	const ranges = [...(pay ? [pay] : []), ...payFieldRanges(row, pay)];
	const url = row.postingUrl ?? `https://jobs.smartrecruiters.com/${encodeURIComponent(company)}/${encodeURIComponent(row.id)}`;

	const fields: AtsFields = {
		title,
		...units,
		...(locations.length > 0 ? { locations } : {}),
		...(employmentType ? { employmentType } : {}),
		...(datePosted ? { datePosted } : {}),
		applyUrl: row.applyUrl ?? url,
		...(ranges.length > 0 ? { payRanges: ranges } : {}),
	};
	return { system: 'smartrecruiters', board: company, id: row.id, url, fields, html: htmlOf(row), notes };
}

/** The kind of unit an HR system writes after its name. */
const UNIT_KIND = /\s*\((?:department|division|team|business unit|sub-?department)\)$/i;

/** Company fields naming the role's own unit, most specific first ("Job Function" is Ubisoft's craft, "Technical Art"). */
const TEAM_FIELDS = [/^team$/i, /^job\s+function$/i];
/** Company fields naming a broader unit, most specific first: HR systems' job family, then its group, then the division. */
const DEPARTMENT_FIELDS = [/^job\s+family$/i, /^business\s+function$/i, /^job\s+family\s+group$/i, /^division(?:\s+full\s+name)?$/i];

/**
 * Team and department from the department object and the company's fields,
 * by the one convention (see {@link teamAndDepartment}): a "Team" or "Job
 * Function" field, else the department object (else a "Departments" field),
 * is the team; a job family or division field is the department. A department
 * that only names the company or its brand ("Ubisoft") is no unit.
 */
function unitsOf(row: SmartRecruitersPosting): { team?: string; department?: string } {
	const fields = row.customField ?? [];
	// The longest of the matching fields: "Division full name" over the "Division" code ("DC"). A unit named
	// after a country ("Division: United States") says where, not which team.
	const value = (name: RegExp) =>
		fields
			.filter((field) => name.test(squash(field.fieldLabel ?? '')))
			// An HR system's kind of unit after the name ("Technology and Artificial Intelligence (Department)") is not part of it.
			.map((field) => squash(field.valueLabel ?? '').replace(UNIT_KIND, ''))
			.filter((text) => text && !countryCode(text))
			.sort((a, b) => b.length - a.length)[0];
	const brands = new Set([row.company?.name, row.company?.identifier, value(/^brands?$/i)].map((name) => squash(name ?? '').toLowerCase()));
	// A "Departments" field stands in for an empty department object (Sportradar's).
	const department = squash(row.department?.label ?? '') || (value(/^departments?$/i) ?? '');
	const own = department && !brands.has(department.toLowerCase()) ? department : undefined;
	const specific = [...TEAM_FIELDS.map(value), own];
	const broader = [...new Set(DEPARTMENT_FIELDS.map(value))].filter((name) => !specific.includes(name));
	return teamAndDepartment(specific, broader);
}

/** Company fields that state how the work is done: "Work Persona", "Work flexibility", "Workplace type". */
const WORKPLACE_FIELD = /^(?:work(?:place)?|remote)[\s_-]*(?:persona|flexibility|model|type|arrangement|location\s+type)$/i;

function workplaceField(row: SmartRecruitersPosting): Workplace | undefined {
	const field = (row.customField ?? []).find((candidate) => WORKPLACE_FIELD.test(squash(candidate.fieldLabel ?? '')));
	return workplaceFrom(field?.valueLabel);
}

/**
 * The posting's one location, from its structured parts rather than the
 * display string: the city, the region where it is one we know (a code such
 * as "TX"; districts such as "Nilüfer" are not regions), and the country code
 * SmartRecruiters writes in lower case. The `remote` and `hybrid` flags, or a
 * region of "REMOTE", give the workplace, else a company field such as "Work
 * Persona" or "Work flexibility", else the title or text; a remote role's city field that only
 * repeats the country ("United Kingdom") is no city. The pipeline resolves the
 * names ("bangalore") like any structured location. A remote role's city in a
 * country the title names as the remote scope ("Fully Remote US") is that country.
 */
function placesOf(row: SmartRecruitersPosting, notes: string[], context: BoardContext): Place[] {
	const location = row.location;
	if (!location) return [];
	const country = countryCode(location.country);
	const regionText = squash(location.region ?? '');
	const flagged: Workplace | undefined = location.remote === true || /^remote$/i.test(regionText) ? 'remote' : location.hybrid === true ? 'hybrid' : undefined;
	// Both flags false is also what a posting that never set them says: a company field ("Work Persona: Flexible"), then the title or text, may say more.
	const text = statedInText(row.name, htmlOf(row), context);
	const workplace = flagged ?? workplaceField(row) ?? text.workplace?.workplace;
	const remote = workplace === 'remote';
	if (!country) {
		const written = squash(location.fullLocation ?? '') || [location.city, location.region, location.country].filter(Boolean).join(', ');
		if (written) notes.push(`location "${written}": no country we know (location.country "${location.country ?? ''}")`);
		return [];
	}
	const cityText = squash(location.city ?? '');
	const namesCountry = cityText !== '' && countryCode(cityText) === country;
	const city = cityText && !/^remote$/i.test(cityText) && !(remote && namesCountry) ? cityText : '';
	const region = regionText && !remote ? findRegion(regionText, country)?.code : undefined;
	const place: Place = {
		...(city ? { city } : {}),
		...(region ? { region } : {}),
		country,
		remote,
		...(workplace === 'hybrid' ? { workplace } : {}),
	};
	const listed = withListedPlaces(place, text.places);
	if (listed.length > 1) notes.push(`the text lists ${listed.length} places with "${squash(location.city ?? '')}" among them: kept them all`);
	return withRemoteScope(widenRemoteCities(listed, text.remoteCountries, notes), text.remoteScope, notes);
}

/** Company fields that state pay: "Salary Range", "Job Ad Salary Range". */
const PAY_FIELD = /^(?:job\s+ad\s+)?(?:salary|pay|compensation)(?:\s+range)?$/i;

/**
 * Pay a company states in a field of its own ("Job Ad Salary Range: 68000 -
 * 87500 GBP Annual", "Salary Range: 34.52-46.00"), read as the text would be.
 * A figure with no currency takes the compensation object's; a range equal to
 * the compensation object's is not stated twice. Two that differ are both
 * kept: the posting states both, and the review shows them.
 */
function payFieldRanges(row: SmartRecruitersPosting, stated: PayRange | undefined): PayRange[] {
	return (row.customField ?? []).flatMap((field) => {
		const value = squash(field.valueLabel ?? '');
		if (!PAY_FIELD.test(squash(field.fieldLabel ?? '')) || !/\d/.test(value)) return [];
		const named = /\b[A-Z]{3}\b|[$€£¥₹]/.test(value);
		const currency = named ? '' : (stated?.currency ?? squash(row.compensation?.currency ?? '').toUpperCase());
		if (!named && !currency) return [];
		const found = extractPayRanges([`Salary: ${currency} ${value}`.replace(/\s+/g, ' ')]);
		return found.flatMap(({ min, max, currency: code, period }) => {
			const range: PayRange = { min, max, currency: code, period: stated && !/annual|year|month|hour|week|day/i.test(value) ? stated.period : period };
			return stated && stated.min === min && stated.max === max && stated.currency === code ? [] : [range];
		});
	});
}

/** The pay range the posting states in its field, in whole units, or undefined (with a note) when it cannot be used. */
function payRangeOf(pay: SmartRecruitersCompensation, notes: string[]): PayRange | undefined {
	const shown = `compensation ${pay.currency ?? ''} ${pay.min ?? ''}–${pay.max ?? ''} ${pay.period ?? ''}`.replace(/\s+/g, ' ');
	const period = PERIODS[(pay.period ?? '').toUpperCase()];
	const currency = squash(pay.currency ?? '').toUpperCase();
	const { min, max } = pay;
	let why: string | undefined;
	if (!period) why = 'no pay period we know';
	else if (!/^[A-Z]{3}$/.test(currency)) why = 'no ISO 4217 currency code';
	else if (min === null || min === undefined || max === null || max === undefined) why = 'no lower or no upper bound';
	else if (max === 0) why = 'a 0–0 placeholder, not pay';
	else if (min < 0 || min > max) why = 'expected 0 ≤ min ≤ max';
	if (why || !period || min === null || min === undefined || max === null || max === undefined) {
		notes.push(`${shown}: ${why ?? 'unusable'}; left out`);
		return undefined;
	}
	return { min, max, currency, period };
}

/** The job ad's sections in the order SmartRecruiters shows them. */
const SECTIONS = ['companyDescription', 'jobDescription', 'qualifications', 'additionalInformation'] as const;

/**
 * The job ad as SmartRecruiters' page lays it out: each non-empty section
 * under its title. The company description is wrapped as a board intro
 * (`content-intro`, as Greenhouse marks its own), so the pipeline files it
 * as company text shared by the company's roles, not as the role's.
 */
function htmlOf(row: SmartRecruitersPosting): string {
	const sections = row.jobAd.sections;
	return SECTIONS.flatMap((key) => {
		const section = sections[key];
		const text = (section?.text ?? '').trim();
		if (!text) return [];
		const title = squash(section?.title ?? '');
		const html = `${title ? `<h3>${escapeHtml(title)}</h3>\n` : ''}${text}`;
		return [key === 'companyDescription' ? `<div class="content-intro">\n${html}\n</div>` : html];
	}).join('\n');
}

/** SmartRecruiters in the registry. */
export const smartrecruiters: AtsSource = {
	system: 'smartrecruiters',
	label: 'SmartRecruiters',
	boardTerm: 'company identifier',
	boardExample: 'the "Acme" of careers.smartrecruiters.com/Acme (case-sensitive)',
	api: SMARTRECRUITERS_API,
	fetchBoard: (company, options) => fetchSmartRecruitersBoard(company, options),
	mapDocument: mapSmartRecruitersDocument,
	standIn(document, company) {
		const documents = (Array.isArray(document) ? document : [document]) as Array<Record<string, unknown>>;
		const path = `/v1/companies/${encodeURIComponent(company)}/postings`;
		const pages = Math.max(1, Math.ceil(documents.length / SMARTRECRUITERS_PAGE_SIZE));
		return [
			...Array.from({ length: pages }, (_, page) => ({
				path: `${path}?offset=${page * SMARTRECRUITERS_PAGE_SIZE}&limit=${SMARTRECRUITERS_PAGE_SIZE}`,
				body: {
					offset: page * SMARTRECRUITERS_PAGE_SIZE,
					limit: SMARTRECRUITERS_PAGE_SIZE,
					totalFound: documents.length,
					// The list leaves the job ad out and points at the full document.
					content: documents
						.slice(page * SMARTRECRUITERS_PAGE_SIZE, (page + 1) * SMARTRECRUITERS_PAGE_SIZE)
						.map(({ jobAd: _jobAd, ...rest }) => ({ ...rest, ref: `${SMARTRECRUITERS_API}${path}/${String(rest.id)}` })),
				},
			})),
			...documents.map((item) => ({ path: `${path}/${String(item.id)}`, body: item })),
		];
	},
};
