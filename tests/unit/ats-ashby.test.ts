import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ASHBY_API, fetchAshbyBoard, htmlFromPlainText, mapAshbyJob } from '../../src/ats/ashby/source.ts';
import { AtsHttpError, AtsResponseError, createHttpClient, type CachedResponse, type HttpOptions } from '../../src/ats/shared/http.ts';
import type { AtsPosting, BoardSnapshot } from '../../src/ats/shared/types.ts';
import { normalizePostings, type Catalogue } from '../../src/postings/normalize.ts';
import { ashbyJobSchema, type AshbyJob } from '../../src/ats/ashby/schema.ts';
import { startAtsServer, type AtsServer } from './ats-server.ts';
import { atsPostingFile, FIXTURES, site, TODAY } from './helpers.ts';

/** The fixture job board of Cloudflare, as Ashby's posting API answers it. */
const BOARD: { apiVersion: string; jobs: Array<Record<string, unknown>> } = JSON.parse(
	readFileSync(join(FIXTURES, 'ats/ashby/job-board.json'), 'utf8'),
);
const PATH = '/posting-api/job-board/cloudflare';

const ID = {
	scheduling: '3b1f6d2a-9c4e-4f8a-b7d1-0e5a2c9f3003',
	tunnel: '8e4c2f7b-1d6a-4b3e-9f5c-7a2d8e1b4004',
	runtimeManager: 'd2a7e5c1-6f3b-4a9d-8e2c-5b1f7a3d6000',
	observability: '5c9b3e8a-2f7d-4c1a-b6e4-9d3a5f2c7002',
	runtimeCpp: 'a6f1d4b9-7e2c-4d5a-9b3f-1c8e6a2d5001',
	numberTitle: 'f3e8b2d6-4a1c-4e7b-8d9f-2b5c7e1a9d11',
	badDate: '7b2d9f4e-8c3a-4f6b-a1e5-3d7c9b2f8e12',
};

/** A fixture row by id, parsed as the source parses it, optionally changed first. */
function job(id: string, change: (row: Record<string, unknown>) => void = () => {}): AshbyJob {
	const raw = structuredClone(BOARD.jobs.find((row) => row.id === id));
	if (!raw) throw new Error(`no fixture job ${id}`);
	change(raw);
	return ashbyJobSchema.parse(raw);
}

function client(options: HttpOptions = {}) {
	return createHttpClient({ sleep: async () => {}, timeoutMs: 2_000, retries: 2, backoffMs: 1, ...options });
}

function byId(snapshot: BoardSnapshot, id: string): AtsPosting {
	const posting = snapshot.postings.find((candidate) => candidate.id === id);
	if (!posting) throw new Error(`no posting ${id}`);
	return posting;
}


