/**
 * Reads place phrases as postings and ATS fields write them ("Austin, TX",
 * "Remote (EMEA)", "Columbus; New York City, Santa Barbara; Remote") into
 * places of the world, each with its workplace, resolving ambiguous names with
 * the evidence at hand and saying how in `evidence`.
 */
import type { Location, Workplace } from '../../schemas/place.ts';
import { CJK, squash, truncate } from '../text.ts';
import { remembered } from '../../utils/remembered.ts';
import { findArea, type AreaEntry } from './areas.ts';
import { countryName, findCities, findCountry, findRegions, findTowns, isCityAlias, isCountryCode, placeKey, regionByCode, type CityEntry, type RegionEntry } from './gazetteer.ts';
import { makePlace } from './make.ts';

/** What is known around a phrase, used to choose between places of one name. */
export interface PlaceContext {
	/** The country the ATS gives for the posting (Lever `country`, an Ashby address). */
	country?: string | undefined;
	/** Countries of the posting's other places. */
	others?: readonly string[] | undefined;
	/** Regions the posting's other places name whole, as "US-NJ": between towns of one name and similar size, the one in them. */
	regions?: readonly string[] | undefined;
	/** The site's default country (`defaultCountry` in site.yaml). */
	defaultCountry?: string | undefined;
	/** The workplace the ATS states, for phrases that say none. */
	workplace?: Workplace | undefined;
}

/** Places read from phrases, the phrases that name none, and notes on parts left out. */
export interface ResolvedPlaces {
	places: Location[];
	unplaced: string[];
	notes: string[];
}

type Reading =
	| { kind: 'area'; area: AreaEntry }
	| { kind: 'country'; country: string }
	| { kind: 'region'; region: RegionEntry }
	| { kind: 'city'; city: CityEntry };

/** One place read from comma-separated parts, before workplace and context are applied. */
interface Read {
	area?: AreaEntry;
	country?: string;
	region?: RegionEntry;
	city?: CityEntry;
	/** A city the gazetteer lacks, kept as written because its region or country is known. */
	cityAsWritten?: string;
	evidence?: string;
	/** The parts read, as written. */
	text: string;
	/** Chosen by population alone: a candidate for a second look with the posting's other places. */
	byPopulation?: boolean;
	/** Said to be anywhere in it ("Canada - Anywhere"): remote there, unless the phrase says otherwise. */
	anywhere?: boolean;
	dropped: string[];
}

