import type { APIRoute } from 'astro';
import { site } from '../../config/site.ts';
import { siteCardInput } from '../../social/card-input.ts';
import { socialCard } from '../../social/cache.ts';

/** The site's social card, 1200×630 PNG: every page but an open role's uses it. */
export const GET: APIRoute = async () => {
	const { png } = await socialCard(siteCardInput(site));
	return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