describe('mapAshbyJob', () => {
	it('maps the scheduling role: two cities, two pay tiers, no equity', () => {
		const posting = mapAshbyJob(job(ID.scheduling), 'cloudflare');
		expect(posting).toEqual({
			system: 'ashby',
			board: 'cloudflare',
			id: ID.scheduling,
			url: `https://jobs.ashbyhq.com/cloudflare/${ID.scheduling}`,
			fields: {
				title: 'Systems Engineer, Global Scheduling',
				department: 'Engineering',
				team: 'Global Scheduling',
				locations: [
					{ city: 'Denver', region: 'CO', country: 'US', workplace: 'onsite' },
					{ city: 'New York', region: 'NY', country: 'US', workplace: 'onsite' },
				],
				employmentType: 'FULL_TIME',
				datePosted: '2026-10-20',
				applyUrl: `https://jobs.ashbyhq.com/cloudflare/${ID.scheduling}/application`,
				payRanges: [
					{ appliesTo: 'Colorado', min: 168000, max: 206000, currency: 'USD', period: 'YEAR' },
					{ appliesTo: 'New York City', min: 187000, max: 229000, currency: 'USD', period: 'YEAR' },
				],
			},
			html: BOARD.jobs[0]!.descriptionHtml,
			notes: [],
		});
		expect(posting).not.toHaveProperty('updated');
	});

	it('passes the HTML on as Ashby sends it: markup, entities and all', () => {
		const posting = mapAshbyJob(job(ID.scheduling), 'cloudflare');
		const seed = readFileSync(join(FIXTURES, 'seeds/003_2e4cdf5e0a274030.html'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
		expect(posting.html).toBe(seed);
		expect(posting.html).toContain('<p><strong>About the Role</strong></p>');
		expect(posting.html).toContain('&nbsp;');
	});

	it('maps the remote US role without pay, because the posting does not show it', () => {
		const row = job(ID.tunnel);
		expect(row.compensation?.summaryComponents.map((component) => [component.minValue, component.maxValue])).toEqual([[140000, 190000]]);
		expect(mapAshbyJob(row, 'cloudflare')).toEqual({
			system: 'ashby',
			board: 'cloudflare',
			id: ID.tunnel,
			url: `https://jobs.ashbyhq.com/cloudflare/${ID.tunnel}`,
			fields: {
				title: 'Software Engineer, Cloudflare Tunnel',
				department: 'Engineering',
				team: 'Cloudflare Tunnel',
				locations: [{ country: 'US', workplace: 'remote' }],
				employmentType: 'FULL_TIME',
				datePosted: '2026-11-02',
				applyUrl: `https://jobs.ashbyhq.com/cloudflare/${ID.tunnel}/application`,
			},
			html: BOARD.jobs[1]!.descriptionHtml,
			notes: [],
		});
	});

	it('reads the primary location, then the secondary ones, in order', () => {
		const posting = mapAshbyJob(job(ID.runtimeManager), 'cloudflare');
		// The job is Hybrid: Ashby states the workplace once, for every location.
		expect(posting.fields.locations).toEqual([
			{ city: 'Lisbon', region: '11', country: 'PT', workplace: 'hybrid' },
			{ city: 'Austin', region: 'TX', country: 'US', workplace: 'hybrid' },
			{ city: 'London', country: 'GB', workplace: 'hybrid' },
		]);
		expect(posting.fields.title).toBe('Engineering Manager, Workers Runtime');
		expect(posting.fields.datePosted).toBe('2026-09-14');
		// Pay shown, but Ashby has none for the role: nothing to publish, nothing to note.
		expect(posting.fields).not.toHaveProperty('payRanges');
		expect(posting.notes).toEqual([]);
	});

	it('places a role from its postal address when the location phrase names no country, and says so', () => {
		const posting = mapAshbyJob(job(ID.runtimeCpp), 'cloudflare');
		expect(posting.fields.locations).toEqual([{ city: 'Lisbon', country: 'PT', workplace: 'onsite' }]);
		expect(posting.notes).toEqual(['location "Earth": no country we know; placed from its postal address (Lisbon, Portugal)']);
		expect(posting.fields.department).toBe('Emerging Technologies & Incubation (ETI)');
	});

	it('stores a US state in the address as its code, as the place parser does', () => {
		const row = job(ID.runtimeCpp, (raw) => {
			raw.address = { postalAddress: { addressLocality: 'Denver', addressRegion: 'Colorado', addressCountry: 'United States' } };
			raw.isRemote = true;
		});
		const posting = mapAshbyJob(row, 'cloudflare');
		expect(posting.fields.locations).toEqual([{ city: 'Denver', region: 'CO', country: 'US', workplace: 'remote' }]);
		expect(posting.notes).toEqual(['location "Earth": no country we know; placed from its postal address (Denver, Colorado, United States)']);
	});

	it('notes a place it cannot read and leaves locations out when none is left', () => {
		const posting = mapAshbyJob(
			job(ID.runtimeCpp, (raw) => {
				raw.address = { postalAddress: { addressLocality: 'Somewhere', addressCountry: 'Atlantis' } };
				raw.secondaryLocations = [{ location: 'Silicon Valley Hybrid' }];
			}),
			'cloudflare',
		);
		expect(posting.fields).not.toHaveProperty('locations');
		expect(posting.notes).toEqual(['location "Earth": no country we know', 'location "Silicon Valley Hybrid": no country we know']);
	});

	it('marks places remote when the workplace type is Remote, even if isRemote is not set', () => {
		const row = job(ID.runtimeManager, (raw) => {
			raw.isRemote = null;
			raw.workplaceType = 'Remote';
			raw.secondaryLocations = [];
		});
		expect(mapAshbyJob(row, 'cloudflare').fields.locations).toEqual([{ city: 'Lisbon', region: '11', country: 'PT', workplace: 'remote' }]);
	});

	it('takes the summary salary, without appliesTo, when there is one tier', () => {
		const row = job(ID.tunnel, (raw) => {
			raw.shouldDisplayCompensationOnJobPostings = true;
		});
		expect(mapAshbyJob(row, 'cloudflare').fields.payRanges).toEqual([{ min: 140000, max: 190000, currency: 'USD', period: 'YEAR' }]);
	});

	it('reads every period, and notes a salary with no period or a missing bound', () => {
		const row = job(ID.scheduling, (raw) => {
			const tiers = (raw.compensation as { compensationTiers: Array<{ components: Array<Record<string, unknown>> }> }).compensationTiers;
			tiers[0]!.components[0]!.interval = '1 HOUR';
			tiers[0]!.components[0]!.minValue = 80.5;
			tiers[0]!.components[0]!.maxValue = 99;
			tiers[0]!.components.push({ ...tiers[0]!.components[0]!, id: 'x', summary: '$2K – $3K', interval: 'NONE', minValue: 2000, maxValue: 3000 });
			tiers[1]!.components[0]!.maxValue = null;
		});
		const posting = mapAshbyJob(row, 'cloudflare');
		expect(posting.fields.payRanges).toEqual([{ appliesTo: 'Colorado', min: 80.5, max: 99, currency: 'USD', period: 'HOUR' }]);
		expect(posting.notes).toEqual([
			'pay range "Colorado: $2K – $3K": no pay period (interval "NONE")',
			'pay range "New York City: $187K – $229K": no lower or no upper bound',
		]);
	});

	it('maps Ashby employment types to Google’s, and notes one it does not know', () => {
		const typeOf = (employmentType: string) =>
			mapAshbyJob(
				job(ID.tunnel, (raw) => {
					raw.employmentType = employmentType;
				}),
				'cloudflare',
			);
		expect(['FullTime', 'PartTime', 'Intern', 'Contract', 'Temporary'].map((type) => typeOf(type).fields.employmentType)).toEqual([
			'FULL_TIME',
			'PART_TIME',
			'INTERN',
			'CONTRACTOR',
			'TEMPORARY',
		]);
		const odd = typeOf('Flexible');
		expect(odd.fields).not.toHaveProperty('employmentType');
		expect(odd.notes).toEqual(['employmentType "Flexible": not one we know']);
	});
});

describe('fetchAshbyBoard against a fixture server', () => {
	let server: AtsServer;
	beforeAll(async () => {
		server = await startAtsServer();
	});
	afterAll(() => server.close());
	beforeEach(() => server.reset());

	it('reads the board in one request, with compensation', async () => {
		server.route(`${PATH}?includeCompensation=true`, { body: BOARD });
		const progress: string[] = [];
		const snapshot = await fetchAshbyBoard('cloudflare', { client: client(), baseUrl: server.url, progress: (message) => progress.push(message) });
		expect(server.requests.map((request) => request.path)).toEqual([`${PATH}?includeCompensation=true`]);
		expect(snapshot.system).toBe('ashby');
		expect(snapshot.board).toBe('cloudflare');
		expect(snapshot.total).toBe(7);
		expect(snapshot.postings.map((posting) => [posting.id, posting.fields.title])).toEqual([
			[ID.scheduling, 'Systems Engineer, Global Scheduling'],
			[ID.tunnel, 'Software Engineer, Cloudflare Tunnel'],
			[ID.runtimeManager, 'Engineering Manager, Workers Runtime'],
			[ID.runtimeCpp, 'Senior Systems Engineer, Workers Runtime (C++)'],
		]);
		expect(snapshot.skipped).toEqual([{ id: ID.observability, reason: 'unlisted in Ashby' }]);
		expect(snapshot.rejected).toEqual([
			{ id: ID.numberTitle, field: 'title', message: 'expected string, received number' },
			{ id: ID.badDate, field: 'publishedAt', message: 'an ISO 8601 timestamp' },
		]);
		expect(byId(snapshot, ID.scheduling)).toEqual(mapAshbyJob(job(ID.scheduling), 'cloudflare'));
		expect(progress).toEqual(['Ashby job board "cloudflare"', 'Ashby job board "cloudflare": 4 of 7 postings']);
	});

	it('skips an unlisted posting even when it is not in the documented shape', async () => {
		const unlisted = { ...BOARD.jobs.find((row) => row.id === ID.observability)!, title: 7, publishedAt: null };
		const fake = { getJson: async () => ({ apiVersion: '1', jobs: [unlisted, { isListed: false, title: 'no id' }] }) };
		const snapshot = await fetchAshbyBoard('cloudflare', { client: fake });
		expect(snapshot.skipped).toEqual([{ id: ID.observability, reason: 'unlisted in Ashby' }]);
		// Without an id there is nothing to skip by: the row is reported instead.
		expect(snapshot.rejected).toEqual([{ field: 'id', message: 'expected string, received undefined' }]);
		expect(snapshot.total).toBe(2);
	});

	it('builds its URL on the public API by default', async () => {
		const urls: string[] = [];
		const fake = createHttpClient({
			fetch: async (input) => {
				urls.push(String(input));
				return new Response(JSON.stringify({ apiVersion: '1', jobs: [] }), { headers: { 'content-type': 'application/json' } });
			},
		});
		await fetchAshbyBoard('cloud flare', { client: fake });
		expect(ASHBY_API).toBe('https://api.ashbyhq.com');
		expect(urls).toEqual(['https://api.ashbyhq.com/posting-api/job-board/cloud%20flare?includeCompensation=true']);
	});

	it('reads an empty board as no postings, not as an error', async () => {
		server.route(PATH, { body: { jobs: [] } });
		const snapshot = await fetchAshbyBoard('cloudflare', { client: client(), baseUrl: server.url });
		expect(snapshot).toEqual({ system: 'ashby', board: 'cloudflare', postings: [], rejected: [], skipped: [], total: 0 });
	});

	it('refuses a document that is not a job board, wholesale', async () => {
		for (const body of [{ apiVersion: '1' }, {}, [], { jobs: { count: 3 } }]) {
			server.route(PATH, { body });
			await expect(fetchAshbyBoard('cloudflare', { client: client(), baseUrl: server.url })).rejects.toThrow(
				new AtsResponseError(`${server.url}${PATH}?includeCompensation=true`, 'expected an Ashby job board: an object with a "jobs" list'),
			);
		}
	});

	it('refuses a body that is not JSON, such as a broken document or an HTML page', async () => {
		for (const body of ['{"apiVersion":"1","jobs":[{"id":', '<!doctype html><title>Ashby</title>']) {
			server.route(PATH, { body, headers: { 'content-type': 'application/json' } });
			const error = await fetchAshbyBoard('cloudflare', { client: client(), baseUrl: server.url }).catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(AtsResponseError);
			expect((error as Error).message).toMatch(/expected JSON, got "/);
		}
	});

	it('retries a 500 twice and then succeeds', async () => {
		server.route(PATH, [{ status: 500, body: 'oops' }, { status: 500, body: 'oops' }, { body: BOARD }]);
		const retries: string[] = [];
		const snapshot = await fetchAshbyBoard('cloudflare', { client: client({ onRetry: ({ reason }) => retries.push(reason) }), baseUrl: server.url });
		expect(snapshot.postings).toHaveLength(4);
		expect(server.requests.map((request) => request.status)).toEqual([500, 500, 200]);
		expect(retries).toEqual(['HTTP 500', 'HTTP 500']);
	});

	it('gives up on a board that keeps failing, as unreachable', async () => {
		server.route(PATH, { status: 500, body: 'oops' });
		const error = await fetchAshbyBoard('cloudflare', { client: client({ retries: 3 }), baseUrl: server.url }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(AtsHttpError);
		expect(error).toMatchObject({ status: 500, unreachable: true });
		expect(server.requests).toHaveLength(4);
	});

	it('fails at once on a board that does not exist (404), as a definite answer', async () => {
		server.route(PATH, { status: 404, body: { success: false } });
		const error = await fetchAshbyBoard('cloudflare', { client: client(), baseUrl: server.url }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(AtsHttpError);
		expect(error).toMatchObject({ status: 404, unreachable: false });
		expect((error as Error).message).toContain('is the board name right');
		expect(server.requests).toHaveLength(1);
	});

	it('times out a request that hangs, and retries it', async () => {
		server.route(PATH, [{ hang: true }, { body: BOARD }]);
		const retries: string[] = [];
		const snapshot = await fetchAshbyBoard('cloudflare', {
			client: client({ timeoutMs: 500, onRetry: ({ reason }) => retries.push(reason) }),
			baseUrl: server.url,
		});
		expect(snapshot.postings).toHaveLength(4);
		expect(server.requests).toHaveLength(2);
		expect(retries).toEqual(['no answer within 0.5 s']);
	});

	it('asks again with the ETag and reuses the board it has when Ashby answers 304', async () => {
		server.route(PATH, { body: BOARD, etag: '"board-v1"' });
		const store = new Map<string, CachedResponse>();
		const cache = { get: (url: string) => store.get(url), set: (url: string, response: CachedResponse) => void store.set(url, response) };
		const first = await fetchAshbyBoard('cloudflare', { client: client({ cache }), baseUrl: server.url });
		const second = await fetchAshbyBoard('cloudflare', { client: client({ cache }), baseUrl: server.url });
		expect(server.requests.map((request) => [request.headers['if-none-match'], request.status])).toEqual([
			[undefined, 200],
			['"board-v1"', 304],
		]);
		expect(second).toEqual(first);
		expect(second.postings).toHaveLength(4);
	});
});

describe('Ashby postings through the pipeline', () => {
	let catalogue: Catalogue;
	beforeAll(async () => {
		// The board as the source reads it (no network: the client hands over the fixture document).
		const snapshot = await fetchAshbyBoard('cloudflare', { client: { getJson: async () => structuredClone(BOARD) } });
		catalogue = normalizePostings(snapshot.postings.map(atsPostingFile), site, { today: TODAY });
	});
	const posting = (id: string) => {
		const found = catalogue.postings.find((candidate) => candidate.id === `ashby-${id}`);
		if (!found) throw new Error(`no posting ${id}`);
		return found;
	};

	it('normalizes every mapped posting, with the titles Ashby gives', () => {
		expect(catalogue.postings.map((item) => [item.title, item.status, item.datePosted])).toEqual([
			['Systems Engineer, Global Scheduling', 'open', '2026-10-20'],
			['Software Engineer, Cloudflare Tunnel', 'open', '2026-11-02'],
			['Engineering Manager, Workers Runtime', 'open', '2026-09-14'],
			['Senior Systems Engineer, Workers Runtime (C++)', 'open', '2026-10-07'],
		]);
		expect(catalogue.postings.every((item) => item.provenance.title?.source === 'given' && item.provenance.datePosted?.source === 'given')).toBe(true);
		expect(catalogue.warnings).toEqual([]);
	});

	it('gives the scheduling role Denver and New York and exactly the two tiers of pay', () => {
		const role = posting(ID.scheduling);
		expect(role.locations.map(({ city, region, country, remote, label }) => ({ city, region, country, remote, label }))).toEqual([
			{ city: 'Denver', region: 'CO', country: 'US', remote: false, label: 'Denver, Colorado' },
			{ city: 'New York', region: 'NY', country: 'US', remote: false, label: 'New York, New York' },
		]);
		expect(role.payRanges).toEqual([
			{ appliesTo: 'Colorado', min: 168000, max: 206000, currency: 'USD', period: 'YEAR', text: 'Colorado: USD 168,000–206,000 per year' },
			{ appliesTo: 'New York City', min: 187000, max: 229000, currency: 'USD', period: 'YEAR', text: 'New York City: USD 187,000–229,000 per year' },
		]);
		expect(role.provenance.payRanges).toEqual({ source: 'given' });
		expect(role.provenance.locations).toEqual({ source: 'given' });
		expect(role.employmentType).toBe('FULL_TIME');
		expect(role.team).toBe('Global Scheduling');
		expect(role.applyUrl).toBe(`https://jobs.ashbyhq.com/cloudflare/${ID.scheduling}/application`);
	});

	it('gives the tunnel role remote work in the US and no pay, neither given nor found in its text', () => {
		const role = posting(ID.tunnel);
		expect(role.locations.map(({ city, region, country, remote }) => ({ city, region, country, remote }))).toEqual([
			{ city: undefined, region: undefined, country: 'US', remote: true },
		]);
		expect(role.payRanges).toEqual([]);
		expect(role.provenance.payRanges).toBeUndefined();
	});

	it('places the runtime roles as Ashby says, over the location line in the text', () => {
		expect(posting(ID.runtimeManager).locations.map((place) => place.label)).toEqual(['Lisbon, Portugal (hybrid)', 'Austin, Texas (hybrid)', 'London, United Kingdom (hybrid)']);
		expect(posting(ID.runtimeCpp).locations.map((place) => place.label)).toEqual(['Lisbon, Portugal']);
	});
});

describe('a board that publishes only plain text (Cohere\'s, in the real corpus)', () => {
	it('keeps the paragraphs and line breaks of descriptionPlain, escaped', () => {
		expect(htmlFromPlainText('Who are we?\r\nCohere <AI>\n\n\nWhat you\'ll do:\n- Build & ship\n')).toBe(
			'<p>Who are we?<br>Cohere &lt;AI&gt;</p>\n<p>What you\'ll do:<br>- Build &amp; ship</p>',
		);
	});

	it('uses it when descriptionHtml is empty, and says so in the notes', () => {
		const board = JSON.parse(readFileSync(join(FIXTURES, 'real/ashby/cohere.json'), 'utf8')) as { jobs: unknown[] };
		const row = ashbyJobSchema.parse(board.jobs.find((job) => (job as AshbyJob).descriptionHtml === ''));
		const mapped = mapAshbyJob(row, 'cohere');
		expect(mapped.html).toBe(htmlFromPlainText(row.descriptionPlain!));
		expect(mapped.html.startsWith('<p>')).toBe(true);
		expect(mapped.notes).toContain('descriptionHtml: empty; the posting text comes from descriptionPlain');
	});
});