// Workplace words, in the languages postings are written in. Letters must not touch them: "remotely" is not "remote".
const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}])`;
/** Days a week in the office, fewer than five: "2 days a week in office", "3x/week", "2 Tage/Woche im Büro". */
const OFFICE_DAYS = String.raw`${EDGE_BEFORE}(?:[1-4]|one|two|three|four|zwei|drei|vier|deux|trois|quatre|dos|tres|cuatro|dois|três|quatro)\s*(?:days?|x|tage?|jours?|d[ií]as?)\s*(?:\/|a|per|pro|par|por|a\s+la|na)\s*(?:week|woche|semaine|semana)(?:\s+(?:in(?:\s+the)?\s+office|im\s+b[üu]ro|au\s+bureau|en\s+(?:la\s+)?oficina|no\s+escrit[óo]rio))?${EDGE_AFTER}`;
/**
 * Remote in more languages: Russian and Ukrainian, Turkish, Dutch, the Nordic languages, Finnish, Czech, Hungarian,
 * Romanian, Indonesian, Vietnamese, Hebrew and Arabic. Each left unread became a town of that name in the filter
 * ("Удаленно, Россия" was a town called Udalenno).
 */
const OTHER_REMOTE = String.raw`(?:удал[её]нн?(?:о|ая|ый)(?:\s+(?:работа|формат))?|дистанционн?(?:о|ая|ый)(?:\s+(?:работа|формат))?|віддален(?:о|а)(?:\s+робота)?|дистанційн(?:о|а)(?:\s+робота)?|uzaktan(?:\s+çalışma)?|op\s+afstand|thuiswerk(?:en)?|(?:på\s+)?distans(?:arbete)?|fjernarbe(?:id|jde)|etätyö|etänä|na\s+dálku|vzdáleně|távmunka|la\s+distan[țţt][ăa]|(?:kerja\s+)?jarak\s+jauh|(?:làm\s+việc\s+)?từ\s+xa|מרחוק|عن\s+بعد)`;

const MARKERS: Array<[Workplace, RegExp]> = [
	// Some days a week in the office is hybrid: tried before the office words they hold ("London (2 days a week in office)"
	// was on site). All five days are the office's.
	['hybrid', new RegExp(OFFICE_DAYS, 'giu')],
	// Remote in part is hybrid: tried before the remote words these phrases hold ("Paris (télétravail partiel)", Indeed's
	// "Hybrid remote in Seattle").
	['hybrid', new RegExp(String.raw`${EDGE_BEFORE}(?:t[ée]l[ée]travail\s+partiel|teletrabajo\s+parcial|partial(?:ly)?\s+remote|remote\s+partiel|hybrid[\s-]remote)${EDGE_AFTER}`, 'giu')],
	[
		'remote',
		new RegExp(
			String.raw`${EDGE_BEFORE}(?:100\s*%\s*(?:en\s+)?|fully\s+|full\s+|totally\s+)?(?:remote|remotely|télétravail|teletravail|teletrabajo|remoto|remota|home[\s-]?office|home[\s-]?based|work\s+from\s+home|wfh|virtual|distributed|(?:praca\s+)?zdaln[a-ząćęłńóśźż]*|${OTHER_REMOTE}|(?:work\s+from\s+)?anywhere\s+(?:in|within|from)(?:\s+the)?${EDGE_AFTER}|work\s+from(?=\s+anywhere${EDGE_AFTER}))(?:[\s-](?:first|friendly|only|based|eligible|ok|possible|work|position|option))?${EDGE_AFTER}`,
			'giu',
		),
	],
	// Chinese, Japanese and Korean write no spaces around words: no edges.
	['remote', /(?:フル\s*リモート|リモート(?:ワーク)?|在宅(?:勤務)?|원격(?:\s*근무)?|재택(?:\s*근무)?|远程(?:办公|工作)?|遠(?:端|程)(?:工作)?|居家办公)(?:\s*(?:可能?|가능))?/gu],
	['hybrid', new RegExp(String.raw`${EDGE_BEFORE}(?:hybrid|hybride|híbrido|hibrido|ibrido|hibrit|hibrid|hybridní|hybrydow[a-ząćęłńóśźż]*|гибридн?[а-яё]*|гібридн?[а-яєії]*)${EDGE_AFTER}|ハイブリッド(?:ワーク)?|하이브리드|混合办公`, 'giu')],
	['onsite', new RegExp(String.raw`${EDGE_BEFORE}(?:on[\s-]?site|in[\s-]office|office[\s-]based|in[\s-]person|presencial|sur\s+site|vor\s+ort)${EDGE_AFTER}`, 'giu')],
];

/**
 * Words around a workplace word that carry no place: "Remote in Canada", "US based Remote", "Remote - US". The short
 * ones not in capitals, which are codes: "Remote - IN" is India, "Remote - DE" Germany (they were remote anywhere).
 */
const FILLER = /^(?:[\s,:;–—-]|\b(?:[Ii]n|[Ff][Rr][Oo][Mm]|[Ww][Ii][Tt][Hh][Ii][Nn]|[Bb][Aa][Ss][Ee][Dd]|[Oo][Nn][Ll][Yy]|[Oo]f|[Dd]e|[Ee]n|[Ee]m|[Aa]us|à|a)\b)+|(?:[\s,:;–—-]|\b(?:[Ii]n|[Bb][Aa][Ss][Ee][Dd]|[Oo][Nn][Ll][Yy]|[Ff][Rr][Oo][Mm])\b)+$/gu;

/** Words that are not places though a town somewhere may bear the name. */
const NOT_PLACES = new Set([
	'hq', 'headquarters', 'office', 'offices', 'multiple locations', 'various', 'various locations', 'tbd', 'n a', 'travel required', 'flexible', 'home',
	'field', 'nationwide', 'locations', 'location', 'east coast', 'west coast', 'coast', 'opportunity',
	// Platsbanken's "unspecified place of work" (Sweden's public board), before the country.
	'ospecificerad arbetsort',
]);

/** Words that name an office at a place, not a place: "Berlin Office", "NYC HQ", "Headquarters - Paris". */
const OFFICE_WORDS = new RegExp(String.raw`${EDGE_BEFORE}(?:(?:global|corporate|regional)\s+)?(?:head\s+office|offices?|hq|headquarters|warehouse)${EDGE_AFTER}`, 'giu');

/**
 * A phrase without its office words, when a place is left: Ashby's locations are often an office's name ("Berlin
 * Office", which its postal address confirms). The words say which office, not how the role is worked there: the
 * workplace stays the one stated elsewhere (n8n's "Berlin Office" is a remote role).
 */
function withoutOfficeWords(text: string): string {
	OFFICE_WORDS.lastIndex = 0;
	if (!OFFICE_WORDS.test(text)) return text;
	const rest = squash(text.replace(OFFICE_WORDS, ' ')).replace(/^[\s,:;–—-]+|[\s,:;–—-]+$/g, '');
	return rest === '' ? text : rest;
}

/** Conjunctions that join two places in one phrase: "Remote in Canada or the US", "London & Paris", "US + Canada", "and/or". */
const JOINS = /\s+(?:and\s*\/\s*or|or|and|&|\+|oder|und|ou|et|y|o|og|och|of)\s+|\s*\/\s*/i;

/** Finds and removes the workplace words of a phrase. */
export function stripWorkplace(text: string): { workplace?: Workplace; rest: string } {
	let rest = text;
	let workplace: Workplace | undefined;
	for (const [kind, pattern] of MARKERS) {
		pattern.lastIndex = 0;
		if (pattern.test(rest)) {
			workplace ??= kind;
			rest = rest.replace(pattern, ' ');
		}
	}
	if (!workplace) return { rest: text.trim() };
	return { workplace, rest: squash(rest.replace(/\(\s*\)|\[\s*\]/g, ' ').replace(FILLER, ' ')).replace(/^[-–—,:;]+|[-–—,:;]+$/g, '').trim() };
}

/** The readings one part may have: an area, a country, regions, cities. */
function readingsOf(part: string, countries: readonly string[], alone = true, townCountries: readonly string[] = countries): Reading[] {
	const readings: Reading[] = [];
	// "NA" alone is as often "not applicable" as North America (or Namibia): no place.
	if (NOT_PLACES.has(placeKey(part)) || (alone && placeKey(part) === 'na')) return readings;
	// A subdivision's name with its kind after it is the subdivision, not the city of its name: "Osaka Prefecture",
	// "Fukuoka-ken", "New York State", "Gauteng Province".
	const [, named, kind] = KIND_AFTER.exec(part) ?? KIND_BEFORE.exec(part) ?? [];
	if (named) {
		const regions = new Set([...findRegions(named), ...countries.flatMap((where) => findRegions(named, where))]);
		if (regions.size > 0) return [...regions].map((region) => ({ kind: 'region', region }));
		// A region named for its capital, by a name the tables lack ("Lviv Oblast" is ISO's "Lvivska oblast", "Riyadh
		// Province" "Ar Riyad"): the region of the city of that name. Not a county or state: "Orange County" and
		// "Westchester County" are no region of a town called Orange or Westchester.
		if (kind && !/^(?:county|state)$/i.test(kind)) {
			// Only in a country the phrase names, and a city of some size: "Federal District, Brazil" is no region of
			// Federal, a town in Argentina.
			const capital = findCities(named).find((city) => city.region !== undefined && countries.includes(city.country) && city.population >= 100_000);
			const region = capital?.region === undefined ? undefined : regionByCode(capital.country, capital.region);
			if (region) return [{ kind: 'region', region }];
		}
	}
	// A compass word alone is a region only in a country the phrase or the ATS names ("Central, Ghana"): Cameroon's
	// regions are "North" and "South", Fiji's "Eastern", and "London (South)" was London and Cameroon's South.
	if (COMPASS_ONLY.test(part)) return [...new Set(countries.flatMap((where) => findRegions(part, where)))].map((region) => ({ kind: 'region', region }));
	const area = findArea(part);
	if (area) readings.push({ kind: 'area', area });
	const country = findCountry(part);
	if (country) readings.push({ kind: 'country', country });
	const regions = new Set(findRegions(part));
	for (const where of countries) for (const region of findRegions(part, where)) regions.add(region);
	for (const region of regions) readings.push({ kind: 'region', region });
	// Two capital letters are a code, not a town: "CA" is California or Canada, never a village called Ca.
	if (!/^[A-Z]{2,3}$/.test(part.trim()) || isCityAlias(part)) {
		for (const city of findCities(part).slice(0, 12)) readings.push({ kind: 'city', city });
		// A town the city list lacks, only in a country the phrase or the ATS gives: "Dermbach, Germany", or a German
		// board's "Wutöschingen" read in its home country.
		if (readings.length === 0) for (const where of townCountries) for (const town of findTowns(part, where).slice(0, 12)) readings.push({ kind: 'city', city: town });
	}
	// "Northern Virginia", "Southern California", "North London": a part of a state, country or city is in it. Not of an
	// area: "West Africa" is not all Africa. Only a phrase's one part (`alone`): beside a city it is the city's county or
	// region ("Leeds, West Yorkshire"), which the gazetteer may lack, not a Yorkshire in Virginia.
	// Upstate New York is the state's, not the city's.
	// "the Washington, D.C. Metro Area": the article is no part of the name (a name that has one, "The Hague", is found with it).
	if (readings.length === 0 && /^the\s+\S/i.test(part)) return readingsOf(part.replace(/^the\s+/i, ''), countries, alone);
	const whole = readings.length === 0 && alone ? COMPASS.exec(part) : null;
	// "Northern VA" is Virginia's north, not the Vatican's: after a compass word, a code is a region's.
	const rest = whole ? part.slice(whole[0].length) : '';
	const after = whole ? readingsOf(rest, countries, alone) : [];
	const coded = regionCode(rest) !== undefined && after.some((reading) => reading.kind === 'region');
	if (whole) return after.filter((reading) => reading.kind !== 'area' && (reading.kind === 'region' || (!/state/i.test(whole[0]) && !coded)));
	return readings;
}

/** A kind of subdivision before its name, as Google's place pickers write some: "State of São Paulo", "Province of Barcelona", "Provincia de Buenos Aires". */
const KIND_BEFORE = /^(?:(?:state|province|region|prefecture|county)\s+of|(?:provincia|estado|regi[oó]n|departamento)\s+del?)\s+(.+)$/iu;

/** A kind of subdivision after its name: "Chiba Prefecture", "Fukuoka-ken", "Jalisco State", "Western Cape Province", "Dubai Emirate". */
const KIND_AFTER = /^(.+?)(?:\s+|-)(province|prefecture|state|oblast|governorate|voivodeship|county|district|emirate|ken|fu)$/iu;

/** The four points and their adjectives: "north", "Western". */
const POINTS = 'north|south|east|west|northern|southern|eastern|western';

/** Compass words and nothing else: "South", "Far North", "North-West", "Central". */
const COMPASS_ONLY = new RegExp(String.raw`^\s*(?:(?:far|upper|lower|${POINTS}|(?:north|south)(?:east|west)(?:ern)?|central|centre|center|middle)(?:[\s-]+|\s*$))+$`, 'iu');

/** A compass word before a name, as postings name part of a place: "Northern Virginia", "Upstate New York", "South Florida". */
const COMPASS = new RegExp(String.raw`^\s*(?:${POINTS}|(?:north|south)[\s-]?(?:east|west)(?:ern)?|[ns][ew]|mid[\s-]?west(?:ern)?|mid[\s-]?atlantic|central|upstate|downstate)[\s-]+(?=\p{L})`, 'iu');

function countryOf(reading: Reading): string | undefined {
	if (reading.kind === 'country') return reading.country;
	if (reading.kind === 'region') return reading.region.country;
	if (reading.kind === 'city') return reading.city.country;
	return undefined;
}

/**
 * Whether the chosen readings can describe one place. Two subdivisions can
 * when one lies in the other, and a city lies in a subdivision when it is its
 * region, or lies in its region, or holds it: the city table files a city
 * under one level (Milan under Lombardy, Valencia under its province) and
 * postings name another ("Milano, MI", "Valencia, Comunidad Valenciana",
 * "Lyon, Rhône").
 */
function consistent(chosen: Array<Reading | undefined>): boolean {
	const present = chosen.filter((reading): reading is Reading => reading !== undefined);
	if (present.some((reading) => reading.kind === 'area')) return present.length === 1;
	const countries = new Set(present.map(countryOf));
	if (countries.size > 1) return false;
	const regions = [...new Set(present.flatMap((reading) => (reading.kind === 'region' ? [reading.region] : [])))];
	if (regions.length > 2 || (regions.length === 2 && !nested(regions[0]!, regions[1]!.code) && !nested(regions[1]!, regions[0]!.code))) return false;
	const cities = present.filter((reading) => reading.kind === 'city');
	if (cities.length > 1) return false;
	const city = cities[0]?.kind === 'city' ? cities[0].city : undefined;
	if (!city?.region) return true;
	return regions.every((region) => liesIn(city, region));
}

/** Whether a city lies in a region: filed under it, or under a region inside it, or under the one it lies in ("Lyon, Rhône"). */
function liesIn(city: CityEntry, region: RegionEntry): boolean {
	if (city.country !== region.country) return false;
	const cityRegion = city.region;
	return cityRegion === undefined || region.code === cityRegion || nested(region, cityRegion) || regionByCode(region.country, cityRegion)?.parent === region.code;
}

/**
 * Whether a town named before a region is another place than the region's: another country's, or a small town of
 * another region ("Saint-Sauveur" of Quebec before "Haute-Garonne"). A city of some size of the region's country is
 * not ("Berlin, Brandenburg" is Berlin, and Brandenburg beside it).
 */
function placedElsewhere(city: CityEntry, region: RegionEntry): boolean {
	return city.country !== region.country || (city.population < 100_000 && !liesIn(city, region));
}

/** Whether a subdivision lies in the one of this code (its country's), at any level: Bas-Rhin lies in Alsace, which lies in Grand Est. */
function nested(region: RegionEntry, code: string): boolean {
	let parent = region.parent;
	for (let level = 0; parent !== undefined && level < 3; level += 1) {
		if (parent === code) return true;
		parent = regionByCode(region.country, parent)?.parent;
	}
	return false;
}

/** How well the context supports a country: the ATS's country, then the posting's other places, then the site's default. */
function support(country: string | undefined, context: PlaceContext): number {
	if (!country) return 0;
	if (context.country === country) return 3;
	if (context.others?.includes(country)) return 2;
	if (context.defaultCountry === country) return 1;
	return 0;
}

/**
 * The best reading of comma parts as one place: as many parts explained as
 * possible, a city first, then what the context supports, then population.
 */
function bestReading(parts: string[], context: PlaceContext, whole: boolean): { chosen: Array<Reading | undefined>; explained: number } {
	const named = parts.flatMap((part, index) => {
		const country = findCountry(part);
		return country ? [{ index, country }] : [];
	});
	const hints = [...new Set([...named.map(({ country }) => country), ...(context.country ? [context.country] : [])])];
	// The states (of the US, Canada, Australia, India) each part may name.
	const states = parts.map((part) => findRegions(part).filter((region) => STATES.includes(region.country)));
	// A US state or Canadian province after a town ("Fremont, WA", "Sussex, New Jersey") is where the town is: not a
	// town of that name in another state beside it (Fremont, California), even when the gazetteer lacks this one. Not
	// a state named like a big city ("Hoboken, New York" is two offices, "US - New York" the city), not after another
	// state ("California, Oregon", "California - LA"), and the last such part only: in "28 Liberty Street, New York, NY"
	// the state is NY. A US state's code that is also a country's ("PA" Panama, "MA" Morocco) is the state after a town
	// that country lacks: "City, ST" is how US postings write places ("Bedford, PA" was Bedford in England, and Panama).
	const countryHere = (index: number) => named.find((entry) => entry.index === index)?.country;
	// Not where a part before it is a town or region of that country: "Munich, Bavaria, DE" and "Toronto, Ontario, CA"
	// are Germany's and Canada's, however many parts stand between ("Toronto, <a name the gazetteer lacks>, CA" was a
	// town called Toronto in California).
	// A town only GeoNames lists counts where the city list has no place of its name: "Offenbach, DE" is Germany's
	// Offenbach, not a town of Delaware the gazetteer lacks.
	const inCountry = (before: string, country: string | undefined) =>
		country !== undefined &&
		(findCities(before).some((city) => city.country === country) || findRegions(before, country).length > 0 || (findCities(before).length === 0 && findTowns(before, country).length > 0));
	const usState = (part: string, index: number) => regionCode(part) !== undefined && states[index]!.some((region) => region.country === 'US') && !parts.slice(0, index).some((before) => inCountry(before, countryHere(index)));
	const isState = (part: string, index: number) =>
		index > 0 &&
		(countryHere(index) === undefined || usState(part, index)) &&
		// A country's name before a state of another country is a town's ("Columbia, NJ": Colombia's name in Romanian).
		(countryHere(index - 1) === undefined || states[index]!.every((region) => region.country !== countryHere(index - 1))) &&
		!findArea(part) &&
		!findArea(parts[index - 1]!) &&
		states[index - 1]!.length === 0 &&
		states[index]!.length > 0 &&
		(regionCode(part) !== undefined || findCities(part).every((city) => city.population < 500_000));
	const stated = parts.flatMap((part, index) => (isState(part, index) ? [index] : [])).slice(-1);
	// Where the gazetteer has the town in that state, only the state places it: "Florence, AL" is Alabama's Florence, not
	// Florence in Italy's province of Alessandria (AL); "Florianópolis/SC", a town of no US state, may be Brazil's. So
	// does a country's name before it, a town's there (above): "Jordan, MN" is Jordan in Minnesota, not Jordan's Ma'an
	// governorate (MN), which no one writes after its country's name.
	const inState = parts.map((_, index) => index > 0 && states[index]!.some((region) => findCities(parts[index - 1]!).some((city) => city.country === region.country && city.region === region.code)));
	const placedInState = (reading: Reading | undefined, index: number) => reading?.kind === 'region' && ((!inState[index] && countryHere(index - 1) === undefined) || states[index]!.includes(reading.region));
	// "Curitiba, PR", "Belo Horizonte, MG", "Bogotá, D.C.": a code is also read as a region of the countries of the
	// towns the other parts may be. Brazil's states share their codes with countries (PR Puerto Rico, MG Madagascar,
	// RS Serbia), and postings there write every place so.
	const towns = parts.map((part) => (regionCode(part) ? [] : findCities(part).slice(0, 12).map((city) => city.country)));
	const hintsOf = (index: number) => (regionCode(parts[index]!) ? [...new Set([...hints, ...towns.flatMap((countries, at) => (at === index ? [] : countries))])] : hints);
	// Towns the city list lacks are read in the countries the phrase names, and those of the states or other regions
	// its other parts name ("Cobleskill, New York" is a town of New York, not New York City; "Viriat, Ain" of the Ain,
	// in France; "01 - Viriat" of the Ain's number, where the ATS says France); in the country the ATS gives only for a
	// phrase of one name ({@link townByContext}). A name of regions in more than a few countries ("Central") says no
	// country, unless one is the phrase's or the ATS's.
	const regionCountries = parts.map((part) => {
		if (regionCode(part)) return [];
		const given = hints.filter((where) => findRegions(part, where).length > 0);
		const anywhere = [...new Set(findRegions(part).map((region) => region.country))];
		return given.length > 0 ? given : anywhere.length <= 3 ? anywhere : [];
	});
	const stateCountries = (index: number) => [
		...states.flatMap((regions, at) => (at === index ? [] : regions.map((region) => region.country))),
		...regionCountries.flatMap((countries, at) => (at === index ? [] : countries)),
	];
	const byContext = townByContext(parts, named.length > 0, context.country ?? context.defaultCountry);
	const townHintsOf = (index: number) => [...new Set([...named.map(({ country }) => country), ...stateCountries(index), ...byContext])];
	const options = parts.map((part, index) => [undefined, ...readingsOf(part, hintsOf(index), whole && parts.length === 1, townHintsOf(index))]);
	// Parts after the first that name regions only (no city, no country), by name, not code ("Haute-Garonne",
	// "Ontario"), in a phrase that names no country (which says where it is: "Manila, National Capital District,
	// Philippines" is not in Papua New Guinea's district).
	const regionsAfter = options.flatMap((readings, index) => {
		const present = readings.filter((reading): reading is Reading => reading !== undefined);
		const byName = index > 0 && named.length === 0 && !regionCode(parts[index]!);
		return byName && present.length > 0 && present.every((reading) => reading.kind === 'region') ? [{ index, regions: present.flatMap((reading) => (reading.kind === 'region' ? [reading.region] : [])) }] : [];
	});
	let best: { chosen: Array<Reading | undefined>; explained: number; score: number[] } | undefined;
	const walk = (index: number, chosen: Array<Reading | undefined>): void => {
		if (index === parts.length) {
			if (!consistent(chosen)) return;
			const present = chosen.filter((reading): reading is Reading => reading !== undefined);
			const explained = present.length;
			const city = present.find((reading) => reading.kind === 'city');
			const country = present.map(countryOf).find(Boolean);
			// Context chooses between places of comparable size, not London, Ontario over London because the ATS says Canada.
			const cityIndex = chosen.findIndex((reading) => reading?.kind === 'city');
			const dwarfed = city?.kind === 'city' && city.city.population * 10 < (findCities(parts[cityIndex]!)[0]?.population ?? 0);
			// One part read by name ("Ontario", alone or after a town the gazetteer lacks: "Kitchener-Waterloo, Ontario"): its
			// kind as if alone. A code there is a US state's (below).
			const lone = present.length === 1 ? chosen.findIndex((reading) => reading !== undefined) : -1;
			const single = lone >= 0 && (parts.length === 1 || !regionCode(parts[lone]!)) ? singleKindRank(chosen[lone], options[lone]!, context, regionCode(parts[lone]!) !== undefined && isCountryCode(parts[lone]!.trim()), /\p{Ll}/u.test(parts[lone]!)) : 0;
			const score = [
				// A country named after the first part is never overruled: "St Petersburg, Russia" is not the one in Florida,
				// nor is "St. Julian's, Malta" in Malta, New York.
				-named.filter(({ index, country }) => index > 0 && !honours(chosen[index], country)).length,
				-stated.filter((index) => !placedInState(chosen[index], index)).length,
				// Nor is a region named after a town, where the town would be another country's, or a small town of another
				// region: "Saint-Sauveur, Haute-Garonne" is not Saint-Sauveur in Quebec beside a département "not known"; the
				// town is the département's, if only as written.
				-regionsAfter.filter(({ index, regions }) => chosen[index] === undefined && city?.kind === 'city' && regions.every((region) => placedElsewhere(city.city, region))).length,
				explained,
				single,
				// A US state (or Canadian, Australian, Indian one) before a small town of its name: "Delaware, USA" is the state,
				// not the town of 41,000 in Ohio.
				city?.kind === 'city' && city.city.population < 100_000 && states[cityIndex]!.some((region) => region.country === city.city.country) ? 0 : 1,
				// A city and its province of one name ("Spain - Barcelona"): the city.
				city ? 1 : 0,
				chosen[0]?.kind === 'city' || !city ? 1 : 0,
				dwarfed ? 0 : support(country, context),
				// MongoDB's "Boston; Miami; New Jersey; …; Princeton": Princeton, New Jersey, not the larger one in Florida.
				!dwarfed && city?.kind === 'city' && city.city.region !== undefined && context.regions?.includes(`${city.city.country}-${city.city.region}`) ? 1 : 0,
				city?.kind === 'city' ? city.city.population : 0,
				// "Research Triangle Park, NC": a town the gazetteer lacks, before two capitals that are a US state's code and a
				// country's, is in the state ("City, ST" is how US postings write places), not in New Caledonia.
				chosen.some((reading, at) => at > 0 && reading?.kind === 'region' && reading.region.country === 'US' && /^[A-Z]{2}$/.test(parts[at]!.trim())) ? 1 : 0,
				// Two regions of one name: the state written alone ("Maryland" is the US state, not Liberia's county).
				chosen.some((reading, at) => reading?.kind === 'region' && STATES.includes(reading.region.country) && !regionCode(parts[at]!)) ? 1 : 0,
			];
			if (!best || compare(score, best.score) > 0) best = { chosen: [...chosen], explained, score };
			return;
		}
		for (const option of options[index]!) {
			chosen.push(option);
			if (consistent(chosen)) walk(index + 1, chosen);
			chosen.pop();
		}
	};
	walk(0, []);
	return best ?? { chosen: parts.map(() => undefined), explained: 0 };
}

/** A part written as a region's code ("PR", "NSW", "D.C."), without its dots; undefined for any other. */
function regionCode(part: string): string | undefined {
	const text = part.trim();
	if (/^[A-Z]{2,3}$/.test(text)) return text;
	return /^(?:[A-Z]\.){2,3}$/.test(text) ? text.replaceAll('.', '') : undefined;
}

/**
 * Whether the reading of a part that names a country keeps to it: it reads the
 * part as that country, or as a region ("GA" as Georgia, not Gabon), but not
 * as a town of another country, nor leaves it out.
 */
function honours(reading: Reading | undefined, country: string): boolean {
	return reading !== undefined && (reading.kind !== 'city' || reading.city.country === country);
}

/** Countries whose states or provinces share their names with towns: there, a name alone is the state ("Ontario", "Delaware"). */
const STATES = ['US', 'CA', 'AU', 'IN'];

/**
 * Whether a region of one name with a city of its country is the province,
 * county or district named for that city ("Bologna", "Firenze", "Liège", "A
 * Coruña", "City of Edinburgh"): a posting naming it alone means the city.
 * Not a state of a country in {@link STATES}, and not for a small town.
 */
function namedForCity(city: CityEntry, region: RegionEntry): boolean {
	return !STATES.includes(region.country) && city.population >= 50_000;
}

/**
 * Alone, a name is an area before a country ("Mexico", "Singapore"); a city
 * before the region of its own name ("New York", "Delhi", "Lisboa") or a big
 * city in a region's country ("Washington"), or of the province named for it
 * ("Bologna"); a region of the US, Canada,
 * Australia or India before a city elsewhere ("Ontario", "Victoria"); else a
 * city before a region ("Portland", "Santa Barbara"). The context comes first.
 */
function singleKindRank(reading: Reading | undefined, all: ReadonlyArray<Reading | undefined>, context: PlaceContext, coded = false, named = false): number {
	if (!reading) return 0;
	// A code alone that is a region's of the country the ATS gives, and another country's ISO code: the region. "Remote -
	// PA" of a US posting is Pennsylvania, not Panama; "GA" Georgia, not Gabon. ("UK" is no country's code: it stays the
	// United Kingdom for an Indian posting, not Uttarakhand.)
	if (coded && context.country && reading.kind === 'region' && reading.region.country === context.country) return 6;
	// A country's name that is also a state's of the country the ATS or the posting's other places give, with nothing for
	// the country: the state. "Georgia; Illinois; New York" and "Remote - Georgia; Remote - Texas" are US states. States
	// only ("Luxembourg; Brussels" is the country, not Belgium's province), and names only: "UK" is the United Kingdom
	// for an Indian posting, not Uttarakhand, and "PR" in a list of countries' codes Puerto Rico.
	if (named && reading.kind === 'region' && STATES.includes(reading.region.country) && support(reading.region.country, context) >= 2 && all.some((other) => other?.kind === 'country' && support(other.country, context) === 0)) {
		return 6;
	}
	if (reading.kind === 'area') return 5;
	if (reading.kind === 'country') return 4;
	const regions = all.flatMap((other) => (other?.kind === 'region' ? [other.region] : []));
	const cities = all.flatMap((other) => (other?.kind === 'city' ? [other.city] : []));
	const cityWins = (city: CityEntry, region: RegionEntry): boolean =>
		support(region.country, context) <= support(city.country, context) &&
		(support(city.country, context) > support(region.country, context) ||
			(city.country === region.country && (city.region === region.code || city.capital || city.population >= 500_000 || namedForCity(city, region))) ||
			(city.country !== region.country && !STATES.includes(region.country)));
	if (reading.kind === 'city') return regions.every((region) => cityWins(reading.city, region)) ? 3 : 1;
	return cities.some((city) => cityWins(city, reading.region)) ? 1 : 2;
}

function compare(a: number[], b: number[]): number {
	for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return a[index]! - b[index]!;
	return 0;
}

/**
 * Why a city was chosen among the places of its name, when there was a choice:
 * the context, else population (marked "ambiguous" when sizes are close).
 */
function cityEvidence(part: string, city: CityEntry, fixed: { country?: string; region?: string }, context: PlaceContext): { evidence?: string; byPopulation?: boolean } {
	const candidates = findCities(part).filter(
		(candidate) => (!fixed.country || candidate.country === fixed.country) && (!fixed.region || !candidate.region || candidate.region === fixed.region),
	);
	const places = new Map<string, CityEntry>();
	for (const candidate of candidates) if (!places.has(`${candidate.country}-${candidate.region ?? ''}`)) places.set(`${candidate.country}-${candidate.region ?? ''}`, candidate);
	if (places.size <= 1) return {};
	const name = squash(part);
	const where = countryName(city.country);
	const level = support(city.country, context);
	// Towns of one name in one country ("Princeton" is in Florida, New Jersey and Texas): a region the posting names decided.
	const region = city.region === undefined ? undefined : regionByCode(city.country, city.region)?.name;
	if (region && !fixed.region && context.regions?.includes(`${city.country}-${city.region}`)) return { evidence: `${name}: ${region}, a region the posting names` };
	if (level === 3 && !fixed.country) return { evidence: `${name}: ${where}, the country the ATS gives` };
	if (level === 2 && !fixed.country) return { evidence: `${name}: ${where}, like the posting's other places` };
	if (level === 1 && !fixed.country) return { evidence: `${name}: ${where}, the site's default country` };
	const sizes = [...places.values()].map((candidate) => candidate.population).sort((a, b) => b - a);
	const close = sizes[1]! * 3 > sizes[0]!;
	return {
		evidence: `${name}: ${close ? 'ambiguous, ' : ''}the most populous of ${places.size} places of that name (${where})`,
		...(close ? { byPopulation: true } : {}),
	};
}

