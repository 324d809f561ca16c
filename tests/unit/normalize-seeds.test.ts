import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { sentences } from '../../src/postings/text.ts';
import { blockTexts, seed, seedCatalogue, seedFiles, textOf } from './helpers.ts';

describe('seed postings through the whole pipeline', () => {
	it('builds all five seeds, open', () => {
		const { postings } = seedCatalogue();
		expect(postings.map((posting) => posting.title)).toEqual([
			'Engineering Manager, Workers Runtime',
			'Senior Systems Engineer, Workers Runtime (C++)',
			'Engineering Manager, Observability',
			'Systems Engineer, Global Scheduling',
			'Software Engineer, Cloudflare Tunnel',
		]);
		expect(postings.every((posting) => posting.status === 'open')).toBe(true);
	});

	it('reads the three cities of the Workers Runtime manager role', () => {
		const posting = seed('000');
		expect(posting.locations.map(({ city, region, country, remote }) => ({ city, region, country, remote }))).toEqual([
			{ city: 'Austin', region: 'TX', country: 'US', remote: false },
			{ city: 'Lisbon', region: '11', country: 'PT', remote: false },
			{ city: 'London', region: undefined, country: 'GB', remote: false },
		]);
		expect(posting.locations.map((location) => location.label)).toEqual(['Austin, Texas', 'Lisbon, Portugal', 'London, United Kingdom']);
		expect(posting.provenance.locations).toEqual({
			source: 'inferred',
			evidence: 'Available Locations: Austin, Texas | Lisbon, Portugal | London, United Kingdom',
		});
	});

	it('reads the four countries of the Observability role, each remote', () => {
		const posting = seed('002');
		expect(posting.locations.map(({ city, country, remote }) => ({ city, country, remote }))).toEqual([
			{ city: 'Amsterdam', country: 'NL', remote: true },
			{ city: 'Lisbon', country: 'PT', remote: true },
			{ city: 'London', country: 'GB', remote: true },
			{ city: 'Munich', country: 'DE', remote: true },
		]);
	});

	it('says so when a posting names no location', () => {
		for (const prefix of ['001', '003', '004']) {
			expect(seed(prefix).locations).toEqual([]);
			expect(seed(prefix).provenance.locations).toBeUndefined();
		}
	});

	it('reads the two pay ranges of the scheduling role from the visible text only', () => {
		const posting = seed('003');
		expect(posting.payRanges.map(({ appliesTo, min, max, currency, period }) => ({ appliesTo, min, max, currency, period }))).toEqual([
			{ appliesTo: 'Colorado', min: 168000, max: 206000, currency: 'USD', period: 'YEAR' },
			{ appliesTo: 'New York City', min: 187000, max: 229000, currency: 'USD', period: 'YEAR' },
		]);
		// The stale spreadsheet values are recorded for the review, and nowhere else.
		expect(posting.notes.hiddenValues.map(({ attribute, hidden, visible }) => [attribute, hidden, visible])).toEqual([
			['data-sheets-value', '137000', '168,000'],
			['data-sheets-value', '167000', '206,000'],
		]);
		const catalogue = seedCatalogue();
		const everything = JSON.stringify({ ...catalogue, postings: catalogue.postings.map((item) => ({ ...item, notes: { ...item.notes, hiddenValues: [] } })) });
		expect(everything).not.toContain('137000');
		expect(everything).not.toContain('167000');
		expect(everything).not.toContain('137,000');
		expect(everything).not.toContain('167,000');
	});

	it('finds teams and departments in the text, and records that they were inferred', () => {
		const found = seedCatalogue().postings.map((posting) => [posting.team, posting.department]);
		expect(found).toEqual([
			['Workers Runtime', undefined],
			['Workers Runtime', 'Emerging Technologies & Incubation (ETI)'],
			['Observability', 'Production Engineering'],
			[undefined, undefined],
			['Cloudflare Tunnel', 'Engineering'],
		]);
		expect(seed('004').provenance.team?.source).toBe('inferred');
		expect(seed('004').provenance.team?.evidence).toContain('the Cloudflare Tunnel team');
	});

	it('infers titles from heading anchors and prose, and keeps given titles', () => {
		expect(seed('000').provenance.title).toEqual({ source: 'inferred', evidence: 'EngineeringManagerWorkersRuntime-AbouttheTeam' });
		expect(seed('001').provenance.title?.source).toBe('inferred');
		expect(seed('002').provenance.title?.evidence).toMatch(/^We are looking for an Engineering Manager/);
		expect(seed('003').provenance.title).toEqual({ source: 'given' });
		expect(seed('004').provenance.title).toEqual({ source: 'given' });
	});

	it('makes stable, readable slugs', () => {
		expect(seedCatalogue().postings.map((posting) => posting.slug)).toEqual([
			'engineering-manager-workers-runtime',
			'senior-systems-engineer-workers-runtime-cpp',
			'engineering-manager-observability',
			'systems-engineer-global-scheduling',
			'software-engineer-cloudflare-tunnel',
		]);
	});

	it('splits bodies into named sections of known kinds', () => {
		expect(seed('003').sections.map((section) => [section.title, section.kind])).toEqual([
			['About the Role', 'role'],
			['Skills, Knowledge and Experience', 'requirements'],
			['Compensation', 'compensation'],
			['Equity', 'equity'],
			['Benefits', 'benefits'],
		]);
		// "Health & Welfare Benefits", "Financial Benefits" and "Time Off" are sub-sections of Benefits.
		const benefits = seed('003').sections.find((section) => section.kind === 'benefits')!;
		expect(cheerio.load(benefits.html)('h3').toArray().map((element) => cheerio.load(element).text())).toEqual([
			'Health & Welfare Benefits',
			'Financial Benefits',
			'Time Off',
		]);
		expect(seed('004').sections.map((section) => section.kind)).toEqual(['department', 'responsibilities', 'requirements']);
		expect(seed('000').sections.map((section) => section.id)).toEqual([
			'about-the-team',
			'what-youll-do',
			'examples-of-desirable-skills-knowledge-and-experience',
			'bonus-points',
		]);
	});

	it('turns <br>-separated lines into a list', () => {
		const requirements = seed('002').sections.find((section) => section.kind === 'requirements')!;
		const items = cheerio.load(requirements.html)('li').toArray();
		expect(items).toHaveLength(8);
		expect(cheerio.load(items[0]!).text()).toBe('Experience leading a team and working across multiple teams to deliver results');
	});

	it('stores company text once and keeps it out of role bodies', () => {
		const { postings, company } = seedCatalogue();
		const blurb = 'Cloudflare protects and accelerates any Internet application online without adding hardware';
		const equal = 'Cloudflare is proud to be an equal opportunity employer.';
		const accommodations = 'Cloudflare provides reasonable accommodations to qualified individuals with disabilities.';
		const exportControl = 'This position may require access to information protected under U.S. export control laws';
		for (const phrase of [equal, accommodations, exportControl, 'What Makes Cloudflare Special?']) {
			expect(company.filter((block) => textOf(block.html).includes(phrase))).toHaveLength(1);
		}
		// The blurb comes in two versions across the seeds: each is stored once.
		expect(company.filter((block) => textOf(block.html).includes(blurb))).toHaveLength(2);
		for (const posting of postings) {
			const body = posting.sections.map((section) => textOf(section.html)).join(' ');
			for (const phrase of [blurb, equal, accommodations, exportControl, 'We realize people do not fit into neat boxes']) {
				expect(body).not.toContain(phrase);
			}
			expect(posting.company.length).toBeGreaterThan(0);
		}
		const eeo = company.find((block) => textOf(block.html).includes(equal))!;
		expect(eeo.usedBy).toBe(5);
	});

	it('drops no sentence: each lands in the role body, the company text or a recorded extraction', () => {
		const { postings, company } = seedCatalogue();
		const companyText = new Map(company.map((block) => [block.id, block.html]));
		for (const [index, file] of seedFiles().entries()) {
			const posting = postings[index]!;
			const html = file.source.replace(/^---[\s\S]*?\n---\n/, '');
			const kept = [
				...posting.sections.flatMap((section) => [section.title ?? '', ...blockTexts(section.html)]),
				...posting.company.flatMap((id) => blockTexts(companyText.get(id) ?? '')),
				...Object.values(posting.provenance).map((provenance) => provenance?.evidence ?? ''),
			].join('\n');
			let checked = 0;
			for (const sentence of blockTexts(html).flatMap((block) => sentences(block))) {
				expect(kept, `${file.file}: "${sentence}"`).toContain(sentence);
				checked++;
			}
			expect(checked).toBeGreaterThan(20);
		}
	});

	it('leaves no style, class or data-* attribute and no tracking parameter', () => {
		const { postings, company } = seedCatalogue();
		const html = [...postings.flatMap((posting) => posting.sections.map((section) => section.html)), ...company.map((block) => block.html)].join('\n');
		const $ = cheerio.load(html, null, false);
		for (const element of ($('*').toArray() as Element[])) {
			for (const name of Object.keys(element.attribs)) {
				expect(['href', 'rel', 'id']).toContain(name);
			}
		}
		expect(html).not.toMatch(/utm_|gclid|campaignid|_bt=|data-sheets/);
		expect(html).not.toContain('&nbsp;');
		expect(html).not.toContain('\u00a0');
		expect($('span, div').length).toBe(0);
		expect(seed('003').notes.trackingRemoved).toEqual(expect.arrayContaining(['utm_source', 'utm_campaign', 'gclid', 'gclsrc']));
		expect($('a[href="https://www.cloudflare.com/lp/pg-r2/"]').attr('rel')).toBe('noopener noreferrer');
	});

	it('summarises each role in plain text from the role, not the company blurb', () => {
		expect(seed('002').summary).toBe(
			'We are looking for an Engineering Manager to join Cloudflare, specifically our Observability team, in charge of our internal Metrics and Alerting platform.',
		);
		for (const posting of seedCatalogue().postings) {
			expect(posting.summary.length).toBeGreaterThan(20);
			expect(posting.summary.length).toBeLessThanOrEqual(200);
			expect(posting.summary).not.toMatch(/[<>]/);
		}
	});

	it('uses the site-wide apply link when a posting gives none', () => {
		expect(seed('000').applyUrl).toBe('https://www.cloudflare.com/careers/jobs/');
		expect(seed('000').provenance.applyUrl).toEqual({ source: 'default' });
	});
});
