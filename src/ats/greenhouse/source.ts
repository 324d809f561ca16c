/**
 * The Greenhouse source: reads a public job board through the Job Board API
 * (one list call with the posting bodies, then one call per job for its pay
 * ranges) and maps each job to an {@link AtsPosting}.
 */
import {
	greenhouseJobListSchema,
	greenhouseJobPaySchema,
	greenhouseJobSchema,
	type GreenhouseJob,
	type GreenhousePayRange,
} from './schema.ts';
import { AtsHttpError, AtsResponseError } from '../shared/http.ts';
import { escapeRegExp, squash } from '../../postings/text.ts';
import { stripWorkplace } from '../../postings/places/workplace-words.ts';
import { countryCode, dayFrom, isRemotePlace, employmentTypeFrom, endpoint, parseRows, placesFrom, refineCountries, rejectionFrom, rowId, isUnset, statedInText, teamAndDepartment, uniquePlaces, unescapeHtml, withoutUnitCodes, withRemoteScope, workplaceFrom } from '../shared/map.ts';
import { inPool, sortedBy } from '../../utils/pool.ts';
import { metadataPayRanges } from './metadata-pay.ts';
import type { StatedInText } from '../shared/map.ts';
import type { AtsFields, AtsPosting, AtsSource, BoardContext, BoardSnapshot, SourceOptions } from '../shared/types.ts';
import type { Workplace } from '../../schemas/place.ts';

/** Greenhouse's public Job Board API host. */
export const GREENHOUSE_API = 'https://boards-api.greenhouse.io';

/** Per-job requests in flight at once: quick for a big board, gentle on Greenhouse's rate limit. */
const PAY_CONCURRENCY = 4;

type Place = NonNullable<AtsFields['locations']>[number];

/** Why a job in the list is left out when its own endpoint answers 404. */
const UNPUBLISHED = 'unpublished during the sync';

/**
 * Reads every published job of a Greenhouse board, with its pay ranges.
 *
 * A list that is not the documented document is a wholesale failure; a bad
 * job row, or a job whose pay ranges are out of shape, is a rejection (that
 * job is left out, so no role is published without the pay the ATS states);
 * a job gone by the time its pay is fetched is skipped.
 *
 * @param board the board token, e.g. "cloudflare" in boards.greenhouse.io/cloudflare
 * @throws {AtsHttpError} when the list or any job's pay request fails for good
 * @throws {AtsResponseError} when the list is not `{ jobs: [...] }`, or a response is not JSON
 */
export async function fetchGreenhouseBoard(board: string, options: SourceOptions): Promise<BoardSnapshot> {
	const base = options.baseUrl ?? GREENHOUSE_API;
	const boardPath = `v1/boards/${encodeURIComponent(board)}/jobs`;
	const listUrl = endpoint(base, boardPath, { content: true });
	options.progress?.(`greenhouse ${board}: jobs`);
	const list = greenhouseJobListSchema.safeParse(await options.client.getJson(listUrl));
	if (!list.success) {
		throw new AtsResponseError(listUrl, 'expected the job list, an object of the form { "jobs": [...], "meta": { "total": n } }');
	}

	const { rows, rejected } = parseRows(list.data.jobs, greenhouseJobSchema, rowId);
	const skipped: BoardSnapshot['skipped'] = [];
	const pay = new Map<number, GreenhousePayRange[]>();
	let done = 0;

	// The pay ranges are only on the per-job endpoint; any request failing for good fails the whole read.
	await inPool(rows, PAY_CONCURRENCY, async (job) => {
		const url = endpoint(base, `${boardPath}/${job.id}`, { pay_transparency: true });
		let document: unknown;
		try {
			document = await options.client.getJson(url);
		} catch (error) {
			// Listed a moment ago, gone now: the recruiter closed it mid-sync. Not an error, and not a posting.
			if (error instanceof AtsHttpError && error.status === 404) skipped.push({ id: String(job.id), reason: UNPUBLISHED });
			else throw error;
		}
		if (document !== undefined) {
			const parsed = greenhouseJobPaySchema.safeParse(document);
			if (parsed.success) {
				pay.set(job.id, parsed.data.pay_input_ranges);
			} else {
				rejected.push(rejectionFrom(parsed.error, String(job.id), 'pay_input_ranges', 'pay ranges in the documented shape'));
			}
		}
		done += 1;
		options.progress?.(`greenhouse ${board}: pay ranges ${done}/${rows.length}`);
	});

	const postings = mapJobs(
		rows.flatMap((job) => {
			const ranges = pay.get(job.id);
			return ranges ? [{ job, pay: ranges }] : [];
		}),
		board,
		{ defaultCountry: options.defaultCountry },
	);
	// Rows in list order, whatever order the pay requests finished in.
	const order = new Map(list.data.jobs.map((row, index) => [rowId(row), index]));
	const position = (item: { id?: string }) => order.get(item.id) ?? Number.MAX_SAFE_INTEGER;
	return {
		system: 'greenhouse',
		board,
		postings,
		rejected: sortedBy(rejected, position),
		skipped: sortedBy(skipped, position),
		total: list.data.jobs.length,
	};
}

