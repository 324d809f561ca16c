/**
 * Areas of several countries that postings name ("EMEA", "Remote - Americas").
 * Memberships are facts from the definitions cited on each line; continents
 * and sub-regions follow the UN M49 standard country groupings
 * (https://unstats.un.org/unsd/methodology/m49/).
 */
import { placeKey } from './gazetteer.ts';

/** An area: its code, English name and member countries ([] = anywhere). */
export interface AreaEntry {
	code: string;
	name: string;
	countries: readonly string[];
}

const words = (list: string): string[] => list.split(' ');

// UN M49 sub-regions.
const NORTHERN_AFRICA = words('DZ EG LY MA SD TN EH');
const EASTERN_AFRICA = words('IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW');
const MIDDLE_AFRICA = words('AO CM CF TD CG CD GQ GA ST');
const SOUTHERN_AFRICA = words('BW SZ LS NA ZA');
const WESTERN_AFRICA = words('BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG');
const SUB_SAHARAN_AFRICA = [...EASTERN_AFRICA, ...MIDDLE_AFRICA, ...SOUTHERN_AFRICA, ...WESTERN_AFRICA];
const EASTERN_EUROPE = words('BY BG CZ HU PL MD RO RU SK UA');
const NORTHERN_EUROPE = words('AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB');
const SOUTHERN_EUROPE = words('AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES');
const WESTERN_EUROPE = words('AT BE FR DE LI LU MC NL CH');
const EUROPE_M49 = [...EASTERN_EUROPE, ...NORTHERN_EUROPE, ...SOUTHERN_EUROPE, ...WESTERN_EUROPE];
const CENTRAL_ASIA = words('KZ KG TJ TM UZ');
const EASTERN_ASIA = words('CN HK MO KP JP MN KR TW');
const SOUTH_EASTERN_ASIA = words('BN KH ID LA MY MM PH SG TH TL VN');
const SOUTHERN_ASIA = words('AF BD BT IN IR MV NP PK LK');
const WESTERN_ASIA = words('AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE');
const OCEANIA = words('AU NZ NF FJ NC PG SB VU GU KI MH FM NR MP PW UM AS CK PF NU PN WS TK TO TV WF');
const LATIN_AMERICA = words(
	'AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI BZ CR SV GT HN MX NI PA AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE',
);
const SOUTH_AMERICA = words('AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE');
const NORTHERN_AMERICA = words('BM CA GL PM US');
// The 27 member states of the European Union (europa.eu, since 2020).
const EU = words('AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE');
const ASIA = [...CENTRAL_ASIA, ...EASTERN_ASIA, ...SOUTH_EASTERN_ASIA, ...SOUTHERN_ASIA, ...WESTERN_ASIA];
// Cyprus is Western Asia in M49 but in the EU: "Europe" in a posting includes it. M49 counts Kosovo (XK) in Serbia.
const EUROPE = [...EUROPE_M49, 'CY', 'XK'];
// The Middle East as commonly listed (the Arab states of Western Asia, Egypt, Iran, Israel, Turkey, Cyprus).
const MIDDLE_EAST = words('BH CY EG IR IQ IL JO KW LB OM PS QA SA SY TR AE YE');

