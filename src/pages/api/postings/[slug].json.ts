import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalogue } from '../../../routing/catalogue.ts';
import { site } from '../../../config/site.ts';
import { postingFile, toJson } from '../../../publish/api.ts';
import type { CompanyBlock, Posting } from '../../../schemas/posting.ts';

/** One file per open role when the site settings ask for them (`perRoleJson: true`): closed roles, drafts and former slugs have none. */
export const getStaticPaths = (async () => {
	if (!site.perRoleJson) return [];
	const { open, company, keys } = await getCatalogue();
	return open.map((posting) => {
		const blocks = posting.company.map((id) => company.get(id)).filter((block): block is CompanyBlock => block !== undefined);
		return { params: { slug: posting.slug }, props: { posting, blocks }, cacheKey: keys.role('json', posting, blocks) };
	});
}) satisfies GetStaticPaths;

/** `/api/postings/<slug>.json`: one open role in full (docs/api.md). */
export const GET: APIRoute<{ posting: Posting; blocks: CompanyBlock[] }> = ({ props }) =>
	new Response(toJson(postingFile(props.posting, site, props.blocks)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