/**
 * Maps a stored list document (`{ "jobs": [...] }`) without the network. Pay
 * ranges are taken from a row that carries `pay_input_ranges` (a job
 * document), else there are none: the list itself does not state pay.
 *
 * @throws {Error} when the document is not a job list
 */
export function mapGreenhouseDocument(document: unknown, board: string, context: BoardContext = {}): BoardSnapshot {
	const list = greenhouseJobListSchema.safeParse(document);
	if (!list.success) throw new Error(`greenhouse ${board}: expected a job list, an object of the form { "jobs": [...] }`);
	const { rows, rejected } = parseRows(list.data.jobs, greenhouseJobSchema, rowId);
	const postings = mapJobs(
		rows.map((job) => {
			const pay = greenhouseJobPaySchema.safeParse(job);
			return { job, pay: pay.success ? pay.data.pay_input_ranges : [] };
		}),
		board,
		context,
	);
	return { system: 'greenhouse', board, postings, rejected, skipped: [], total: list.data.jobs.length };
}

/** Roles in a city a board needs, and the share of them in one country, before that country reads its ambiguous codes. */
const HOME_ROLES = 5;
const HOME_SHARE = 0.8;

/**
 * Maps a board's jobs, then maps again, in the board's home country, the jobs
 * whose location.name reads as another country by a code alone, or as no
 * place (a town the gazetteer reads only in a country given): Greenhouse
 * gives a job no country of its own (Lever and Ashby do), and "Remote - PA" on
 * a board of US roles is Pennsylvania, not Panama; SpaceX's "Remote - CA",
 * "Remote - TN", "Remote - NC" were Canada, Tunisia and New Caledonia. The home
 * country is the one at least {@link HOME_SHARE} of the board's roles in a
 * city (at least {@link HOME_ROLES}) lie in, each wholly.
 */
function mapJobs(jobs: ReadonlyArray<{ job: GreenhouseJob; pay: readonly GreenhousePayRange[] }>, board: string, context: BoardContext): AtsPosting[] {
	const first = jobs.map(({ job, pay }) => mapGreenhouseJob(job, board, pay, context));
	const home = homeCountry(first);
	if (!home) return withoutUnitCodes(first);
	const again = (posting: AtsPosting, job: GreenhouseJob) => posting.fields.locations?.some((place) => bareForeign(place, home)) === true || placesFrom([job.location?.name], context).unplaced.length > 0;
	const mapped = first.map((posting, index) => (again(posting, jobs[index]!.job) ? mapGreenhouseJob(jobs[index]!.job, board, jobs[index]!.pay, { ...context, home }) : posting));
	return withoutUnitCodes(mapped);
}

/**
 * The country {@link HOME_SHARE} of a board's roles in a city lie in, each
 * wholly; undefined when there is none. Roles without a city do not count: a
 * code alone, the reading in question, gives a country and no city.
 */
