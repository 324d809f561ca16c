/**
 * Where every page gets its data: the paths of role, place and team pages and
 * their feeds, and what each lists, computed once per build from the
 * catalogue. Page files call `getRouting()` in `getStaticPaths` and only render.
 */
import { getCatalogue } from './catalogue.ts';
import type { Routing } from './routes.ts';

export type { IndexPage, ListingLink, ListingPage, RolePage, Route, Routing } from './routes.ts';

/** The routing of this build (shared by every page: it is computed with the catalogue, once). */
export async function getRouting(): Promise<Routing> {
	return (await getCatalogue()).routing;
}

// Each returns a new array: Astro stores its lookup of a route's paths on the
// array `getStaticPaths` returns, so a page and its feed must not share one.

/** `getStaticPaths` of `/jobs/<slug>/`. */
export async function rolePaths(): Promise<Routing['roles']> {
	return [...(await getRouting()).roles];
}

/** `getStaticPaths` of `/locations/<place>/` and its feed. */
export async function placePaths(): Promise<Routing['places']> {
	return [...(await getRouting()).places];
}

/** `getStaticPaths` of `/teams/<team>/` and its feed. */
export async function teamPaths(): Promise<Routing['teams']> {
	return [...(await getRouting()).teams];
}

/** `getStaticPaths` of `/page/<n>/`: the home listing's pages after the first (which is `/`). */
export async function indexPaths(): Promise<Routing['index']> {
	return (await getRouting()).index.slice(1);
}
