import { describe, expect, it } from 'vitest';
import { makePlace } from '../../src/postings/places/make.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { aiStatement, benefitsMention, closingDateMention, disclosureText, vacancyStatement } from '../../src/review/disclosure-text.ts';
import { payDisclosureFindings } from '../../src/review/pay-disclosures.ts';
import { parsePayTransparencyTable, payTransparencyFindings, readPayTransparencyTable } from '../../src/review/pay-transparency.ts';
import { reviewCatalogue } from '../../src/review/review.ts';
import type { Posting } from '../../src/schemas/posting.ts';
import { seed, seedCatalogue, site, TODAY } from './helpers.ts';

const table = readPayTransparencyTable();
const catalogue = seedCatalogue();

/** A small posting through the real pipeline: front matter lines, then a body. */
function posting(frontMatter: string, body: string): Posting {
	const source = `---\ntitle: Platform Engineer\ndatePosted: 2026-11-02\n${frontMatter}\n---\n${body}`;
	return normalizePostings([{ file: 'x/role.html', source }], site, { today: TODAY }).postings[0]!;
}

const plainBody = '<h2>About the role</h2><p>You will build and run the platform that serves our customers every day.</p>';
const rules = (list: ReadonlyArray<{ rule: string; severity: string; field: string }>) => list.map((finding) => `${finding.rule} ${finding.severity} ${finding.field}`);
const disclosures = (role: Posting, today = TODAY) => payDisclosureFindings(role, table, today, disclosureText(role, catalogue.company));

describe('the law table', () => {
	it('lists every place, the new ones included, each verified on 2026-12-02', () => {
		expect(table.map((row) => row.id)).toEqual([
			'us-co', 'us-ca', 'us-wa', 'us-ny', 'us-ny-nyc', 'us-hi', 'us-il', 'us-md', 'us-mn', 'us-vt', 'us-ma', 'us-nj',
			'us-nj-jersey-city', 'us-dc', 'us-oh-cleveland', 'us-oh-columbus', 'us-va', 'us-de', 'us-me', 'ca-bc', 'ca-on', 'ca-pe', 'eu',
		]);
		expect(Object.fromEntries(table.map((row) => [row.id, row.effective]))).toMatchObject({
			'us-dc': '2024-06-30',
			'us-nj-jersey-city': '2022-04-13',
			'us-oh-cleveland': '2025-10-27',
			'us-oh-columbus': '2027-01-01',
			'us-va': '2026-07-01',
			'us-de': '2027-09-26',
			'ca-pe': '2022-06-01',
			'ca-on': '2026-01-01',
			eu: '2026-06-07',
		});
		expect(new Set(table.map((row) => row.verified))).toEqual(new Set(['2026-12-02']));
	});

	it('records what each law requires beyond a range', () => {
		const beyond = (id: string) =>
			table
				.find((row) => row.id === id)!
				.requires.filter((requirement) => requirement.what !== 'range')
				.map((requirement) => `${requirement.what}${requirement.where === 'posting' ? '' : ` (${requirement.where})`}${requirement.from ? ` from ${requirement.from}` : ''}`);
		expect(beyond('us-co')).toEqual(['benefits', 'closing-date from 2024-01-01', 'other']);
		expect(beyond('us-dc')).toEqual(['benefits (posting-or-before-interview)']);
		expect(beyond('ca-on')).toEqual(['ai-statement', 'vacancy-statement', 'other']);
		expect(table.filter((row) => row.requires.some((requirement) => requirement.what === 'benefits' && requirement.where === 'posting')).map((row) => row.id)).toEqual([
			'us-co', 'us-wa', 'us-il', 'us-md', 'us-mn', 'us-nj', 'us-nj-jersey-city', 'us-de',
		]);
		expect(table.find((row) => row.id === 'ca-on')!.rangeWidth).toEqual({ max: 50000, currency: 'CAD', exemptAbove: 200000 });
		expect(table.find((row) => row.id === 'eu')!.requires[0]!.where).toBe('posting-or-before-interview');
	});

	it('says where a fact rests on secondary sources: only D.C. and Maryland are verified from primary sources in every fact', () => {
		expect(table.filter((row) => !row.unverified?.length).map((row) => row.id)).toEqual(['us-md', 'us-dc']);
		const unverified = table.filter((row) => row.unverified?.length).map((row) => row.id);
		expect(unverified).toHaveLength(21);
		for (const id of ['us-va', 'us-de', 'us-me', 'us-oh-cleveland', 'us-oh-columbus', 'ca-pe', 'eu']) expect(unverified).toContain(id);
		// Every row says what was read; a fully verified row names the primary text it was read in.
		expect(table.find((row) => row.id === 'us-dc')!.checked).toContain('DCCouncil/law-xml');
		expect(table.find((row) => row.id === 'us-md')!.checked).toContain('§ 3-301 on mgaleg.maryland.gov');
	});

	it('covers remote roles only where the law or its regulator says so: New York State and Illinois are unclear', () => {
		// § 194-b speaks of work "physically performed, at least in part" in the state: the header's definition of unclear.
		expect(table.find((row) => row.id === 'us-ny')!.covers.remote).toBe('unclear');
		// IDOL's FAQ covers a remote role only where work in Illinois is reasonably foreseeable.
		expect(table.find((row) => row.id === 'us-il')!.covers.remote).toBe('unclear');
		expect(table.filter((row) => row.covers.remote === 'covered').map((row) => row.id)).toEqual(['us-co', 'us-ca', 'us-wa', 'us-ny-nyc', 'us-nj', 'ca-bc']);
	});

	it('rejects a row without a range, or with both a country and a list of countries, naming the field', () => {
		const row = (extra: string) =>
			`- id: x\n  name: X\n  aliases: [X]\n  country: US\n  region: TX\n  effective: 2026-01-01\n  source: https://example.gov/x\n  law: X\n  employers: { minimum: 1, counted: all }\n  covers: { remote: unclear, note: n }\n  verified: 2026-12-02\n  checked: c\n${extra}`;
		expect(() => parsePayTransparencyTable(row('  requires: [benefits]\n'))).toThrow('src/review/data/pay-transparency.yaml: 0.requires: every law in the table requires a pay range');
		expect(() => parsePayTransparencyTable(row('  requires: [range]\n  countries: [DE, FR]\n'))).toThrow('0.country: either a country or a list of countries');
		expect(() => parsePayTransparencyTable(row('  requires: [{ what: other }]\n'))).toThrow('an `other` requirement needs a note');
	});
});