function homeCountry(postings: readonly AtsPosting[]): string | undefined {
	const counts = new Map<string, number>();
	let placed = 0;
	for (const posting of postings) {
		const places = posting.fields.locations ?? [];
		const countries = new Set(places.map((place) => place.country ?? ''));
		const [country] = countries;
		if (countries.size !== 1 || !country || !places.some((place) => place.city)) continue;
		placed += 1;
		counts.set(country, (counts.get(country) ?? 0) + 1);
	}
	const [top] = [...counts].sort((a, b) => b[1] - a[1]);
	return top && placed >= HOME_ROLES && top[1] >= HOME_SHARE * placed ? top[0] : undefined;
}

/** The site's default country, and the board's home country (see `mapJobs`) once the board's first mapping found one. */
type HomeContext = BoardContext & { home?: string | undefined };

/** A whole country other than the home one: what a code alone reads as ("PA", Panama). */
function bareForeign(place: Place, home: string): boolean {
	return place.country !== undefined && place.country !== home && !place.city && !place.region;
}

/** Greenhouse in the registry. */
export const greenhouse: AtsSource = {
	system: 'greenhouse',
	label: 'Greenhouse',
	boardTerm: 'board token',
	boardExample: 'the "acme" of boards.greenhouse.io/acme',
	api: GREENHOUSE_API,
	fetchBoard: fetchGreenhouseBoard,
	mapDocument: mapGreenhouseDocument,
	standIn(document, board) {
		const jobs = greenhouseJobListSchema.parse(document).jobs;
		const path = `/v1/boards/${encodeURIComponent(board)}/jobs`;
		return [
			{ path: `${path}?content=true`, body: document },
			// The job endpoint answers the same job with its pay ranges, an empty list when it has none.
			...jobs.flatMap((job) => {
				const id = rowId(job);
				const row = job as Record<string, unknown>;
				return id ? [{ path: `${path}/${id}?pay_transparency=true`, body: { ...row, pay_input_ranges: row.pay_input_ranges ?? [] } }] : [];
			}),
		];
	},
};

/**
 * Maps one validated Greenhouse job, with its pay ranges, to an {@link AtsPosting}.
 *
 * @param payRanges the job's `pay_input_ranges` from its own endpoint (the list does not carry them)
 * @param context the site's default country, and the board's home country in which a location.name that reads as a
 *   whole foreign country by a code alone is read again (see `mapJobs`): the board's mapping gives it, a single job has none
 */
export function mapGreenhouseJob(job: GreenhouseJob, board: string, payRanges: readonly GreenhousePayRange[] = [], context: HomeContext = {}): AtsPosting {
	const notes: string[] = [];
	const { team, department } = unitsOf(job);

	// Boards name the field variously ("Employment Type", "Contract Type", "Worker Sub-Type", "Time Type", "Requisition Type"); all of them are read together.
	const employmentText = metadataStrings(job, EMPLOYMENT_FIELD).join('; ') || undefined;
	const employmentType = employmentTypeFrom(employmentText, job.title);
	if (employmentText && !employmentType) notes.push(`employment type "${employmentText}": not a kind of employment we know`);

	const html = unescapeHtml(job.content);
	const text = statedInText(job.title, html, context);
	const locations = placesOf(job, text, notes, context);
	// A 0–0 range is a placeholder the recruiter never filled in, not pay.
	const given = payRanges.filter((range) => range.max_cents > 0).map(payRangeFrom);
	if (given.length < payRanges.length) notes.push('pay_input_ranges: a 0–0 placeholder range; left out');
	// Pay some boards keep in custom fields instead, read when neither the pay ranges nor the text state any.
	const countries = locations.flatMap((place) => (place.country ? [place.country] : []));
	const ranges = given.length > 0 || text.statesPay ? given : metadataPayRanges(job.metadata ?? [], countries, notes);
	const datePosted = writtenDay(job.first_published);
	const updated = writtenDay(job.updated_at);
	const validThrough = deadlineOf(job.application_deadline, datePosted, notes);

	const fields: AtsFields = {
		title: job.title,
		...(department ? { department } : {}),
		...(team ? { team } : {}),
		...(locations.length > 0 ? { locations } : {}),
		...(employmentType ? { employmentType } : {}),
		...(datePosted ? { datePosted } : {}),
		...(validThrough ? { validThrough } : {}),
		// Greenhouse hosts the application form on the posting page itself.
		applyUrl: httpsUrl(job.absolute_url),
		...(ranges.length > 0 ? { payRanges: ranges } : {}),
	};
	return {
		system: 'greenhouse',
		board,
		id: String(job.id),
		url: job.absolute_url,
		...(updated ? { updated } : {}),
		fields,
		// Greenhouse escapes the markup once; entities it escaped twice stay entities, as its board shows them.
		html,
		notes,
	};
}