/**
 * Countries where boards write a town with its state or county, and many small towns are named like words ("Earth,
 * Texas", "King, North Carolina", "Street, Somerset", "Union" in the Philippines): a name alone is no town there
 * because the ATS gives the country.
 */
const TOWNS_WITH_THEIR_STATE = new Set(['US', 'CA', 'AU', 'NZ', 'GB', 'IE', 'PH']);

/**
 * The country a phrase's town the city list lacks may be read in because the ATS gives it, else because it is the
 * site's default: only for a phrase of one name and no country ("Wutöschingen" on a board of German roles, a Lever
 * posting in Germany, "Pozuelo de Alarcón" on a Spanish site), outside {@link TOWNS_WITH_THEIR_STATE}. "Old Town,
 * Chicago" is a part of Chicago, not Old Town in Maine.
 */
function townByContext(parts: readonly string[], namesCountry: boolean, country: string | undefined): string[] {
	return country !== undefined && parts.length === 1 && !namesCountry && !TOWNS_WITH_THEIR_STATE.has(country) ? [country] : [];
}

/** Reads comma parts as one place, or undefined when nothing in them is a place; `whole` when they are all of the phrase's parts (a compass word is read then only: see {@link readingsOf}). */
function readOne(parts: string[], context: PlaceContext, whole = false): Read | undefined {
	const { chosen, explained } = bestReading(parts, context, whole);
	if (explained === 0) return undefined;
	const read: Read = { dropped: [], text: parts.join(', ') };
	// "France, Germany", "US, Canada": a list of countries, not a town named like a country in the last one. (A town
	// named like a country in a region stays one: "Peru, Indiana".)
	const beforeCountry = chosen.some((reading) => reading?.kind === 'country' || reading?.kind === 'area');
	chosen.forEach((reading, index) => {
		const part = parts[index]!;
		if (!reading) {
			// A first part the gazetteer lacks, before a known region or country, is a city as written ("Navi Mumbai, Maharashtra").
			if (index === 0 && looksLikeName(part) && !(beforeCountry && (findCountry(part) || findArea(part)))) read.cityAsWritten = squash(part);
			else read.dropped.push(part);
			return;
		}
		if (reading.kind === 'area') read.area = reading.area;
		if (reading.kind === 'country') read.country = reading.country;
		if (reading.kind === 'region') read.region = reading.region;
		if (reading.kind === 'city') read.city = reading.city;
	});
	const country = read.country ?? read.region?.country ?? read.city?.country;
	if (country) read.country = country;
	// A town the city list lacks, in the region named beside it ("Ober-Mörlen, Hesse"): GeoNames' town, with its region.
	// Not a name the city list has elsewhere: "Toronto, Remote in the US" is two places, not Toronto, Ohio.
	// Nor one it has only in other countries, beside a region named: "Saint-Sauveur, Haute-Garonne" is not in Quebec.
	const listed = read.cityAsWritten ? findCities(read.cityAsWritten) : [];
	const region = read.region;
	const unlisted = listed.length === 0 || (region !== undefined && !regionCode(parts.at(-1)!) && listed.every((city) => city.country !== region.country));
	const town =
		read.cityAsWritten && country && !read.city && !read.area && unlisted
			? findTowns(read.cityAsWritten, country).find((candidate) => !region || liesIn(candidate, region))
			: undefined;
	if (town) {
		// The first part, as a town kept as written is.
		chosen[0] = { kind: 'city', city: town };
		read.city = town;
		delete read.cityAsWritten;
	}
	// A compass word before one of the country's states by name ("Upstate New York, US", "Southern New Jersey, US"): the state.
	const state = read.cityAsWritten && country && STATES.includes(country) && !read.region && !read.city ? stateOfPart(read.cityAsWritten, country) : undefined;
	if (state) {
		read.region = state;
		delete read.cityAsWritten;
	}
	if (read.cityAsWritten && (read.city || read.area || (country && partOfCountry(read.cityAsWritten, country)))) {
		read.dropped.unshift(read.cityAsWritten);
		delete read.cityAsWritten;
	}
	if (read.city) {
		const cityIndex = chosen.findIndex((reading) => reading?.kind === 'city');
		const fixed = {
			...(chosen.some((reading) => reading?.kind === 'country') ? { country: read.country! } : {}),
			...(read.region ? { country: read.region.country, region: read.region.code } : {}),
		};
		Object.assign(read, cityEvidence(parts[cityIndex]!, read.city, fixed, context));
	} else if (read.region && parts.length === 1) {
		const regions = findRegions(parts[0]!);
		if (regions.length > 1 && support(read.region.country, context) === 0) read.evidence = `${squash(parts[0]!)}: ambiguous, one of ${regions.length} regions of that name (${countryName(read.region.country)})`;
	}
	return read;
}

/**
 * Words that name a part of a country as sales teams divide it: "Midwest", "Mid-Atlantic", "New England", "Pacific
 * Northwest", "Southeast Region". Not a region of another name: Ontario's "York Region" is a municipality.
 */
const MACRO_REGION = /\b(?:midwest(?:ern)?|mid[\s-]?atlantic|new england|pacific northwest)\b|\b(?:north|south|east|west|central)\w*[\s-]+region\b/iu;

/**
 * Whether a first part the gazetteer lacks names a part of a country with
 * states (the US, Canada, Australia, India), not a town in it: a compass word
 * ("Central - United States", "Northeast, US"), a sales region ("Midwest
 * Region, US", "Pacific Northwest, US"), or a compass word before one of its
 * states by its name ("Southern New Jersey, US": read as the state, above).
 * Elsewhere such a name is a district ("Central, Hong Kong"); before another
 * country's region, or a state's code, a town ("North Wales, Pennsylvania",
 * "East LA, CA").
 */