const AREAS: AreaEntry[] = [
	{ code: 'WORLDWIDE', name: 'Worldwide', countries: [] },
	{ code: 'EU', name: 'European Union', countries: EU },
	// The EEA: the EU plus Iceland, Liechtenstein and Norway.
	{ code: 'EEA', name: 'EEA', countries: [...EU, 'IS', 'LI', 'NO'] },
	{ code: 'EUROPE', name: 'Europe', countries: EUROPE },
	// EMEA: Europe, the Middle East (M49 Western Asia) and Africa.
	{ code: 'EMEA', name: 'EMEA', countries: unique([...EUROPE, ...WESTERN_ASIA, ...MIDDLE_EAST, ...NORTHERN_AFRICA, ...SUB_SAHARAN_AFRICA]) },
	{ code: 'MIDDLE_EAST', name: 'Middle East', countries: MIDDLE_EAST },
	// MENA: the Middle East and M49 Northern Africa.
	{ code: 'MENA', name: 'MENA', countries: unique([...MIDDLE_EAST, ...NORTHERN_AFRICA]) },
	// The Gulf Cooperation Council's six member states.
	{ code: 'GCC', name: 'GCC', countries: words('AE BH KW OM QA SA') },
	{ code: 'AFRICA', name: 'Africa', countries: [...NORTHERN_AFRICA, ...SUB_SAHARAN_AFRICA] },
	{ code: 'ASIA', name: 'Asia', countries: ASIA },
	// APAC: M49 Asia without Western Asia, and Oceania.
	{ code: 'APAC', name: 'APAC', countries: [...CENTRAL_ASIA, ...EASTERN_ASIA, ...SOUTH_EASTERN_ASIA, ...SOUTHERN_ASIA, ...OCEANIA] },
	{ code: 'SOUTHEAST_ASIA', name: 'Southeast Asia', countries: SOUTH_EASTERN_ASIA },
	{ code: 'OCEANIA', name: 'Oceania', countries: OCEANIA },
	{ code: 'ANZ', name: 'Australia and New Zealand', countries: ['AU', 'NZ'] },
	// North America as hiring uses it: the three USMCA countries.
	{ code: 'NORTH_AMERICA', name: 'North America', countries: ['US', 'CA', 'MX'] },
	// M49's Northern America, as Remotive's board writes it ("Northern America, Europe, South Africa"): no Mexico.
	{ code: 'NORTHERN_AMERICA', name: 'Northern America', countries: NORTHERN_AMERICA },
	{ code: 'LATAM', name: 'Latin America', countries: LATIN_AMERICA },
	{ code: 'SOUTH_AMERICA', name: 'South America', countries: SOUTH_AMERICA },
	{ code: 'AMERICAS', name: 'Americas', countries: [...NORTHERN_AMERICA, ...LATIN_AMERICA] },
	// The Nordic Council's five states.
	{ code: 'NORDICS', name: 'Nordics', countries: words('DK FI IS NO SE') },
	{ code: 'DACH', name: 'DACH', countries: words('DE AT CH') },
	{ code: 'BENELUX', name: 'Benelux', countries: words('BE NL LU') },
	// Central and Eastern Europe as the OECD lists it (its glossary, "Central and Eastern European Countries").
	{ code: 'CEE', name: 'Central and Eastern Europe', countries: words('AL BG HR CZ HU PL RO SK SI EE LV LT') },
	{ code: 'EASTERN_EUROPE', name: 'Eastern Europe', countries: EASTERN_EUROPE },
	// M49's other sub-regions of Europe, Africa and Asia, as postings name them ("Remote - West Africa").
	{ code: 'NORTHERN_EUROPE', name: 'Northern Europe', countries: NORTHERN_EUROPE },
	{ code: 'SOUTHERN_EUROPE', name: 'Southern Europe', countries: SOUTHERN_EUROPE },
	{ code: 'WESTERN_EUROPE', name: 'Western Europe', countries: WESTERN_EUROPE },
	{ code: 'NORTHERN_AFRICA', name: 'North Africa', countries: NORTHERN_AFRICA },
	{ code: 'EASTERN_AFRICA', name: 'East Africa', countries: EASTERN_AFRICA },
	{ code: 'MIDDLE_AFRICA', name: 'Central Africa', countries: MIDDLE_AFRICA },
	{ code: 'SOUTHERN_AFRICA', name: 'Southern Africa', countries: SOUTHERN_AFRICA },
	{ code: 'WESTERN_AFRICA', name: 'West Africa', countries: WESTERN_AFRICA },
	{ code: 'SUB_SAHARAN_AFRICA', name: 'Sub-Saharan Africa', countries: SUB_SAHARAN_AFRICA },
	{ code: 'EASTERN_ASIA', name: 'East Asia', countries: EASTERN_ASIA },
	{ code: 'SOUTHERN_ASIA', name: 'South Asia', countries: SOUTHERN_ASIA },
	{ code: 'CENTRAL_ASIA', name: 'Central Asia', countries: CENTRAL_ASIA },
	{ code: 'UK_IRELAND', name: 'UK and Ireland', countries: ['GB', 'IE'] },
];

