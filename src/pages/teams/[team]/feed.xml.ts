import type { APIRoute, GetStaticPaths } from 'astro';
import rss from '@astrojs/rss';
import { teamFeedPaths, type ListingPage } from '../../../routing/index.ts';
import { labels, site } from '../../../config/site.ts';
import { feedOptions } from '../../../publish/feed.ts';
import { feedListing } from '../../../publish/feed-links.ts';

/** One feed per team (and department) listing, beside its page. */
export const getStaticPaths = teamFeedPaths satisfies GetStaticPaths;

/** `/teams/<slug>/feed.xml`: the team's open roles, newest first. */
export const GET: APIRoute<ListingPage> = ({ props }) => rss(feedOptions('team', feedListing(props), props.postings, site, labels));
