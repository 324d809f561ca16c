import type { APIRoute } from 'astro';
import { getCatalogue } from '../../routing/catalogue.ts';
import { storedDigestOf } from '../../routing/cache-keys.ts';
import { mode } from '../../config/build-mode.ts';
import { buildCacheDir } from '../../config/cache-folder.ts';
import { manifestFile } from '../../preview/manifest.ts';
import { entryTextsIn } from '../../publish/entry-texts.ts';

/**
 * `/api/manifest.json`: the open and closed roles this build publishes, for preview builds to compare with
 * (src/schemas/manifest.ts), each unchanged role's entry as the last build printed it.
 */
export const GET: APIRoute = async () => {
	const { open, closed, textDigests } = await getCatalogue();
	const texts = entryTextsIn(buildCacheDir(mode.preview), 'manifest');
	const body = manifestFile([...open, ...closed], textDigests, texts, storedDigestOf);
	texts.save();
	return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
