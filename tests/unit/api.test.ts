import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { apiJsonSchema, apiPosting, apiSite, listingOrder, postingFile, postingList, roleHtml, toJson, type ApiSiteSettings } from '../../src/publish/api.ts';
import { API_VERSION, apiPostingFileSchema, apiPostingListSchema } from '../../src/schemas/api.ts';
import type { CompanyBlock, Posting } from '../../src/schemas/posting.ts';
import { seed, seedCatalogue, site, textOf, TODAY } from './helpers.ts';

const settings: ApiSiteSettings = { ...site, title: 'Careers at Cloudflare' };

function blocksOf(posting: Posting): CompanyBlock[] {
	const company = new Map(seedCatalogue().company.map((block) => [block.id, block]));
	return posting.company.map((id) => company.get(id)).filter((block): block is CompanyBlock => block !== undefined);
}

/** Every `$ref` anywhere in a JSON document. */
function refs(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(refs);
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, inner]) => (key === '$ref' && typeof inner === 'string' ? [inner] : refs(inner)));
	}
	return [];
}

describe('apiSite', () => {
	it('publishes the site settings, null where one is not set', () => {
		expect(apiSite(settings)).toEqual({
			companyName: 'Cloudflare',
			companyUrl: 'https://www.cloudflare.com/',
			title: 'Careers at Cloudflare',
			description: 'Open roles at Cloudflare, on a mission to help build a better Internet.',
			url: 'https://careers.example.com/',
			lang: 'en',
		});
		expect(apiSite({ companyName: 'Acme', siteUrl: 'https://jobs.acme.test', title: 'Careers at Acme', lang: 'de' })).toEqual({
			companyName: 'Acme',
			companyUrl: null,
			title: 'Careers at Acme',
			description: null,
			url: 'https://jobs.acme.test/',
			lang: 'de',
		});
	});
});

describe('apiPosting', () => {
	it('publishes the scheduling role with its pay ranges, nulls where the seed says nothing', () => {
		expect(apiPosting(seed('003'), { siteUrl: site.siteUrl, perRoleJson: true })).toEqual({
			id: '003_2e4cdf5e0a274030',
			slug: 'systems-engineer-global-scheduling',
			url: 'https://careers.example.com/jobs/systems-engineer-global-scheduling/',
			apiUrl: 'https://careers.example.com/api/postings/systems-engineer-global-scheduling.json',
			title: 'Systems Engineer, Global Scheduling',
			team: null,
			department: null,
			employmentType: null,
			lang: 'en',
			datePosted: TODAY,
			dateModified: TODAY,
			validThrough: null,
			locations: [],
			payRanges: [
				{ min: 168000, max: 206000, currency: 'USD', period: 'YEAR', appliesTo: 'Colorado', bound: null, label: '$168,000 – $206,000 per year' },
				{ min: 187000, max: 229000, currency: 'USD', period: 'YEAR', appliesTo: 'New York City', bound: null, label: '$187,000 – $229,000 per year' },
			],
			summary: 'Cloudflare is a network which truly spans the globe, on a mission to make the internet better, safer, and more powerful everyday.',
			applyUrl: 'https://www.cloudflare.com/careers/jobs/',
		});
	});

	it('publishes locations with every field present', () => {
		const posting = apiPosting(seed('000'), { siteUrl: site.siteUrl, perRoleJson: true });
		expect(posting.team).toBe('Workers Runtime');
		expect(posting.department).toBeNull();
		expect(posting.locations).toEqual([
			{ id: 'austin-texas', kind: 'city', city: 'Austin', region: 'TX', country: 'US', countryName: 'United States', area: null, countries: ['US'], workplace: 'onsite', remote: false, label: 'Austin, Texas' },
			{ id: 'lisbon-portugal', kind: 'city', city: 'Lisbon', region: '11', country: 'PT', countryName: 'Portugal', area: null, countries: ['PT'], workplace: 'onsite', remote: false, label: 'Lisbon, Portugal' },
			{ id: 'london-united-kingdom', kind: 'city', city: 'London', region: null, country: 'GB', countryName: 'United Kingdom', area: null, countries: ['GB'], workplace: 'onsite', remote: false, label: 'London, United Kingdom' },
		]);
	});

	it('passes given values through: employment type and last day to apply', () => {
		const posting = apiPosting({ ...seed('000'), employmentType: 'FULL_TIME', validThrough: '2026-12-31' }, { siteUrl: site.siteUrl, perRoleJson: true });
		expect([posting.employmentType, posting.validThrough]).toEqual(['FULL_TIME', '2026-12-31']);
	});

	it('links no file of its own when the site publishes none per role (perRoleJson unset)', () => {
		expect(apiPosting(seed('003'), { siteUrl: site.siteUrl }).apiUrl).toBeNull();
		expect(postingList([seed('003')], { ...settings, perRoleJson: false }).postings[0]?.apiUrl).toBeNull();
		expect(postingList([seed('003')], { ...settings, perRoleJson: true }).postings[0]?.apiUrl).toBe('https://careers.example.com/api/postings/systems-engineer-global-scheduling.json');
	});
});

