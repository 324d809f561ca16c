/** Helpers every ATS source uses to turn its rows into {@link AtsPosting}s. */
import type { z } from 'astro/zod';
import type { GivenLocation } from '../../schemas/front-matter.ts';
import type { Workplace } from '../../schemas/place.ts';
import * as cheerio from 'cheerio';
import { parseFragment } from '../../postings/dom.ts';
import { employmentTypeWithTitle } from '../../postings/employment.ts';
import { locationLine, resolvePlaces, splitPlaces } from '../../postings/locations.ts';
import { areaByCode, countriesOverlap } from '../../postings/places/areas.ts';
import { remoteCountriesIn, remoteScopeIn, workplaceInText, type StatedRemoteScope, type StatedWorkplace } from '../../postings/places/stated-in-text.ts';
import { findCountry, isCountryCode } from '../../postings/places.ts';
import { squash } from '../../postings/text.ts';
import { extractPayRanges } from '../../postings/compensation.ts';
import type { AtsFields, AtsPosting, BoardContext, Rejection } from './types.ts';

type StructuredLocation = Exclude<GivenLocation, string>;

/** What an ATS says about a posting's places besides the phrases themselves, and the site's default country. */
export interface PlacesOptions extends BoardContext {
	/** The workplace the ATS states (Lever workplaceType, Ashby isRemote); a phrase's own words win over it. */
	workplace?: Workplace | undefined;
	/** A country the ATS gives (Lever `country`, an Ashby postal address): evidence for ambiguous names. */
	country?: string | undefined;
}

/**
 * Reads place phrases as an ATS writes them ("Austin, TX", "London, UK",
 * "Remote - US", "Columbus; New York City, Santa Barbara") into structured
 * locations. A phrase that names no place we know is returned in `unplaced`,
 * for the caller to note; it is never guessed.
 *
 * @param options the ATS's workplace and country
 * @example
 * placesFrom(['Lisbon, Portugal; Remote (UK)']) // { places: [{ city: 'Lisbon', region: '11', country: 'PT', workplace: 'onsite' }, { country: 'GB', workplace: 'remote' }], unplaced: [] }
 */
export function placesFrom(
	phrases: ReadonlyArray<string | null | undefined>,
	options: PlacesOptions = {},
): { places: StructuredLocation[]; unplaced: string[]; notes: string[] } {
	const { workplace, country, defaultCountry } = options;
	const all = phrases.flatMap((phrase) => splitPlaces(squash(phrase ?? '')));
	const resolved = resolvePlaces(all, { workplace, country: countryCode(country), defaultCountry });
	const places = resolved.places.map(
		(place): StructuredLocation => ({
			...(place.city ? { city: place.city } : {}),
			...(place.region ? { region: place.region } : {}),
			...(place.country ? { country: place.country } : { area: place.area! }),
			workplace: place.workplace,
		}),
	);
	return { places: uniquePlaces(places), unplaced: resolved.unplaced, notes: resolved.notes };
}

/** What a posting's title and text say about its places, for the fields an ATS leaves out. */
export interface StatedInText {
	/** The workplace a sentence or the title states for the role. */
	workplace?: StatedWorkplace;
	/** Places named on the text's location lines ("Location: Berlin", "📍 Mexico City or Guadalajara | Hybrid"). */
	places: StructuredLocation[];
	/** Countries the title or text names as the remote scope ("Fully Remote US", "#RemotePortugal"). */
	remoteCountries: string[];
	/** The countries and areas a sentence says the role is open to ("open to candidates based in North America and Europe"). */
	remoteScope?: StatedRemoteScope;
	/** Whether the text states pay the pipeline will read: a source's other pay fields then add nothing. */
	statesPay: boolean;
}

/**
 * An ATS's HTML with cheerio's API, parsed as the pipeline parses it. Only
 * the ATS sources read HTML this way: the pipeline works on
 * {@link parseFragment}'s tree, and a build from posting files never loads cheerio.
 */
function loadFragment(html: string): cheerio.CheerioAPI {
	return cheerio.load(parseFragment(html), { xml: { xmlMode: false, decodeEntities: true, encodeEntities: 'utf8' } }, false);
}

