import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchGreenhouseBoard, GREENHOUSE_API, mapGreenhouseDocument, mapGreenhouseJob } from '../../src/ats/greenhouse/source.ts';
import { AtsHttpError, AtsResponseError, createHttpClient, type HttpOptions } from '../../src/ats/shared/http.ts';
import { parseRows, rowId } from '../../src/ats/shared/map.ts';
import type { AtsPosting } from '../../src/ats/shared/types.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { readPosting } from '../../src/sources/posting-file.ts';
import { greenhouseJobSchema, type GreenhouseJob, type GreenhousePayRange } from '../../src/ats/greenhouse/schema.ts';
import { amountOf, metadataPayRanges } from '../../src/ats/greenhouse/metadata-pay.ts';
import { startAtsServer, type AtsServer } from './ats-server.ts';
import { atsPostingFile, FIXTURES, seedFiles, site, TODAY } from './helpers.ts';

const DIR = join(FIXTURES, 'ats', 'greenhouse');
const BOARD = 'cloudflare';
const LIST = `/v1/boards/${BOARD}/jobs?content=true`;
const GOOD = ['4000000', '4000001', '4000003', '4000004'];

type Json = Record<string, unknown>;
const fixture = (name: string): Json => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Json;
const jobPath = (id: string, board = BOARD) => `/v1/boards/${board}/jobs/${id}?pay_transparency=true`;
const applyUrl = (id: string) => `https://boards.greenhouse.io/cloudflare/jobs/${id}?gh_jid=${id}`;

/** The posting body of a seed, front matter left out: what Greenhouse would render. */
function seedBody(prefix: string): string {
	const file = seedFiles().find((candidate) => candidate.file.includes(`/${prefix}_`))!;
	return readPosting(file.origin ?? { kind: 'file', path: file.file }, file.source).html;
}

/** The valid rows of the list fixture, validated as the source validates them. */
function listedJobs(): Map<string, GreenhouseJob> {
	const { rows } = parseRows((fixture('jobs.json').jobs as unknown[]) ?? [], greenhouseJobSchema, rowId);
	return new Map(rows.map((row) => [String(row.id), row]));
}

function payOf(id: string): GreenhousePayRange[] {
	return fixture(`job-${id}.json`).pay_input_ranges as GreenhousePayRange[];
}

function mapped(id: string): AtsPosting {
	return mapGreenhouseJob(listedJobs().get(id)!, BOARD, payOf(id));
}

/** A client that never waits: retries happen at once, and a hung request gives up quickly. */
function client(options: HttpOptions = {}) {
	return createHttpClient({ sleep: async () => {}, timeoutMs: 2000, retries: 2, ...options });
}

