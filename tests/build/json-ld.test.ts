import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { formatPay } from '../../src/utils/format.ts';
import { jobPostingLdSchema, type JobPostingLd, type MonetaryAmountLd, type PlaceLd } from '../../src/schemas/job-posting-ld.ts';
import { DIST, LIFECYCLE_DIST, pages } from './build-helpers.ts';

/**
 * Google JobPosting markup on the built sites (npm test builds both first):
 * exactly one on each open role page that names a place, none anywhere else,
 * and nothing in it the page does not show.
 */

type Page = ReturnType<typeof pages>[number];

const ROLE = /^jobs\/([^/]+)\/index\.html$/;
const squash = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The JSON-LD blocks of a page, as they are written. */
function blocks(page: Page): string[] {
	const $ = cheerio.load(page.html);
	return $('script[type="application/ld+json"]')
		.toArray()
		.map((script) => $(script).text());
}

/** An open role page: a role page that is neither closed nor a redirect (those are noindex). */
function isOpenRole(page: Page): boolean {
	return ROLE.test(page.path) && cheerio.load(page.html)('meta[name="robots"][content="noindex"]').length === 0;
}

/** The text of a role page's fact list entry, e.g. "Location". */
function fact($: cheerio.CheerioAPI, term: string): string {
	const dt = $('article header dt').filter((_, element) => $(element).text().trim() === term);
	return squash(dt.next('dd').text());
}

/** Checks one page's markup against what the page shows, and returns it. */
function checkVisible(page: Page): JobPostingLd {
	const [json] = blocks(page);
	const data = jobPostingLdSchema.parse(JSON.parse(json!));
	const $ = cheerio.load(page.html);
	expect(data.url, page.path).toBe($('link[rel="canonical"]').attr('href'));
	expect(squash($('article h1').text()), page.path).toBe(data.title);
	expect(squash($('header').first().text()), page.path).toContain(data.hiringOrganization.name);
	const where = fact($, 'Location');
	for (const place of list<PlaceLd>(data.jobLocation)) expect(where, page.path).toContain(place.address.addressLocality);
	if (data.jobLocationType === 'TELECOMMUTE') expect(where.toLowerCase(), page.path).toContain('remote');
	for (const area of list(data.applicantLocationRequirements)) expect(where, page.path).toContain(area.name);
	const pay = $('article header dt')
		.filter((_, element) => $(element).text().trim() === 'Pay')
		.next('dd')
		.find('li')
		.toArray()
		.map((li) => squash($(li).text()));
	for (const amount of list<MonetaryAmountLd>(data.baseSalary)) {
		const { minValue, maxValue, unitText } = amount.value;
		const shown = formatPay({ min: minValue!, max: maxValue!, currency: amount.currency, period: unitText, text: '' });
		expect(pay.filter((line) => line.endsWith(shown)), `${page.path}: ${shown} in ${pay.join(' | ')}`).toHaveLength(1);
	}
	expect($(`article header dt:contains("Posted") + dd time[datetime="${data.datePosted}"]`).length, page.path).toBe(1);
	if (data.validThrough) expect($(`article header dt:contains("Apply by") + dd time[datetime="${data.validThrough}"]`).length, page.path).toBe(1);
	else expect(fact($, 'Apply by'), page.path).toBe('');
	for (const type of list(data.employmentType)) expect(fact($, 'Employment'), page.path).toBe(type.toLowerCase().replace(/_/g, '-'));
	// The description is the role's own text, section by section, as the article shows it.
	const description = cheerio.load(data.description, null, false);
	const headings = $('article h2').toArray().map((h2) => squash($(h2).text()));
	for (const h2 of description('h2').toArray()) expect(headings, page.path).toContain(squash(description(h2).text()));
	expect($('article .prose').text().replace(/\s+/g, ''), page.path).toContain(description.root().text().replace(/\s+/g, ''));
	return data;
}

