import type { APIRoute } from 'astro';
import { getCatalogue } from '../routing/catalogue.ts';
import { listingData } from '../listing/listing-data.ts';
import { statusLabel } from '../listing/status-label.ts';
import { mode } from '../config/build-mode.ts';
import { labels, site } from '../config/site.ts';

/** `/listing.json`: every open role, compact, newest first; the listing's filter script fetches it on first use. */
export const GET: APIRoute = async () => {
	const { routing } = await getCatalogue();
	const data = listingData({
		postings: routing.index.flatMap((page) => page.props.postings),
		placeKeys: routing.tree.places.keys,
		today: mode.builtAt.slice(0, 10),
		badge: (posting) => statusLabel(posting, mode.builtAt, site.lang, labels),
		siteLang: site.lang,
	});
	return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
