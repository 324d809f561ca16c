import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { FIXTURES } from '../unit/helpers.ts';
import { buildSite, type BuildResult } from './build-helpers.ts';

// The two real cases of words glued together by emptied inline elements, built
// into a site: the role page, its JSON API document, its JSON-LD and the search
// index must all read "Engineer with", not "Engineerwith".
const POSTING = `---
title: Trading Systems Engineer
slug: trading-systems-engineer
locations: ["London, United Kingdom"]
---
<p>We are looking for a Rust OR C++ Engineer<strong> </strong>with extensive (HFT) Trading Systems experience.</p>
<p><em>Please take a moment to review our</em><a href="https://example.com/prospect"><em> </em><em>Prospect</em></a><em> and</em><a href="https://example.com/applicant"><em> </em><em>Applicant</em></a><em> Privacy Policies.</em></p>
`;

const FIRST = 'C++ Engineer with extensive (HFT) Trading Systems experience';
const SECOND = 'review our Prospect and Applicant Privacy Policies';

let dir: string;
let out: string;
let build: BuildResult;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'careers-whitespace-'));
	const postings = join(dir, 'postings');
	mkdirSync(postings);
	copyFileSync(join(FIXTURES, 'seeds/000_d1e515e116b35d49.html'), join(postings, '000.html'));
	writeFileSync(join(postings, 'trading.html'), POSTING);
	out = join(dir, 'dist');
	build = buildSite(postings, out);
	return () => rmSync(dir, { recursive: true, force: true });
});

describe('words around emptied inline elements, in a built site', () => {
	it('builds', () => {
		expect(build.output).not.toMatch(/error/i);
		expect(build.status).toBe(0);
	});

	it('reads right on the role page and in its JSON-LD', () => {
		const $ = cheerio.load(readFileSync(join(out, 'jobs/trading-systems-engineer/index.html'), 'utf8'));
		const text = $('main').text().replace(/\s+/g, ' ');
		expect(text).toContain(FIRST);
		expect(text).toContain(SECOND);
		const ld = JSON.parse($('script[type="application/ld+json"]').text()) as { description: string };
		expect(ld.description.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')).toContain(FIRST);
	});

	it('reads right in the JSON API', () => {
		const api = readFileSync(join(out, 'api/postings/trading-systems-engineer.json'), 'utf8');
		expect(api.replace(/<[^>]+>/g, '')).toContain(FIRST);
	});

	it('reads right in the search index', () => {
		const fragments = readdirSync(join(out, 'pagefind/fragment')).map((name) =>
			gunzipSync(readFileSync(join(out, 'pagefind/fragment', name))).toString('utf8'),
		);
		const role = fragments.find((fragment) => fragment.includes('Trading Systems Engineer'));
		expect(role).toBeDefined();
		expect(role).toContain(FIRST);
		expect(role).toContain(SECOND);
		expect(role).not.toContain('Engineerwith');
	});
});
