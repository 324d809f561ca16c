/**
 * What a place phrase says beside its places: the contract, travel and
 * "nationwide" ({@link NOTES}), time zones ("Remote - Canada (EST)"), where the
 * role is not ("US (excluding CA, NY)"), and "N/A" where a form had no place.
 * Each is taken out before the places are read, so "EST" is not Estonia and
 * the places excluded are not the role's.
 */
import { squash } from '../text.ts';
import { EDGE_AFTER, EDGE_BEFORE, OFFICE_DAYS } from './workplace-words.ts';

/**
 * What a location line says beside its places, naming none: the contract
 * ("Remote / Full-time", "Berlin, Permanent"), travel ("Remote with occasional
 * travel"), the hours kept ("EMEA time zones" is EMEA), a city's wider area
 * ("Greater Seattle Area"). A number of office days a week ("Munich office
 * (2 days/week)") says the role is hybrid.
 */
export const NOTES: Array<[RegExp, string]> = [
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
export const LETTER_ZONE = /^[ECMP]T$/;

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
export function withoutZones(phrase: string): { text: string; taken: string[] } | undefined {
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
export function tidied(text: string): string {
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
export function withoutExclusions(phrase: string): { text: string; taken: string[] } | undefined {
	return takenOut(phrase, EXCLUSION, (clause) => squash(clause).replace(/[\s,:;/–—-]+$/, ''));
}

/**
 * What an ATS or a form writes where no place was given: "N/A", "TBD", "None",
 * "Not applicable". No place, said whole ("N/A" was two places unknown, "N" and "A").
 */
export const NO_PLACE = /^\s*(?:n\s*\/\s*a|n\.a\.?|tb[acd]|none|null|not\s+(?:applicable|specified|available)|to\s+be\s+(?:determined|confirmed|announced))\s*$/i;
