import type { APIRoute } from 'astro';
import { site } from '../../config/site.ts';
import { apiJsonSchema } from '../../publish/api.ts';

/** `/api/schema.json`: the JSON Schema of the API files, generated from src/schemas/api.ts. Indented: people read it. */
export const GET: APIRoute = () =>
	new Response(`${JSON.stringify(apiJsonSchema(site.siteUrl), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