describe.each([
	{
		name: 'the site from content/',
		dir: DIST,
		// Seeds 001, 003 and 004 name no place.
		open: 5,
		marked: ['engineering-manager-observability', 'engineering-manager-workers-runtime'],
	},
	{
		name: 'the lifecycle site',
		dir: LIFECYCLE_DIST,
		// 001 is closed, 005 a draft; the others all name a place by now.
		open: 4,
		marked: ['engineering-manager-observability', 'engineering-manager-workers-runtime', 'software-engineer-cloudflare-tunnel', 'systems-engineer-global-scheduling'],
	},
])('JobPosting JSON-LD on $name', ({ dir, open: openCount, marked }) => {
	let built: Page[];

	beforeAll(() => {
		if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} is missing: run npm test (it builds both sites)`);
		built = pages(dir);
	});

	it('is on exactly the open role pages that name a place, once each', () => {
		const open = built.filter(isOpenRole);
		expect(open).toHaveLength(openCount);
		for (const page of open) {
			const named = fact(cheerio.load(page.html), 'Location') !== 'Location not specified';
			expect(blocks(page).length, page.path).toBe(named ? 1 : 0);
		}
		const withMarkup = built.filter((page) => blocks(page).length > 0).map((page) => page.path.match(ROLE)?.[1]);
		expect(withMarkup).toEqual(marked);
	});

	it('passes the schema of what Google requires, and shows everything it marks up', () => {
		for (const page of built.filter((candidate) => blocks(candidate).length > 0)) {
			const data = checkVisible(page);
			expect(data.directApply, page.path).toBe(false);
			expect(data.identifier?.name, page.path).toBe('Cloudflare');
		}
	});

	it('is a data block whose text cannot close it', () => {
		for (const page of built.filter((candidate) => blocks(candidate).length > 0)) {
			const $ = cheerio.load(page.html);
			const script = $('script[type="application/ld+json"]');
			// After the role in <main>: Google reads JSON-LD anywhere, and gzip reuses the role text sent before it.
			expect(script.parent().is('main'), page.path).toBe(true);
			expect(Object.keys(script.get(0)!.attribs), page.path).toEqual(['type']);
			expect(script.text(), page.path).not.toMatch(/[<>&\u2028\u2029]/);
		}
	});

	it('is on no listing, 404, closed-role or redirect page', () => {
		const others = built.filter((page) => !isOpenRole(page));
		expect(others.map((page) => page.path)).toEqual(expect.arrayContaining(['404.html', 'index.html', 'locations/lisbon-portugal/index.html', 'teams/workers-runtime/index.html']));
		for (const page of others) expect(blocks(page), page.path).toEqual([]);
	});
});

describe('JobPosting JSON-LD on the lifecycle roles', () => {
	const read = (slug: string) => {
		const page = pages(LIFECYCLE_DIST).find((candidate) => candidate.path === `jobs/${slug}/index.html`);
		if (!page) throw new Error(`no page for ${slug}`);
		return page;
	};
	const dataOf = (slug: string) => jobPostingLdSchema.parse(JSON.parse(blocks(read(slug))[0]!));

	it('marks the remote-only tunnel role up as TELECOMMUTE from the United States, with no place', () => {
		const data = dataOf('software-engineer-cloudflare-tunnel');
		expect(data).toMatchObject({
			title: 'Software Engineer, Cloudflare Tunnel',
			datePosted: '2026-11-02',
			jobLocationType: 'TELECOMMUTE',
			applicantLocationRequirements: { '@type': 'Country', name: 'United States' },
			identifier: { '@type': 'PropertyValue', name: 'Cloudflare', value: '004_cloudflare-tunnel' },
			url: 'https://careers.example.com/jobs/software-engineer-cloudflare-tunnel/',
		});
		expect(data.jobLocation).toBeUndefined();
		expect(data.baseSalary).toBeUndefined();
	});

	it('marks the scheduling role up with its two offices and both pay ranges', () => {
		const data = dataOf('systems-engineer-global-scheduling');
		expect(data).toMatchObject({
			title: 'Systems Engineer, Global Scheduling',
			datePosted: '2026-10-20',
			employmentType: 'FULL_TIME',
			jobLocation: [
				{ '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Denver', addressRegion: 'CO', addressCountry: 'US' } },
				{ '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'New York', addressRegion: 'NY', addressCountry: 'US' } },
			],
			baseSalary: [
				{ '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: 168000, maxValue: 206000, unitText: 'YEAR' } },
				{ '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: 187000, maxValue: 229000, unitText: 'YEAR' } },
			],
		});
		expect(data.jobLocationType).toBeUndefined();
		const $ = cheerio.load(read('systems-engineer-global-scheduling').html);
		expect($('dt:contains("Pay") + dd li').toArray().map((li) => squash($(li).text()))).toEqual(['Colorado: $168,000 – $206,000 per year', 'New York City: $187,000 – $229,000 per year']);
	});

	it('gives the workers runtime role its last day to apply', () => {
		expect(dataOf('engineering-manager-workers-runtime')).toMatchObject({ datePosted: '2026-09-14', validThrough: '2099-12-31', employmentType: 'FULL_TIME' });
	});

	it('leaves the closed role and the former slugs without markup', () => {
		for (const slug of ['senior-systems-engineer-workers-runtime-cpp', 'runtime-engineer-cpp', 'tunnel-engineer']) {
			expect(cheerio.load(read(slug).html)('meta[name="robots"]').attr('content'), slug).toBe('noindex');
			expect(blocks(read(slug)), slug).toEqual([]);
		}
	});
});
