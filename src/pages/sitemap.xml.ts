import type { APIRoute } from 'astro';
import { getCatalogue } from '../routing/catalogue.ts';
import { site } from '../config/site.ts';
import { renderSitemap, sitemapEntries } from '../publish/sitemap.ts';

/** `/sitemap.xml`: the home page, every open role and every listing, with their last-change days. */
export const GET: APIRoute = async () => {
	const { open, places, teams } = await getCatalogue();
	return new Response(renderSitemap(sitemapEntries({ open, places, teams }, site.siteUrl)), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' },
	});
};