/** Names postings use for each area, beyond its code and name. */
const NAMES: Record<string, string[]> = {
	WORLDWIDE: ['anywhere', 'anywhere in the world', 'around the world', 'global', 'globally', 'international', 'everywhere', 'world', 'any location', 'all locations', 'any country', 'weltweit', 'monde', 'mundial'],
	EU: ['european union', 'eu', 'union européenne'],
	EEA: ['european economic area'],
	EUROPE: ['europe', 'european', 'europa', 'continental europe', 'eu region'],
	EMEA: ['europe middle east and africa', 'europe middle east africa'],
	MENA: ['middle east and north africa'],
	GCC: ['gulf', 'gulf region'],
	ASIA: ['asia'],
	APAC: ['asia pacific', 'asiapac', 'apj', 'apj region', 'asia pacific and japan'],
	SOUTHEAST_ASIA: ['south east asia', 'sea region'],
	ANZ: ['anz', 'australia new zealand'],
	// Not "US and Canada": that is two countries, and North America has Mexico too.
	// "NA" beside other sales regions ("Remote - NA, APAC, EMEA") and after a city ("Boston, NA"); Namibia's code reads
	// as the country only where the place beside it is Namibian ("Windhoek, NA"). Alone it is no place (resolve.ts).
	NORTH_AMERICA: ['north america', 'noram', 'namer', 'nam', 'n america', 'na'],
	LATAM: ['latam', 'latin america', 'latin america and the caribbean', 'america latina', 'latinoamerica', 'latam region'],
	SOUTH_AMERICA: ['south america', 'sudamerica'],
	AMERICAS: ['americas', 'the americas', 'north and south america', 'north south america', 'amer', 'amers'],
	NORDICS: ['nordics', 'nordic', 'nordic countries', 'nordic region', 'scandinavia'],
	UK_IRELAND: ['uk and ireland', 'uk ireland', 'uki', 'uk i', 'british isles'],
	NORTHERN_AFRICA: ['northern africa'],
	EASTERN_AFRICA: ['eastern africa'],
	MIDDLE_AFRICA: ['middle africa'],
	WESTERN_AFRICA: ['western africa'],
	SUB_SAHARAN_AFRICA: ['subsaharan africa'],
	EASTERN_ASIA: ['eastern asia'],
	SOUTHERN_ASIA: ['southern asia'],
	CEE: ['central eastern europe', 'central and eastern europe', 'central europe and eastern europe'],
};

const byKey = new Map<string, AreaEntry>();
for (const area of AREAS) {
	for (const name of [area.code, area.name, ...(NAMES[area.code] ?? [])]) byKey.set(placeKey(name.replace(/_/g, ' ')), area);
}

function unique(list: string[]): string[] {
	return [...new Set(list)];
}

/**
 * The area a name or code stands for.
 *
 * @example
 * findArea('Asia-Pacific')?.code // 'APAC'
 * findArea('Global')?.code // 'WORLDWIDE'
 */
export function findArea(text: string): AreaEntry | undefined {
	const key = placeKey(text);
	return byKey.get(key) ?? byKey.get(key.replace(/^the /, '').replace(/ region$/, ''));
}

const byCode = new Map(AREAS.map((area) => [area.code, area]));

/** The area a code stands for ("EMEA", "north_america"), if any. */
export function areaByCode(code: string): AreaEntry | undefined {
	return byCode.get(code.toUpperCase());
}

/** Whether two places, given by their countries, share one; an empty list (Worldwide) is everywhere. */
export function countriesOverlap(one: readonly string[], other: readonly string[]): boolean {
	if (one.length === 0 || other.length === 0) return true;
	return one.some((country) => other.includes(country));
}

/** Every area, for documentation and tests. */
export const areas: readonly AreaEntry[] = AREAS;
