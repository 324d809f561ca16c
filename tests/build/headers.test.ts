import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, LIFECYCLE_DIST, ROOT, walk } from './build-helpers.ts';

interface Rule {
	pattern: string;
	line: number;
	headers: Array<[name: string, value: string]>;
}

/** Parses a `_headers` file as Cloudflare Pages and Netlify read it, failing on any line they would not understand. */
function parseHeaders(text: string): Rule[] {
	const rules: Rule[] = [];
	text.split('\n').forEach((raw, index) => {
		const line = index + 1;
		if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
		if (!/^\s/.test(raw)) {
			expect(raw, `line ${line}: a path pattern`).toMatch(/^\/\S*$/);
			rules.push({ pattern: raw, line, headers: [] });
			return;
		}
		const rule = rules.at(-1);
		expect(rule, `line ${line}: a header before any path`).toBeDefined();
		const match = /^\s+([A-Za-z0-9-]+):\s*(\S.*)$/.exec(raw);
		expect(match, `line ${line}: "Name: value"`).not.toBeNull();
		rule!.headers.push([match![1]!, match![2]!]);
	});
	return rules;
}

/** Cloudflare's matching: `*` takes any run of characters, the rest must match exactly. */
function matches(pattern: string, path: string): boolean {
	const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
	return new RegExp(`^${source}$`).test(path);
}

/** The headers a path gets: every matching rule's, in file order. */
function headersFor(rules: readonly Rule[], path: string): Array<[string, string]> {
	return rules.filter((rule) => matches(rule.pattern, path)).flatMap((rule) => rule.headers);
}

/** URL paths a static host serves for a build: `jobs/x/index.html` answers at `/jobs/x/`. */
function servedPaths(dir: string): string[] {
	return walk(dir)
		.filter((file) => !['_headers', '_redirects'].includes(file))
		.map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
}

const source = readFileSync(join(ROOT, 'public/_headers'), 'utf8');
const rules = parseHeaders(source);
const SECURITY = ['Strict-Transport-Security', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'X-Frame-Options', 'Content-Security-Policy'];

describe('public/_headers', () => {
	it('is copied to the root of the build unchanged', () => {
		expect(readFileSync(join(DIST, '_headers'), 'utf8')).toBe(source);
	});

	it('denies framing both ways and sends the other security headers on every path', () => {
		const all = Object.fromEntries(headersFor(rules, '/any/path/'));
		expect(Object.keys(all)).toEqual(expect.arrayContaining(SECURITY));
		expect(all['X-Frame-Options']).toBe('DENY');
		expect(all['Content-Security-Policy']).toContain("frame-ancestors 'none'");
		expect(all['Strict-Transport-Security']).toMatch(/^max-age=(\d+)/);
		expect(Number(/max-age=(\d+)/.exec(all['Strict-Transport-Security']!)![1])).toBeGreaterThanOrEqual(31536000);
		expect(all['X-Content-Type-Options']).toBe('nosniff');
	});

	for (const [name, dir] of [
		['dist', DIST],
		['the lifecycle build', LIFECYCLE_DIST],
	] as const) {
		it(`gives every file of ${name} exactly one Cache-Control, and each security header once`, () => {
			const paths = servedPaths(dir);
			expect(paths.length).toBeGreaterThan(10);
			for (const path of paths) {
				const headers = headersFor(rules, path);
				const names = headers.map(([header]) => header);
				expect(names.filter((header) => header === 'Cache-Control'), path).toHaveLength(1);
				for (const header of SECURITY) expect(names.filter((other) => other === header), `${path} ${header}`).toHaveLength(1);
			}
		});

		it(`caches hashed assets of ${name} for a year and its pages briefly, revalidating in the background`, () => {
			const cacheOf = (path: string) => Object.fromEntries(headersFor(rules, path))['Cache-Control'];
			for (const path of servedPaths(dir)) {
				const cache = cacheOf(path)!;
				if (path.startsWith('/_astro/')) {
					expect(cache, path).toBe('public, max-age=31536000, immutable');
				} else if (path.endsWith('/') || path.endsWith('.html') || path.endsWith('.xml') || path.endsWith('.json')) {
					expect(cache, path).toMatch(/^public, max-age=(\d+), stale-while-revalidate=\d+$/);
					expect(Number(/max-age=(\d+)/.exec(cache)![1]), path).toBeLessThanOrEqual(600);
				}
			}
		});
	}

	it('lets any origin read the JSON API', () => {
		expect(Object.fromEntries(headersFor(rules, '/api/postings.json'))['Access-Control-Allow-Origin']).toBe('*');
		expect(Object.fromEntries(headersFor(rules, '/jobs/x/'))['Access-Control-Allow-Origin']).toBeUndefined();
	});
});