/**
 * Primary sources only: the statute, regulation or ordinance on the
 * legislature's or government's own site, or the enforcing agency's page.
 * Hosts are allowed by what they are, not by what the table happens to use:
 *  - `.gov` (US federal, state and city governments and legislatures: cdle.colorado.gov,
 *    leginfo.legislature.ca.gov, code.dccouncil.gov, jerseycitynj.gov, …) and `.gov.bc.ca`, `.gc.ca`;
 *  - `state.<xx>.us`, the older US state government domains (Maryland's Department of Labor,
 *    New Jersey's Legislature);
 *  - ontario.ca and princeedwardisland.ca, the provinces' own sites (e-Laws included);
 *  - eur-lex.europa.eu, the EU's official journal and law database;
 *  - codelibrary.amlegal.com and library.municode.com, the publishers cities contract to host their
 *    official codes (Cleveland, Columbus), and columbus.legistar.com, Columbus City Council's record.
 * Law firms, HR vendors and news sites are never sources; they may be named in `unverified`.
 */
function primaryHost(host: string): boolean {
	const exact = ['www.ontario.ca', 'ontario.ca', 'www.princeedwardisland.ca', 'eur-lex.europa.eu', 'codelibrary.amlegal.com', 'library.municode.com', 'columbus.legistar.com'];
	return exact.includes(host) || /\.gov$/.test(host) || /\.gov\.bc\.ca$/.test(host) || /\.gc\.ca$/.test(host) || /\.state\.[a-z]{2}\.us$/.test(host);
}