function partOfCountry(part: string, country: string): boolean {
	if (!STATES.includes(country)) return false;
	return COMPASS_ONLY.test(part) || MACRO_REGION.test(part) || stateOfPart(part, country) !== undefined;
}

/** The state of a country a compass word names part of, by the state's name: "Upstate New York" is New York's. */
function stateOfPart(part: string, country: string): RegionEntry | undefined {
	const compass = COMPASS.exec(part);
	const state = compass ? part.slice(compass[0].length) : '';
	// A state's name, not its code: "East LA" is East Los Angeles, not Louisiana's east.
	return compass && regionCode(state) === undefined ? findRegions(state, country)[0] : undefined;
}

function looksLikeName(part: string): boolean {
	return /^\p{L}[\p{L}\s'’.-]{1,40}$/u.test(squash(part)) && squash(part).split(' ').length <= 4 && !NOT_PLACES.has(placeKey(part));
}

/** The most places one phrase may list ("Austin, Boston, Chicago, …"): real lists name a few dozen at most. */
const MAX_LISTED = 200;

/** The most comma parts one place is written in ("Andheri East, Mumbai, Mumbai Suburban, Maharashtra, 400069, India"). */
const MAX_PLACE_PARTS = 6;

/**
 * Comma parts as places: one place when they read as one ("Cape Town, Western
 * Cape, South Africa"); several when each part or run of parts is a whole place
 * ("New York City, Santa Barbara", "SF, NYC, SEA, CHI"); else one place with
 * the unknown parts left out and noted.
 */
function readParts(parts: string[], context: PlaceContext): Read[] {
	if (parts.length === 0) return [];
	const codes = codeList(parts) ?? countryList(parts);
	if (codes) return codes;
	// Read as one place, a phrase longer than any place is written in is read by its last parts (where an address names
	// its city, region and country), the others left out: every reading of every part was tried together before, and
	// forty parts took seconds.
	const tail = parts.length > MAX_PLACE_PARTS ? parts.slice(-MAX_PLACE_PARTS) : parts;
	const last = readOne(tail, context, true);
	const whole = last && tail !== parts ? { ...last, text: parts.join(', '), dropped: [...parts.slice(0, -MAX_PLACE_PARTS), ...last.dropped] } : last;
	if (whole && whole.dropped.length === 0 && !whole.cityAsWritten) return [whole];
	// A capital or a city of half a million people in one country, beside another country's code that has no town of
	// its name, is that city: "Cape Town, SA" is South Africa's (as South Africans write it), not a town of Saudi Arabia.
	const big = whole?.cityAsWritten && !whole.region && !context.country ? bigCityBeforeCode(whole, parts, context) : undefined;
	if (big) return [big];
	// A town the gazetteer lacks, in the country named after it ("St. Julian's, Malta"), is one place: not a town of
	// its name elsewhere and the country besides.
	if (whole && townAsWritten(whole, parts)) return [whole];
	if (parts.length > 1) {
		const runs: Read[] = [];
		// Parts that start no run: a typo or a word beside a list ("San Fransisco, New York, Seattle", "Flexible: Poland,
		// Spain, …"), left out and noted by the run after them, not the list's other places with them.
		const skipped: string[] = [];
		let labels = 0;
		let start = 0;
		while (start < parts.length) {
			let found: { read: Read; end: number } | undefined;
			for (let end = Math.min(parts.length, start + MAX_PLACE_PARTS); end > start; end--) {
				const read = readOne(parts.slice(start, end), context);
				if (read && read.dropped.length === 0 && !read.cityAsWritten) {
					found = { read, end };
					break;
				}
			}
			if (found) {
				runs.push(skipped.length > 0 ? { ...found.read, dropped: skipped.splice(0) } : found.read);
				start = found.end;
			} else if (/[:：]\s*\S/.test(parts[start]!)) {
				// A label before the list's first place ("Flexible: Poland"): the place after it, the label noted.
				const [label, place] = [parts[start]!.replace(/[:：][^:：]*$/, ''), parts[start]!.replace(/^.*[:：]\s*/, '')];
				skipped.push(label);
				labels += 1;
				parts = [...parts.slice(0, start), place, ...parts.slice(start + 1)];
			} else {
				skipped.push(parts[start]!);
				start += 1;
			}
		}
		if (skipped.length > 0 && runs.length > 0) runs[runs.length - 1] = { ...runs.at(-1)!, dropped: [...runs.at(-1)!.dropped, ...skipped] };
		const left = runs.reduce((sum, run) => sum + run.dropped.length, 0) - labels;
		// A list of places, not one place written in parts: whole when it reads as one and leaves out no more ("Cape
		// Town, Western Cape, Foo, South Africa" is Cape Town, not Cape Town and South Africa), or when the list needs a
		// town chosen by its size alone ("Bloomingdale, Beverly Center, Los-Angeles, California": a shop in Los Angeles).
		const better = !whole || left < whole.dropped.length;
		// A region of another country amid one country's places is a region the gazetteer lacks, read elsewhere: "Manila,
		// National Capital District, Philippines" is Manila, not Papua New Guinea's district of that name besides.
		const countries = new Set(runs.flatMap((run) => (run.country ? [run.country] : [])));
		const stray = countries.size > 1 && runs.some((run) => run.region && !run.city && runs.filter((other) => other.country === run.country).length === 1 && runs.some((other) => other.city && other.country !== run.country));
		if (stray && whole && whole.dropped.length <= 1 && !whole.cityAsWritten) return [whole];
		if (runs.length > 1 && (left === 0 || (better && !runs.some((run) => run.byPopulation)))) {
			// "Canada - Anywhere": anywhere in the place named beside it (so remote there), not the world as well.
			const anywhere = runs.some((run) => run.country) && runs.some((run) => /^anywhere$/i.test(run.text));
			return anywhere ? runs.filter((run) => !/^anywhere$/i.test(run.text)).map((run) => ({ ...run, anywhere: true })) : readBesideTheOthers(runs, context);
		}
	}
	return whole ? [whole] : [];
}

/**
 * Whether a reading of some parts is a town the gazetteer lacks, in the
 * country named after it ("St. Julian's, Malta"), or in the US state or
 * Canadian province after it ("Sussex, New Jersey", "Redwood Falls, MN"),
 * unless it names a state itself ("California, Oregon": two states): one
 * place, not a town of its name elsewhere and the country or state besides.
 */
/** The city of "Cape Town, SA": a capital, or a city of half a million people, in one country only, before a country's two letters. */
function bigCityBeforeCode(whole: Read, parts: readonly string[], context: PlaceContext): Read | undefined {
	const code = parts[1]?.trim() ?? '';
	if (parts.length !== 2 || !/^[A-Z]{2}$/.test(code) || findCountry(code) !== whole.country) return undefined;
	const countries = new Set(findCities(parts[0]!).filter((city) => city.capital || city.population >= 500_000).map((city) => city.country));
	if (countries.size !== 1) return undefined;
	const read = readOne([parts[0]!], context);
	return read?.city && countries.has(read.city.country) ? { ...read, text: parts.join(', '), dropped: [parts[1]!] } : undefined;
}

function townAsWritten(read: Read, parts: readonly string[]): boolean {
	if (!read.cityAsWritten || read.dropped.length > 0 || parts.length < 2) return false;
	if (findCountry(parts.at(-1)!) === read.country) return true;
	if (read.region === undefined || parts.length !== 2) return false;
	// A town the tables have only elsewhere, before a region by name: "Saint-Sauveur, Haute-Garonne" (the list's
	// Saint-Sauveur is in Quebec) and "ST JUST, Ain" (GeoNames' is in Occitanie) are the département's villages. Not a
	// city of some size of the region's country ("Berlin, Brandenburg" is Berlin, and Brandenburg beside it).
	const region = read.region;
	if (!regionCode(parts[1]!) && findRegions(parts[0]!).length === 0 && [...findCities(parts[0]!), ...findTowns(parts[0]!, region.country)].every((city) => placedElsewhere(city, region))) return true;
	return STATES.includes(read.region.country) && !findRegions(parts[0]!).some((region) => STATES.includes(region.country));
}

/**
 * A list's places read again in the one country of the others, where a place
 * was chosen by size alone or is a code alone: "Kettering, Corby" is the
 * English town, not the one in Ohio, and the "CA" of "…, Orange County, CA,
 * Raleigh, NC" (the county left out) is California, not Canada.
 */
function readBesideTheOthers(runs: Read[], context: PlaceContext): Read[] {
	// A code alone, or before a postcode ("GA 30305" was Gabon beside Chicago and Dallas).
	const codeOf = (run: Read) => regionCode(run.text) ?? (!run.city && !run.region ? /^([A-Z]{2,3})\s+\d{4,6}$/.exec(run.text)?.[1] : undefined);
	// Codes alone once a word before them was left out ("Multiple Locations - CT, IL, MN, MO"): a list of codes.
	const codes = runs.every(codeOf) ? codeList(runs.map((run) => run.text)) : undefined;
	if (codes) return codes.map((read, at) => ({ ...read, dropped: runs[at]!.dropped }));
	return runs.map((run, at) => {
		const others = new Set(runs.flatMap((other, index) => (index !== at && other.country && !codeOf(other) ? [other.country] : [])));
		const [country] = others;
		if (others.size !== 1 || run.country === country || context.country) return run;
		const code = codeOf(run);
		// A city's short form first: "LA" beside New York and Boston is Los Angeles, not Louisiana.
		const city = code === run.text && isCityAlias(code) ? findCities(code).find((candidate) => candidate.country === country) : undefined;
		if (city) return { city, country: country!, text: run.text, dropped: run.dropped };
		if (code) {
			const regions = findRegions(code, country);
			return regions.length === 1 ? { region: regions[0]!, country: country!, text: run.text, dropped: run.dropped } : run;
		}
		// A country named as a state of the others' country: "Florida, Georgia, North Carolina" lists three US states.
		const state = !run.city && !run.region && !run.area && STATES.includes(country!) && /\p{Ll}/u.test(run.text) && findRegions(run.text, country).length > 0;
		if (!run.byPopulation && !state) return run;
		const again = readOne(run.text.split(', '), { ...context, others: [...(context.others ?? []), country!] });
		return again && again.country === country && again.dropped.length === 0 && !again.cityAsWritten ? { ...again, dropped: run.dropped } : run;
	});
}

/**
 * A list of two- or three-letter codes read as regions of the one country that the
 * codes naming no country are all regions of: "CA, OR, WA" and "Remote (CA,
 * NY, TX)" are California, not Canada, beside Oregon and Washington; and three
 * or more codes of countries alone as those countries. Undefined for any other
 * list, read as other phrases are ("CA, US" is California).
 */
function codeList(parts: readonly string[]): Read[] | undefined {
	if (parts.length < 2 || !parts.every((part) => /^[A-Z]{2,3}$/.test(part))) return undefined;
	// Three or more country codes are countries: "DE, FR, NL" was Germany and Friesland. (Two may be a region and its country: "CA, US".)
	const countries = parts.map((part) => findCountry(part));
	if (parts.length >= 3 && countries.every((country): country is string => country !== undefined)) return countries.map((country, index) => ({ country, text: parts[index]!, dropped: [] }));
	const regional = parts.filter((_, index) => !countries[index]).map((part) => new Set(findRegions(part).map((region) => region.country)));
	const shared = regional.length === 0 ? [] : [...regional[0]!].filter((country) => regional.every((countries) => countries.has(country)));
	if (shared.length !== 1) return undefined;
	const country = shared[0]!;
	const regions = parts.map((part) => findRegions(part, country)[0]);
	if (!regions.every((region): region is RegionEntry => region !== undefined)) return undefined;
	return regions.map((region, index) => ({ region, country, text: parts[index]!, dropped: [] }));
}

/**
 * A list of different countries, each named: "Canada, Mexico, USA", "UK, India, South Africa, Mexico, United Arab
 * Emirates" (Jobicy's and Remotive's boards). Read as one place they were Mexico, Missouri, and Uttarakhand (IN-UK).
 * Not a state's name before its country ("Georgia, USA"), nor a country named twice ("Mexico, Mexico", "Singapore,
 * Singapore": a city and its country), nor a list with a country's two-letter code in it ("Columbia, MD" is a town of
 * Maryland, not Colombia and Moldova).
 */
function countryList(parts: readonly string[]): Read[] | undefined {
	// Named: a country's code is also a state's ("GA, US", "CA, US", "Columbia, MD"), and codeList reads codes.
	if (parts.length < 2 || parts.some((part) => /^[A-Z]{2}$/.test(part.trim()) && isCountryCode(part.trim()))) return undefined;
	const countries = parts.map((part) => findCountry(part));
	if (!countries.every((country): country is string => country !== undefined) || new Set(countries).size < countries.length) return undefined;
	if (parts.length === 2 && regionCode(parts[0]!) === undefined && findRegions(parts[0]!, countries[1]).length > 0) return undefined;
	return countries.map((country, index) => ({ country, text: parts[index]!, dropped: [] }));
}

const NO_BRACKETS: ReadonlySet<string> = new Set();

/**
 * A phrase's round brackets paired: one opened first and never closed goes ("(France (Paris - Hybrid)"), another
 * never closed is closed at the end ("London (UK"), and one closed without being opened goes ("Berlin, Germany)").
 * Left unpaired, the bracket's words were read as no place. The whole phrase's: a part of a list split at its joins
 * ("Remote (US" and "Canada)" of "Remote (US & Canada)") is read with the list.
 */
function balanced(text: string): string {
	if (!/[()]/.test(text)) return text;
	const open: number[] = [];
	const drop = new Set<number>();
	for (let index = 0; index < text.length; index += 1) {
		if (text[index] === '(') open.push(index);
		else if (text[index] === ')' && open.pop() === undefined) drop.add(index);
	}
	if (open[0] === text.search(/\S/)) drop.add(open.shift()!);
	let kept = '';
	for (let index = 0; index < text.length; index += 1) if (!drop.has(index)) kept += text[index];
	return open.length > 0 ? `${kept}${')'.repeat(open.length)}` : kept;
}

/** Splits a phrase's place text into comma parts, reading parentheses and " - " as further parts; the bracketed ones are also given apart. */
function partsOf(text: string): { parts: string[]; bracketed: ReadonlySet<string> } {
	const inner: string[] = [];
	const outer = formalNames(text).replace(/\(([^)]*)\)|\[([^\]]*)\]/g, (_, round: string | undefined, square: string | undefined) => {
		inner.push((round ?? square ?? '').trim());
		return ' ';
	});
	// A bracket left open or closed by a join ("Remote (US & Canada)" is "Remote (US" and "Canada)") goes with the edge.
	// "in the US" after a list of cities ("SF, Seattle, Remote in the US") is the US.
	const clean = (parts: string[]) => parts.map((part) => squash(part).replace(/^[-–—:.([]+|[-–—:)\]]+$/g, '').replace(/^(?:in|within)\s+(?:the\s+)?(?=\S)/i, '').trim()).filter(Boolean);
	// Commas as Arabic ("،") and Chinese and Japanese ("，", "、") write them too.
	const outside = clean(outer.split(/\s*[,،，、]\s*|\s+[-–—]\s+|\s*[-–—]\s+|\s+[-–—]\s*/));
	if (inner.length === 0) return { parts: outside, bracketed: NO_BRACKETS };
	// Parts inside the brackets as outside them: "Remote (India - Bangalore)" is Bangalore, as "Remote - India - Bangalore" is.
	const bracketed = clean(inner.flatMap((part) => part.split(/\s*[,،，、]\s*|\s+[-–—]\s+/)));
	return { parts: [...outside, ...bracketed], bracketed: new Set(bracketed) };
}

