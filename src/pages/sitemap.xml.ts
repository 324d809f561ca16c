import type { APIRoute } from 'astro';
import { getCatalogue } from '../routing/catalogue.ts';
import { site } from '../config/site.ts';
import { renderSitemap, sitemapEntries } from '../publish/sitemap.ts';
import type { ListingPage } from '../routing/index.ts';

/** The roles on each further page of the place or team listings, by listing slug. */
function furtherPages(routes: ReadonlyArray<{ props: ListingPage }>): Map<string, string[][]> {
	const pages = new Map<string, string[][]>();
	for (const { props } of routes) {
		const slugs = props.groups.flatMap((group) => group.postings.map((posting) => posting.slug));
		pages.set(props.facet.slug, [...(pages.get(props.facet.slug) ?? []), slugs]);
	}
	return pages;
}

/** `/sitemap.xml`: the home page, every open role, every listing and the listings' further pages, with their last-change days. */
export const GET: APIRoute = async () => {
	const { open, places, teams, routing } = await getCatalogue();
	const pages = routing.index.slice(1).map((page) => page.props.postings.map((posting) => posting.slug));
	const placePages = furtherPages(routing.placePages);
	const teamPages = furtherPages(routing.teamPages);
	const listings = { places: places.map((node) => ({ ...node, pages: placePages.get(node.slug) })), teams: teams.map((node) => ({ ...node, pages: teamPages.get(node.slug) })) };
	return new Response(renderSitemap(sitemapEntries({ open, ...listings, pages }, site.siteUrl)), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' },
	});
};
