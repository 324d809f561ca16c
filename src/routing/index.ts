/**
 * Where every page gets its data: the paths of role, place and team pages and
 * their feeds, and what each lists, computed once per build from the
 * catalogue. Page files call `getRouting()` in `getStaticPaths` and only render.
 */
import { getCatalogue } from './catalogue.ts';
import type { ListingPage, Routing } from './routes.ts';
import type { CacheKeys } from './cache-keys.ts';
import { indexPageKey, listingFeedKey, listingPageKey } from './page-keys.ts';
import type { Posting } from '../schemas/posting.ts';
import { suggestRoles } from '../listing/suggest.ts';
import { isExpired } from './visibility.ts';
import { mode } from '../config/build-mode.ts';
import { getFindingsByFile } from './review-findings.ts';
import { sitemapEntries, sitemapParts, type SitemapEntry } from '../publish/sitemap.ts';
import { site } from '../config/site.ts';

export type { IndexPage, ListingLink, ListingPage, PageGroup, Paging, RolePage, Route, Routing } from './routes.ts';

/** The roles on each further page of the place or team listings, by listing slug. */
function furtherPages(routes: ReadonlyArray<{ props: ListingPage }>): Map<string, string[][]> {
	const pages = new Map<string, string[][]>();
	for (const { props } of routes) {
		const slugs = props.groups.flatMap((group) => group.postings.map((posting) => posting.slug));
		pages.set(props.facet.slug, [...(pages.get(props.facet.slug) ?? []), slugs]);
	}
	return pages;
}

let sitemap: Promise<SitemapEntry[][]> | undefined;

/**
 * The sitemap's entries (the home page, every open role, every listing and
 * the listings' further pages), cut into files of at most 50,000 URLs:
 * computed once for `/sitemap.xml` and its parts.
 */
export function getSitemapParts(): Promise<SitemapEntry[][]> {
	sitemap ??= getCatalogue().then(({ open, places, teams, routing }) => {
		const pages = routing.index.slice(1).map((page) => page.props.postings.map((posting) => posting.slug));
		const placePages = furtherPages(routing.placePages);
		const teamPages = furtherPages(routing.teamPages);
		const listings = { places: places.map((node) => ({ ...node, pages: placePages.get(node.slug) })), teams: teams.map((node) => ({ ...node, pages: teamPages.get(node.slug) })) };
		return sitemapParts(sitemapEntries({ open, ...listings, pages }, site.siteUrl));
	});
	return sitemap;
}

/** The routing of this build (shared by every page: it is computed with the catalogue, once). */
export async function getRouting(): Promise<Routing> {
	return (await getCatalogue()).routing;
}

// Each returns a new array: Astro stores its lookup of a route's paths on the
// array `getStaticPaths` returns, so a page and its feed must not share one.
// Each path carries its cache key (src/routing/cache-keys.ts): with the same
// key and code as in the last build, Astro reuses the page instead of rendering it.

/** A route with its cache key. */
type Keyed<Item> = Item & { cacheKey: string };

const keyed = <Item extends object>(item: Item, cacheKey: string): Keyed<Item> => ({ ...item, cacheKey });

/** `getStaticPaths` of `/jobs/<slug>/`. */
export async function rolePaths(): Promise<Array<Keyed<Routing['roles'][number]>>> {
	const { routing, keys, company, open } = await getCatalogue();
	const blocksOf = (posting: Posting) => posting.company.flatMap((id) => company.get(id) ?? []);
	// A preview's role page shows the role's review findings.
	const findings = mode.preview ? await getFindingsByFile() : undefined;
	return routing.roles.map((route) => {
		const page = route.props;
		if (page.kind === 'open') return keyed(route, keys.role('open', page.posting, blocksOf(page.posting), findings && (findings.get(page.posting.file) ?? [])));
		if (page.kind === 'closed') {
			// The page says when applications closed once that day has passed, and suggests open roles nearby.
			const { posting } = page;
			const data = [blocksOf(posting).map((block) => block.id), isExpired(posting, mode.builtAt)];
			return keyed(route, keys.listing('closed', data, [posting, ...suggestRoles(posting, open)]));
		}
		return keyed(route, keys.of(['moved', route.params.slug, page.to.slug, page.to.title]));
	});
}

/** The routes of the listings of places and teams, first pages and further ones. */
type ListingRoutes = 'places' | 'teams' | 'placePages' | 'teamPages';

/** A listing route's cache key (src/routing/page-keys.ts). */
type ListingKey = (keys: CacheKeys, routing: Routing, page: ListingPage) => string;

/** The key of a listing's page (`kind` names the route), and of its feed. */
const pageKey = (kind: string): ListingKey => (keys, routing, page) => listingPageKey(keys, routing.filters, kind, page);
const feedKey = (kind: string): ListingKey => (keys, _routing, page) => listingFeedKey(keys, kind, page);

/** One kind of listing's routes, each with its key. */
async function keyedListings<Name extends ListingRoutes>(name: Name, key: ListingKey): Promise<Array<Keyed<Routing[Name][number]>>> {
	const { routing, keys } = await getCatalogue();
	const routes: ReadonlyArray<Routing[Name][number]> = routing[name];
	return routes.map((route) => keyed(route, key(keys, routing, route.props)));
}

/** `getStaticPaths` of `/locations/<place>/`. */
export const placePaths = () => keyedListings('places', pageKey('place'));

/** `getStaticPaths` of `/locations/<place>/feed.xml`. */
export const placeFeedPaths = () => keyedListings('places', feedKey('place'));

/** `getStaticPaths` of `/teams/<team>/`. */
export const teamPaths = () => keyedListings('teams', pageKey('team'));

/** `getStaticPaths` of `/teams/<team>/feed.xml`. */
export const teamFeedPaths = () => keyedListings('teams', feedKey('team'));

/** `getStaticPaths` of `/locations/<place>/page/<n>/`: the further pages of the place listings longer than a page. */
export const placePagePaths = () => keyedListings('placePages', pageKey('place-page'));

/** `getStaticPaths` of `/teams/<team>/page/<n>/`: the further pages of the team listings longer than a page. */
export const teamPagePaths = () => keyedListings('teamPages', pageKey('team-page'));

/** `getStaticPaths` of `/page/<n>/`: the home listing's pages after the first (which is `/`, rendered every build). */
export async function indexPaths(): Promise<Array<Keyed<Routing['index'][number]>>> {
	const { routing, keys } = await getCatalogue();
	const today = mode.builtAt.slice(0, 10);
	return routing.index.slice(1).map((route) => keyed(route, indexPageKey(keys, routing.filters, today, route.props)));
}
