import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapAshbyJob } from '../../src/ats/ashby/source.ts';
import { mapGreenhouseDocument, mapGreenhouseJob } from '../../src/ats/greenhouse/source.ts';
import { mapLeverJob } from '../../src/ats/lever/source.ts';
import { extractPayRanges } from '../../src/postings/compensation.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { ashbyJobSchema } from '../../src/ats/ashby/schema.ts';
import { greenhouseJobSchema } from '../../src/ats/greenhouse/schema.ts';
import { leverPostingSchema } from '../../src/ats/lever/schema.ts';
import { atsPostingFile, errorOf, FIXTURES, site, TODAY } from './helpers.ts';
import { formatPay } from '../../src/utils/format.ts';
import { jobPostingLd } from '../../src/seo/job-posting.ts';
import type { PayRange } from '../../src/schemas/posting.ts';

const json = (path: string): unknown => JSON.parse(readFileSync(join(FIXTURES, 'ats', path), 'utf8'));
/** The ranges of one block, without the sentence each was read from. */
const pay = (block: string) => extractPayRanges([block]).map(({ text: _text, ...range }) => range);

describe('extractPayRanges: formats', () => {
	it.each([
		['The salary range for this role is $140,000.00 - $160,000.00.', [{ min: 140000, max: 160000, currency: 'USD', period: 'YEAR' }]],
		['Pay: $34.62/hour', [{ min: 34.62, max: 34.62, currency: 'USD', period: 'HOUR' }]],
		['Stipend: €1,500 per month', [{ min: 1500, max: 1500, currency: 'EUR', period: 'MONTH' }]],
		['Starting from $95,000 per year.', [{ min: 95000, max: 95000, currency: 'USD', period: 'YEAR', bound: 'from' }]],
		['Pay: $250/day', [{ min: 250, max: 250, currency: 'USD', period: 'DAY' }]],
		['Day rate: £500 - £600', [{ min: 500, max: 600, currency: 'GBP', period: 'DAY' }]],
		['Rate: $1,200 per week', [{ min: 1200, max: 1200, currency: 'USD', period: 'WEEK' }]],
		['USD 120-150k', [{ min: 120000, max: 150000, currency: 'USD', period: 'YEAR' }]],
		['OTE: $1.2M - $1.5M', [{ min: 1200000, max: 1500000, currency: 'USD', period: 'YEAR' }]],
		['Salary: CA$90,000 - CA$110,000', [{ min: 90000, max: 110000, currency: 'CAD', period: 'YEAR' }]],
		['Salary: A$120,000 – A$140,000', [{ min: 120000, max: 140000, currency: 'AUD', period: 'YEAR' }]],
		['Salary: CHF 120,000 - 140,000', [{ min: 120000, max: 140000, currency: 'CHF', period: 'YEAR' }]],
		['Salary: ¥6,000,000 - ¥8,000,000', [{ min: 6000000, max: 8000000, currency: 'JPY', period: 'YEAR' }]],
		['Salary: R 25 000 per month', [{ min: 25000, max: 25000, currency: 'ZAR', period: 'MONTH' }]],
		['Lön: 45 000 kr per månad', [{ min: 45000, max: 45000, currency: 'SEK', period: 'MONTH' }]],
		['Salaire : 45 000 € - 55 000 € par an', [{ min: 45000, max: 55000, currency: 'EUR', period: 'YEAR' }]],
		['Gehalt: 60.000 bis 70.000 € brutto pro Jahr', [{ min: 60000, max: 70000, currency: 'EUR', period: 'YEAR' }]],
		['Gehalt: 4.250,50 € pro Monat', [{ min: 4250.5, max: 4250.5, currency: 'EUR', period: 'MONTH' }]],
		['Gehalt: 60.000 € – 75.000 € brutto/Jahr', [{ min: 60000, max: 75000, currency: 'EUR', period: 'YEAR' }]],
		// "between … and …" in the languages postings use: one range, not two figures.
		['Das Jahresgehalt liegt zwischen 60.000 und 75.000 EUR brutto.', [{ min: 60000, max: 75000, currency: 'EUR', period: 'YEAR' }]],
		['Rémunération : entre 45k€ et 55k€ bruts par an selon profil.', [{ min: 45000, max: 55000, currency: 'EUR', period: 'YEAR' }]],
		['Retribuzione: tra 35.000 e 45.000 € lordi annui', [{ min: 35000, max: 45000, currency: 'EUR', period: 'YEAR' }]],
		['Salaris: tussen € 4.000 en € 5.500 bruto per maand', [{ min: 4000, max: 5500, currency: 'EUR', period: 'MONTH' }]],
		['Wynagrodzenie: 15 000 - 20 000 PLN brutto miesięcznie', [{ min: 15000, max: 20000, currency: 'PLN', period: 'MONTH' }]],
		['Wynagrodzenie: od 18 000 do 24 000 zł brutto miesięcznie', [{ min: 18000, max: 24000, currency: 'PLN', period: 'MONTH' }]],
		['Salário: R$ 8.000 a R$ 12.000 por mês', [{ min: 8000, max: 12000, currency: 'BRL', period: 'MONTH' }]],
		['Salaire : 3 500 €/mois', [{ min: 3500, max: 3500, currency: 'EUR', period: 'MONTH' }]],
		// Two figures joined by "and"/"et" with no "between" are two figures: "45k€ et 55k€" could be two roles.
		['Salaire : 45 000 € et 55 000 € par an', [
			{ min: 45000, max: 45000, currency: 'EUR', period: 'YEAR' },
			{ min: 55000, max: 55000, currency: 'EUR', period: 'YEAR' },
		]],
		// A bonus ("une prime") is no pay of the role, as "a bonus of $5,000" is not.
		['Salaire : 45 000 € et une prime de 5 000 € par an', [{ min: 45000, max: 45000, currency: 'EUR', period: 'YEAR' }]],
		['Level 1: $100,000 - $120,000; Level 2: $130,000 - $150,000', [
			{ appliesTo: 'Level 1', min: 100000, max: 120000, currency: 'USD', period: 'YEAR' },
			{ appliesTo: 'Level 2', min: 130000, max: 150000, currency: 'USD', period: 'YEAR' },
		]],
	])('%s', (block, expected) => {
		expect(pay(block)).toEqual(expected);
	});
});

