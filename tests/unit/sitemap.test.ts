import { describe, expect, it } from 'vitest';
import * as fxp from 'fast-xml-parser';
import { XMLParser } from 'fast-xml-parser';
import { buildFacets } from '../../src/listing/facets.ts';
import { renderSitemap, renderSitemapFile, robotsTxt, SITEMAP_URLS, sitemapEntries, sitemapPartPath, sitemapParts, sitemapUrl } from '../../src/publish/sitemap.ts';
import { absoluteUrl, newestDay } from '../../src/publish/urls.ts';
import { escapeXml } from '../../src/publish/xml.ts';
import type { Posting } from '../../src/schemas/posting.ts';
import { seed, seedCatalogue, site, TODAY } from './helpers.ts';

/**
 * fast-xml-parser's well-formedness check. Version 5 marks `XMLValidator`
 * deprecated in favour of a separate package the project does not depend on;
 * it still works, so it is reached by name (a direct reference is a type-check hint).
 */
const xmlValidator = Reflect.get(fxp, 'XMLValidator') as { validate(xml: string): true | { err: { msg: string; line: number } } };

const SITE = 'https://careers.example.com/';

/** The catalogue's view of some open postings: themselves, sorted by title, and their facets. */
function source(open: Posting[]) {
	const sorted = [...open].sort((a, b) => a.title.localeCompare(b.title, 'en'));
	return { open: sorted, ...buildFacets(sorted) };
}