describe('mapGreenhouseJob', () => {
	it('maps the Workers Runtime manager role: three cities from location.name, its lone department as the team, employment type, dates', () => {
		const posting = mapped('4000000');
		expect({ ...posting, html: undefined }).toEqual({
			system: 'greenhouse',
			board: 'cloudflare',
			id: '4000000',
			url: applyUrl('4000000'),
			updated: '2026-10-02',
			fields: {
				title: 'Engineering Manager, Workers Runtime',
				team: 'Engineering',
				locations: [
					{ city: 'Austin', region: 'TX', country: 'US', workplace: 'onsite' },
					{ city: 'Lisbon', region: '11', country: 'PT', workplace: 'onsite' },
					{ city: 'London', country: 'GB', workplace: 'onsite' },
				],
				employmentType: 'FULL_TIME',
				datePosted: '2026-09-14',
				applyUrl: applyUrl('4000000'),
			},
			html: undefined,
			notes: [],
		});
		// An empty "Team" field is no team; a lone department is the job's most specific unit, so the team, and no department.
		expect(posting.fields).not.toHaveProperty('department');
		expect(posting.fields).not.toHaveProperty('payRanges');
	});

	it('decodes the escaped body exactly once, keeping the intro and conclusion blocks', () => {
		expect(mapped('4000000').html).toBe(seedBody('000'));
		// The seed's "Emerging Technologies &amp; Incubation" arrives as &amp;amp; and must stay one entity, not become a bare "&".
		const html = mapped('4000001').html;
		expect(html).toBe(seedBody('001'));
		expect(html).toContain('Emerging Technologies &amp; Incubation (ETI)');
		expect(html).not.toContain('&amp;amp;');
		expect(html.startsWith('<div class="content-intro">')).toBe(true);
		expect(html).toContain('<div class="content-conclusion">');
		expect(mapped('4000003').html).toBe(seedBody('003'));
		expect(mapped('4000004').html).toBe(seedBody('004'));
	});

	it('places a "Hybrid" role by its office, hybrid there, takes the sub-department as team and leaves datePosted to git', () => {
		const posting = mapped('4000001');
		expect(posting.fields).toEqual({
			title: 'Senior Systems Engineer, Workers Runtime (C++)',
			department: 'Engineering',
			team: 'Workers Runtime',
			// location.name names no place but says how the role is worked: at the office it is filed under.
			locations: [{ city: 'Austin', region: 'TX', country: 'US', workplace: 'hybrid' }],
			applyUrl: applyUrl('4000001'),
		});
		// "Hybrid" is no place that failed to read, and the office says where: nothing to review.
		expect(posting.notes).toEqual([]);
		// 22:15 at -04:00 is the 21st in UTC; the board showed the 20th.
		expect(posting.updated).toBe('2026-10-20');
	});

	it('turns the scheduling role\'s cents into whole-dollar yearly ranges per zone', () => {
		const posting = mapped('4000003');
		expect(posting.fields).toEqual({
			title: 'Systems Engineer, Global Scheduling',
			team: 'Engineering',
			locations: [
				{ city: 'Denver', region: 'CO', country: 'US', workplace: 'onsite' },
				{ city: 'New York', region: 'NY', country: 'US', workplace: 'onsite' },
			],
			employmentType: 'FULL_TIME',
			datePosted: '2026-10-20',
			applyUrl: applyUrl('4000003'),
			payRanges: [
				{ appliesTo: 'Colorado', min: 168000, max: 206000, currency: 'USD', period: 'YEAR' },
				{ appliesTo: 'New York City', min: 187000, max: 229000, currency: 'USD', period: 'YEAR' },
			],
		});
		expect(posting.updated).toBe('2026-11-02');
		expect(posting.notes).toEqual([]);
	});

	it('reads "Remote - US" as a remote place, the team from a "team" field and the type from "Job Type"', () => {
		const posting = mapped('4000004');
		expect(posting.fields).toEqual({
			title: 'Software Engineer, Cloudflare Tunnel',
			department: 'Engineering',
			team: 'Cloudflare Tunnel',
			locations: [{ country: 'US', workplace: 'remote' }],
			employmentType: 'FULL_TIME',
			datePosted: '2026-08-03',
			applyUrl: applyUrl('4000004'),
		});
		expect(posting.updated).toBe('2026-11-10');
	});

	it('reads zones and periods from range titles and blurbs, and applies over https', () => {
		const job = { ...listedJobs().get('4000004')!, absolute_url: 'http://careers.example.com/jobs/?gh_jid=4000004' };
		const range = (title: string | null, blurb: string | null = null): GreenhousePayRange => ({ min_cents: 2550, max_cents: 4000, currency_type: 'EUR', title, blurb });
		const posting = mapGreenhouseJob(job, BOARD, [
			range('Base Salary'),
			range('Salary range: Zone A'),
			range('California Base Salary Range'),
			range('Germany', 'The hourly rate for this role is shown above.'),
			range('US Hourly Pay Range'),
			range(null),
		]);
		expect(posting.fields.payRanges).toEqual([
			{ min: 25.5, max: 40, currency: 'EUR', period: 'YEAR' },
			{ appliesTo: 'Zone A', min: 25.5, max: 40, currency: 'EUR', period: 'YEAR' },
			{ appliesTo: 'California', min: 25.5, max: 40, currency: 'EUR', period: 'YEAR' },
			{ appliesTo: 'Germany', min: 25.5, max: 40, currency: 'EUR', period: 'HOUR' },
			{ appliesTo: 'US', min: 25.5, max: 40, currency: 'EUR', period: 'HOUR' },
			{ min: 25.5, max: 40, currency: 'EUR', period: 'YEAR' },
		]);
		expect(posting.fields.applyUrl).toBe('https://careers.example.com/jobs/?gh_jid=4000004');
		expect(posting.url).toBe('http://careers.example.com/jobs/?gh_jid=4000004');
	});

	it('notes what it cannot use and omits the keys', () => {
		const base = listedJobs().get('4000004')!;
		const job: GreenhouseJob = {
			...base,
			location: { name: 'Silicon Valley Hybrid' },
			offices: [{ id: 1, name: 'HQ', location: 'Building 7', parent_id: null, child_ids: [] }],
			metadata: [{ id: 2, name: 'Employment Type', value: 'Whenever', value_type: 'single_select' }],
			departments: [],
			first_published: null,
		};
		const posting = mapGreenhouseJob(job, BOARD);
		expect(posting.fields).toEqual({ title: 'Software Engineer, Cloudflare Tunnel', applyUrl: applyUrl('4000004') });
		expect(posting.notes).toEqual([
			'employment type "Whenever": not a kind of employment we know',
			'location "Silicon Valley Hybrid": no country we know',
			'office "HQ" (location "Building 7"): no country we know',
		]);
	});

	it('reads a field left at its prompt as empty: no note, no value', () => {
		// Genuine's and Octagon's boards: "Employment Type" left at "Select an Option" put a review note on each such role.
		const base = listedJobs().get('4000004')!;
		for (const value of ['Select an Option', 'N/A', 'TBD', '---', ['Select an Option']]) {
			const posting = mapGreenhouseJob({ ...base, metadata: [{ id: 2, name: 'Employment Type', value, value_type: 'single_select' }] }, BOARD);
			expect(posting.notes, String(value)).toEqual([]);
			expect(posting.fields).not.toHaveProperty('employmentType');
		}
	});

	it('closes applications when the post\'s deadline says, and leaves out a deadline it cannot use, with a note', () => {
		const base = listedJobs().get('4000004')!;
		// Duolingo's intern role in the corpus: published 2026-09-15, applications until 00:45 on 8 October, New York time.
		const at = (application_deadline: string | null) => mapGreenhouseJob({ ...base, first_published: '2026-09-15T12:00:00-04:00', application_deadline }, BOARD);
		expect(at('2026-10-08T00:45:00-04:00').fields.validThrough).toBe('2026-10-08T00:45:00-04:00');
		expect(at(null).fields).not.toHaveProperty('validThrough');
		const typo = at('2026-09-01T17:00:00-04:00');
		expect(typo.fields).not.toHaveProperty('validThrough');
		expect(typo.notes).toEqual(['application_deadline 2026-09-01T17:00:00-04:00 is before the post was first published (2026-09-15); left out']);
		const unreadable = at('next Friday');
		expect(unreadable.fields).not.toHaveProperty('validThrough');
		expect(unreadable.notes).toEqual(['application_deadline "next Friday": not a time we can read; left out']);
	});

	// From a sweep of about a thousand boards' rows: Cloudflare writes only how a role is worked in location.name ("Hybrid",
	// "In-Office", "Distributed", 300 of its 308 roles) and its places in a "Job Posting Location" field; Axios writes
	// "Remote" and the country in "Location"; Riot keeps pay in "Location Range 1".
	describe('a board\'s own location field', () => {
		type Field = NonNullable<GreenhouseJob['metadata']>[number];
		const field = (name: string, value: unknown, value_type = 'multi_select'): Field => ({ id: 1, name, value, value_type });
		const job = (location: string, metadata: Field[], offices: GreenhouseJob['offices'] = []): GreenhouseJob => ({
			...listedJobs().get('4000004')!,
			location: { name: location },
			metadata,
			offices,
		});
		const placesOf = (row: GreenhouseJob) => mapGreenhouseJob(row, BOARD).fields.locations;

		it('names the places when location.name only says how the role is worked, each worked that way', () => {
			expect(placesOf(job('Hybrid', [field('Cost Center', '5150 - Field Sales', 'single_select'), field('Job Posting Location', ['Austin, US', 'London, UK'])]))).toEqual([
				{ city: 'Austin', region: 'TX', country: 'US', workplace: 'hybrid' },
				{ city: 'London', country: 'GB', workplace: 'hybrid' },
			]);
			expect(placesOf(job('In-Office', [field('Job Posting Location', ['Bengaluru, India'])]))).toEqual([{ city: 'Bengaluru', region: 'KA', country: 'IN', workplace: 'onsite' }]);
			// Cloudflare's word for its remote roles.
			expect(placesOf(job('Distributed', [field('Job Posting Location', ['Atlanta, US', 'Miami, US'])]))).toEqual([
				{ city: 'Atlanta', region: 'GA', country: 'US', workplace: 'remote' },
				{ city: 'Miami', region: 'FL', country: 'US', workplace: 'remote' },
			]);
			// "Remote" alone is remote anywhere; the field says where.
			expect(placesOf(job('Remote', [field('Location', 'USA', 'single_select')]))).toEqual([{ country: 'US', workplace: 'remote' }]);
			expect(placesOf(job('Remote', []))).toEqual([{ area: 'WORLDWIDE', workplace: 'remote' }]);
		});

		it('comes before the offices, which file the job; they stand in when the field places nothing', () => {
			const office = { id: 7, name: 'Bengaluru', location: 'Bengaluru, Karnataka, India', parent_id: null, child_ids: [] };
			expect(placesOf(job('Hybrid', [field('Job Posting Location', ['Singapore'])], [office]))).toEqual([{ country: 'SG', workplace: 'hybrid' }]);
			const posting = mapGreenhouseJob(job('Hybrid', [field('Additional Locations', ['PITHQ'])], [office]), BOARD);
			expect(posting.fields.locations).toEqual([{ city: 'Bengaluru', region: 'KA', country: 'IN', workplace: 'hybrid' }]);
			expect(posting.notes).toEqual(['"Additional Locations" "PITHQ": no country we know']);
		});

		it('is not read over a location.name that names a place, nor from fields that say how, what it pays or whether to move', () => {
			expect(placesOf(job('Toronto, Canada', [field('Job Posting Location', ['London, UK'])]))).toEqual([{ city: 'Toronto', region: 'ON', country: 'CA', workplace: 'onsite' }]);
			const others = [
				field('Location Type', 'Remote', 'single_select'),
				field('Location Range 1', '(Los Angeles Only) Base salary range between $224,800.00 - $337,700.00 USD', 'short_text'),
				field('Relocation Eligible?', 'Yes', 'single_select'),
				field('Location Cost Tier', 'High', 'single_select'),
			];
			const nowhere = mapGreenhouseJob(job('Hybrid', others), BOARD);
			expect(nowhere.fields.locations).toBeUndefined();
			expect(nowhere.notes).toEqual(['location "Hybrid" says how the job is done, and no location field or office says where']);
		});
	});

	// SpaceX's board, in the thousand boards' rows: "Remote - PA" for "Starlink Growth Lead, US Northeast" was Panama,
	// "Remote - TN" Tunisia, "Remote - CA" Canada. Greenhouse gives a job no country of its own; its board has one.
	describe('codes read in the board\'s home country', () => {
		const row = (id: number, location: string) => ({ ...(fixture('jobs.json').jobs as Json[])[4]!, id, title: `Role ${id}`, location: { name: location }, metadata: null, offices: [], departments: [] });
		const board = (...locations: string[]) => mapGreenhouseDocument({ jobs: locations.map((location, index) => row(9000 + index, location)) }, BOARD).postings;
		const us = ['Hawthorne, CA', 'Redmond, WA', 'Starbase, TX', 'Cape Canaveral, FL', 'Austin, TX'];

		it('reads a code alone as the state of a board whose roles are nearly all in one country, with a note', () => {
			const [, , , , , pa, canada] = board(...us, 'Remote - PA', 'Remote - Canada');
			expect(pa!.fields.locations).toEqual([{ region: 'PA', country: 'US', workplace: 'remote' }]);
			expect(pa!.notes).toEqual(['location "Remote - PA": read in US, where most of the board\'s roles are (PA); check the posting']);
			// A country written out is taken at its word.
			expect(canada!.fields.locations).toEqual([{ country: 'CA', workplace: 'remote' }]);
			expect(canada!.notes).toEqual([]);
		});

		// Arbeitnow's board of German roles (MoaviaMahmood/Arbeitnow-Jobs-ETL-Pipeline, data/bronze_jobs.json): its
		// employers' villages, "Dermbach" and "Wutöschingen", were no place, and those roles had none.
		it('places a town the gazetteer knows only in a country given in the board\'s home country, with a note', () => {
			const german = ['Berlin', 'Munich', 'Hamburg', 'Cologne', 'Frankfurt am Main'];
			const [, , , , , dermbach, wutoschingen] = board(...german, 'Dermbach', 'Wutöschingen');
			expect(dermbach!.fields.locations).toEqual([{ city: 'Dermbach', region: 'TH', country: 'DE', workplace: 'onsite' }]);
			expect(dermbach!.notes).toEqual(['location "Dermbach": read in DE, where most of the board\'s roles are (Dermbach); check the posting']);
			expect(wutoschingen!.fields.locations).toEqual([{ city: 'Wutöschingen', region: 'BW', country: 'DE', workplace: 'onsite' }]);
			// Elsewhere still no place: the name alone says no country.
			const [, , lone] = board('Berlin', 'Austin, TX', 'Dermbach');
			expect(lone!.fields.locations).toBeUndefined();
			expect(lone!.notes).toEqual(['location "Dermbach": no country we know']);
		});

		// chiletrabajos.cl's roles (FavazCL/WS-Ofertas) and Tecnoempleo's (mankolepanto/Scrap_TecnoEmpleo), synced for a
		// site whose default country is Chile or Spain: "Castro" was Brazil's, "San Felipe" Venezuela's, and Tecnoempleo's
		// 444 roles "100% En remoto" were no place.
		it('reads the places of a name in the site\'s default country, as the pipeline reads a posting file\'s', () => {
			const places = (defaultCountry?: string) =>
				mapGreenhouseDocument({ jobs: ['Castro', 'San Felipe', '100% En remoto'].map((location, index) => row(9100 + index, location)) }, BOARD, { defaultCountry }).postings.map(
					(posting) => posting.fields.locations,
				);
			expect(places('CL')).toEqual([
				[{ city: 'Castro', region: 'LL', country: 'CL', workplace: 'onsite' }],
				[{ city: 'San Felipe', region: 'VS', country: 'CL', workplace: 'onsite' }],
				[{ country: 'CL', workplace: 'remote' }],
			]);
			expect(places('ES')![2]).toEqual([{ country: 'ES', workplace: 'remote' }]);
			// With no default, the largest of the name, and remote anywhere.
			expect(places()).toEqual([
				[{ city: 'Castro', region: 'PR', country: 'BR', workplace: 'onsite' }],
				[{ city: 'San Felipe', region: 'U', country: 'VE', workplace: 'onsite' }],
				[{ area: 'WORLDWIDE', workplace: 'remote' }],
			]);
		});

		it('leaves the code a country on a board of several countries, or of a few roles', () => {
			expect(board('London, UK', 'Berlin, Germany', 'Paris, France', 'Austin, TX', 'Denver, CO', 'Remote - PA').at(-1)!.fields.locations).toEqual([{ country: 'PA', workplace: 'remote' }]);
			expect(board('Austin, TX', 'Remote - PA').at(-1)!.fields.locations).toEqual([{ country: 'PA', workplace: 'remote' }]);
		});
	});

	it('rejects the row without a title, with its id and field', () => {
		const { rows, rejected } = parseRows(fixture('jobs.json').jobs as unknown[], greenhouseJobSchema, rowId);
		expect(rows.map((row) => String(row.id))).toEqual(GOOD);
		expect(rejected).toEqual([{ id: '4000099', field: 'title', message: 'expected string, received null' }]);
	});
});