describe('one figure stated as a ceiling or a floor', () => {
	it.each([
		// A real posting (Gateshead, UK; found through the code index) and a LinkedIn one: "up to" is how UK adverts state pay.
		['Based in our head office in Team Valley, Gateshead, we offer hybrid working and offer a competitive basic salary of up to £38,000.', [{ min: 38000, max: 38000, currency: 'GBP', period: 'YEAR', bound: 'upTo' }]],
		['Enjoy a generous market salary of up to £60,000', [{ min: 60000, max: 60000, currency: 'GBP', period: 'YEAR', bound: 'upTo' }]],
		['Gehalt bis zu 70.000 € im Jahr.', [{ min: 70000, max: 70000, currency: 'EUR', period: 'YEAR', bound: 'upTo' }]],
		['年収〜900万円', [{ min: 9000000, max: 9000000, currency: 'JPY', period: 'YEAR', bound: 'upTo' }]],
		['Rémunération : à partir de 45 000 € par an.', [{ min: 45000, max: 45000, currency: 'EUR', period: 'YEAR', bound: 'from' }]],
		['Salary: $150K+ plus equity.', [{ min: 150000, max: 150000, currency: 'USD', period: 'YEAR', bound: 'from' }]],
		['Salary: $120,000 or more, depending on experience.', [{ min: 120000, max: 120000, currency: 'USD', period: 'YEAR', bound: 'from' }]],
		['年収600万円〜', [{ min: 6000000, max: 6000000, currency: 'JPY', period: 'YEAR', bound: 'from' }]],
		// Not read as pay before: the period's "/" right after the digits.
		['Starting at $25/hour.', [{ min: 25, max: 25, currency: 'USD', period: 'HOUR', bound: 'from' }]],
		// A range is a range, whatever comes before it; "+ equity" is on top of an exact figure.
		['the nursery offers a competitive salary of up to £22,000-£25,000 per year, subject to quals', [{ min: 22000, max: 25000, currency: 'GBP', period: 'YEAR' }]],
		['Salary from $50,000 to $60,000.', [{ min: 50000, max: 60000, currency: 'USD', period: 'YEAR' }]],
		['Base salary $150,000 + equity.', [{ min: 150000, max: 150000, currency: 'USD', period: 'YEAR' }]],
	])('%s', (block, expected) => {
		expect(pay(block)).toEqual(expected);
	});

	it('is shown as stated, and an exact figure once', () => {
		const range = (fields: Partial<PayRange>): PayRange => ({ min: 38000, max: 38000, currency: 'GBP', period: 'YEAR', text: '', ...fields });
		expect(formatPay(range({ bound: 'upTo' }))).toBe('Up to £38,000 per year');
		expect(formatPay(range({ bound: 'from', currency: 'EUR', min: 60000, max: 60000 }))).toBe('From €60,000 per year');
		expect(formatPay(range({ currency: 'USD', min: 40, max: 40, period: 'HOUR' }))).toBe('$40.00 per hour');
		expect(formatPay(range({ min: 30000 }))).toBe('£30,000 – £38,000 per year');
	});

	it('is left out of the JSON-LD salary, which states one value or a whole range', () => {
		const role = normalizePostings([{ file: 'x/role.html', source: '---\ntitle: Store Manager\nlocations: [Gateshead, UK]\ndatePosted: 2026-11-02\n---\n<h2>About the role</h2><p>Run our store and its team of twelve.</p><p>We offer a competitive basic salary of up to £38,000.</p>' }], site, { today: TODAY }).postings[0]!;
		expect(role.payRanges.map((range) => range.bound)).toEqual(['upTo']);
		const ld = jobPostingLd(role, site, 'https://careers.example.com/jobs/x/');
		expect(ld).toBeDefined();
		expect(ld!.baseSalary).toBeUndefined();
	});
});

describe('extractPayRanges: real postings (tests/fixtures/real)', () => {
	it.each([
		// Camus Energy (Greenhouse).
		['The expected base salary for this role is $180,000 - $230,000 annually, depending on experience, skills, and qualifications.', [{ min: 180000, max: 230000, currency: 'USD', period: 'YEAR' }]],
		// Atom Computing (Lever): "between … -".
		['The base salary range for this position is between $125,000 - $150,000 commensurate with experience.', [{ min: 125000, max: 150000, currency: 'USD', period: 'YEAR' }]],
		// Velo3D (Lever): "between … and …".
		[
			'Our job titles may span more than one career level. The starting base salary for this full-time position is between $115,000 and $130,000. This salary range reflects the minimum and maximum target for this position in the U.S.',
			[{ min: 115000, max: 130000, currency: 'USD', period: 'YEAR' }],
		],
		// Spotify (Lever): the place in front, and a "monthly meal allowance" in the next sentence is not the period.
		[
			'The United States base range for this position is $107,483 –$153,547 USD, plus equity. The benefits available for this position include health insurance, six-month paid parental leave, 401(k) retirement plan, monthly meal allowance, 23 paid days off.',
			[{ appliesTo: 'United States', min: 107483, max: 153547, currency: 'USD', period: 'YEAR' }],
		],
		// GitLab (Greenhouse pay block as text).
		['United States Salary Range $139,200—$235,200 USD', [{ appliesTo: 'United States', min: 139200, max: 235200, currency: 'USD', period: 'YEAR' }]],
		// Notion (Ashby): two ranges in one sentence, each with its own period, both for the place.
		[
			'For this role, based in New York City, the estimated hourly rate is $33.65 - $38.70 per hour with a 30k annual commission target, annualized to salary range of $100,000 - $115,000 per year.',
			[
				{ appliesTo: 'New York City', min: 33.65, max: 38.7, currency: 'USD', period: 'HOUR' },
				{ appliesTo: 'New York City', min: 100000, max: 115000, currency: 'USD', period: 'YEAR' },
			],
		],
		[
			'For this role, based in San Francisco the estimated hourly rate is $33.65 - $38.70 per hour with a 30k annual commission target, annualized to salary range of $100,000 - $115,000 per year.',
			[
				{ appliesTo: 'San Francisco', min: 33.65, max: 38.7, currency: 'USD', period: 'HOUR' },
				{ appliesTo: 'San Francisco', min: 100000, max: 115000, currency: 'USD', period: 'YEAR' },
			],
		],
		// Ramp (Ashby): a single monthly figure; the housing stipend after "+" is not read.
		['The monthly rate for this internship is $11,700 USD + housing stipend', [{ min: 11700, max: 11700, currency: 'USD', period: 'MONTH' }]],
		['For candidates located in the UK, the pay range for this role is £39,000-£43,000 per year.', [{ appliesTo: 'UK', min: 39000, max: 43000, currency: 'GBP', period: 'YEAR' }]],
		// Whop (Ashby).
		['The expected salary range for this position is $100,000 to $130,000 annually, with final compensation determined based on experience, skills, and qualifications.', [{ min: 100000, max: 130000, currency: 'USD', period: 'YEAR' }]],
		// Anthropic Fellows (Greenhouse): three single figures, one per currency, for one period.
		[
			'The expected base stipend for this role is 3,850 USD / 2,310 GBP / 4,300 CAD per week, with an expectation of 40 hours per week for 4 months (with possible extension).',
			[
				{ min: 3850, max: 3850, currency: 'USD', period: 'WEEK' },
				{ min: 2310, max: 2310, currency: 'GBP', period: 'WEEK' },
				{ min: 4300, max: 4300, currency: 'CAD', period: 'WEEK' },
			],
		],
	])('%s', (block, expected) => {
		expect(pay(block)).toEqual(expected);
	});

	it('reads a range stated twice in a posting once', () => {
		expect(
			extractPayRanges([
				'Weekly stipend of 3,850 USD / 2,310 GBP / 4,300 CAD + benefits (these vary by country)',
				'The expected base stipend for this role is 3,850 USD / 2,310 GBP / 4,300 CAD per week.',
			]).map(({ currency, period }) => `${currency} ${period}`),
		).toEqual(['USD WEEK', 'GBP WEEK', 'CAD WEEK']);
	});

	it.each([
		// Amounts in real postings that are not pay.
		'Funding for compute (~$15k/month) and other research expenses',
		'AI agents find $4.6M in blockchain smart contract exploits: Winnie Xiao and Cole Killian',
		'Backed by top-tier global investors, including General Catalyst, Sequoia, and Shorooq, and having recently raised $67.5M in Series B funding, we’re building the rails for Open Finance in MENA.',
		'Our recent $67.5M Series B from General Catalyst and Sequoia isn’t just validation: it’s fuel.',
		'• Fertility HRA (up to $10,000 per year)',
		'• Fertility drug coverage (up to $4,000 lifetime)',
		'🏡 $9k annual rent subsidy if you live within 4 blocks of our office',
		'Today, Whop facilitates over $3 billion in annual payouts to people in 144 countries.',
		'Founded in 2021, Whop has received over $50M in funding to date, most recently at a $800M valuation for their series B fundraise.',
		'We automate how over $200B in annualized spend flows in and out of 70,000+ companies.',
		'Comprehensive benefits, including FSA and 401k for full time employees',
		// The brief's examples.
		'We have raised $750 million from top investors.',
		'401(k) plan with a 4% match',
		'We offer a $500 learning stipend.',
		'Series B $40M',
		// What a sales role sells, and what customers save: read as pay before.
		'Sell deals from $50k to $500k ACV.',
		'Our customers save $100K+ per year on average.',
		// Insurance, commuter benefits and donation matching: read as pay before.
		'Company-paid life insurance of 2x annual salary up to $500,000',
		'Commuter benefits up to $315/month pre-tax',
		'Charitable donation matching up to $1,000 per year',
		// A retirement match, and allowances for a purpose, with a period of their own: read as pay before.
		'401(k) match up to $6,000 per year',
		'£2,000 per year towards your pension',
		'$75 per month for internet',
		'We pay $1,500 per month towards your rent',
		'€100 per month for public transport',
		'A $3,000 yearly travel fund',
		// Placeholders.
		'Salary: $0 - $0',
		'Compensation: USD 0 – 0',
	])('reads no pay from "%s"', (block) => {
		expect(pay(block)).toEqual([]);
	});
});

