import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalogue } from '../../../lib/catalogue.ts';
import { site } from '../../../lib/site.ts';
import { roleCardInput } from '../../../social/card-input.ts';
import { socialCard } from '../../../social/cache.ts';

// One card per open role, at the URL Base.astro names in og:image. Closed
// roles have none: their pages use the site's card.
export const getStaticPaths = (async () => {
	const { open } = await getCatalogue();
	return open.map((posting) => ({ params: { slug: posting.slug }, props: { posting } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** The role's social card, 1200×630 PNG, drawn at build time (or read from the card cache). */
export const GET: APIRoute<Props> = async ({ props }) => {
	const { png } = await socialCard(roleCardInput(props.posting, site));
	return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
