import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import * as fxp from 'fast-xml-parser';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'astro/zod';
import { apiPostingFileSchema, apiPostingListSchema, type ApiPostingList } from '../../src/schemas/api.ts';
import { DIST, LIFECYCLE_DIST, ROOT, walk } from './build-helpers.ts';

/**
 * fast-xml-parser's well-formedness check. Version 5 marks `XMLValidator`
 * deprecated in favour of a separate package the project does not depend on;
 * it still works, so it is reached by name (a direct reference is a type-check hint).
 */
const xmlValidator = Reflect.get(fxp, 'XMLValidator') as { validate(xml: string): true | { err: { msg: string; line: number } } };

/**
 * The discovery files (sitemap, robots.txt, RSS feeds, JSON API) of both
 * built sites, checked against the built pages themselves: whatever a page
 * shows as an open role must be in them, and nothing else.
 * `npm test` builds both sites first.
 */

const SITE = 'https://careers.example.com/';
const absolute = (path: string) => new URL(path, SITE).href;
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['url', 'item', 'category'].includes(name) });

/** A well-formed XML file, parsed. */
function parseXml(dir: string, path: string) {
	const text = read(dir, path);
	expect(xmlValidator.validate(text), path).toBe(true);
	return xml.parse(text);
}

/** Slugs of the roles a listing page links, in page order. */
function listed(dir: string, page: string): string[] {
	return cheerio
		.load(read(dir, page))('[data-role] :is(h2, h3) a')
		.toArray()
		.map((a) => a.attribs.href!.replace(/^\/jobs\/([^/]+)\/$/, '$1'));
}

interface Built {
	files: string[];
	/** Role pages search engines may index (no robots noindex): the open roles. */
	open: string[];
	/** Listing pages, e.g. `teams/observability/`. */
	listings: string[];
}

