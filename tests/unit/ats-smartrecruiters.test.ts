import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AtsHttpError, createHttpClient, type HttpOptions } from '../../src/ats/shared/http.ts';
import type { BoardSnapshot } from '../../src/ats/shared/types.ts';
import { smartRecruitersPostingSchema } from '../../src/ats/smartrecruiters/schema.ts';
import { fetchSmartRecruitersBoard, mapSmartRecruitersPosting, smartrecruiters } from '../../src/ats/smartrecruiters/source.ts';
import { loadCatalogue } from '../../src/sources/folder.ts';
import { startAtsServer, type AtsServer } from './ats-server.ts';
import { FIXTURES, site, TODAY } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REAL = join(FIXTURES, 'real/smartrecruiters');

/** The real posting documents, as the detail endpoint returns them, by file name. */
const DOCUMENTS: Record<string, Record<string, unknown>> = Object.fromEntries(
	readdirSync(REAL)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => [name.replace(/\.json$/, ''), JSON.parse(readFileSync(join(REAL, name), 'utf8'))]),
);
const ALL = Object.values(DOCUMENTS);
const COMPANY = 'Acme';
const LIST = `/v1/companies/${COMPANY}/postings`;

/** A list page built from detail documents: the list leaves the job ad out. */
function page(documents: Array<Record<string, unknown>>, offset: number, limit: number, totalFound = documents.length) {
	return {
		offset,
		limit,
		totalFound,
		content: documents.slice(offset, offset + limit).map(({ jobAd: _jobAd, ...rest }) => rest),
	};
}

function client(options: HttpOptions = {}) {
	return createHttpClient({ sleep: async () => {}, timeoutMs: 2_000, retries: 1, backoffMs: 1, ...options });
}

function serveDetails(documents: Array<Record<string, unknown>>) {
	for (const document of documents) server.route(`${LIST}/${String(document.id)}`, { body: document });
}

function read(pageSize?: number): Promise<BoardSnapshot> {
	return fetchSmartRecruitersBoard(COMPANY, { client: client(), baseUrl: server.url }, pageSize);
}

let server: AtsServer;
beforeAll(async () => {
	server = await startAtsServer();
});
afterAll(async () => {
	await server.close();
});
beforeEach(() => server.reset());

describe('mapSmartRecruitersPosting', () => {
	const map = (name: string) => mapSmartRecruitersPosting(smartRecruitersPostingSchema.parse(DOCUMENTS[name]), COMPANY);

	it('maps the Wise posting: hybrid London, full-time, the pay field, the company text as an intro', () => {
		const posting = map('Wise-744000153192361');
		expect(posting).toMatchObject({
			system: 'smartrecruiters',
			board: COMPANY,
			id: '744000153192361',
			url: 'https://jobs.smartrecruiters.com/Wise/744000153192361-software-engineer-fx-markets',
			fields: {
				title: 'Software Engineer - FX Markets',
				locations: [{ city: 'London', country: 'GB', remote: false, workplace: 'hybrid' }],
				employmentType: 'FULL_TIME',
				datePosted: '2026-10-02',
				applyUrl: 'https://jobs.smartrecruiters.com/Wise/744000153192361-software-engineer-fx-markets?oga=true',
				// The compensation object, then the "Job Ad Salary Range" field, which says 68,000.
				payRanges: [
					{ min: 68500, max: 87500, currency: 'GBP', period: 'YEAR' },
					{ min: 68000, max: 87500, currency: 'GBP', period: 'YEAR' },
				],
			},
			notes: [],
		});
		expect(posting.html.startsWith('<div class="content-intro">\n<h3>Company Description</h3>\n<p>Wise is a global technology company')).toBe(true);
		expect(posting.html).toContain('</div>\n<h3>Job Description</h3>\n<p>We are looking for a Software Engineer');
		expect(posting.html.indexOf('<h3>Qualifications</h3>')).toBeLessThan(posting.html.indexOf('<h3>Additional Information</h3>'));
	});

	it('reads a remote role whose city field repeats the country as remote in that country', () => {
		expect(map('smartrecruiters-744000132911099').fields.locations).toEqual([{ country: 'GB', remote: true }]);
	});

	it('keeps a known region as its code and leaves a district out', () => {
		expect(map('Visa-744000133907678').fields.locations).toEqual([{ city: 'Austin', region: 'TX', country: 'US', remote: false }]);
		expect(map('BoschGroup-744000151640889').fields.locations).toEqual([{ city: 'Bursa', country: 'TR', remote: false }]);
	});

	it('reads an intern type of employment and hourly pay', () => {
		const posting = map('WesternDigital-744000140949875');
		expect(posting.fields.employmentType).toBe('INTERN');
		expect(posting.fields.payRanges).toEqual([
			{ min: 34, max: 47, currency: 'USD', period: 'HOUR' },
			{ min: 34.52, max: 46, currency: 'USD', period: 'HOUR' },
		]);
	});

	it('leaves empty sections out: a posting with only its additional information keeps that', () => {
		expect(map('Visa-744000133907678').html).toBe(
			'<h3>Additional Information</h3>\n<p>All your information will be kept confidential according to EEO guidelines.</p>',
		);
	});
});