/**
 * Reads a posting's title and body for what it states about its places: the
 * workplace of the role, and its location lines. Sources use it only where
 * their fields say nothing, or say less (a country where the text names its
 * cities); the structured fields otherwise win.
 *
 * @param html the posting body as the ATS renders it
 * @param context the site's default country, for the places of location lines
 */
export function statedInText(title: string, html: string, context: BoardContext = {}): StatedInText {
	const $ = loadFragment(html);
	const blocks = $('p, li, h1, h2, h3, h4, h5, h6')
		.toArray()
		.map((element) => squash($(element).text()))
		.filter(Boolean);
	const workplace = workplaceInText(title, blocks);
	// A line opened with a pin ("📍 Mexico – Mexico City or Guadalajara | Hybrid") is a location line too. It is
	// read here, for the ATS's places, and left in the body, where it may say more (" | Full-time").
	const lines = blocks.flatMap((block) => {
		const line = locationLine(block) ?? /^📍\uFE0F?\s*(.+)$/u.exec(block)?.[1];
		return line ? [line] : [];
	});
	// "Where are these roles located? You'll work with teams in:" over a list of places is a location list too,
	// when every item is a place.
	$('p, h1, h2, h3, h4, h5, h6').each((_, element) => {
		const list = $(element).next('ul, ol');
		if (list.length === 0 || !LOCATION_LIST_LEAD.test(squash($(element).text()))) return;
		const items = list.children('li').toArray().map((item) => squash($(item).text())).filter(Boolean);
		if (items.length > 0 && placesFrom(items, context).unplaced.length === 0) lines.push(...items);
	});
	const remoteScope = remoteScopeIn(blocks);
	return {
		...(workplace ? { workplace } : {}),
		places: lines.length > 0 ? placesFrom(lines, context).places : [],
		remoteCountries: remoteCountriesIn(title, blocks),
		...(remoteScope ? { remoteScope } : {}),
		statesPay: extractPayRanges(blocks).length > 0,
	};
}

/**
 * A remote role's places as the text states whom the role is open to: Ashby's
 * "Europe" beside "open to candidates based in North America and Europe" is
 * both; Lever's "New York, NY" beside "you can be within the Americas region"
 * is the Americas; Ashby's "North America" beside "open to candidates based in
 * the US and Europe" is the US and Europe. The ATS's remote places give way
 * only when each of them overlaps a place the sentence names, so the sentence
 * is about the same role; otherwise they stay and a note asks for review.
 * On-site and hybrid places are left as they are.
 *
 * @param scope what the text states (see {@link StatedInText})
 */
export function withRemoteScope<T extends StructuredLocation>(places: readonly T[], scope: StatedRemoteScope | undefined, notes: string[]): Array<T | StructuredLocation> {
	const remote = places.filter(isRemotePlace);
	if (!scope || remote.length === 0) return [...places];
	const stated = scope.places.map((place): StructuredLocation => ({ ...place, workplace: 'remote' }));
	const shown = (list: readonly StructuredLocation[]) => list.map((place) => place.city ?? place.region ?? place.country ?? place.area).join(', ');
	if (!remote.every((place) => stated.some((other) => overlaps(place, other)))) {
		notes.push(`the text says "${scope.evidence}", which leaves out the remote places ${shown(remote)}: kept the ATS's places; check the posting`);
		return [...places];
	}
	const same = remote.length === stated.length && remote.every((place, index) => !place.city && !place.region && place.country === stated[index]!.country && place.area === stated[index]!.area);
	if (same) return [...places];
	notes.push(`remote ${shown(remote)}: the text says "${scope.evidence}": read as remote in ${shown(stated)}`);
	const first = places.findIndex(isRemotePlace);
	const kept: Array<T | StructuredLocation> = places.filter((place) => !isRemotePlace(place));
	kept.splice(first, 0, ...stated);
	return uniquePlaces(kept);
}

/** Whether two places share a country; an area of no listed countries is anywhere. */
function overlaps(one: StructuredLocation, other: StructuredLocation): boolean {
	const countries = (place: StructuredLocation) => (place.country ? [place.country] : (areaByCode(place.area ?? '')?.countries ?? []));
	return countriesOverlap(countries(one), countries(other));
}

