import { describe, expect, it } from 'vitest';
import { makePlace } from '../../src/postings/places/make.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { jobPostingLdSchema, type JobPostingLd } from '../../src/schemas/job-posting-ld.ts';
import type { Location, Posting } from '../../src/schemas/posting.ts';
import { jobPostingLd, roleDescription } from '../../src/seo/job-posting.ts';
import { serializeJsonLd } from '../../src/seo/json-ld.ts';
import { FIXTURES, seed, seedCatalogue, site, textOf, TODAY } from './helpers.ts';

const URL_OF = (posting: Posting) => `https://careers.example.com/jobs/${posting.slug}/`;
const ld = (posting: Posting, settings = site) => jobPostingLd(posting, settings, URL_OF(posting));
/** The JSON-LD of a posting that must have one. */
const must = (posting: Posting, settings = site): JobPostingLd => {
	const data = ld(posting, settings);
	if (!data) throw new Error(`no JSON-LD for ${posting.slug}`);
	return data;
};

const place = (addressLocality: string, addressCountry: string, addressRegion?: string) => ({
	'@type': 'Place',
	address: { '@type': 'PostalAddress', addressLocality, ...(addressRegion ? { addressRegion } : {}), addressCountry },
});
const denver: Location = makePlace({ city: 'Denver', region: 'CO', country: 'US' });
const newYork: Location = makePlace({ city: 'New York', region: 'NY', country: 'US' });
const remoteUs: Location = makePlace({ country: 'US', remote: true });

/** Seed 000 with front matter in front, through the whole pipeline. */
function seed000With(frontMatter: string): Posting {
	const source = readFileSync(join(FIXTURES, 'seeds/000_d1e515e116b35d49.html'), 'utf8');
	const { postings } = normalizePostings([{ file: 'tests/fixtures/seeds/000_d1e515e116b35d49.html', source: `---\n${frontMatter}\n---\n${source}` }], site, { today: TODAY });
	return postings[0]!;
}

