import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AtsHttpError, AtsResponseError, createHttpClient, type HttpClient, type HttpOptions } from '../../src/ats/shared/http.ts';
import { fetchLeverBoard, LEVER_API, LEVER_EU_API, LEVER_MAX_PAGES, mapLeverJob } from '../../src/ats/lever/source.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { leverPostingSchema, type LeverPosting } from '../../src/ats/lever/schema.ts';
import { startAtsServer, type AtsServer } from './ats-server.ts';
import { atsPostingFile, blockTexts, FIXTURES, seedFiles, site, TODAY } from './helpers.ts';

// The fixture site: five rows served two at a time, as page-0 (skip 0), page-2 (skip 2) and page-4 (skip 4).
const PAGES = ['page-0', 'page-2', 'page-4'].map((name) => JSON.parse(readFileSync(join(FIXTURES, 'ats', 'lever', `${name}.json`), 'utf8')) as unknown[]);
const ROWS = PAGES.flat() as Array<Record<string, unknown>>;

const ID = {
	observability: '5f0d7a3e-8c41-4b6e-9a2f-1d3c7e9b0a42', // seed 002
	tunnel: 'c2a9e4f1-6b37-4d58-8e0a-93f1b2d4c604', // seed 004
	scheduling: '8e3b1c7d-2f54-4a96-b1e8-0c6d9a4f3e03', // seed 003, createdAt "yesterday"
	runtimeManager: '1a7f3c9e-4d2b-4e85-a6c1-7b9e0d2f5a00', // seed 000
	runtimeEngineer: '9d4e2a6b-3c18-4f7a-8b05-e6a1c3d7f201', // seed 001, "Silicon Valley Hybrid"
};

const pagePath = (skip: number, limit = 2) => `/v0/postings/cloudflare?mode=json&skip=${skip}&limit=${limit}`;

/** A fixture row by id, validated. */
function row(id: string): LeverPosting {
	return leverPostingSchema.parse(ROWS.find((candidate) => candidate.id === id));
}