/**
 * A remote role's cities that lie in a country its title or text names as the
 * remote scope become that country: "Fully Remote US" filed under Sandy, Utah,
 * or "#RemotePortugal" under "Portugal - Lisbon", is remote anywhere in the
 * country; the city is where the ad was filed, not where anyone works. On-site
 * and hybrid places are left as they are. Each change is noted.
 *
 * @param countries the remote scopes the posting states (see {@link StatedInText})
 */
export function widenRemoteCities<T extends StructuredLocation>(places: readonly T[], countries: readonly string[], notes: string[]): T[] {
	if (countries.length === 0) return [...places];
	const widened = places.map((place) => {
		const remote = place.workplace === 'remote' || (place.workplace === undefined && place.remote === true);
		if (!remote || !(place.city || place.region) || !place.country || !countries.includes(place.country)) return place;
		notes.push(`"${[place.city ?? place.region, place.country].join(', ')}" is a remote role's city, and the posting says remote in ${place.country}: read as remote anywhere in ${place.country}`);
		const { city: _city, region: _region, ...country } = place;
		return country as T;
	});
	return uniquePlaces(widened);
}

/** The words that open a list of the role's places: "Where are these roles located?", "Locations:", "Standorte:", "Lieux :". */
const LOCATION_LIST_LEAD =
	/\bwhere (?:is|are|will) (?:this|these|the) (?:roles?|positions?|jobs?|openings?)(?: be)? (?:located|based)\b|^(?:job |work )?locations?\s*[:?]|^(?:standorte?|arbeitsorte?|einsatzorte?|lieux(?: de travail)?|localisations?|ubicaci[oó]n(?:es)?|localiza[cç](?:ão|ões)|sedi|lokalizacj[ae])\s*[:?]/iu;

/**
 * Country-wide places made more precise by places within them that another
 * source names: "Mexico" with the text's "Mexico City or Guadalajara", a
 * location.name "Saudi Arabia" with an office in Riyadh. Only when every place
 * is a whole country and every finer place lies in one of them; a finer
 * place's own workplace wins unless it is the on-site default.
 */
export function refineCountries(places: readonly StructuredLocation[], finer: readonly StructuredLocation[]): StructuredLocation[] | undefined {
	const wholeCountries = places.length > 0 && places.every((place) => place.country && !place.city && !place.region);
	const within = finer.filter((place) => place.city || place.region);
	if (!wholeCountries || within.length === 0 || !within.every((place) => places.some((country) => country.country === place.country))) return undefined;
	const refined = places.flatMap((country) => {
		const inside = within.filter((place) => place.country === country.country);
		if (inside.length === 0) return [country];
		const around: Workplace = country.workplace ?? (country.remote ? 'remote' : 'onsite');
		return inside.map(({ remote: _remote, ...place }) => ({ ...place, workplace: place.workplace && place.workplace !== 'onsite' ? place.workplace : around }));
	});
	return uniquePlaces(refined);
}

/**
 * The places a location list in the text names beside the one place a
 * single-location ATS gives, when the list names that place too (Western
 * Digital: San Jose in the field, "Where are these roles located?" listing
 * Colorado Springs, Irvine, … and San Jose). A list that leaves out the ATS's
 * own place may be about something else, and is not read. The field's place
 * keeps its workplace; the others take their own words, else on-site.
 */
export function withListedPlaces<T extends StructuredLocation>(field: T, listed: readonly StructuredLocation[]): Array<T | StructuredLocation> {
	const key = (place: StructuredLocation) => `${place.country ?? ''}|${(place.city ?? '').toLowerCase()}`;
	const own = placesFrom([[field.city, field.country].filter(Boolean).join(', ')]).places[0];
	if (!own?.city || !listed.some((place) => key(place) === key(own))) return [field];
	return uniquePlaces([field, ...listed.filter((place) => key(place) !== key(own))]);
}

