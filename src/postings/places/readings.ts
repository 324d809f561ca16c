/**
 * Reads the comma parts of one place phrase ("Cape Town, Western Cape, South
 * Africa", "Fremont, WA", "Boston, Cambridge, MA") as places of the world:
 * every reading each part may have (an area, a country, regions, towns), the
 * one that explains most parts and agrees with itself and with the context,
 * and a list read as a list. Names chosen between by size alone are marked
 * for a second look beside the posting's other places.
 */
import type { Location, Workplace } from '../../schemas/place.ts';
import { squash } from '../text.ts';
import { findArea, type AreaEntry } from './areas.ts';
import { countryName, findCities, findCountry, findRegions, findTowns, isCityAlias, isCountryCode, placeKey, regionByCode, type CityEntry, type RegionEntry } from './gazetteer.ts';
import { makePlace } from './make.ts';
import type { PlaceContext } from './resolve.ts';

type Reading =
	| { kind: 'area'; area: AreaEntry }
	| { kind: 'country'; country: string }
	| { kind: 'region'; region: RegionEntry }
	| { kind: 'city'; city: CityEntry };

/** One place read from comma-separated parts, before workplace and context are applied. */
export interface Read {
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

/** Words that are not places though a town somewhere may bear the name. */
const NOT_PLACES = new Set([
	'hq', 'headquarters', 'office', 'offices', 'multiple locations', 'various', 'various locations', 'tbd', 'n a', 'travel required', 'flexible', 'home',
	'field', 'nationwide', 'locations', 'location', 'east coast', 'west coast', 'coast', 'opportunity',
	// Platsbanken's "unspecified place of work" (Sweden's public board), before the country.
	'ospecificerad arbetsort',
]);

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
		// Else a large one anywhere, as a listed city would be: "Mohali", "Lekki" were no place by themselves.
		if (readings.length === 0) for (const town of findTowns(part).slice(0, 12)) readings.push({ kind: 'city', city: town });
	}
	// "Northern Virginia", "Southern California", "North London": a part of a state, country or city is in it. Not of an
	// area: "West Africa" is not all Africa. Only a phrase's one part (`alone`): beside a city it is the city's county or
	// region ("Leeds, West Yorkshire"), which the gazetteer may lack, not a Yorkshire in Virginia.
	// Upstate New York is the state's, not the city's.
	// "the Washington, D.C. Metro Area": the article is no part of the name (a name that has one, "The Hague", is found with it).
	if (readings.length === 0 && /^the\s+\S/i.test(part)) return readingsOf(part.replace(/^the\s+/i, ''), countries, alone);
	// The Arabic article, which names are written with and without: "Al Khobar" is GeoNames' "Khobar", "El Mansoura"
	// and "Al Riyadh" are Mansoura and Riyadh. Only for a place where Arabic is spoken: "El Tigre" is not Tigre.
	if (readings.length === 0 && /^(?:al|el)[\s-]+\p{L}/iu.test(part)) {
		return readingsOf(part.replace(/^(?:al|el)[\s-]+/iu, ''), countries, alone, townCountries).filter((reading) => ARABIC_SPEAKING.has(countryOf(reading) ?? ''));
	}
	const whole = readings.length === 0 && alone ? COMPASS.exec(part) : null;
	// "Northern VA" is Virginia's north, not the Vatican's: after a compass word, a code is a region's.
	const rest = whole ? part.slice(whole[0].length) : '';
	const after = whole ? readingsOf(rest, countries, alone) : [];
	const coded = regionCode(rest) !== undefined && after.some((reading) => reading.kind === 'region');
	if (whole) return after.filter((reading) => reading.kind !== 'area' && (reading.kind === 'region' || (!/state/i.test(whole[0]) && !coded)));
	return readings;
}

/** Countries whose places' names carry the Arabic article, written or not ("Al Khobar", "Khobar"): the Arab League's. */
const ARABIC_SPEAKING = new Set(['AE', 'BH', 'DJ', 'DZ', 'EG', 'IQ', 'JO', 'KM', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SO', 'SY', 'TN', 'YE']);

/** A kind of subdivision before its name, as Google's place pickers write some: "State of São Paulo", "Province of Barcelona", "Provincia de Buenos Aires". */
const KIND_BEFORE = /^(?:(?:state|province|region|prefecture|county)\s+of|(?:provincia|estado|regi[oó]n|departamento)\s+del?)\s+(.+)$/iu;

/** A kind of subdivision after its name: "Chiba Prefecture", "Fukuoka-ken", "Jalisco State", "Western Cape Province", "Dubai Emirate". */
const KIND_AFTER = /^(.+?)(?:\s+|-)(province|prefecture|state|oblast|governorate|voivodeship|county|district|emirate|ken|fu)$/iu;

/** The four points and their adjectives: "north", "Western". */
export const POINTS = 'north|south|east|west|northern|southern|eastern|western';

/** Compass words and nothing else: "South", "Far North", "North-West", "Central". */
export const COMPASS_ONLY = new RegExp(String.raw`^\s*(?:(?:far|upper|lower|${POINTS}|(?:north|south)(?:east|west)(?:ern)?|central|centre|center|middle)(?:[\s-]+|\s*$))+$`, 'iu');

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
	const byContext = townByContext(parts, named.length > 0, context.country ?? context.defaultCountry, context.others ?? []);
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
export const STATES = ['US', 'CA', 'AU', 'IN'];

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
 * posting in Germany, "Pozuelo de Alarcón" on a Spanish site), outside {@link TOWNS_WITH_THEIR_STATE} unless the
 * posting's other places are in that country too (KPMG New Zealand's "Christchurch", "Ashburton", "Timaru"). "Old
 * Town, Chicago" is a part of Chicago, not Old Town in Maine.
 */
function townByContext(parts: readonly string[], namesCountry: boolean, country: string | undefined, others: readonly string[]): string[] {
	if (country === undefined || parts.length !== 1 || namesCountry) return [];
	return !TOWNS_WITH_THEIR_STATE.has(country) || others.includes(country) ? [country] : [];
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
export const MAX_LISTED = 200;

/** The most comma parts one place is written in ("Andheri East, Mumbai, Mumbai Suburban, Maharashtra, 400069, India"). */
const MAX_PLACE_PARTS = 6;

/**
 * Comma parts as places: one place when they read as one ("Cape Town, Western
 * Cape, South Africa"); several when each part or run of parts is a whole place
 * ("New York City, Santa Barbara", "SF, NYC, SEA, CHI"); else one place with
 * the unknown parts left out and noted.
 */
export function readParts(parts: string[], context: PlaceContext): Read[] {
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
export function balanced(text: string): string {
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
export function partsOf(text: string): { parts: string[]; bracketed: ReadonlySet<string> } {
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
export function withoutForeignDistricts(reads: Read[], parts: readonly string[], bracketed: ReadonlySet<string>): { kept: Read[]; districts: string[] } {
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
export function shownAsWritten(name: string, capitals = 4): string {
	if (/\p{Ll}/u.test(name) || !(name.match(/\p{Lu}+/gu) ?? []).some((run) => run.length >= capitals)) return name;
	return name.toLowerCase().replace(/\p{L}+/gu, (word, offset: number) => (offset > 0 && PARTICLES.has(word) ? word : word[0]!.toUpperCase() + word.slice(1)));
}

export function placeOf(read: Read, workplace: Workplace, written: string): Location {
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
