import { describe, expect, it } from 'vitest';
import { getRssString } from '@astrojs/rss';
import * as cheerio from 'cheerio';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { escapeHtml } from '../../src/postings/dom.ts';
import { manifestOf } from '../../src/preview/manifest.ts';
import { postingFile, postingList, toJson, type ApiSiteSettings } from '../../src/publish/api.ts';
import { feedCategories, feedLink, feedOptions, type FeedSite } from '../../src/publish/feed.ts';
import { redirectsFile } from '../../src/publish/redirects.ts';
import { renderSitemap, sitemapEntries } from '../../src/publish/sitemap.ts';
import { rolePath } from '../../src/publish/urls.ts';
import { jobPostingLdSchema } from '../../src/schemas/job-posting-ld.ts';
import type { CompanyBlock, Posting } from '../../src/schemas/posting.ts';
import { jobPostingLd } from '../../src/seo/job-posting.ts';
import { serializeJsonLd } from '../../src/seo/json-ld.ts';
import { cleanText, firstUnsafeCharacter } from '../../src/utils/safe-text.ts';
import { seed, site, TODAY } from './helpers.ts';
import { hostileStrings, label } from './hostile-strings.ts';
import { child, childrenNamed, parseXmlStrict, type XmlElement } from './xml-strict.ts';

const corpus = hostileStrings();

/** What a reader of an XML document sees of some text: unsafe characters gone, line ends as XML normalizes them. */
const inXml = (text: string) => cleanText(text).replace(/\r\n?/g, '\n');

/** Site settings with the hostile string in every text setting. */
function hostileSite(s: string): FeedSite & ApiSiteSettings {
	return { ...site, companyName: `Company ${s}`, title: `Site ${s}`, description: `Description ${s}`, lang: `en${s}` };
}

/** Seed 000 with the hostile string in every text field a posting has. */
function hostilePosting(s: string): Posting {
	return {
		...seed('000'),
		id: `id ${s}`,
		title: `Title ${s}`,
		team: `Team ${s}`,
		department: `Department ${s}`,
		summary: `Summary ${s}`,
		locations: [
			{ kind: 'city', id: 'city', name: `City ${s}`, city: `City ${s}`, region: `Region ${s}`, country: 'PT', countries: ['PT'], workplace: 'onsite', remote: false, label: `Label ${s}`, cityLabel: `City label ${s}`, countryName: `Country ${s}` },
			{ kind: 'country', id: 'country', name: `Remote country ${s}`, country: 'US', countries: ['US'], workplace: 'remote', remote: true, label: `Remote ${s}`, countryName: `Remote country ${s}` },
		],
		payRanges: [{ appliesTo: `Applies ${s}`, min: 1, max: 2, currency: 'EUR', period: 'YEAR', text: `Pay ${s}` }],
		sections: [
			{ id: 'lead', kind: 'role', html: `<p>Lead ${escapeHtml(s)}</p>` },
			{ id: 'about', title: `Section ${s}`, kind: 'team', html: `<p>Raw ${s}</p>` },
		],
	};
}

const company = (s: string): CompanyBlock[] => [{ id: 'intro', kind: 'intro', html: `<p>Company text ${escapeHtml(s)}</p>`, usedBy: 1 }];

/** Every string anywhere in a parsed JSON value. */
function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => [key, ...strings(inner)]);
	return [];
}

/** A published JSON document: valid UTF-8 when encoded, parseable, and nothing unsafe in any string. */
function parseJson(json: string, context: string): unknown {
	expect(Buffer.from(json, 'utf8').toString('utf8'), `${context}: not valid Unicode`).toBe(json);
	const value: unknown = JSON.parse(json);
	for (const text of strings(value)) expect(firstUnsafeCharacter(text), `${context}: ${label(text)}`).toBeUndefined();
	return value;
}

/** Channel and items of a feed, parsed strictly. */
async function feed(options: ReturnType<typeof feedOptions>): Promise<{ channel: XmlElement; items: XmlElement[] }> {
	const xml = await getRssString(options);
	const channel = child(parseXmlStrict(xml), 'channel');
	return { channel, items: childrenNamed(channel, 'item') };
}

