import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalogue } from '../../../routing/catalogue.ts';
import { site } from '../../../config/site.ts';
import { roleCardInput } from '../../../social/card-input.ts';
import { drawAhead, socialCard } from '../../../social/cache.ts';

// One card per open role, at the URL Base.astro names in og:image. Closed
// roles have none: their pages use the site's card, as every page does when
// the site settings say `socialCards: site`.
export const getStaticPaths = (async () => {
	if (site.socialCards === 'site') return [];
	const { open } = await getCatalogue();
	// Astro asks every route for its paths before rendering any page, then renders
	// one page at a time: starting the cards now draws them on every core while
	// the other pages render. (The dev server asks on the first card requested.)
	const start = performance.now();
	void drawAhead(open.map((posting) => roleCardInput(posting, site))).then((drawn) => {
		const seconds = (performance.now() - start) / 1000;
		if (drawn > 0) console.log(`\nsocial cards: drew ${drawn} of ${open.length} role cards ahead in ${seconds.toFixed(1)} s (${(drawn / seconds).toFixed(1)} cards/s)`);
	});
	return open.map((posting) => ({ params: { slug: posting.slug }, props: { posting } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** The role's social card, 1200×630 PNG, drawn at build time (or read from the card cache). */
export const GET: APIRoute<Props> = async ({ props }) => {
	const { png } = await socialCard(roleCardInput(props.posting, site));
	return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