function survey(dir: string): Built {
	if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} is missing: npm test builds it`);
	const files = walk(dir);
	const open = files
		.filter((path) => /^jobs\/[^/]+\/index\.html$/.test(path))
		.filter((path) => !/noindex/.test(cheerio.load(read(dir, path))('meta[name="robots"]').attr('content') ?? ''))
		.map((path) => path.split('/')[1]!);
	const listings = files.filter((path) => /^(locations|teams)\/[^/]+\/index\.html$/.test(path)).map((path) => path.replace(/index\.html$/, ''));
	return { files, open, listings };
}

/** The feeds a site publishes: the site-wide one and one beside each listing. */
function feedsOf(built: Built): string[] {
	return built.files.filter((path) => path === 'feed.xml' || /^(locations|teams)\/[^/]+\/feed\.xml$/.test(path));
}

describe.each([
	{ name: 'the site (dist/)', dir: DIST },
	{ name: 'the lifecycle fixture (.builds/lifecycle/)', dir: LIFECYCLE_DIST },
])('discovery files of $name', ({ dir }) => {
	let built: Built;
	beforeAll(() => {
		built = survey(dir);
	});

	it('lists exactly the home page, the indexable role pages and the listings in the sitemap', () => {
		const urls: Array<{ loc: string; lastmod?: string }> = parseXml(dir, 'sitemap.xml').urlset.url;
		const expected = ['/', ...built.open.map((slug) => `/jobs/${slug}/`), ...built.listings.map((path) => `/${path}`)].map(absolute);
		expect(urls.map((url) => url.loc).sort()).toEqual(expected.sort());
		expect(new Set(urls.map((url) => url.loc)).size).toBe(urls.length);
	});

	it('dates each role by its dateModified, each listing by its newest role, the home page by the newest of all', () => {
		const lastmod = new Map<string, string>(parseXml(dir, 'sitemap.xml').urlset.url.map((url: { loc: string; lastmod: string }) => [url.loc, url.lastmod]));
		const api: ApiPostingList = JSON.parse(read(dir, 'api/postings.json'));
		const modified = new Map(api.postings.map((posting) => [posting.slug, posting.dateModified]));
		const newest = (slugs: string[]) => slugs.map((slug) => modified.get(slug)!).sort().at(-1);
		for (const slug of built.open) {
			const page = cheerio.load(read(dir, `jobs/${slug}/index.html`));
			const posted = page('dt:contains("Posted") + dd time').attr('datetime')!;
			expect(lastmod.get(absolute(`/jobs/${slug}/`)), slug).toBe(modified.get(slug));
			expect(modified.get(slug)! >= posted, slug).toBe(true);
		}
		for (const listing of built.listings) expect(lastmod.get(absolute(`/${listing}`)), listing).toBe(newest(listed(dir, `${listing}index.html`)));
		expect(lastmod.get(SITE)).toBe(newest(built.open));
	});

	it('names the sitemap in robots.txt and lets crawlers in', () => {
		expect(read(dir, 'robots.txt')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://careers.example.com/sitemap.xml\n');
		expect(built.files).toContain('sitemap.xml');
	});

	it('publishes a feed beside every listing, each with exactly the open roles the listing shows', () => {
		const feeds = feedsOf(built);
		expect(feeds.sort()).toEqual(['feed.xml', ...built.listings.map((path) => `${path}feed.xml`)].sort());
		for (const feed of feeds) {
			const { channel } = parseXml(dir, feed).rss;
			const page = feed === 'feed.xml' ? '' : feed.replace(/feed\.xml$/, '');
			const roles = page === '' ? built.open : listed(dir, `${page}index.html`);
			const items: Array<{ link: string; guid: { '#text': string }; title: string; pubDate: string; description: string }> = channel.item ?? [];
			expect(items.map((item) => item.link).sort(), feed).toEqual(roles.map((slug) => absolute(`/jobs/${slug}/`)).sort());
			expect(channel.link, feed).toBe(absolute(`/${page}`));
			expect(channel['atom:link']['@_href'], feed).toBe(absolute(`/${feed}`));
			// Its title is the one its listing page announces it by, and that page's own title ("Remote roles from Germany at Cloudflare").
			const $ = cheerio.load(read(dir, `${page}index.html`));
			expect(channel.title, feed).toBe($('link[rel="alternate"][type="application/rss+xml"]').attr('title'));
			expect(channel.title, feed).toBe(page === '' ? 'Careers at Cloudflare' : $('title').text().replace(/ · Careers at Cloudflare$/, ''));
			for (const item of items) {
				expect(item.guid['#text']).toBe(item.link);
				expect(item.description.length, item.link).toBeGreaterThan(20);
				expect(Number.isNaN(Date.parse(item.pubDate)), item.pubDate).toBe(false);
			}
		}
	});

	it('lists every open role in /api/postings.json, grouped by team, valid against its schema', () => {
		const list = apiPostingListSchema.parse(JSON.parse(read(dir, 'api/postings.json')));
		expect(list.version).toBe('3');
		// The roles the listing's data file holds (the home page shows its first fifty), each once.
		const listing = (JSON.parse(read(dir, 'listing.json')) as { roles: Array<[string]> }).roles.map(([slug]) => slug);
		expect(list.postings.map((posting) => posting.slug).sort()).toEqual([...listing].sort());
		expect(listed(dir, 'index.html')).toEqual(listing.slice(0, 50));
		const groups = list.postings.map((posting) => posting.team ?? posting.department ?? '\uffff');
		expect(groups).toEqual([...groups].sort((a, b) => (a === '\uffff' ? 1 : b === '\uffff' ? -1 : a.localeCompare(b, 'en'))));
		expect(list.postings.map((posting) => posting.slug).sort()).toEqual([...built.open].sort());
		for (const posting of list.postings) {
			expect(posting.url).toBe(absolute(`/jobs/${posting.slug}/`));
			expect(built.files).toContain(`jobs/${posting.slug}/index.html`);
		}
	});

	it('publishes one valid file per open role, and none for any other page', () => {
		const list = apiPostingListSchema.parse(JSON.parse(read(dir, 'api/postings.json')));
		const files = built.files.filter((path) => path.startsWith('api/postings/'));
		expect(files.sort()).toEqual(built.open.map((slug) => `api/postings/${slug}.json`).sort());
		for (const entry of list.postings) {
			const { posting } = apiPostingFileSchema.parse(JSON.parse(read(dir, `api/postings/${entry.slug}.json`)));
			const { html, sections, companyHtml, ...summary } = posting;
			expect(summary).toEqual(entry);
			expect(entry.apiUrl).toBe(absolute(`/api/postings/${entry.slug}.json`));
			expect(sections.length).toBeGreaterThan(0);
			for (const fragment of [html, companyHtml]) expect(fragment, entry.slug).not.toMatch(/<(script|style|iframe)|\son[a-z]+=|javascript:/i);
		}
	});

	it('publishes a JSON Schema that validates the API files', () => {
		const schema = JSON.parse(read(dir, 'api/schema.json'));
		expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
		expect(schema.$id).toBe('https://careers.example.com/api/schema.json');
		expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['PostingList', 'PostingFile', 'Posting', 'Location', 'PayRange']));
		const validator = z.fromJSONSchema(schema);
		const list = JSON.parse(read(dir, 'api/postings.json'));
		expect(validator.safeParse(list).success).toBe(true);
		for (const slug of built.open) expect(validator.safeParse(JSON.parse(read(dir, `api/postings/${slug}.json`))).success, slug).toBe(true);
		expect(validator.safeParse({ ...list, version: '0' }).success).toBe(false);
	});
});

/** When git last committed a fixture file (YYYY-MM-DD), as the pipeline reads it; undefined outside git. */
function lastCommitted(file: string): string | undefined {
	try {
		return execFileSync('git', ['log', '-1', '--format=%cs', '--', file], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
	} catch {
		return undefined;
	}
}

describe('discovery files of the lifecycle fixture', () => {
	const dir = LIFECYCLE_DIST;
	/** The open roles, the day their front matter says they were posted, and their file. */
	const open = {
		'engineering-manager-workers-runtime': { posted: '2026-09-14', file: '000_workers-runtime-em.html' },
		'engineering-manager-observability': { posted: '2026-10-01', file: '002_observability-em.html' },
		'systems-engineer-global-scheduling': { posted: '2026-10-20', file: '003_global-scheduling.html' },
		'software-engineer-cloudflare-tunnel': { posted: '2026-11-02', file: '004_cloudflare-tunnel.html' },
	};
	/** normalize.ts: dateModified is the file's last commit day, but never before datePosted (a role dated ahead). */
	const modified = (role: { posted: string; file: string }) => {
		const committed = lastCommitted(`tests/fixtures/lifecycle/${role.file}`);
		return committed && committed > role.posted ? committed : role.posted;
	};
	const unpublished = {
		closed: ['senior-systems-engineer-workers-runtime-cpp', 'Senior Systems Engineer, Workers Runtime (C++)'],
		formerSlugs: ['tunnel-engineer', 'runtime-engineer-cpp'],
		draft: ['draft-role-nobody-should-see', 'Draft Role Nobody Should See'],
	};
	let discovery: string[];
	beforeAll(() => {
		const files = walk(dir);
		// api/manifest.json is for previews, not embedders: it names closed roles so a preview can tell closed from deleted.
		discovery = files.filter(
			(path) => ['sitemap.xml', 'robots.txt'].includes(path) || path.endsWith('feed.xml') || (path.startsWith('api/') && path !== 'api/manifest.json'),
		);
	});

	it('lists the four open roles with their lastmod, the home page with the newest', () => {
		const lastmod = new Map<string, string>(parseXml(dir, 'sitemap.xml').urlset.url.map((url: { loc: string; lastmod: string }) => [url.loc, url.lastmod]));
		const roles = Object.entries(open).map(([slug, role]) => [absolute(`/jobs/${slug}/`), modified(role)]);
		expect([...lastmod].filter(([loc]) => loc.includes('/jobs/')).sort()).toEqual(roles.sort());
		expect(lastmod.get(SITE)).toBe(Object.values(open).map(modified).sort().at(-1));
		// Workers Runtime now has one open role (its C++ role closed): the listing is as new as that role.
		expect(lastmod.get(absolute('/teams/workers-runtime/'))).toBe(modified(open['engineering-manager-workers-runtime']));
		expect(lastmod.get(absolute('/locations/denver-colorado/'))).toBe(modified(open['systems-engineer-global-scheduling']));
		// The department only the closed role named has no listing any more.
		expect(lastmod.has(absolute('/teams/emerging-technologies-incubation-eti/'))).toBe(false);
	});

	it('feeds the roles newest first, dated by the datePosted their front matter gives', () => {
		const items: Array<{ link: string; pubDate: string }> = parseXml(dir, 'feed.xml').rss.channel.item;
		expect(items.map((item) => [item.link, item.pubDate])).toEqual([
			[absolute('/jobs/software-engineer-cloudflare-tunnel/'), 'Mon, 02 Nov 2026 00:00:00 GMT'],
			[absolute('/jobs/systems-engineer-global-scheduling/'), 'Tue, 20 Oct 2026 00:00:00 GMT'],
			[absolute('/jobs/engineering-manager-observability/'), 'Thu, 01 Oct 2026 00:00:00 GMT'],
			[absolute('/jobs/engineering-manager-workers-runtime/'), 'Mon, 14 Sep 2026 00:00:00 GMT'],
		]);
		const remote: Array<{ link: string; category: string[] }> = parseXml(dir, 'locations/remote/feed.xml').rss.channel.item;
		expect(remote.map((item) => item.link)).toEqual([absolute('/jobs/software-engineer-cloudflare-tunnel/'), absolute('/jobs/engineering-manager-observability/')]);
		expect(remote[0]!.category).toEqual(['Cloudflare Tunnel', 'Engineering', 'Remote, United States']);
	});

	it('publishes the given fields in the API: employment type, last day to apply, dates', () => {
		const list: ApiPostingList = JSON.parse(read(dir, 'api/postings.json'));
		const bySlug = new Map(list.postings.map((posting) => [posting.slug, posting]));
		const workers = bySlug.get('engineering-manager-workers-runtime')!;
		expect([workers.employmentType, workers.validThrough, workers.datePosted]).toEqual(['FULL_TIME', '2099-12-31', '2026-09-14']);
		const scheduling = bySlug.get('systems-engineer-global-scheduling')!;
		expect(scheduling.locations.map((location) => [location.city, location.region, location.country, location.label])).toEqual([
			['Denver', 'CO', 'US', 'Denver, Colorado'],
			['New York', 'NY', 'US', 'New York, New York'],
		]);
		for (const [slug, role] of Object.entries(open)) expect([bySlug.get(slug)?.datePosted, bySlug.get(slug)?.dateModified], slug).toEqual([role.posted, modified(role)]);
		expect(list.dateModified).toBe(Object.values(open).map(modified).sort().at(-1));
	});

	it.each(Object.entries(unpublished))('never names the %s role in the sitemap, a feed or the API', (_kind, needles) => {
		expect(discovery.length).toBeGreaterThan(10);
		for (const path of discovery) {
			const text = read(dir, path);
			for (const needle of needles) {
				// No open role's slug or title contains these, so any occurrence is a leak.
				expect(text.includes(needle), `${path}: ${needle}`).toBe(false);
				expect(path, needle).not.toContain(needle);
			}
		}
	});
});
