import type { Posting } from '../schemas/posting.ts';
import { groupPostings, type Facet, type Group } from '../listing/facets.ts';
import { buildPlaceTree, type PlaceNode, type PlaceTree } from '../listing/places.ts';
import { buildTeamTree, type TeamNode } from '../listing/teams.ts';
import { newestFirst } from '../listing/posted.ts';
import { homePath, listingPagePath, placePath, teamPath } from '../publish/urls.ts';

/** Roles on each page of the home listing: the first page of `/` stays small whatever the number of roles. */
export const PAGE_SIZE = 50;

/** What the routes are computed from: the catalogue's roles (src/routing/catalogue.ts). */
export interface RoutingInput {
	/** Live roles, sorted by title: the only roles listed. */
	open: readonly Posting[];
	/** Closed roles: their pages stay up, saying so. */
	closed: readonly Posting[];
	/** Former slugs and the roles they lead to. */
	moves: ReadonlyArray<{ from: string; to: Posting }>;
	/** The company's name, for the pages' descriptions. */
	companyName: string;
}

/** What a role URL shows: an open role, a closed one, or a move to the role's new URL. */
export type RolePage = { kind: 'open'; posting: Posting } | { kind: 'closed'; posting: Posting } | { kind: 'moved'; to: Posting };

/** A link to another listing, with the number of roles on it. */
export interface ListingLink {
	slug: string;
	label: string;
	href: string;
	count: number;
	/** The listings under it, shown nested: a region's cities on its country's page. */
	children: ListingLink[];
}

/** Everything a place or team page shows, so the page only renders. */
// A type, not an interface: Astro wants page props indexable by string.
export type ListingPage = {
	/** The listing: a node of the place or team hierarchy. */
	facet: Facet;
	/** Its open roles, by title, and grouped by team as the listing shows them. */
	postings: Posting[];
	groups: Group[];
	/** The page's `h1` and title, e.g. "Roles in Portugal", "Remote roles", "Remote roles from Germany", "Workers Runtime roles". */
	heading: string;
	/** Meta description, e.g. "2 open roles at Cloudflare in Portugal.". */
	description: string;
	/** The listings above it, widest first (the page itself not included): "Remote" above "Remote, Germany", a country above its city. */
	breadcrumb: ListingLink[];
	/** The listings one level down, with a heading: a country's cities, an area's countries, Remote's scopes, a department's teams. */
	below?: { heading: string; links: ListingLink[] };
	/** For a country or area: the listing of the remote roles that can be done from there. */
	remote?: ListingLink;
};

/** One page of the home listing, `/` or `/page/<n>/`: roles newest first, for visitors without JavaScript and crawlers. */
export type IndexPage = {
	/** 1 for `/`. */
	number: number;
	/** How many pages the listing has. */
	pages: number;
	/** Its roles, newest first. */
	postings: Posting[];
	/** Position of its first role in the whole listing (0 on the first page). */
	offset: number;
	/** Every open role. */
	total: number;
	/** The pages before and after it, for `rel="prev"` and `rel="next"`. */
	prev?: string;
	next?: string;
	/** The pages its navigation links: the first, the last, and the two either side of it. */
	links: Array<{ number: number; href: string }>;
};

/** A route of `getStaticPaths`: the URL segment and what the page gets. */
export interface Route<Param extends string, Props> {
	params: Record<Param, string>;
	props: Props;
}

/** Every page's path and data, computed once from the catalogue. */
export interface Routing {
	/** `/jobs/<slug>/`: open roles, closed roles, and former slugs. */
	roles: Array<Route<'slug', RolePage>>;
	/** `/locations/<place>/` and its feed: every node of the place hierarchy. */
	places: Array<Route<'place', ListingPage>>;
	/** `/teams/<team>/` and its feed: every team and department. */
	teams: Array<Route<'team', ListingPage>>;
	/** The home listing's pages, newest first: `/` (the first) and `/page/<n>/`. */
	index: Array<Route<'page', IndexPage>>;
	/** The place and team hierarchies every listing comes from. */
	tree: { places: PlaceTree; teams: TeamNode[] };
	/**
	 * What the filters offer, as trees of links to the listings: Remote above
	 * its scopes, the areas, each country above its regions and cities; each
	 * department above its teams. Without JavaScript each is a link.
	 */
	filters: { places: ListingLink[]; teams: ListingLink[] };
}