describe('ATS pay fields: placeholders are never pay', () => {
	it('Greenhouse leaves out a 0–0 pay_input_range, with a note, and keeps the real one', () => {
		const job = greenhouseJobSchema.parse((json('greenhouse/jobs.json') as { jobs: unknown[] }).jobs[0]);
		const posting = mapGreenhouseJob(job, 'cloudflare', [
			{ min_cents: 0, max_cents: 0, currency_type: 'USD', title: null, blurb: null },
			{ min_cents: 14000000, max_cents: 16000000, currency_type: 'USD', title: 'Colorado Salary Range', blurb: null },
		]);
		expect(posting.fields.payRanges).toEqual([{ appliesTo: 'Colorado', min: 140000, max: 160000, currency: 'USD', period: 'YEAR' }]);
		expect(posting.notes).toContain('pay_input_ranges: a 0–0 placeholder range; left out');
	});

	it('Lever leaves out a 0–0 salaryRange and reads its intervals', () => {
		const row = leverPostingSchema.parse((json('lever/page-0.json') as unknown[])[0]);
		const placeholder = mapLeverJob({ ...row, salaryRange: { min: 0, max: 0, currency: 'USD', interval: 'per-year-salary' } }, 'cloudflare');
		expect(placeholder.fields).not.toHaveProperty('payRanges');
		expect(placeholder.notes).toContain('salaryRange USD 0–0 per-year-salary: a 0–0 placeholder, not pay; left out');
		const periods = ['per-year-salary', 'per-month-salary', 'per-hour-wage'].map(
			(interval) => mapLeverJob({ ...row, salaryRange: { min: 20, max: 30, currency: 'USD', interval } }, 'cloudflare').fields.payRanges?.[0]?.period,
		);
		expect(periods).toEqual(['YEAR', 'MONTH', 'HOUR']);
	});

	it('Ashby leaves out a 0–0 salary component, with a note', () => {
		const raw = structuredClone((json('ashby/job-board.json') as { jobs: Array<Record<string, unknown>> }).jobs.find((job) => job.id === '8e4c2f7b-1d6a-4b3e-9f5c-7a2d8e1b4004')!);
		raw.shouldDisplayCompensationOnJobPostings = true;
		const compensation = raw.compensation as { summaryComponents: Array<Record<string, unknown>> };
		compensation.summaryComponents = compensation.summaryComponents.map((component) => ({ ...component, minValue: 0, maxValue: 0 }));
		const posting = mapAshbyJob(ashbyJobSchema.parse(raw), 'cloudflare');
		expect(posting.fields).not.toHaveProperty('payRanges');
		expect(posting.notes.filter((note) => note.endsWith(': a 0–0 placeholder, not pay'))).toEqual(['pay range "$140K – $190K": a 0–0 placeholder, not pay']);
	});

	it('front matter refuses a 0–0 range, saying why', () => {
		expect(errorOf([{ file: 'content/postings/zero.html', source: '---\ntitle: X\npayRanges:\n  - { min: 0, max: 0, currency: USD }\n---\n<p>Role.</p>' }])).toContain(
			'content/postings/zero.html: payRanges.0.max: expected an upper bound (max) above 0; a 0–0 range is a placeholder, not pay',
		);
	});
});

describe('amounts on top of the pay', () => {
	it('leaves out what follows a "+" in the sentence (Grow Therapy), but not after "C++"', () => {
		expect(extractPayRanges(['Fully Remote Commitment: $114,000-$136,000 base salary + up to $20,000 in variable compensation']).map(({ min, max, currency, period }) => ({ min, max, currency, period }))).toEqual([
			{ min: 114000, max: 136000, currency: 'USD', period: 'YEAR' },
		]);
		expect(extractPayRanges(['C++ engineers: the salary range is $120,000 - $150,000.']).map(({ min, max }) => [min, max])).toEqual([[120000, 150000]]);
	});
});

describe('a range template with one end left blank', () => {
	it('is not pay: the figure it has is one end of a range nobody finished', () => {
		for (const text of ['Base salary range between - S$1,000,000,000.00 SGD', 'Base salary range between $120,000 - ', 'Salary: $ - $150,000', 'Pay range: - $90,000 USD', 'Salary range: $80,000 – $']) {
			expect(extractPayRanges([text]), text).toEqual([]);
		}
	});

	it('leaves a dash used as a label, or before words, alone', () => {
		expect(extractPayRanges(['Base pay - $120,000 per year']).map(({ min, max }) => [min, max])).toEqual([[120000, 120000]]);
		expect(extractPayRanges(['Salary: $90,000 - negotiable']).map(({ min, max }) => [min, max])).toEqual([[90000, 90000]]);
	});
});

describe('a salary stated with no period', () => {
	it('is a year\'s pay, but a salary under 1,000 is an hour\'s (under 200) or a month\'s', () => {
		const period = (text: string) => extractPayRanges([text]).map(({ min, max, period }) => `${min}–${max} ${period}`);
		expect(period('Salary: $120,000')).toEqual(['120000–120000 YEAR']);
		// Riot's template for every role, on an hourly one: $72 a year before.
		expect(period('Base salary range between $51.14 - $71.99 USD')).toEqual(['51.14–71.99 HOUR']);
		expect(period('Salary: €800')).toEqual(['800–800 MONTH']);
		expect(period('Salary: $150 - $200')).toEqual(['150–200 HOUR']);
	});
});

