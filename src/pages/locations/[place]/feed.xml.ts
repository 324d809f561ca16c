import type { APIRoute, GetStaticPaths } from 'astro';
import rss from '@astrojs/rss';
import { getCatalogue } from '../../../lib/catalogue.ts';
import { site } from '../../../lib/site.ts';
import { feedOptions } from '../../../publish/feed.ts';
import type { Facet } from '../../../listing/facets.ts';
import type { Posting } from '../../../schemas/posting.ts';

/** One feed per location listing (city, country, Remote), beside its page. */
export const getStaticPaths = (async () => {
	const { places, open } = await getCatalogue();
	return places.map((facet) => ({ params: { place: facet.slug }, props: { facet, postings: open.filter((posting) => facet.postings.includes(posting.slug)) } }));
}) satisfies GetStaticPaths;

/** `/locations/<slug>/feed.xml`: the place's open roles, newest first. */
export const GET: APIRoute<{ facet: Facet; postings: Posting[] }> = ({ props }) => rss(feedOptions('place', props.facet, props.postings, site));
