/**
 * A preview of a site built straight from the ATS (atsSource in the site
 * settings), against a stand-in Greenhouse on 127.0.0.1. Its roles have no
 * posting files, so the review must work from what the pipeline recorded:
 * it once opened `posting.file` as a path and every role page failed with
 * ENOENT greenhouse:cloudflare/….
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAtsServer, type AtsServer } from '../unit/ats-server.ts';
import { buildSiteAsync, ROOT, type BuildResult } from './build-helpers.ts';
import { readSiteConfig } from '../../src/config/site-config.ts';

const GREENHOUSE = join(ROOT, 'tests/fixtures/ats/greenhouse');
const fixture = (name: string) => JSON.parse(readFileSync(join(GREENHOUSE, name), 'utf8')) as unknown;

let server: AtsServer;
let out: string;
let result: BuildResult;

beforeAll(async () => {
	server = await startAtsServer();
	server.route('/v1/boards/cloudflare/jobs?content=true', { body: fixture('jobs.json') });
	for (const id of ['4000000', '4000001', '4000003', '4000004']) {
		server.route(`/v1/boards/cloudflare/jobs/${id}?pay_transparency=true`, { body: fixture(`job-${id}.json`) });
	}
	const work = mkdtempSync(join(tmpdir(), 'ats-preview-'));
	const settings = { ...readSiteConfig(join(ROOT, 'tests/fixtures/site.yaml')), atsSource: { system: 'greenhouse', board: 'cloudflare', baseUrl: server.url } };
	const siteConfig = join(work, 'site.yaml');
	writeFileSync(siteConfig, stringify(settings));
	out = join(work, 'dist');
	result = await buildSiteAsync(join(work, 'no-postings-here'), out, { SITE_CONFIG: siteConfig, PREVIEW: 'true', GITHUB_SHA: 'abc1234' });
}, 300_000);

afterAll(async () => {
	await server.close();
});

const page = (path: string) => cheerio.load(readFileSync(join(out, path), 'utf8'));
const text = ($: cheerio.CheerioAPI, selector: string) => $(selector).text().replace(/\s+/g, ' ');

describe('a preview of a site built from the ATS', () => {
	it('builds, with the review read from the pipeline instead of files', () => {
		expect(result.status, result.output).toBe(0);
		expect(result.output).not.toContain('ENOENT');
	});

	it('shows the stale spreadsheet values of the scheduling role on its page and on the review page', () => {
		const role = page('jobs/systems-engineer-global-scheduling/index.html');
		expect(text(role, 'body')).toContain('hidden data-sheets-value says 137000 but the text shows 168,000');
		const review = page('_preview/review/index.html');
		const findings = text(review, 'main');
		expect(findings).toContain('greenhouse:cloudflare/4000003');
		expect(findings).toContain('hidden data-sheets-value says 167000 but the text shows 206,000');
	});
});
