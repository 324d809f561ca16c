/**
 * Where every page gets its data: the paths of role, place and team pages and
 * their feeds, and what each lists, computed once per build from the
 * catalogue. Page files call `getRouting()` in `getStaticPaths` and only render.
 */
import { getCatalogue } from './catalogue.ts';
import type { Routing } from './routes.ts';

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
	const { routing, keys, company } = await getCatalogue();
	return routing.roles.map((route) => {
		const page = route.props;
		if (page.kind === 'open') return keyed(route, keys.role('open', page.posting, page.posting.company.flatMap((id) => company.get(id) ?? [])));
		// A closed role's page suggests open roles from anywhere in the catalogue.
		if (page.kind === 'closed') return keyed(route, keys.catalogue());
		return keyed(route, keys.of(['moved', route.params.slug, page.to.slug, page.to.title]));
	});
}

/** `getStaticPaths` of `/locations/<place>/` and its feed. */
export async function placePaths(): Promise<Array<Keyed<Routing['places'][number]>>> {
	const { routing, keys } = await getCatalogue();
	return routing.places.map((route) => keyed(route, keys.catalogue()));
}

/** `getStaticPaths` of `/teams/<team>/` and its feed. */
export async function teamPaths(): Promise<Array<Keyed<Routing['teams'][number]>>> {
	const { routing, keys } = await getCatalogue();
	return routing.teams.map((route) => keyed(route, keys.catalogue()));
}

/** `getStaticPaths` of `/locations/<place>/page/<n>/`: the further pages of the place listings longer than a page. */
export async function placePagePaths(): Promise<Array<Keyed<Routing['placePages'][number]>>> {
	const { routing, keys } = await getCatalogue();
	return routing.placePages.map((route) => keyed(route, keys.catalogue()));
}

/** `getStaticPaths` of `/teams/<team>/page/<n>/`: the further pages of the team listings longer than a page. */
export async function teamPagePaths(): Promise<Array<Keyed<Routing['teamPages'][number]>>> {
	const { routing, keys } = await getCatalogue();
	return routing.teamPages.map((route) => keyed(route, keys.catalogue()));
}

/** `getStaticPaths` of `/page/<n>/`: the home listing's pages after the first (which is `/`). */
export async function indexPaths(): Promise<Routing['index']> {
	return (await getRouting()).index.slice(1);
}