describe('sources', () => {
	it('are https links to primary sources, for every row and every guidance link', () => {
		const links = table.flatMap((row) => [row.source, ...(row.guidance ?? [])].map((link) => ({ id: row.id, link })));
		expect(links.length).toBe(33);
		const bad = links.filter(({ link }) => {
			const url = new URL(link);
			return url.protocol !== 'https:' || !primaryHost(url.hostname);
		});
		expect(bad).toEqual([]);
	});

	it('the allowlist refuses secondary sources', () => {
		for (const host of ['www.littler.com', 'casetext.com', 'www.jdsupra.com', 'law.justia.com', 'self-law.org', 'app.legiplex.com', 'gov.example.com', 'nj.gov.evil.com']) {
			expect(primaryHost(host)).toBe(false);
		}
	});
});

describe('pay-range findings name the law', () => {
	it('for Jersey City (a city in the table now), with the size threshold the review cannot check', () => {
		const role = posting('locations:\n  - Jersey City, NJ', plainBody);
		const result = payTransparencyFindings(role, table, TODAY);
		expect(rules(result)).toEqual(['pay-transparency error locations[0]']);
		expect(result[0]!.message).toBe(
			'"Jersey City, New Jersey" is in New Jersey [N.J.S.A. 34:6B-23 (P.L. 2024, c. 91)], Jersey City [Jersey City Municipal Code § 148-4.1 (Ordinances 22-026 and 22-045)], where the law requires a pay range in postings (https://www.nj.gov/labor/myworkrights/wages/pay-transparency https://jerseycitynj.gov/cms/One.aspx?pageId=19762610&portalId=6189744), but no pay range was found (only employers with enough employees are bound: New Jersey 10, Jersey City 5 or more; the review does not know your headcount)',
		);
	});

	it('for a remote role open across the US with no range: an error where remote roles count, New York State among the unclear', () => {
		const role = posting('locations:\n  - { country: US, remote: true }', plainBody);
		const result = payTransparencyFindings(role, table, TODAY);
		expect(rules(result)).toEqual(['pay-transparency error locations[0]', 'pay-transparency warning locations[0]']);
		const places = (message: string) => [...message.matchAll(/(?:in |, )([A-Z][\w .]*?) \[/g)].map((match) => match[1]);
		expect(places(result[0]!.message)).toEqual(['Colorado', 'California', 'Washington', 'New York City', 'New Jersey']);
		expect(places(result[1]!.message)).toEqual([
			'New York State', 'Hawaii', 'Illinois', 'Maryland', 'Minnesota', 'Vermont', 'Massachusetts', 'Jersey City', 'District of Columbia', 'Cleveland', 'Virginia', 'Maine',
		]);
		expect(result[1]!.message).toContain('(whether remote roles count there is unclear)');
	});

	it('does not take a ceiling or a floor alone for a range: New York City asks for the lowest and the highest', () => {
		const upTo = posting('locations:\n  - New York, NY', `${plainBody}<p>We offer a salary of up to $90,000 per year.</p>`);
		expect(upTo.payRanges.map((range) => [range.min, range.max, range.bound])).toEqual([[90000, 90000, 'upTo']]);
		const result = payTransparencyFindings(upTo, table, TODAY);
		expect(rules(result)).toEqual(['pay-transparency error locations[0]']);
		expect(result[0]!.message).toContain('but its pay is stated only as "Up to $90,000 per year": one end, not a range');
		// The same role with a range, or an exact figure, has none.
		expect(payTransparencyFindings(posting('locations:\n  - New York, NY', `${plainBody}<p>The salary is $80,000 - $90,000 per year.</p>`), table, TODAY)).toEqual([]);
		expect(payTransparencyFindings(posting('locations:\n  - Denver, CO', `${plainBody}<p>The salary for this role is $90,000 per year.</p>`), table, TODAY).filter((finding) => finding.rule === 'pay-transparency')).toEqual([]);
	});

	it('applies Columbus only from 2027-01-01 and Delaware only from 2027-09-26', () => {
		const role = posting('locations:\n  - Columbus, OH\n  - Wilmington, DE', plainBody);
		expect(payTransparencyFindings(role, table, TODAY)).toEqual([]);
		expect(rules(payTransparencyFindings(role, table, '2027-01-01'))).toEqual(['pay-transparency error locations[0]']);
		expect(rules(payTransparencyFindings(role, table, '2027-09-26'))).toEqual(['pay-transparency error locations[0]', 'pay-transparency error locations[1]']);
	});

	it('gives info, not an error, for an EU country: the directive allows the range before the interview', () => {
		expect(rules(payTransparencyFindings(seed('002'), table, TODAY))).toEqual([
			'pay-transparency info locations[0]',
			'pay-transparency info locations[1]',
			'pay-transparency info locations[3]',
		]);
		expect(payTransparencyFindings(seed('002'), table, '2026-06-06')).toEqual([]);
	});
});

describe('benefits description', () => {
	it("is found in seed 003's Equity and Benefits sections", () => {
		expect(benefitsMention(disclosureText(seed('003'), catalogue.company).text)).toBe('equity plan');
	});

	it('is not fooled by "system health" or "pay equity"', () => {
		expect(benefitsMention('We watch system health and care about pay equity and diversity.')).toBeUndefined();
		expect(benefitsMention('Medical, dental and vision insurance; a 401(k) match.')).toBe('dental');
	});

	it('is an error for Seattle and Denver, naming both laws, and a warning for Illinois, Maryland, Minnesota and Jersey City when remote', () => {
		const based = disclosures(posting('locations:\n  - Seattle, WA\n  - Denver, CO\nvalidThrough: 2026-12-31', plainBody));
		expect(rules(based)).toEqual(['pay-benefits error body']);
		expect(based[0]!.message).toMatch(/^"Denver, Colorado" is in Colorado \[Equal Pay for Equal Work Act, C\.R\.S\. § 8-5-201[^\]]*\]; "Seattle, Washington" is in Washington \[RCW 49\.58\.110/);
		expect(based[0]!.message).toContain('those laws require a general description of the benefits offered in the posting');
		const remote = disclosures(posting('locations:\n  - { country: US, remote: true }\nvalidThrough: 2026-12-31', plainBody));
		expect(rules(remote)).toEqual(['pay-benefits error body', 'pay-benefits warning body', 'pay-benefits info body']);
		expect(remote[1]!.message).toMatch(/^"Remote, United States" could be done in Illinois \[.*\], Maryland \[.*\], Minnesota \[.*\], Jersey City \[.*\]; those laws require/);
		expect(remote[2]!.message).toContain('District of Columbia [D.C. Code § 32-1453.01');
		expect(remote[2]!.message).toContain('the existence of healthcare benefits (in the posting or before the first interview)');
	});

	it('is satisfied by a benefits paragraph, and not required in California, New York or Texas', () => {
		const withBenefits = `${plainBody}<h2>Benefits</h2><p>Health insurance, a retirement plan and paid time off.</p>`;
		expect(disclosures(posting('locations:\n  - Seattle, WA', withBenefits))).toEqual([]);
		expect(disclosures(posting('locations:\n  - San Francisco, CA\n  - New York, NY\n  - Austin, TX', plainBody))).toEqual([]);
	});

	it('says when the shared company text was not available to the check', () => {
		const role = seed('004');
		const located = { ...role, locations: [makePlace({ city: 'Seattle', region: 'WA', country: 'US' })] };
		const result = payDisclosureFindings(located, table, TODAY, disclosureText(located, []));
		expect(result[0]!.message).toContain('(the shared company text was not available to this check)');
	});
});

describe('closing date (Colorado)', () => {
	it('is an error for Denver without validThrough, from 2024-01-01 only', () => {
		const role = posting('locations:\n  - Denver, CO', `${plainBody}<p>Benefits: health insurance and paid time off.</p>`);
		const result = disclosures(role);
		expect(rules(result)).toEqual(['pay-closing-date error validThrough']);
		expect(result[0]!.message).toContain('that law requires the date the application window is expected to close in the posting');
		expect(result[0]!.fix).toBe('Add `validThrough: YYYY-MM-DD` to the front matter, or write "Applications are accepted on an ongoing basis" if there is no deadline');
		expect(disclosures({ ...role, dateModified: '2023-12-31' }, '2026-11-23')).toEqual([]);
		expect(disclosures(role, '2023-12-31')).toEqual([]);
	});

	it('is satisfied by validThrough, a stated deadline, or the ongoing-basis statement', () => {
		const role = posting('locations:\n  - Denver, CO', plainBody);
		expect(closingDateMention({ ...role, validThrough: '2026-12-31' }, '')).toBe('validThrough: 2026-12-31');
		expect(closingDateMention(role, 'Applications close on 15 January 2027.')).toBe('Applications close');
		expect(closingDateMention(role, 'We accept applications on an ongoing basis.')).toBe('accept applications on an ongoing');
		expect(closingDateMention(role, 'Apply today!')).toBeUndefined();
	});
});

describe('Ontario', () => {
	const toronto = 'locations:\n  - Toronto, ON';
	const narrow = '<p>Salary: CA$120,000 - CA$150,000 per year.</p>';

	it('wants the AI and vacancy statements from 2026-01-01, naming the Act', () => {
		const role = posting(toronto, `${plainBody}${narrow}`);
		expect(role.payRanges.map((range) => [range.min, range.max, range.currency])).toEqual([[120000, 150000, 'CAD']]);
		const result = disclosures(role);
		expect(rules(result)).toEqual(['pay-ai-statement error body', 'pay-vacancy-statement error body']);
		expect(result[0]!.message).toBe(
			'"Toronto, Ontario" is in Ontario [Employment Standards Act, 2000, Part III.1 (Working for Workers Four Act, 2024 and Five Act, 2024); O. Reg. 476/24]; that law requires a statement of whether artificial intelligence is used to screen, assess or select applicants in the posting (https://www.ontario.ca/laws/regulation/240476), but no sentence about AI and screening or selecting applicants was found (only employers with enough employees are bound: Ontario 25 or more; the review does not know your headcount)',
		);
		expect(disclosures(role, '2025-12-31')).toEqual([]);
	});

	it('accepts the statements, and does not take "AI experience" for one', () => {
		const statements = '<p>We do not use artificial intelligence to screen, assess or select applicants. This posting is for an existing vacancy.</p>';
		expect(disclosures(posting(toronto, `${plainBody}${narrow}${statements}`))).toEqual([]);
		expect(aiStatement('Candidates with AI experience are welcome.')).toBeUndefined();
		expect(aiStatement('We use AI tools to screen applications.')).toBe('We use AI tools to screen applications.');
		expect(vacancyStatement('This is not an existing vacancy; we are building a pool.')).toBe('This is not an existing vacancy; we are building a pool.');
	});

	it('flags a yearly CAD range wider than C$50,000, unless its top is above C$200,000', () => {
		const statements = '<p>We do not use AI to screen applicants. This posting is for an existing vacancy.</p>';
		const wide = disclosures(posting(toronto, `${plainBody}<p>Salary: CA$100,000 - CA$160,000 per year.</p>${statements}`));
		expect(rules(wide)).toEqual(['pay-range-width error payRanges[0]']);
		expect(wide[0]!.message).toMatch(/^the range ".*" spans CAD 60,000 \(CAD 100,000 to CAD 160,000\), but for "Toronto, Ontario" Ontario \[Employment Standards Act, 2000/);
		expect(wide[0]!.fix).toBe('Narrow the range to CAD 50,000 or less, e.g. CAD 100,000 - CAD 150,000');
		expect(disclosures(posting(toronto, `${plainBody}<p>Salary: CA$150,000 - CA$250,000 per year.</p>${statements}`))).toEqual([]);
		// A remote role open across Canada: whether Ontario counts it is unclear, so a warning.
		const remote = disclosures(posting('locations:\n  - { country: CA, remote: true }', `${plainBody}<p>Salary: CA$100,000 - CA$160,000 per year.</p>${statements}`));
		expect(rules(remote)).toEqual(['pay-range-width warning payRanges[0]']);
	});
});

describe('the whole review', () => {
	it('adds no disclosure findings to the five seeds (none is in a place that asks for more than a range)', () => {
		const findings = reviewCatalogue(catalogue, { today: TODAY, defaultApplyUrl: site.defaultApplyUrl });
		expect(findings.filter((finding) => finding.rule.startsWith('pay-') && finding.rule !== 'pay-transparency' && finding.rule !== 'pay-range-inverted' && finding.rule !== 'pay-range-currency')).toEqual([]);
	});
});
