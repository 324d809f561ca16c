import type { Posting } from '../schemas/posting.ts';
import { groupPostings, type Facet, type Group } from '../listing/facets.ts';
import { buildPlaceTree, type PlaceNode, type PlaceTree } from '../listing/places.ts';
import { buildTeamTree, type TeamNode } from '../listing/teams.ts';
import { newestFirst } from '../listing/posted.ts';
import { homePath, listingPagePath, placePagePath, placePath, teamPagePath, teamPath } from '../publish/urls.ts';
import { counted, fill, type Counted, type Labels } from '../i18n/labels.ts';
import { en } from '../i18n/en.ts';

/**
 * Roles on each page of a listing (the home listing, a place's, a team's): the
 * first page stays small whatever the number of roles.
 */
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
	/** The site's words for headings and descriptions (src/i18n/); English unless given. */
	labels?: Labels;
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

/** Where a page of a listing is among its listing's pages, and the pages its navigation links. */
// Types, not interfaces: Astro wants page props indexable by string.
export type Paging = {
	/** 1 for the listing's first page, whose URL has no `/page/<n>/`. */
	number: number;
	/** How many pages the listing has. */
	pages: number;
	/** Position of the page's first role in the whole listing (0 on the first page). */
	offset: number;
	/** Roles on the page. */
	count: number;
	/** Roles on every page of the listing. */
	total: number;
	/** The pages before and after it, for `rel="prev"` and `rel="next"`. */
	prev?: string;
	next?: string;
	/** The pages its navigation links: the first, the last, and the two either side of it. */
	links: Array<{ number: number; href: string }>;
};

/** A team's heading and its roles on one page of a place or team listing. */
export type PageGroup = Group & {
	/** The group's roles on every page: what its heading counts. */
	total: number;
};