/**
 * Metadata fields that state the kind of employment, also under a label or
 * with a word or note after the name, as boards keep them: "TH: Employment
 * Type", "Employment Type English", "Employment Type Wurk" (a payroll
 * system's), "Employment Status (required)", "Time Type - DO NOT CHANGE",
 * "Employment Length" ("Full-time", "Permanent").
 */
const EMPLOYMENT_FIELD =
	/^(?:[^:]{1,20}:\s*)?(?:employment|job|contract|worker|work|time|position|requisition|engagement)[\s_-]*(?:sub[\s_-]*)?(?:type|status|length)(?:\s*\([^()]{1,30}\)|\s*[-–]\s*[\p{L} ]{1,30}|\s+\p{L}+)?$|^(?:employment|commitment)$/iu;

/** A metadata value as text, when it is text someone filled in ("Select an Option", on an "Employment Type" of two boards, is not). */
function filled(value: unknown): value is string {
	return typeof value === 'string' && value.trim() !== '' && !isUnset(value);
}

/** Every metadata value whose field name matches, each the first text of a multi-select. */
function metadataStrings(job: GreenhouseJob, name: RegExp): string[] {
	return (job.metadata ?? []).flatMap((field) => {
		if (!name.test((field.name ?? '').trim())) return [];
		const value = Array.isArray(field.value) ? field.value.find(filled) : field.value;
		return filled(value) ? [value.trim()] : [];
	});
}

/** Every text of every metadata field whose name matches: each item of a multi-select, with the field's name. */
function metadataTexts(job: GreenhouseJob, name: RegExp): Array<{ field: string; text: string }> {
	return (job.metadata ?? []).flatMap((field) => {
		const label = (field.name ?? '').trim();
		if (!name.test(label)) return [];
		const values = Array.isArray(field.value) ? field.value : [field.value];
		return values.flatMap((value) => (filled(value) ? [{ field: label, text: value.trim() }] : []));
	});
}

/** The name of the first metadata field whose name matches, as the board writes it. */
function metadataName(job: GreenhouseJob, name: RegExp): string | undefined {
	return (job.metadata ?? []).find((field) => name.test((field.name ?? '').trim()))?.name?.trim();
}

/** The first metadata value whose field name matches, when it is non-empty text (the first text of a multi-select). */
function metadataString(job: GreenhouseJob, name: RegExp): string | undefined {
	return metadataStrings(job, name)[0];
}

/**
 * The job's team and department. Greenhouse files a job under one department
 * at whatever depth the company chose ("Sales", "1195 Account Executives
 * (APAC)"), with its parent only as an id: that department is the job's most
 * specific unit, so it is the team. The department is a broader unit the job
 * also names: a parent department listed with it, else a "Division" or
 * "Department" field, or the category the board files it under on its careers
 * page ({@link DEPARTMENT_FIELD}). A "Team" field, where a board has one, is
 * the team and the Greenhouse department then the department.
 */
function unitsOf(job: GreenhouseJob): { team?: string; department?: string } {
	const ids = new Set(job.departments.map((department) => department.parent_id));
	// The deepest of the job's departments: the one no other of them sits under.
	const leaf = job.departments.find((department) => !ids.has(department.id)) ?? job.departments[0];
	const parent = job.departments.find((department) => department.id === leaf?.parent_id);
	const teamField = metadataString(job, /^team$/i);
	if (teamField) return teamAndDepartment([teamField], [leaf?.name]);
	return teamAndDepartment([leaf?.name], [parent?.name, metadataString(job, DEPARTMENT_FIELD)]);
}

