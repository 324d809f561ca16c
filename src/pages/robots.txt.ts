import type { APIRoute } from 'astro';
import { site } from '../lib/site.ts';
import { robotsTxt } from '../publish/sitemap.ts';

/** `/robots.txt`: everything may be crawled; the sitemap's absolute URL. */
export const GET: APIRoute = () => new Response(robotsTxt(site.siteUrl), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