describe('salary fields as YC\'s board fills them', () => {
	const read = (text: string) => extractPayRanges([`Salary: ${text}`]).map(({ min, max, currency, period }) => `${min}–${max} ${currency} ${period}`);

	it('gives the low end the high end\'s multiplier only where it stays the low end', () => {
		// Before: 500,000 to 2,000.
		expect(read('$500 - $2K / monthly')).toEqual(['500–2000 USD MONTH']);
		expect(read('$120 - $150K')).toEqual(['120000–150000 USD YEAR']);
	});

	it('reads a figure of 1 as the placeholder it is', () => {
		for (const text of ['$1', '£1 GBP', '₹1 INR']) expect(read(text), text).toEqual([]);
	});

	it('reads small rupee figures as a month\'s stipend, large ones as a year\'s salary', () => {
		expect(read('₹15K - ₹18K INR')).toEqual(['15000–18000 INR MONTH']);
		expect(read('₹400K - ₹600K INR')).toEqual(['400000–600000 INR YEAR']);
		expect(read('₹1.5M - ₹2.5M INR')).toEqual(['1500000–2500000 INR YEAR']);
	});
});

describe('amounts that are not a job\'s pay, from real descriptions', () => {
	it('leaves out pay by the piece, and a figure of less than one read as thousands', () => {
		// A copywriter's "$0.034 per word" was $34 an hour; "$20 per 100 words" $20 an hour.
		expect(extractPayRanges(['Initial compensation is up to $0.06 per word with $0.034 per word being the most typical compensation level.'])).toEqual([]);
		expect(extractPayRanges(['The rate of pay is $20 per 100 words (this comes out to approximately $100 per article or $50 per hour).']).map(({ min, period }) => `${min} ${period}`)).toEqual(['50 HOUR']);
	});

	it('leaves out a health stipend, and a budget labelled in Portuguese', () => {
		expect(extractPayRanges(['Healthcare stipend: $50/month to support your healthcare or insurance costs'])).toEqual([]);
		expect(extractPayRanges(['Budget para Educação / Home Office: R$ 2.000/ano para serem usados em cursos'])).toEqual([]);
		// Still pay: thousands grouped with dots.
		expect(extractPayRanges(['Salário: R$ 6.500,00']).map(({ min, period }) => `${min} ${period}`)).toEqual(['6500 MONTH']);
	});

	it('leaves out incentives and commissions named after the amount, and a year\'s pay under 1,000 (job-radar\'s descriptions)', () => {
		const read = (block: string) => extractPayRanges([block]).map(({ appliesTo, min, max, period, bound }) => `${appliesTo ?? ''} ${min}-${max} ${period}${bound ? ` ${bound}` : ''}`.trim());
		// The incentives were $120,000 a month (after the "monthly retainer"), the total's place "performance".
		expect(read('This is a 1099 contractor role offering a $9,000 monthly retainer and up to $120,000 in performance-based incentives (up to $228,000 total annual compensation).')).toEqual([
			'9000-9000 MONTH',
			'228000-228000 YEAR upTo',
		]);
		// "plus" adds to the pay unless it ends the clause ("$150k plus" is a floor, as "$150k+" is).
		expect(read('Base salary $100,000 plus $20,000 in commissions')).toEqual(['100000-100000 YEAR']);
		expect(read('Salary: $150,000 plus equity')).toEqual(['150000-150000 YEAR']);
		expect(read('Salary: $150k plus.')).toEqual(['150000-150000 YEAR from']);
		expect(read('Compensation: $150k - $180k base, plus commission on deals from $50k to $500k ACV.')).toEqual(['150000-180000 YEAR']);
		// Remote's "annual salary range … R$252,65 — R$284,20 BRL": a typo in the posting, not a year's pay of R$284.
		expect(read('The annual salary range for this full-time position is R$252,65 — R$284,20 BRL')).toEqual([]);
	});
});

describe('German benefits that are not pay (arbeitnow\'s postings)', () => {
	// MoaviaMahmood/Arbeitnow-Jobs-ETL-Pipeline, data/bronze_jobs.json: German employers' postings from their ATSs.
	const read = (block: string) => extractPayRanges([block]).map(({ min, max, period }) => `${min}-${max} ${period}`);

	it('leaves out budgets, pension contributions, values of goods and ad spend, named in one word or after the amount', () => {
		expect(read('Entwickle dich weiter mit einem Studienbudget von 2.000 € pro Jahr!')).toEqual([]);
		expect(read('Zusätzlich hast du mind. 1.000€ Weiterbildungsbudget pro Jahr.')).toEqual([]);
		expect(read('50€ monatlich für deine Altersvorsorge')).toEqual([]);
		expect(read('Warenpaket im Verkaufswert von mind. 500,00€ bis 2.500,00/monatlich')).toEqual([]);
		expect(read('Referral Bonus : 1.500 € Prämie pro erfolgreicher Empfehlung.')).toEqual([]);
		expect(read('mind. 100.000€ Adspend im Jahr verwaltet')).toEqual([]);
		expect(read('We are looking for a data-oriented growth leader who knows how to scale D2C brands beyond the €200k/month ad spend mark.')).toEqual([]);
	});

	it('still reads the pay beside them, and after "zzgl." a budget is on top of it', () => {
		expect(read('Du verdienst gut 50.000–65.000 € brutto pro Jahr , abhängig von deiner Erfahrung.')).toEqual(['50000-65000 YEAR']);
		expect(read('Gehalt: 3.500 € brutto monatlich zzgl. Weiterbildungsbudget')).toEqual(['3500-3500 MONTH']);
		expect(read('A competitive salary of approx. €67.000 - €88.000')).toEqual(['67000-88000 YEAR']);
	});
});

describe('France Travail\'s and Polish boards\' pay', () => {
	// chuck-gcc/FranceTravailDb (db/s.db) and mehh92/JobMarket: offers of France Travail's API, salaire.libelle and
	// descriptions; Robur333/pracujIT-scrapper (json_dataPL.json): it.pracuj.pl's salary lines.
	const read = (block: string) => extractPayRanges([block]).map(({ min, max, currency, period, bound }) => `${min}-${max} ${currency} ${period}${bound ? ` ${bound}` : ''}`);

	it('reads a lone figure whose period opens its line, as France Travail labels every salary', () => {
		expect(read('Mensuel de 1710,00 Euros sur 12 mois')).toEqual(['1710-1710 EUR MONTH']);
		expect(read('Horaire de 11.88 Euros sur 12.0 mois')).toEqual(['11.88-11.88 EUR HOUR']);
		expect(read('Annuel de 35000.00 Euros sur 12 mois')).toEqual(['35000-35000 EUR YEAR']);
		expect(read('Mensuel de 1900.00 Euros à 2100.00 Euros sur 12 mois')).toEqual(['1900-2100 EUR MONTH']);
		expect(read('- Taux horaire 12.26€ brut de l\'heure')).toEqual(['12.26-12.26 EUR HOUR']);
	});

	it('leaves out a bonus with its own period, and vouchers', () => {
		expect(read('Prime Qualité mensuelle de 75€')).toEqual([]);
		expect(read('- Prime d\'assiduité (50€ par mois)')).toEqual([]);
		expect(read('Monthly 40 EUR Treatwell vouchers so you can treat yourself too.')).toEqual([]);
		expect(read('Votre rémunération sera comprise entre 24 000€ brut et 26 000 € brut par an . A cela peut s\'ajouter une prime mensuelle de 750€ bruts .')).toEqual(['24000-26000 EUR YEAR']);
	});

	it('reads the hours of a working week as no period of the pay', () => {
		expect(read('Le taux horaire s\'élève à 13,50 € pour un engagement à temps plein de 35 heures par semaine.')).toEqual(['13.5-13.5 EUR HOUR']);
		expect(read('Vous travaillerez 35 heures par semaine pour un taux horaire de 12,26 €.')).toEqual(['12.26-12.26 EUR HOUR']);
	});

	it('joins a range whose low end says gross or net', () => {
		expect(read('- Rémunération CCN selon ancienneté dans le poste : de 4828€ brut à 8351,25€ brut')).toEqual(['4828-8351.25 EUR MONTH']);
		expect(read('Gehalt zwischen 50.000 € brutto und 60.000 € brutto')).toEqual(['50000-60000 EUR YEAR']);
	});

	it('finds a lone rate\'s period after a note on tax, and "/ godz." as an hour', () => {
		expect(read('110 zł netto (+ VAT) / godz.')).toEqual(['110-110 PLN HOUR']);
		expect(read('7 000 zł netto (+ VAT) / mies.')).toEqual(['7000-7000 PLN MONTH']);
		expect(read('30 zł brutto / godz.')).toEqual(['30-30 PLN HOUR']);
		expect(read('115-140 zł / godz. (zal. od umowy)')).toEqual(['115-140 PLN HOUR']);
	});
});