/**
 * Fields that name a job's broader unit: "Division", "Department", and the category a careers page lists it under
 * (Vercel's "Career Site Categories": Sales over the department Account Executive; Databricks' "Career Page Posting
 * Category": Field Engineering over "Field Engineering - Other"; Warby Parker's "Jobs Page Division Name").
 */
const DEPARTMENT_FIELD = /^(?:division|department|(?:careers?|jobs?)\s+(?:site|page)\s+(?:posting\s+)?(?:categor(?:y|ies)|division(?:\s+name)?))$/i;

/**
 * Places from `location.name`, then from the offices. An office whose name
 * is a remote scope ("Remote - US", "US based Remote", "Remote-Friendly US
 * (Travel Required)") adds that remote place, which `location.name` often
 * leaves out, unless `location.name` says how the role is worked itself
 * ("Hybrid - Bangalore, India"). When every office is a remote scope, an
 * on-site place that `location.name` gives alone, or where such an office is
 * filed, in the same country disagrees with them: the offices (structured)
 * win, with a note for review. When `location.name` names nothing
 * we can place, the other offices stand in, each by its location and else its
 * name. A "Location Type" field saying Remote or Hybrid is the workplace of
 * `location.name`'s places. What cannot be placed is noted, never guessed.
 */
function placesOf(job: GreenhouseJob, text: StatedInText, notes: string[], context: HomeContext): NonNullable<AtsFields['locations']> {
	const { defaultCountry } = context;
	const workplace = workplaceOf(job, text);
	if (workplace === 'hybrid' && workplaceFrom(metadataString(job, WORKPLACE_FIELD)) === 'onsite') {
		notes.push(`"${metadataName(job, WORKPLACE_FIELD)}" says on-site; the text says hybrid ("${text.workplace!.evidence}"): read as hybrid`);
	}
	const stated = inHome(placesFrom([job.location?.name], { workplace, defaultCountry }), job, workplace, context, notes);
	const { workplace: says, rest } = stripWorkplace(squash(job.location?.name ?? ''));
	const saysHow = says !== undefined;
	// "Hybrid" alone is no failed place but how the job is done: said only if nothing else places the job (below).
	const howOnly = saysHow && rest === '';
	if (!howOnly) for (const phrase of stated.unplaced) notes.push(`location "${phrase}": no country we know`);
	const byField = fieldCity(job, stated.places, workplace, defaultCountry);
	if (byField) {
		notes.push(byField.note);
		stated.places = [byField.place];
	}
	// A location.name that names no place, or only how the job is done ("Hybrid", "In-Office", "Distributed": 300 of
	// Cloudflare's 308 roles), leaves the places to the board's own location field ("Job Posting Location: Austin, US;
	// London, UK"), which states them for this posting, else to the offices, which file the job; its word says how.
	const bare = stated.places.length === 0 || howOnly;
	const elsewhere = bare ? (says ?? workplace) : workplace;
	const fromFields = bare ? fieldPlaces(job, elsewhere, notes, defaultCountry) : [];
	const named = fromFields.length > 0 ? fromFields : stated.places;
	const scopes: Place[] = [];
	// Where remote-scope offices are filed ("Brazil - Remote" at São Paulo): a board address, not a place to work on site.
	const scopeAddresses: Place[] = [];
	const offices: Place[] = [];
	const officePlaces: Place[] = [];
	let allRemote = job.offices.length > 0;
	for (const office of job.offices) {
		const scope = remoteScope(office.name);
		if (scope !== undefined) {
			const found = scope ? placesFrom([scope], { workplace: 'remote', country: countryCode(office.location), defaultCountry }).places : [];
			if (found.length === 0) notes.push(`office "${squash(office.name)}": a remote scope, but no country we know`);
			scopes.push(...found);
			scopeAddresses.push(...placesFrom([office.location], { defaultCountry }).places);
			continue;
		}
		allRemote = false;
		officePlaces.push(...placesFrom([office.location], { workplace, defaultCountry }).places);
		if (named.length > 0) continue;
		let found = placesFrom([office.location], { workplace: elsewhere, defaultCountry }).places;
		if (found.length === 0) found = placesFrom([office.name], { workplace: elsewhere, defaultCountry }).places;
		if (found.length === 0) notes.push(`office "${squash(office.name)}"${office.location ? ` (location "${office.location}")` : ''}: no country we know`);
		offices.push(...found);
	}

	let places = named.length > 0 ? named : offices;
	const remoteCountries = new Set(scopes.map((place) => place.country));
	if (allRemote && scopes.length > 0 && !saysHow) {
		// When every office is a remote scope, an on-site place in one of their countries is no place to work on site if
		// location.name gives it alone (Wizeline's "San Francisco" for a "US based Remote" job: the board's default
		// address), or if it is where a remote-scope office is filed or a whole such country (Turing's "Brazil; Colombia,
		// Huila, Colombia; São Paulo, Brazil" for offices "Brazil - Remote" at São Paulo and "Colombia - Remote" at Huila).
		// Other places beside them are offices the recruiter chose, each offered beside remote (Gong's five hubs).
		const contradicted = places.filter(
			(place) =>
				!isRemotePlace(place) &&
				remoteCountries.has(place.country) &&
				(stated.places.length === 1 || (!place.city && !place.region) || scopeAddresses.some((address) => sameSpot(address, place))),
		);
		if (contradicted.length > 0) {
			const names = job.offices.map((office) => `"${squash(office.name)}"`).join(', ');
			notes.push(
				`location "${squash(job.location?.name ?? '')}" names an on-site place, but the job's offices are remote scopes (${names}): kept the offices' remote places; check the posting`,
			);
			places = places.filter((place) => !contradicted.includes(place));
		}
	}
	// A location.name that names only a country says less than the offices' or the text's cities in it ("Saudi Arabia", office in Riyadh).
	const byOffice = refineCountries(places, officePlaces);
	if (byOffice) places = byOffice;
	const byText = byOffice ? undefined : refineCountries(places, text.places);
	if (byText) {
		notes.push(`location "${squash(job.location?.name ?? '')}" names a country; the text's location line names ${byText.map(placeName).join(', ')} in it: kept those`);
		places = byText;
	}
	// A location.name that says how the role is worked ("Remote - EMEA", "Hybrid - Bangalore, India") is the whole
	// public statement: remote-scope offices beside it are the board's filing ("UK - Remote Zone 1 (Job Requisitions
	// Only)", "Remote - India" for the Bangalore role), not more places.
	const found = withRemoteScope(uniquePlaces(saysHow ? places : [...places, ...scopes]), text.remoteScope, notes);
	if (howOnly && found.length === 0) notes.push(`location "${squash(job.location?.name ?? '')}" says how the job is done, and no location field or office says where`);
	return found;
}