/** A seed's body as the pipeline reads it (front matter left out). */
function seedBody(prefix: string): string {
	const file = seedFiles().find((candidate) => candidate.file.includes(`/${prefix}_`));
	if (!file) throw new Error(`no seed ${prefix}`);
	return file.source.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** A client that never really waits. */
function client(options: HttpOptions = {}): HttpClient {
	return createHttpClient({ sleep: async () => {}, timeoutMs: 2000, backoffMs: 1, ...options });
}

/** A client that answers from a function instead of the network, recording the URLs asked for. */
function fakeClient(answer: (url: string, call: number) => unknown): HttpClient & { urls: string[] } {
	const urls: string[] = [];
	return {
		urls,
		async getJson(url) {
			urls.push(url);
			return answer(url, urls.length);
		},
	};
}


describe('Lever: fetching a site', () => {
	let server: AtsServer;
	beforeAll(async () => {
		server = await startAtsServer();
	});
	afterAll(async () => {
		await server.close();
	});
	beforeEach(() => {
		server.reset();
		PAGES.forEach((page, index) => server.route(pagePath(index * 2), { body: page }));
	});

	it('reads page after page with skip and limit, and stops at the short page', async () => {
		const progress: string[] = [];
		const snapshot = await fetchLeverBoard('cloudflare', { client: client(), baseUrl: server.url, progress: (line) => progress.push(line) }, 2);
		expect(server.requests.map((request) => request.path)).toEqual([pagePath(0), pagePath(2), pagePath(4)]);
		expect(progress).toEqual([
			'lever cloudflare: page 1 (2 postings so far)',
			'lever cloudflare: page 2 (4 postings so far)',
			'lever cloudflare: page 3 (5 postings so far)',
		]);
		expect(snapshot.system).toBe('lever');
		expect(snapshot.board).toBe('cloudflare');
		expect(snapshot.total).toBe(5);
		expect(snapshot.postings.map((posting) => [posting.id, posting.fields.title])).toEqual([
			[ID.observability, 'Engineering Manager, Observability'],
			[ID.tunnel, 'Software Engineer, Cloudflare Tunnel'],
			[ID.runtimeManager, 'Engineering Manager, Workers Runtime'],
			[ID.runtimeEngineer, 'Senior Systems Engineer, Workers Runtime (C++)'],
		]);
		expect(snapshot.rejected).toEqual([{ id: ID.scheduling, field: 'createdAt', message: 'expected number, received string' }]);
		expect(snapshot.skipped).toEqual([]);
	});

	it('asks for one more page when the last page is exactly full, and takes an empty page as the end', async () => {
		server.route(pagePath(0, 5), { body: PAGES.flat() });
		server.route(pagePath(5, 5), { body: [] });
		const snapshot = await fetchLeverBoard('cloudflare', { client: client(), baseUrl: server.url }, 5);
		expect(server.requests.map((request) => request.path)).toEqual([pagePath(0, 5), pagePath(5, 5)]);
		expect(snapshot.postings).toHaveLength(4);
		expect(snapshot.total).toBe(5);
	});

	it('asks for 100 postings a page from the global host unless told otherwise', async () => {
		const fake = fakeClient(() => []);
		await fetchLeverBoard('cloudflare', { client: fake });
		expect(LEVER_API).toBe('https://api.lever.co');
		expect(fake.urls).toEqual(['https://api.lever.co/v0/postings/cloudflare?mode=json&skip=0&limit=100']);
	});

	it('reads an EU account from the EU host through baseUrl', async () => {
		const fake = fakeClient(() => []);
		await fetchLeverBoard('cloudflare', { client: fake, baseUrl: LEVER_EU_API }, 2);
		expect(LEVER_EU_API).toBe('https://api.eu.lever.co');
		expect(fake.urls).toEqual(['https://api.eu.lever.co/v0/postings/cloudflare?mode=json&skip=0&limit=2']);
	});

	it('takes an empty site as no postings, not as an error', async () => {
		server.route(pagePath(0), { body: [] });
		const snapshot = await fetchLeverBoard('cloudflare', { client: client(), baseUrl: server.url }, 2);
		expect(snapshot).toEqual({ system: 'lever', board: 'cloudflare', postings: [], rejected: [], skipped: [], total: 0 });
		expect(server.requests).toHaveLength(1);
	});

	it('retries a page that hangs once, and carries on', async () => {
		server.route(pagePath(2), [{ hang: true }, { body: PAGES[1] }]);
		const retries: string[] = [];
		const snapshot = await fetchLeverBoard(
			'cloudflare',
			{ client: client({ timeoutMs: 200, retries: 1, onRetry: ({ reason }) => retries.push(reason) }), baseUrl: server.url },
			2,
		);
		expect(retries).toEqual(['no answer within 0.2 s']);
		expect(server.requests.map((request) => [request.path, request.status])).toEqual([
			[pagePath(0), 200],
			[pagePath(2), 0],
			[pagePath(2), 200],
			[pagePath(4), 200],
		]);
		expect(snapshot.postings).toHaveLength(4);
	});

	it('waits as long as a 429 says, then carries on', async () => {
		server.route(pagePath(2), [{ status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'Too many requests' } }, { body: PAGES[1] }]);
		const waits: number[] = [];
		const snapshot = await fetchLeverBoard('cloudflare', { client: client({ sleep: async (ms) => void waits.push(ms) }), baseUrl: server.url }, 2);
		expect(waits).toEqual([7000]);
		expect(server.requests.map((request) => request.status)).toEqual([200, 429, 200, 200]);
		expect(snapshot.postings).toHaveLength(4);
	});

	it('fails the whole fetch on a body that is not JSON', async () => {
		server.route(pagePath(2), { body: '[{"id": "8e3b1c7d-2f54-4a96' });
		const fetching = fetchLeverBoard('cloudflare', { client: client(), baseUrl: server.url }, 2);
		await expect(fetching).rejects.toBeInstanceOf(AtsResponseError);
		await expect(fetching).rejects.toThrow(`${server.url}${pagePath(2)}: expected JSON, got "[{"id": "8e3b1c7d-2f54-4a96…"`);
	});

	it('fails the whole fetch when the answer is not an array, quoting Lever', async () => {
		server.route(pagePath(0), { body: { ok: false, error: 'Document not found' } });
		const fetching = fetchLeverBoard('cloudflare', { client: client(), baseUrl: server.url }, 2);
		await expect(fetching).rejects.toBeInstanceOf(AtsResponseError);
		await expect(fetching).rejects.toThrow(`${server.url}${pagePath(0)}: expected a JSON array of postings, got an object saying "Document not found"`);
	});

	it('passes a 404 on at once, as a definite answer', async () => {
		server.route(pagePath(0), { status: 404, body: { ok: false, error: 'Document not found' } });
		const error: unknown = await fetchLeverBoard('cloudflare', { client: client(), baseUrl: server.url }, 2).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(AtsHttpError);
		expect((error as AtsHttpError).status).toBe(404);
		expect((error as AtsHttpError).unreachable).toBe(false);
		expect(server.requests).toHaveLength(1);
	});

	it('stops when a host ignores skip and hands back the same page again', async () => {
		server.reset();
		server.route('/v0/postings/cloudflare', { body: PAGES[0] });
		const fetching = fetchLeverBoard('cloudflare', { client: client(), baseUrl: server.url }, 2);
		await expect(fetching).rejects.toThrow(
			`${server.url}${pagePath(2)}: expected page 2 to move on from page 1, got the same postings again (stopped rather than loop forever)`,
		);
		expect(server.requests).toHaveLength(2);
	});

	it(`stops after ${LEVER_MAX_PAGES} full pages`, async () => {
		const fake = fakeClient((_url, call) => [{ id: `posting-${call}` }]);
		const fetching = fetchLeverBoard('cloudflare', { client: fake, baseUrl: 'http://127.0.0.1:9' }, 1);
		await expect(fetching).rejects.toBeInstanceOf(AtsResponseError);
		await expect(fetching).rejects.toThrow(`expected the postings to end within ${LEVER_MAX_PAGES} pages of 1, but page ${LEVER_MAX_PAGES} was still full`);
		expect(fake.urls).toHaveLength(LEVER_MAX_PAGES);
	});

	it('keeps the first of a posting listed twice when the pages shift under it', async () => {
		// A posting published mid-read pushes the Tunnel role from page 1 onto page 2.
		server.route(pagePath(2), { body: [PAGES[0]![1], ...PAGES[1]!.slice(1)] });
		const snapshot = await fetchLeverBoard('cloudflare', { client: client(), baseUrl: server.url }, 2);
		expect(snapshot.postings.map((posting) => posting.id)).toEqual([ID.observability, ID.tunnel, ID.runtimeManager, ID.runtimeEngineer]);
		expect(snapshot.skipped).toEqual([{ id: ID.tunnel, reason: 'listed again on page 2: the postings shifted while the pages were read' }]);
		expect(snapshot.rejected).toEqual([]);
		expect(snapshot.total).toBe(5);
	});

	it('rejects rows with the id and field at fault, and keeps the rest', async () => {
		const good = ROWS.find((candidate) => candidate.id === ID.tunnel)!;
		const fake = fakeClient(() => [
			{ ...good, id: 'no-title', text: undefined },
			{ ...good, id: undefined },
			{ ...good, id: 'bad-apply', applyUrl: 'javascript:alert(1)' },
			{ ...good, id: 'bad-salary', salaryRange: { min: '150k', max: 190000, currency: 'USD', interval: 'per-year-salary' } },
			good,
		]);
		const snapshot = await fetchLeverBoard('cloudflare', { client: fake }, 10);
		expect(snapshot.postings.map((posting) => posting.id)).toEqual([ID.tunnel]);
		expect(snapshot.rejected).toEqual([
			{ id: 'no-title', field: 'text', message: 'expected string, received undefined' },
			{ field: 'id', message: 'expected string, received undefined' },
			{ id: 'bad-apply', field: 'applyUrl', message: 'an http(s) URL' },
			{ id: 'bad-salary', field: 'salaryRange.min', message: 'expected number, received string' },
		]);
		expect(snapshot.total).toBe(5);
	});
});

