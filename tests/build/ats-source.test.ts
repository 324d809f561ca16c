/**
 * A site built straight from the ATS (atsSource in the site settings), against
 * a stand-in Greenhouse on 127.0.0.1: the first build publishes the board, a
 * second build while the ATS is down publishes the same roles from the last
 * good snapshot, with a warning.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAtsServer, type AtsServer } from '../unit/ats-server.ts';
import { buildSiteAsync, pages, ROOT, type BuildResult } from './build-helpers.ts';
import { readSiteConfig } from '../../src/config/site-config.ts';

const GREENHOUSE = join(ROOT, 'tests/fixtures/ats/greenhouse');
const LIST = '/v1/boards/cloudflare/jobs?content=true';
const fixture = (name: string) => JSON.parse(readFileSync(join(GREENHOUSE, name), 'utf8')) as unknown;

let server: AtsServer;
let work: string;
let first: BuildResult;
let second: BuildResult;
const firstDir = () => join(work, 'first');
const secondDir = () => join(work, 'second');

beforeAll(async () => {
	server = await startAtsServer();
	server.route(LIST, { body: fixture('jobs.json'), etag: '"board-1"' });
	for (const id of ['4000000', '4000001', '4000003', '4000004']) {
		server.route(`/v1/boards/cloudflare/jobs/${id}?pay_transparency=true`, { body: fixture(`job-${id}.json`) });
	}
	work = mkdtempSync(join(tmpdir(), 'ats-build-'));
	const settings = { ...readSiteConfig(join(ROOT, 'tests/fixtures/site.yaml')), atsSource: { system: 'greenhouse', board: 'cloudflare', baseUrl: server.url } };
	const siteConfig = join(work, 'site.yaml');
	writeFileSync(siteConfig, stringify(settings));
	// No postings folder at all: the ATS is the only source.
	const env = { SITE_CONFIG: siteConfig, PREVIEW: 'false' };
	first = await buildSiteAsync(join(work, 'no-postings-here'), firstDir(), env);
	server.reset();
	server.route(LIST, { status: 503, body: 'Service Unavailable' });
	second = await buildSiteAsync(join(work, 'no-postings-here'), secondDir(), env);
}, 600_000);

afterAll(async () => {
	await server.close();
});

describe('a site built from the ATS at build time', () => {
	it('publishes every role of the board', () => {
		expect(first.status, first.output).toBe(0);
		const roles = pages(firstDir())
			.filter((page) => /^jobs\/[^/]+\/index\.html$/.test(page.path))
			.map((page) => page.path);
		expect(roles).toEqual([
			'jobs/engineering-manager-workers-runtime/index.html',
			'jobs/senior-systems-engineer-workers-runtime-cpp/index.html',
			'jobs/software-engineer-cloudflare-tunnel/index.html',
			'jobs/systems-engineer-global-scheduling/index.html',
		]);
		const $ = cheerio.load(readFileSync(join(firstDir(), 'jobs/systems-engineer-global-scheduling/index.html'), 'utf8'));
		const text = $('main').text().replace(/\s+/g, ' ');
		expect(text).toContain('Colorado: $168,000 – $206,000 per year');
		expect(text).toContain('New York City: $187,000 – $229,000 per year');
		expect(first.output).toContain('row 4000099: title: expected string, received null; the role is left out of this build');
	});

	it('publishes the same roles from the last good snapshot while the ATS is down, and says so', () => {
		expect(second.status, second.output).toBe(0);
		expect(second.output).toMatch(/HTTP 503 after 5 attempts; building from the last good snapshot/);
		const html = (dir: string) =>
			pages(dir)
				.filter((page) => page.path.startsWith('jobs/'))
				.map((page) => page.path);
		expect(html(secondDir())).toEqual(html(firstDir()));
		expect(existsSync(join(secondDir(), 'jobs/systems-engineer-global-scheduling/index.html'))).toBe(true);
	});
});
