/**
 * The Ashby source: reads a company's public Ashby job board (one request, no
 * paging) and maps each listed posting to the shared {@link AtsPosting} shape.
 */
import { escapeHtml } from '../../postings/dom.ts';
import { findRegion } from '../../postings/places.ts';
import { squash } from '../../postings/text.ts';
import { ashbyJobBoardSchema, ashbyJobSchema, type AshbyCompensationComponent, type AshbyJob, type AshbyPostalAddress } from './schema.ts';
import { AtsResponseError } from '../shared/http.ts';
import { countryCode, dayFrom, employmentTypeFrom, endpoint, isRemotePlace, parseRows, placesFrom, refineCountries, rowId, statedInText, teamAndDepartment, uniquePlaces, withRemoteScope, workplaceFrom } from '../shared/map.ts';
import type { Workplace } from '../../schemas/place.ts';
import type { AtsFields, AtsPosting, AtsSource, BoardContext, BoardSnapshot, SourceOptions } from '../shared/types.ts';

/** Ashby's public API host. */
export const ASHBY_API = 'https://api.ashbyhq.com';

type Place = NonNullable<AtsFields['locations']>[number];
type PayRange = NonNullable<AtsFields['payRanges']>[number];

/** Ashby's pay intervals and the period each one pays for; 'NONE' (and anything new) has none. */
const PERIODS: Readonly<Record<string, PayRange['period']>> = {
	'1 YEAR': 'YEAR',
	'1 MONTH': 'MONTH',
	'1 WEEK': 'WEEK',
	'1 DAY': 'DAY',
	'1 HOUR': 'HOUR',
};

/**
 * Reads every posting of an Ashby job board. Unlisted postings are reported
 * in `skipped`; rows not in the documented shape in `rejected`.
 *
 * @param board the job board name, as in jobs.ashbyhq.com/<board>
 * @throws {AtsResponseError} when the answer is not a job board document (nothing should change then)
 * @throws {import('../shared/http.ts').AtsHttpError} when the board cannot be fetched
 */
export async function fetchAshbyBoard(board: string, options: SourceOptions): Promise<BoardSnapshot> {
	const url = endpoint(options.baseUrl ?? ASHBY_API, `posting-api/job-board/${encodeURIComponent(board)}`, { includeCompensation: true });
	options.progress?.(`Ashby job board "${board}"`);
	const body = await options.client.getJson(url);
	if (!ashbyJobBoardSchema.safeParse(body).success) {
		throw new AtsResponseError(url, 'expected an Ashby job board: an object with a "jobs" list');
	}
	const snapshot = mapAshbyDocument(body, board, options);
	options.progress?.(`Ashby job board "${board}": ${snapshot.postings.length} of ${snapshot.total} postings`);
	return snapshot;
}

/**
 * Maps a job board document without the network: unlisted postings skipped,
 * rows not in the documented shape rejected.
 *
 * @throws {Error} when the document is not a job board
 */
export function mapAshbyDocument(body: unknown, board: string, context: BoardContext = {}): BoardSnapshot {
	const document = ashbyJobBoardSchema.safeParse(body);
	if (!document.success) throw new Error(`ashby ${board}: expected an Ashby job board: an object with a "jobs" list`);
	// Unlisted postings are left out before validation: Ashby says plainly they are not public, so a flaw in one must not hold anything back.
	const skipped: BoardSnapshot['skipped'] = [];
	const candidates: unknown[] = [];
	for (const row of document.data.jobs) {
		const id = rowId(row);
		if (id && (row as { isListed?: unknown }).isListed === false) skipped.push({ id, reason: 'unlisted in Ashby' });
		else candidates.push(row);
	}
	const { rows, rejected } = parseRows(candidates, ashbyJobSchema, rowId);
	// Every row left is listed: an unlisted one with a readable id was skipped above, and one without fails the row schema.
	const postings = rows.map((row) => mapAshbyJob(row, board, context));
	return { system: 'ashby', board, postings, rejected, skipped, total: document.data.jobs.length };
}

/** Ashby in the registry. */
export const ashby: AtsSource = {
	system: 'ashby',
	label: 'Ashby',
	boardTerm: 'job board name',
	boardExample: 'the "acme" of jobs.ashbyhq.com/acme',
	api: ASHBY_API,
	fetchBoard: fetchAshbyBoard,
	mapDocument: mapAshbyDocument,
	standIn: (document, board) => [{ path: `/posting-api/job-board/${encodeURIComponent(board)}?includeCompensation=true`, body: document }],
};