const plural = (count: number) => `${count} open role${count === 1 ? '' : 's'}`;

function linkTo(node: Facet, href: (slug: string) => string, nested: (node: Facet) => Facet[] = () => []): ListingLink {
	return { slug: node.slug, label: node.label, href: href(node.slug), count: node.postings.length, children: nested(node).map((child) => linkTo(child, href, nested)) };
}

/** The ancestors of a node, widest first, following `parent`. */
function ancestors<Node extends Facet>(node: Node, bySlug: ReadonlyMap<string, Node>): Node[] {
	const chain: Node[] = [];
	for (let up = node.parent && bySlug.get(node.parent); up && !chain.includes(up); up = up.parent ? bySlug.get(up.parent) : undefined) chain.unshift(up);
	return chain;
}

/** What a place page's heading and description say. */
function placeWords(node: PlaceNode, scopeOf: ReadonlyMap<string, PlaceNode>): { heading: string; where: string } {
	if (node.kind === 'remote') return { heading: 'Remote roles', where: 'that can be done remotely' };
	const place = scopeOf.get(node.slug);
	if (place) return { heading: `Remote roles from ${place.label}`, where: `that can be done remotely from ${place.label}` };
	return { heading: `Roles in ${node.label}`, where: `in ${node.label}` };
}

/** The heading of the links one level below a place. */
function belowHeading(node: PlaceNode, children: readonly PlaceNode[]): string {
	if (node.kind === 'remote') return 'Remote roles by where they can be done from';
	if (node.kind === 'area') return `Countries in ${node.label}`;
	return children.every((child) => child.kind === 'city') ? `Cities in ${node.label}` : `Regions and cities in ${node.label}`;
}

/**
 * The location filter's tree: Remote with its scopes, then the areas, then
 * each country with its regions and cities. An area's countries are not
 * nested under it (a country can be in several areas: EMEA and Europe), so
 * every place appears once; an area's page lists its countries.
 */
function placeFilters(tree: PlaceTree): ListingLink[] {
	const link = (node: PlaceNode): ListingLink =>
		linkTo(node, placePath, (parent) => (parent.kind === 'area' ? [] : parent.children.map((slug) => tree.bySlug.get(slug)!)));
	return tree.nodes.filter((node) => node.kind === 'remote' || node.kind === 'area' || node.kind === 'country').map(link);
}

/** The team filter's tree: each department with the teams whose roles name only it, and the teams without one, by name. */
function teamFilters(nodes: readonly TeamNode[]): ListingLink[] {
	const teams = nodes.filter((node) => node.kind === 'team');
	const link = (node: TeamNode): ListingLink =>
		linkTo(node, teamPath, (parent) => (parent.kind === 'department' ? teams.filter((team) => team.parent === parent.slug) : []));
	return nodes
		.filter((node) => node.parent === undefined)
		.map(link)
		.sort((a, b) => a.label.localeCompare(b.label, 'en'));
}

/**
 * The paths and data of every role, place and team page, computed once from
 * the catalogue (as Starlight's `utils/routing` does), so each page file only
 * renders and no page filters the catalogue itself. Place and team listings
 * come from the hierarchies of src/listing/places.ts and teams.ts.
 */
