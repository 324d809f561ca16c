import type { APIRoute, GetStaticPaths } from 'astro';
import rss from '@astrojs/rss';
import { placeFeedPaths, type ListingPage } from '../../../routing/index.ts';
import { labels, site } from '../../../config/site.ts';
import { feedOptions } from '../../../publish/feed.ts';
import { feedListing } from '../../../publish/feed-links.ts';

/** One feed per place listing (Remote, area, country, region, city, remote scope), beside its page. */
export const getStaticPaths = placeFeedPaths satisfies GetStaticPaths;

/** `/locations/<slug>/feed.xml`: the place's open roles, newest first. */
export const GET: APIRoute<ListingPage> = ({ props }) => rss(feedOptions('place', feedListing(props), props.postings, site, labels));
