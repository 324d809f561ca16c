import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { FIXTURES } from '../unit/helpers.ts';
import { en } from '../../src/i18n/en.ts';
import { counted, fill, ROW_LABELS, type Labels } from '../../src/i18n/labels.ts';
import { builtInLabels } from '../../src/i18n/languages.ts';
import { buildFromFiles, pages, type BuildResult } from './build-helpers.ts';

// A French company's site: its postings (two English seeds, a French role, a
// closed one and one with a former address) under `lang: fr`, with one label
// of its own. Every word the site adds is French; the postings keep theirs.
const fr = { ...builtInLabels('fr')!, applyForThisRole: 'Je postule' } satisfies Labels;

const FRENCH = `---
title: Développeur backend (H/F)
slug: developpeur-backend-lyon
team: Plateforme
locations: ["Lyon, France"]
formerSlugs: [developpeur-backend]
payRanges: [{ min: 45000, max: 55000, currency: EUR, period: YEAR }]
employmentType: FULL_TIME
---
<h3>Vos missions</h3>
<p>Vous rejoignez l’équipe Plateforme à Lyon pour concevoir et faire évoluer nos services.</p>
<ul><li>Trois ans d’expérience en développement backend.</li><li>Maîtrise de Go ou de Rust.</li></ul>
`;
const CLOSED = `---
title: Chargé de recrutement (H/F)
slug: charge-de-recrutement
status: closed
team: Plateforme
locations: ["Paris, France"]
---
<p>Vous accompagnez nos équipes dans leurs recrutements, de la définition du besoin à l’intégration des nouveaux arrivants.</p>
`;

const seedText = (name: string) => readFileSync(join(FIXTURES, 'seeds', name), 'utf8');

let out: string;
let build: BuildResult;
const page = (path: string) => cheerio.load(readFileSync(join(out, path, 'index.html'), 'utf8'));

beforeAll(() => {
	const made = buildFromFiles(
		'careers-fr-',
		{ '000.html': seedText('000_d1e515e116b35d49.html'), '002.html': seedText('002_cc35c7161091c165.html'), 'french.html': FRENCH, 'closed.html': CLOSED },
		['companyName: Acme', 'siteUrl: https://carrieres.acme.example', 'defaultApplyUrl: https://acme.example/postuler', 'lang: fr', 'labels:', '  applyForThisRole: Je postule', ''].join('\n'),
	);
	({ build, out } = made);
	return made.remove;
});

/**
 * The English labels' own words: each label's text between its values, the
 * pieces long enough to mean something and not also in the French labels.
 */
function englishWords(): string[] {
	const texts = Object.values(en).flatMap((label) => (typeof label === 'string' ? [label] : typeof label === 'object' ? [label.one, label.other] : []));
	const french = Object.values(fr).flatMap((label) => (typeof label === 'string' ? [label] : typeof label === 'object' ? [label.one, label.other] : [])).join('\n');
	return [...new Set(texts.flatMap((text) => text.split(/\{\w+\}/)).map((piece) => piece.replace(/^[\s:,.()–←→]+|[\s:,.()–←→]+$/g, '')))].filter(
		(piece) => piece.length >= 5 && !french.includes(piece),
	);
}

