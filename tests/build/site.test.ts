import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { DIST, pages, walk } from './build-helpers.ts';

/**
 * Checks on the site built from `content/` (npm test builds it first).
 * Run `npm run build` before running this file on its own.
 */
let built: ReturnType<typeof pages>;

beforeAll(() => {
	if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
	built = pages(DIST);
});

describe('the built site', () => {
	it('has a page per open role, and the listing links each of them once', () => {
		const roles = built.filter((page) => /^jobs\/[^/]+\/index\.html$/.test(page.path)).map((page) => page.path.split('/')[1]);
		expect(roles).toEqual([
			'engineering-manager-observability',
			'engineering-manager-workers-runtime',
			'senior-systems-engineer-workers-runtime-cpp',
			'software-engineer-cloudflare-tunnel',
			'systems-engineer-global-scheduling',
		]);
		const $ = cheerio.load(readFileSync(join(DIST, 'index.html'), 'utf8'));
		const listed = $('[data-role] h2 a').toArray().map((a) => a.attribs.href);
		expect(listed.sort()).toEqual(roles.map((slug) => `/jobs/${slug}/`));
	});

	it('has listing pages for every location and team', () => {
		const listings = built.map((page) => page.path).filter((path) => /^(locations|teams)\//.test(path));
		expect(listings).toEqual(
			expect.arrayContaining([
				'locations/austin-texas/index.html',
				'locations/lisbon-portugal/index.html',
				'locations/london-united-kingdom/index.html',
				'locations/portugal/index.html',
				'locations/remote/index.html',
				'teams/workers-runtime/index.html',
				'teams/observability/index.html',
				'teams/emerging-technologies-incubation-eti/index.html',
			]),
		);
	});

	it('keeps the place listings the site always had, and adds a page per remote scope', () => {
		const places = built.map((page) => page.path).filter((path) => /^locations\/[^/]+\/index\.html$/.test(path));
		expect(places.map((path) => path.split('/')[1]).sort()).toEqual([
			'amsterdam-netherlands',
			'austin-texas',
			'germany',
			'lisbon-portugal',
			'london-united-kingdom',
			'munich-germany',
			'netherlands',
			'portugal',
			'remote',
			'remote-germany',
			'remote-netherlands',
			'remote-portugal',
			'remote-united-kingdom',
			'united-kingdom',
			'united-states',
		]);
	});

	it('links each place page down to its cities or scopes and up to its country, without JavaScript', () => {
		const page = (path: string) => cheerio.load(readFileSync(join(DIST, path), 'utf8'));
		const links = ($: cheerio.CheerioAPI, selector: string) =>
			$(selector)
				.toArray()
				.map((a) => `${$(a).parent().text().replace(/\s+/g, ' ').trim()} -> ${$(a).attr('href')}`);
		const portugal = page('locations/portugal/index.html');
		expect(portugal('[data-listing-below] h2').text()).toBe('Cities in Portugal');
		expect(links(portugal, '[data-listing-below] a')).toEqual(['Lisbon, Portugal (2) -> /locations/lisbon-portugal/']);
		expect(links(portugal, '[data-listing-remote] a')).toEqual(['Remote roles from Portugal (1) -> /locations/remote-portugal/']);
		const lisbon = page('locations/lisbon-portugal/index.html');
		expect(links(lisbon, 'nav[aria-label="Breadcrumb"] a')).toEqual(['All open roles -> /', 'Portugal -> /locations/portugal/']);
		expect(lisbon('[data-listing-below]').length).toBe(0);
		const remote = page('locations/remote/index.html');
		expect(links(remote, '[data-listing-below] a')).toEqual([
			'Remote, Germany (1) -> /locations/remote-germany/',
			'Remote, Netherlands (1) -> /locations/remote-netherlands/',
			'Remote, Portugal (1) -> /locations/remote-portugal/',
			'Remote, United Kingdom (1) -> /locations/remote-united-kingdom/',
		]);
		const scope = page('locations/remote-portugal/index.html');
		expect(scope('h1').text()).toBe('Remote roles from Portugal');
		expect(scope('[data-role] h3 a').toArray().map((a) => a.attribs.href)).toEqual(['/jobs/engineering-manager-observability/']);
		const department = page('teams/production-engineering/index.html');
		expect(links(department, '[data-listing-below] a')).toEqual(['Observability (1) -> /teams/observability/']);
		expect(links(page('teams/observability/index.html'), 'nav[aria-label="Breadcrumb"] a')).toEqual([
			'All open roles -> /',
			'Production Engineering -> /teams/production-engineering/',
		]);
	});

	it('offers the location filters as a tree: Remote above its scopes, each country above its cities', () => {
		const $ = cheerio.load(readFileSync(join(DIST, 'index.html'), 'utf8'));
		// Each value with the values it holds, indented by depth.
		const chips = $('#filters a[data-filter="location"]')
			.toArray()
			.map((a) => `${'  '.repeat($(a).parents('ul').length - 1)}${a.attribs['data-value']}: ${$(a).text().trim()}`);
		expect(chips).toEqual([
			': All locations',
			'remote: Remote (1)',
			'  remote-germany: Remote, Germany (1)',
			'  remote-netherlands: Remote, Netherlands (1)',
			'  remote-portugal: Remote, Portugal (1)',
			'  remote-united-kingdom: Remote, United Kingdom (1)',
			'germany: Germany (1)',
			'  munich-germany: Munich, Germany (1)',
			'netherlands: Netherlands (1)',
			'  amsterdam-netherlands: Amsterdam, Netherlands (1)',
			'portugal: Portugal (2)',
			'  lisbon-portugal: Lisbon, Portugal (2)',
			'united-kingdom: United Kingdom (2)',
			'  london-united-kingdom: London, United Kingdom (2)',
			'united-states: United States (1)',
			'  austin-texas: Austin, Texas (1)',
		]);
	});

	it('never shows the stale spreadsheet values, anywhere', () => {
		for (const file of walk(DIST)) {
			const text = readFileSync(join(DIST, file), 'utf8');
			expect(text, file).not.toMatch(/137,?000|167,?000/);
			expect(text, file).not.toContain('data-sheets');
		}
	});

	it('shows the pay ranges of the scheduling role', () => {
		const html = readFileSync(join(DIST, 'jobs/systems-engineer-global-scheduling/index.html'), 'utf8');
		const $ = cheerio.load(html);
		const pay = $('dt:contains("Pay") + dd li').toArray().map((li) => $(li).text().replace(/\s+/g, ' ').trim());
		expect(pay).toEqual(['Colorado: $168,000 – $206,000 per year', 'New York City: $187,000 – $229,000 per year']);
	});

	it('ships no JavaScript on role pages (JSON-LD is data, not code)', () => {
		for (const page of built.filter((candidate) => candidate.path.startsWith('jobs/'))) {
			expect(cheerio.load(page.html)('script:not([type="application/ld+json"])').length, page.path).toBe(0);
		}
	});

	it('gives every role page an Apply link and the company text collapsed', () => {
		for (const page of built.filter((candidate) => candidate.path.startsWith('jobs/'))) {
			const $ = cheerio.load(page.html);
			expect($('a:contains("Apply for")').first().attr('href'), page.path).toBe('https://www.cloudflare.com/careers/jobs/');
			expect($('#company details:not([open])').text(), page.path).toContain('equal opportunity employer');
		}
	});

	it('passes the HTML validator on every page', async () => {
		const validator = new HtmlValidate(new FileSystemConfigLoader());
		for (const page of built) {
			const report = await validator.validateString(page.html, join(DIST, page.path));
			const messages = report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message} (line ${message.line})`));
			expect(messages, page.path).toEqual([]);
		}
	});

	it('has no broken internal link', () => {
		const files = new Set(walk(DIST));
		for (const page of built) {
			const $ = cheerio.load(page.html);
			for (const element of $('a[href], link[href], script[src]').toArray()) {
				const url = element.attribs.href ?? element.attribs.src!;
				if (/^(https?:|mailto:|tel:)/.test(url) && !url.startsWith('https://careers.example.com/')) continue;
				const path = new URL(url, `https://careers.example.com/${page.path}`).pathname;
				const target = path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
				expect(files.has(target) || files.has(`${target}/index.html`), `${page.path} links to ${url}`).toBe(true);
				const hash = new URL(url, 'https://x/').hash.slice(1);
				if (hash && files.has(target)) {
					const targetHtml = readFileSync(join(DIST, target), 'utf8');
					expect(cheerio.load(targetHtml)(`[id="${hash}"]`).length, `${page.path} links to missing #${hash}`).toBe(1);
				}
			}
		}
	});

	it('gives every page a unique title, a description and a language', () => {
		const titles = new Set<string>();
		for (const page of built) {
			const $ = cheerio.load(page.html);
			expect($('html').attr('lang'), page.path).toBe('en');
			expect($('meta[name="description"]').attr('content')?.length, page.path).toBeGreaterThan(20);
			const title = $('title').text();
			expect(titles.has(title), `${page.path}: duplicate title ${title}`).toBe(false);
			titles.add(title);
		}
	});
});

