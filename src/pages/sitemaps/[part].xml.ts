import type { APIRoute, GetStaticPaths } from 'astro';
import { getSitemapParts } from '../../routing/index.ts';
import { renderSitemap, type SitemapEntry } from '../../publish/sitemap.ts';

/** One file per 50,000 URLs, only when `/sitemap.xml` is an index of them (none on a site of fewer). */
export const getStaticPaths = (async () => {
	const parts = await getSitemapParts();
	return parts.length > 1 ? parts.map((entries, at) => ({ params: { part: String(at + 1) }, props: { entries } })) : [];
}) satisfies GetStaticPaths;

/** `/sitemaps/<n>.xml`: the n-th part of the sitemap, a sitemaps.org `urlset`. */
export const GET: APIRoute<{ entries: SitemapEntry[] }> = ({ props }) =>
	new Response(renderSitemap(props.entries), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
