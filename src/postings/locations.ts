import type { Location, Workplace } from '../schemas/place.ts';
import type { GivenLocation } from '../schemas/front-matter.ts';
import { countryName, findCity, findCountry, findRegion, isCountryCode, regionName } from './places.ts';
import { slugify, squash } from './text.ts';

/** A location line found in a posting, e.g. "Available Locations: Austin, Texas | Lisbon, Portugal". */
const LOCATION_LINE = /^\s*(?:available\s+|job\s+|office\s+|work\s+)?locations?\s*:\s*(.+)$/i;

/** Result of reading one place phrase. */
export type ParsedPlace = { ok: true; location: Location } | { ok: false; reason: string };

/**
 * If a block of text is a location line, returns the list after the colon.
 *
 * @example
 * locationLine('Available Locations: Austin, Texas | Lisbon, Portugal') // 'Austin, Texas | Lisbon, Portugal'
 */
export function locationLine(text: string): string | undefined {
	const match = LOCATION_LINE.exec(squash(text));
	return match?.[1]?.trim() || undefined;
}

/**
 * Splits a location list on the separators ATS exports use: `|`, `;`, ` / ` and line breaks.
 * Commas are not separators: they join a city to its region or country.
 */
export function splitPlaces(list: string): string[] {
	return list
		.split(/\s*(?:\||;|\n|\s\/\s|•)\s*/)
		.map((part) => part.trim().replace(/[.;,]+$/, ''))
		.filter(Boolean);
}

/**
 * Parses one place phrase into a structured location.
 *
 * Understands "City, Region", "City, Country", "Country", "Remote",
 * "Remote Country", "Remote - Country", "Remote (Country)", "Country (Remote)"
 * and "City or Remote Country".
 *
 * @example
 * parsePlace('Lisbon or Remote Portugal')
 * // => { ok: true, location: { city: 'Lisbon', country: 'PT', remote: true, label: 'Lisbon or remote in Portugal', … } }
 */
export function parsePlace(phrase: string): ParsedPlace {
	const text = squash(phrase);
	let remote = false;
	let place = text;
	let remoteArea: string | undefined;

	// "Amsterdam or Remote Netherlands", "London / Remote UK"
	const cityOrRemote = /^(.+?)\s+(?:or|\/|&|and)\s+remote\b[\s,:(–-]*(.*?)\)?$/i.exec(text);
	const remoteFirst = /^remote\b[\s,:(–-]*(.*?)\)?$/i.exec(text);
	const remoteLast = /^(.+?)[\s,(–-]+remote\)?$/i.exec(text);
	if (cityOrRemote) {
		remote = true;
		place = cityOrRemote[1]!;
		remoteArea = cityOrRemote[2] || undefined;
	} else if (remoteFirst) {
		remote = true;
		place = remoteFirst[1] ?? '';
	} else if (remoteLast) {
		remote = true;
		place = remoteLast[1]!;
	}

	const parts = place
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
	let country = remoteArea ? findCountry(remoteArea) : undefined;
	if (remoteArea && !country) {
		const region = findRegion(remoteArea);
		if (region) country = region.country;
		else return { ok: false, reason: `could not tell the country of "${remoteArea}" in "${text}"` };
	}
	let region: string | undefined;
	let city: string | undefined;

	if (parts.length === 0) {
		if (!country) return { ok: false, reason: `"${text}" names no country; write it as "Remote (Country)"` };
	} else {
		// Read from the end: the last part is the widest (country, else region).
		const rest = [...parts];
		const last = rest[rest.length - 1]!;
		// "San Francisco, CA" and "Atlanta, Georgia": after a city, a US state wins over the country of the same name.
		const stateAfterCity = rest.length > 1 && !country ? findRegion(last, 'US') : undefined;
		const lastCountry = stateAfterCity ? undefined : findCountry(last);
		if (lastCountry) {
			country ??= lastCountry;
			rest.pop();
		}
		const maybeRegion = rest.length > 1 || (rest.length === 1 && !lastCountry && parts.length > 1) ? rest[rest.length - 1] : undefined;
		if (maybeRegion) {
			const found = findRegion(maybeRegion, country);
			if (found) {
				region = found.code;
				country ??= found.country;
				rest.pop();
			}
		}
		if (rest.length > 0) {
			city = rest.join(', ');
			const known = findCity(city);
			if (!country && known) {
				country = known.country;
				region ??= known.region;
			} else if (known && known.country === country) {
				region ??= known.region;
			}
			// A lone word that is a region ("Texas", "Remote - Ontario") is not a city.
			if (!country && rest.length === 1) {
				const onlyRegion = findRegion(city);
				if (onlyRegion) {
					country = onlyRegion.country;
					region = onlyRegion.code;
					city = undefined;
				}
			}
		}
		if (!country) {
			return { ok: false, reason: `could not tell the country of "${text}"; write it as "City, Country"` };
		}
	}
	return { ok: true, location: makeLocation({ city, region, country: country!, remote }) };
}

/** Structured parts of a place, before its names and id are filled in. */
export interface PlaceParts {
	city?: string | undefined;
	/** ISO 3166-2 subdivision code without the country prefix ("TX"). */
	region?: string | undefined;
	country: string;
	workplace?: Workplace | undefined;
	/** Same as `workplace: 'remote'`, for callers that only know that much. */
	remote?: boolean | undefined;
}

/** Builds a location with its kind, canonical id and display names from structured parts. */
export function makeLocation(parts: PlaceParts): Location {
	const country = parts.country.toUpperCase();
	const name = countryName(country);
	const workplace: Workplace = parts.workplace ?? (parts.remote ? 'remote' : 'onsite');
	const regionLabel = parts.region ? regionName(country, parts.region) ?? parts.region : undefined;
	// US, Canadian and Australian cities read best with their state ("Austin, Texas"); elsewhere with the country.
	const cityLabel = parts.city
		? regionLabel && (country === 'US' || country === 'CA' || country === 'AU')
			? `${parts.city}, ${regionLabel}`
			: `${parts.city}, ${name}`
		: undefined;
	const regionPlace = regionLabel ? `${regionLabel}, ${name}` : undefined;
	const place = cityLabel ?? regionPlace ?? name;
	const label =
		workplace === 'remote'
			? cityLabel
				? `${cityLabel} or remote`
				: `Remote, ${place}`
			: workplace === 'hybrid'
				? `${place} (hybrid)`
				: place;
	return {
		kind: parts.city ? 'city' : parts.region ? 'region' : 'country',
		id: slugify(place),
		name: parts.city ?? regionLabel ?? name,
		...(parts.city ? { city: parts.city } : {}),
		...(parts.region ? { region: parts.region } : {}),
		...(regionLabel ? { regionName: regionLabel } : {}),
		country,
		countryName: name,
		countries: [country],
		workplace,
		remote: workplace === 'remote',
		label,
		...(cityLabel ? { cityLabel } : {}),
	};
}

/** Resolves a front-matter location, which may be a phrase or already structured. */
export function resolveGivenLocation(given: GivenLocation): ParsedPlace {
	if (typeof given === 'string') return parsePlace(given);
	if (given.country === undefined) return { ok: false, reason: `areas such as "${given.area}" are not supported yet; give a country` };
	if (!isCountryCode(given.country)) return { ok: false, reason: `"${given.country}" is not an ISO 3166 country code` };
	return { ok: true, location: makeLocation({ ...given, country: given.country }) };
}