describe('fetchSmartRecruitersBoard', () => {
	it('pages through the list until totalFound, then reads every posting document', async () => {
		// The corpus's documents on pages of four, however many there are.
		const pages = Math.ceil(ALL.length / 4);
		for (let offset = 0; offset < ALL.length; offset += 4) server.route(`${LIST}?offset=${offset}&limit=4`, { body: page(ALL, offset, 4) });
		serveDetails(ALL);
		const snapshot = await read(4);
		expect(snapshot.total).toBe(ALL.length);
		expect(snapshot.postings.map((posting) => posting.id)).toEqual(ALL.map((document) => String(document.id)));
		expect(snapshot.rejected).toEqual([]);
		expect(snapshot.skipped).toEqual([]);
		// The list pages, then one request per posting; no page past totalFound.
		expect(server.requests.filter((request) => request.path.startsWith(`${LIST}?`))).toHaveLength(pages);
		expect(server.requests).toHaveLength(pages + ALL.length);
	});

	it('skips a posting closed mid-sync or no longer active, and rejects one out of shape with its id and field', async () => {
		const [closed, inactive, broken, ...rest] = ALL;
		server.route(`${LIST}?offset=0&limit=100`, { body: page(ALL, 0, 100) });
		serveDetails([{ ...inactive!, active: false }, { ...broken!, releasedDate: 'yesterday' }, ...rest]);
		const snapshot = await read();
		expect(snapshot.skipped).toEqual([
			{ id: String(closed!.id), reason: 'unpublished during the sync' },
			{ id: String(inactive!.id), reason: 'no longer active in SmartRecruiters' },
		]);
		expect(snapshot.rejected).toEqual([{ id: String(broken!.id), field: 'releasedDate', message: 'an ISO 8601 timestamp' }]);
		expect(snapshot.postings).toHaveLength(ALL.length - 3);
	});

	it('refuses a list page that is not the documented document', async () => {
		server.route(`${LIST}?offset=0&limit=100`, { body: { message: 'oops' } });
		await expect(read()).rejects.toThrow('expected a page of postings');
	});

	it('says a 401 means the board is not public', async () => {
		server.route(`${LIST}?offset=0&limit=100`, { status: 401, body: { message: 'unauthorized' } });
		const error = await read().catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(AtsHttpError);
		expect((error as Error).message).toContain('HTTP 401 (the board is not public, or the API wants a key)');
	});

	it('is registered with a usage line of its own', () => {
		expect(smartrecruiters.boardTerm).toBe('company identifier');
	});
});

describe('npm run sync -- smartrecruiters', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'sync-sr-'));
		cpSync(join(FIXTURES, 'seeds'), dir, { recursive: true });
		return () => rmSync(dir, { recursive: true, force: true });
	});

	// Not spawnSync: the stand-in ATS runs in this process and must keep answering.
	const run = (args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> => {
		const { BASE_URL: _base, MODE: _mode, ...env } = process.env;
		const child = spawn(process.execPath, [join(ROOT, 'src/sync/cli.ts'), ...args], {
			cwd: ROOT,
			env: { ...env, POSTINGS_DIR: dir, SITE_CONFIG: join(FIXTURES, 'site.yaml') },
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
	};

	it('writes one file per posting, and the folder builds', async () => {
		server.route(`${LIST}?offset=0&limit=100`, { body: page(ALL, 0, 100) });
		serveDetails(ALL);
		const result = await run(['smartrecruiters', COMPANY, '--base-url', server.url]);
		expect(result.stderr).toContain('reading SmartRecruiters company identifier "Acme"');
		expect(result.stdout).toContain(`SmartRecruiters "Acme": ${ALL.length} rows, added ${ALL.length}, updated 0, closed 0, unchanged 0`);
		expect(result.status).toBe(0);
		const files = readdirSync(dir).filter((name) => name.startsWith('smartrecruiters-'));
		expect(files).toHaveLength(ALL.length);
		const { postings } = loadCatalogue(dir, site, dir, { today: TODAY });
		expect(postings.filter((posting) => posting.id.startsWith('smartrecruiters-'))).toHaveLength(ALL.length);
	});

	it('lists SmartRecruiters in the usage text', async () => {
		const result = await run(['smartrecruiters']);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('smartrecruiters <company identifier>');
	});
});