describe('every output stays well-formed with a hostile string in every field', () => {
	for (const { category, value: s } of corpus) {
		describe(`${category}: ${label(s)}`, () => {
			const posting = hostilePosting(s);
			const settings = hostileSite(s);

			it('feeds: strict XML, every text as written but the unsafe characters', async () => {
				const all = await feed(feedOptions('all', undefined, [posting], settings));
				expect(child(all.channel, 'title').text).toBe(inXml(`Site ${s}`));
				expect(child(all.channel, 'description').text).toBe(inXml(`Description ${s}`));
				// @astrojs/rss re-parses customData (the language and self link) and trims the values it reads.
				expect(child(all.channel, 'language').text).toBe(inXml(`en${s}`).trim());
				expect(all.items).toHaveLength(1);
				const [item] = all.items as [XmlElement];
				expect(child(item, 'title').text).toBe(inXml(`Title ${s}`));
				expect(child(item, 'description').text).toBe(inXml(`Summary ${s}`));
				expect(childrenNamed(item, 'category').map((category) => category.text)).toEqual(feedCategories(posting).map(inXml));
				expect(child(item, 'link').text).toBe(`https://careers.example.com/jobs/${posting.slug}/`);

				const team = await feed(feedOptions('team', { slug: 'team', heading: `Team ${s} roles` }, [posting], settings));
				expect(child(team.channel, 'title').text).toBe(inXml(`Team ${s} roles at Company ${s}`));
				expect(child(team.channel, 'description').text).toBe(inXml(`Team ${s} roles at Company ${s}, newest first.`));
				const place = await feed(feedOptions('place', { slug: 'place', heading: `Roles in Place ${s}` }, [posting], settings));
				expect(child(place.channel, 'title').text).toBe(inXml(`Roles in Place ${s} at Company ${s}`));
			});

			it('feed links: the title a page puts in <link title> carries nothing unsafe', () => {
				expect(feedLink('team', { slug: 'team', heading: `Team ${s} roles` }, settings).title).toBe(cleanText(`Team ${s} roles at Company ${s}`));
			});

			it('sitemap: strict XML, locations as given but the unsafe characters', () => {
				const loc = `https://careers.example.com/jobs/${s}/`;
				const urls = childrenNamed(parseXmlStrict(renderSitemap([{ loc, lastmod: TODAY }])), 'url');
				expect(urls.map((url) => child(url, 'loc').text)).toEqual([inXml(loc)]);
				// Facet slugs come from slugify; a hostile one still makes an absolute URL.
				const entries = sitemapEntries({ open: [posting], places: [{ slug: s, postings: [posting.slug] }], teams: [{ slug: `t${s}`, postings: [] }] }, site.siteUrl);
				const locs = childrenNamed(parseXmlStrict(renderSitemap(entries)), 'url').map((url) => child(url, 'loc').text);
				expect(locs).toHaveLength(4);
				for (const text of locs) expect(new URL(text).href).toBe(text);
			});

			it('JSON API: parseable, valid Unicode, every text as written but the unsafe characters', () => {
				const file = parseJson(toJson(postingFile(posting, settings, company(s))), 'posting file') as {
					site: Record<string, string>;
					posting: Record<string, unknown> & { locations: Array<Record<string, string>>; payRanges: Array<Record<string, string>>; sections: Array<Record<string, string>> };
				};
				expect(file.site.companyName).toBe(cleanText(`Company ${s}`));
				expect(file.site.description).toBe(cleanText(`Description ${s}`));
				expect(file.posting).toMatchObject({
					id: cleanText(`id ${s}`),
					title: cleanText(`Title ${s}`),
					team: cleanText(`Team ${s}`),
					department: cleanText(`Department ${s}`),
					summary: cleanText(`Summary ${s}`),
					companyHtml: cleanText(`<p>Company text ${escapeHtml(s)}</p>`),
				});
				expect(file.posting.locations[0]).toMatchObject({ city: cleanText(`City ${s}`), region: cleanText(`Region ${s}`), label: cleanText(`Label ${s}`), countryName: cleanText(`Country ${s}`) });
				expect(file.posting.payRanges[0]!.appliesTo).toBe(cleanText(`Applies ${s}`));
				expect(file.posting.sections[1]).toMatchObject({ title: cleanText(`Section ${s}`), html: cleanText(`<p>Raw ${s}</p>`) });

				const list = parseJson(toJson(postingList([posting], settings)), 'posting list') as { postings: Array<Record<string, unknown>> };
				expect(list.postings[0]).toMatchObject({ title: cleanText(`Title ${s}`), summary: cleanText(`Summary ${s}`) });
				const manifest = parseJson(toJson(manifestOf([posting])), 'manifest');
				expect(JSON.stringify(manifest)).toContain(JSON.stringify(cleanText(`Title ${s}`)));
			});

			it('JSON-LD: nothing that ends the script element, parseable, valid, every text as written but the unsafe characters', () => {
				const data = jobPostingLd(posting, settings, `https://careers.example.com/jobs/${posting.slug}/`);
				const json = serializeJsonLd(data);
				expect(json).not.toMatch(/[<>&\u2028\u2029]/);
				// In a page, the element holds exactly the JSON: no string in it closed the element early.
				const $ = cheerio.load(`<body><script type="application/ld+json">${json}</script><p>after</p></body>`);
				expect($('script').text()).toBe(json);
				expect($('p').text()).toBe('after');
				const parsed = parseJson(json, 'JSON-LD') as Record<string, any>;
				expect(jobPostingLdSchema.safeParse(parsed).success).toBe(true);
				expect(parsed['title']).toBe(cleanText(`Title ${s}`));
				expect(parsed['hiringOrganization'].name).toBe(cleanText(`Company ${s}`));
				expect(parsed['identifier'].value).toBe(cleanText(`id ${s}`));
				expect(parsed['jobLocation'].address).toMatchObject({ addressLocality: cleanText(`City ${s}`), addressRegion: cleanText(`Region ${s}`) });
				expect(parsed['applicantLocationRequirements'].name).toBe(cleanText(`Remote country ${s}`));
				expect(parsed['description']).toBe(cleanText(`<p>Lead ${escapeHtml(s)}</p><h2>Section ${escapeHtml(s)}</h2><p>Raw ${s}</p>`));
			});

			it('_redirects: one rule per line, three tokens, nothing a host reads as a pattern or a comment', () => {
				const from = rolePath(`old ${s}`);
				const file = redirectsFile([
					{ from, to: rolePath(`new ${s}`) },
					{ from: rolePath('former'), to: rolePath('current') },
				]);
				const lines = file.split('\n');
				expect(lines.at(-1)).toBe('');
				const rules = lines.slice(1, -1);
				expect(rules).toHaveLength(4);
				for (const rule of rules) expect(rule).toMatch(/^\/[\w.~%/-]* \/[\w.~%/-]* 301$/);
				expect(rules).toContain('/jobs/former/ /jobs/current/ 301');
				// The hostile rule still names the page: decoded, its path is the path given, minus unsafe characters.
				const hostile = rules.filter((rule) => !rule.startsWith('/jobs/former')).map((rule) => rule.split(' ').map((token) => decodeURIComponent(token)));
				expect(hostile).toContainEqual([cleanText(from), cleanText(rolePath(`new ${s}`)), '301']);
			});
		});
	}
});

