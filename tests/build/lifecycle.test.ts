import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_DIST, walk } from './build-helpers.ts';

// The lifecycle fixture: 001 closed (was runtime-engineer-cpp), 004 renamed from tunnel-engineer, 005 a draft.
const CLOSED = 'senior-systems-engineer-workers-runtime-cpp';
const page = (path: string) => cheerio.load(readFileSync(join(LIFECYCLE_DIST, path, 'index.html'), 'utf8'));

describe('a closed role', () => {
	const $ = page(`jobs/${CLOSED}`);

	it('keeps its page, out of search engines, without JobPosting markup or an Apply link', () => {
		expect($('h1').text()).toBe('Senior Systems Engineer, Workers Runtime (C++)');
		expect($('meta[name="robots"]').attr('content')).toBe('noindex');
		expect($('link[rel="canonical"]')).toHaveLength(0);
		expect($('script[type="application/ld+json"]')).toHaveLength(0);
		expect($('a').filter((_, link) => /apply/i.test($(link).text()))).toHaveLength(0);
		expect($('[data-pagefind-body]')).toHaveLength(0);
	});

	it('suggests the open role of its team', () => {
		expect($('#similar').next('ul').find('a').toArray().map((link) => $(link).attr('href'))).toEqual(['/jobs/engineering-manager-workers-runtime/']);
	});

	it('is on no listing', () => {
		for (const listing of ['', 'teams/workers-runtime', 'teams/emerging-technologies-incubation-eti']) {
			const path = join(LIFECYCLE_DIST, listing, 'index.html');
			if (existsSync(path)) expect(readFileSync(path, 'utf8'), listing || '/').not.toContain(`/jobs/${CLOSED}/`);
		}
		// Its department had no other role, so it has no listing page any more.
		expect(existsSync(join(LIFECYCLE_DIST, 'teams/emerging-technologies-incubation-eti'))).toBe(false);
	});
});

describe('a renamed role', () => {
	it('answers at its former URL with a meta refresh to the current one, out of search engines', () => {
		const $ = page('jobs/tunnel-engineer');
		expect($('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/jobs/software-engineer-cloudflare-tunnel/');
		expect($('meta[name="robots"]').attr('content')).toBe('noindex');
		expect($('main a').attr('href')).toBe('/jobs/software-engineer-cloudflare-tunnel/');
		expect($('script[type="application/ld+json"]')).toHaveLength(0);
	});

	it('gets 301s in _redirects, with and without the trailing slash', () => {
		expect(readFileSync(join(LIFECYCLE_DIST, '_redirects'), 'utf8').split('\n').filter((line) => line && !line.startsWith('#'))).toEqual([
			'/jobs/runtime-engineer-cpp/ /jobs/senior-systems-engineer-workers-runtime-cpp/ 301',
			'/jobs/runtime-engineer-cpp /jobs/senior-systems-engineer-workers-runtime-cpp/ 301',
			'/jobs/tunnel-engineer/ /jobs/software-engineer-cloudflare-tunnel/ 301',
			'/jobs/tunnel-engineer /jobs/software-engineer-cloudflare-tunnel/ 301',
		]);
	});

	it('leads every redirect to a page the build has', () => {
		const lines = readFileSync(join(LIFECYCLE_DIST, '_redirects'), 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
		for (const line of lines) {
			const [, to] = line.split(' ');
			expect(existsSync(join(LIFECYCLE_DIST, to!, 'index.html')), line).toBe(true);
		}
	});
});

describe('a draft and a role scheduled for later', () => {
	it('leave no trace in any file of a production build, search index included', () => {
		expect(existsSync(join(LIFECYCLE_DIST, 'jobs/draft-role-nobody-should-see'))).toBe(false);
		expect(existsSync(join(LIFECYCLE_DIST, 'jobs/scheduled-role-for-next-year'))).toBe(false);
		const files = walk(LIFECYCLE_DIST);
		expect(files.some((file) => file.startsWith('pagefind/'))).toBe(true);
		for (const file of files) {
			// Every file as bytes. The search index is compressed, so its page count is checked below instead.
			const text = readFileSync(join(LIFECYCLE_DIST, file), 'latin1');
			for (const unique of ['Draft Role Nobody Should See', 'draft-role-nobody-should-see', 'Scheduled Role For Next Year', 'scheduled-role-for-next-year', 'goes live later']) {
				expect(text.includes(unique), `${file} contains "${unique}"`).toBe(false);
			}
		}
		// The four open roles, nothing else: the draft and the scheduled role are not searchable.
		const entry = JSON.parse(readFileSync(join(LIFECYCLE_DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
		expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(4);
	});
});

describe('an open role with dates given', () => {
	it('shows when it was posted and the last day to apply', () => {
		const $ = page('jobs/engineering-manager-workers-runtime');
		expect($('dt:contains("Posted") + dd time').attr('datetime')).toBe('2026-09-14');
		expect($('dt:contains("Posted") + dd').text()).toBe('September 14, 2026');
		expect($('dt:contains("Apply by") + dd time').attr('datetime')).toBe('2099-12-31');
		expect($('dt:contains("Apply by") + dd').text()).toBe('December 31, 2099');
	});
});
