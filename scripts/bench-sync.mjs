// Measures `npm run sync` on a synthetic Greenhouse board served from 127.0.0.1:
// the first sync (every role added), a second with no upstream change, and one
// after 5% of the roles were retitled and 2% closed.
//
//   npm run bench:sync               1,000 roles
//   npm run bench:sync -- 5000       another board size
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { startAtsServer } from '../tests/unit/ats-server.ts';
import { readSiteConfig } from '../src/config/site-config.ts';
import { runSync } from '../src/sync/run.ts';
import { countLine } from '../src/sync/report.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const COUNT = Number(process.argv[2] ?? 1000);
const CITIES = ['Austin, TX', 'Lisbon, Portugal', 'London, UK', 'Denver, CO; New York, NY', 'Remote - US', 'Munich, Germany', 'Toronto, ON'];
const TEAMS = ['Workers Runtime', 'Observability', 'Global Scheduling', 'Cloudflare Tunnel', 'Security', 'Billing', 'Data'];

const seeds = readdirSync(join(ROOT, 'tests/fixtures/seeds'))
	.sort()
	.map((name) => readFileSync(join(ROOT, 'tests/fixtures/seeds', name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
const escape = (html) => html.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function board(count, { retitled = 0, closed = 0 } = {}) {
	const jobs = [];
	for (let index = 0; index < count - closed; index += 1) {
		const id = 5_000_000 + index;
		jobs.push({
			id,
			title: `${index < retitled ? 'Senior ' : ''}Engineer ${index}, ${TEAMS[index % TEAMS.length]}`,
			updated_at: '2026-11-01T10:00:00-04:00',
			first_published: '2026-10-01T10:00:00-04:00',
			location: { name: CITIES[index % CITIES.length] },
			absolute_url: `https://boards.greenhouse.io/bench/jobs/${id}`,
			metadata: [{ id: 1, name: 'Employment Type', value: 'Full-time', value_type: 'single_select' }],
			departments: [{ id: 1, name: 'Engineering', parent_id: null, child_ids: [] }],
			offices: [],
			content: escape(seeds[index % seeds.length]),
		});
	}
	return jobs;
}

function serve(server, jobs) {
	server.reset();
	server.route('/v1/boards/bench/jobs?content=true', { body: { jobs, meta: { total: jobs.length } } });
	const pay = (index) => (index % 3 === 0 ? [{ min_cents: 15_000_000, max_cents: 19_000_000, currency_type: 'USD', title: 'Colorado', blurb: null }] : []);
	jobs.forEach((job, index) => server.route(`/v1/boards/bench/jobs/${job.id}?pay_transparency=true`, { body: { ...job, pay_input_ranges: pay(index) } }));
}

const server = await startAtsServer();
const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
const site = readSiteConfig(join(ROOT, 'tests/fixtures/site.yaml'));
const rows = [];
async function measure(label, jobs) {
	serve(server, jobs);
	const start = performance.now();
	const report = await runSync({ system: 'greenhouse', board: 'bench', dir, site, baseUrl: server.url });
	const ms = performance.now() - start;
	rows.push({ label, seconds: (ms / 1000).toFixed(2), result: report.refusal ?? countLine(report), requests: server.requests.length });
	console.error(`${label}: ${(ms / 1000).toFixed(2)} s`);
}

await measure(`first sync, ${COUNT} roles`, board(COUNT));
await measure('second sync, nothing changed', board(COUNT));
await measure('5% retitled, 2% closed', board(COUNT, { retitled: Math.round(COUNT * 0.05), closed: Math.round(COUNT * 0.02) }));
await server.close();
const bytes = readdirSync(dir).reduce((sum, name) => sum + readFileSync(join(dir, name)).length, 0);
rmSync(dir, { recursive: true, force: true });

console.log(`\n| run | time | result | requests |\n|---|---|---|---|`);
for (const row of rows) console.log(`| ${row.label} | ${row.seconds} s | ${row.result} | ${row.requests} |`);
console.log(`\nPeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; folder ${(bytes / 1024 / 1024).toFixed(1)} MB; ${COUNT} files.`);
