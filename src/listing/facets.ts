import type { Location, Posting } from '../schemas/posting.ts';
import { slugify } from '../postings/text.ts';

/** A value of a listing filter, with its own pre-rendered page. */
export interface Facet {
	/** URL segment, e.g. "lisbon-portugal", "portugal", "remote". */
	slug: string;
	/** Display name, e.g. "Lisbon, Portugal". */
	label: string;
	kind: 'city' | 'country' | 'area' | 'remote' | 'team' | 'department';
	/** Slugs of the open postings it matches. */
	postings: string[];
}

/** Slug of the place facet every remote role belongs to. */
export const REMOTE = 'remote';

/** Slug of the most precise listing a location belongs to: the place's canonical id (its city, country or area). */
export function placeSlug(location: Location): string {
	return location.id;
}

/** Slug of a location's country listing, when it has a country (an area has none). */
export function countrySlug(location: Location): string | undefined {
	return location.countryName === undefined ? undefined : slugify(location.countryName);
}

/** Place facet slugs a posting matches: its cities, its countries and, if any location is remote, Remote. */
export function placeKeys(posting: Posting): string[] {
	const keys = new Set<string>();
	for (const location of posting.locations) {
		if (location.kind !== 'region') keys.add(placeSlug(location));
		const country = countrySlug(location);
		if (country) keys.add(country);
		if (location.remote) keys.add(REMOTE);
	}
	return [...keys];
}

/** Team facet slugs a posting matches: its team and its department. */
export function teamKeys(posting: Posting): string[] {
	return [...new Set([posting.teamSlug, posting.departmentSlug].filter((key): key is string => Boolean(key)))];
}

function add(map: Map<string, Facet>, slug: string, label: string, kind: Facet['kind'], posting: string): void {
	const facet = map.get(slug);
	if (facet) {
		if (!facet.postings.includes(posting)) facet.postings.push(posting);
	} else {
		map.set(slug, { slug, label, kind, postings: [posting] });
	}
}

const byLabel = (a: Facet, b: Facet) => a.label.localeCompare(b.label, 'en');

/**
 * The location and team filters of the listing, computed once for all pages.
 * Remote comes first, then countries, then cities; teams before departments.
 */
export function buildFacets(postings: readonly Posting[]): { places: Facet[]; teams: Facet[] } {
	const places = new Map<string, Facet>();
	const teams = new Map<string, Facet>();
	for (const posting of postings) {
		for (const location of posting.locations) {
			if (location.remote) add(places, REMOTE, 'Remote', 'remote', posting.slug);
			const country = countrySlug(location);
			if (country && location.countryName) add(places, country, location.countryName, 'country', posting.slug);
			if (location.cityLabel) add(places, placeSlug(location), location.cityLabel, 'city', posting.slug);
			if (location.kind === 'area') add(places, placeSlug(location), location.name, 'area', posting.slug);
		}
		if (posting.team && posting.teamSlug) add(teams, posting.teamSlug, posting.team, 'team', posting.slug);
		// A department named like a team shares its facet, as it shares the filter key (teamKeys).
		if (posting.department && posting.departmentSlug) add(teams, posting.departmentSlug, posting.department, 'department', posting.slug);
	}
	const order: Facet['kind'][] = ['remote', 'area', 'country', 'city', 'team', 'department'];
	const sort = (facets: Facet[]) => facets.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || byLabel(a, b));
	return { places: sort([...places.values()]), teams: sort([...teams.values()]) };
}

/** A heading and the postings under it on the listing. */
export interface Group {
	slug: string;
	label: string;
	postings: Posting[];
}

/** Label of the group for postings that name neither team nor department. */
export const UNGROUPED = 'Other roles';

/**
 * Groups postings for the listing by team, else department; roles with
 * neither come last under "Other roles". Groups and roles are sorted by name.
 */
export function groupPostings(postings: readonly Posting[]): Group[] {
	const groups = new Map<string, Group>();
	for (const posting of postings) {
		const label = posting.team ?? posting.department ?? UNGROUPED;
		const slug = slugify(label);
		const group = groups.get(slug) ?? { slug, label, postings: [] };
		group.postings.push(posting);
		groups.set(slug, group);
	}
	return [...groups.values()]
		.map((group) => ({ ...group, postings: group.postings.sort((a, b) => a.title.localeCompare(b.title, 'en')) }))
		.sort((a, b) => Number(a.label === UNGROUPED) - Number(b.label === UNGROUPED) || a.label.localeCompare(b.label, 'en'));
}