describe('amounts beside the pay in remote boards\' postings (Jobicy, Remotive)', () => {
	const read = (block: string) => extractPayRanges([block]).map(({ min, max, period, bound }) => `${min}-${max} ${period}${bound ? ` ${bound}` : ''}`);

	it('leaves out premiums, variable pay, budgets and stipends named a few words away, tickets, rent and a project\'s value', () => {
		expect(read('Copy.ai pays up to $800/month per employee for monthly premiums')).toEqual([]);
		expect(read('which may additionally include annual variable performance-based compensation earnings of on average $23,000, discretionary restricted stock unit awards')).toEqual([]);
		expect(read('$3,000 USD accrued annually in professional development budget for you to spend on conferences')).toEqual([]);
		expect(read('Continuous education. Up to 1000 EUR per year for conferences, books, and courses of your choice.')).toEqual([]);
		expect(read('Business expense stipend- $125 quarterly')).toEqual([]);
		expect(read('Cultural tickets 200 RON/month')).toEqual([]);
		expect(read('With no need to pay a deposit, and special discount rates for single apartments, starting from 660 EUR per month')).toEqual([]);
		expect(read('Major owners/operators and main contractors with project values between £1m and £1bn+ globally.')).toEqual([]);
	});

	it('reads the period written right after the figure, and the pay beside a budget after a comma', () => {
		// Was a week's pay of $25: the "/" right after the digits started no match.
		expect(read('The hourly rate for this role is $25/hour, 25 – 29 hours per week.')).toEqual(['25-25 HOUR']);
		expect(read('Salary: $150,000 - $180,000, plus a $2,000 learning budget')).toEqual(['150000-180000 YEAR']);
		expect(read('Compensation: $600 - $4,000 per month')).toEqual(['600-4000 MONTH']);
		// A range twenty times as wide as its low end says nothing (a YC salary field, a typo for $75,450): left out.
		expect(read('The annual salary range for this full-time position is $7,540 — $169,700 USD')).toEqual([]);
	});
});

describe('Brazil\'s benefits beside the pay (Gupy\'s postings)', () => {
	// gustavoarvore/Mentoria_2025, data/vagas_gupy.json: Gupy's descriptions, their list items run together.
	const read = (block: string) => extractPayRanges([block]).map(({ min, max, period, bound }) => `${min}-${max} ${period}${bound ? ` ${bound}` : ''}`);

	it('leaves out meal, home-office, flexible-benefit, childcare and gym amounts', () => {
		expect(read('Alimentação: R$1.000,00/mês creditado no cartão Flash (Benefícios Flexíveis) para utilização no formato VR ou VA')).toEqual([]);
		expect(read('Vale Home Office: R$141,16/Mês creditado no cartão Flash (Benefícios Flexíveis)')).toEqual([]);
		expect(read('Benefício Flexíveis: R$200,00/Mês creditado no cartão Flash (Benefícios Flexíveis)')).toEqual([]);
		expect(read('🍔 Auxílio Refeição no Caju no valor de R$ 300,00 por mês')).toEqual([]);
		expect(read('💳 Auxílio Home Office (no cartão Caju) de R$180/mês')).toEqual([]);
		expect(read('Auxilio Creche: R$400,00 por filho menor de cinco anos')).toEqual([]);
		expect(read('Memed Cuida - BRL 110,00/ Mês para utilizar como fizer sentido para você')).toEqual([]);
		expect(read('com planos a partir de R$35,90/mês')).toEqual([]);
	});

	it('reads an intern\'s bolsa-auxílio and a salary beside them, with the period of their own item', () => {
		expect(read('Bolsa-auxílio: R$ 1.900 VR/VA: R$ 1.153,07')).toEqual(['1900-1900 MONTH']);
		// "anual" after the ";" is the profit sharing's: the range is a month's, as its label says.
		expect(read('Salário mensal:Faixa salarial de R$3.500,00 à R$3.769,20;Participação anual nos lucros e resultados')).toEqual(['3500-3769.2 MONTH']);
		// A German line of facts: "Homeoffice" is another item's, not what the amount is for.
		expect(read('Unterschleißheim bei München | Hybrid (bis 50 % Homeoffice) | 70.000 – 90.000 €')).toEqual(['70000-90000 YEAR']);
		// The role's pay named between a benefit's word and the amount: the amount is the pay.
		expect(read('Bolsa Auxílio e Benefícios:Bolsa Auxílio: R$1.800,00;Assistência Médica')).toEqual(['1800-1800 MONTH']);
		expect(read('Plano de carreira e salário de R$ 5.000,00 por mês')).toEqual(['5000-5000 MONTH']);
		expect(read('We offer a variable component and a base salary of $120,000 per year')).toEqual(['120000-120000 YEAR']);
	});
});

describe('Israeli postings (Glassdoor\'s copies of them)', () => {
	// yshauly/JobSpy, glassdoor_jobs.json: Hebrew and English postings of Israeli employers.
	const read = (block: string) => extractPayRanges([block]).map(({ min, max, currency, period, bound }) => `${min}-${max} ${currency} ${period}${bound ? ` ${bound}` : ''}`);

	it('reads "עד" (up to) and "החל מ" (from) as a ceiling and a floor', () => {
		expect(read('שכר: עד 70.00₪ ללשעה')).toEqual(['70-70 ILS HOUR upTo']);
		expect(read('שכר: החל מ-40.00₪ לשעה')).toEqual(['40-40 ILS HOUR from']);
		expect(read('שכר: 9,500–10,000 ₪ + בונוסים')).toEqual(['9500-10000 ILS MONTH']);
	});

	it('leaves out a referral bonus and what a company processes', () => {
		expect(read('Referral programme — earn up to €2,000 per successful referral')).toEqual([]);
		// $100 billion a year is nobody's pay.
		expect(read('our AI assistant, Billy, has set the industry standard — processing $100B+ in invoices annually')).toEqual([]);
	});
});

