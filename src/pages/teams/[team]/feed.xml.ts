import type { APIRoute, GetStaticPaths } from 'astro';
import rss from '@astrojs/rss';
import { getCatalogue } from '../../../lib/catalogue.ts';
import { site } from '../../../lib/site.ts';
import { feedOptions } from '../../../publish/feed.ts';
import type { Facet } from '../../../listing/facets.ts';
import type { Posting } from '../../../schemas/posting.ts';

/** One feed per team (and department) listing, beside its page. */
export const getStaticPaths = (async () => {
	const { teams, open } = await getCatalogue();
	return teams.map((facet) => ({ params: { team: facet.slug }, props: { facet, postings: open.filter((posting) => facet.postings.includes(posting.slug)) } }));
}) satisfies GetStaticPaths;

/** `/teams/<slug>/feed.xml`: the team's open roles, newest first. */
export const GET: APIRoute<{ facet: Facet; postings: Posting[] }> = ({ props }) => rss(feedOptions('team', props.facet, props.postings, site));