describe('Lever: mapping a posting', () => {
	it('maps the Observability manager role (seed 002) to its four cities', () => {
		const posting = mapLeverJob(row(ID.observability), 'cloudflare');
		expect(posting).toEqual({
			system: 'lever',
			board: 'cloudflare',
			id: ID.observability,
			url: `https://jobs.lever.co/cloudflare/${ID.observability}`,
			fields: {
				title: 'Engineering Manager, Observability',
				department: 'Engineering',
				team: 'Observability',
				// Lever calls the role hybrid: every one of its cities is an office worked in part-time.
				locations: [
					{ city: 'Amsterdam', region: 'NH', country: 'NL', workplace: 'hybrid' },
					{ city: 'Lisbon', region: '11', country: 'PT', workplace: 'hybrid' },
					{ city: 'London', country: 'GB', workplace: 'hybrid' },
					{ city: 'Munich', region: 'BY', country: 'DE', workplace: 'hybrid' },
				],
				employmentType: 'FULL_TIME',
				datePosted: '2026-10-01',
				applyUrl: `https://jobs.lever.co/cloudflare/${ID.observability}/apply`,
			},
			html: posting.html,
			notes: [],
		});
	});

	it('keeps every block of seed 002, its <br> lines now Lever list items under escaped titles', () => {
		const { html } = mapLeverJob(row(ID.observability), 'cloudflare');
		expect(blockTexts(html)).toEqual(blockTexts(seedBody('002')));
		expect(html).toContain(
			'<h3>Examples of desirable skills, knowledge and experience</h3><ul><li>Experience leading a team and working across multiple teams to deliver results</li><li>Comfortable managing backend focused teams</li>',
		);
		expect(html).toContain('<h3>Bonus Points</h3><ul><li>Understanding of server hardware');
	});

	it('maps the Tunnel role (seed 004) to remote in the US with its yearly USD range', () => {
		const posting = mapLeverJob(row(ID.tunnel), 'cloudflare');
		expect(posting.fields).toEqual({
			title: 'Software Engineer, Cloudflare Tunnel',
			department: 'Engineering',
			team: 'Cloudflare Tunnel',
			locations: [{ country: 'US', workplace: 'remote' }],
			employmentType: 'FULL_TIME',
			// Created 23:30 UTC: the day is the UTC one.
			datePosted: '2026-11-02',
			applyUrl: `https://jobs.lever.co/cloudflare/${ID.tunnel}/apply`,
			// Fixture data: the seed states no pay for this role; the range was made up for the fixture.
			payRanges: [{ min: 150000, max: 190000, currency: 'USD', period: 'YEAR' }],
		});
		expect(posting.notes).toEqual([]);
		// The seed's blocks in order, then the words about pay (fixture text too).
		expect(blockTexts(posting.html)).toEqual([
			...blockTexts(seedBody('004')),
			'This is the base salary range for the role across the United States. Where you fall in it depends on your location, skills and experience.',
		]);
	});

	it('maps the Workers Runtime manager role (seed 000) to Austin, Lisbon and London', () => {
		const posting = mapLeverJob(row(ID.runtimeManager), 'cloudflare');
		expect(posting.fields.locations).toEqual([
			{ city: 'Austin', region: 'TX', country: 'US', workplace: 'onsite' },
			{ city: 'Lisbon', region: '11', country: 'PT', workplace: 'onsite' },
			{ city: 'London', country: 'GB', workplace: 'onsite' },
		]);
		expect(posting.fields.datePosted).toBe('2026-09-14');
		expect(posting.notes).toEqual([]);
		expect(blockTexts(posting.html)).toEqual(blockTexts(seedBody('000')));
	});

	it('keeps a role whose only place it cannot read, without locations and with a note', () => {
		const posting = mapLeverJob(row(ID.runtimeEngineer), 'cloudflare');
		expect(posting.fields).toEqual({
			title: 'Senior Systems Engineer, Workers Runtime (C++)',
			department: 'Emerging Technologies & Incubation',
			team: 'Workers Runtime',
			employmentType: 'FULL_TIME',
			datePosted: '2026-08-20',
			// The fixture gives no applyUrl: Lever's form is at <hostedUrl>/apply.
			applyUrl: `https://jobs.lever.co/cloudflare/${ID.runtimeEngineer}/apply`,
		});
		expect(posting.notes).toEqual(['location "Silicon Valley Hybrid": no country we know']);
		expect(blockTexts(posting.html)).toEqual(blockTexts(seedBody('001')));
	});

	it("falls back on the posting's country for a lone place it cannot read, and says so", () => {
		const posting = mapLeverJob({ ...row(ID.runtimeEngineer), country: 'US' }, 'cloudflare');
		expect(posting.fields.locations).toEqual([{ country: 'US', workplace: 'hybrid' }]);
		expect(posting.notes).toEqual(['location "Silicon Valley Hybrid": no country we know; used the posting\'s country, US']);

		const remote = mapLeverJob({ ...row(ID.runtimeEngineer), country: 'US', workplaceType: 'remote', categories: { location: 'Remote' } }, 'cloudflare');
		expect(remote.fields.locations).toEqual([{ country: 'US', workplace: 'remote' }]);
	});

	it('notes every unreadable place when there are several, without guessing', () => {
		const base = row(ID.runtimeEngineer);
		const posting = mapLeverJob({ ...base, country: 'US', categories: { allLocations: ['Silicon Valley Hybrid', 'Lisbon, Portugal', 'Tri-State Area'] } }, 'cloudflare');
		expect(posting.fields.locations).toEqual([{ city: 'Lisbon', region: '11', country: 'PT', workplace: 'hybrid' }]);
		expect(posting.notes).toEqual(['location "Silicon Valley Hybrid": no country we know', 'location "Tri-State Area": no country we know']);
	});

	it('reads each pay interval, and leaves out a one-time amount with a note', () => {
		const base = row(ID.tunnel);
		const pay = (interval: string) => mapLeverJob({ ...base, salaryRange: { min: 40, max: 55.5, currency: 'eur', interval } }, 'cloudflare');
		expect(pay('per-hour-wage').fields.payRanges).toEqual([{ min: 40, max: 55.5, currency: 'EUR', period: 'HOUR' }]);
		expect(pay('per-day-wage').fields.payRanges?.[0]?.period).toBe('DAY');
		expect(pay('per-week-wage').fields.payRanges?.[0]?.period).toBe('WEEK');
		expect(pay('per-month-salary').fields.payRanges?.[0]?.period).toBe('MONTH');
		const oneTime = pay('one-time');
		expect('payRanges' in oneTime.fields).toBe(false);
		expect(oneTime.notes).toEqual(['salaryRange eur 40–55.5 one-time: not pay per hour, day, week, month or year; left out']);
		const upsideDown = mapLeverJob({ ...base, salaryRange: { min: 190000, max: 150000, currency: 'USD', interval: 'per-year-salary' } }, 'cloudflare');
		expect('payRanges' in upsideDown.fields).toBe(false);
		expect(upsideDown.notes).toEqual(['salaryRange USD 190000–150000 per-year-salary: expected 0 ≤ min ≤ max; left out']);
	});

	it('escapes list titles, which Lever sends as plain text, and falls back on plain text bodies', () => {
		const posting = mapLeverJob(
			{
				...row(ID.tunnel),
				description: '',
				descriptionPlain: 'Tunnels & more.\n\nLine one\nline two',
				lists: [{ text: 'Tools <& tricks>', content: '<li>Go</li><li>Rust</li>' }, { text: '', content: '' }],
				additional: null,
				additionalPlain: null,
				salaryDescription: null,
				salaryDescriptionPlain: null,
			},
			'cloudflare',
		);
		expect(posting.html).toBe('<p>Tunnels &amp; more.</p>\n<p>Line one<br>line two</p>\n<h3>Tools &lt;&amp; tricks&gt;</h3><ul><li>Go</li><li>Rust</li></ul>');
	});

	it('notes a commitment it cannot read, and leaves out what Lever leaves empty', () => {
		const posting = mapLeverJob({ ...row(ID.tunnel), categories: { commitment: 'Flexible', team: ' ', location: 'United States' } }, 'cloudflare');
		expect(posting.fields).not.toHaveProperty('employmentType');
		expect(posting.fields).not.toHaveProperty('team');
		expect(posting.fields).not.toHaveProperty('department');
		expect(posting.notes).toEqual(['commitment "Flexible": not an employment type we know']);
	});

	it('accepts keys Lever adds and values it leaves null', () => {
		const raw = ROWS.find((candidate) => candidate.id === ID.tunnel)!;
		const parsed = leverPostingSchema.safeParse({ ...raw, opening: '<p>Hi</p>', categories: { ...(raw.categories as object), level: 'Senior', department: null }, country: null });
		expect(parsed.success).toBe(true);
	});
});