/** Places in order, each once: ATS fields often repeat a city across primary and secondary locations or offices. */
export function uniquePlaces<T extends StructuredLocation>(places: readonly T[]): T[] {
	const seen = new Set<string>();
	return places.filter((place) => {
		const key = JSON.stringify(place);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** An ISO alpha-2 code from a code or an English country name ("US", "United States"); undefined otherwise. */
export function countryCode(value: string | null | undefined): string | undefined {
	const text = squash(value ?? '');
	if (/^[A-Za-z]{2}$/.test(text) && isCountryCode(text.toUpperCase())) return text.toUpperCase();
	return text ? findCountry(text) : undefined;
}

/**
 * Google's employment type for an ATS's wording ("Full-time Regular", "FullTime",
 * "Werkstudent", "Stage de fin d'études"); undefined when unknown or self-contradicting.
 * A plain full-time field gives way to a title naming an internship, a contract
 * or a temporary role (Ashby fills in FullTime by default).
 *
 * @param title the posting's title, read for what the field may have left at its default
 */
export function employmentTypeFrom(value: string | null | undefined, title?: string | null): AtsFields['employmentType'] {
	return employmentTypeWithTitle(value, title);
}

/**
 * The team and department of a posting from the units its ATS names, one
 * convention for every vendor (docs/decisions.md, "Team and department"):
 * the most specific unit is the team, a broader one stated beside it the
 * department, and a unit stated alone is the team, whatever the ATS calls it.
 * Each list is read in order; empty names are passed over.
 *
 * @param specific names at the team level, most specific first (Lever and Ashby `team`, a Greenhouse sub-department)
 * @param broader names at the department level, most specific first (Lever and Ashby `department`, a Greenhouse "Division" field)
 * @example
 * teamAndDepartment(['Platform'], ['Engineering']) // { team: 'Platform', department: 'Engineering' }
 * teamAndDepartment([], ['Engineering'])           // { team: 'Engineering' }
 * teamAndDepartment([], ['Engineering', 'Technology']) // { department: 'Technology', team: 'Engineering' }
 * teamAndDepartment(['Unassigned'], ['Eureka'])         // { team: 'Eureka' }
 */
export function teamAndDepartment(
	specific: ReadonlyArray<string | null | undefined>,
	broader: ReadonlyArray<string | null | undefined>,
): { team?: string; department?: string } {
	const named = (names: ReadonlyArray<string | null | undefined>) => names.map((name) => squash(name ?? '')).filter((name) => name !== '' && !NO_UNIT(name));
	const [team] = named(specific);
	// With no team-level name, the most specific of the broader ones is the team and the next the department.
	const [department, next] = named(broader);
	if (!team) return department ? { ...(next ? { department: next } : {}), team: department } : {};
	return { ...(department ? { department } : {}), team };
}

/** An internal code before a unit's name: MongoDB's "T10212-Sales Development RoW", "43-SRE Atlas & InfraSec". */
const UNIT_CODE = /^[A-Z]{0,2}\d{2,}\s*[-–:]\s*(?=\p{L})/u;

/**
 * A board's postings with the internal codes taken off their teams' and
 * departments' names, where most of the board's names of that kind carry one
 * (at least three): a candidate filters by "Sales Development RoW", not by
 * "T10212-Sales Development RoW". A board whose names seldom start so keeps
 * them as written ("360-Degree Marketing" beside plain names).
 */
export function withoutUnitCodes(postings: readonly AtsPosting[]): AtsPosting[] {
	let result = [...postings];
	for (const key of ['team', 'department'] as const) {
		const names = new Set(result.flatMap((posting) => posting.fields[key] ?? []));
		const coded = [...names].filter((name) => UNIT_CODE.test(name)).length;
		if (coded < 3 || coded * 2 < names.size) continue;
		result = result.map((posting) => {
			const name = posting.fields[key];
			return name && UNIT_CODE.test(name) ? { ...posting, fields: { ...posting.fields, [key]: name.replace(UNIT_CODE, '') } } : posting;
		});
	}
	return result;
}

/**
 * What an ATS or a board's form leaves in a field nobody filled in: the form's own prompt ("Select an Option"),
 * Lever's team "Unassigned" (Match Group's Eureka), "N/A", "None", "TBD", dashes. Not "NA", which is also North
 * America in a region or location field.
 */
const UNSET = /^(?:select an option|please select|select one|unassigned|not assigned|none|n\/a|tbd|tbc|-+)$/i;

/** Whether a field's text is only what {@link UNSET} names. */
export function isUnset(text: string): boolean {
	return UNSET.test(text.trim());
}

/** Names a unit that is none: an unset field's, and "NA", which names no team or department. */
const NO_UNIT = (name: string) => isUnset(name) || /^na$/i.test(name);

/** YYYY-MM-DD (UTC) of an ISO timestamp or of milliseconds since the epoch; undefined when unreadable. */
export function dayFrom(value: string | number | null | undefined): string | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	const time = typeof value === 'number' ? value : Date.parse(value);
	return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : undefined;
}

/**
 * Decodes HTML entities once: Greenhouse sends `content` as escaped HTML
 * ("&lt;p&gt;…"), which must become markup before the pipeline sanitizes it.
 * Entities that were double-escaped stay escaped text, as the ATS shows them.
 */
export function unescapeHtml(text: string): string {
	const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (entity, body: string) => {
		const lower = body.toLowerCase();
		if (lower.startsWith('#x')) return safeCodePoint(Number.parseInt(lower.slice(2), 16)) ?? entity;
		if (lower.startsWith('#')) return safeCodePoint(Number(lower.slice(1))) ?? entity;
		return named[lower] ?? entity;
	});
}

function safeCodePoint(code: number): string | undefined {
	return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
}

/**
 * Validates rows one by one: good rows come back parsed, bad ones as
 * rejections naming the row's id and the first field at fault.
 *
 * @param idOf reads an id from a raw row, if it has a usable one
 */
export function parseRows<T>(rows: readonly unknown[], schema: z.ZodType<T>, idOf: (row: unknown) => string | undefined): { rows: T[]; rejected: Rejection[] } {
	const parsed: T[] = [];
	const rejected: Rejection[] = [];
	rows.forEach((row, index) => {
		const result = schema.safeParse(row);
		if (result.success) {
			parsed.push(result.data);
			return;
		}
		rejected.push(rejectionFrom(result.error, idOf(row), `row ${index + 1}`, 'a row in the documented shape'));
	});
	return { rows: parsed, rejected };
}

/**
 * A rejection from a zod error: the row's id, the first field at fault, and what was expected.
 *
 * @param whole the field named when the error is about the whole document
 * @param expected the message when zod gives none
 */
export function rejectionFrom(error: z.ZodError, id: string | undefined, whole: string, expected: string): Rejection {
	const issue = error.issues[0];
	return {
		...(id ? { id } : {}),
		field: issue && issue.path.length > 0 ? issue.path.map(String).join('.') : whole,
		message: issue ? issue.message.replace(/^Invalid input: /, '') : expected,
	};
}

/** Reads `row.id` when it is a non-empty string or a number. */
export function rowId(row: unknown): string | undefined {
	if (row === null || typeof row !== 'object') return undefined;
	const id = (row as { id?: unknown }).id;
	return (typeof id === 'string' && id.trim()) || (typeof id === 'number' && Number.isFinite(id)) ? String(id) : undefined;
}

/** Joins URL parts without doubling slashes; `base` may carry a path prefix (a proxy, the test server). */
export function endpoint(base: string, path: string, query: Record<string, string | number | boolean> = {}): string {
	const url = new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`);
	for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
	return url.toString();
}

/**
 * The workplace an ATS field states, in any vendor's spelling ("OnSite",
 * "on-site", "Remote", "HYBRID", "Flexible", "Office-based"); undefined for
 * "unspecified" and anything else.
 */
export function workplaceFrom(value: string | null | undefined): Workplace | undefined {
	const word = (value ?? '').toLowerCase().replace(/[\s_-]+/g, '');
	if (word === 'remote' || word === 'fullyremote') return 'remote';
	// "Flexible" is how companies name part-office, part-home work in their own fields (ServiceNow's "Work Persona").
	if (word === 'hybrid' || word === 'flexible') return 'hybrid';
	if (word === 'onsite' || word === 'inoffice' || word === 'office' || word === 'officebased' ) return 'onsite';
	return undefined;
}

/** Whether a structured place is remote, whether it says so with `workplace` or with the older `remote` flag. */
export function isRemotePlace(place: Exclude<GivenLocation, string>): boolean {
	return place.workplace === 'remote' || place.remote === true;
}
