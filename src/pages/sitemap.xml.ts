import type { APIRoute } from 'astro';
import { getCatalogue } from '../routing/catalogue.ts';
import { site } from '../config/site.ts';
import { renderSitemap, sitemapEntries } from '../publish/sitemap.ts';

/** `/sitemap.xml`: the home page, every open role, every listing and the listing's further pages, with their last-change days. */
export const GET: APIRoute = async () => {
	const { open, places, teams, routing } = await getCatalogue();
	const pages = routing.index.slice(1).map((page) => page.props.postings.map((posting) => posting.slug));
	return new Response(renderSitemap(sitemapEntries({ open, places, teams, pages }, site.siteUrl)), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' },
	});
};