describe('a board\'s units with internal codes', () => {
	/** The list fixture's first good job, once for each team name, filed under a "Team" field as MongoDB's board does. */
	const board = (teams: string[]) => {
		const row = (fixture('jobs.json').jobs as Json[]).find((job) => String(job.id) === '4000000')!;
		const jobs = teams.map((team, index) => ({ ...row, id: 5000000 + index, metadata: [{ id: 1, name: 'Team', value: team, value_type: 'single_select' }] }));
		return mapGreenhouseDocument({ jobs }, 'mongodb').postings.map((posting) => posting.fields.team);
	};

	it('takes the codes off where most of the board\'s teams carry one (MongoDB\'s "T10212-Sales Development RoW")', () => {
		expect(board(['T10212-Sales Development RoW', '43-SRE Atlas & InfraSec', '387-GTM Tech', 'Product Design'])).toEqual([
			'Sales Development RoW',
			'SRE Atlas & InfraSec',
			'GTM Tech',
			'Product Design',
		]);
	});

	it('keeps a name that starts with a number on a board whose names seldom do', () => {
		expect(board(['360-Degree Marketing', 'Sales', 'Engineering', 'Design'])).toEqual(['360-Degree Marketing', 'Sales', 'Engineering', 'Design']);
	});
});

describe('fetchGreenhouseBoard', () => {
	let server: AtsServer;

	beforeAll(async () => {
		server = await startAtsServer();
	});
	afterAll(async () => {
		await server.close();
	});
	beforeEach(() => {
		server.reset();
		server.route(LIST, { body: fixture('jobs.json') });
		for (const id of GOOD) server.route(jobPath(id), { body: fixture(`job-${id}.json`) });
	});

	it('reads the board: the list with content, then each job\'s pay ranges', async () => {
		const progress: string[] = [];
		const snapshot = await fetchGreenhouseBoard(BOARD, { client: client(), baseUrl: server.url, progress: (message) => progress.push(message) });
		expect(snapshot.system).toBe('greenhouse');
		expect(snapshot.board).toBe('cloudflare');
		expect(snapshot.total).toBe(5);
		expect(snapshot.postings.map((posting) => posting.id)).toEqual(GOOD);
		expect(snapshot.postings).toEqual(GOOD.map((id) => mapped(id)));
		expect(snapshot.rejected).toEqual([{ id: '4000099', field: 'title', message: 'expected string, received null' }]);
		expect(snapshot.skipped).toEqual([]);
		expect(server.requests.map((request) => request.path).sort()).toEqual([LIST, ...GOOD.map((id) => jobPath(id))].sort());
		expect(progress[0]).toBe('greenhouse cloudflare: jobs');
		expect(progress.slice(1).sort()).toEqual([1, 2, 3, 4].map((done) => `greenhouse cloudflare: pay ranges ${done}/4`));
		expect(progress.at(-1)).toBe('greenhouse cloudflare: pay ranges 4/4');
	});

	it('defaults to Greenhouse\'s public host', () => {
		expect(GREENHOUSE_API).toBe('https://boards-api.greenhouse.io');
	});

	it('asks for at most four jobs\' pay at once', async () => {
		const template = listedJobs().get('4000000')!;
		const jobs = Array.from({ length: 10 }, (_, index) => ({ ...template, id: 5000000 + index }));
		server.route('/v1/boards/acme/jobs?content=true', { body: { jobs, meta: { total: jobs.length } } });
		for (const job of jobs) server.route(jobPath(String(job.id), 'acme'), { body: { ...job, pay_input_ranges: [] } });
		let inFlight = 0;
		let most = 0;
		const counting: typeof fetch = async (input, init) => {
			inFlight += 1;
			most = Math.max(most, inFlight);
			try {
				return await fetch(input, init);
			} finally {
				inFlight -= 1;
			}
		};
		const progress: string[] = [];
		const snapshot = await fetchGreenhouseBoard('acme', { client: client({ fetch: counting }), baseUrl: server.url, progress: (message) => progress.push(message) });
		expect(snapshot.postings.map((posting) => posting.id)).toEqual(jobs.map((job) => String(job.id)));
		expect(most).toBe(4);
		expect(progress.at(-1)).toBe('greenhouse acme: pay ranges 10/10');
	});

	it('retries a 429 on the list and then succeeds', async () => {
		server.route(LIST, [{ status: 429, headers: { 'retry-after': '1' } }, { body: fixture('jobs.json') }]);
		const retries: string[] = [];
		const snapshot = await fetchGreenhouseBoard(BOARD, {
			client: client({ onRetry: ({ reason, waitMs }) => retries.push(`${reason}, ${waitMs} ms`) }),
			baseUrl: server.url,
		});
		expect(snapshot.postings.map((posting) => posting.id)).toEqual(GOOD);
		expect(server.requests.filter((request) => request.path === LIST).map((request) => request.status)).toEqual([429, 200]);
		expect(retries).toEqual(['HTTP 429, 1000 ms']);
	});

	it('fails the whole read when one job\'s pay request keeps failing', async () => {
		server.route(jobPath('4000003'), { status: 500, body: { error: 'internal' } });
		const read = fetchGreenhouseBoard(BOARD, { client: client(), baseUrl: server.url });
		await expect(read).rejects.toBeInstanceOf(AtsHttpError);
		await expect(read).rejects.toMatchObject({ status: 500, unreachable: true, url: `${server.url}${jobPath('4000003')}` });
		// The first attempt and two retries.
		expect(server.requests.filter((request) => request.path === jobPath('4000003'))).toHaveLength(3);
	});

	it('skips a job that is gone (404) by the time its pay is read', async () => {
		server.route(jobPath('4000004'), { status: 404, body: { status: 404, error: 'Job not found' } });
		const snapshot = await fetchGreenhouseBoard(BOARD, { client: client(), baseUrl: server.url });
		expect(snapshot.postings.map((posting) => posting.id)).toEqual(['4000000', '4000001', '4000003']);
		expect(snapshot.skipped).toEqual([{ id: '4000004', reason: 'unpublished during the sync' }]);
		expect(snapshot.rejected).toEqual([{ id: '4000099', field: 'title', message: 'expected string, received null' }]);
	});

	it('rejects, and leaves out, a job whose pay ranges are out of shape', async () => {
		server.route(jobPath('4000003'), { body: { ...fixture('job-4000003.json'), pay_input_ranges: 'see the posting' } });
		server.route(jobPath('4000000'), {
			body: { ...fixture('job-4000000.json'), pay_input_ranges: [{ min_cents: 20000000, max_cents: 10000000, currency_type: 'USD', title: null, blurb: null }] },
		});
		const snapshot = await fetchGreenhouseBoard(BOARD, { client: client(), baseUrl: server.url });
		expect(snapshot.postings.map((posting) => posting.id)).toEqual(['4000001', '4000004']);
		expect(snapshot.rejected).toEqual([
			{ id: '4000000', field: 'pay_input_ranges.0.min_cents', message: 'a lower bound (min_cents) no higher than the upper bound (max_cents)' },
			{ id: '4000003', field: 'pay_input_ranges', message: 'expected array, received string' },
			{ id: '4000099', field: 'title', message: 'expected string, received null' },
		]);
	});

	it('throws AtsResponseError for a list that is not JSON', async () => {
		server.route(LIST, { body: '{"jobs": [{"id": 4000000,' });
		await expect(fetchGreenhouseBoard(BOARD, { client: client(), baseUrl: server.url })).rejects.toBeInstanceOf(AtsResponseError);
		server.route(LIST, { body: '<!DOCTYPE html><html><body>Maintenance</body></html>' });
		await expect(fetchGreenhouseBoard(BOARD, { client: client(), baseUrl: server.url })).rejects.toBeInstanceOf(AtsResponseError);
	});

	it('throws AtsResponseError, before any job is read, for a list that is not the documented object', async () => {
		for (const body of [{}, [], { jobs: 'none' }]) {
			server.reset();
			server.route(LIST, { body });
			const read = fetchGreenhouseBoard(BOARD, { client: client(), baseUrl: server.url });
			await expect(read).rejects.toBeInstanceOf(AtsResponseError);
			await expect(read).rejects.toThrow(`${server.url}${LIST}: expected the job list, an object of the form { "jobs": [...], "meta": { "total": n } }`);
			expect(server.requests).toHaveLength(1);
		}
	});

	it('returns an empty snapshot for a board with no jobs (the sync decides what that means)', async () => {
		server.route(LIST, { body: { jobs: [], meta: { total: 0 } } });
		const snapshot = await fetchGreenhouseBoard(BOARD, { client: client(), baseUrl: server.url });
		expect(snapshot).toEqual({ system: 'greenhouse', board: 'cloudflare', postings: [], rejected: [], skipped: [], total: 0 });
		expect(server.requests).toHaveLength(1);
	});
});

