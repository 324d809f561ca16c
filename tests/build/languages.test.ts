import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { FIXTURES } from '../unit/helpers.ts';
import { buildFromFiles, type BuildResult } from './build-helpers.ts';

// A Hebrew, an Arabic and a German posting on an English site, beside an
// English seed: their titles, teams and text take their own direction
// (dir="auto") and say their language (lang, detected from the text); the
// English page and row get neither attribute, as before.
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
<ul><li>خبرة لا تقل عن خمس سنوات في تطوير الأنظمة.</li><li>إتقان اللغتين العربية والإنجليزية.</li><li>القدرة على العمل ضمن فريق متعدد الثقافات.</li></ul>
`;

const GERMAN = `---
title: Softwareentwickler (m/w/d) Backend
slug: softwareentwickler-backend-berlin
locations: ["Berlin, Germany"]
---
<div class="content-intro"><p>Über uns: Wir sind ein Softwareunternehmen aus Berlin und bauen seit zehn Jahren Werkzeuge, mit denen kleine Betriebe ihre Buchhaltung selbst erledigen können.</p></div>
<h3>Deine Aufgaben</h3>
<p>Wir suchen eine erfahrene Entwicklerin oder einen erfahrenen Entwickler, die unser Team in Berlin beim Aufbau unserer Plattform unterstützen.</p>
<ul><li>Du entwickelst und betreibst Dienste, die täglich von Millionen Menschen genutzt werden.</li><li>Du arbeitest eng mit unseren Produktteams zusammen.</li></ul>
<div class="content-conclusion"><p>Wir freuen uns auf dich!</p></div>
`;

let out: string;
let build: BuildResult;
const page = (path: string) => cheerio.load(readFileSync(join(out, path, 'index.html'), 'utf8'));

beforeAll(() => {
	const seed = readFileSync(join(FIXTURES, 'seeds/000_d1e515e116b35d49.html'), 'utf8');
	const made = buildFromFiles('careers-rtl-', { '000.html': seed, 'hebrew.html': HEBREW, 'arabic.html': ARABIC, 'german.html': GERMAN });
	({ build, out } = made);
	return made.remove;
});

describe('postings in other languages and right-to-left scripts, in a built site', () => {
	it('builds', () => {
		expect(build.status, build.output).toBe(0);
	});

	it.each([
		['jobs/backend-engineer-tel-aviv', 'מהנדס/ת תוכנה Backend', 'אנחנו מחפשים מהנדס/ת תוכנה', 'he'],
		['jobs/senior-software-engineer-dubai', 'مهندس برمجيات أول', 'نبحث عن مهندس برمجيات', 'ar'],
	])('gives the title and the text of %s their own direction and language, and isolates the title in English sentences', (path, title, text, lang) => {
		const $ = page(path);
		expect($('h1').attr('dir')).toBe('auto');
		expect($('h1').attr('lang')).toBe(lang);
		expect($('h1').text()).toBe(title);
		const prose = $('article .prose');
		expect(prose.attr('dir')).toBe('auto');
		expect(prose.attr('lang')).toBe(lang);
		// The page itself stays the site's: the search index is split by <html lang>.
		expect($('html').attr('lang')).toBe('en');
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

	it('says the language of a German posting and of its company text, with no direction', () => {
		const $ = page('jobs/softwareentwickler-backend-berlin');
		expect($('h1').attr('lang')).toBe('de');
		expect($('article .prose').first().attr('lang')).toBe('de');
		// The blurb is long enough to tell its own language; the short closing line reads as the posting it came with.
		expect($('#company [lang]').toArray().map((element) => [$(element).attr('lang'), $(element).text().slice(0, 24)])).toEqual([
			['de', 'Über uns: Wir sind ein S'],
			['de', 'Wir freuen uns auf dich!'],
		]);
		expect($('main [dir]')).toHaveLength(0);
		const row = page('')('.role-row a[href="/jobs/softwareentwickler-backend-berlin/"]');
		expect(row.attr('lang')).toBe('de');
		expect(row.attr('dir')).toBeUndefined();
	});

	it('gives the rows filtered by the script the language too (listing.json)', () => {
		const data = JSON.parse(readFileSync(join(out, 'listing.json'), 'utf8')) as { roles: unknown[][] };
		const bySlug = new Map(data.roles.map((row) => [row[0], row]));
		expect(bySlug.get('softwareentwickler-backend-berlin')?.[8]).toBe('de');
		expect(bySlug.get('backend-engineer-tel-aviv')?.[8]).toBe('he');
		// An English row has no ninth item: the file is as it was for a site in one language.
		expect(bySlug.get('engineering-manager-workers-runtime')).toHaveLength(8);
	});

	it('leaves the English role page without a dir or lang attribute, its company text too', () => {
		const $ = page('jobs/engineering-manager-workers-runtime');
		expect($('#company p').length).toBeGreaterThan(0);
		expect($('main [dir], main [lang]')).toHaveLength(0);
	});
});
