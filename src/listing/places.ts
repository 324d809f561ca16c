import type { Location, Posting } from '../schemas/posting.ts';
import { countriesOverlap } from '../postings/places/areas.ts';
import { slugify } from '../postings/text.ts';
import { fill, type Labels } from '../i18n/labels.ts';
import { en } from '../i18n/en.ts';

/** What a place listing is: a place of the model, Remote (every remote role), or a remote scope ("Remote, Germany"). */
export type PlaceNodeKind = 'remote' | 'area' | 'country' | 'region' | 'city' | 'remote-scope';

/** One listing of the place hierarchy, with its own pre-rendered page. */
export interface PlaceNode {
	/** The canonical id of the place (`Location.id`), also its URL segment: "lisbon-portugal", "portugal", "emea", "remote", "remote-germany". */
	slug: string;
	/** Display name: "Lisbon, Portugal", "Texas, United States", "EMEA", "Remote", "Remote, Germany". */
	label: string;
	kind: PlaceNodeKind;
	/** Countries the place covers (ISO codes): one for a city, region or country, the members of an area, none for Worldwide and Remote. */
	countries: string[];
	/** Slugs of the open postings listed on it, in catalogue order; their number is the count the filters show. */
	postings: string[];
	/** Slugs of the listings one level down: an area's countries, a country's regions and cities, Remote's scopes. */
	children: string[];
	/** Slug of the listing one level up, for the breadcrumb: a city's region or country, a region's country, a scope's Remote. */
	parent?: string;
	/** For a country or area: slug of its remote scope ("remote-portugal"), when any remote role can be done from there. */
	remote?: string;
}

/** The place listings of a catalogue, computed once for every page. */
export interface PlaceTree {
	/** Every listing: Remote, areas, countries, regions, cities, then the remote scopes; each group by label. */
	nodes: PlaceNode[];
	bySlug: ReadonlyMap<string, PlaceNode>;
	/** For each posting slug, the slugs of every listing it is on (the listing's client-side filter reads them). */
	keys: ReadonlyMap<string, string[]>;
	/** The slug of the listing of a place an open role names: its id, unless another kind of place has that id. */
	slugOf: (location: Location) => string;
}

/** Slug of the listing of every remote role. */
export const REMOTE = 'remote';

/** Slug of a country's listing: its canonical id, the slug of its English name ("united-kingdom"). */
export function countrySlug(location: Location): string | undefined {
	return location.countryName === undefined ? undefined : slugify(location.countryName);
}

/** Slug of the country listing of a place that has a country; an unnamed country falls back to its code. */
function countryOf(location: Location): string {
	return countrySlug(location) ?? location.country!.toLowerCase();
}

/** Slug of a remote scope's listing: "remote-germany", "remote-emea". */
export function remoteScopeSlug(placeSlug: string): string {
	return `${REMOTE}-${placeSlug}`;
}

/**
 * The name of the place a location is in, without its workplace: what a role
 * card and a listing show. "Austin, Texas", "Texas, United States", "Portugal", "EMEA".
 */
export function placeLabel(location: Location): string {
	if (location.cityLabel) return location.cityLabel;
	if (location.kind === 'region' && location.regionName && location.countryName) return `${location.regionName}, ${location.countryName}`;
	return location.countryName ?? location.name;
}

/**
 * A city named as its country ("Singapore, Singapore", "Hong Kong", "Luxembourg, Luxembourg"): listed as the country,
 * not again as a city of it. In a city-state the two are one place, and the filter showed "Singapore" and under it
 * "Singapore, Singapore" with the same roles.
 */
function namedAsCountry(location: Location): boolean {
	return location.kind === 'city' && location.city !== undefined && location.countryName !== undefined && slugify(location.city) === slugify(location.countryName);
}

const ORDER: PlaceNodeKind[] = ['remote', 'area', 'country', 'region', 'city', 'remote-scope'];

/** Is every country of a place one of an area's? Worldwide (no countries) contains nothing but itself (the roles naming it are listed already). */
function within(location: Location, area: PlaceNode): boolean {
	return area.countries.length > 0 && location.countries.length > 0 && location.countries.every((country) => area.countries.includes(country));
}

/** Can a remote location be done from somewhere among these countries? An empty list (Worldwide) is everywhere. */
function overlaps(location: Location, countries: readonly string[]): boolean {
	return countriesOverlap(location.countries, countries);
}

/**
 * The place hierarchy of the open postings: area → country → region → city,
 * and Remote → its scopes. Decisions (docs/decisions.md, "Place listings"):
 * - A country listing exists for every country a role is placed in; a city for
 *   every city. A region or an area gets a listing only when a role names it:
 *   "Texas" is not a filter because Austin is in it, but once it is one, it
 *   lists every role placed in it (Austin's too), as a candidate expects.
 * - A role is on the listing of each place it names and of every listed place
 *   that contains it: Lisbon is on Portugal's and, when some role names
 *   Europe, on Europe's. "Remote, Portugal" is on Portugal's too (as before).
 * - Remote scopes list the remote roles that can be done from somewhere in a
 *   listed country or area: "Remote, EMEA" counts for "Remote, Germany", and
 *   "Remote, Worldwide" for every scope. A scope exists for each listed
 *   country or area that any remote role covers.
 * Ids are the places' canonical ids, so the slugs of cities, countries, areas
 * and Remote are those the listings always had.
 */
