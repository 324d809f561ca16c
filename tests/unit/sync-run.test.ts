/**
 * The sync end to end against a stand-in Greenhouse on 127.0.0.1: files
 * written, a second run that changes nothing, a recruiter's edit kept, a
 * closure, and every refusal leaving the folder byte for byte as it was.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalogue } from '../../src/sources/folder.ts';
import { countLine, formatMarkdown, formatReport } from '../../src/sync/report.ts';
import { runSync, type SyncOptions } from '../../src/sync/run.ts';
import { startAtsServer, type AtsServer } from './ats-server.ts';
import { FIXTURES, site, TODAY } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GREENHOUSE = join(FIXTURES, 'ats', 'greenhouse');
const LIST = '/v1/boards/cloudflare/jobs?content=true';
const jobPath = (id: string) => `/v1/boards/cloudflare/jobs/${id}?pay_transparency=true`;
const fixture = (name: string) => JSON.parse(readFileSync(join(GREENHOUSE, name), 'utf8')) as { jobs: Array<{ id: number }> };

let server: AtsServer;
let dir: string;

/** Serves the fixture board; `drop` leaves jobs out of the list, as when they close. */
function serveBoard(drop: number[] = []): void {
	const list = fixture('jobs.json');
	server.route(LIST, { body: { ...list, jobs: list.jobs.filter((job) => !drop.includes(job.id)) } });
	for (const id of ['4000000', '4000001', '4000003', '4000004']) server.route(jobPath(id), { body: fixture(`job-${id}.json`) });
}

function options(extra: Partial<SyncOptions> = {}): SyncOptions {
	return {
		system: 'greenhouse',
		board: 'cloudflare',
		dir,
		site,
		baseUrl: server.url,
		today: TODAY,
		http: { sleep: async () => {}, timeoutMs: 500, retries: 2 },
		...extra,
	};
}

/** Every file in the folder with its bytes and modification time (a repository's `.git` aside). */
function snapshotOf(folder: string): Record<string, string> {
	return Object.fromEntries(
		readdirSync(folder)
			.filter((name) => name !== '.git')
			.sort()
			.map((name) => [name, `${statSync(join(folder, name)).mtimeMs}:${readFileSync(join(folder, name), 'utf8')}`]),
	);
}

const frontMatter = (name: string) => parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(dir, name), 'utf8'))![1]!) as Record<string, any>;

beforeAll(async () => {
	server = await startAtsServer();
});
afterAll(async () => {
	await server.close();
});
beforeEach(() => {
	server.reset();
	dir = mkdtempSync(join(tmpdir(), 'sync-'));
	// The folder starts with the five hand-written seed postings.
	cpSync(join(FIXTURES, 'seeds'), dir, { recursive: true });
	serveBoard();
	return () => rmSync(dir, { recursive: true, force: true });
});