/**
 * Maps one validated Ashby posting to the shared shape. Pure: what cannot be
 * used (a place with no country, a pay range without a period) goes to `notes`.
 *
 * @param board the job board name the posting came from
 */
export function mapAshbyJob(row: AshbyJob, board: string, context: BoardContext = {}): AtsPosting {
	const notes: string[] = [];
	// A job Ashby states no workplace for may state one in its title ("… (Remote)") or text; the text may also say whom a remote role is open to.
	const text = statedInText(row.title, row.descriptionHtml, context);
	const locations = withRemoteScope(placesOf(row, workplaceOf(row) ?? text.workplace?.workplace, notes, context), text.remoteScope, notes);
	const employmentType = employmentTypeFrom(row.employmentType, row.title);
	if (row.employmentType && !employmentType) notes.push(`employmentType "${row.employmentType}": not one we know`);
	const datePosted = dayFrom(row.publishedAt);
	const units = teamAndDepartment([row.team], [row.department]);
	// Ashby sends pay whether or not the company shows it; only what the posting shows is published.
	const payRanges = row.shouldDisplayCompensationOnJobPostings === true ? payRangesOf(row, notes) : [];

	const fields: AtsFields = {
		title: squash(row.title),
		...units,
		...(locations.length > 0 ? { locations } : {}),
		...(employmentType ? { employmentType } : {}),
		...(datePosted ? { datePosted } : {}),
		// Ashby's answer always has it, but copies of boards passed on by other tools leave fields out: a role is not lost for it.
		applyUrl: row.applyUrl ?? `${row.jobUrl.replace(/\/+$/, '')}/application`,
		...(payRanges.length > 0 ? { payRanges } : {}),
	};
	// descriptionHtml is markup already (not entity-escaped as Greenhouse's content is), so it is passed on untouched.
	// Some boards publish only the plain text: its paragraphs are kept rather than the role lost.
	const html = row.descriptionHtml.trim() === '' && row.descriptionPlain ? htmlFromPlainText(row.descriptionPlain) : row.descriptionHtml;
	if (html !== row.descriptionHtml) notes.push('descriptionHtml: empty; the posting text comes from descriptionPlain');
	return { system: 'ashby', board, id: row.id, url: row.jobUrl, fields, html, notes };
}

/**
 * How the job is done, as Ashby states it: `workplaceType` when set, since
 * Ashby also sets `isRemote` on hybrid roles ("New York, NY (HQ)", Hybrid,
 * isRemote true is a hybrid role at headquarters, not a remote one);
 * `isRemote` only when there is no workplaceType.
 */
export function workplaceOf(row: AshbyJob): Workplace | undefined {
	return workplaceFrom(row.workplaceType) ?? (row.isRemote === true ? 'remote' : undefined);
}

/**
 * The primary location, then the secondary ones, each read from its phrase
 * with its postal address as evidence. The job's workplace applies to every
 * location (Ashby states it once, for the job; a location's own words, such as
 * "Remote - Canada", win). A phrase we cannot place gives way to its postal
 * address; a phrase placed in another country than its address is replaced by
 * the address (the structured value), with a note for review.
 */
function placesOf(row: AshbyJob, workplace: Workplace | undefined, notes: string[], { defaultCountry }: BoardContext): Place[] {
	const entries = [
		{ phrase: row.location, postal: row.address?.postalAddress },
		...row.secondaryLocations.map((entry) => ({ phrase: entry.location, postal: entry.address?.postalAddress })),
	];
	const places: Place[] = [];
	for (const { phrase, postal } of entries) {
		const country = countryCode(postal?.addressCountry);
		const found = placesFrom([phrase], { workplace, country, defaultCountry });
		// What reading the address found to say, said only if the address is used.
		const addressNotes: string[] = [];
		const fromAddress = postal ? addressPlace(postal, workplace, addressNotes) : undefined;
		const written = squash(phrase ?? '');
		if (found.places.length === 0 && fromAddress) {
			notes.push(`${written ? `location "${written}": no country we know` : 'no location'}; placed from its postal address (${describeAddress(postal!)})`, ...addressNotes);
			places.push(fromAddress);
			continue;
		}
		const elsewhere = country ? found.places.filter((place) => place.country !== undefined && place.country !== country) : [];
		if (fromAddress && elsewhere.length > 0) {
			// Review finding: the address and the phrase disagree; the address is the structured value.
			notes.push(
				`location "${written}" reads as ${elsewhere.map((place) => place.country).join(', ')} but its postal address says ${country} (${describeAddress(postal!)}); kept the address, check the posting`,
				...addressNotes,
			);
			places.push(...found.places.filter((place) => !elsewhere.includes(place)), fromAddress);
			continue;
		}
		for (const part of found.unplaced) notes.push(`location "${part}": no country we know`);
		// "United Kingdom (Hybrid)" at an office in London: a role worked on site, even in part, is worked at its office.
		// A remote one is open across the country, wherever the company's address is.
		const atOffice = fromAddress && !found.places.some(isRemotePlace) ? refineCountries(found.places, [fromAddress]) : undefined;
		places.push(...(atOffice ?? found.places));
	}
	return uniquePlaces(places);
}

