/** The build-time ATS source: conditional requests, the last good snapshot, and stable slugs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AtsSourceError, readBoardForBuild, type KeyValueStore } from '../../src/sources/ats.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import type { Site } from '../../src/schemas/site.ts';
import { startAtsServer, type AtsServer } from './ats-server.ts';
import { FIXTURES, site, TODAY } from './helpers.ts';

const GREENHOUSE = join(FIXTURES, 'ats', 'greenhouse');
const LIST = '/v1/boards/cloudflare/jobs?content=true';
const IDS = ['4000000', '4000001', '4000003', '4000004'];
const jobPath = (id: string) => `/v1/boards/cloudflare/jobs/${id}?pay_transparency=true`;
const fixture = (name: string) => JSON.parse(readFileSync(join(GREENHOUSE, name), 'utf8')) as { jobs: Array<Record<string, unknown>> };

let server: AtsServer;
let settings: Site;
const http = { sleep: async () => {}, retries: 1, timeoutMs: 500 };

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return { data, get: (key) => data.get(key), set: (key, value) => void data.set(key, value) };
}

function serveBoard(list = fixture('jobs.json')): void {
	server.route(LIST, { body: list, etag: '"list-v1"' });
	for (const id of IDS) server.route(jobPath(id), { body: fixture(`job-${id}.json`), lastModified: 'Mon, 20 Oct 2026 12:00:00 GMT' });
}

const read = (store: KeyValueStore, env: NodeJS.ProcessEnv = {}) => readBoardForBuild(settings, store, { http, today: TODAY, env });
const slugsOf = (files: Array<{ file: string; source: string }>) =>
	normalizePostings(files, settings, { today: TODAY }).postings.map((posting) => [posting.id, posting.slug]);

beforeAll(async () => {
	server = await startAtsServer();
	settings = { ...site, atsSource: { system: 'greenhouse', board: 'cloudflare', baseUrl: server.url } };
});
afterAll(async () => {
	await server.close();
});
beforeEach(() => {
	server.reset();
	serveBoard();
});

describe('readBoardForBuild', () => {
	it('turns the board into posting files the pipeline builds, and warns about the malformed row', async () => {
		const board = await read(memoryStore());
		expect(board.files.map((file) => file.file)).toEqual(IDS.map((id) => `greenhouse:cloudflare/${id}`));
		expect(board.warnings).toContain(
			'Greenhouse board token "cloudflare": row 4000099: title: expected string, received null; the role is left out of this build',
		);
		const { postings } = normalizePostings(board.files, settings, { today: TODAY, lastCommitted: board.updated });
		const scheduling = postings.find((posting) => posting.id === 'greenhouse-4000003')!;
		expect(scheduling.payRanges.map((range) => [range.appliesTo, range.min, range.max, range.currency])).toEqual([
			['Colorado', 168000, 206000, 'USD'],
			['New York City', 187000, 229000, 'USD'],
		]);
		// No publication date from the ATS: the first build that saw the role stands in.
		expect(postings.find((posting) => posting.id === 'greenhouse-4000001')?.datePosted).toBe(TODAY);
	});

	it('asks again with the validators it kept, and uses the kept answer on 304', async () => {
		const store = memoryStore();
		(await read(store)).save(store);
		server.requests.length = 0;
		const again = await read(store);
		const list = server.requests.find((request) => request.path === LIST)!;
		expect(list.headers['if-none-match']).toBe('"list-v1"');
		expect(list.status).toBe(304);
		expect(server.requests.find((request) => request.path === jobPath('4000003'))?.headers['if-modified-since']).toBe('Mon, 20 Oct 2026 12:00:00 GMT');
		expect(again.files).toHaveLength(4);
		expect(again.warnings.filter((warning) => warning.includes('snapshot'))).toEqual([]);
	});

	it('builds from the last good snapshot when the ATS is down', async () => {
		const store = memoryStore();
		const first = await read(store);
		first.save(store);
		server.reset();
		server.route(LIST, { status: 503 });
		const board = await read(store);
		expect(board.files).toEqual(first.files);
		expect(board.warnings.find((warning) => warning.includes('snapshot'))).toMatch(
			/^Greenhouse board token "cloudflare": .*HTTP 503 after 2 attempts; building from the last good snapshot \(.*, 4 roles\)$/,
		);
	});

	it('builds from the last good snapshot when the ATS suddenly lists no roles, unless told every role closed', async () => {
		const store = memoryStore();
		(await read(store)).save(store);
		server.reset();
		server.route(LIST, { body: { jobs: [], meta: { total: 0 } } });
		const board = await read(store);
		expect(board.files).toHaveLength(4);
		expect(board.warnings.join('\n')).toMatch(/returned no roles while the last snapshot had 4.*ATS_ALLOW_EMPTY=true/);
		expect((await read(store, { ATS_ALLOW_EMPTY: 'true' })).files).toEqual([]);
	});

	it('fails, rather than publish an empty site, when the ATS is down and there is no snapshot', async () => {
		server.route(LIST, { body: 'not json' });
		await expect(read(memoryStore())).rejects.toThrow(AtsSourceError);
		await expect(read(memoryStore())).rejects.toThrow(/expected JSON.*no earlier snapshot to build from\. Refusing to publish a site without postings/);
	});

	it('keeps a role’s slug when its title changes', async () => {
		const store = memoryStore();
		const first = await read(store);
		first.save(store);
		const list = fixture('jobs.json');
		list.jobs = list.jobs.map((job) => (job.id === 4000003 ? { ...job, title: 'Staff Systems Engineer, Global Scheduling' } : job));
		server.reset();
		serveBoard(list);
		const renamed = await read(store);
		expect(slugsOf(renamed.files)).toEqual(slugsOf(first.files));
		expect(slugsOf(first.files)).toContainEqual(['greenhouse-4000003', 'systems-engineer-global-scheduling']);
	});

	it('is told no board without atsSource', async () => {
		await expect(readBoardForBuild(site, memoryStore())).rejects.toThrow(/atsSource: expected a system and a board/);
	});
});