/**
 * The workplace of the job's places, where their own words say none: a
 * "Location Type" field saying Remote or Hybrid, else what the title or text
 * states. Greenhouse has no workplace field of its own, so a company's
 * "On-Site" field marks a role that is not remote, which a hybrid statement in
 * the text ("in-office three days per week") makes precise.
 */
function workplaceOf(job: GreenhouseJob, text: StatedInText): Workplace | undefined {
	const field = workplaceFrom(metadataString(job, WORKPLACE_FIELD));
	const written = text.workplace?.workplace;
	if (field === 'onsite') return written === 'hybrid' ? 'hybrid' : undefined;
	return field ?? written;
}

/** Whether two places name the same city, region and country, however each is worked. */
function sameSpot(a: Place, b: Place): boolean {
	return a.city === b.city && a.region === b.region && a.country === b.country && a.area === b.area;
}

function placeName(place: Place): string {
	return place.city ?? place.region ?? place.country ?? '';
}

/**
 * Metadata fields that name the job's places ("Requisition Location", "Job
 * Posting Location", "Careers Page: Location", "Location Options", "Preferred
 * Primary Location"), not how it is done ("Location Type"), what it pays there
 * ("Location Range 1") or whether it may be moved ("Relocation Eligible?").
 */
const LOCATION_FIELD = /^(?!.*(?:\b(?:type|status|model|arrangement|range|tier|cost|parent|requirement)\b|remote|relocation|\?)).*\blocations?\b/i;