describe('sitemapEntries', () => {
	it('lists the home page, every open seed role and every listing, absolute and with trailing slashes', () => {
		expect(site.siteUrl).toBe(SITE);
		const entries = sitemapEntries(source(seedCatalogue().postings), site.siteUrl);
		expect(entries.map((entry) => entry.loc)).toEqual([
			'https://careers.example.com/',
			'https://careers.example.com/jobs/engineering-manager-observability/',
			'https://careers.example.com/jobs/engineering-manager-workers-runtime/',
			'https://careers.example.com/jobs/senior-systems-engineer-workers-runtime-cpp/',
			'https://careers.example.com/jobs/software-engineer-cloudflare-tunnel/',
			'https://careers.example.com/jobs/systems-engineer-global-scheduling/',
			'https://careers.example.com/locations/remote/',
			'https://careers.example.com/locations/germany/',
			'https://careers.example.com/locations/netherlands/',
			'https://careers.example.com/locations/portugal/',
			'https://careers.example.com/locations/united-kingdom/',
			'https://careers.example.com/locations/united-states/',
			'https://careers.example.com/locations/amsterdam-netherlands/',
			'https://careers.example.com/locations/austin-texas/',
			'https://careers.example.com/locations/lisbon-portugal/',
			'https://careers.example.com/locations/london-united-kingdom/',
			'https://careers.example.com/locations/munich-germany/',
			'https://careers.example.com/teams/cloudflare-tunnel/',
			'https://careers.example.com/teams/observability/',
			'https://careers.example.com/teams/workers-runtime/',
			'https://careers.example.com/teams/emerging-technologies-incubation-eti/',
			'https://careers.example.com/teams/engineering/',
			'https://careers.example.com/teams/production-engineering/',
		]);
		// The seeds name no dates and git knows none in the unit tests: every date is the build day.
		expect(new Set(entries.map((entry) => entry.lastmod))).toEqual(new Set([TODAY]));
	});

	it('dates a role by its dateModified, a listing by its newest role, the home page by the newest of all', () => {
		const workers = { ...seed('000'), datePosted: '2026-09-14', dateModified: '2026-09-20' };
		const observability = { ...seed('002'), datePosted: '2026-10-01', dateModified: '2026-10-01' };
		const entries = new Map(sitemapEntries(source([workers, observability]), SITE).map((entry) => [entry.loc.replace(SITE, '/'), entry.lastmod]));
		expect(Object.fromEntries(entries)).toEqual({
			'/': '2026-10-01',
			'/jobs/engineering-manager-observability/': '2026-10-01',
			'/jobs/engineering-manager-workers-runtime/': '2026-09-20',
			'/locations/remote/': '2026-10-01',
			'/locations/germany/': '2026-10-01',
			'/locations/netherlands/': '2026-10-01',
			'/locations/portugal/': '2026-10-01',
			'/locations/united-kingdom/': '2026-10-01',
			'/locations/united-states/': '2026-09-20',
			'/locations/amsterdam-netherlands/': '2026-10-01',
			'/locations/austin-texas/': '2026-09-20',
			'/locations/lisbon-portugal/': '2026-10-01',
			'/locations/london-united-kingdom/': '2026-10-01',
			'/locations/munich-germany/': '2026-10-01',
			'/teams/observability/': '2026-10-01',
			'/teams/workers-runtime/': '2026-09-20',
			'/teams/production-engineering/': '2026-10-01',
		});
	});

	it('never lists or dates by a role that is not open', () => {
		const open = { ...seed('000'), dateModified: '2026-09-20' };
		const entries = sitemapEntries(
			{ open: [open], places: [{ slug: 'austin-texas', postings: [open.slug, 'a-closed-role'] }], teams: [{ slug: 'ghosts', postings: ['a-draft'] }] },
			SITE,
		);
		expect(entries).toEqual([
			{ loc: 'https://careers.example.com/', lastmod: '2026-09-20' },
			{ loc: 'https://careers.example.com/jobs/engineering-manager-workers-runtime/', lastmod: '2026-09-20' },
			{ loc: 'https://careers.example.com/locations/austin-texas/', lastmod: '2026-09-20' },
			{ loc: 'https://careers.example.com/teams/ghosts/' },
		]);
	});

	it('lists the home listing\'s further pages, each dated by its newest role', () => {
		const workers = { ...seed('000'), dateModified: '2026-09-20' };
		const observability = { ...seed('002'), dateModified: '2026-10-01' };
		const entries = sitemapEntries({ open: [workers, observability], places: [], teams: [], pages: [[workers.slug], [observability.slug, workers.slug]] }, SITE);
		expect(entries.slice(-2)).toEqual([
			{ loc: 'https://careers.example.com/page/2/', lastmod: '2026-09-20' },
			{ loc: 'https://careers.example.com/page/3/', lastmod: '2026-10-01' },
		]);
	});

	it('lists the further pages of place and team listings after the first pages, each dated by its newest role', () => {
		const workers = { ...seed('000'), dateModified: '2026-09-20' };
		const observability = { ...seed('002'), dateModified: '2026-10-01' };
		const both = [workers.slug, observability.slug];
		const entries = sitemapEntries(
			{
				open: [workers, observability],
				places: [{ slug: 'austin-texas', postings: both, pages: [[observability.slug], [workers.slug]] }],
				teams: [{ slug: 'engineering', postings: both, pages: [[workers.slug]] }, { slug: 'observability', postings: [observability.slug] }],
			},
			SITE,
		);
		expect(entries.slice(3).map((entry) => `${entry.loc} ${entry.lastmod}`)).toEqual([
			'https://careers.example.com/locations/austin-texas/ 2026-10-01',
			'https://careers.example.com/teams/engineering/ 2026-10-01',
			'https://careers.example.com/teams/observability/ 2026-10-01',
			'https://careers.example.com/locations/austin-texas/page/2/ 2026-10-01',
			'https://careers.example.com/locations/austin-texas/page/3/ 2026-09-20',
			'https://careers.example.com/teams/engineering/page/2/ 2026-09-20',
		]);
	});

	it('leaves lastmod out when no role is open', () => {
		expect(sitemapEntries({ open: [], places: [], teams: [] }, SITE)).toEqual([{ loc: 'https://careers.example.com/' }]);
	});
});