describe('pay kept in custom fields', () => {
	type Field = NonNullable<GreenhouseJob['metadata']>[number];
	const field = (name: string, value: unknown, value_type = 'short_text'): Field => ({ id: 1, name, value, value_type });
	const read = (metadata: Field[], countries: string[] = ['US']) => {
		const notes: string[] = [];
		return { ranges: metadataPayRanges(metadata, countries, notes), notes };
	};

	// From a sweep of about a thousand boards' custom fields.
	it('reads a range field whose text states pay under a name that does not, and where it applies', () => {
		const riot = (name: string, text: string) => field(name, text);
		expect(
			read(
				[
					riot('Location Range 1', '(Los Angeles Only) Base salary range between $224,800.00 - $337,700.00 USD + incentive compensation + equity + 401K with company match.'),
					riot('Location Range - International', '(Seoul Only) Base salary range between ₩68,743,700.00 - ₩106,552,900.00 KRW'),
				],
				['US', 'KR'],
			).ranges,
		).toEqual([
			{ appliesTo: 'Los Angeles', min: 224800, max: 337700, currency: 'USD', period: 'YEAR' },
			{ appliesTo: 'Seoul', min: 68743700, max: 106552900, currency: 'KRW', period: 'YEAR' },
		]);
		// A range field that states no pay is not read, nor noted.
		expect(read([field('Headcount Range', { unit: 'USD', min_value: '205.0', max_value: '216.0' }, 'currency_range')])).toEqual({ ranges: [], notes: [] });
	});

	it('reads the ranges a job post shows, never a budget (MongoDB), with the country its name gives', () => {
		// MongoDB's fields as its board has them: the budgets were published as the role's pay ("226000–226000 USD") and
		// the posted ranges, under a name without a pay word, left out.
		const metadata = [
			field('Baseline Budgeted Salary', { unit: 'USD', min_value: '226000.0', max_value: '226000.0' }, 'currency_range'),
			field('Other Large Market Budgeted Salary', { unit: 'USD', min_value: '134000.0', max_value: '192000.0' }, 'currency_range'),
			field('Job Post Range (United States)', { unit: 'USD', min_value: '127000.0', max_value: '249000.0' }, 'currency_range'),
			field('Job Post Range (Canada)', { unit: 'CAD', min_value: '144000.0', max_value: '200000.0' }, 'currency_range'),
			field('Job Post Range (Poland)', null, 'currency_range'),
		];
		expect(read(metadata, ['US', 'CA'])).toEqual({
			ranges: [
				{ appliesTo: 'United States', min: 127000, max: 249000, currency: 'USD', period: 'YEAR' },
				{ appliesTo: 'Canada', min: 144000, max: 200000, currency: 'CAD', period: 'YEAR' },
			],
			notes: [],
		});
		// Sollis Health's "Job Posting Range", an hourly rate; words in brackets that name no country are no place.
		expect(read([field('Job Posting Range', { unit: 'USD', min_value: '205.0', max_value: '216.0' }, 'currency_range')]).ranges).toEqual([{ min: 205, max: 216, currency: 'USD', period: 'HOUR' }]);
		expect(read([field('Salary Range (for external job posting)', { unit: 'USD', min_value: '90000.0', max_value: '110000.0' }, 'currency_range')]).ranges).toEqual([
			{ min: 90000, max: 110000, currency: 'USD', period: 'YEAR' },
		]);
		// A bonus target is no pay range (Gusto's "Variable Pay Target").
		expect(read([field('Variable Pay Target', '10%')])).toEqual({ ranges: [], notes: [] });
	});

	it('reads a currency field\'s decimals as decimals, and says nothing of a field left at 0', () => {
		// Flatiron Health's hourly range was 32.69–44,953 a year: "44.953" read as a European thousands separator.
		expect(read([field('Job Compensation Range', { unit: 'USD', min_value: '32.69', max_value: '44.953' }, 'currency_range')]).ranges).toEqual([
			{ min: 32.69, max: 44.953, currency: 'USD', period: 'HOUR' },
		]);
		// A text field keeps the way people write amounts.
		expect(read([field('Min salary', '95.000'), field('Max salary', '120.000')]).ranges).toEqual([{ min: 95000, max: 120000, currency: 'USD', period: 'YEAR' }]);
		// Greenhouse writes 0.0 in a currency or number field nobody filled: Datadog's, Okta's, TripActions' (hundreds of roles
		// each had a review note for it).
		expect(read([field('Pay Transparency Range', { unit: 'USD', min_value: '0.0', max_value: '0.0' }, 'currency_range')], ['GB'])).toEqual({ ranges: [], notes: [] });
		expect(read([field('NY Pay Rate Range (LEGACY)', { unit: null, min_value: '0.0', max_value: '0.0' }, 'currency_range')], ['GB'])).toEqual({ ranges: [], notes: [] });
		expect(read([field('Minimum Salary', '0.0', 'number'), field('Maximum Salary', '0.0', 'number')], ['GB'])).toEqual({ ranges: [], notes: [] });
		expect(read([field('Minimum Salary', '120000.0', 'number'), field('Maximum Salary', '150000.0', 'number')]).ranges).toEqual([{ min: 120000, max: 150000, currency: 'USD', period: 'YEAR' }]);
	});

	it('never publishes a placeholder, 0–0 or a cent, and says nothing of it (MongoDB left 24 roles at "0.01")', () => {
		expect(read([field('Pay Transparency Range', { unit: 'USD', min_value: '0.01', max_value: '0.01' }, 'currency_range')])).toEqual({ ranges: [], notes: [] });
		expect(read([field('Job Post Range (United States)', { unit: null, min_value: '0.0', max_value: '0.0' }, 'currency_range')])).toEqual({ ranges: [], notes: [] });
	});

	it('leaves out a range template with one end blank, with a note', () => {
		// Riot's "Location Range - International" on two Singapore roles: published as S$1,000,000,000 a year before.
		expect(read([field('Location Range - International', '(Singapore Only) Base salary range between - S$1,000,000,000.00 SGD', 'long_text')])).toEqual({
			ranges: [],
			notes: ['"Location Range - International: (Singapore Only) Base salary range between - S$1,000,000,000.00 SGD": not a pay range we can read; left out'],
		});
	});

	it('reads a currency range, its period from the pay frequency field', () => {
		const metadata = [
			field('Pay Frequency', 'Annual', 'single_select'),
			field('Pay Transparency Range', { unit: 'USD', min_value: '172800.0', max_value: '297000.0' }, 'currency_range'),
		];
		expect(read(metadata)).toEqual({ ranges: [{ min: 172800, max: 297000, currency: 'USD', period: 'YEAR' }], notes: [] });
		expect(read([field('Pay Frequency', 'Hourly', 'single_select'), field('Pay Range', { unit: 'USD', min_value: 28, max_value: 34 }, 'currency_range')]).ranges).toEqual([
			{ min: 28, max: 34, currency: 'USD', period: 'HOUR' },
		]);
	});

	it('pairs a minimum and a maximum field, and states a range given twice once, with the place its name gives', () => {
		const metadata = [
			field('USA: Base Salary Band Minimum', { unit: 'USD', amount: '114600.0' }, 'currency'),
			field('USA: Base Salary Band Maximum', { unit: 'USD', amount: '168500.0' }, 'currency'),
			field('USA: Pay Transparency Range', { unit: 'USD', min_value: '114600.0', max_value: '168500.0' }, 'currency_range'),
			field('Maximum Budget', { unit: 'USD', amount: '250000.0' }, 'currency'),
			field('Hiring Range', null, 'currency_range'),
			// A band's midpoint, and an end whose other end the board left out: nothing a candidate needs beside the range.
			field('US1 - Base Salary Band Midpoint', { unit: 'USD', amount: '141550.0' }, 'currency'),
			field('US4 - Base Salary Band Minimum', { unit: 'USD', amount: '114600.0' }, 'currency'),
		];
		expect(read(metadata)).toEqual({ ranges: [{ appliesTo: 'USA', min: 114600, max: 168500, currency: 'USD', period: 'YEAR' }], notes: [] });
	});

	it('reads a range written out in one text field', () => {
		expect(read([field('Salary Range', '$170,000 - $210,000')]).ranges).toEqual([{ min: 170000, max: 210000, currency: 'USD', period: 'YEAR' }]);
		expect(read([field('Salary Range', 'Competitive')])).toEqual({ ranges: [], notes: ['"Salary Range: Competitive": not a pay range we can read; left out'] });
	});

	it('takes figures without a currency as dollars only for a role in the US alone', () => {
		const metadata = [field('Min salary', '50,000'), field('Max salary', '60,000')];
		expect(read(metadata, ['US']).ranges).toEqual([{ min: 50000, max: 60000, currency: 'USD', period: 'YEAR' }]);
		expect(read(metadata, ['GB'])).toEqual({
			ranges: [],
			notes: ['"salary" minimum and maximum: not a pay range we can read (no currency, and the role is not in the US alone); left out'],
		});
		expect(read([...metadata, field('Currency', 'GBP', 'single_select')], ['GB']).ranges).toEqual([{ min: 50000, max: 60000, currency: 'GBP', period: 'YEAR' }]);
		// One end alone is not a range.
		expect(read([field('Min salary', '50,000')]).ranges).toEqual([]);
	});

	it('reads amounts as boards write them', () => {
		expect(['100,000', '172800.0', '95.000', '120k', '$85,000', 150000, 'Competitive', ''].map(amountOf)).toEqual([100000, 172800, 95000, 120000, 85000, 150000, undefined, undefined]);
	});

	it('takes the category a board lists a job under on its careers page as the department (Vercel, Databricks)', () => {
		const real = (board: string, id: number) => {
			const { rows } = parseRows((JSON.parse(readFileSync(join(FIXTURES, 'real', 'greenhouse', `${board}.json`), 'utf8')) as { jobs: unknown[] }).jobs, greenhouseJobSchema, rowId);
			const { team, department } = mapGreenhouseJob(rows.find((row) => row.id === id)!, board).fields;
			return { team, department };
		};
		// "Career Site Categories": Sales, over the department "Account Executive" (collection I).
		expect(real('vercel', 5999792004)).toEqual({ team: 'Account Executive', department: 'Sales' });
		// "Career Page Posting Category": Field Engineering, over "Field Engineering - Other".
		expect(real('databricks', 8559344002)).toEqual({ team: 'Field Engineering - Other', department: 'Field Engineering' });
	});

	describe('a real board: Jane Street keeps pay in "Min salary" and "Max salary"', () => {
		const board = JSON.parse(readFileSync(join(FIXTURES, 'real', 'greenhouse', 'janestreet.json'), 'utf8')) as { jobs: unknown[] };
		const { rows } = parseRows(board.jobs, greenhouseJobSchema, rowId);
		const job = (id: number) => rows.find((row) => row.id === id)!;

		it('gives the New York roles the ranges the fields state', () => {
			expect(mapGreenhouseJob(job(8631912002), 'janestreet').fields.payRanges).toEqual([{ min: 100000, max: 120000, currency: 'USD', period: 'YEAR' }]);
			expect(mapGreenhouseJob(job(8782908002), 'janestreet').fields.payRanges).toEqual([{ min: 150000, max: 200000, currency: 'USD', period: 'YEAR' }]);
		});

		it('leaves the fields alone when the pay ranges or the text state pay', () => {
			const accounting = job(8631912002);
			const withText = { ...accounting, content: `${accounting.content}&lt;p&gt;The base salary for this role is $105,000 - $125,000.&lt;/p&gt;` };
			expect(mapGreenhouseJob(withText, 'janestreet').fields.payRanges).toBeUndefined();
			const ranges: GreenhousePayRange[] = [{ min_cents: 11_000_000, max_cents: 13_000_000, currency_type: 'USD', title: null, blurb: null }];
			expect(mapGreenhouseJob(accounting, 'janestreet', ranges).fields.payRanges).toEqual([{ min: 110000, max: 130000, currency: 'USD', period: 'YEAR' }]);
		});
	});
});