describe('postingList', () => {
	it('lists every open seed role grouped by team as the place and team pages list them, with the newest dateModified', () => {
		const list = postingList(seedCatalogue().postings, settings);
		expect(list.version).toBe('3');
		expect(list.dateModified).toBe(TODAY);
		expect(list.postings.map((posting) => posting.slug)).toEqual([
			// Cloudflare Tunnel, Observability, Workers Runtime (two roles, by title), then the role with no team.
			'software-engineer-cloudflare-tunnel',
			'engineering-manager-observability',
			'engineering-manager-workers-runtime',
			'senior-systems-engineer-workers-runtime-cpp',
			'systems-engineer-global-scheduling',
		]);
		expect(listingOrder(seedCatalogue().postings).map((posting) => posting.slug)).toEqual(list.postings.map((posting) => posting.slug));
		expect(apiPostingListSchema.parse(list)).toEqual(list);
	});

	it('dates the list by its newest role, and an empty list by nothing', () => {
		const older = { ...seed('000'), dateModified: '2026-09-14' };
		const newer = { ...seed('004'), dateModified: '2026-11-02' };
		expect(postingList([older, newer], settings).dateModified).toBe('2026-11-02');
		expect(postingList([], settings)).toEqual({ version: API_VERSION, site: apiSite(settings), dateModified: null, postings: [] });
	});

	it('serializes to the same bytes every time: nothing depends on the build time', () => {
		const first = toJson(postingList(seedCatalogue().postings, settings));
		expect(toJson(postingList(seedCatalogue().postings, settings))).toBe(first);
		expect(first.endsWith('}\n')).toBe(true);
		expect(JSON.parse(first)).toEqual(postingList(seedCatalogue().postings, settings));
	});

	it('refuses to publish what its schema rejects', () => {
		expect(() => postingList([{ ...seed('000'), datePosted: '14 September 2026' }], settings)).toThrow(/datePosted/);
	});
});

describe('postingFile', () => {
	it('carries the role HTML section by section, as the role page shows it', () => {
		const file = postingFile(seed('003'), settings, blocksOf(seed('003')));
		expect(apiPostingFileSchema.parse(file)).toEqual(file);
		expect(file.posting.sections.map((section) => [section.id, section.title, section.kind])).toEqual([
			['about-the-role', 'About the Role', 'role'],
			['skills-knowledge-and-experience', 'Skills, Knowledge and Experience', 'requirements'],
			['compensation', 'Compensation', 'compensation'],
			['equity', 'Equity', 'equity'],
			['benefits', 'Benefits', 'benefits'],
		]);
		expect(file.posting.html.startsWith('<h2 id="about-the-role">About the Role</h2>\n<p>')).toBe(true);
		expect(textOf(file.posting.html)).toContain('Colorado');
		expect(file.posting.html).toBe(roleHtml(seed('003')));
		// List fields come first and equal the list entry.
		const { html, sections, companyHtml, ...summary } = file.posting;
		expect(summary).toEqual(apiPosting(seed('003'), { siteUrl: site.siteUrl, perRoleJson: true }));
		expect([html.length > 0, sections.length, companyHtml.length > 0]).toEqual([true, 5, true]);
	});

	it('carries the company text the posting had, sanitized: the legal statements included', () => {
		const file = postingFile(seed('000'), settings, blocksOf(seed('000')));
		expect(textOf(file.posting.companyHtml)).toContain('Cloudflare is proud to be an equal opportunity employer');
		expect(file.posting.companyHtml).not.toMatch(/<script|style=|on[a-z]+=/i);
		expect(postingFile(seed('000'), settings, []).posting.companyHtml).toBe('');
	});

	it('escapes a section title in the joined HTML', () => {
		const posting = { ...seed('003'), sections: [{ id: 'a', title: 'Pay & <perks>', kind: 'benefits' as const, html: '<p>x</p>' }] };
		expect(roleHtml(posting)).toBe('<h2 id="a">Pay &amp; &lt;perks&gt;</h2>\n<p>x</p>');
	});
});

describe('apiJsonSchema', () => {
	const schema = apiJsonSchema(site.siteUrl);

	it('is a draft 2020-12 JSON Schema of both kinds of file, named on the site', () => {
		expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
		expect(schema.$id).toBe('https://careers.example.com/api/schema.json');
		expect(schema.anyOf).toEqual([{ $ref: '#/$defs/PostingList' }, { $ref: '#/$defs/PostingFile' }]);
		const defs = schema.$defs as Record<string, { description?: string; properties?: Record<string, { description?: string }> }>;
		expect(Object.keys(defs).sort()).toEqual(['Location', 'PayRange', 'Posting', 'PostingDetail', 'PostingFile', 'PostingList', 'Section', 'Site']);
		for (const ref of refs(schema)) expect(Object.keys(defs), ref).toContain(ref.replace('#/$defs/', ''));
		// Every field is documented.
		for (const [name, def] of Object.entries(defs)) {
			expect(def.description, name).toBeTruthy();
			for (const [field, property] of Object.entries(def.properties ?? {})) {
				const described = property.description ?? (refs(property).length > 0 ? 'a documented definition' : undefined);
				expect(described, `${name}.${field}`).toBeTruthy();
			}
		}
	});

	it('validates what the builders publish and rejects another version', () => {
		const validator = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
		const list = postingList(seedCatalogue().postings, settings);
		expect(validator.safeParse(list).success).toBe(true);
		expect(validator.safeParse(postingFile(seed('003'), settings, blocksOf(seed('003')))).success).toBe(true);
		expect(validator.safeParse({ ...list, version: '1' }).success).toBe(false);
		expect(validator.safeParse({ ...list, postings: [{ ...list.postings[0], url: 3 }] }).success).toBe(false);
		// Forward compatible: a field added later does not break a stored copy of this schema.
		expect(validator.safeParse({ ...list, postings: [{ ...list.postings[0], addedLater: true }] }).success).toBe(true);
	});
});