describe('Lever: through the pipeline', () => {
	it('normalizes the mapped postings with the cities, dates and pay Lever states', async () => {
		const server = await startAtsServer();
		PAGES.forEach((page, index) => server.route(pagePath(index * 2), { body: page }));
		const snapshot = await fetchLeverBoard('cloudflare', { client: client(), baseUrl: server.url }, 2);
		await server.close();

		const { postings, warnings } = normalizePostings(snapshot.postings.map(atsPostingFile), site, { today: TODAY });
		expect(postings.map((posting) => [posting.title, posting.datePosted, posting.employmentType])).toEqual([
			['Engineering Manager, Observability', '2026-10-01', 'FULL_TIME'],
			['Software Engineer, Cloudflare Tunnel', '2026-11-02', 'FULL_TIME'],
			['Engineering Manager, Workers Runtime', '2026-09-14', 'FULL_TIME'],
			['Senior Systems Engineer, Workers Runtime (C++)', '2026-08-20', 'FULL_TIME'],
		]);
		expect(postings.every((posting) => posting.provenance.datePosted?.source === 'given')).toBe(true);
		const [observability, tunnel, runtimeManager, runtimeEngineer] = postings;

		expect(observability!.locations.map((place) => place.label)).toEqual([
			'Amsterdam, Netherlands (hybrid)',
			'Lisbon, Portugal (hybrid)',
			'London, United Kingdom (hybrid)',
			'Munich, Germany (hybrid)',
		]);
		expect(observability!.provenance.locations).toEqual({ source: 'given' });
		expect(observability!.team).toBe('Observability');
		expect(observability!.department).toBe('Engineering');

		expect(tunnel!.locations).toEqual([
			{ kind: 'country', id: 'united-states', name: 'United States', country: 'US', countryName: 'United States', countries: ['US'], workplace: 'remote', remote: true, label: 'Remote, United States' },
		]);
		expect(tunnel!.payRanges).toEqual([{ min: 150000, max: 190000, currency: 'USD', period: 'YEAR', text: 'USD 150,000–190,000 per year' }]);
		expect(tunnel!.provenance.payRanges).toEqual({ source: 'given' });
		expect(tunnel!.applyUrl).toBe(`https://jobs.lever.co/cloudflare/${ID.tunnel}/apply`);

		expect(runtimeManager!.locations.map((place) => place.label)).toEqual(['Austin, Texas', 'Lisbon, Portugal', 'London, United Kingdom']);
		expect(runtimeManager!.payRanges).toEqual([]);

		expect(runtimeEngineer!.locations).toEqual([]);
		expect(warnings).toContain(
			`content/postings/lever-${ID.runtimeEngineer}.html: locations: none found in the posting; Google for Jobs cannot list a role without a place, so add \`locations:\` to the front matter`,
		);
	});
});
