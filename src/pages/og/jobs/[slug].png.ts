import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalogue } from '../../../routing/catalogue.ts';
import { site } from '../../../config/site.ts';
import { roleCardInput } from '../../../social/card-input.ts';
import { drawAhead, socialCard } from '../../../social/cache.ts';

// One card per open role, at the URL Base.astro names in og:image. Closed
// roles have none: their pages use the site's card, as every page does when
// the build draws no per-role cards (`socialCards: site`, or too many roles for the host's file limit).
export const getStaticPaths = (async () => {
	const { open, cards, keys } = await getCatalogue();
	if (cards === 'site') {
		// Unset in the settings, cards are left out only to keep the output within the host's file limit: say so.
		if (site.socialCards === undefined && open.length > 0) {
			console.warn(`social cards: ${open.length.toLocaleString('en-US')} role cards would take the output past Cloudflare Pages' 20,000 files; every page shows the site card. Set \`socialCards: per-role\` in the site settings to draw them anyway, or \`socialCards: site\` to keep this choice without this message.`);
		}
		return [];
	}
	// Astro asks every route for its paths before rendering any page, then renders
	// one page at a time: starting the cards now draws them in the card threads while
	// the other pages render. (The dev server asks on the first card requested.)
	const start = performance.now();
	void drawAhead(open.map((posting) => roleCardInput(posting, site))).then((drawn) => {
		const seconds = (performance.now() - start) / 1000;
		if (drawn > 0) console.log(`\nsocial cards: drew ${drawn} of ${open.length} role cards ahead in ${seconds.toFixed(1)} s (${(drawn / seconds).toFixed(1)} cards/s)`);
	});
	// A card changes only with what it shows: its input is its cache key.
	return open.map((posting) => {
		return { params: { slug: posting.slug }, props: { posting }, cacheKey: keys.of(roleCardInput(posting, site)) };
	});
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** The role's social card, 1200×630 PNG, drawn at build time (or read from the card cache). */
export const GET: APIRoute<Props> = async ({ props }) => {
	const { png } = await socialCard(roleCardInput(props.posting, site));
	return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