/** A structured place from a postal address, when its country is one we know. */
function addressPlace(address: AshbyPostalAddress, workplace: Workplace | undefined, notes: string[]): Place | undefined {
	const country = countryCode(address.addressCountry);
	if (!country) return undefined;
	const city = squash(address.addressLocality ?? '');
	const regionText = squash(address.addressRegion ?? '');
	// Regions are stored as codes ("Colorado" → "CO"), as the place parser stores them. One we do not know
	// ("Berlin-Brandenburg", a metropolitan area) is left out rather than passed on for the posting to be refused
	// for it: the city and the country place the job.
	const region = regionText ? findRegion(regionText, country)?.code : undefined;
	if (regionText && !region) notes.push(`postal address region "${regionText}": not a region of ${country} we know; left out`);
	return {
		...(city ? { city } : {}),
		...(region ? { region } : {}),
		country,
		workplace: workplace ?? 'onsite',
	};
}

function describeAddress(address: AshbyPostalAddress): string {
	return [address.addressLocality, address.addressRegion, address.addressCountry]
		.map((part) => squash(part ?? ''))
		.filter(Boolean)
		.join(', ');
}

/**
 * Salary ranges: one per tier when there are several (each applying to the
 * tier's title, e.g. "Colorado"), otherwise the summary's. Equity, bonuses and
 * commission are not pay ranges and are passed over.
 */
function payRangesOf(row: AshbyJob, notes: string[]): PayRange[] {
	const compensation = row.compensation;
	if (!compensation) return [];
	const tiers = compensation.compensationTiers;
	const sources: Array<{ appliesTo: string | undefined; components: AshbyCompensationComponent[] }> =
		tiers.length > 1
			? tiers.map((tier) => ({ appliesTo: squash(tier.title ?? '') || undefined, components: tier.components }))
			: [
					{
						appliesTo: undefined,
						// A single tier with no summary still states the pay; its title is then the whole role's.
						components: compensation.summaryComponents.length > 0 ? compensation.summaryComponents : (tiers[0]?.components ?? []),
					},
				];
	const ranges: PayRange[] = [];
	for (const { appliesTo, components } of sources) {
		for (const component of components) {
			if (component.compensationType !== 'Salary') continue;
			const range = salaryRange(component, appliesTo);
			if (typeof range === 'string') notes.push(`pay range "${componentName(component, appliesTo)}": ${range}`);
			else ranges.push(range);
		}
	}
	return ranges;
}

/** A salary component as a pay range, or why it cannot be one. */
function salaryRange(component: AshbyCompensationComponent, appliesTo: string | undefined): PayRange | string {
	const period = PERIODS[component.interval ?? ''];
	if (!period) return `no pay period (interval "${component.interval ?? ''}")`;
	const { minValue: min, maxValue: max } = component;
	if (min === null || min === undefined || max === null || max === undefined) return 'no lower or no upper bound';
	if (max === 0) return 'a 0–0 placeholder, not pay';
	if (min < 0 || min > max) return `bounds out of order (${min}–${max})`;
	const currency = squash(component.currencyCode ?? '').toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency)) return `no currency code ("${component.currencyCode ?? ''}")`;
	return { ...(appliesTo ? { appliesTo } : {}), min, max, currency, period };
}

function componentName(component: AshbyCompensationComponent, appliesTo: string | undefined): string {
	const summary = squash(component.summary ?? '') || component.compensationType;
	return appliesTo ? `${appliesTo}: ${summary}` : summary;
}

/** Plain text as paragraphs: a blank line between paragraphs, a line break within one. */
export function htmlFromPlainText(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((paragraph) => paragraph.trim())
		.filter(Boolean)
		.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
		.join('\n');
}
