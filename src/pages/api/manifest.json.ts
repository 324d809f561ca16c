import type { APIRoute } from 'astro';
import { getCatalogue } from '../../routing/catalogue.ts';
import { manifestOf } from '../../preview/manifest.ts';
import { toJson } from '../../publish/api.ts';

/** `/api/manifest.json`: the open and closed roles this build publishes, for preview builds to compare with (src/schemas/manifest.ts). */
export const GET: APIRoute = async () => {
	const { open, closed, textDigests } = await getCatalogue();
	return new Response(toJson(manifestOf([...open, ...closed], textDigests)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