/**
 * The city a board's own location field names, when location.name names
 * another city of the same country and the title names the field's: PhonePe's
 * "Engineering Manager - Pune" filed under "Bangalore" with "Requisition
 * Location: Pune - Amar Business Zone". Two structured values disagree and
 * the title decides between them; without the title, location.name stays.
 */
function fieldCity(job: GreenhouseJob, stated: readonly Place[], workplace: Workplace | undefined, defaultCountry: string | undefined): { place: Place; note: string } | undefined {
	const [given] = stated;
	if (stated.length !== 1 || !given?.city) return undefined;
	const value = metadataString(job, LOCATION_FIELD);
	const field = placesFrom([value], { workplace, country: given.country, defaultCountry }).places;
	const [place] = field;
	if (field.length !== 1 || !place?.city || place.country !== given.country || place.city === given.city) return undefined;
	const named = new RegExp(String.raw`(?<![\p{L}])${escapeRegExp(place.city)}(?![\p{L}])`, 'iu');
	if (!named.test(job.title)) return undefined;
	return {
		place,
		note: `location "${squash(job.location?.name ?? '')}" and "${metadataName(job, LOCATION_FIELD)}: ${value}" name different cities; the title names ${place.city}: kept ${place.city}; check the posting`,
	};
}

/** The places the board's location fields name, each value a phrase; what none of them places is noted. */
function fieldPlaces(job: GreenhouseJob, workplace: Workplace | undefined, notes: string[], defaultCountry: string | undefined): Place[] {
	const places: Place[] = [];
	for (const { field, text } of metadataTexts(job, LOCATION_FIELD)) {
		const found = placesFrom([text], { workplace, defaultCountry });
		for (const phrase of found.unplaced) notes.push(`"${field}" "${phrase}": no country we know`);
		places.push(...found.places);
	}
	return uniquePlaces(places);
}

/**
 * location.name read again in the board's home country (see `mapJobs`), when
 * that turns its whole foreign countries into places of the home country
 * ("Remote - PA": Pennsylvania) and changes nothing else, or places what no
 * place was found for (a town the gazetteer knows only in a country given:
 * "Wutöschingen"); as first read otherwise. Noted, for the recruiter to check.
 */
function inHome(first: ReturnType<typeof placesFrom>, job: GreenhouseJob, workplace: Workplace | undefined, { home, defaultCountry }: HomeContext, notes: string[]): ReturnType<typeof placesFrom> {
	if (!home) return first;
	const foreign = first.places.some((place) => bareForeign(place, home));
	if (!foreign && first.unplaced.length === 0) return first;
	const again = placesFrom([job.location?.name], { workplace, country: home, defaultCountry });
	const kept = (place: Place) => first.places.some((other) => sameSpot(other, place));
	if (!again.places.every((place) => kept(place) || place.country === home) || again.places.some((place) => bareForeign(place, home))) return first;
	// Whole foreign countries read as places of the home country ("Remote - PA"), or towns the gazetteer knows only in a
	// country given ("Wutöschingen" on a board of German roles), every phrase placed then.
	const recoded = foreign && again.places.length === first.places.length;
	const placed = first.unplaced.length > 0 && again.unplaced.length === 0 && again.places.length > first.places.length;
	if (!recoded && !placed) return first;
	const names = again.places.filter((place) => !kept(place)).map(placeName);
	notes.push(`location "${squash(job.location?.name ?? '')}": read in ${home}, where most of the board's roles are (${names.join(', ')}); check the posting`);
	return again;
}

/** Metadata fields that state how the job is done ("Location Type: Remote"). */
const WORKPLACE_FIELD = /^(?:location|workplace|work[\s_-]*place|work|remote)[\s_-]*(?:type|status|model|arrangement)$/i;