describe('renderSitemap', () => {
	it('writes sitemaps.org XML that parses back to the same entries', () => {
		const entries = sitemapEntries(source(seedCatalogue().postings), SITE);
		const xml = renderSitemap(entries);
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')).toBe(true);
		expect(xmlValidator.validate(xml)).toBe(true);
		const parsed = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml);
		expect(parsed.urlset.url).toEqual(entries);
	});

	it('is checked by a validator that does reject malformed XML', () => {
		expect(xmlValidator.validate('<urlset><url></urlset>')).not.toBe(true);
		expect(xmlValidator.validate('<loc>a & b</loc>')).not.toBe(true);
	});

	it('escapes what XML reserves and drops what it cannot carry', () => {
		const xml = renderSitemap([{ loc: "https://example.com/?a=1&b='2'<\"x\">\u0001", lastmod: '2026-11-02' }]);
		expect(xml).toContain('<loc>https://example.com/?a=1&amp;b=&apos;2&apos;&lt;&quot;x&quot;&gt;</loc><lastmod>2026-11-02</lastmod>');
		expect(xmlValidator.validate(xml)).toBe(true);
		expect(new XMLParser().parse(xml).urlset.url.loc).toBe('https://example.com/?a=1&b=\'2\'<"x">');
	});
});

describe('a sitemap too large for one file', () => {
	const day = (index: number) => `2026-0${1 + (index % 9)}-01`;
	const entries = Array.from({ length: 120_001 }, (_, index) => ({ loc: `${SITE}jobs/role-${index}/`, lastmod: day(index) }));

	it('cuts the entries into files of 50,000 URLs, in order, and keeps one file when they fit', () => {
		expect(SITEMAP_URLS).toBe(50_000);
		const parts = sitemapParts(entries);
		expect(parts.map((part) => part.length)).toEqual([50_000, 50_000, 20_001]);
		expect(parts.flat()).toEqual(entries);
		expect(sitemapParts(entries.slice(0, 50_000))).toHaveLength(1);
		expect(sitemapParts([])).toEqual([[]]);
	});

	it('makes /sitemap.xml an index of the parts, each dated by its newest lastmod', () => {
		const parts = sitemapParts(entries.slice(0, 5), 2);
		const xml = renderSitemapFile(parts, SITE);
		expect(xmlValidator.validate(xml)).toBe(true);
		expect(xml).toBe(
			[
				'<?xml version="1.0" encoding="UTF-8"?>',
				'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
				'<sitemap><loc>https://careers.example.com/sitemaps/1.xml</loc><lastmod>2026-02-01</lastmod></sitemap>',
				'<sitemap><loc>https://careers.example.com/sitemaps/2.xml</loc><lastmod>2026-04-01</lastmod></sitemap>',
				'<sitemap><loc>https://careers.example.com/sitemaps/3.xml</loc><lastmod>2026-05-01</lastmod></sitemap>',
				'</sitemapindex>',
				'',
			].join('\n'),
		);
		expect(sitemapPartPath(3)).toBe('/sitemaps/3.xml');
	});

	it('writes the sitemap itself while one file holds every URL', () => {
		const one = sitemapEntries(source(seedCatalogue().postings), SITE);
		expect(renderSitemapFile(sitemapParts(one), SITE)).toBe(renderSitemap(one));
	});
});

describe('escapeXml', () => {
	it('escapes the five reserved characters and keeps tabs, newlines and astral characters', () => {
		expect(escapeXml('a & b < c > d "e" \'f\'\t\n😀')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;\t\n😀');
	});

	it('drops control characters, lone surrogates and U+FFFE', () => {
		expect(escapeXml('a\u0000b\u000bc\ud800d\ufffee')).toBe('abcde');
	});
});

describe('robots.txt', () => {
	it('allows everything and names the absolute sitemap URL', () => {
		expect(sitemapUrl(SITE)).toBe('https://careers.example.com/sitemap.xml');
		expect(robotsTxt(SITE)).toBe('User-agent: *\nAllow: /\n\nSitemap: https://careers.example.com/sitemap.xml\n');
	});
});

describe('urls', () => {
	it('makes root-relative paths absolute on the site', () => {
		expect(absoluteUrl('/jobs/x/', 'https://careers.example.com')).toBe('https://careers.example.com/jobs/x/');
		expect(absoluteUrl('/feed.xml', new URL('https://careers.example.com/'))).toBe('https://careers.example.com/feed.xml');
	});

	it('finds the newest day', () => {
		expect(newestDay(['2026-09-14', '2026-11-02', '2026-10-01'])).toBe('2026-11-02');
		expect(newestDay([])).toBeUndefined();
	});
});