describe('jobPostingLd', () => {
	it('marks up seed 000 with its three offices and the role as the page shows it', () => {
		const posting = seed('000');
		const data = must(posting);
		const { description, ...rest } = data;
		expect(rest).toEqual({
			'@context': 'https://schema.org',
			'@type': 'JobPosting',
			title: 'Engineering Manager, Workers Runtime',
			datePosted: TODAY,
			hiringOrganization: { '@type': 'Organization', name: 'Cloudflare', sameAs: 'https://www.cloudflare.com/' },
			jobLocation: [place('Austin', 'US', 'TX'), place('Lisbon', 'PT', 'Lisboa'), place('London', 'GB')],
			identifier: { '@type': 'PropertyValue', name: 'Cloudflare', value: '000_d1e515e116b35d49' },
			directApply: false,
			url: 'https://careers.example.com/jobs/engineering-manager-workers-runtime/',
		});
		expect(jobPostingLdSchema.safeParse(data).success).toBe(true);
		// The role's sections, each under its h2; not the company text every posting carries.
		expect(cheerio.load(description, null, false)('h2').toArray().map((h2) => cheerio.load(h2).text())).toEqual([
			'About the Team',
			"What you'll do",
			'Examples of desirable skills, knowledge and experience',
			'Bonus Points',
		]);
		expect(description.startsWith('<h2>About the Team</h2><p>The Workers Runtime team delivers features')).toBe(true);
		expect(description).toBe(posting.sections.map((section) => `<h2>${section.title}</h2>${section.html}`).join(''));
		const company = seedCatalogue().company.filter((block) => posting.company.includes(block.id));
		expect(company.length).toBe(12);
		for (const block of company) expect(textOf(description)).not.toContain(textOf(block.html));
		expect(description).not.toContain('equal opportunity');
	});

	it('marks up seed 002 as both: four offices, or remote from their four countries', () => {
		const data = must(seed('002'));
		// Regions by their English names where CLDR's agrees with another source ("Bavaria", not ISO's "Bayern").
		expect(data.jobLocation).toEqual([place('Amsterdam', 'NL', 'North Holland'), place('Lisbon', 'PT', 'Lisboa'), place('London', 'GB'), place('Munich', 'DE', 'Bavaria')]);
		expect(data.jobLocationType).toBe('TELECOMMUTE');
		expect(data.applicantLocationRequirements).toEqual([
			{ '@type': 'Country', name: 'Netherlands' },
			{ '@type': 'Country', name: 'Portugal' },
			{ '@type': 'Country', name: 'United Kingdom' },
			{ '@type': 'Country', name: 'Germany' },
		]);
		expect(data.title).toBe('Engineering Manager, Observability');
		expect(jobPostingLdSchema.safeParse(data).success).toBe(true);
	});

	it('gives seed 003 its two pay ranges, one MonetaryAmount each, once it names a place', () => {
		const posting = { ...seed('003'), locations: [denver, newYork] };
		const data = must(posting);
		expect(data.jobLocation).toEqual([place('Denver', 'US', 'CO'), place('New York', 'US', 'NY')]);
		expect(data.baseSalary).toEqual([
			{ '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: 168000, maxValue: 206000, unitText: 'YEAR' } },
			{ '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', minValue: 187000, maxValue: 229000, unitText: 'YEAR' } },
		]);
		expect(data.jobLocationType).toBeUndefined();
		expect(jobPostingLdSchema.safeParse(data).success).toBe(true);
	});

	it('writes a single pay range, a single place and a single country as plain objects', () => {
		const posting = seed('003');
		const data = must({ ...posting, locations: [denver, remoteUs], payRanges: [posting.payRanges[0]!] });
		expect(data.jobLocation).toEqual(place('Denver', 'US', 'CO'));
		expect(data.applicantLocationRequirements).toEqual({ '@type': 'Country', name: 'United States' });
		expect(data.baseSalary).toEqual({
			'@type': 'MonetaryAmount',
			currency: 'USD',
			value: { '@type': 'QuantitativeValue', minValue: 168000, maxValue: 206000, unitText: 'YEAR' },
		});
		expect(jobPostingLdSchema.safeParse(data).success).toBe(true);
	});

	it('marks a remote-only role up as TELECOMMUTE with no place', () => {
		const data = must({ ...seed('004'), locations: [remoteUs] });
		expect(data.jobLocation).toBeUndefined();
		expect(data.jobLocationType).toBe('TELECOMMUTE');
		expect(data.applicantLocationRequirements).toEqual({ '@type': 'Country', name: 'United States' });
		expect(jobPostingLdSchema.safeParse(data).success).toBe(true);
	});

	it('gives no markup for a role that names no place, and never invents one', () => {
		for (const prefix of ['001', '003', '004']) {
			expect(seed(prefix).locations, prefix).toEqual([]);
			expect(ld(seed(prefix)), prefix).toBeUndefined();
		}
	});

	it('marks up an on-site country without a city as a place in that country', () => {
		const portugal: Location = makePlace({ country: 'PT' });
		const data = ld({ ...seed('000'), locations: [portugal] })!;
		expect(data.jobLocation).toEqual({ '@type': 'Place', address: { '@type': 'PostalAddress', addressCountry: 'PT' } });
		expect(data.jobLocationType).toBeUndefined();
		expect(jobPostingLdSchema.safeParse(data).success).toBe(true);
	});

	it('gives no markup for a closed or draft role', () => {
		expect(ld({ ...seed('000'), status: 'closed' })).toBeUndefined();
		expect(ld({ ...seed('000'), status: 'draft' })).toBeUndefined();
	});

	it('takes validThrough, employmentType and a role-specific apply form from the front matter', () => {
		const given = seed000With('applyUrl: https://boards.example.com/cloudflare/jobs/4711\nvalidThrough: 2026-12-31\nemploymentType: full-time');
		expect(given.provenance['applyUrl']).toEqual({ source: 'given' });
		const data = must(given);
		expect(data.directApply).toBe(true);
		expect(data.validThrough).toBe('2026-12-31');
		expect(data.employmentType).toBe('FULL_TIME');
		expect(jobPostingLdSchema.safeParse(data).success).toBe(true);
		// The site-wide careers page is no application form for this role.
		expect(seed('000').provenance['applyUrl']).toEqual({ source: 'default' });
		expect(must(seed('000')).directApply).toBe(false);
	});

	it('links the logo absolutely and leaves sameAs out when the company has no website', () => {
		const { companyUrl: _, ...settings } = { ...site, logo: '/logo.svg' };
		expect(must(seed('000'), settings).hiringOrganization).toEqual({ '@type': 'Organization', name: 'Cloudflare', logo: 'https://careers.example.com/logo.svg' });
	});

	it('escapes section titles, which are plain text, in the HTML description', () => {
		expect(roleDescription([{ id: 'r-d', title: 'R&D <Team>', kind: 'team', html: '<p>Hi</p>' }, { id: 'x', kind: 'other', html: '<p>Lead</p>' }])).toBe(
			'<h2>R&amp;D &lt;Team&gt;</h2><p>Hi</p><p>Lead</p>',
		);
	});
});