export function buildPlaceTree(postings: readonly Posting[], labels: Pick<Labels, 'remote' | 'remoteScope'> = en): PlaceTree {
	const nodes = new Map<string, PlaceNode>();
	/** A location of each named city and region: where it lies. */
	const placeOf = new Map<string, Location>();
	const keys = new Map<string, string[]>(postings.map((posting) => [posting.slug, []]));
	// A set beside the lists: Remote or a large country holds thousands of roles, and `includes` would make this quadratic.
	const listed = new Set<string>();
	const list = (place: PlaceNode, posting: string) => {
		const key = `${place.slug}\n${posting}`;
		if (listed.has(key)) return;
		listed.add(key);
		place.postings.push(posting);
		keys.get(posting)!.push(place.slug);
	};
	const node = (slug: string, make: () => Omit<PlaceNode, 'slug' | 'postings' | 'children'>): PlaceNode => {
		const found = nodes.get(slug);
		if (found) return found;
		const made: PlaceNode = { slug, ...make(), postings: [], children: [] };
		nodes.set(slug, made);
		return made;
	};
	// One slug per listing. "Madrid, Spain" is a city and a region with one id: the kinds whose URLs
	// the site always had keep it (countries, then cities, then areas) and the other becomes "madrid-spain-region".
	const owner = new Map<string, Location['kind']>();
	for (const kind of ['country', 'city', 'area', 'region'] as const) {
		for (const posting of postings) {
			for (const location of posting.locations) {
				const id = kind === 'country' ? (location.kind === 'area' ? undefined : countryOf(location)) : location.kind === kind ? location.id : undefined;
				if (id !== undefined && !owner.has(id)) owner.set(id, kind);
			}
		}
	}
	const slugOf = (location: Location) => (owner.get(location.id) === location.kind ? location.id : `${location.id}-${location.kind}`);
	const regionKey = (location: Location) => `${location.country}:${location.region}`;

	// 1. The places roles name, and the countries they lie in.
	for (const posting of postings) {
		for (const location of posting.locations) {
			if (location.kind === 'area') {
				list(node(slugOf(location), () => ({ label: location.name, kind: 'area', countries: [...location.countries] })), posting.slug);
				continue;
			}
			list(node(countryOf(location), () => ({ label: location.countryName ?? location.country!, kind: 'country', countries: [location.country!] })), posting.slug);
			if (location.kind === 'country' || namedAsCountry(location)) continue;
			const slug = slugOf(location);
			if (!placeOf.has(slug)) placeOf.set(slug, location);
			list(node(slug, () => ({ label: placeLabel(location), kind: location.kind, countries: [location.country!] })), posting.slug);
		}
	}
	const named = [...nodes.values()];
	const areas = named.filter((place) => place.kind === 'area');
	const countries = named.filter((place) => place.kind === 'country');
	const regions = new Map(named.filter((place) => place.kind === 'region').map((place) => [regionKey(placeOf.get(place.slug)!), place]));

	// 2. What contains what: areas their countries (and every role within), countries their regions and cities, regions their cities.
	for (const posting of postings) {
		for (const location of posting.locations) {
			for (const area of areas) if (within(location, area)) list(area, posting.slug);
			const region = location.kind === 'city' ? regions.get(regionKey(location)) : undefined;
			if (region) list(region, posting.slug);
		}
	}
	for (const [slug, location] of placeOf) {
		const place = nodes.get(slug)!;
		const parent = (place.kind === 'city' ? regions.get(regionKey(location)) : undefined) ?? nodes.get(countryOf(location))!;
		place.parent = parent.slug;
		parent.children.push(slug);
	}
	for (const area of areas) area.children = countries.filter((country) => area.countries.includes(country.countries[0]!)).map((country) => country.slug);

	// 3. Remote, and the scopes remote roles can be done from: areas first, then countries.
	const remoteRoles = postings.flatMap((posting) => posting.locations.filter((location) => location.remote).map((location) => ({ posting, location })));
	const scopeRank = new Map<string, number>();
	if (remoteRoles.length > 0) {
		const remote = node(REMOTE, () => ({ label: labels.remote, kind: 'remote', countries: [] }));
		for (const { posting } of remoteRoles) list(remote, posting.slug);
		for (const place of [...areas, ...countries]) {
			// Worldwide's scope is the roles remote from anywhere: every remote role overlaps the world, and "Remote,
			// Worldwide" listed Carvana's nine US-only remote roles beside its three from anywhere, as Remote itself does.
			const covered = remoteRoles.filter(({ location }) => (place.countries.length === 0 ? location.countries.length === 0 : overlaps(location, place.countries)));
			if (covered.length === 0) continue;
			const scope = node(remoteScopeSlug(place.slug), () => ({ label: fill(labels.remoteScope, { place: place.label }), kind: 'remote-scope', countries: [...place.countries], parent: REMOTE }));
			scopeRank.set(scope.slug, ORDER.indexOf(place.kind));
			for (const { posting } of covered) list(scope, posting.slug);
			place.remote = scope.slug;
			remote.children.push(scope.slug);
		}
	}

	const sorted = [...nodes.values()].sort(
		(a, b) =>
			ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) ||
			(scopeRank.get(a.slug) ?? 0) - (scopeRank.get(b.slug) ?? 0) ||
			a.label.localeCompare(b.label, 'en'),
	);
	const rank = new Map(sorted.map((place, index) => [place.slug, index]));
	const inOrder = (slugs: string[]) => slugs.sort((a, b) => rank.get(a)! - rank.get(b)!);
	const postingRank = new Map(postings.map((posting, index) => [posting.slug, index]));
	for (const place of sorted) {
		inOrder(place.children);
		place.postings.sort((a, b) => postingRank.get(a)! - postingRank.get(b)!);
	}
	for (const slugs of keys.values()) inOrder(slugs);
	return {
		nodes: sorted,
		bySlug: new Map(sorted.map((place) => [place.slug, place])),
		keys,
		slugOf: (location) => (location.kind === 'country' || namedAsCountry(location) ? countryOf(location) : slugOf(location)),
	};
}