describe('pay stated in a heading', () => {
	it('reads Turing\'s "Compensation Range: $240k - $260K", written as an <h3> after the requirements', () => {
		const board = JSON.parse(readFileSync(join(FIXTURES, 'real', 'greenhouse', 'turing.json'), 'utf8')) as unknown;
		const source = mapGreenhouseDocument(board, 'turing').postings.find((posting) => posting.id === '6128357004')!;
		expect(source.fields).not.toHaveProperty('payRanges');
		const [posting] = normalizePostings([atsPostingFile(source)], site, { today: TODAY }).postings;
		expect(posting?.payRanges).toEqual([{ min: 240000, max: 260000, currency: 'USD', period: 'YEAR', text: 'Compensation Range: $240k - $260K' }]);
	});

	it('reads a heading inside a section too (a sub-heading of the section above it)', () => {
		const html = '<h2>About the role</h2><p>You will build the billing platform our teams ship on.</p><h3>Starting at $100,000 – $120,000 a year</h3><p>Plus equity.</p>';
		const [posting] = normalizePostings([{ file: 'content/postings/billing.html', source: `---\ntitle: Billing Engineer\nlocations: [Berlin]\n---\n${html}` }], site, { today: TODAY }).postings;
		expect(posting?.sections.map((section) => section.title)).toEqual(['About the role']);
		expect(posting?.payRanges).toEqual([{ min: 100000, max: 120000, currency: 'USD', period: 'YEAR', text: 'Starting at $100,000 – $120,000 a year' }]);
	});
});

