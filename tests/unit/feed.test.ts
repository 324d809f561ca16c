import { describe, expect, it } from 'vitest';
import { getRssString } from '@astrojs/rss';
import * as fxp from 'fast-xml-parser';
import { XMLParser } from 'fast-xml-parser';
import { FEED_ITEMS, feedCategories, feedItem, feedLink, feedOptions, type FeedSite } from '../../src/publish/feed.ts';
import { feedFor } from '../../src/publish/feed-links.ts';
import { buildRouting } from '../../src/routing/routes.ts';
import type { Posting } from '../../src/schemas/posting.ts';
import { seed, seedCatalogue, site } from './helpers.ts';

/**
 * fast-xml-parser's well-formedness check. Version 5 marks `XMLValidator`
 * deprecated in favour of a separate package the project does not depend on;
 * it still works, so it is reached by name (a direct reference is a type-check hint).
 */
const xmlValidator = Reflect.get(fxp, 'XMLValidator') as { validate(xml: string): true | { err: { msg: string; line: number } } };

const settings: FeedSite = { ...site, title: 'Careers at Cloudflare' };

/** A rendered feed, parsed: items always a list, categories always a list. */
async function render(options: ReturnType<typeof feedOptions>) {
	const xml = await getRssString(options);
	expect(xmlValidator.validate(xml)).toBe(true);
	const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'category', parseTagValue: false });
	return { xml, channel: parser.parse(xml).rss.channel };
}

describe('feedLink and feedFor', () => {
	it('names the feed beside each listing, titled like the listing', () => {
		expect(feedLink('all', undefined, settings)).toEqual({ href: '/feed.xml', title: 'Careers at Cloudflare' });
		expect(feedLink('team', { slug: 'workers-runtime', heading: 'Workers Runtime roles' }, settings)).toEqual({
			href: '/teams/workers-runtime/feed.xml',
			title: 'Workers Runtime roles at Cloudflare',
		});
		expect(feedLink('place', { slug: 'lisbon-portugal', heading: 'Roles in Lisbon, Portugal' }, settings)).toEqual({
			href: '/locations/lisbon-portugal/feed.xml',
			title: 'Roles in Lisbon, Portugal at Cloudflare',
		});
		expect(feedLink('place', { slug: 'remote', heading: 'Remote roles' }, settings)).toEqual({ href: '/locations/remote/feed.xml', title: 'Remote roles at Cloudflare' });
		// A remote scope's, as its page says it (it was "Roles in Remote, Germany at Cloudflare").
		expect(feedLink('place', { slug: 'remote-germany', heading: 'Remote roles from Germany' }, settings).title).toBe('Remote roles from Germany at Cloudflare');
	});

	it('refuses a team or place feed without its listing', () => {
		expect(() => feedLink('team', undefined, settings)).toThrow('a team feed needs the team it lists');
	});

	it('reads the site settings for the pages (content/site.yaml)', () => {
		expect(feedFor('all')).toEqual({ href: '/feed.xml', title: 'Careers at Cloudflare' });
		const observability = buildRouting({ open: seedCatalogue().postings, closed: [], moves: [], companyName: 'Cloudflare' }).teams.find((route) => route.params.team === 'observability')!.props;
		expect(feedFor('team', observability)).toEqual({ href: '/teams/observability/feed.xml', title: 'Observability roles at Cloudflare' });
	});
});

describe('feedItem', () => {
	it('links the role page absolutely and carries its summary, day and categories', () => {
		const item = feedItem(seed('002'), site.siteUrl);
		expect(item).toEqual({
			title: 'Engineering Manager, Observability',
			link: 'https://careers.example.com/jobs/engineering-manager-observability/',
			pubDate: new Date('2026-11-23T00:00:00Z'),
			description:
				'We are looking for an Engineering Manager to join Cloudflare, specifically our Observability team, in charge of our internal Metrics and Alerting platform.',
			categories: [
				'Observability',
				'Production Engineering',
				'Amsterdam, Netherlands or remote',
				'Lisbon, Portugal or remote',
				'London, United Kingdom or remote',
				'Munich, Germany or remote',
			],
		});
	});

	it('files a role under its team and department, once each, and nothing when it names neither', () => {
		expect(feedCategories(seed('001'))).toEqual(['Workers Runtime', 'Emerging Technologies & Incubation (ETI)']);
		expect(feedCategories({ ...seed('000'), department: 'Workers Runtime' })).toEqual([
			'Workers Runtime',
			'Austin, Texas',
			'Lisbon, Portugal',
			'London, United Kingdom',
		]);
		expect(feedCategories(seed('003'))).toEqual([]);
	});
});

