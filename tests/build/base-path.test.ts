import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, pages, ROOT, walk, type BuildResult } from './build-helpers.ts';

// A project site on GitHub Pages: https://acme.github.io/careers/. The files stay at
// the root of dist/ (the host adds the path); every link must carry /careers/.
const SITE = 'https://acme.github.io/careers/';
const BASE = '/careers/';

describe('a site deployed under a base path', () => {
	const work = mkdtempSync(join(tmpdir(), 'careers-base-'));
	const out = join(work, 'dist');
	let result: BuildResult;

	beforeAll(() => {
		// perRoleJson: the role files' URLs must carry the base path too.
		const settings = `${readFileSync(join(ROOT, 'tests/fixtures/site.yaml'), 'utf8').replace(/^siteUrl: .*$/m, `siteUrl: ${SITE}`)}perRoleJson: true\n`;
		writeFileSync(join(work, 'site.yaml'), settings);
		result = buildSite(join(ROOT, 'tests/fixtures/lifecycle'), out, { SITE_CONFIG: join(work, 'site.yaml') });
	});

	it('builds', () => {
		expect(result.status, result.output).toBe(0);
	});

	it('puts the base path in front of every link, and every link leads to a built file', () => {
		const files = new Set(walk(out));
		for (const page of pages(out)) {
			const $ = cheerio.load(page.html);
			for (const element of $('a[href], link[href], script[src], img[src]').toArray()) {
				const url = element.attribs.href ?? element.attribs.src!;
				if (/^(https?:|mailto:|tel:)/.test(url) && !url.startsWith(SITE)) continue;
				const path = new URL(url, `${SITE}${page.path}`).pathname;
				expect(path.startsWith(BASE), `${page.path} links to ${url}`).toBe(true);
				const file = path.slice(BASE.length);
				const target = file === '' || file.endsWith('/') ? `${file}index.html` : file;
				expect(files.has(target), `${page.path} links to ${url}`).toBe(true);
			}
		}
	});

	it('makes canonical, social card, feed, sitemap and API URLs absolute under the base path', () => {
		const $ = cheerio.load(readFileSync(join(out, 'jobs/software-engineer-cloudflare-tunnel/index.html'), 'utf8'));
		expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE}jobs/software-engineer-cloudflare-tunnel/`);
		expect($('meta[property="og:image"]').attr('content')).toBe(`${SITE}og/jobs/software-engineer-cloudflare-tunnel.png`);
		expect(JSON.parse($('script[type="application/ld+json"]').text()).url).toBe(`${SITE}jobs/software-engineer-cloudflare-tunnel/`);
		const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
		const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
		expect(locs.length).toBeGreaterThan(5);
		for (const loc of locs) expect(loc.startsWith(SITE), loc).toBe(true);
		expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}sitemap.xml`);
		expect(readFileSync(join(out, 'feed.xml'), 'utf8')).toContain(`<link>${SITE}jobs/software-engineer-cloudflare-tunnel/</link>`);
		const list = JSON.parse(readFileSync(join(out, 'api/postings.json'), 'utf8')) as { postings: Array<{ url: string; apiUrl: string }> };
		for (const posting of list.postings) {
			expect(posting.url.startsWith(`${SITE}jobs/`)).toBe(true);
			expect(posting.apiUrl.startsWith(`${SITE}api/postings/`)).toBe(true);
		}
	});

	it('moves old URLs under the base path too', () => {
		const $ = cheerio.load(readFileSync(join(out, 'jobs/tunnel-engineer/index.html'), 'utf8'));
		expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${BASE}jobs/software-engineer-cloudflare-tunnel/`);
		expect(readFileSync(join(out, '_redirects'), 'utf8')).toContain(`${BASE}jobs/tunnel-engineer/ ${BASE}jobs/software-engineer-cloudflare-tunnel/ 301`);
	});
});