/**
 * A phrase with each country's formal name held together, as ISO's list and
 * the country pickers built on it invert them ("Congo, Democratic Republic of
 * the", "Korea (the Republic of)", "Virgin Islands, U.S.", "Congo (DRC)"), and
 * an article after a name left out ("Gambia, The", "Netherlands (the)"): read
 * as parts, the name before the comma was another country ("Congo" is the
 * Republic of the Congo, "Virgin Islands" the British ones) and "The" a
 * county in Wales. Only where the parts joined are a country's name.
 */
function formalNames(text: string): string {
	if (!/[,(]/.test(text)) return text;
	const bracketed = text.replace(/([^,()]+?)\s*\(([^()]+)\)/g, (whole, name: string, inside: string) => {
		if (/^\s*the\s*$/i.test(inside)) return name;
		return findCountry(`${name} ${inside}`) ? `${name} ${inside}` : whole;
	});
	const parts = bracketed.split(/\s*,\s*/);
	const kept: string[] = [];
	for (const part of parts) {
		const previous = kept.at(-1);
		if (previous !== undefined && /^the$/i.test(part) && findCountry(previous)) continue;
		if (previous !== undefined && findCountry(`${previous} ${part}`)) kept[kept.length - 1] = `${previous} ${part}`;
		else kept.push(part);
	}
	return kept.join(', ');
}

/** A town at most this large may be a district of a city of another country written beside it. */
const DISTRICT_MAX_POPULATION = 150_000;
/** How many times larger than that town the city must be. */
const DISTRICT_CITY_FACTOR = 20;

/**
 * The reads of a phrase's parts without a town of another country that names
 * a district of the city beside it: bracketed ("Bengaluru (Whitefield)"), or
 * one of two parts, a small town beside a city many times its size
 * ("Whitefield, Bengaluru", "SoMa, San Francisco", "Chelsea, London"), which
 * was Whitefield in England and Bengaluru. A bracketed country or area is a
 * place of its own ("Remote (Germany, France)"); a town of the same country
 * is read as it was ("Cambridge, London": two offices), and so is a capital
 * or a large city ("Cork, London").
 */
function withoutForeignDistricts(reads: Read[], parts: readonly string[], bracketed: ReadonlySet<string>): { kept: Read[]; districts: string[] } {
	if (reads.length < 2) return { kept: reads, districts: [] };
	if (bracketed.size === 0) {
		const [first, second] = reads;
		if (reads.length !== 2 || parts.length !== 2 || !first!.city || !second!.city || first!.country === second!.country) return { kept: reads, districts: [] };
		const [town, city] = first!.city.population < second!.city.population ? [first!, second!] : [second!, first!];
		const district = !town.city!.capital && town.city!.population < DISTRICT_MAX_POPULATION && city.city!.population >= DISTRICT_CITY_FACTOR * town.city!.population;
		return district ? { kept: [city], districts: [town.text] } : { kept: reads, districts: [] };
	}
	const outside = new Set(reads.filter((read) => !bracketed.has(read.text)).flatMap((read) => (read.country ? [read.country] : [])));
	const foreign = (read: Read) => bracketed.has(read.text) && read.city !== undefined && outside.size > 0 && !outside.has(read.country!);
	return { kept: reads.filter((read) => !foreign(read)), districts: reads.filter(foreign).map((read) => read.text) };
}

/** A place from a reading, its workplace and the phrase it was written as. */
/** Little words names keep in lower case inside them: "Champagne-en-Valromey", "Charnoz-sur-Ain", "Walton on Thames". */
const PARTICLES = new Set(['le', 'la', 'les', 'de', 'du', 'des', 'en', 'sur', 'sous', 'et', 'aux', 'au', 'lès', 'lez', 'd', 'l', 'del', 'di', 'da', 'do', 'dos', 'das', 'y', 'e', 'of', 'the', 'on', 'upon', 'am', 'an', 'der', 'im']);

/**
 * A town kept as written, as names are written where it came in capitals ("CHARNOZ SUR AIN", as France Travail
 * writes every commune; the location filter listed them so beside "Bourg-en-Bresse"): "Charnoz sur Ain". Four
 * capitals in a row by default: three may be a code ("GEX" beside a département's number is a name).
 */
function shownAsWritten(name: string, capitals = 4): string {
	if (/\p{Ll}/u.test(name) || !(name.match(/\p{Lu}+/gu) ?? []).some((run) => run.length >= capitals)) return name;
	return name.toLowerCase().replace(/\p{L}+/gu, (word, offset: number) => (offset > 0 && PARTICLES.has(word) ? word : word[0]!.toUpperCase() + word.slice(1)));
}

function placeOf(read: Read, workplace: Workplace, written: string): Location {
	const location = makePlace({
		...(read.area ? { area: read.area.code } : {}),
		...(read.country ? { country: read.country } : {}),
		// A city's own region (the one the gazetteer files it under), whatever level the posting named: "Milano, MI" is
		// in Lombardy as "Milan" is, so every posting of one city gives it one region.
		...(read.region || read.city?.region ? { region: read.city?.region ?? read.region?.code } : {}),
		...(read.city ? { city: read.city.name } : read.cityAsWritten ? { city: shownAsWritten(read.cityAsWritten) } : {}),
		workplace,
	});
	const notes = [read.evidence, read.cityAsWritten ? `${read.cityAsWritten}: not in the gazetteer; kept as written` : undefined].filter(Boolean);
	return {
		...location,
		...(squash(written) !== location.label && squash(written) !== location.name ? { written: squash(written) } : {}),
		...(notes.length > 0 ? { evidence: notes.join('; ') } : {}),
	};
}

/** A phrase resolved alone: its places, whether it was "Remote" with no place, and what was left out. */
export interface PhraseResult extends ResolvedPlaces {
	/** The phrase is only a workplace ("Remote", "Hybrid"): its place comes from the posting's other places. */
	placeless?: Workplace;
	/** Some place was chosen by population alone. */
	byPopulation: boolean;
	/** How many parts were left out as no place we know (each has a note). */
	dropped: number;
	/** The phrase is only words said beside places ("Full-time", "Nationwide"): unplaced when nothing else places the role. */
	wordsOnly?: boolean;
}

/**
 * Resolves one phrase ("Lisbon or Remote Portugal", "Remote in Canada or the US",
 * "Hybrid - London", "Cape Town, Western Cape, South Africa").
 */
export function resolvePhrase(phrase: string, context: PlaceContext = {}): PhraseResult {
	// Postings name the same few offices again and again ("Remote - US" in hundreds of them), and a phrase's reading
	// depends on the phrase and the whole context alone (the gazetteer is fixed): each is read once. Callers get a copy
	// of their own, so nothing they do to it reaches the next posting.
	return copyOf(PHRASES(JSON.stringify([phrase, context]), () => readPhrase(phrase, context)));
}

/** A copy of a phrase's result down to each place's list of countries, the one array a place holds (`structuredClone` costs more than the copy is worth). */
function copyOf(result: PhraseResult): PhraseResult {
	return { ...result, places: result.places.map((place) => ({ ...place, countries: [...place.countries] })), unplaced: [...result.unplaced], notes: [...result.notes] };
}

const PHRASES = remembered<PhraseResult>(20_000);

/**
 * What a location line says beside its places, naming none: the contract
 * ("Remote / Full-time", "Berlin, Permanent"), travel ("Remote with occasional
 * travel"), the hours kept ("EMEA time zones" is EMEA), a city's wider area
 * ("Greater Seattle Area"). A number of office days a week ("Munich office
 * (2 days/week)") says the role is hybrid.
 */
const NOTES: Array<[RegExp, string]> = [
	// Read again as the word: "Munich office (2 days/week)" is split at its slash before its workplace is read.
	[new RegExp(OFFICE_DAYS, 'giu'), ' hybrid '],
	[
		new RegExp(
			String.raw`${EDGE_BEFORE}(?:full[\s-]?time|part[\s-]?time|permanent|fixed[\s-]term|temporary|contract(?:or)?|freelance|internship|(?:with\s+)?(?:(?:occasional|some|frequent|regular|limited|international|domestic)\s+)?travel(?:\s+(?:required|as\s+needed))?|time[\s-]?zones?|only|(?:east|west)\s+coast|(?:must|should)\s+(?:be\s+)?(?:based|located|living|resid(?:e|ent|ing))(?:\s+in(?:\s+the)?)?)${EDGE_AFTER}`,
			'giu',
		),
		' ',
	],
	// "Remote within 50 miles of Chicago", "within commuting distance of Boston": the place is the one named.
	[new RegExp(String.raw`${EDGE_BEFORE}within\s+(?:\d+\s*(?:miles?|mi|km|kilomet(?:er|re)s?)|(?:a\s+)?(?:reasonable\s+)?commut(?:e|ing|able)\s+distance)\s+(?:of|from)${EDGE_AFTER}`, 'giu'), ' '],
	// "Flexible within the U.S. (multiple regions)": anywhere in the place named.
	[new RegExp(String.raw`${EDGE_BEFORE}flexible\s+(?:with)?in(?:\s+the)?${EDGE_AFTER}|${EDGE_BEFORE}multiple\s+(?:regions|states|cities)${EDGE_AFTER}`, 'giu'), ' '],
	// "Greater Seattle Area", "New York City Metropolitan Area", "Washington DC Metro Area": a city's region, as the Bay
	// Area is San Francisco's.
	[new RegExp(String.raw`${EDGE_BEFORE}(?:greater|metro(?:politan)?\s+area|metro|area|region|territory|local\s+to)${EDGE_AFTER}`, 'giu'), ' '],
	// "Deutschlandweit", "France entière", "US nationwide", "todo el país": anywhere in the country.
	[/(?<=\p{L}{4})weit(?!\p{L})/giu, ''],
	[new RegExp(String.raw`${EDGE_BEFORE}(?:enti[eè]re?|nationwide|nationally|countrywide|(?:en\s+)?todo\s+el\s+pa[ií]s|em\s+todo\s+o\s+pa[ií]s)${EDGE_AFTER}`, 'giu'), ' '],
	// "Remote - US: All locations": anywhere in the place before the colon.
	[/:\s*(?:all|any|select(?:ed)?)\s+(?:locations?|cities|states|offices)\s*$/giu, ' '],
	// "Remote - eligible US locations", "Anywhere in the Continental U.S", "Remote, Contiguous United States".
	[new RegExp(String.raw`${EDGE_BEFORE}(?:eligible|continental|contiguous)${EDGE_AFTER}|${EDGE_BEFORE}locations${EDGE_AFTER}`, 'giu'), ' '],
	// "Barcelona Ciudad - Barcelona España", "Madrid Capital": the city itself, as Spanish boards tell it from its province.
	[/(?<=\p{L})\s+(?:ciudad|capital)(?=\s*(?:[,()]|\s[-–—]\s|$))/giu, ' '],
	// "Our office in Lisbon": which office, said as a sentence.
	[new RegExp(String.raw`${EDGE_BEFORE}(?:our|the)\s+((?:head\s+)?(?:office|offices|hq|headquarters))\s+(?:in|at)${EDGE_AFTER}`, 'giu'), ' $1 '],
];

/** A time zone as postings write one: "EST", "PST/MST", "CET", "GMT+1", "UTC−5", "AEST", "± 2 hours". */
const ZONE = String.raw`(?:(?:GMT|UTC)\s*(?:[+−-]\s*\d{1,2}(?::?\d{2})?)?|(?:\+\/-|\+-|±|[+−])\s*\d{1,2}(?:\s*(?:h|hrs?|hours?))?|[ECMP][SD]T|AK[SD]T|H[SD]T|BST|IST|CES?T|EES?T|WES?T|JST|KST|SGT|HKT|A[ECW][SD]T|NZ[SD]T|BRT|ART|[ECMP]T)`;
/**
 * A list of time zones after a place, in brackets, after a colon or comma, or
 * at the end after a dash: "Remote - Canada (EST)", "Remote, US (PST/MST)",
 * "Remote (US: EST/CST)", "Remote, Europe (CET +/- 2)".
 */
const ZONES = new RegExp(String.raw`(?<=^|[(:,]|\s[-–—]|\p{Ll}\s)\s*${ZONE}(?:\s*(?:[\/,&]|\bor\b|\band\b|\bto\b|[-–—])?\s*${ZONE})*(?:\s+(?:time\s*zones?|timezones?|hours?))?\s*(?=[),(]|$|\s+(?:[Rr]emote|REMOTE|[Hh]ybrid|HYBRID)\s*$)`, 'gu');
/** Time zones written as two letters, which are also places: Ethiopia (ET), Malta or Montana (MT), Portugal (PT), Connecticut (CT). */
const LETTER_ZONE = /^[ECMP]T$/;

/** A North American zone's name: "Eastern" in "Eastern Time", "Pacific" in "Pacific Standard Time". */
const ZONE_NAME = String.raw`(?:eastern|central|mountain|pacific|atlantic|alaska|hawaii(?:an)?)`;
/**
 * Time zones written out, after a place or a separator, with the zones'
 * abbreviation in brackets if one follows: "Remote - US Eastern Time Zone",
 * "Remote, US (Eastern or Central time zones)", "Remote - Europe, Central
 * European Time". Their words are no place ("Central" is a district of Hong
 * Kong), so they need "time" after them, and can follow a place with no
 * separator between.
 */
const WRITTEN_ZONES = new RegExp(
	String.raw`(?<=[\s(:,])\s*(?:${ZONE_NAME}(?:\s*(?:[\/,&]|\bor\b|\band\b|\bto\b|[-–—])\s*${ZONE_NAME})*(?:\s+(?:standard|daylight))?|(?:central|eastern|western)\s+european(?:\s+(?:standard|summer))?|greenwich\s+mean|coordinated\s+universal)\s+(?:time(?:\s*zones?)?|timezones?|hours)(?:\s*\(\s*${ZONE}\s*\))?\s*(?=[),]|$)`,
	'giu',
);

/** A phrase without the time zones it names ({@link WRITTEN_ZONES}, {@link ZONES}), and the zones; undefined when it names none. */
function withoutZones(phrase: string): { text: string; taken: string[] } | undefined {
	const written = takenOut(phrase, WRITTEN_ZONES, (zone) => zone.trim());
	const short = takenOut(written?.text ?? phrase, ZONES, (zone) => zone.trim());
	if (!short) return written;
	return { text: short.text, taken: [...(written?.taken ?? []), ...short.taken] };
}

/**
 * A phrase without what a pattern matches in it, {@link tidied}, and each
 * match as `written` gives it; undefined when nothing matches.
 */
function takenOut(phrase: string, pattern: RegExp, written: (match: string) => string): { text: string; taken: string[] } | undefined {
	const taken: string[] = [];
	const text = phrase.replace(pattern, (match) => {
		taken.push(written(match));
		return ' ';
	});
	return taken.length === 0 ? undefined : { text: tidied(text), taken };
}

/** A phrase after words were taken out of it: no empty brackets, no separator left at either end. */
function tidied(text: string): string {
	const tidy = squash(text.replace(/\(\s*\)|\[\s*\]/g, ' ')).replace(/^[\s,:;/|–—-]+|[\s,:;/|–—-]+$/g, '');
	// What is left in brackets alone is left without them: "EST (US East Coast only)" is "US East Coast only".
	return /^\([^()]*\)$/.test(tidy) ? tidy.slice(1, -1).trim() : tidy;
}

/**
 * A clause naming where a role is not, to the end of its bracket or phrase:
 * "Remote - US (excluding CA, NY)", "Remote, US except Colorado", "US Remote
 * (not available in New York)", "Remote (EU, außer Frankreich)". Read as
 * places, its places were where the role is: "Remote - US (excluding CA, NY)"
 * was New York.
 */
const EXCLUSION = new RegExp(
	String.raw`${EDGE_BEFORE}(?:excluding|excludes|excl\.?|except(?:\s+(?:for|in))?|not\s+(?:available|open|eligible|hiring)\s+(?:in|to|for)|other\s+than|with\s+the\s+exception\s+of|au(?:ß|ss)er|ausgenommen|sauf|excepto|exceto)${EDGE_AFTER}[^()\[\]|;]*`,
	'giu',
);

/** A phrase without the clauses naming where the role is not ({@link EXCLUSION}), and those clauses; undefined when it has none. */
function withoutExclusions(phrase: string): { text: string; taken: string[] } | undefined {
	return takenOut(phrase, EXCLUSION, (clause) => squash(clause).replace(/[\s,:;/–—-]+$/, ''));
}

/**
 * What an ATS or a form writes where no place was given: "N/A", "TBD", "None",
 * "Not applicable". No place, said whole ("N/A" was two places unknown, "N" and "A").
 */
const NO_PLACE = /^\s*(?:n\s*\/\s*a|n\.a\.?|tb[acd]|none|null|not\s+(?:applicable|specified|available)|to\s+be\s+(?:determined|confirmed|announced))\s*$/i;

/**
 * Reads a phrase, the time zones it names beside its places left out when
 * what is left places every part: "Remote - Canada (EST)" is Canada, not
 * Canada and Estonia ("EST"), and "Remote, US (ET)" is not Ethiopia. A zone of
 * two letters ("Lisbon (PT)", "Bozeman (MT)") is a place when it is the
 * country, or a region of the country, of the places beside it. A time zone
 * with no place beside it ("Remote (CET)") is read as written, which does not
 * place it.
 */
function readPhrase(phrase: string, context: PlaceContext): PhraseResult {
	// Unplaced when nothing else places the role, as a phrase of words beside places is (["Remote", "N/A"] is remote).
	if (NO_PLACE.test(phrase)) return { places: [], unplaced: [squash(phrase)], notes: [], byPopulation: false, dropped: 0, wordsOnly: true };
	// "Victoria, B.C.", "Halifax, N.S.", "New York, N.Y.": a code written with dots is the code ("Victoria, B.C." was the
	// Australian state, with "B.C" left out as no place).
	const undotted = phrase.replace(DOTTED_CODE, (code) => code.replace(/\./g, ''));
	if (undotted !== phrase) return asWrittenIn(readPhrase(undotted, context), phrase);
	const paired = balanced(phrase);
	if (paired !== phrase) return asWrittenIn(readPhrase(paired, context), phrase);
	// A French département's number beside a town, as French boards write places ("Brest (29)", France Travail's "29 -
	// BREST"): the town in that département, whatever the ATS's country ("Brest (29)" was Brest in Belarus, "Laval (53)"
	// Laval in Quebec). Read as the town and the département's name, in France, and kept when that places it there: a
	// village the gazetteer lacks is then its département ("31 - ST SAUVEUR" was Saint-Sauveur in Quebec).
	// The town is a name, even of three capitals ("01 - GEX"); Paris is ISO's FR-75C.
	const numbered = DEPARTMENT_BEFORE.exec(phrase.trim()) ?? DEPARTMENT_AFTER.exec(phrase.trim());
	const department = numbered ? (regionByCode('FR', numbered.groups!.code!) ?? regionByCode('FR', `${numbered.groups!.code}C`)) : undefined;
	if (numbered && department) {
		const read = readPhrase(`${shownAsWritten(numbered.groups!.town!, 3)}, ${department.name}`, { ...context, country: 'FR' });
		if (read.places.length === 1 && read.unplaced.length === 0 && read.places[0]!.country === 'FR') return asWrittenIn(read, phrase);
	}
	// A Polish town's county or commune in brackets after it, as pracuj.pl writes villages ("Zabierzów (pow. krakowski)",
	// "Żerniki (gm. Kórnik)"): where the town is, not a place of its own; and that it is in Poland.
	const undivided = phrase.replace(POLISH_DIVISION, '');
	if (undivided !== phrase) return asWrittenIn(readPhrase(undivided, { ...context, country: context.country ?? 'PL' }), phrase);
	// "Florianópolis/SC", "Campinas/SP": Brazil writes a city's state after a slash, not a second place (Seychelles).
	// So does "Barueri-SP", "Osasco-SP (Híbrido)" (Nerdin's board), where the town has a region of that code.
	const slashed = /^([^/,()]+?)\s*[/-]\s*([A-Z]{2})(\s*\([^()]*\))?$/u.exec(phrase.trim());
	if (slashed && findCities(slashed[1]!).some((city) => city.region === slashed[2])) return asWrittenIn(readPhrase(`${slashed[1]}, ${slashed[2]}${slashed[3] ?? ''}`, context), phrase);
	// A site's name before its street address in brackets (Hebrew Public's "PHP (3300 Henry Avenue Philadelphia, PA
	// 19129)", thirteen roles at four schools): the address places it; the name was a town called PHP.
	const addressed = /^([^()]+?)\s*\(([^()]+)\)\s*$/.exec(phrase.trim());
	if (addressed && STREET.test(addressed[2]!)) {
		const read = readPhrase(addressed[2]!, context);
		if (read.places.length > 0 && read.unplaced.length === 0) {
			const site = `"${squash(addressed[1]!)}" in "${squash(phrase)}" names a site, not a place; left out`;
			return asWrittenIn({ ...read, notes: [site, ...read.notes] }, phrase);
		}
	}
	// Where the role is not is never a place of it: left out before anything is read, and said.
	const excluded = withoutExclusions(phrase);
	if (excluded) {
		const read = readPhrase(excluded.text, context);
		const notes = excluded.taken.map((clause) => `"${clause}" in "${squash(phrase)}" says where the role is not; left out`);
		return asWrittenIn({ ...read, notes: [...notes, ...read.notes] }, phrase);
	}
	const zoneless = withoutZones(phrase);
	let read: PhraseResult | undefined;
	const written = () => (read ??= readNoted(phrase, context));
	if (zoneless) {
		// Two letters read as written as a state beside its town are the state: "Manchester, CT" is Connecticut's, not
		// Manchester in England in the Central Time zone.
		const asState = (zone: string) => LETTER_ZONE.test(zone) && written().unplaced.length === 0 && written().places.some((place) => place.kind === 'city' && place.region === zone);
		const without = readNoted(zoneless.text, context);
		const countries = new Set(without.places.flatMap((place) => place.countries));
		const placeHere = (code: string) => countries.has(findCountry(code) ?? '') || findRegions(code).some((region) => countries.has(region.country));
		if (without.places.length > 0 && without.unplaced.length === 0 && zoneless.taken.every((zone) => !asState(zone) && (!LETTER_ZONE.test(zone) || !placeHere(zone)))) return without;
	}
	// "Remote - EST" read as written is Estonia (its three-letter code): a zone of three letters is a zone wherever it
	// stands after a place or separator, and with nothing else to place, the phrase is no place, as "Remote (CET)" is not.
	// A list of zones is zones, two letters each or not ("ET/CT/PT Remote" was Ethiopia, Connecticut and Portugal).
	const zones = zoneless?.taken.flatMap((zone) => zone.match(/\p{Lu}{2,4}/gu) ?? []) ?? [];
	const zoneAsCountry = (place: Location) =>
		zones.some((zone) => (zones.length > 1 || !LETTER_ZONE.test(zone)) && (place.countries.includes(findCountry(zone) ?? '') || (place.kind === 'region' && place.region === zone)));
	return written().places.some(zoneAsCountry) ? { ...written(), places: [], unplaced: [phrase], byPopulation: false } : written();
}

/**
 * Reads a phrase as written; where a part of it is no place, reads it again
 * without its {@link NOTES}, and keeps that reading only if it places every
 * part; where a part is still no place, or was left out, reads it as an
 * address ({@link asAddress}), kept only if that places every part and
 * leaves out fewer. A phrase read well as written is never changed, and one
 * read badly every way is reported as written.
 */
function readNoted(phrase: string, context: PlaceContext): PhraseResult {
	const written = readWritten(phrase, context);
	if (written.unplaced.length === 0 && written.dropped === 0 && !written.places.some(keptAsWritten)) return written;
	// A town kept as written may be a known town and its region with no comma ("Toronto Ontario, Canada"): only the
	// address reading below takes its place, and only one that reads the same kinds of place with every town known.
	if (written.unplaced.length === 0 && written.dropped === 0) {
		const address = asAddress(phrase);
		const read = address === phrase ? undefined : readWritten(address, context);
		const same = (place: Location, index: number) => place.kind === written.places[index]?.kind && !keptAsWritten(place);
		return read && read.unplaced.length === 0 && read.dropped === 0 && read.places.length === written.places.length && read.places.every(same) ? asWrittenIn(read, phrase) : written;
	}
	let best = written;
	let source = phrase;
	// Words beside the places, taken out: for a phrase that places nothing, or one that left a part out ("Mexico - Mexico
	// City ONLY" was Mexico, with "Mexico City ONLY" no place).
	const plain = listsInBrackets(NOTES.reduce((text, [pattern, by]) => text.replace(pattern, by), phrase));
	if (plain !== phrase) {
		const cleaned = tidied(plain);
		// A phrase of such words alone ("Full-time", "Nationwide") names no place: unplaced unless the posting's other
		// phrases place it ("Remote / Full-time"), not silently nothing.
		if (cleaned === '' && written.unplaced.length > 0) return { ...written, wordsOnly: true };
		const read = cleaned === '' ? undefined : readWritten(cleaned, context);
		if (read && read.unplaced.length === 0 && (written.unplaced.length > 0 || read.dropped < written.dropped)) [best, source] = [read, cleaned];
	}
	// Still a part that is no place, or one left out: read it as an address ({@link asAddress}), kept only if that does better.
	const address = asAddress(source);
	if (address !== source) {
		const read = readWritten(address, context);
		if (read.unplaced.length === 0 && (best.unplaced.length > 0 || read.dropped < best.dropped)) best = read;
	}
	return best === written ? written : asWrittenIn(best, phrase);
}

/** A place whose town the gazetteer does not know, kept as the posting wrote it. */
const keptAsWritten = (place: Location) => place.evidence?.includes('not in the gazetteer') === true;

/** A reading of a phrase's cleaned text, its places written as the phrase was ("Remote - must be based in the UK", not what was read). */
function asWrittenIn(result: PhraseResult, phrase: string): PhraseResult {
	const written = squash(phrase);
	return { ...result, places: result.places.map((place) => (written === place.label || written === place.name ? place : { ...place, written })) };
}

/** A place as some ATSs code it, country first and region next, each by its code: "US-NY-New York", "IN-KA-Bengaluru", "GB-London". */
const CODED = /^([A-Z]{2,3})-(?:([A-Z0-9]{1,3})-)?(\p{L}[\p{L}\s.'’-]*)$/u;

/**
 * A part written as its parts joined by hyphens, its country first or last,
 * as some ATSs export it ("United States-Texas-Austin", "IND-Karnataka-Bangalore",
 * "Germany-Berlin"), or a country and a compass word ("US-East", "US West"):
 * the parts with commas. Undefined for any other phrase: a name with a hyphen
 * ("Kitchener-Waterloo") names no country at either end.
 */
function hyphenList(phrase: string): string | undefined {
	const text = phrase.trim();
	const compass = COUNTRY_COMPASS.exec(text);
	if (compass && findCountry(compass[1]!)) return `${compass[1]}, ${compass[2]}`;
	const pieces = text.split(/(?<=[\p{L}.])-(?=\p{L})/u);
	if (pieces.length < 2 || (!findCountry(pieces[0]!) && !findCountry(pieces.at(-1)!))) return undefined;
	return pieces.join(', ');
}

/** A name and a compass word after it: "US East", "US-West". */
const COUNTRY_COMPASS = new RegExp(String.raw`^(.+?)[\s-]+(${POINTS})$`, 'iu');

/** A French département's number, then a town ("29 - BREST"), or a town, then the number in brackets ("Brest (29)"). */
const DEPARTMENT_BEFORE = /^(?<code>\d{2}|2[AB]|97[1-6])\s+-\s+(?<town>\p{L}[^()]*)$/u;
const DEPARTMENT_AFTER = /^(?<town>\p{L}[^()]*?)\s*\((?<code>\d{2}|2[AB]|97[1-6])\)$/u;

/** A Polish county ("pow." for powiat), commune ("gm.", gmina) or province ("woj.", województwo) in brackets. */
const POLISH_DIVISION = /\s*\((?:pow|gm|woj)\.\s[^()]*\)/giu;

/** Postcodes as countries write them, each a whole word: "78701", "78701-1234", "10115", "2000", "1017 AB", "111 43", "EC1V 9BD", "EC2A", "M5V 2T6", "D02 X285". */
const POSTCODE = /(?<![\p{L}\d])(?:\d{4}\s?[A-Z]{2}|\d{3}\s\d{2}|\d{3,6}(?:-\d{3,4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d|[A-Z]\d{2}\s?[A-Z\d]{4}|[A-Z]{1,2}\d[A-Z\d]?(?:\s?\d[A-Z]{2})?)(?![\p{L}\d])/gu;
/** A district's number at the end of a part: "Dublin 2", "Paris 8e", "Lyon 3ème", "Wien 1.", "Paris 15e Arrondissement" (as France Travail writes Paris's, Lyon's and Marseille's). */
const DISTRICT = /(?<=\p{L})\s+\d{1,2}(?:e|er|ème|eme|è|º|\.)?(?:\s+[Aa]rrondissement)?(?=\s*(?:[,()]|$))/gu;
/** A region's code after its city with no comma: "Sydney NSW", "Austin TX". */
const SPACED_CODE = /(?<=\p{L})\s+([A-Z]{2,3})(?=\s*(?:[,()]|$))/gu;
/** Two or three capital letters, each followed by a dot (the last one's may be left out): "B.C.", "N.Y.", "U.S.", "D.C". */
const DOTTED_CODE = /(?<![\p{L}.])(?:\p{Lu}\.){1,2}\p{Lu}\.?(?![\p{L}])/gu;

/** A Japanese address: prefecture, city, ward or town ("東京都港区", "大阪府大阪市北区", "横浜市"). */
const JAPANESE_ADDRESS = /^([^\s,]+?[都道府県])?(?:([^\s,]+?)市)?(?:[^\s,]+?[区町村])*$/u;
/** The words of a Korean address after its city: districts and neighbourhoods ("강남구", "역삼동"). */
const KOREAN_DISTRICTS = /(?<=\S)(?:\s+[가-힣]+(?:구|군|동|읍|면|로|길))+\s*$/u;

/**
 * A place phrase read as an address: without its postcodes and district
 * numbers ("10115 Berlin", "Sydney NSW 2000", "Dublin 2", "London EC2A",
 * "Paris 8e"), a region's code after its city set apart ("Sydney, NSW"), and a
 * Japanese or Korean address cut to its city or prefecture ("東京都港区" is
 * Tokyo, "서울 강남구" Seoul), and a code typed as a word after the place
 * ("London, On") in capitals. The same text when there is nothing to change.
 */
function asAddress(phrase: string): string {
	// Each part apart: "Remote, US-West", "Remote - United States-Texas-Austin".
	const segments = phrase.split(/(\s*,\s*|\s+[-–—]\s+|[()[\]])/);
	const listed = segments.map((segment, index) => (index % 2 === 0 ? (hyphenList(segment) ?? segment) : segment)).join('');
	if (listed !== phrase) return listed;
	const coded = CODED.exec(phrase.trim());
	if (coded) return [coded[3], coded[2], coded[1]].filter(Boolean).join(', ');
	// Japanese writes an address's parts with no space, or with a full-width one ("千葉県　柏市").
	const cjk = CJK.test(phrase) ? JAPANESE_ADDRESS.exec(phrase.replace(/\s+/gu, '')) : null;
	if (cjk && (cjk[1] || cjk[2])) return cjk[2] ? `${cjk[2]}${cjk[1] ? `, ${cjk[1]}` : ''}` : cjk[1]!;
	const text = phrase.split(/(\s*[,;]\s*|\s+[-–—]\s+)/).map((part, index) => (index % 2 === 0 ? codesFirst(townOfStreet(part)) : part)).join('');
	const stripped = text.replace(KOREAN_DISTRICTS, '').replace(POSTCODE, ' ').replace(DISTRICT, '').replace(SPACED_CODE, ', $1');
	const parts = tidied(stripped.replace(/\s+,/g, ',').replace(/,\s*(?=,|$)/g, '')).split(', ');
	// A state's code typed as a word ("London, On", "Tolleson, Az", "Mount Vernon, Il"): the code, last only.
	if (parts.length > 1 && /^\p{Lu}\p{Ll}$/u.test(parts.at(-1)!)) parts[parts.length - 1] = parts.at(-1)!.toUpperCase();
	// Each piece between dashes apart: "Pozuelo de Alarcón - Madrid España" (Tecnoempleo's town, province and country).
	return parts.map((part) => part.split(/(\s+[-–—]\s+)/).map((piece, index) => (index % 2 === 0 ? withoutAbbreviation(nameAfterSpace(piece)) : piece)).join('')).join(', ');
}

/** A street's words before a US or Canadian address's town: "602 W Bethel Rd Bethel" is Bethel, "1271 Avenue of the Americas" nothing. */
const STREET = /^\s*(?:[A-Z0-9]+\s+)?\d+[A-Z]?(?:-\d+)?\s+(?:.*?\b(?:St|Street|Rd|Road|Ave|Avenue|Blvd|Boulevard|Dr|Drive|Hwy|Highway|Ln|Lane|Way|Pkwy|Parkway|Ct|Court|Pl|Place|Sq|Square|Ter|Terrace|Cir|Circle|Pike|Trl|Trail)\b\.?(?:\s+of\s+the\s+\p{L}+)?(?:\s+(?:N|S|E|W|NE|NW|SE|SW))?(?:\s+(?:(?:Unit|Suite|Ste)\b\.?|#)\s*\w+)?)(?=\s|$)/iu;
/** A suite or floor before the town, or a part of its own: "Unit A", "Suite 303", "37th Floor New York". */
const SUITE = /^\s*(?:(?:Unit|Suite|Ste|Apt|Building|Bldg)\b\.?\s*\w+|#\s*\w+|\d+(?:st|nd|rd|th)\s+(?:Floor|Fl)\.?)(?=\s|$)/iu;

/**
 * A street named before its number, as much of Europe writes one, by the word for a street its name ends with:
 * "Sømnaveien 103", "Kungsgatan 5", "Friedrichstraße 123", "Keizersgracht 12a", "Rue de Rivoli 8" is not one.
 */
const STREET_FIRST = /^\s*\p{L}[\p{L}'’.-]*(?:veien|vegen|vei|veg|gata|gate|gatan|vägen|väg|vej|gade|straße|strasse|str\.|weg|gasse|allee|platz|laan|straat|gracht|plein|kade)\s+\d+\s*\p{L}?(?=\s|$)/iu;

/** The town of an address part: without its street, suite or floor ("602 W Bethel Rd Bethel" is Bethel). */
function townOfStreet(part: string): string {
	const afterStreet = part.replace(STREET_FIRST, '');
	if (afterStreet !== part) return afterStreet.trim();
	const street = STREET.exec(part);
	const rest = street ? part.slice(street[0].length) : part;
	const suite = SUITE.exec(rest);
	return (suite ? rest.slice(suite[0].length) : rest).trim();
}

/** A country's code, and a state's, before a place with no comma, as some ATSs export it: "AU Melbourne", "US WA Seattle", "US IL". */
function codesFirst(part: string): string {
	const [, code, state, rest] = /^([A-Z]{2,3})\s+(?:([A-Z]{2})\s+)?(\p{L}.*)$/u.exec(part) ?? [];
	const country = code ? findCountry(code) : undefined;
	if (!country || !rest || COMPASS_ONLY.test(rest) || (state && findRegions(state, country).length === 0)) return part;
	// Only before a place of that country, a town of some size or a state: not "MD or San Antonio TX", "US OAK", "US
	// Remote National"; nor a compass word ("US Central" is no town of Louisiana).
	if (!state && !findCities(rest).some((city) => city.country === country && city.population >= 20_000) && findRegions(rest, country).length === 0) return part;
	return [rest, state, code].filter(Boolean).join(', ');
}

/** A known town and the start of its state's name, as some ATSs abbreviate it: "Bangalore Kar" is Bangalore (Karnataka). */
function withoutAbbreviation(part: string): string {
	const [, head, word] = /^(.+?)\s+(\p{L}{3,5})\.?$/u.exec(part) ?? [];
	if (!head || !word || findCities(part).length > 0) return part;
	const ofState = (city: CityEntry) => city.region !== undefined && placeKey(regionByCode(city.country, city.region)?.name ?? '').startsWith(placeKey(word));
	return findCities(head).some(ofState) ? head : part;
}

/**
 * A place and its country's name with no comma between ("Tokyo Japan", "Sao
 * Paulo Brazil"), or a town and its state's ("Boston Massachusetts", "Bend
 * Oregon", "Raleigh North Carolina"): with one. Only after a place the
 * gazetteer knows, and a state's only after a town of that state: "New
 * England" is no place in England, "Mitratech India" no town, "West Virginia"
 * no town called West.
 */
function nameAfterSpace(part: string): string {
	if (part.includes('(')) return part;
	const words = part.split(' ');
	for (let size = Math.min(3, words.length - 1); size >= 1; size--) {
		const last = words.slice(-size).join(' ');
		const place = words.slice(0, -size).join(' ');
		if (findCountry(last) && (findCities(place).length > 0 || findRegions(place).length > 0)) return `${place}, ${last}`;
		const states = findRegions(last).filter((region) => STATES.includes(region.country));
		if (states.length > 0 && findCities(place).some((city) => states.some((state) => state.country === city.country && state.code === city.region))) return `${place}, ${last}`;
	}
	return part;
}

function readWritten(phrase: string, context: PlaceContext): PhraseResult {
	const text = squash(phrase);
	const result: PhraseResult = { places: [], unplaced: [], notes: [], byPopulation: false, dropped: 0 };
	if (!text) return result;
	const whole = stripWorkplace(text);
	// "North & South America", "Bosnia and Herzegovina": a whole name is not split on its "and".
	// The joins are looked for in the whole phrase: "Berlin or remote" leaves "Berlin or" once its workplace is read.
	const pieces = whole.rest && !JOINS.test(text) ? [text] : wholeName(whole.rest) ? [text] : joinedPieces(text);
	const owns = pieces.map((piece) => (pieces.length === 1 ? whole : stripWorkplace(piece)));
	// A workplace said after a list is the whole list's: "USA / Canada - Remote", "Berlin / Munich (hybrid)". Not one
	// said before its own place ("Amsterdam or Remote Netherlands": the city, or remote in its country), nor one said
	// alone ("Berlin or Remote": below).
	const trailing = pieces.length > 1 && owns.at(-1)!.rest && owns.slice(0, -1).every((own) => !own.workplace) ? workplaceAtEnd(pieces.at(-1)!) : undefined;
	let carried: Workplace | undefined = trailing;
	let previous: Location | undefined;
	for (const [index, piece] of pieces.entries()) {
		const own = owns[index]!;
		// A workplace said before a list carries forward: "Remote in Canada or the US".
		const workplace = own.workplace ?? carried;
		if (own.workplace) carried = own.workplace;
		if (!own.rest) {
			if (workplace && pieces.length === 1) result.placeless = workplace;
			// "London or Remote": the city may also be done remotely; "NYC / SF / Remote": each city of the list may.
			else if (workplace === 'remote' && previous?.kind === 'city') {
				for (const place of result.places) {
					if (place === previous || (place.kind === 'city' && place.workplace === 'onsite')) Object.assign(place, makePlace({ ...parts(place), workplace: 'remote' }), { written: text });
				}
			}
			else if (workplace && pieces.length > 1) result.placeless ??= workplace;
			continue;
		}
		const { parts: listed, bracketed } = partsOf(withoutOfficeWords(own.rest));
		if (listed.length > MAX_LISTED) {
			// Each part is read against its neighbours: a list this long is not a posting's places, and reading it costs.
			result.unplaced.push(`${truncate(squash(piece), 60)} (a list of ${listed.length.toLocaleString('en-US')} places; at most ${MAX_LISTED} are read)`);
			continue;
		}
		const { kept, districts } = withoutForeignDistricts(readParts(listed, context), listed, bracketed);
		// Said with no workplace, an area at either end of places that all lie in it is where they are ("Asia, Korea,
		// Seoul", "APAC - China, Guangzhou", "Boston, NA"), written from the largest part to the smallest or back: no
		// remote scope beside them (it was "Remote, Asia" beside Seoul).
		const container = workplace ? undefined : containerArea(kept);
		const reads = container === undefined ? kept : kept.filter((_, at) => at !== container);
		if (reads.length === 0) {
			result.unplaced.push(squash(piece));
			continue;
		}
		for (const district of districts) result.notes.push(`"${district}" in "${text}" is read as a district of the city beside it, not a town elsewhere; left out`);
		for (const read of reads) {
			for (const part of read.dropped) result.notes.push(`"${part}" in "${text}" is not a place we know; left out`);
			result.dropped += read.dropped.length;
			if (read.byPopulation) result.byPopulation = true;
			// Nobody works on site in a whole continent: an area with no workplace stated is a remote scope.
			const chosen: Workplace = workplace ?? (read.anywhere ? 'remote' : undefined) ?? context.workplace ?? (read.area ? 'remote' : 'onsite');
			const place = placeOf(read, chosen, pieces.length === 1 && reads.length === 1 ? text : reads.length === 1 ? piece : read.text);
			// "Amsterdam or Remote Netherlands": one place, the city or remote in its country.
			if (previous?.kind === 'city' && previous.workplace === 'onsite' && chosen === 'remote' && place.kind === 'country' && place.country === previous.country && !own.rest.includes(',')) {
				Object.assign(previous, makePlace({ ...parts(previous), workplace: 'remote' }), { written: text });
				continue;
			}
			result.places.push(place);
			previous = place;
		}
	}
	return result;
}

/** The index of an area read at either end of several reads whose countries hold all the others' (none of them an area), if any. */
function containerArea(reads: readonly Read[]): number | undefined {
	if (reads.length < 2) return undefined;
	return [0, reads.length - 1].find((index) => {
		const { area } = reads[index]!;
		if (!area || area.countries.length === 0) return false;
		return reads.every((read, at) => at === index || (!read.area && read.country !== undefined && area.countries.includes(read.country)));
	});
}

/** A kind of place before "of": "Canton of Zurich", "Province of Ontario", "Republic of Ireland". */
const ADMIN_OF = /\b(?:canton|county|province|state|region|district|city|municipality|prefecture|department|republic|commonwealth|isle|island|bay|gulf|cape|kingdom|principality|federation|emirate)\s+of\s+/gi;

/** What stands for a space inside a name a phrase must not be split through: a character no posting writes. */
const HELD = '\uE000';

/**
 * A phrase's places joined by "or", "and", "/" and their kin, split apart; not
 * through a comma part that is one name: "Dublin, Republic of Ireland" (the
 * Dutch "of" is "or"), "Sarajevo, Bosnia and Herzegovina", "Valladolid,
 * Castilla y León", "Ålesund, Møre og Romsdal".
 */
function joinedPieces(text: string): string[] {
	const held = text
		.replace(/[^,()[\]]+/g, (part) => {
			const name = part.trim().replace(/^[-–—]\s+|\s+[-–—]$/g, '');
			return JOINS.test(name) && wholeName(name) ? part.replace(/\s/g, HELD) : part;
		})
		// "Canton of Zurich", "County of Kent", "City of London": "of" after a kind of place names it, and is no join.
		.replace(ADMIN_OF, (words) => words.replace(/\s/g, HELD));
	return held
		.split(JOINS)
		.map((piece) => piece.replaceAll(HELD, ' '))
		.filter((piece) => piece.trim());
}

/**
 * A phrase whose brackets list their places with commas, so that it is split into its places around its brackets,
 * not through them: "Remote - North America (US/Canada)" was "Remote - North America (US" and "Canada)". A bracket
 * holding one name is kept ("(Bosnia and Herzegovina)").
 */
function listsInBrackets(text: string): string {
	return text.replace(/\(([^()]*)\)/g, (whole, inner: string) => {
		if (!JOINS.test(inner) || wholeName(inner)) return whole;
		const pieces = inner
			.split(JOINS)
			.map((piece) => piece.trim())
			.filter(Boolean)
			.map((piece) => ({ piece, country: findCountry(piece) }));
		// Joined, a country and one of its regions are the country: Waymo's "(Continental US + Hawaii + Canada Only)" is the
		// US and Canada, where its list read with commas, "US, Hawaii, Canada", was Hawaii and Canada.
		const countries = new Set(pieces.flatMap(({ country }) => country ?? []));
		const kept = pieces.filter(({ piece, country }) => country !== undefined || !findRegions(piece).some((region) => countries.has(region.country)));
		return `(${kept.map(({ piece }) => piece).join(', ')})`;
	});
}

/** The workplace a piece ends with, after its place and a dash, bracket or comma ("Canada - Remote", "Munich (hybrid)"). */
function workplaceAtEnd(piece: string): Workplace | undefined {
	const tail = piece.split(/\s+[-–—]\s+|[([,]/).at(-1)!.replace(/[)\]]/g, '');
	const read = stripWorkplace(tail);
	return read.workplace && !read.rest.trim() ? read.workplace : undefined;
}

function wholeName(text: string): boolean {
	return Boolean(findArea(text) ?? findCountry(text) ?? (findRegions(text).length > 0 ? true : undefined) ?? findCities(text)[0]);
}

function parts(location: Location): { city?: string; region?: string; country?: string; area?: string } {
	return {
		...(location.city ? { city: location.city } : {}),
		...(location.region ? { region: location.region } : {}),
		...(location.country ? { country: location.country } : {}),
		...(location.area ? { area: location.area } : {}),
	};
}

/**
 * Resolves every place phrase of one posting. Names chosen by population alone
 * get a second look with the countries of the posting's other places, and a
 * phrase that is only "Remote" means remote in those countries — else in the
 * ATS's country, else in the site's default country, else anywhere (Worldwide).
 * A phrase that is only "Hybrid" or "On-site" is the workplace of the others,
 * where their own words say none.
 */
export function resolvePlaces(phrases: ReadonlyArray<string>, context: PlaceContext = {}): ResolvedPlaces {
	const first = phrases.map((phrase) => resolvePhrase(phrase, context));
	// "Mexico City or Guadalajara | Hybrid": a lone "Hybrid" or "On-site" in a list says how its other places are done.
	const lone = (result: PhraseResult) => result.places.length === 0 && result.unplaced.length === 0 && result.placeless !== undefined && result.placeless !== 'remote';
	const listed = first.find(lone)?.placeless;
	if (listed && first.some((result) => result.places.length > 0)) {
		return resolvePlaces(
			phrases.filter((_, index) => !lone(first[index]!)),
			{ ...context, workplace: listed },
		);
	}
	// A name the site's default country decided ("Ontario" read as the city in California on a site whose default is the
	// US, beside "Alberta; British Columbia") is no more settled than one read by size: the posting's other places speak
	// first, and so do the names of its own phrase the default did not decide ("Oxford or London-United Kingdom").
	const byDefault = context.defaultCountry !== undefined && context.country === undefined;
	const undecided = byDefault ? phrases.map((phrase) => resolvePhrase(phrase, { ...context, defaultCountry: undefined })) : first;
	const decided = first.map((result, index) => byDefault && placeIds(result) !== placeIds(undecided[index]!));
	const weak = first.map((result, index) => result.byPopulation || decided[index]!);
	// What the other phrases name, counted once a posting so a list of thousands of phrases is read in linear time: the
	// countries of those not read by size or the site's default alone, and the regions they name whole.
	const countries = namedElsewhere(first.map((result, index) => (weak[index] ? [] : result.places.flatMap((place) => (place.country ? [place.country] : [])))));
	const regions = namedElsewhere(first.map((result) => result.places.flatMap((place) => (place.kind === 'region' ? [`${place.country}-${place.region}`] : []))));
	const settled = countries.all;
	// A phrase read as a country that is also a state's name ("Georgia") is read again beside the other phrases' countries.
	const aCountryAlone = (result: PhraseResult, index: number) =>
		result.places.some(
			(place) => place.kind === 'country' && !countries.elsewhere(place.country!, index) && STATES.some((state) => countries.elsewhere(state, index) && findRegions(place.name, state).length > 0),
		);
	// The countries of a phrase's places the default did not decide: the same in both readings.
	const kept = (index: number) => {
		const other = new Set(undecided[index]!.places.map((place) => `${place.id}|${place.workplace}`));
		return first[index]!.places.flatMap((place) => (place.country && other.has(`${place.id}|${place.workplace}`) ? [place.country] : []));
	};
	const results = first.map((result, index) => {
		const others = weak[index] ? [...new Set([...settled, ...(decided[index] ? kept(index) : [])])] : [];
		if (others.length > 0) return resolvePhrase(phrases[index]!, { ...context, others, regions: regions.besides(index) });
		return aCountryAlone(result, index) ? resolvePhrase(phrases[index]!, { ...context, others: countries.besides(index) }) : result;
	});
	const out: ResolvedPlaces = { places: [], unplaced: [], notes: [] };
	const placedIn = [...new Set(results.flatMap((result) => result.places.flatMap((place) => (place.country ? [place.country] : []))))];
	const placed = results.some((result) => result.places.length > 0 || result.placeless !== undefined);
	for (const [index, result] of results.entries()) {
		out.places.push(...result.places);
		if (!(result.wordsOnly && placed)) out.unplaced.push(...result.unplaced);
		out.notes.push(...result.notes);
		if (!result.placeless) continue;
		const written = squash(phrases[index]!);
		if (result.placeless !== 'remote') {
			if (result.places.length === 0) out.unplaced.push(written);
			continue;
		}
		const [where, why] =
			placedIn.length > 0
				? [placedIn, "the countries of the posting's other places"]
				: context.country
					? [[context.country], 'the country the ATS gives']
					: context.defaultCountry
						? [[context.defaultCountry], "the site's default country"]
						: [[], 'no country given'];
		if (where.length === 0) out.places.push({ ...makePlace({ area: 'WORLDWIDE', workplace: 'remote' }), written, evidence: `"${written}" alone: remote anywhere, ${why}` });
		for (const country of where) out.places.push({ ...makePlace({ country, workplace: 'remote' }), written, evidence: `"${written}" alone: remote in ${countryName(country)}, ${why}` });
	}
	return { ...out, places: uniqueLocations(out.places) };
}

/** A phrase's places as one string, to tell two readings apart. */
const placeIds = (result: PhraseResult) => result.places.map((place) => `${place.id}|${place.workplace}`).join(' ');

/**
 * What each phrase names, counted once: every name, and for one phrase the
 * names some other phrase gives (its own taken off).
 */
function namedElsewhere(names: ReadonlyArray<readonly string[]>): { all: string[]; elsewhere: (name: string, index: number) => boolean; besides: (index: number) => string[] } {
	const own = names.map((list) => new Set(list));
	const count = new Map<string, number>();
	for (const set of own) for (const name of set) count.set(name, (count.get(name) ?? 0) + 1);
	const elsewhere = (name: string, index: number) => (count.get(name) ?? 0) > (own[index]!.has(name) ? 1 : 0);
	return { all: [...count.keys()], elsewhere, besides: (index) => [...count.keys()].filter((name) => elsewhere(name, index)) };
}

/** Places in order, each once (by id and workplace): ATS fields repeat offices, and NYC and New York City are one place. */
export function uniqueLocations(places: readonly Location[]): Location[] {
	const seen = new Set<string>();
	return places.filter((place) => {
		const key = `${place.id}|${place.workplace}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
