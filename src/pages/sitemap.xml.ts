import type { APIRoute } from 'astro';
import { getSitemapParts } from '../routing/index.ts';
import { site } from '../config/site.ts';
import { renderSitemapFile } from '../publish/sitemap.ts';

/** `/sitemap.xml`: the home page, every open role, every listing and the listings' further pages, with their last-change days; a sitemap index past 50,000 URLs. */
export const GET: APIRoute = async () =>
	new Response(renderSitemapFile(await getSitemapParts(), site.siteUrl), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