/** Everything a place or team page shows, so the page only renders. */
export type ListingPage = {
	/** The listing: a node of the place or team hierarchy. */
	facet: Facet;
	/** Its open roles, by title (the feed's and the sitemap's, whatever page this is). */
	postings: Posting[];
	/** This page's roles, grouped by team as the listing shows them: fifty of the roles in group order. */
	groups: PageGroup[];
	/** Which page of the listing this is: `/locations/<place>/` is the first, `/locations/<place>/page/2/` the second. */
	paging: Paging;
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
export type IndexPage = Paging & {
	/** Its roles, newest first. */
	postings: Posting[];
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
	/** `/locations/<place>/` and its feed: every node of the place hierarchy (the first page of its listing). */
	places: Array<Route<'place', ListingPage>>;
	/** `/locations/<place>/page/<n>/`: the further pages of the place listings longer than a page. */
	placePages: Array<Route<'place' | 'page', ListingPage>>;
	/** `/teams/<team>/` and its feed: every team and department (the first page of its listing). */
	teams: Array<Route<'team', ListingPage>>;
	/** `/teams/<team>/page/<n>/`: the further pages of the team listings longer than a page. */
	teamPages: Array<Route<'team' | 'page', ListingPage>>;
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

/** Page `number` (from 1) of a listing of `total` roles, whose pages are at `path(n)`. */
function pagingOf(number: number, total: number, path: (number: number) => string): Paging {
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const offset = (number - 1) * PAGE_SIZE;
	const near = [1, number - 2, number - 1, number, number + 1, number + 2, pages].filter((n, i, all) => n >= 1 && n <= pages && all.indexOf(n) === i);
	return {
		number,
		pages,
		offset,
		count: Math.max(0, Math.min(PAGE_SIZE, total - offset)),
		total,
		...(number > 1 ? { prev: path(number - 1) } : {}),
		...(number < pages ? { next: path(number + 1) } : {}),
		links: near.sort((a, b) => a - b).map((n) => ({ number: n, href: path(n) })),
	};
}

/**
 * The pages of a place or team listing: its roles grouped by team (groups by
 * name, roles by title), fifty a page in that order, each page's groups
 * counting their roles on every page. One page when fifty or fewer.
 */
function listingPages(props: Omit<ListingPage, 'groups' | 'paging'>, path: (number: number) => string): ListingPage[] {
	const groups = groupPostings(props.postings);
	const ordered = groups.flatMap((group) => group.postings.map((posting) => ({ posting, group })));
	const first = pagingOf(1, ordered.length, path);
	return Array.from({ length: first.pages }, (_, at) => {
		const paging = pagingOf(at + 1, ordered.length, path);
		const onPage: PageGroup[] = [];
		for (const { posting, group } of ordered.slice(paging.offset, paging.offset + PAGE_SIZE)) {
			const last = onPage.at(-1);
			if (last?.slug === group.slug) last.postings.push(posting);
			else onPage.push({ slug: group.slug, label: group.label, postings: [posting], total: group.postings.length });
		}
		return { ...props, groups: onPage, paging };
	});
}

function linkTo(node: Facet, href: (slug: string) => string, nested: (node: Facet) => Facet[] = () => []): ListingLink {
	return { slug: node.slug, label: node.label, href: href(node.slug), count: node.postings.length, children: nested(node).map((child) => linkTo(child, href, nested)) };
}

/** The ancestors of a node, widest first, following `parent`. */
function ancestors<Node extends Facet>(node: Node, bySlug: ReadonlyMap<string, Node>): Node[] {
	const chain: Node[] = [];
	for (let up = node.parent && bySlug.get(node.parent); up && !chain.includes(up); up = up.parent ? bySlug.get(up.parent) : undefined) chain.unshift(up);
	return chain;
}

/** What a place page's heading says, and which description its roles get. */
function placeWords(node: PlaceNode, scopeOf: ReadonlyMap<string, PlaceNode>, labels: Labels): { heading: string; description: Counted; place: string } {
	if (node.kind === 'remote') return { heading: labels.remoteRoles, description: labels.remoteDescription, place: node.label };
	const scope = scopeOf.get(node.slug);
	if (scope) return { heading: fill(labels.remoteRolesFrom, { place: scope.label }), description: labels.remoteFromDescription, place: scope.label };
	return { heading: fill(labels.rolesIn, { place: node.label }), description: labels.placeDescription, place: node.label };
}

/** The heading of the links one level below a place. */
function belowHeading(node: PlaceNode, children: readonly PlaceNode[], labels: Labels): string {
	if (node.kind === 'remote') return labels.remoteRolesBelow;
	if (node.kind === 'area') return fill(labels.countriesIn, { place: node.label });
	return fill(children.every((child) => child.kind === 'city') ? labels.citiesIn : labels.regionsAndCitiesIn, { place: node.label });
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
export function buildRouting({ open, closed, moves, companyName, labels = en }: RoutingInput): Routing {
	const bySlug = new Map(open.map((posting) => [posting.slug, posting]));
	const postingsOf = (node: Facet) => node.postings.map((slug) => bySlug.get(slug)!);
	const home: ListingLink = { slug: '', label: labels.allOpenRoles, href: homePath(), count: open.length, children: [] };

	const tree = buildPlaceTree(open, labels);
	const scopeOf = new Map(tree.nodes.flatMap((node) => (node.remote ? [[node.remote, node] as const] : [])));
	const nodesOf = (slugs: readonly string[]) => slugs.map((slug) => tree.bySlug.get(slug)!);
	const placeLink = (node: PlaceNode) => linkTo(node, placePath, (parent) => (parent.kind === 'region' ? nodesOf(parent.children) : []));
	const placeListings = tree.nodes.map((node): ListingPage[] => {
		const postings = postingsOf(node);
		const children = nodesOf(node.children);
		const { heading, description, place } = placeWords(node, scopeOf, labels);
		const remote = node.remote ? tree.bySlug.get(node.remote) : undefined;
		return listingPages(
			{
				facet: node,
				postings,
				heading,
				description: counted(description, postings.length, labels, { company: companyName, place }),
				breadcrumb: [home, ...ancestors(node, tree.bySlug).map((up) => linkTo(up, placePath))],
				...(children.length > 0 ? { below: { heading: belowHeading(node, children, labels), links: children.map(placeLink) } } : {}),
				...(remote ? { remote: placeLink(remote) } : {}),
			},
			(number) => placePagePath(node.slug, number),
		);
	});

	const teamNodes = buildTeamTree(open);
	const teamsBySlug = new Map(teamNodes.map((node) => [node.slug, node]));
	const teamListings = teamNodes.map((node): ListingPage[] => {
		const postings = postingsOf(node);
		const children = node.children.map((slug) => teamsBySlug.get(slug)!);
		return listingPages(
			{
				facet: node,
				postings,
				heading: fill(labels.teamRoles, { team: node.label }),
				description: counted(labels.teamDescription, postings.length, labels, { company: companyName, team: node.label }),
				breadcrumb: [home, ...ancestors(node, teamsBySlug).map((up) => linkTo(up, teamPath))],
				...(children.length > 0 ? { below: { heading: fill(labels.teamsIn, { team: node.label }), links: children.map((child) => linkTo(child, teamPath)) } } : {}),
			},
			(number) => teamPagePath(node.slug, number),
		);
	});

	const newest = newestFirst(open);
	const index = Array.from({ length: pagingOf(1, newest.length, listingPagePath).pages }, (_, at): Route<'page', IndexPage> => {
		const paging = pagingOf(at + 1, newest.length, listingPagePath);
		return { params: { page: String(paging.number) }, props: { ...paging, postings: newest.slice(paging.offset, paging.offset + PAGE_SIZE) } };
	});

	const roles: Array<Route<'slug', RolePage>> = [
		...open.map((posting) => ({ params: { slug: posting.slug }, props: { kind: 'open' as const, posting } })),
		...closed.map((posting) => ({ params: { slug: posting.slug }, props: { kind: 'closed' as const, posting } })),
		...moves.map((move) => ({ params: { slug: move.from }, props: { kind: 'moved' as const, to: move.to } })),
	];

	return {
		roles,
		places: placeListings.map((pages) => ({ params: { place: pages[0]!.facet.slug }, props: pages[0]! })),
		placePages: placeListings.flatMap((pages) => pages.slice(1).map((props) => ({ params: { place: props.facet.slug, page: String(props.paging.number) }, props }))),
		teams: teamListings.map((pages) => ({ params: { team: pages[0]!.facet.slug }, props: pages[0]! })),
		teamPages: teamListings.flatMap((pages) => pages.slice(1).map((props) => ({ params: { team: props.facet.slug, page: String(props.paging.number) }, props }))),
		index,
		tree: { places: tree, teams: teamNodes },
		filters: { places: placeFilters(tree), teams: teamFilters(teamNodes) },
	};
}