describe('a site whose lang is fr', () => {
	it('builds, without a warning about its labels', () => {
		expect(build.status, build.output).toBe(0);
		expect(build.output).not.toContain('no built-in labels');
	});

	it('says the site’s own words in French on the home listing, and hands the filter script its French words', () => {
		const $ = page('');
		expect($('html').attr('lang')).toBe('fr');
		expect($('h1').text()).toBe(fill(fr.openRolesAt, { company: 'Acme' }));
		expect($('title').text()).toBe('Carrières chez Acme');
		expect($('#result-count').text()).toBe(counted(fr.openRolesCount, 3, fr));
		expect($('#filters summary').contents().first().text()).toBe(fr.filterBy);
		expect($('label[for="filter-text"]').text().trim()).toBe(fr.searchRoles);
		expect(JSON.parse($('#roles').attr('data-labels')!)).toEqual(Object.fromEntries(ROW_LABELS.map((key) => [key, fr[key]])));
		expect($('.role-row time').first().text()).toMatch(/^Publié (aujourd’hui|hier|il y a \d+ jours?)$/);
		expect($('a[data-value="remote"]').attr('data-label')).toBe(fr.remote);
	});

	it('labels a role page in French, with the site’s own words over the built-in ones', () => {
		const $ = page('jobs/developpeur-backend-lyon');
		expect($('dt').toArray().map((element) => $(element).text())).toEqual([fr.team, fr.location, fr.pay, fr.employment, fr.posted]);
		expect($('dd').eq(2).text()).toBe('45\u202f000\u00a0€ – 55\u202f000\u00a0€ par an');
		expect($('dd').eq(3).text()).toBe(fr.fullTime);
		expect($('header a[rel="noopener noreferrer"]').contents().first().text()).toBe('Je postule');
		expect($('article > p a[rel="noopener noreferrer"]').text()).toBe(fill(fr.applyFor, { title: 'Développeur backend (H/F)' }));
	});

	it('labels a closed role, a former address and a missing page in French', () => {
		const closed = page('jobs/charge-de-recrutement');
		expect(closed('title').text()).toBe(`${fill(fr.noLongerOpenTitle, { title: 'Chargé de recrutement (H/F)' })} · Carrières chez Acme`);
		expect(closed('article > p').first().text()).toBe(fr.noLongerOpen);
		const moved = page('jobs/developpeur-backend');
		expect(moved('h1').text()).toBe(fr.movedHeading);
		expect(moved('main p').text().trim()).toBe(fill(fr.movedText, { title: 'Développeur backend (H/F)' }));
		const missing = cheerio.load(readFileSync(join(out, '404.html'), 'utf8'));
		expect(missing('h1').text()).toBe(fr.notFoundHeading);
		expect(missing('main p').first().text()).toBe(counted(fr.notFoundText, 3, fr));
	});

	it('names its feeds in French', () => {
		const feed = cheerio.load(readFileSync(join(out, 'teams/plateforme/feed.xml'), 'utf8'), { xml: true });
		const heading = fill(fr.teamRoles, { team: 'Plateforme' });
		expect(feed('channel > title').first().text()).toBe(fill(fr.listingPageTitle, { heading, company: 'Acme' }));
		expect(feed('channel > description').first().text()).toBe(fill(fr.feedDescription, { heading, company: 'Acme' }));
	});

	it('shows no English label anywhere the site speaks, on any page', () => {
		const words = englishWords();
		expect(words.length).toBeGreaterThan(60);
		const found: string[] = [];
		for (const { path, html } of pages(out)) {
			const $ = cheerio.load(html);
			// What the postings say stays as written: their text, company text, titles, teams and summaries.
			// (Role titles in listing rows, on the closed page's suggestions and as page headings; team lines; summaries.)
			$('script, style, .prose, #company div, .role-title, .role-team, h1[lang], ul li h3, [data-role] p.mt-2').remove();
			const text = [$('title').text(), $('body').text(), ...$('[aria-label], [placeholder], [data-label]').toArray().flatMap((element) => [$(element).attr('aria-label'), $(element).attr('placeholder')])].join('\n');
			for (const word of words) if (text.includes(word)) found.push(`${path}: ${word}`);
		}
		expect(found).toEqual([]);
	});
});

// A site in Hebrew: the page runs right to left, and what runs the other way (an English title, a team named
// in Latin letters) takes its own direction, in the pre-rendered rows as in the filter script's.
const HEBREW = `---
title: מנהל/ת מוצר
slug: product-manager-tel-aviv
team: מוצר
locations: ["Tel Aviv, Israel"]
---
<h3>מה תעשו</h3>
<p>תובילו את מפת הדרכים של המוצר יחד עם צוותי הפיתוח והעיצוב במשרד שלנו בתל אביב.</p>
<ul><li>ניסיון של ארבע שנים לפחות בניהול מוצר.</li><li>עבודה עם לקוחות ועם נתונים.</li></ul>
`;

describe('a site whose lang is he', () => {
	const he = builtInLabels('he')!;
	let hebrewOut: string;
	let hebrewBuild: BuildResult;
	beforeAll(() => {
		const made = buildFromFiles(
			'careers-he-',
			{ '000.html': seedText('000_d1e515e116b35d49.html'), 'hebrew.html': HEBREW },
			'companyName: Acme\nsiteUrl: https://careers.acme.example\ndefaultApplyUrl: https://acme.example/apply\nlang: he\n',
		);
		({ build: hebrewBuild, out: hebrewOut } = made);
		return made.remove;
	});
	const hebrewPage = (path: string) => cheerio.load(readFileSync(join(hebrewOut, path, 'index.html'), 'utf8'));

	it('runs right to left, in Hebrew', () => {
		expect(hebrewBuild.status, hebrewBuild.output).toBe(0);
		const $ = hebrewPage('');
		expect([$('html').attr('lang'), $('html').attr('dir')]).toEqual(['he', 'rtl']);
		expect($('h1').text()).toBe(fill(he.openRolesAt, { company: 'Acme' }));
		expect(JSON.parse($('#roles').attr('data-labels')!).openRolesCount).toEqual(he.openRolesCount);
	});

	it('gives the English title and team their own direction, and the Hebrew ones none', () => {
		const $ = hebrewPage('');
		const row = (slug: string) => $(`.role-row a[href="/jobs/${slug}/"]`);
		expect(row('engineering-manager-workers-runtime').attr('dir')).toBe('auto');
		expect(row('engineering-manager-workers-runtime').closest('.role-row').find('.role-team').attr('dir')).toBe('auto');
		expect(row('product-manager-tel-aviv').attr('dir')).toBeUndefined();
		expect(row('product-manager-tel-aviv').closest('.role-row').find('.role-team').attr('dir')).toBeUndefined();
		const role = hebrewPage('jobs/engineering-manager-workers-runtime');
		expect(role('h1').attr('dir')).toBe('auto');
		expect(role('article .prose').attr('dir')).toBe('auto');
		expect(hebrewPage('jobs/product-manager-tel-aviv')('h1').attr('dir')).toBeUndefined();
	});
});