describe('the search index npm run build writes after Astro has exited', () => {
	it('indexes each open role page once, under its URL, without Pagefind\'s unused UI files', () => {
		const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
		expect(entry.languages.en?.page_count).toBe(5);
		// Fragments are gzip'd JSON after a `pagefind_dcd` signature; grouped, one file holds several pages.
		const urls = readdirSync(join(DIST, 'pagefind/fragment'))
			.flatMap((name) => {
				const text = gunzipSync(readFileSync(join(DIST, 'pagefind/fragment', name))).toString('utf8');
				const json = JSON.parse(text.slice(text.indexOf('{'))) as Record<string, { url: string }> | { url: string };
				return 'url' in json ? [json.url] : Object.values(json).map((fragment) => fragment.url);
			})
			.sort();
		expect(urls).toEqual([
			'/jobs/engineering-manager-observability/',
			'/jobs/engineering-manager-workers-runtime/',
			'/jobs/senior-systems-engineer-workers-runtime-cpp/',
			'/jobs/software-engineer-cloudflare-tunnel/',
			'/jobs/systems-engineer-global-scheduling/',
		]);
		expect(readdirSync(join(DIST, 'pagefind')).filter((name) => /^pagefind-(?:component-ui|modular-ui|ui|highlight)\./.test(name))).toEqual([]);
	});
});
