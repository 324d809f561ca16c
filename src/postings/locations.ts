import type { Location } from '../schemas/place.ts';
import type { GivenLocation } from '../schemas/front-matter.ts';
import { findArea } from './places/areas.ts';
import { findCities, findCountry, findRegions, isCountryCode } from './places/gazetteer.ts';
import { makePlace } from './places/make.ts';
import { resolvePlaces, type PlaceContext } from './places/resolve.ts';
import { employmentTypeOf } from './employment.ts';
import { squash } from './text.ts';

export { resolvePlaces, type PlaceContext, type ResolvedPlaces } from './places/resolve.ts';

/**
 * The names of a location line's label: "Available Locations", "Standort", "Localisation", "Ubicación", "Sede",
 * "Lokalizacja", "Локация", "Lokasi", "근무지".
 */
const LABEL_NAMES = String.raw`(?:(?:available\s+|job\s+|office\s+|work\s+)?location(?:s|\(s\))?|based\s+in|standorte?|arbeitsort|einsatzort|lieu(?:\s+de\s+travail)?|localisation|ubicaci[óo]n|localizaci[óo]n|localiza[çc][ãa]o|local(?:\s+de\s+trabalho)?|locatie|standplaats|werklocatie|ort|sede(?:\s+di\s+lavoro)?|localit[àa]|luogo di lavoro|lokalizacja|miejsce pracy|m[ií]sto (?:v[ýy]konu pr[áa]ce|pr[áa]ce)|lugar de trabajo|ciudad|cidade|localidade|plats|arbetsort|sted|arbejdssted|arbeidssted|sijainti|ty[öo]paikka|helysz[ií]n|munkav[ée]gz[ée]s helye|lokasi|penempatan|konum|lokasyon|[çc]al[ıi][şs]ma\s+yeri|loca[țţt]i[ae]|локация|локація|местоположение|місцезнаходження|город|місто|место\s+работы|місце\s+роботи|τοποθεσία|الموقع|مكان\s+العمل|מיקום|đ[ịi]a\s+đi[ểe]m(?:\s+làm\s+vi[ệe]c)?|n[ơo]i\s+làm\s+vi[ệe]c|勤務地|勤務場所|근무지|근무\s?위치|근무\s?장소|工作地点|工作地址|办公地点)`;

/**
 * The label of a location line found in a posting, with its colon: "Available Locations:", "Standort:",
 * "Localisation :", "📍 Location:". Every block is tested for it, and few have it.
 */
const LOCATION_LABEL_SOURCE = String.raw`^\s*(?:📍\s*)?${LABEL_NAMES}\s*[:：]`;
const LOCATION_LABEL = new RegExp(LOCATION_LABEL_SOURCE, 'iu');

/** A whole location line, squashed: "Available Locations: Austin, Texas | Lisbon, Portugal", "Standort: Berlin". */
const LOCATION_LINE = new RegExp(String.raw`${LOCATION_LABEL_SOURCE}\s*(.+)$`, 'iu');

/**
 * A line that may name places without a colon: a pin ("📍 Lisbon, Portugal", Wizeline's "📍 Mexico – Mexico City or
 * Guadalajara | Hybrid") or a label and a dash ("Location – Paris"). Pins also dress other lines ("📍 A short walk
 * from the station"): such a line is a location line only when every place it names is one we know, or it would be
 * cut from the role's text, and fail a build whose postings give no places.
 */
const MAYBE_LINE = new RegExp(String.raw`^\s*(?:📍\s*(?!\s|${LABEL_NAMES}\s*[:：])|(?:📍\s*)?${LABEL_NAMES}\s+[–—-]\s+)(.+)$`, 'iu');

/** Result of reading one place phrase. */
export type ParsedPlace = { ok: true; location: Location } | { ok: false; reason: string };

/**
 * If a block of text is a location line, returns the list after the colon.
 *
 * @example
 * locationLine('Available Locations: Austin, Texas | Lisbon, Portugal') // 'Austin, Texas | Lisbon, Portugal'
 * locationLine('Standort: München') // 'München'
 */
export function locationLine(text: string): string | undefined {
	return readLocationLine(text)?.list;
}

/**
 * A location line's list of places ({@link locationLine}), and whether the line states more than where: another
 * field after its places ("Remote (US) | Type: Full-time"), or items that are no place ("Standort: Osnabrück |
 * Vollzeit | Unbefristet"). Such a line stays in the role text, where the page shows what it says and the pipeline
 * reads its terms; a line of places alone is left out, as the page shows them above.
 */
