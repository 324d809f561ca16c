/**
 * Where every page gets its data: the paths of role, place and team pages and
 * their feeds, and what each lists, computed once per build from the
 * catalogue. Page files call `getRouting()` in `getStaticPaths` and only render.
 */
import { getCatalogue } from './catalogue.ts';
import type { ListingPage, Routing } from './routes.ts';
import { digestOf, type CacheKeys } from './cache-keys.ts';
import type { Posting } from '../schemas/posting.ts';
import { suggestRoles } from '../listing/suggest.ts';
import { isExpired } from './visibility.ts';
import { mode } from '../config/build-mode.ts';

export type { IndexPage, ListingLink, ListingPage, PageGroup, Paging, RolePage, Route, Routing } from './routes.ts';

/** The routing of this build (shared by every page: it is computed with the catalogue, once). */
export async function getRouting(): Promise<Routing> {
	return (await getCatalogue()).routing;
}

// Each returns a new array: Astro stores its lookup of a route's paths on the
// array `getStaticPaths` returns, so a page and its feed must not share one.
// Each path carries its cache key (src/routing/cache-keys.ts): with the same
// key and code as in the last build, Astro reuses the page instead of rendering it.

/** A route with its cache key, when the build has one for it. */
type Keyed<Item> = Item & { cacheKey?: string };

const keyed = <Item extends object>(item: Item, cacheKey: string | undefined): Keyed<Item> => (cacheKey === undefined ? { ...item } : { ...item, cacheKey });

/** `getStaticPaths` of `/jobs/<slug>/`. */
export async function rolePaths(): Promise<Array<Keyed<Routing['roles'][number]>>> {
	const { routing, keys, company, open } = await getCatalogue();
	const blocksOf = (posting: Posting) => posting.company.flatMap((id) => company.get(id) ?? []);
	return routing.roles.map((route) => {
		const page = route.props;
		if (page.kind === 'open') return keyed(route, keys.role('open', page.posting, blocksOf(page.posting)));
		if (page.kind === 'closed') {
			// The page says when applications closed once that day has passed, and suggests open roles nearby.
			const { posting } = page;
			const data = [blocksOf(posting).map((block) => block.id), isExpired(posting, mode.builtAt)];
			return keyed(route, keys.listing('closed', data, [posting, ...suggestRoles(posting, open)]));
		}
		return keyed(route, keys.of(['moved', route.params.slug, page.to.slug, page.to.title]));
	});
}

/**
 * A listing's key: its roles, what it says around them, and the filters'
 * links every listing shows (their counts change with any role's place or
 * team, not with its text).
 */
function listingKey(keys: CacheKeys, routing: Routing, kind: string, page: ListingPage): string | undefined {
	// The groups are the roles again, grouped: the roles' digests stand for them. The facet and the
	// filters are the same objects on every page of a listing (and every listing): hashed once each.
	const { postings, groups: _groups, facet, ...rest } = page;
	return keys.listing(kind, [rest, digestOf(facet), digestOf(routing.filters)], postings);
}

/** The routes of the listings of places and teams, first pages and further ones. */
type ListingRoutes = 'places' | 'teams' | 'placePages' | 'teamPages';

/** One kind of listing's routes, each with its key: the four listing routes differ only in which list and key kind. */
async function keyedListings<Name extends ListingRoutes>(name: Name, kind: string): Promise<Array<Keyed<Routing[Name][number]>>> {
	const { routing, keys } = await getCatalogue();
	const routes: ReadonlyArray<Routing[Name][number]> = routing[name];
	return routes.map((route) => keyed(route, listingKey(keys, routing, kind, route.props)));
}

/** `getStaticPaths` of `/locations/<place>/` and its feed. */
export const placePaths = () => keyedListings('places', 'place');

/** `getStaticPaths` of `/teams/<team>/` and its feed. */
export const teamPaths = () => keyedListings('teams', 'team');

/** `getStaticPaths` of `/locations/<place>/page/<n>/`: the further pages of the place listings longer than a page. */
export const placePagePaths = () => keyedListings('placePages', 'place-page');

/** `getStaticPaths` of `/teams/<team>/page/<n>/`: the further pages of the team listings longer than a page. */
export const teamPagePaths = () => keyedListings('teamPages', 'team-page');

/** `getStaticPaths` of `/page/<n>/`: the home listing's pages after the first (which is `/`). */
export async function indexPaths(): Promise<Routing['index']> {
	return (await getRouting()).index.slice(1);
}