describe('Greenhouse postings through the pipeline', () => {
	/** Posting files as the sync would write them: the ATS fields as front matter, then the body. */
	const files = () => GOOD.map((id) => atsPostingFile(mapped(id)));

	it('normalizes the four good postings with the ATS\'s titles, places and pay', () => {
		const { postings } = normalizePostings(files(), site, { today: TODAY });
		const byId = new Map(postings.map((posting) => [posting.id, posting]));
		expect(postings.map((posting) => posting.title)).toEqual([
			'Engineering Manager, Workers Runtime',
			'Senior Systems Engineer, Workers Runtime (C++)',
			'Systems Engineer, Global Scheduling',
			'Software Engineer, Cloudflare Tunnel',
		]);
		expect(postings.map((posting) => posting.provenance.title)).toEqual(GOOD.map(() => ({ source: 'given' })));
		expect(postings.map((posting) => posting.locations.map((location) => location.label))).toEqual([
			['Austin, Texas', 'Lisbon, Portugal', 'London, United Kingdom'],
			['Austin, Texas (hybrid)'],
			['Denver, Colorado', 'New York, New York'],
			['Remote, United States'],
		]);
		expect(postings.map((posting) => posting.provenance.locations)).toEqual(GOOD.map(() => ({ source: 'given' })));

		const scheduling = byId.get('greenhouse-4000003')!;
		expect(scheduling.payRanges.map(({ appliesTo, min, max, currency, period }) => ({ appliesTo, min, max, currency, period }))).toEqual([
			{ appliesTo: 'Colorado', min: 168000, max: 206000, currency: 'USD', period: 'YEAR' },
			{ appliesTo: 'New York City', min: 187000, max: 229000, currency: 'USD', period: 'YEAR' },
		]);
		expect(scheduling.provenance.payRanges).toEqual({ source: 'given' });
		expect(postings.filter((posting) => posting !== scheduling).every((posting) => posting.payRanges.length === 0)).toBe(true);

		expect(postings.map((posting) => [posting.department, posting.team, posting.employmentType])).toEqual([
			// A lone Greenhouse department is the team, and the text's "Workers Runtime team" is not read over it.
			[undefined, 'Engineering', 'FULL_TIME'],
			['Engineering', 'Workers Runtime', undefined],
			[undefined, 'Engineering', 'FULL_TIME'],
			['Engineering', 'Cloudflare Tunnel', 'FULL_TIME'],
		]);
		expect(postings.map((posting) => posting.datePosted)).toEqual(['2026-09-14', TODAY, '2026-10-20', '2026-08-03']);
		expect(postings.map((posting) => posting.applyUrl)).toEqual(GOOD.map(applyUrl));
	});
});