describe('runSync against Greenhouse', () => {
	it('reads the ATS\'s place names in the site\'s default country', async () => {
		const list = fixture('jobs.json');
		// chiletrabajos.cl's "San Felipe" (FavazCL/WS-Ofertas), Venezuela's larger one with no default; no offices beside it.
		const job = { ...list.jobs.find((row) => row.id === 4000004)!, location: { name: 'San Felipe' }, offices: [] };
		server.route(LIST, { body: { ...list, jobs: [job] } });
		server.route(jobPath('4000004'), { body: { ...fixture('job-4000004.json'), location: { name: 'San Felipe' }, offices: [] } });
		await runSync(options({ site: { ...site, defaultCountry: 'CL' } }));
		expect(frontMatter('greenhouse-4000004.html').locations).toEqual([{ city: 'San Felipe', region: 'VS', country: 'CL', workplace: 'onsite' }]);
	});

	it('writes one file per role, reports the malformed row, and the folder builds', async () => {
		const report = await runSync(options());
		expect(report.refusal).toBeUndefined();
		expect(countLine(report)).toBe('added 4, updated 0, closed 0, unchanged 0, rejected 1');
		expect(report.rejected).toEqual([{ id: '4000099', field: 'title', message: 'expected string, received null' }]);
		expect(readdirSync(dir).filter((name) => name.startsWith('greenhouse-'))).toEqual([
			'greenhouse-4000000.html',
			'greenhouse-4000001.html',
			'greenhouse-4000003.html',
			'greenhouse-4000004.html',
		]);
		expect(frontMatter('greenhouse-4000003.html')).toMatchObject({
			title: 'Systems Engineer, Global Scheduling',
			employmentType: 'FULL_TIME',
			datePosted: '2026-10-20',
			payRanges: [
				{ appliesTo: 'Colorado', min: 168000, max: 206000, currency: 'USD', period: 'YEAR' },
				{ appliesTo: 'New York City', min: 187000, max: 229000, currency: 'USD', period: 'YEAR' },
			],
			status: 'open',
			ats: { system: 'greenhouse', board: 'cloudflare', id: '4000003' },
		});
		// The body is HTML again, not the escaped text the API sends.
		expect(readFileSync(join(dir, 'greenhouse-4000003.html'), 'utf8')).toContain('<div class="content-intro">');

		const { postings } = loadCatalogue(dir, site, dir, { today: TODAY });
		const synced = postings.filter((posting) => posting.id.startsWith('greenhouse-'));
		expect(synced.map((posting) => [posting.slug, posting.locations.map((place) => place.label)])).toEqual([
			['engineering-manager-workers-runtime-austin', ['Austin, Texas', 'Lisbon, Portugal', 'London, United Kingdom']],
			['senior-systems-engineer-workers-runtime-cpp-austin', ['Austin, Texas (hybrid)']],
			['systems-engineer-global-scheduling-denver', ['Denver, Colorado', 'New York, New York']],
			['software-engineer-cloudflare-tunnel-remote-us', ['Remote, United States']],
		]);
		expect(postings).toHaveLength(9);
	});

	it('changes no file on a second run with no upstream change', async () => {
		await runSync(options());
		const before = snapshotOf(dir);
		const second = await runSync(options());
		expect(countLine(second)).toBe('added 0, updated 0, closed 0, unchanged 4, rejected 1');
		expect(second.written).toBe(false);
		expect(snapshotOf(dir)).toEqual(before);
	});

	it('keeps a team a recruiter corrected', async () => {
		await runSync(options());
		const file = join(dir, 'greenhouse-4000003.html');
		// The ATS files the role under Engineering alone, which makes it the team; the recruiter names the team more closely.
		const synced = readFileSync(file, 'utf8');
		expect(synced).toMatch(/^team: Engineering$/m);
		writeFileSync(file, synced.replace(/^team: Engineering$/m, 'team: Traffic Engineering'));
		const before = snapshotOf(dir);
		const report = await runSync(options());
		expect(report.changes).toEqual([]);
		expect(report.kept).toEqual([{ name: 'greenhouse-4000003.html', field: 'team', local: 'Traffic Engineering', ats: 'Engineering', atsChanged: false }]);
		expect(snapshotOf(dir)).toEqual(before);
		expect(loadCatalogue(dir, site, dir, { today: TODAY }).postings.find((posting) => posting.id === 'greenhouse-4000003')?.team).toBe('Traffic Engineering');
	});

	it('closes a role that left the board, and never deletes its file', async () => {
		await runSync(options());
		server.reset();
		serveBoard([4000004]);
		const report = await runSync(options());
		expect(countLine(report)).toBe('added 0, updated 0, closed 1, unchanged 3, rejected 1');
		expect(frontMatter('greenhouse-4000004.html').status).toBe('closed');
		const closed = loadCatalogue(dir, site, dir, { today: TODAY }).postings.find((posting) => posting.id === 'greenhouse-4000004');
		expect(closed?.status).toBe('closed');
	});

	it('retries a 429 and goes on', async () => {
		server.route(LIST, [{ status: 429, headers: { 'retry-after': '0' } }, { body: fixture('jobs.json') }]);
		const retries: string[] = [];
		const report = await runSync(options({ progress: (message) => retries.push(message) }));
		expect(report.refusal).toBeUndefined();
		expect(report.changes).toHaveLength(4);
		expect(retries).toContain('HTTP 429; retrying in 0.0 s (attempt 2)');
	});

	it('times out a request that hangs, retries, and goes on', async () => {
		server.route(LIST, [{ hang: true }, { body: fixture('jobs.json') }]);
		const report = await runSync(options({ http: { sleep: async () => {}, timeoutMs: 300, retries: 1 } }));
		expect(report.changes).toHaveLength(4);
		expect(server.requests.filter((request) => request.path === LIST)).toHaveLength(2);
	});

	describe('refuses, changing nothing, when', () => {
		let before: Record<string, string>;
		beforeEach(async () => {
			await runSync(options());
			before = snapshotOf(dir);
			server.reset();
		});

		it('the ATS returns no roles while some are open here', async () => {
			server.route(LIST, { body: { jobs: [], meta: { total: 0 } } });
			const report = await runSync(options());
			expect(report.refusal).toMatch(/returned no roles for board "cloudflare" while 4 synced roles are open here/);
			expect(snapshotOf(dir)).toEqual(before);
		});

		it('the ATS keeps answering 500', async () => {
			server.route(LIST, { status: 500, body: 'Internal Server Error' });
			const report = await runSync(options());
			expect(report.refusal).toMatch(/^Greenhouse could not be reached: .*HTTP 500 after 3 attempts\. Nothing was changed\.$/);
			expect(snapshotOf(dir)).toEqual(before);
		});

		it('a pay-range request keeps failing half way through', async () => {
			serveBoard();
			server.route(jobPath('4000003'), { status: 503 });
			const report = await runSync(options());
			expect(report.refusal).toMatch(/could not be reached: .*jobs\/4000003\?pay_transparency=true: HTTP 503/);
			expect(snapshotOf(dir)).toEqual(before);
		});

		it('the answer is not JSON', async () => {
			server.route(LIST, { body: '<html><body>Down for maintenance</body></html>' });
			const report = await runSync(options());
			expect(report.refusal).toMatch(/answered with something unexpected: .*expected JSON, got "<html><body>Down for maintenance/);
			expect(snapshotOf(dir)).toEqual(before);
		});

		it('every row fails validation', async () => {
			server.route(LIST, { body: { jobs: [{ id: 1, title: null }, { id: 2 }], meta: { total: 2 } } });
			const report = await runSync(options());
			expect(report.refusal).toMatch(/every one of the 2 rows Greenhouse returned failed validation/);
			expect(snapshotOf(dir)).toEqual(before);
		});
	});

	it('closes every role when forced to accept an empty board', async () => {
		await runSync(options());
		server.reset();
		server.route(LIST, { body: { jobs: [], meta: { total: 0 } } });
		const report = await runSync(options({ force: true }));
		expect(countLine(report)).toBe('added 0, updated 0, closed 4, unchanged 0, rejected 0');
	});

	describe('with closedRoleDays', () => {
		const retiring = { ...site, closedRoleDays: 30 };
		const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
		/** Commits the whole folder on `day`, as the merge of a sync's pull request would. */
		const commitOn = (day: string) => {
			git('add', '-A');
			execFileSync('git', ['commit', '-qm', `sync of ${day}`], {
				cwd: dir,
				env: { ...process.env, GIT_AUTHOR_DATE: `${day}T12:00:00Z`, GIT_COMMITTER_DATE: `${day}T12:00:00Z` },
				stdio: 'ignore',
			});
		};
		const TUNNEL = 'greenhouse-4000004.html';

		/** The board synced on 1 September, then Tunnel gone from the ATS and closed by the sync of `closedOn`. */
		async function closeTunnelOn(closedOn: string): Promise<void> {
			git('init', '-q');
			git('config', 'user.email', 'sync@example.com');
			git('config', 'user.name', 'Sync');
			await runSync(options({ site: retiring, today: '2026-09-01' }));
			commitOn('2026-09-01');
			server.reset();
			serveBoard([4000004]);
			expect(countLine(await runSync(options({ site: retiring, today: closedOn })))).toBe('added 0, updated 0, closed 1, unchanged 3, rejected 1');
			commitOn(closedOn);
		}

		it('deletes the file of a role closed longer than that, from the day the build leaves it out', async () => {
			await closeTunnelOn('2026-10-23');
			// Closed on 23 October: the site keeps its page through 22 November, 30 whole days.
			const before = snapshotOf(dir);
			const kept = await runSync(options({ site: retiring, today: '2026-11-22' }));
			expect(countLine(kept)).toBe('added 0, updated 0, closed 0, unchanged 4, rejected 1');
			expect(snapshotOf(dir)).toEqual(before);

			const dry = await runSync(options({ site: retiring, dryRun: true }));
			expect(dry.removed).toEqual([{ name: TUNNEL, id: '4000004', title: 'Software Engineer, Cloudflare Tunnel' }]);
			expect(snapshotOf(dir)).toEqual(before);

			const report = await runSync(options({ site: retiring }));
			expect(countLine(report)).toBe('added 0, updated 0, closed 0, removed 1, unchanged 3, rejected 1');
			expect(report.written).toBe(true);
			expect(existsSync(join(dir, TUNNEL))).toBe(false);
			expect(formatReport(report)).toContain(`  removed   ${TUNNEL}  Software Engineer, Cloudflare Tunnel (closed longer than \`closedRoleDays\``);
			expect(formatMarkdown(report)).toContain(`### Files removed (closed longer than \`closedRoleDays\`; the site no longer has their pages, git history keeps them)\n\n- \`${TUNNEL}\` Software Engineer, Cloudflare Tunnel`);
			// The other roles are as they were, and the folder builds.
			expect(loadCatalogue(dir, retiring, dir, { today: TODAY }).postings.filter((posting) => posting.id.startsWith('greenhouse-')).map((posting) => posting.id)).toEqual([
				'greenhouse-4000000',
				'greenhouse-4000001',
				'greenhouse-4000003',
			]);
		});

		it('adds the role again, under its old slug, when it comes back to the ATS after its file went', async () => {
			await closeTunnelOn('2026-10-01');
			const slug = frontMatter(TUNNEL).slug as string;
			await runSync(options({ site: retiring }));
			expect(existsSync(join(dir, TUNNEL))).toBe(false);
			server.reset();
			serveBoard();
			const back = await runSync(options({ site: retiring }));
			expect(back.changes.map((change) => [change.kind, change.name])).toEqual([['added', TUNNEL]]);
			expect(frontMatter(TUNNEL)).toMatchObject({ status: 'open', slug });
		});

		it('keeps a closed file whose closing git does not know, and says why', async () => {
			await closeTunnelOn('2026-10-01');
			// A copy of the folder without its history: the pipeline would date the closing by the posting date, months too early.
			rmSync(join(dir, '.git'), { recursive: true, force: true });
			const report = await runSync(options({ site: retiring }));
			expect(report.removed).toEqual([]);
			expect(existsSync(join(dir, TUNNEL))).toBe(true);
			expect(report.notes).toContain("1 closed role's file was kept: git has no commit of it, so when it closed is unknown");
		});

		it('never deletes without the setting', async () => {
			await closeTunnelOn('2026-01-05');
			const report = await runSync(options());
			expect(report.removed).toEqual([]);
			expect(existsSync(join(dir, TUNNEL))).toBe(true);
		});
	});
});

describe.each([
	{
		system: 'lever' as const,
		serve: () => {
			// One page of all rows: the sync asks for 100 at a time.
			const rows = ['page-0.json', 'page-2.json', 'page-4.json'].flatMap((name) => JSON.parse(readFileSync(join(FIXTURES, 'ats/lever', name), 'utf8')) as unknown[]);
			server.route('/v0/postings/cloudflare', { body: rows });
		},
		counts: 'added 4, updated 0, closed 0, unchanged 0, rejected 1',
		pay: { file: 'lever-c2a9e4f1-6b37-4d58-8e0a-93f1b2d4c604.html', ranges: [{ min: 150000, max: 190000, currency: 'USD', period: 'YEAR' }] },
	},
	{
		system: 'ashby' as const,
		serve: () => server.route('/posting-api/job-board/cloudflare', { body: JSON.parse(readFileSync(join(FIXTURES, 'ats/ashby/job-board.json'), 'utf8')) }),
		counts: 'added 4, updated 0, closed 0, unchanged 0, rejected 2',
		pay: {
			file: 'ashby-3b1f6d2a-',
			ranges: [
				{ appliesTo: 'Colorado', min: 168000, max: 206000, currency: 'USD', period: 'YEAR' },
				{ appliesTo: 'New York City', min: 187000, max: 229000, currency: 'USD', period: 'YEAR' },
			],
		},
	},
])('runSync against $system', ({ system, serve, counts, pay }) => {
	it('writes the board’s roles with the pay the ATS states, changes nothing the second time, and the folder builds', async () => {
		server.reset();
		serve();
		const first = await runSync(options({ system }));
		expect(countLine(first)).toBe(counts);
		const name = readdirSync(dir).find((file) => file.startsWith(pay.file))!;
		expect(frontMatter(name).payRanges).toEqual(pay.ranges);

		const before = snapshotOf(dir);
		const second = await runSync(options({ system }));
		expect(countLine(second)).toBe(counts.replace('added 4', 'added 0').replace('unchanged 0', 'unchanged 4'));
		expect(snapshotOf(dir)).toEqual(before);

		const { postings } = loadCatalogue(dir, site, dir, { today: TODAY });
		expect(postings.filter((posting) => posting.id.startsWith(`${system}-`))).toHaveLength(4);
	});
});

describe("the sync's pull-request body", () => {
	it('writes what the ATS wrote as text: a title cannot mention, link an issue or break the table', () => {
		const change = { name: 'greenhouse-1.html', text: '', kind: 'added' as const, id: '1', title: 'Data Scientist @Spotify | Req #4521 <Platform>', fields: [] };
		const body = formatMarkdown({
			system: 'greenhouse',
			board: 'acme',
			changes: [change],
			removed: [{ name: 'greenhouse-2.html', id: '2', title: '*nix Engineer' }],
			unchanged: [],
			rejected: [{ id: '3', field: 'title', message: 'expected a title, got "[click](https://x.example)"' }],
			skipped: [],
			kept: [],
			notes: [],
			total: 3,
			written: true,
		});
		expect(body).toContain('| added | `greenhouse-1.html` | Data Scientist @&#8203;Spotify \\| Req #&#8203;4521 \\<Platform\\> |  |');
		expect(body).toContain('- `greenhouse-2.html` \\*nix Engineer');
		expect(body).toContain('- `3` `title`: expected a title, got "\\[click\\](https://x.example)"');
	});
});

describe('npm run sync', () => {
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

	it('prints progress and a summary, writes the Markdown summary, and exits 0', async () => {
		const summary = join(dir, '..', `${dir.split('/').pop()}-summary.md`);
		const first = await run(['greenhouse', 'cloudflare', '--base-url', server.url, '--summary', summary]);
		expect(first.status).toBe(0);
		expect(first.stderr).toContain('reading Greenhouse board token "cloudflare"\n');
		expect(first.stderr).toMatch(/greenhouse cloudflare: .*pay ranges 4\/4/);
		expect(first.stdout).toContain('Greenhouse "cloudflare": 5 rows, added 4, updated 0, closed 0, unchanged 0, rejected 1');
		expect(first.stdout).toContain('  rejected  4000099  title: expected string, received null');
		expect(readFileSync(summary, 'utf8')).toContain('| added | `greenhouse-4000003.html` | Systems Engineer, Global Scheduling |');
		rmSync(summary);

		const second = await run(['greenhouse', 'cloudflare', '--base-url', server.url]);
		expect(second.status).toBe(0);
		expect(second.stdout).toContain('added 0, updated 0, closed 0, unchanged 4, rejected 1');
	});

	it('exits 1 on a refusal, and 2 on bad usage', async () => {
		expect((await run(['greenhouse', 'cloudflare', '--base-url', server.url])).status).toBe(0);
		server.route(LIST, { body: { jobs: [], meta: { total: 0 } } });
		const refused = await run(['greenhouse', 'cloudflare', '--base-url', server.url]);
		expect(refused.status).toBe(1);
		expect(refused.stdout).toContain('Greenhouse "cloudflare": refused, nothing changed.');
		expect((await run(['workday', 'acme'])).status).toBe(2);
		expect((await run(['greenhouse'])).stderr).toContain('usage: npm run sync -- <greenhouse|lever|ashby|smartrecruiters> <board>');
	});
});