export function readLocationLine(text: string): { list: string; more: boolean } | undefined {
	// Whitespace in the label is matched as \s, so the label is found in the text as it is: only a label's line is squashed.
	const labelled = LOCATION_LABEL.test(text);
	if (!labelled && !text.includes('📍') && !/\s[–—-]\s/.test(text)) return undefined;
	const rest = (labelled ? LOCATION_LINE : MAYBE_LINE).exec(squash(text))?.[1];
	const listed = listOf(rest);
	const list = withoutFacts(listed);
	if (rest === undefined || listed === undefined || list === undefined) return undefined;
	if (!labelled) {
		const { places, unplaced } = resolvePlaces(splitPlaces(list));
		if (places.length === 0 || unplaced.length > 0) return undefined;
	}
	return { list, more: listed !== rest.trim() || list !== listed };
}

/**
 * Whether a heading names only places we know, and no area: ClearPoint's postings open "<h4>Auckland</h4>" above their
 * company blurb, a heading over nothing once the blurb is moved out. Read as a location line (the page shows the
 * places above); a heading such as "Remote" or "EMEA" says too little to be one.
 */
export function isPlaceHeading(text: string): boolean {
	if (text.length > 60 || /\d/.test(text)) return false;
	// Most opening headings are a title or "About the role": a first name the gazetteer does not know, found by a lookup,
	// where the whole reading cost a tenth of a millisecond a heading, 3% of a run.
	const first = text.split(/[,|;/(]|\s[–—-]\s/)[0]!.trim();
	if (findCities(first).length === 0 && findRegions(first).length === 0 && findCountry(first) === undefined) return false;
	const { places, unplaced } = resolvePlaces(splitPlaces(text));
	return places.length > 0 && unplaced.length === 0 && places.every((place) => place.kind !== 'area');
}

/**
 * A location list without its items that state other facts of the role: its terms ("Vollzeit", "Unbefristet",
 * "Full-time") or a figure ("30 Urlaubstage", "2 Tage Homeoffice", "40h"), where another item is a place. An item of
 * neither kind that names no place stays, to be reported: a misspelt town is the recruiter's to correct.
 */
function withoutFacts(list: string | undefined): string | undefined {
	if (list === undefined) return undefined;
	const items = list.split(FACT_SEPARATOR);
	if (items.length < 2) return list;
	const facts = items.map((item) => resolvePlaces([item]).places.length === 0 && (/\d/.test(item) || employmentTypeOf(item) !== undefined));
	if (!facts.includes(true) || facts.every(Boolean)) return list;
	return items.filter((_, index) => !facts[index]).join(' | ');
}

/** What separates a location line's items where other facts may stand among its places: a bar, a bullet, a middle dot, a spaced slash. */
const FACT_SEPARATOR = /\s*[|·•]\s*|\s+\/\s+/;

/** The places of a location line, up to where its next label begins: "Remote (US) | Salary: $100k", "Berlin. Start date: ASAP". */
function listOf(rest: string | undefined): string | undefined {
	return rest?.replace(NEXT_LABEL, '').trim() || undefined;
}

/** Another field after the places on a location line, and all after it: "| Type: Full-time", "· Salary: …", ". Start date: …". */
const NEXT_LABEL = /(?:\s*[|·•]\s*|\.\s+)(?=\p{L}[\p{L}\s]{0,30}[:：]).*$/u;

/**
 * Splits a location list on the separators that always separate places: `|`,
 * `;`, `/` between spaces, `·`, `•` and line breaks. Commas, "or" and "and"
 * are read by the resolver, which knows whether "X, Y" is one place or two.
 */
export function splitPlaces(list: string): string[] {
	return outsideBrackets(list)
		.flatMap(eachCoded)
		.flatMap(eachInBrackets)
		// The last item's "or" or "and" is the list's, not the place's: "Chicago, IL; Los Angeles, CA; or San Francisco, CA"
		// (lower case only: "Or Yehuda" is a city of Israel).
		.map((part, index) => part.trim().replace(/[.;,]+$/, '').replace(index > 0 ? /^(?:or|and|&)\s+/ : /^$/, ''))
		.filter(Boolean);
}

const SEPARATORS = /\s*(?:\||;|\n|\s\/\s|•|·)\s*/g;

/** The list split at its separators outside round brackets; at all of them where its brackets do not pair up. */
function outsideBrackets(list: string): string[] {
	const depth: number[] = [];
	let level = 0;
	for (const character of list) {
		if (character === ')') level -= 1;
		depth.push(level);
		if (character === '(') level += 1;
	}
	// Indexes are UTF-16 units, the loop's are code points: only the same where the text has no astral characters.
	if (level !== 0 || depth.some((at) => at < 0) || depth.length !== list.length) return list.split(SEPARATORS);
	const parts: string[] = [];
	let start = 0;
	for (const match of list.matchAll(SEPARATORS)) {
		if (depth[match.index] !== 0) continue;
		parts.push(list.slice(start, match.index));
		start = match.index + match[0].length;
	}
	parts.push(list.slice(start));
	return parts;
}

/**
 * A list whose every item starts with its country's code and a hyphen is a list of places, not one address: Stripe's
 * "US-SF, US-Seattle, US-NYC, US-Chicago, US-Georgia or US-Remote" was read as parts of one place, and "US-Georgia"
 * beside them was the country Georgia.
 */
function eachCoded(phrase: string): string[] {
	const items = phrase.split(/\s*,\s*/);
	return items.length > 1 && items.every((item) => CODED_ITEM.test(item)) ? items : [phrase];
}

/** A country's code, a hyphen, and a name: "US-SF", "UK-London", "IN-Bangalore". */
const CODED_ITEM = /^[A-Z]{2,3}-\p{L}/u;

/**
 * A bracket's list given to what stands before it, each item on its own: "Remote (IN; SG; AU)" is "Remote (IN)",
 * "Remote (SG)" and "Remote (AU)", and "Remote (Kyiv, UA; Helsinki, FI)" Kyiv and Helsinki, both remote. Split
 * first at its separators, the bracket lost its workplace after the first item: "Helsinki, FI)" was an office.
 */
function eachInBrackets(phrase: string): string[] {
	const group = /^([^()]*)\(([^()]*)\)([^()]*)$/.exec(phrase);
	if (!group) return [phrase];
	const [, before, inside, after] = group as unknown as [string, string, string, string];
	const items = inside.split(SEPARATORS).map((item) => item.trim()).filter(Boolean);
	return items.length > 1 ? items.map((item) => `${before}(${item})${after}`) : [phrase];
}

/**
 * Parses one place phrase into its first place (see {@link resolvePlaces} for
 * phrases naming several).
 *
 * @example
 * parsePlace('Lisbon or Remote Portugal')
 * // => { ok: true, location: { city: 'Lisbon', country: 'PT', workplace: 'remote', label: 'Lisbon, Portugal or remote', … } }
 */
export function parsePlace(phrase: string, context?: PlaceContext): ParsedPlace {
	const { places, unplaced } = resolvePlaces([phrase], context);
	const [location] = places;
	if (location) return { ok: true, location };
	return { ok: false, reason: `could not tell where "${unplaced[0] ?? squash(phrase)}" is; write it as "City, Country", a country, or an area such as "EMEA"` };
}

/**
 * Resolves a front-matter location: a phrase, or structured parts whose names
 * are brought to their canonical form ("Bangalore" → "Bengaluru", region
 * "Texas" or "US-TX" → "TX") and whose codes must be current ISO ones.
 */
export function resolveGivenLocation(given: GivenLocation, context?: PlaceContext): ParsedPlace {
	if (typeof given === 'string') return parsePlace(given, context);
	const workplace = given.workplace ?? (given.remote ? 'remote' : undefined);
	if (given.country === undefined) {
		const area = findArea(given.area ?? '');
		if (!area) return { ok: false, reason: `"${given.area}" is not an area we know (EMEA, Europe, EU, EEA, APAC, Asia, Africa, LATAM, North America, Americas, Middle East, Nordics, DACH, Benelux, Worldwide…)` };
		return { ok: true, location: makePlace({ area: area.code, workplace: workplace ?? (area.code === 'WORLDWIDE' ? 'remote' : undefined) }) };
	}
	if (!isCountryCode(given.country)) return { ok: false, reason: `"${given.country}" is not a current ISO 3166-1 country code` };
	const country = given.country;
	let region: string | undefined;
	if (given.region) {
		const found = findRegions(given.region.replace(new RegExp(`^${country}-`), ''), country)[0];
		if (!found) return { ok: false, reason: `"${given.region}" is not a region of ${country} we know; give its ISO 3166-2 code or name` };
		region = found.code;
	}
	const known = given.city ? findCities(given.city).find((city) => city.country === country && (!region || !city.region || city.region === region)) : undefined;
	region ??= known?.region;
	const city = known?.name ?? given.city;
	const location = makePlace({ city, region, country, workplace });
	return { ok: true, location: given.city && city !== given.city ? { ...location, written: given.city } : location };
}
