/**
 * The Lever source: a site's published postings from Lever's public Postings
 * API, read page by page and mapped to {@link AtsPosting}s.
 */
import { escapeHtml } from '../../postings/dom.ts';
import { squash } from '../../postings/text.ts';
import { leverPageSchema, leverPostingSchema, type LeverPosting, type LeverSalaryRange } from './schema.ts';
import { AtsResponseError } from '../shared/http.ts';
import { countryCode, dayFrom, employmentTypeFrom, endpoint, parseRows, placesFrom, rowId, statedInText, teamAndDepartment, widenRemoteCities, withRemoteScope, workplaceFrom } from '../shared/map.ts';
import type { AtsFields, AtsPosting, AtsSource, BoardContext, BoardSnapshot, SourceOptions } from '../shared/types.ts';

/** Lever's global API host. */
export const LEVER_API = 'https://api.lever.co';

/** Lever's EU API host (same paths), for accounts hosted in the EU; pass it as `baseUrl`. */
export const LEVER_EU_API = 'https://api.eu.lever.co';

/** Postings asked for per request. */
export const LEVER_PAGE_SIZE = 100;

/** Pages read at most before giving up: 100,000 postings at the default page size, far beyond any real site. */
export const LEVER_MAX_PAGES = 1000;

type Place = NonNullable<AtsFields['locations']>[number];
type PayRange = NonNullable<AtsFields['payRanges']>[number];

/**
 * Reads every published posting of a Lever site. Lever answers each page with
 * a bare array; a page shorter than asked for is the last one.
 *
 * @param site the site name in jobs.lever.co/<site>
 * @param pageSize postings per request (tests use small pages)
 * @throws {AtsResponseError} when a page is not a JSON array, or the pages never end
 * @throws {AtsHttpError} when a request fails for good (passed on as is)
 */
