import type { APIRoute } from 'astro';
import { site } from '../config/site.ts';
import { robotsTxt } from '../publish/sitemap.ts';
import { mode } from '../config/build-mode.ts';

/** Every crawler kept out of a preview, whatever its pages say. */
const PREVIEW_ROBOTS = 'User-agent: *\nDisallow: /\n';

/** `/robots.txt`: everything may be crawled, and the sitemap's absolute URL; in a preview, nothing may. */
export const GET: APIRoute = () =>
	new Response(mode.preview ? PREVIEW_ROBOTS : robotsTxt(site.siteUrl), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