describe('postings with hostile text in their HTML, through the pipeline', () => {
	// Bodies are where `&#1;` and raw control characters come from: the front matter refuses them.
	// A raw NUL makes the whole file unreadable as UTF-8 text (a clear error, tested with the
	// malformed corpus), so here it arrives the way HTML can still carry it, as `&#0;`.
	const files = corpus.map(({ value: raw }, index) => ({ value: raw.replaceAll('\u0000', '&#0;'), index })).map(({ value, index }) => ({
		file: `content/postings/hostile-${index}.html`,
		source: `---\ntitle: Role ${index}\nteam: Team ${index % 3}\nlocations: [Lisbon, Portugal]\n---\n<p>We build the platform ${value} for everyone.</p><h3>What you will do</h3><ul><li>Ship ${value} daily.</li></ul>`,
	}));
	const { postings, company: blocks } = normalizePostings(files, site, { today: TODAY });

	it('keeps every posting', () => {
		expect(postings).toHaveLength(corpus.length);
	});

	it('every feed, API file and JSON-LD block is well-formed', async () => {
		const settings = hostileSite('');
		const all = await feed(feedOptions('all', undefined, postings, settings));
		expect(all.items).toHaveLength(corpus.length);
		for (const [index, posting] of postings.entries()) {
			const context = `${label(corpus[index]!.value)}`;
			const item = all.items.find((candidate) => child(candidate, 'link').text === `https://careers.example.com/jobs/${posting.slug}/`);
			expect(item && child(item, 'description').text, context).toBe(inXml(posting.summary));
			const file = parseJson(toJson(postingFile(posting, settings, blocks)), context) as { posting: { html: string } };
			expect(file.posting.html, context).toBe(cleanText(file.posting.html));
			const json = serializeJsonLd(jobPostingLd(posting, settings, `https://careers.example.com/jobs/${posting.slug}/`));
			expect(json, context).not.toMatch(/[<>&\u2028\u2029]/);
			expect(jobPostingLdSchema.safeParse(parseJson(json, context)).success, context).toBe(true);
		}
		parseJson(toJson(postingList(postings, settings)), 'posting list');
	});

	it('drops the characters a character reference decoded to, and keeps the text around them', async () => {
		const index = corpus.findIndex(({ value }) => value === '&#1;');
		const posting = postings[index]!;
		// The pipeline drops it from the role text itself, so pages carry it no more than feeds do.
		expect(posting.sections.map((section) => section.html).join('')).toBe('<p>We build the platform for everyone.</p><ul><li>Ship daily.</li></ul>');
		const item = (await feed(feedOptions('all', undefined, [posting], hostileSite('')))).items[0]!;
		expect(child(item, 'description').text).toBe(cleanText(posting.summary));
		expect(child(item, 'description').text).toContain('We build the platform for everyone.');
	});

	it('drops them from the spreadsheet values it notes for the review too, which are read before the sanitizer runs', () => {
		// Found by a fuzzing run: a cell's `&#xFFFE;` reached the review page and the pull request's comment.
		const cell = `<span data-sheets-value='{"1":2,"2":"Stale&#xFFFE; 137,000"}'>Shown&#1; 168,000</span>`;
		const { postings: [posting] } = normalizePostings([{ file: 'content/postings/cell.html', source: `---\ntitle: Role\n---\n<p>Pay: ${cell} a year.</p>` }], site, { today: TODAY });
		expect(posting?.notes.hiddenValues).toEqual([{ attribute: 'data-sheets-value', hidden: 'Stale 137,000', visible: 'Shown 168,000', context: 'Pay: Shown 168,000 a year.' }]);
	});
});