export async function fetchLeverBoard(site: string, options: SourceOptions, pageSize: number = LEVER_PAGE_SIZE): Promise<BoardSnapshot> {
	if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize: expected a whole number above 0, got ${pageSize}`);
	const base = options.baseUrl ?? LEVER_API;
	const path = `/v0/postings/${encodeURIComponent(site)}`;
	const unique: unknown[] = [];
	const skipped: BoardSnapshot['skipped'] = [];
	const seen = new Set<string>();
	let total = 0;
	let previousPage: string | undefined;

	for (let page = 1; ; page += 1) {
		const skip = (page - 1) * pageSize;
		const url = endpoint(base, path, { mode: 'json', skip, limit: pageSize });
		const body = await options.client.getJson(url);
		const parsed = leverPageSchema.safeParse(body);
		if (!parsed.success) throw new AtsResponseError(url, `expected a JSON array of postings, got ${describeValue(body)}`);
		const rows = parsed.data;

		// A host that ignores `skip` would hand back the same page forever.
		const pageKey = JSON.stringify(rows.map((row) => rowId(row) ?? row));
		if (rows.length > 0 && pageKey === previousPage) {
			throw new AtsResponseError(url, `expected page ${page} to move on from page ${page - 1}, got the same postings again (stopped rather than loop forever)`);
		}
		previousPage = pageKey;

		total += rows.length;
		for (const row of rows) {
			const id = rowId(row);
			// Skip-based paging shifts when a posting is published mid-read, so a row can come round twice.
			if (id !== undefined && seen.has(id)) {
				skipped.push({ id, reason: `listed again on page ${page}: the postings shifted while the pages were read` });
				continue;
			}
			if (id !== undefined) seen.add(id);
			unique.push(row);
		}
		options.progress?.(`lever ${site}: page ${page} (${total} postings so far)`);

		if (rows.length < pageSize) break;
		if (page >= LEVER_MAX_PAGES) {
			throw new AtsResponseError(url, `expected the postings to end within ${LEVER_MAX_PAGES} pages of ${pageSize}, but page ${page} was still full`);
		}
	}

	const { rows, rejected } = parseRows(unique, leverPostingSchema, rowId);
	return {
		system: 'lever',
		board: site,
		postings: rows.map((row) => mapLeverJob(row, site, options)),
		rejected,
		skipped,
		total,
	};
}

/**
 * Maps a stored page of postings (a bare array, as Lever answers) without the network.
 *
 * @throws {Error} when the document is not an array
 */
export function mapLeverDocument(document: unknown, site: string, context: BoardContext = {}): BoardSnapshot {
	const page = leverPageSchema.safeParse(document);
	if (!page.success) throw new Error(`lever ${site}: expected a JSON array of postings`);
	const { rows, rejected } = parseRows(page.data, leverPostingSchema, rowId);
	return { system: 'lever', board: site, postings: rows.map((row) => mapLeverJob(row, site, context)), rejected, skipped: [], total: page.data.length };
}

/** Lever in the registry. */
export const lever: AtsSource = {
	system: 'lever',
	label: 'Lever',
	boardTerm: 'site name',
	boardExample: 'the "acme" of jobs.lever.co/acme',
	usageNote: `EU: --base-url ${LEVER_EU_API}`,
	api: LEVER_API,
	fetchBoard: (site, options) => fetchLeverBoard(site, options),
	mapDocument: mapLeverDocument,
	standIn(document, site) {
		const rows = leverPageSchema.parse(document);
		const path = `/v0/postings/${encodeURIComponent(site)}`;
		// Full pages and then a shorter one, which may be empty: how Lever says there is no more.
		const pages = Array.from({ length: Math.floor(rows.length / LEVER_PAGE_SIZE) + 1 }, (_, page) => page);
		return pages.map((page) => ({
			path: `${path}?mode=json&skip=${page * LEVER_PAGE_SIZE}&limit=${LEVER_PAGE_SIZE}`,
			body: rows.slice(page * LEVER_PAGE_SIZE, (page + 1) * LEVER_PAGE_SIZE),
		}));
	},
};

/**
 * Maps one validated Lever posting to the shared shape. Pure.
 *
 * @param site the Lever site name the posting was read from
 */
export function mapLeverJob(row: LeverPosting, site: string, context: BoardContext = {}): AtsPosting {
	const notes: string[] = [];
	const categories = row.categories ?? {};
	const fields: AtsFields = { title: squash(row.text) };

	Object.assign(fields, teamAndDepartment([categories.team], [categories.department]));

	const locations = placesOf(row, notes, context);
	if (locations.length > 0) fields.locations = locations;

	const commitment = squash(categories.commitment ?? '');
	const employmentType = employmentTypeFrom(commitment, fields.title);
	if (employmentType) fields.employmentType = employmentType;
	else if (commitment) notes.push(`commitment "${commitment}": not an employment type we know`);

	const datePosted = dayFrom(row.createdAt);
	if (datePosted) fields.datePosted = datePosted;

	// Lever's form lives at <hostedUrl>/apply; older answers may leave applyUrl out.
	fields.applyUrl = row.applyUrl ?? `${row.hostedUrl.replace(/\/+$/, '')}/apply`;

	const pay = row.salaryRange ? payRangeOf(row.salaryRange, notes) : undefined;
	if (pay) fields.payRanges = [pay];

	return { system: 'lever', board: site, id: row.id, url: row.hostedUrl, fields, html: htmlOf(row), notes };
}

/**
 * Places from `allLocations` (or the primary `location` when that list is
 * empty), each with the workplace Lever states for the posting (onsite,
 * hybrid, remote; "unspecified" states none, and then the title or text may)
 * unless its own words say otherwise, and with Lever's `country` (the primary location's, as a code)
 * as evidence. A lone phrase we cannot place takes that country; a primary
 * location placed in another country is noted for review, since Lever's field
 * is the structured value. A remote city in a country the text names as the
 * remote scope ("#RemotePortugal") is that country.
 */
function placesOf(row: LeverPosting, notes: string[], { defaultCountry }: BoardContext): Place[] {
	// "unspecified": what the title or the text says about the role, if anything.
	const text = statedInText(row.text, htmlOf(row), { defaultCountry });
	const workplace = workplaceFrom(row.workplaceType) ?? text.workplace?.workplace;
	const country = countryCode(row.country);
	const all = (row.categories?.allLocations ?? []).filter((phrase) => squash(phrase) !== '');
	const { places, unplaced } = placesFrom(all.length > 0 ? all : [row.categories?.location], { workplace, country, defaultCountry });
	if (places.length === 0 && unplaced.length <= 1 && country) {
		if (unplaced[0]) notes.push(`location "${unplaced[0]}": no country we know; used the posting's country, ${country}`);
		return [{ country, workplace: workplace ?? 'onsite' }];
	}
	for (const phrase of unplaced) notes.push(`location "${phrase}": no country we know`);
	const primary = placesFrom([row.categories?.location], { workplace, country, defaultCountry }).places;
	const elsewhere = primary.filter((place) => place.country !== undefined && place.country !== country);
	if (country && primary.length > 0 && elsewhere.length === primary.length) {
		notes.push(`location "${squash(row.categories?.location ?? '')}" reads as ${elsewhere.map((place) => place.country).join(', ')} but Lever's country is ${country}; check the posting`);
	}
	return withRemoteScope(widenRemoteCities(places, text.remoteCountries, notes), text.remoteScope, notes);
}

