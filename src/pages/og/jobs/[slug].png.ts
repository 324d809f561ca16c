import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCatalogue } from '../../../routing/catalogue.ts';
import { labels, site } from '../../../config/site.ts';
import { roleCardInput } from '../../../social/card-input.ts';
import { socialCard } from '../../../social/cache.ts';
import { writeRoleCards } from '../../../social/card-output.ts';

// One card per open role, at the URL Base.astro names in og:image. Closed
// roles have none: their pages use the site's card, as every page does when
// the build draws no per-role cards (`socialCards: site`, or too many roles for the host's file limit).
// A production build writes them itself (src/integrations/role-cards.ts): this route renders them in dev.
export const getStaticPaths = (async () => {
	const { open, cards } = await getCatalogue();
	if (cards === 'site') {
		// Unset in the settings, cards are left out only to keep the output within the host's file limit: say so.
		if (site.socialCards === undefined && open.length > 0) {
			console.warn(`social cards: ${open.length.toLocaleString('en-US')} role cards would take the output past Cloudflare Pages' 20,000 files; every page shows the site card. Set \`socialCards: per-role\` in the site settings to draw them anyway, or \`socialCards: site\` to keep this choice without this message.`);
		}
		return [];
	}
	// A production build writes the cards beside the pages, not as routes (src/social/card-output.ts): started
	// now, before Astro renders the first page, they are painted in the card threads while it renders the others.
	if (writeRoleCards(open.map((posting) => ({ name: `${posting.slug}.png`, input: roleCardInput(posting, site, labels) })))) return [];
	// The dev server: a route per card, drawn when asked for.
	return open.map((posting) => ({ params: { slug: posting.slug }, props: { posting } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** The role's social card, 1200×630 PNG, drawn when the dev server is asked for it (or read from the card cache). */
export const GET: APIRoute<Props> = async ({ props }) => {
	const { png } = await socialCard(roleCardInput(props.posting, site, labels));
	return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
