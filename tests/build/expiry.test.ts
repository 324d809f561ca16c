import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, pages, ROOT, type BuildResult } from './build-helpers.ts';

/**
 * tests/fixtures/expiry built as of BUILD_TIME (2026-12-02 08:00 UTC), in
 * production and as a preview: 000 open (last day 2026-12-31), 001 expired
 * (last day 2026-11-30), 002 closing in two days (2026-12-04 17:00 UTC).
 */
const BUILD_TIME = '2026-12-02T08:00:00Z';
const OPEN = ['engineering-manager-workers-runtime', 'systems-engineer-global-scheduling'];
const EXPIRED = 'engineering-manager-observability';
const SITE = 'https://careers.example.com';

const work = mkdtempSync(join(tmpdir(), 'careers-expiry-'));
const build = (name: string, env: Record<string, string>) =>
	buildSite(join(ROOT, 'tests/fixtures/expiry'), join(work, name, 'dist'), { SITE_CONFIG: join(ROOT, 'tests/fixtures/site.yaml'), BUILD_TIME, ...env });

/** html-validate's messages for every page of a build, by path: the expired and badged pages are new markup. */
async function invalid(dist: string): Promise<Record<string, string[]>> {
	const validator = new HtmlValidate(new FileSystemConfigLoader());
	const found: Record<string, string[]> = {};
	for (const page of pages(dist).filter((candidate) => !candidate.path.startsWith('pagefind/'))) {
		const report = await validator.validateString(page.html, join(dist, page.path));
		const messages = report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`));
		if (messages.length > 0) found[page.path] = messages;
	}
	return found;
}

describe('a role past its validThrough, in production', () => {
	let result: BuildResult;
	const dist = join(work, 'production', 'dist');
	const read = (path: string) => readFileSync(join(dist, path), 'utf8');
	const page = (path: string) => cheerio.load(read(join(path, 'index.html')));

	beforeAll(() => {
		result = build('production', { PREVIEW: 'false' });
	});

	it('builds', () => {
		expect(result.status, result.output).toBe(0);
	});

	it('keeps its page, out of search engines, saying when applications closed', () => {
		const $ = page(`jobs/${EXPIRED}`);
		expect($('h1').text()).toBe('Engineering Manager, Observability');
		expect($('meta[name="robots"]').attr('content')).toBe('noindex');
		expect($('script[type="application/ld+json"]')).toHaveLength(0);
		expect($('a').filter((_, link) => /apply/i.test($(link).text()))).toHaveLength(0);
		expect($('[data-pagefind-body]')).toHaveLength(0);
		expect($('article > p').eq(1).text()).toBe('This role at Cloudflare is no longer open: applications closed on November 30, 2026.');
		expect($('article > p').eq(1).find('time').attr('datetime')).toBe('2026-11-30');
		expect($('#similar').next('ul').find('a').toArray().map((link) => link.attribs.href)).toEqual(['/jobs/engineering-manager-workers-runtime/']);
	});

	it('leaves the listings, the feed, the sitemap, search and the API', () => {
		const home = page('');
		expect(home('#result-count').text()).toBe('2 open roles');
		expect(home('[data-role] h2 a').toArray().map((link) => link.attribs.href).sort()).toEqual(OPEN.map((slug) => `/jobs/${slug}/`));
		// Its team had no other role: no listing page is left for it.
		expect(existsSync(join(dist, 'teams/observability'))).toBe(false);
		expect([...read('feed.xml').matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((match) => match[1]).sort()).toEqual(OPEN.map((slug) => `${SITE}/jobs/${slug}/`));
		expect([...read('sitemap.xml').matchAll(/<loc>([^<]+\/jobs\/[^<]+)<\/loc>/g)].map((match) => match[1])).toEqual(OPEN.map((slug) => `${SITE}/jobs/${slug}/`));
		const list = JSON.parse(read('api/postings.json')) as { postings: Array<{ slug: string; validThrough: string | null }> };
		expect(list.postings.map((posting) => [posting.slug, posting.validThrough])).toEqual([
			['engineering-manager-workers-runtime', '2026-12-31'],
			['systems-engineer-global-scheduling', '2026-12-04'],
		]);
		expect(existsSync(join(dist, `api/postings/${EXPIRED}.json`))).toBe(false);
		const entry = JSON.parse(read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
		expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(2);
	});

	it('is closed in the manifest previews compare with', () => {
		const manifest = JSON.parse(read('api/manifest.json')) as { roles: Array<{ slug: string; status: string }> };
		expect(manifest.roles.map((role) => [role.slug, role.status])).toEqual([
			[OPEN[0], 'open'],
			[EXPIRED, 'closed'],
			[OPEN[1], 'open'],
		]);
	});

	it('passes the HTML validator on every page', async () => {
		expect(await invalid(dist)).toEqual({});
	});

	it('leaves the open roles as they were, their last day shown and marked up', () => {
		const $ = page('jobs/systems-engineer-global-scheduling');
		expect($('dt:contains("Apply by") + dd time').attr('datetime')).toBe('2026-12-04');
		expect((JSON.parse($('script[type="application/ld+json"]').text()) as { validThrough: string }).validThrough).toBe('2026-12-04');
	});
});

describe('a role closed longer than the site keeps closed roles (`closedRoleDays`)', () => {
	let result: BuildResult;
	const dist = join(work, 'retired', 'dist');
	const read = (path: string) => readFileSync(join(dist, path), 'utf8');

	beforeAll(() => {
		// Applications closed at the start of 1 December; one day later, at the build time, it leaves the site.
		const settings = join(work, 'retired-site.yaml');
		writeFileSync(settings, `${readFileSync(join(ROOT, 'tests/fixtures/site.yaml'), 'utf8')}\nclosedRoleDays: 1\n`);
		result = build('retired', { PREVIEW: 'false', SITE_CONFIG: settings });
	});

	it('builds', () => {
		expect(result.status, result.output).toBe(0);
	});

	it('leaves the site as a deleted file does: no page, not in the manifest, the open roles as they were', () => {
		expect(existsSync(join(dist, `jobs/${EXPIRED}`))).toBe(false);
		expect((JSON.parse(read('api/manifest.json')) as { roles: Array<{ slug: string }> }).roles.map((role) => role.slug)).toEqual(OPEN);
		expect(cheerio.load(read('index.html'))('#result-count').text()).toBe('2 open roles');
		expect(OPEN.every((slug) => existsSync(join(dist, `jobs/${slug}/index.html`)))).toBe(true);
	});
});

describe('a role past its validThrough, in a preview', () => {
	let result: BuildResult;
	const dist = join(work, 'preview', 'dist');
	const page = (path: string) => cheerio.load(readFileSync(join(dist, path, 'index.html'), 'utf8'));

	beforeAll(() => {
		result = build('preview', { PREVIEW: 'true', CF_PAGES_BRANCH: 'extend-dates', CF_PAGES_COMMIT_SHA: '0123456789abcdef' });
	});

	it('builds', () => {
		expect(result.status, result.output).toBe(0);
	});

	it('is listed where it was, badged Expired', () => {
		const home = page('');
		expect(home('#result-count').text()).toBe('3 open roles');
		expect(home(`[data-role]:contains("Engineering Manager, Observability")`).text()).toContain('Expired (last day November 30, 2026)');
		expect(page(`jobs/${EXPIRED}`)('h1').text()).toBe('Engineering Manager, ObservabilityExpired (last day November 30, 2026)');
		// Only expired roles are badged.
		expect(home('[data-role]:contains("Expired")')).toHaveLength(1);
	});

	it('passes the HTML validator on every page', async () => {
		expect(await invalid(dist)).toEqual({});
	});

	it('is reported by the review, with the role closing soon', () => {
		const review = page('_preview/review');
		const rows = review('#findings tbody tr')
			.toArray()
			.map((row) => review(row).find('td').toArray().map((cell) => review(cell).text().trim()))
			.filter((row) => row.includes('validThrough'));
		expect(rows.map((row) => [row[0], row[1], row[3]])).toEqual([
			['warning', 'tests/fixtures/expiry/001_expired.html', 'expired'],
			['info', 'tests/fixtures/expiry/002_closing-soon.html', 'closing-soon'],
		]);
	});
});
