import type { APIRoute } from 'astro';
import { getCatalogue } from '../../routing/catalogue.ts';
import { site } from '../../config/site.ts';
import { postingList, toJson } from '../../publish/api.ts';

/** `/api/postings.json`: every open role (docs/api.md). */
export const GET: APIRoute = async () =>
	new Response(toJson(postingList((await getCatalogue()).open, site)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