/**
 * The place an office name scopes a remote role to: "US" of "Remote - US",
 * "Remote (US)", "US based Remote " or "Remote-Friendly US (Travel Required)"; "" for a bare
 * "Remote"; undefined when the name does not say remote.
 */
function remoteScope(name: string): string | undefined {
	if (!/\bremote\b/i.test(name)) return undefined;
	return squash(
		name
			// "(Travel Required)" qualifies the role; "(US)" is the scope itself.
			.replace(/\(([^)]*)\)/g, (_, inner: string) => (placesFrom([inner]).places.length > 0 ? ` ${inner} ` : ' '))
			.replace(/\bremote(?:[\s-]*(?:friendly|first|only|based|eligible))?\b/gi, ' ')
			.replace(/\b(?:based|anywhere|in)\b/gi, ' '),
	).replace(/^[\s,:;/|–—-]+|[\s,:;/|–—-]+$/g, '');
}

/** Words of a range title that name the kind of pay rather than where it applies: "New York City Pay Range", "Salary range: Colorado". */
const KIND = String.raw`(?:(?:annual|annualized|hourly|base|total|target|estimated)\s+)*(?:pay|salary|compensation|wages?|rate)(?:\s+(?:range|band|scale))?`;
const TRAILING_KIND = new RegExp(String.raw`[\s,:;–—-]*\b(?:${KIND}|range)\s*$`, 'i');
const LEADING_KIND = new RegExp(String.raw`^\s*${KIND}\s*(?:[:;–—-]|\bfor\b|\bin\b)\s*`, 'i');

/** Whole units, where it applies, and per what, from one Greenhouse range. */
function payRangeFrom(range: GreenhousePayRange): NonNullable<AtsFields['payRanges']>[number] {
	const appliesTo = (range.title ?? '').replace(LEADING_KIND, '').replace(TRAILING_KIND, '').trim();
	// Greenhouse has no period field; recruiters say "hourly" in the title or blurb when it is not a salary.
	const hourly = /\bhour(?:ly)?\b|\bper\s+hr\b|\/\s*h(?:ou)?r\b/i.test(`${range.title ?? ''} ${range.blurb ?? ''}`);
	return {
		...(appliesTo ? { appliesTo } : {}),
		min: range.min_cents / 100,
		max: range.max_cents / 100,
		currency: range.currency_type,
		period: hourly ? 'HOUR' : 'YEAR',
	};
}

/** A time as Greenhouse writes one, with its offset: "2026-10-08T00:45:00-04:00". */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * The post's application deadline as the front matter's `validThrough`: the
 * time as Greenhouse states it, so the role closes at that moment and pages
 * show the day the recruiter set. Greenhouse takes a post off its board once
 * the deadline passes (every deadline in a thousand boards' rows was still
 * ahead when they were read), so a listed post's deadline is after the day a
 * sync first sees it. One that cannot be read, or that falls before the post
 * was published (which would stop the build), is left out with a note.
 */
function deadlineOf(deadline: string | null | undefined, datePosted: string | undefined, notes: string[]): string | undefined {
	const time = deadline?.trim();
	if (!time) return undefined;
	const day = writtenDay(time);
	if (!TIMESTAMP.test(time) || !day) {
		notes.push(`application_deadline "${deadline}": not a time we can read; left out`);
		return undefined;
	}
	if (datePosted && day < datePosted) {
		notes.push(`application_deadline ${time} is before the post was first published (${datePosted}); left out`);
		return undefined;
	}
	return time;
}

/**
 * The calendar day a timestamp is written in ("2026-10-20T22:15:00-04:00" is
 * the 20th): the day the board showed, not the UTC day.
 */
function writtenDay(timestamp: string | null | undefined): string | undefined {
	const day = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(timestamp ?? '')?.[1];
	return day && dayFrom(`${day}T00:00:00Z`) === day ? day : dayFrom(timestamp);
}

/** The same URL over https: candidates' personal data must not travel in the clear. */
function httpsUrl(url: string): string {
	return url.replace(/^http:\/\//i, 'https://');
}
