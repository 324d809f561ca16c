/**
 * The Ashby source: reads a company's public Ashby job board (one request, no
 * paging) and maps each listed posting to the shared {@link AtsPosting} shape.
 */
import { escapeHtml } from '../../postings/structure.ts';
import { findRegion } from '../../postings/places.ts';
import { squash } from '../../postings/text.ts';
import { ashbyJobBoardSchema, ashbyJobSchema, type AshbyCompensationComponent, type AshbyJob, type AshbyPostalAddress } from './schema.ts';
import { AtsResponseError } from '../shared/http.ts';
import { countryCode, dayFrom, employmentTypeFrom, endpoint, parseRows, placesFrom, rowId, uniquePlaces } from '../shared/map.ts';
import type { AtsFields, AtsPosting, BoardSnapshot, SourceOptions } from '../shared/types.ts';

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
	const document = ashbyJobBoardSchema.safeParse(body);
	if (!document.success) {
		throw new AtsResponseError(url, 'expected an Ashby job board: an object with a "jobs" list');
	}

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
	const postings = rows.map((row) => mapAshbyJob(row, board));
	options.progress?.(`Ashby job board "${board}": ${postings.length} of ${document.data.jobs.length} postings`);
	return { system: 'ashby', board, postings, rejected, skipped, total: document.data.jobs.length };
}

/**
 * Maps one validated Ashby posting to the shared shape. Pure: what cannot be
 * used (a place with no country, a pay range without a period) goes to `notes`.
 *
 * @param board the job board name the posting came from
 */
export function mapAshbyJob(row: AshbyJob, board: string): AtsPosting {
	const notes: string[] = [];
	const remote = row.isRemote === true || row.workplaceType === 'Remote';
	const locations = placesOf(row, remote, notes);
	const employmentType = employmentTypeFrom(row.employmentType, row.title);
	if (row.employmentType && !employmentType) notes.push(`employmentType "${row.employmentType}": not one we know`);
	const datePosted = dayFrom(row.publishedAt);
	const department = squash(row.department ?? '');
	const team = squash(row.team ?? '');
	// Ashby sends pay whether or not the company shows it; only what the posting shows is published.
	const payRanges = row.shouldDisplayCompensationOnJobPostings === true ? payRangesOf(row, notes) : [];

	const fields: AtsFields = {
		title: squash(row.title),
		...(department ? { department } : {}),
		...(team ? { team } : {}),
		...(locations.length > 0 ? { locations } : {}),
		...(employmentType ? { employmentType } : {}),
		...(datePosted ? { datePosted } : {}),
		applyUrl: row.applyUrl,
		...(payRanges.length > 0 ? { payRanges } : {}),
	};
	// descriptionHtml is markup already (not entity-escaped as Greenhouse's content is), so it is passed on untouched.
	// Some boards publish only the plain text: its paragraphs are kept rather than the role lost.
	const html = row.descriptionHtml.trim() === '' && row.descriptionPlain ? htmlFromPlainText(row.descriptionPlain) : row.descriptionHtml;
	if (html !== row.descriptionHtml) notes.push('descriptionHtml: empty; the posting text comes from descriptionPlain');
	return { system: 'ashby', board, id: row.id, url: row.jobUrl, fields, html, notes };
}

/**
 * The primary location, then the secondary ones. When the primary phrase names
 * no place we know but its postal address does, the address stands in for it.
 */
function placesOf(row: AshbyJob, remote: boolean, notes: string[]): Place[] {
	const primary = placesFrom([row.location], remote);
	const secondary = placesFrom(
		row.secondaryLocations.map((entry) => entry.location),
		remote,
	);
	let places = primary.places;
	let unplaced = primary.unplaced;
	const postal = row.address?.postalAddress;
	if (places.length === 0 && postal) {
		const fromAddress = addressPlace(postal, remote);
		if (fromAddress) {
			const where = row.location?.trim() ? `location "${squash(row.location)}": no country we know` : 'no location';
			notes.push(`${where}; placed from its postal address (${describeAddress(postal)})`);
			places = [fromAddress];
			unplaced = [];
		}
	}
	for (const phrase of [...unplaced, ...secondary.unplaced]) notes.push(`location "${phrase}": no country we know`);
	return uniquePlaces([...places, ...secondary.places]);
}

/** A structured place from a postal address, when its country is one we know. */
function addressPlace(address: AshbyPostalAddress, remote: boolean): Place | undefined {
	const country = countryCode(address.addressCountry);
	if (!country) return undefined;
	const city = squash(address.addressLocality ?? '');
	const regionText = squash(address.addressRegion ?? '');
	// Regions are stored as codes where we know them ("Colorado" → "CO"), as the place parser stores them.
	const region = regionText ? (findRegion(regionText, country)?.code ?? regionText) : '';
	return { ...(city ? { city } : {}), ...(region ? { region } : {}), country, remote };
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
