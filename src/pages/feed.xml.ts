import type { APIRoute } from 'astro';
import rss from '@astrojs/rss';
import { getCatalogue } from '../routing/catalogue.ts';
import { labels, site } from '../config/site.ts';
import { feedOptions } from '../publish/feed.ts';

/** `/feed.xml`: the newest open roles, newest first (`feedPostings`). */
export const GET: APIRoute = async () => rss(feedOptions('all', undefined, (await getCatalogue()).open, site, labels));