export function buildRouting({ open, closed, moves, companyName }: RoutingInput): Routing {
	const bySlug = new Map(open.map((posting) => [posting.slug, posting]));
	const postingsOf = (node: Facet) => node.postings.map((slug) => bySlug.get(slug)!);
	const home: ListingLink = { slug: '', label: 'All open roles', href: homePath(), count: open.length, children: [] };

	const tree = buildPlaceTree(open);
	const scopeOf = new Map(tree.nodes.flatMap((node) => (node.remote ? [[node.remote, node] as const] : [])));
	const nodesOf = (slugs: readonly string[]) => slugs.map((slug) => tree.bySlug.get(slug)!);
	const placeLink = (node: PlaceNode) => linkTo(node, placePath, (parent) => (parent.kind === 'region' ? nodesOf(parent.children) : []));
	const places = tree.nodes.map((node): Route<'place', ListingPage> => {
		const postings = postingsOf(node);
		const children = nodesOf(node.children);
		const { heading, where } = placeWords(node, scopeOf);
		const remote = node.remote ? tree.bySlug.get(node.remote) : undefined;
		return {
			params: { place: node.slug },
			props: {
				facet: node,
				postings,
				groups: groupPostings(postings),
				heading,
				description: `${plural(postings.length)} at ${companyName} ${where}.`,
				breadcrumb: [home, ...ancestors(node, tree.bySlug).map((up) => linkTo(up, placePath))],
				...(children.length > 0 ? { below: { heading: belowHeading(node, children), links: children.map(placeLink) } } : {}),
				...(remote ? { remote: placeLink(remote) } : {}),
			},
		};
	});

	const teamNodes = buildTeamTree(open);
	const teamsBySlug = new Map(teamNodes.map((node) => [node.slug, node]));
	const teams = teamNodes.map((node): Route<'team', ListingPage> => {
		const postings = postingsOf(node);
		const children = node.children.map((slug) => teamsBySlug.get(slug)!);
		return {
			params: { team: node.slug },
			props: {
				facet: node,
				postings,
				groups: groupPostings(postings),
				heading: `${node.label} roles`,
				description: `${plural(postings.length)} in ${node.label} at ${companyName}.`,
				breadcrumb: [home, ...ancestors(node, teamsBySlug).map((up) => linkTo(up, teamPath))],
				...(children.length > 0 ? { below: { heading: `Teams in ${node.label}`, links: children.map((child) => linkTo(child, teamPath)) } } : {}),
			},
		};
	});

	const newest = newestFirst(open);
	const pageCount = Math.max(1, Math.ceil(newest.length / PAGE_SIZE));
	const index = Array.from({ length: pageCount }, (_, at): Route<'page', IndexPage> => {
		const number = at + 1;
		const near = [1, number - 2, number - 1, number, number + 1, number + 2, pageCount].filter((n, i, all) => n >= 1 && n <= pageCount && all.indexOf(n) === i);
		return {
			params: { page: String(number) },
			props: {
				number,
				pages: pageCount,
				postings: newest.slice(at * PAGE_SIZE, number * PAGE_SIZE),
				offset: at * PAGE_SIZE,
				total: newest.length,
				...(number > 1 ? { prev: listingPagePath(number - 1) } : {}),
				...(number < pageCount ? { next: listingPagePath(number + 1) } : {}),
				links: near.sort((a, b) => a - b).map((n) => ({ number: n, href: listingPagePath(n) })),
			},
		};
	});

	const roles: Array<Route<'slug', RolePage>> = [
		...open.map((posting) => ({ params: { slug: posting.slug }, props: { kind: 'open' as const, posting } })),
		...closed.map((posting) => ({ params: { slug: posting.slug }, props: { kind: 'closed' as const, posting } })),
		...moves.map((move) => ({ params: { slug: move.from }, props: { kind: 'moved' as const, to: move.to } })),
	];

	return {
		roles,
		places,
		teams,
		index,
		tree: { places: tree, teams: teamNodes },
		filters: { places: placeFilters(tree), teams: teamFilters(teamNodes) },
	};
}