describe('feedOptions', () => {
	const dated = (prefix: string, datePosted: string): Posting => ({ ...seed(prefix), datePosted, dateModified: datePosted });

	it('renders the channel from the site settings and the roles newest first', async () => {
		const postings = [dated('000', '2026-09-14'), dated('002', '2026-10-01'), dated('003', '2026-10-20'), dated('004', '2026-11-02')];
		const { channel } = await render(feedOptions('all', undefined, postings, settings));
		expect(channel.title).toBe('Careers at Cloudflare');
		expect(channel.description).toBe('Open roles at Cloudflare, on a mission to help build a better Internet.');
		expect(channel.link).toBe('https://careers.example.com/');
		expect(channel.language).toBe('en');
		expect(channel['atom:link']).toEqual({ '@_href': 'https://careers.example.com/feed.xml', '@_rel': 'self', '@_type': 'application/rss+xml' });
		expect(channel.item.map((item: { title: string }) => item.title)).toEqual([
			'Software Engineer, Cloudflare Tunnel',
			'Systems Engineer, Global Scheduling',
			'Engineering Manager, Observability',
			'Engineering Manager, Workers Runtime',
		]);
		expect(channel.item.map((item: { pubDate: string }) => item.pubDate)).toEqual([
			'Mon, 02 Nov 2026 00:00:00 GMT',
			'Tue, 20 Oct 2026 00:00:00 GMT',
			'Thu, 01 Oct 2026 00:00:00 GMT',
			'Mon, 14 Sep 2026 00:00:00 GMT',
		]);
		for (const item of channel.item) {
			expect(item.guid).toEqual({ '#text': item.link, '@_isPermaLink': 'true' });
			expect(item.link).toMatch(/^https:\/\/careers\.example\.com\/jobs\/[a-z0-9-]+\/$/);
		}
		// A role without categories has no <category>; the scheduling seed names no team or place.
		expect(channel.item[1].category).toBeUndefined();
	});

	it('keeps the title order for roles posted the same day', async () => {
		const { channel } = await render(feedOptions('all', undefined, seedCatalogue().postings, settings));
		expect(channel.item.map((item: { title: string }) => item.title)).toEqual([
			'Engineering Manager, Observability',
			'Engineering Manager, Workers Runtime',
			'Senior Systems Engineer, Workers Runtime (C++)',
			'Software Engineer, Cloudflare Tunnel',
			'Systems Engineer, Global Scheduling',
		]);
	});

	it('carries the newest 200 roles of a larger listing, the newest first', async () => {
		// 250 roles, one a day from 1 January 2026: the feed keeps the last 200, 20 February to 7 September.
		const day = (index: number) => new Date(Date.UTC(2026, 0, 1 + index)).toISOString().slice(0, 10);
		const postings = Array.from({ length: 250 }, (_, index) => ({ ...dated('003', day(index)), slug: `role-${index}` }));
		expect(FEED_ITEMS).toBe(200);
		const { channel } = await render(feedOptions('all', undefined, postings.toReversed(), settings));
		expect(channel.item).toHaveLength(200);
		expect(channel.item[0].link).toBe('https://careers.example.com/jobs/role-249/');
		expect(channel.item[0].pubDate).toBe('Mon, 07 Sep 2026 00:00:00 GMT');
		expect(channel.item.at(-1).link).toBe('https://careers.example.com/jobs/role-50/');
		expect(channel.item.at(-1).pubDate).toBe('Fri, 20 Feb 2026 00:00:00 GMT');
	});

	it('gives a team feed its listing as channel link, and escapes names', async () => {
		const eti = { slug: 'emerging-technologies-incubation-eti', heading: 'Emerging Technologies & Incubation (ETI) roles' };
		const { xml, channel } = await render(feedOptions('team', eti, [seed('001')], settings));
		expect(xml).toContain('<title>Emerging Technologies &amp; Incubation (ETI) roles at Cloudflare</title>');
		expect(channel.title).toBe('Emerging Technologies & Incubation (ETI) roles at Cloudflare');
		expect(channel.description).toBe('Emerging Technologies & Incubation (ETI) roles at Cloudflare, newest first.');
		expect(channel.link).toBe('https://careers.example.com/teams/emerging-technologies-incubation-eti/');
		expect(channel['atom:link']['@_href']).toBe('https://careers.example.com/teams/emerging-technologies-incubation-eti/feed.xml');
		expect(channel.item[0].category).toEqual(['Workers Runtime', 'Emerging Technologies & Incubation (ETI)']);
	});

	it('describes place feeds in their pages’ words, Remote and its scopes too', () => {
		const remote = feedOptions('place', { slug: 'remote', heading: 'Remote roles' }, [], settings);
		expect([remote.title, remote.description, remote.site]).toEqual(['Remote roles at Cloudflare', 'Remote roles at Cloudflare, newest first.', 'https://careers.example.com/locations/remote/']);
		const lisbon = feedOptions('place', { slug: 'lisbon-portugal', heading: 'Roles in Lisbon, Portugal' }, [], settings);
		expect([lisbon.title, lisbon.description]).toEqual(['Roles in Lisbon, Portugal at Cloudflare', 'Roles in Lisbon, Portugal at Cloudflare, newest first.']);
		const germany = feedOptions('place', { slug: 'remote-germany', heading: 'Remote roles from Germany' }, [], settings);
		expect([germany.title, germany.description]).toEqual(['Remote roles from Germany at Cloudflare', 'Remote roles from Germany at Cloudflare, newest first.']);
	});

	it('keeps a summary plain text: markup in it is escaped, never parsed', async () => {
		const hostile = { ...seed('003'), summary: 'Ship <script>alert(1)</script> & "more"' };
		const { xml, channel } = await render(feedOptions('all', undefined, [hostile], settings));
		expect(xml).not.toContain('<script>');
		expect(channel.item[0].description).toBe('Ship <script>alert(1)</script> & "more"');
	});

	it('falls back to a description of its own when the site has none', () => {
		const { description, ...bare } = settings;
		expect(description).toBeDefined();
		expect(feedOptions('all', undefined, [], bare).description).toBe('Open roles at Cloudflare.');
	});
});