const PERIOD = /^per-(hour|day|week|month|year)(?:-|$)/;

/** The range in whole units, or undefined (with a note) when it cannot be stated as pay per period. */
function payRangeOf(range: LeverSalaryRange, notes: string[]): PayRange | undefined {
	const shown = `salaryRange ${range.currency} ${range.min}–${range.max} ${range.interval}`;
	const period = PERIOD.exec(range.interval)?.[1];
	if (!period) {
		notes.push(`${shown}: not pay per hour, day, week, month or year; left out`);
		return undefined;
	}
	if (!/^[A-Za-z]{3}$/.test(range.currency)) {
		notes.push(`${shown}: "${range.currency}" is not an ISO 4217 currency code; left out`);
		return undefined;
	}
	if (range.max === 0) {
		notes.push(`${shown}: a 0–0 placeholder, not pay; left out`);
		return undefined;
	}
	if (range.min < 0 || range.min > range.max) {
		notes.push(`${shown}: expected 0 ≤ min ≤ max; left out`);
		return undefined;
	}
	return { min: range.min, max: range.max, currency: range.currency.toUpperCase(), period: period.toUpperCase() as PayRange['period'] };
}

/**
 * The posting as Lever's hosted page lays it out: opening, each titled list,
 * closing, then the words about pay. Lever sends real HTML (not entity-escaped);
 * only the list titles are plain text.
 */
function htmlOf(row: LeverPosting): string {
	const parts = [htmlOr(row.description, row.descriptionPlain)];
	for (const list of row.lists ?? []) {
		const title = squash(list.text ?? '');
		const items = (list.content ?? '').trim();
		parts.push(`${title ? `<h3>${escapeHtml(title)}</h3>` : ''}${items ? `<ul>${items}</ul>` : ''}`);
	}
	parts.push(htmlOr(row.additional, row.additionalPlain), htmlOr(row.salaryDescription, row.salaryDescriptionPlain));
	return parts.filter(Boolean).join('\n');
}

/** The HTML version when there is one, else the plain one as escaped paragraphs. */
function htmlOr(html: string | null | undefined, plain: string | null | undefined): string {
	if (html?.trim()) return html.trim();
	return (plain ?? '')
		.split(/\n\s*\n/)
		.map((paragraph) => paragraph.trim())
		.filter(Boolean)
		.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
		.join('\n');
}

/** A few words on what came back instead of an array, with Lever's own error message when it gave one. */
function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (typeof value !== 'object') return `a ${typeof value}`;
	const error = (value as { error?: unknown; message?: unknown }).error ?? (value as { message?: unknown }).message;
	return typeof error === 'string' && error.trim() ? `an object saying "${squash(error)}"` : 'an object';
}
