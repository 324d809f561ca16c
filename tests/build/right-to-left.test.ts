import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { FIXTURES } from '../unit/helpers.ts';
import { buildSite, type BuildResult } from './build-helpers.ts';

// A Hebrew and an Arabic posting on an English site, beside an English seed:
// their titles, teams and text take their own direction (dir="auto"), the
// English page and row get no dir attribute at all, as before.
const HEBREW = `---
title: מהנדס/ת תוכנה Backend
slug: backend-engineer-tel-aviv
team: תשתיות
locations: ["Tel Aviv, Israel"]
---
<h3>על התפקיד</h3>
<p>אנחנו מחפשים מהנדס/ת תוכנה שיצטרף/תצטרף לצוות התשתיות שלנו בתל אביב.</p>
<ul><li>ניסיון של שלוש שנים לפחות בפיתוח צד שרת.</li><li>היכרות עם Go או Rust.</li></ul>
`;
const ARABIC = `---
title: مهندس برمجيات أول
slug: senior-software-engineer-dubai
locations: ["Dubai, United Arab Emirates"]
---
<h3>عن الوظيفة</h3>
<p>نبحث عن مهندس برمجيات للانضمام إلى فريقنا في دبي.</p>
<ul><li>خبرة لا تقل عن خمس سنوات في تطوير الأنظمة.</li></ul>
`;

let dir: string;
let out: string;
let build: BuildResult;
const page = (path: string) => cheerio.load(readFileSync(join(out, path, 'index.html'), 'utf8'));

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'careers-rtl-'));
	const postings = join(dir, 'postings');
	mkdirSync(postings);
	copyFileSync(join(FIXTURES, 'seeds/000_d1e515e116b35d49.html'), join(postings, '000.html'));
	writeFileSync(join(postings, 'hebrew.html'), HEBREW);
	writeFileSync(join(postings, 'arabic.html'), ARABIC);
	out = join(dir, 'dist');
	build = buildSite(postings, out);
	return () => rmSync(dir, { recursive: true, force: true });
});

describe('postings in right-to-left scripts, in a built site', () => {
	it('builds', () => {
		expect(build.status, build.output).toBe(0);
	});

	it.each([
		['jobs/backend-engineer-tel-aviv', 'מהנדס/ת תוכנה Backend', 'אנחנו מחפשים מהנדס/ת תוכנה'],
		['jobs/senior-software-engineer-dubai', 'مهندس برمجيات أول', 'نبحث عن مهندس برمجيات'],
	])('gives the title and the text of %s their own direction, and isolates the title in English sentences', (path, title, text) => {
		const $ = page(path);
		expect($('h1').attr('dir')).toBe('auto');
		expect($('h1').text()).toBe(title);
		const prose = $('article .prose');
		expect(prose.attr('dir')).toBe('auto');
		expect(prose.text()).toContain(text);
		// "Apply for <title>": the title is isolated, so the sentence keeps its order.
		expect($('article a[rel="noopener noreferrer"] bdi').toArray().map((element) => $(element).text())).toEqual([title, title]);
	});

	it('gives the rows of the home listing and the team listing their direction, and the English row none', () => {
		const $ = page('');
		const link = (slug: string) => $(`.role-row a[href="/jobs/${slug}/"]`);
		expect(link('backend-engineer-tel-aviv').attr('dir')).toBe('auto');
		expect(link('backend-engineer-tel-aviv').closest('.role-row').find('.role-team').attr('dir')).toBe('auto');
		expect(link('senior-software-engineer-dubai').attr('dir')).toBe('auto');
		expect(link('engineering-manager-workers-runtime').attr('dir')).toBeUndefined();
		expect(link('engineering-manager-workers-runtime').closest('.role-row').find('[dir]')).toHaveLength(0);
		// The Hebrew team's own listing, reached from the role page's breadcrumb.
		const team = page('jobs/backend-engineer-tel-aviv')('nav[aria-label="Breadcrumb"] a').last().attr('href')!;
		const listing = page(team.slice(1));
		expect(listing('a[href="/jobs/backend-engineer-tel-aviv/"]').attr('dir')).toBe('auto');
	});

	it('leaves the English role page without a dir attribute', () => {
		expect(page('jobs/engineering-manager-workers-runtime')('[dir]')).toHaveLength(0);
	});
});
