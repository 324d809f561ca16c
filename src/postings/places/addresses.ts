/**
 * Place phrases written as addresses or as an ATS codes them, made into the
 * comma parts the readings take: postcodes, district numbers and streets left
 * out ("10115 Berlin", "Dublin 2", "602 W Bethel Rd Bethel"), codes set apart
 * ("Sydney NSW", "US-NY-New York", "AU Melbourne"), Japanese and Korean
 * addresses cut to their city, and the ways French, Polish and Brazilian
 * boards write a town's division beside it.
 */
import { CJK } from '../text.ts';
import { findCities, findCountry, findRegions, placeKey, regionByCode, type CityEntry } from './gazetteer.ts';
import { COMPASS_ONLY, POINTS, STATES } from './readings.ts';
import { tidied } from './said-beside.ts';

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
export const DEPARTMENT_BEFORE = /^(?<code>\d{2}|2[AB]|97[1-6])\s+-\s+(?<town>\p{L}[^()]*)$/u;
export const DEPARTMENT_AFTER = /^(?<town>\p{L}[^()]*?)\s*\((?<code>\d{2}|2[AB]|97[1-6])\)$/u;

/** A Polish county ("pow." for powiat), commune ("gm.", gmina) or province ("woj.", województwo) in brackets. */
export const POLISH_DIVISION = /\s*\((?:pow|gm|woj)\.\s[^()]*\)/giu;

/** Postcodes as countries write them, each a whole word: "78701", "78701-1234", "10115", "2000", "1017 AB", "111 43", "EC1V 9BD", "EC2A", "M5V 2T6", "D02 X285". */
const POSTCODE = /(?<![\p{L}\d])(?:\d{4}\s?[A-Z]{2}|\d{3}\s\d{2}|\d{3,6}(?:-\d{3,4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d|[A-Z]\d{2}\s?[A-Z\d]{4}|[A-Z]{1,2}\d[A-Z\d]?(?:\s?\d[A-Z]{2})?)(?![\p{L}\d])/gu;
/** A district's number at the end of a part: "Dublin 2", "Paris 8e", "Lyon 3ème", "Wien 1.", "Paris 15e Arrondissement" (as France Travail writes Paris's, Lyon's and Marseille's). */
const DISTRICT = /(?<=\p{L})\s+\d{1,2}(?:e|er|ème|eme|è|º|\.)?(?:\s+[Aa]rrondissement)?(?=\s*(?:[,()]|$))/gu;
/** A region's code after its city with no comma: "Sydney NSW", "Austin TX". */
const SPACED_CODE = /(?<=\p{L})\s+([A-Z]{2,3})(?=\s*(?:[,()]|$))/gu;
/** Two or three capital letters, each followed by a dot (the last one's may be left out): "B.C.", "N.Y.", "U.S.", "D.C". */
export const DOTTED_CODE = /(?<![\p{L}.])(?:\p{Lu}\.){1,2}\p{Lu}\.?(?![\p{L}])/gu;

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
export function asAddress(phrase: string): string {
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
export const STREET = /^\s*(?:[A-Z0-9]+\s+)?\d+[A-Z]?(?:-\d+)?\s+(?:.*?\b(?:St|Street|Rd|Road|Ave|Avenue|Blvd|Boulevard|Dr|Drive|Hwy|Highway|Ln|Lane|Way|Pkwy|Parkway|Ct|Court|Pl|Place|Sq|Square|Ter|Terrace|Cir|Circle|Pike|Trl|Trail)\b\.?(?:\s+of\s+the\s+\p{L}+)?(?:\s+(?:N|S|E|W|NE|NW|SE|SW))?(?:\s+(?:(?:Unit|Suite|Ste)\b\.?|#)\s*\w+)?)(?=\s|$)/iu;
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
