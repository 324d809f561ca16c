/**
 * Reads place phrases as postings and ATS fields write them ("Austin, TX",
 * "Remote (EMEA)", "Columbus; New York City, Santa Barbara; Remote") into
 * places of the world, each with its workplace, resolving ambiguous names with
 * the evidence at hand and saying how in `evidence`.
 *
 * This module splits a phrase into its places and decides between readings of
 * the whole phrase; the words around the places are read in their own
 * modules and taken out first: how the role is worked (./workplace-words.ts),
 * what is said beside the places (./said-beside.ts), and address forms
 * (./addresses.ts). ./readings.ts reads the comma parts that are left.
 */
import type { Location, Workplace } from '../../schemas/place.ts';
import { squash, truncate } from '../text.ts';
import { remembered } from '../../utils/remembered.ts';
import { findArea } from './areas.ts';
import { countryName, findCities, findCountry, findRegions, regionByCode } from './gazetteer.ts';
import { makePlace } from './make.ts';
import { asAddress, DEPARTMENT_AFTER, DEPARTMENT_BEFORE, DOTTED_CODE, POLISH_DIVISION, STREET } from './addresses.ts';
import { balanced, MAX_LISTED, partsOf, placeOf, readParts, shownAsWritten, STATES, withoutForeignDistricts, type Read } from './readings.ts';
import { LETTER_ZONE, NO_PLACE, NOTES, tidied, withoutExclusions, withoutZones } from './said-beside.ts';
import { stripWorkplace, withoutOfficeWords, workplaceAtEnd } from './workplace-words.ts';

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

/** Conjunctions that join two places in one phrase: "Remote in Canada or the US", "London & Paris", "US + Canada", "and/or". */
const JOINS = /\s+(?:and\s*\/\s*or|or|and|&|\+|oder|und|ou|et|y|o|og|och|of)\s+|\s*\/\s*/i;

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
		// A name read as no place, in the country the ATS gives and the other places are in: a town of that country.
		if (unread(result) && context.country && countries.elsewhere(context.country, index)) return resolvePhrase(phrases[index]!, { ...context, others: [context.country] });
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

/** A phrase read as nothing at all: no place, no workplace word. */
const unread = (result: PhraseResult) => result.places.length === 0 && result.placeless === undefined && result.unplaced.length > 0;

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
