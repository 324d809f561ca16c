import type { APIRoute } from 'astro';
import { getCatalogue } from '../../routing/catalogue.ts';
import { storedDigestOf } from '../../routing/cache-keys.ts';
import { site } from '../../config/site.ts';
import { mode } from '../../config/build-mode.ts';
import { buildCacheDir } from '../../config/cache-folder.ts';
import { postingListFile } from '../../publish/api.ts';
import { entryTextsIn } from '../../publish/entry-texts.ts';

/** `/api/postings.json`: every open role (docs/api.md), each unchanged role's entry as the last build printed it. */
export const GET: APIRoute = async () => {
	const texts = entryTextsIn(buildCacheDir(mode.preview), 'postings');
	const body = postingListFile((await getCatalogue()).open, site, texts, storedDigestOf);
	texts.save();
	return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
