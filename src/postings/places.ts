/**
 * Country and region look-ups for the rest of the pipeline, backed by the
 * gazetteer (src/postings/places/gazetteer.ts): current ISO codes only.
 */
import { findCities, findRegions, regionByCode, type RegionEntry } from './places/gazetteer.ts';

export { countryName, findCountry, isCountryCode, type RegionEntry } from './places/gazetteer.ts';

/**
 * A region by name or code, optionally within one country; the first match when several countries have one of that name.
 *
 * @example
 * findRegion('Texas') // { code: 'TX', name: 'Texas', country: 'US' }
 * findRegion('MH', 'IN') // { code: 'MH', name: 'Mahārāshtra', country: 'IN' }
 */
export function findRegion(text: string, country?: string): RegionEntry | undefined {
	return findRegions(text, country)[0];
}

/** Name of a region code within a country, e.g. `regionName('US', 'TX') === 'Texas'`. */
export function regionName(country: string, code: string): string | undefined {
	return regionByCode(country, code)?.name;
}

/** The most populous city of that name (or alias), with its country and region. */
export function findCity(text: string): { name: string; country: string; region?: string } | undefined {
	return findCities(text)[0];
}