describe('jobPostingLdSchema', () => {
	const valid = () => must({ ...seed('003'), locations: [denver, newYork], employmentType: 'FULL_TIME', validThrough: '2026-12-31' });
	const fails = (data: unknown) => jobPostingLdSchema.safeParse(data).success === false;

	it('accepts what the builder writes', () => {
		expect(jobPostingLdSchema.parse(valid())).toEqual(valid());
	});

	it('fails when a required field is missing', () => {
		for (const key of ['title', 'description', 'datePosted', 'hiringOrganization', '@type', '@context'] as const) {
			const { [key]: _, ...rest } = valid();
			expect(fails(rest), key).toBe(true);
		}
		expect(fails({ ...valid(), hiringOrganization: { '@type': 'Organization' } })).toBe(true);
		expect(fails({ ...valid(), title: '' })).toBe(true);
	});

	it('needs a place with an address, unless the role is TELECOMMUTE with applicant countries', () => {
		const { jobLocation: _, ...nowhere } = valid();
		expect(fails(nowhere)).toBe(true);
		expect(fails({ ...nowhere, jobLocationType: 'TELECOMMUTE' })).toBe(true);
		expect(fails({ ...nowhere, applicantLocationRequirements: { '@type': 'Country', name: 'United States' } })).toBe(true);
		expect(fails({ ...nowhere, jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'Country', name: 'United States' } })).toBe(false);
		expect(fails({ ...valid(), jobLocation: { '@type': 'Place' } })).toBe(true);
		expect(fails({ ...valid(), jobLocation: [] })).toBe(true);
		expect(fails({ ...valid(), jobLocation: place('Denver', 'USA') })).toBe(true);
		expect(fails({ ...valid(), jobLocationType: 'REMOTE' })).toBe(true);
	});

	it('fails a malformed salary', () => {
		const salary = (value: Record<string, unknown>, currency = 'USD') => ({ ...valid(), baseSalary: { '@type': 'MonetaryAmount', currency, value: { '@type': 'QuantitativeValue', ...value } } });
		expect(fails(salary({ minValue: 168000, maxValue: 206000, unitText: 'YEAR' }))).toBe(false);
		expect(fails(salary({ value: 40, unitText: 'HOUR' }))).toBe(false);
		expect(fails(salary({ minValue: 168000, maxValue: 206000, unitText: 'ANNUAL' }))).toBe(true);
		expect(fails(salary({ minValue: 168000, maxValue: 206000, unitText: 'year' }))).toBe(true);
		expect(fails(salary({ minValue: 206000, maxValue: 168000, unitText: 'YEAR' }))).toBe(true);
		expect(fails(salary({ minValue: 168000, unitText: 'YEAR' }))).toBe(true);
		expect(fails(salary({ value: 40, minValue: 30, maxValue: 50, unitText: 'HOUR' }))).toBe(true);
		expect(fails(salary({ unitText: 'YEAR' }))).toBe(true);
		expect(fails(salary({ minValue: '168000', maxValue: '206000', unitText: 'YEAR' }))).toBe(true);
		expect(fails(salary({ minValue: 168000, maxValue: 206000 }))).toBe(true);
		expect(fails(salary({ minValue: 168000, maxValue: 206000, unitText: 'YEAR' }, 'usd'))).toBe(true);
		expect(fails(salary({ minValue: 168000, maxValue: 206000, unitText: 'YEAR' }, '$'))).toBe(true);
		expect(fails({ ...valid(), baseSalary: [] })).toBe(true);
		expect(fails({ ...valid(), baseSalary: 168000 })).toBe(true);
	});

	it('fails bad dates, employment types and unknown properties', () => {
		expect(fails({ ...valid(), datePosted: '23/11/2026' })).toBe(true);
		expect(fails({ ...valid(), validThrough: '2027-02-31' })).toBe(true);
		expect(fails({ ...valid(), validThrough: '2026-01-01' })).toBe(true);
		expect(fails({ ...valid(), employmentType: 'FULLTIME' })).toBe(true);
		expect(fails({ ...valid(), employmentType: ['FULL_TIME', 'CONTRACTOR'] })).toBe(false);
		expect(fails({ ...valid(), directApply: 'yes' })).toBe(true);
		expect(fails({ ...valid(), url: '/jobs/x/' })).toBe(true);
		expect(fails({ ...valid(), salary: 1 })).toBe(true);
		expect(fails({ ...valid(), identifier: { '@type': 'PropertyValue', name: 'Cloudflare' } })).toBe(true);
	});
});

describe('serializeJsonLd', () => {
	const hostile = '</script><script>alert(1)</script> <!-- & \u2028\u2029 done';

	it('escapes <, >, &, U+2028 and U+2029 as \\uXXXX', () => {
		expect(serializeJsonLd({ title: hostile })).toBe(
			'{"title":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u003c!-- \\u0026 \\u2028\\u2029 done"}',
		);
		expect(serializeJsonLd({ n: 1, ok: true, list: ['a'] })).toBe('{"n":1,"ok":true,"list":["a"]}');
		expect(() => serializeJsonLd(undefined)).toThrow(TypeError);
	});

	it('keeps a hostile title inside the element, and reads back as the same value', () => {
		const data = must({ ...seed('000'), title: `Engineer ${hostile}` });
		const json = serializeJsonLd(data);
		expect(json).not.toMatch(/[<>&\u2028\u2029]/);
		expect(JSON.parse(json)).toEqual(data);
		const $ = cheerio.load(`<!doctype html><html><head><script type="application/ld+json">${json}</script></head><body><p id="after">After</p></body></html>`);
		expect($('script').length).toBe(1);
		expect(JSON.parse($('script').text())).toEqual(data);
		expect($('#after').text()).toBe('After');
	});
});