describe('pay as other countries write it', () => {
	it.each([
		// Austrian job ads must state the pay; these two are real ones, copied into public repositories (an employer's
		// own site code, and a job board's database dump): a monthly figure in a compound word, written "2.750,-".
		[
			'Wir bieten je nach kollektivvertraglicher Einstufung ein monatliches Grundgehalt von mindestens € 2.750,- brutto mit der Bereitschaft zur Überzahlung abhängig von der Qualifikation, Erfahrung und dem Engagement im Team.',
			[{ min: 2750, max: 2750, currency: 'EUR', period: 'MONTH', bound: 'from' }],
		],
		['Als Einstiegsgehalt ist ein kollektivvertragliches Bruttomonatsgehalt von € 2.950,- auf Vollzeitbasis vorgesehen.', [{ min: 2950, max: 2950, currency: 'EUR', period: 'MONTH' }]],
		// Blackshark.ai's Graz postings (Lever, collection I): the law's minimum, written "60.000,--€", was no pay at all.
		[
			'In accordance with Austrian legislation, we are disclosing the minimum remuneration fixed for this position is : 60.000,--€ gross per year. The effective salary depends on qualification and experience and may be significantly higher!',
			[{ min: 60000, max: 60000, currency: 'EUR', period: 'YEAR', bound: 'from' }],
		],
		['Jahresbruttogehalt ab € 48.000,--', [{ min: 48000, max: 48000, currency: 'EUR', period: 'YEAR', bound: 'from' }]],
		// The minimum stated before the figure, or more paid said after it, as Austrian postings say it.
		['Das Mindestgehalt für diese Position beträgt EUR 3.500,- brutto pro Monat (14x jährlich).', [{ min: 3500, max: 3500, currency: 'EUR', period: 'MONTH', bound: 'from' }]],
		['Für diese Position gilt ein Bruttojahresgehalt von € 45.000. Bereitschaft zur Überzahlung je nach Qualifikation.', [{ min: 45000, max: 45000, currency: 'EUR', period: 'YEAR', bound: 'from' }]],
		['The minimum annual gross salary for this position is EUR 50,000 based on full-time employment; there is a willingness to overpay.', [{ min: 50000, max: 50000, currency: 'EUR', period: 'YEAR', bound: 'from' }]],
		// A Japanese job ad (a public repository's copy of a job board's posting): 万 is ten thousand, and the hours
		// after it ("22:00〜7:00") are not money.
		['給与: 月給40万円〜44万円（夜勤専属 22:00〜7:00）', [{ min: 400000, max: 440000, currency: 'JPY', period: 'MONTH' }]],
		['給与：年収400万円～700万円（経験・能力を考慮の上、決定します）', [{ min: 4000000, max: 7000000, currency: 'JPY', period: 'YEAR' }]],
		['時給1,200円〜1,500円', [{ min: 1200, max: 1500, currency: 'JPY', period: 'HOUR' }]],
		['연봉 5,000만원 ~ 8,000만원', [{ min: 50000000, max: 80000000, currency: 'KRW', period: 'YEAR' }]],
		['연봉 5천만원 ~ 7천만원', [{ min: 50000000, max: 70000000, currency: 'KRW', period: 'YEAR' }]],
		['年薪：人民币30万-50万', [{ min: 300000, max: 500000, currency: 'CNY', period: 'YEAR' }]],
		// India groups digits in lakhs (1,00,000) and counts pay in lakhs a year (LPA) and crores.
		['Salary range: ₹18,00,000 - ₹25,00,000 per annum', [{ min: 1800000, max: 2500000, currency: 'INR', period: 'YEAR' }]],
		['CTC: Rs. 18,00,000 per annum', [{ min: 1800000, max: 1800000, currency: 'INR', period: 'YEAR' }]],
		['Compensation: 18-25 LPA', [{ min: 1800000, max: 2500000, currency: 'INR', period: 'YEAR' }]],
		['Salary: INR 9.29 lakhs per annum', [{ min: 929000, max: 929000, currency: 'INR', period: 'YEAR' }]],
		['Salary: ₹18L - ₹25L per annum', [{ min: 1800000, max: 2500000, currency: 'INR', period: 'YEAR' }]],
		// Periods in the words of each language, compounds and plurals included.
		['Monatsgehalt: CHF 7\'000 - 8\'500 (13 Monatslöhne)', [{ min: 7000, max: 8500, currency: 'CHF', period: 'MONTH' }]],
		['Lohn: CHF 6\'500 × 13', [{ min: 6500, max: 6500, currency: 'CHF', period: 'MONTH' }]],
		['Jahresbruttogehalt ab € 60.000', [{ min: 60000, max: 60000, currency: 'EUR', period: 'YEAR', bound: 'from' }]],
		['Rémunération : 3 200 € bruts mensuels', [{ min: 3200, max: 3200, currency: 'EUR', period: 'MONTH' }]],
		['Salaris tussen de € 3.500,- en € 4.500,- bruto per maand', [{ min: 3500, max: 4500, currency: 'EUR', period: 'MONTH' }]],
		// "pr." shortens "per": its full stop ends no sentence.
		['Løn: 40.000-50.000 DKK pr. måned', [{ min: 40000, max: 50000, currency: 'DKK', period: 'MONTH' }]],
		['Palkka: 4 000–5 000 € kuukaudessa', [{ min: 4000, max: 5000, currency: 'EUR', period: 'MONTH' }]],
		['Plat: 60 000 - 80 000 Kč měsíčně', [{ min: 60000, max: 80000, currency: 'CZK', period: 'MONTH' }]],
		['Fizetés: 800 000 – 1 000 000 Ft/hó', [{ min: 800000, max: 1000000, currency: 'HUF', period: 'MONTH' }]],
		['Salariu: 8.000 - 10.000 lei brut lunar', [{ min: 8000, max: 10000, currency: 'RON', period: 'MONTH' }]],
		['Maaş: 60.000 ₺ - 80.000 ₺ aylık', [{ min: 60000, max: 80000, currency: 'TRY', period: 'MONTH' }]],
		['Gaji: Rp 10.000.000 - Rp 15.000.000 per bulan', [{ min: 10000000, max: 15000000, currency: 'IDR', period: 'MONTH' }]],
		['Salary: RM 5,000 - RM 7,000 per month', [{ min: 5000, max: 7000, currency: 'MYR', period: 'MONTH' }]],
		// A code before the dollar sign says which dollar (a job description in a public repository's test fixture
		// reads "Compensation: CAD $120,000 - $150,000 + equity"); the sign alone was read as US dollars.
		['Compensation: CAD $120,000 - $150,000 + equity', [{ min: 120000, max: 150000, currency: 'CAD', period: 'YEAR' }]],
		['AUD $120k - $140k + super', [{ min: 120000, max: 140000, currency: 'AUD', period: 'YEAR' }]],
		['MXN $40,000 - $55,000 mensuales brutos', [{ min: 40000, max: 55000, currency: 'MXN', period: 'MONTH' }]],
		['Salary: SGD $7,000 per month', [{ min: 7000, max: 7000, currency: 'SGD', period: 'MONTH' }]],
		// The deals and the quota are not pay; the OTE beside them is.
		['You will carry a quota of $800k; OTE $160,000 - $180,000 (50/50).', [{ min: 160000, max: 180000, currency: 'USD', period: 'YEAR' }]],
		['Compensation: $150k - $180k base, plus commission on deals from $50k to $500k ACV.', [{ min: 150000, max: 180000, currency: 'USD', period: 'YEAR' }]],
		// A minimum is a floor (before: an exact figure), and each end may carry its period (before: two figures).
		['Minimum salary $80,000', [{ min: 80000, max: 80000, currency: 'USD', period: 'YEAR', bound: 'from' }]],
		['Salary: $100,000 minimum', [{ min: 100000, max: 100000, currency: 'USD', period: 'YEAR', bound: 'from' }]],
		['Salary: min. 4.000 € brutto/Monat', [{ min: 4000, max: 4000, currency: 'EUR', period: 'MONTH', bound: 'from' }]],
		['Maximum salary: $90,000', [{ min: 90000, max: 90000, currency: 'USD', period: 'YEAR', bound: 'upTo' }]],
		['Compensation: $85/hour - $95/hour W2', [{ min: 85, max: 95, currency: 'USD', period: 'HOUR' }]],
		['Gehalt: €50.000/Jahr - €60.000/Jahr', [{ min: 50000, max: 60000, currency: 'EUR', period: 'YEAR' }]],
		// Before: meal and transport vouchers were pay; an intern's "bolsa-auxílio" (the pay) was none.
		['Vale-refeição de R$ 40 por dia', []],
		['Salário: R$ 8.000 + VR de R$ 1.000', [{ min: 8000, max: 8000, currency: 'BRL', period: 'MONTH' }]],
		['Tickets restaurant de 9 € par jour', []],
		['Bolsa-auxílio: R$ 2.500,00', [{ min: 2500, max: 2500, currency: 'BRL', period: 'MONTH' }]],
		// "va" (goes) is not Brazil's VA voucher, nor is Virginia before dollars.
		['El salario va de $30,000 a $40,000 MXN mensuales', [{ min: 30000, max: 40000, currency: 'MXN', period: 'MONTH' }]],
		['For hires in VA: $120,000 - $150,000', [{ appliesTo: 'VA', min: 120000, max: 150000, currency: 'USD', period: 'YEAR' }]],
		// Before: nothing (the currency named in words after the amount).
		['Rémunération : entre 50 000 et 60 000 euros bruts annuels', [{ min: 50000, max: 60000, currency: 'EUR', period: 'YEAR' }]],
		['zwischen 60.000 und 70.000 Euro brutto im Jahr', [{ min: 60000, max: 70000, currency: 'EUR', period: 'YEAR' }]],
		['Retribuzione: tra 30.000 e 40.000 euro lordi annui', [{ min: 30000, max: 40000, currency: 'EUR', period: 'YEAR' }]],
		['Salary: 40,000 - 50,000 pounds per annum', [{ min: 40000, max: 50000, currency: 'GBP', period: 'YEAR' }]],
		// A word beside a sign names one currency: one range (before the words were read, two would have been).
		['Salário: R$ 5.000 a 7.000 reais por mês', [{ min: 5000, max: 7000, currency: 'BRL', period: 'MONTH' }]],
		// InfoJobs (jlpbiuma/clasificador-ofertas-empleo-modelo): Spain pays a year's salary in 14 payments; "al año"
		// after the count is how often, not the amount's period (it was 2,000 € a year).
		['Sueldo neto mensual 2.000 €, 14 sueldos completos al año, 5 días/40 horas a la semana', [{ min: 2000, max: 2000, currency: 'EUR', period: 'MONTH' }]],
		['Salario convenio: 985€ brutos/mes en 14 pagas.', [{ min: 985, max: 985, currency: 'EUR', period: 'MONTH' }]],
	])('%s', (block, expected) => {
		expect(pay(block)).toEqual(expected);
	});

	it.each([
		// Where pay is stated by the month as a rule, a figure with no period up to a plausible month's pay is a month's.
		['Salário: R$ 6.500,00', [{ min: 6500, max: 6500, currency: 'BRL', period: 'MONTH' }]],
		['Zarobki: 20-25k PLN netto + VAT (B2B)', [{ min: 20000, max: 25000, currency: 'PLN', period: 'MONTH' }]],
		['Sueldo: $35,000 MXN', [{ min: 35000, max: 35000, currency: 'MXN', period: 'MONTH' }]],
		// Before: a year's pay of ₪35,000 (about $9,500) and of AED 25,000.
		['ILS 35,000 - 45,000', [{ min: 35000, max: 45000, currency: 'ILS', period: 'MONTH' }]],
		['AED 25,000 - 35,000', [{ min: 25000, max: 35000, currency: 'AED', period: 'MONTH' }]],
		['AED 300,000 - 420,000', [{ min: 300000, max: 420000, currency: 'AED', period: 'YEAR' }]],
		// Before: nothing ("juta" is Indonesian for million).
		['Gaji: Rp 12 jt - Rp 18 jt per bulan', [{ min: 12000000, max: 18000000, currency: 'IDR', period: 'MONTH' }]],
		['Rp 15 juta - 25 juta', [{ min: 15000000, max: 25000000, currency: 'IDR', period: 'MONTH' }]],
		// Before: nothing (roubles, hryvnias, dong and baht written after the amount; "от"/"до" for from and to; the Russian word for salary).
		['Зарплата: от 200 000 до 300 000 ₽', [{ min: 200000, max: 300000, currency: 'RUB', period: 'MONTH' }]],
		['Зарплата: от 150 000 руб.', [{ min: 150000, max: 150000, currency: 'RUB', period: 'MONTH', bound: 'from' }]],
		['Зарплата: 80 000 - 120 000 грн', [{ min: 80000, max: 120000, currency: 'UAH', period: 'MONTH' }]],
		['Lương: 20.000.000 - 35.000.000 VNĐ', [{ min: 20000000, max: 35000000, currency: 'VND', period: 'MONTH' }]],
		['เงินเดือน 50,000 - 80,000 บาท', [{ min: 50000, max: 80000, currency: 'THB', period: 'MONTH' }]],
		['שכר: 25,000-30,000 ₪', [{ min: 25000, max: 30000, currency: 'ILS', period: 'MONTH' }]],
		// Before: a year's pay of S$6,000 (about US$4,500), EGP 30,000 (US$600), R40,000, and of "Salary: BRL 6.000 - 8.000"
		// ("salary" says a year in English, only where the figure could be one).
		['S$6,000 - S$8,000', [{ min: 6000, max: 8000, currency: 'SGD', period: 'MONTH' }]],
		['EGP 30,000 - 40,000', [{ min: 30000, max: 40000, currency: 'EGP', period: 'MONTH' }]],
		['ZAR 40,000 - 60,000', [{ min: 40000, max: 60000, currency: 'ZAR', period: 'MONTH' }]],
		['Salary: BRL 6.000 - 8.000', [{ min: 6000, max: 8000, currency: 'BRL', period: 'MONTH' }]],
		['Salary: MYR 8,000 - 12,000', [{ min: 8000, max: 12000, currency: 'MYR', period: 'MONTH' }]],
		['Annual salary: R$ 40.000', [{ min: 40000, max: 40000, currency: 'BRL', period: 'YEAR' }]],
		['R600 000 - R800 000', [{ min: 600000, max: 800000, currency: 'ZAR', period: 'YEAR' }]],
		// Above it, a year's; and where pay is stated by the year, a year's.
		['Salary: R$ 180.000 - R$ 240.000', [{ min: 180000, max: 240000, currency: 'BRL', period: 'YEAR' }]],
		['Salary: €65,000', [{ min: 65000, max: 65000, currency: 'EUR', period: 'YEAR' }]],
		// Under 10,000 where pay is stated by the year is a month's: no full-time year's pay there is that low. Before: a
		// year's pay of €6,500, and of YC's "$2.5K - $5K" and "$300 - $1K".
		['Salary: €6,500', [{ min: 6500, max: 6500, currency: 'EUR', period: 'MONTH' }]],
		['Salary: $2.5K - $5K', [{ min: 2500, max: 5000, currency: 'USD', period: 'MONTH' }]],
		['Salary: $300 - $1K', [{ min: 300, max: 1000, currency: 'USD', period: 'MONTH' }]],
		['Salary: $10K - $15K', [{ min: 10000, max: 15000, currency: 'USD', period: 'YEAR' }]],
		// A form's minimum left at 1 is no pay: the high end alone, a ceiling (YC's "$1 - $85K" was $1,000 to $85,000).
		['Salary: $1 - $85K', [{ min: 85000, max: 85000, currency: 'USD', period: 'YEAR', bound: 'upTo' }]],
		['Salary: ₹1 - ₹3.5M INR', [{ min: 3500000, max: 3500000, currency: 'INR', period: 'YEAR', bound: 'upTo' }]],
	])('reads the period "%s" leaves unstated by the custom of its currency', (block, expected) => {
		expect(pay(block)).toEqual(expected);
	});

	it('reads a paragraph of thousands of amounts with no full stop, each range once', () => {
		// This paragraph took 5 s before, each amount reading the whole paragraph again (docs/decisions.md, "A paragraph
		// full of amounts is read in linear time"); no clock is asserted here, only what is read.
		const paragraph = 'Salary $120,000 - $150,000 per year; '.repeat(3000);
		expect(extractPayRanges([paragraph])).toHaveLength(1);
		expect(extractPayRanges(['€1.000,- x 13 Monatsgehalt 5천만원 ₹18L '.repeat(3000)]).map((range) => `${range.currency} ${range.period}`)).toEqual(['EUR MONTH', 'KRW MONTH', 'INR MONTH']);
	});

	it('reads a symbol several currencies share by the one country of the posting, unless the sentence names a place', () => {
		const inCountry = (block: string, country: string) => extractPayRanges([block], country).map((range) => range.currency);
		expect(inCountry('Lønn: 650 000 - 800 000 kr i året', 'NO')).toEqual(['NOK']);
		expect(inCountry('Lön: 45 000 kr per månad', 'SE')).toEqual(['SEK']);
		expect(inCountry('Salary: $90,000 - $110,000', 'CA')).toEqual(['CAD']);
		expect(inCountry('Salary: $90,000 - $110,000', 'NZ')).toEqual(['NZD']);
		expect(inCountry('Salary: 90,000 - 110,000 dollars a year', 'CA')).toEqual(['CAD']);
		// A bare "$" in Spanish in Mexico or Argentina is the peso (before: US dollars); in English there, the US dollar.
		expect(inCountry('Sueldo base: $30,000 - $35,000 brutos mensuales', 'MX')).toEqual(['MXN']);
		expect(inCountry('Salario: $1.500.000 - $2.000.000 brutos mensuales', 'AR')).toEqual(['ARS']);
		expect(inCountry('Salary: $3,000 - $4,000 per month', 'MX')).toEqual(['USD']);
		expect(inCountry('Salary: ¥300,000 - ¥500,000 per year', 'CN')).toEqual(['CNY']);
		expect(inCountry('Salary: ¥6,000,000 - ¥8,000,000 per year', 'JP')).toEqual(['JPY']);
		// A code says which, wherever the role is; a place named in the sentence wins over the posting's country.
		expect(inCountry('Salary: $90,000 - $110,000 USD', 'CA')).toEqual(['USD']);
		expect(inCountry('For Colorado-based hires: $168,000 - $206,000.', 'CA')).toEqual(['USD']);
	});

	// chiletrabajos.cl's salaries (FavazCL/WS-Ofertas) call pay "renta" ("Pretensiones de renta", "renta bruta+comisiones"):
	// "Renta bruta" was read as rent, not pay, and "Renta:" as the place the pay applies to (so US dollars).
	it('reads "renta" as Chile\'s word for pay, and its "$" as the peso', () => {
		const pay = (block: string) => extractPayRanges([block], 'CL').map((range) => `${range.min}-${range.max} ${range.currency} ${range.period}`);
		expect(pay('Renta bruta: $1.200.000 mensual')).toEqual(['1200000-1200000 CLP MONTH']);
		expect(pay('Pretensiones de renta: $800.000')).toEqual(['800000-800000 CLP MONTH']);
		expect(pay('$1.150.000 Sueldo Bruto')).toEqual(['1150000-1150000 CLP MONTH']);
		// Not income tax, nor a fixed-income portfolio; and rent is still no pay.
		expect(pay('Impuesto a la renta de $50.000')).toEqual([]);
		expect(pay('Analista de Renta Fija con cartera de $500.000.000')).toEqual([]);
		expect(extractPayRanges(['Salary $50,000; rents from $900 nearby']).map((range) => range.max)).toEqual([50000]);
	});

	it('gives the pipeline the country of the posting\'s places', () => {
		const posting = (locations: string) =>
			normalizePostings(
				[{ file: 'content/postings/lonn.html', source: `---\ntitle: Backend Engineer\nlocations: ${locations}\n---\n<h2>About the role</h2><p>You will build our payments platform.</p><p>Lønn: 650 000 - 800 000 kr i året.</p>` }],
				site,
				{ today: TODAY },
			).postings[0]?.payRanges.map((range) => range.currency);
		expect(posting('[Oslo, Norway]')).toEqual(['NOK']);
		// Places in two countries name none: "kr" is then the krona, as before.
		expect(posting('[Oslo, Norway, Stockholm, Sweden]')).toEqual(['SEK']);
	});
});
