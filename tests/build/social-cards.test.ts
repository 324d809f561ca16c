import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { roleCardInput } from '../../src/social/card-input.ts';
import { renderCard } from '../../src/social/render.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { site } from '../unit/helpers.ts';
import { buildSite, DIST, LIFECYCLE_DIST, pages, ROOT, type BuildResult } from './build-helpers.ts';

/**
 * Social cards in the sites npm test builds (dist/ from content/, and the
 * lifecycle fixture; run `npm test`, or both builds, before this file on its
 * own), and in two small builds of the seeds made here.
 */

/** Width and height of a PNG file, after checking its signature. */
function pngSize(file: string): { width: number; height: number } {
	const png = readFileSync(file);
	expect(png.subarray(0, 8).toString('hex'), file).toBe('89504e470d0a1a0a');
	expect(png.subarray(12, 16).toString('latin1'), file).toBe('IHDR');
	return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Slugs of the role pages that are open roles: closed and moved pages are kept out of search (noindex). */
function openRolePages(dir: string): string[] {
	return pages(dir)
		.filter((page) => /^jobs\/[^/]+\/index\.html$/.test(page.path))
		.filter((page) => cheerio.load(page.html)('meta[name="robots"][content~="noindex"]').length === 0)
		.map((page) => page.path.split('/')[1]!);
}

const cards = (dir: string) => (existsSync(join(dir, 'og/jobs')) ? readdirSync(join(dir, 'og/jobs')).sort() : []);

for (const [name, dir] of [
	['dist/', DIST],
	['the lifecycle build', LIFECYCLE_DIST],
] as const) {
	describe(`social cards in ${name}`, () => {
		beforeAll(() => {
			if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} is missing: run npm test (it builds both sites)`);
		});

		it('has a 1200×630 PNG card for every open role page, and none other', () => {
			const open = openRolePages(dir);
			expect(open.length).toBeGreaterThan(0);
			for (const slug of open) expect(pngSize(join(dir, 'og/jobs', `${slug}.png`))).toEqual({ width: 1200, height: 630 });
			expect(cards(dir)).toEqual(open.map((slug) => `${slug}.png`).sort());
		});

		it('has the site card', () => {
			expect(pngSize(join(dir, 'og/site.png'))).toEqual({ width: 1200, height: 630 });
		});

		it('points every og:image and twitter:image at a card that exists in the build', () => {
			for (const page of pages(dir)) {
				const $ = cheerio.load(page.html);
				const images = [$('meta[property="og:image"]').attr('content'), $('meta[name="twitter:image"]').attr('content')];
				for (const image of images) {
					expect(image, page.path).toMatch(/^https:\/\/careers\.example\.com\/og\/.+\.png$/);
					const file = join(dir, decodeURIComponent(new URL(image!).pathname));
					expect(existsSync(file), `${page.path}: ${image}`).toBe(true);
				}
			}
		});
	});
}

describe('cards of roles in their later states (lifecycle build)', () => {
	it('draws the four open roles, not the closed one, the draft or a former slug', () => {
		expect(cards(LIFECYCLE_DIST)).toEqual([
			'engineering-manager-observability.png',
			'engineering-manager-workers-runtime.png',
			'software-engineer-cloudflare-tunnel.png',
			'systems-engineer-global-scheduling.png',
		]);
		expect(existsSync(join(LIFECYCLE_DIST, 'og/jobs/senior-systems-engineer-workers-runtime-cpp.png'))).toBe(false);
	});

	it('gives the closed role’s page the site card', () => {
		const html = readFileSync(join(LIFECYCLE_DIST, 'jobs/senior-systems-engineer-workers-runtime-cpp/index.html'), 'utf8');
		expect(cheerio.load(html)('meta[property="og:image"]').attr('content')).toBe('https://careers.example.com/og/site.png');
	});

	it('gives an open role’s page its own card', () => {
		const html = readFileSync(join(LIFECYCLE_DIST, 'jobs/software-engineer-cloudflare-tunnel/index.html'), 'utf8');
		expect(cheerio.load(html)('meta[property="og:image"]').attr('content')).toBe('https://careers.example.com/og/jobs/software-engineer-cloudflare-tunnel.png');
	});
});

/** The og:image and twitter:image URLs and the og:image alt text of every page. */
function pageImages(dir: string): Array<{ path: string; og: string | undefined; twitter: string | undefined; alt: string | undefined }> {
	return pages(dir).map((page) => {
		const $ = cheerio.load(page.html);
		return {
			path: page.path,
			og: $('meta[property="og:image"]').attr('content'),
			twitter: $('meta[name="twitter:image"]').attr('content'),
			alt: $('meta[property="og:image:alt"]').attr('content'),
		};
	});
}

describe('a build with a cold card cache: cards drawn ahead in threads', () => {
	const work = mkdtempSync(join(tmpdir(), 'careers-cards-'));
	const postings = join(work, 'postings');
	const out = join(work, 'dist');
	/** The folder: seeds 000–002 (no front matter of their own) under 20 titles, enough to start the threads. */
	const files = Array.from({ length: 20 }, (_, index) => {
		const seedFile = readdirSync(join(ROOT, 'tests/fixtures/seeds')).sort()[index % 3]!;
		const html = readFileSync(join(ROOT, 'tests/fixtures/seeds', seedFile), 'utf8');
		return { file: `card-${index}.html`, source: `---\ntitle: "Site Reliability Engineer ${index + 1}"\n---\n${html}` };
	});
	// The card cache (buildSite's cache folder) holds only the card of a role gone a month: no build uses it now.
	const cardCache = join(work, '.astro-cache', 'social-cards');
	const goneRoleCard = join(cardCache, `${'0'.repeat(64)}.png`);
	let result: BuildResult;
	beforeAll(() => {
		mkdirSync(postings);
		for (const { file, source } of files) writeFileSync(join(postings, file), source);
		mkdirSync(cardCache, { recursive: true });
		writeFileSync(goneRoleCard, 'a card of a role gone a month');
		const monthAgo = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
		utimesSync(goneRoleCard, monthAgo, monthAgo);
		result = buildSite(postings, out, { SITE_CONFIG: join(ROOT, 'tests/fixtures/site.yaml') });
	});
	afterAll(() => rmSync(work, { recursive: true, force: true }));

	it('builds, draws all 20 cards ahead, and exits', () => {
		expect(result.status, result.output).toBe(0);
		expect(result.output).toMatch(/social cards: drew 20 of 20 role cards ahead in /);
		expect(result.output).not.toMatch(/card threads cannot start/);
	});

	it('removes the cached card no build has used for two weeks, and keeps the ones it drew', () => {
		expect(existsSync(goneRoleCard)).toBe(false);
		// The 20 role cards and the site card.
		expect(readdirSync(cardCache)).toHaveLength(21);
		expect(result.output).toMatch(/\[careers-card-cache\] removed 1 cached social cards no build has used for 14 days; 21 kept/);
	});

	it('writes each role the PNG the renderer draws in one thread, byte for byte', async () => {
		const open = normalizePostings(files, site).postings;
		expect(open.map((posting) => posting.status)).toEqual(Array(20).fill('open'));
		expect(cards(out)).toEqual(open.map((posting) => `${posting.slug}.png`).sort());
		for (const posting of open) {
			const here = Buffer.from(await renderCard(roleCardInput(posting, site)));
			expect(readFileSync(join(out, 'og/jobs', `${posting.slug}.png`)).equals(here), posting.slug).toBe(true);
		}
	});
});

describe('socialCards: site, perRoleJson unset (the seeds, the fewest files)', () => {
	const work = mkdtempSync(join(tmpdir(), 'careers-site-card-'));
	const out = join(work, 'dist');
	let result: BuildResult;
	beforeAll(() => {
		const settings = `${readFileSync(join(ROOT, 'tests/fixtures/site.yaml'), 'utf8')}socialCards: site\n`;
		writeFileSync(join(work, 'site.yaml'), settings);
		result = buildSite(join(ROOT, 'tests/fixtures/seeds'), out, { SITE_CONFIG: join(work, 'site.yaml') });
	});
	afterAll(() => rmSync(work, { recursive: true, force: true }));

	it('builds no per-role card, only the site card', () => {
		expect(result.status, result.output).toBe(0);
		expect(existsSync(join(out, 'og/jobs'))).toBe(false);
		expect(readdirSync(join(out, 'og'))).toEqual(['site.png']);
		expect(pngSize(join(out, 'og/site.png'))).toEqual({ width: 1200, height: 630 });
		expect(result.output).not.toMatch(/social cards: drew/);
	});

	it('publishes no JSON file per role, and the list links none', () => {
		expect(existsSync(join(out, 'api/postings'))).toBe(false);
		const list = JSON.parse(readFileSync(join(out, 'api/postings.json'), 'utf8')) as { postings: Array<{ slug: string; apiUrl: string | null }> };
		expect(list.postings.map((posting) => posting.apiUrl)).toEqual([null, null, null, null, null]);
	});

	it('counts its output against the host limits, with nothing to warn about', () => {
		expect(result.output).toMatch(/\[careers-host-limits\] \d+ files; largest \S+ \(\d+ KB\)/);
		expect(result.output).not.toMatch(/Cloudflare Pages/);
	});

	it('points every page’s og:image and twitter:image at the site card, role pages included', () => {
		const images = pageImages(out);
		expect(images.filter((image) => /^jobs\/[^/]+\/index\.html$/.test(image.path))).toHaveLength(5);
		for (const image of images) {
			expect(image, image.path).toEqual({
				path: image.path,
				og: 'https://careers.example.com/og/site.png',
				twitter: 'https://careers.example.com/og/site.png',
				alt: 'Careers at Cloudflare',
			});
		}
	});
});
