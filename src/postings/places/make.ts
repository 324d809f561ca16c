/** Builds a Location, its canonical id and display names, from resolved parts. */
import type { Location, Workplace } from '../../schemas/place.ts';
import { slugify } from '../text.ts';
import { areaByCode } from './areas.ts';
import { countryName, regionByCode } from './gazetteer.ts';

/** Structured parts of a place, before its names and id are filled in. */
export interface PlaceParts {
	city?: string | undefined;
	/** ISO 3166-2 subdivision code without the country prefix ("TX"). */
	region?: string | undefined;
	/** ISO 3166-1 alpha-2 code; absent for an area. */
	country?: string | undefined;
	/** Area code ("EMEA"), instead of a country. */
	area?: string | undefined;
	workplace?: Workplace | undefined;
	/** Same as `workplace: 'remote'`, for callers that only know that much. */
	remote?: boolean | undefined;
}

/** Countries whose cities read best with their state ("Austin, Texas"), their labels and ids carrying its name; elsewhere with the country. */
export const CITY_WITH_REGION: ReadonlySet<string> = new Set(['US', 'CA', 'AU']);

/**
 * A location with its kind, canonical id and labels. Ids stay what they were
 * before areas existed: `slugify(cityLabel)` for a city ("austin-texas"),
 * `slugify(countryName)` for a country ("portugal"), the region with its
 * country ("texas-united-states"), the area's name ("emea").
 */
export function makePlace(parts: PlaceParts): Location {
	const workplace: Workplace = parts.workplace ?? (parts.remote ? 'remote' : 'onsite');
	const remote = workplace === 'remote';
	if (!parts.country) {
		const code = (parts.area ?? 'WORLDWIDE').toUpperCase();
		const area = areaByCode(code);
		const name = area?.name ?? code;
		return {
			kind: 'area',
			id: slugify(name),
			name,
			area: code,
			countries: [...(area?.countries ?? [])],
			workplace,
			remote,
			label: withWorkplace(name, workplace),
		};
	}
	const country = parts.country.toUpperCase();
	const name = countryName(country);
	const regionLabel = parts.region ? (regionByCode(country, parts.region)?.name ?? parts.region) : undefined;
	const cityLabel = parts.city ? (regionLabel && CITY_WITH_REGION.has(country) ? `${parts.city}, ${regionLabel}` : `${parts.city}, ${name}`) : undefined;
	const place = cityLabel ?? (regionLabel ? `${regionLabel}, ${name}` : name);
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
		remote,
		label: cityLabel && remote ? `${cityLabel} or remote` : withWorkplace(place, workplace),
		...(cityLabel ? { cityLabel } : {}),
	};
}

function withWorkplace(place: string, workplace: Workplace): string {
	return workplace === 'remote' ? `Remote, ${place}` : workplace === 'hybrid' ? `${place} (hybrid)` : place;
}
