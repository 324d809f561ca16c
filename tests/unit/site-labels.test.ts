import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { counted, fill, groupDigits, type Labels } from '../../src/i18n/labels.ts';
import { builtInLabels, builtInLanguages, labelsFor, labelsWarning } from '../../src/i18n/languages.ts';
import { labelsSchema } from '../../src/schemas/labels.ts';
import { buildRouting } from '../../src/routing/routes.ts';
import { feedLink } from '../../src/publish/feed.ts';
import { formatPay, moneyLocale } from '../../src/utils/format.ts';
import { postedAgo } from '../../src/listing/posted.ts';
import { openRoles } from '../../src/listing/row-text.ts';
import { locationLine } from '../../src/social/card-text.ts';
import { roleCardInput } from '../../src/social/card-input.ts';
import { statusLabel } from '../../src/listing/status-label.ts';
import { seed, seedCatalogue, site } from './helpers.ts';
import type { PayRange } from '../../src/schemas/posting.ts';

const valuesOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const fr = builtInLabels('fr')!;
const de = builtInLabels('de')!;

describe('the built-in labels', () => {
	it.each(builtInLanguages.filter((lang) => lang !== 'en'))('%s has every English label, in the same shape, filling in the same values', (lang) => {
		const labels = builtInLabels(lang)!;
		expect(Object.keys(labels)).toEqual(Object.keys(en));
		for (const [key, english] of Object.entries(en) as Array<[keyof Labels, Labels[keyof Labels]]>) {
			const own = labels[key];
			expect(typeof own, key).toBe(typeof english);
			if (typeof english === 'object') {
				for (const form of ['one', 'other'] as const) expect(valuesOf((own as typeof english)[form]), `${key}.${form}`).toEqual(valuesOf(english[form]));
			} else if (typeof english === 'string' && key !== 'digitGroup') {
				expect(valuesOf(own as string), key).toEqual(valuesOf(english));
				expect((own as string).trim(), key).not.toBe('');
			}
		}
	});

	it('each pass the schema a site’s own labels are checked with', () => {
		for (const lang of builtInLanguages) expect(labelsSchema.safeParse(builtInLabels(lang)).success, lang).toBe(true);
	});

	it('are found by the language’s primary subtag; a language with none gets English, and a warning', () => {
		expect(labelsFor('de-CH').openRolesAt).toBe(de.openRolesAt);
		expect(labelsFor('pt-BR').allOpenRoles).toBe('Todas as vagas abertas');
		expect(labelsFor('pl').allOpenRoles).toBe('All open roles');
		expect(labelsWarning('en-GB')).toBeUndefined();
		expect(labelsWarning('fr-CA')).toBeUndefined();
		expect(labelsWarning('pl')).toBe(
			`lang is "pl", which has no built-in labels (en, ar, de, es, fr, he, it, nl, pt): ${Object.keys(en).length} of the site's ${Object.keys(en).length} labels are in English. Give them under labels in the site settings (keys as in src/i18n/en.ts).`,
		);
		// A site that gives every label its own words is in its language: no warning.
		expect(labelsWarning('pl', { ...en, openRolesAt: 'Oferty pracy w {company}' })).toBeUndefined();
	});

	it('keep the spaces a site’s own words begin with, and refuse empty ones', () => {
		expect(labelsSchema.parse({ chosenCount: ' ({count} gewählt)' }).chosenCount).toBe(' ({count} gewählt)');
		expect(labelsSchema.safeParse({ applyForThisRole: '  ' }).success).toBe(false);
	});

	it('take a site’s own words over them, label by label', () => {
		const labels = labelsFor('fr', { applyForThisRole: 'Je postule', openRolesCount: { one: '{count} offre', other: '{count} offres' } });
		expect(labels.applyForThisRole).toBe('Je postule');
		expect(counted(labels.openRolesCount, 0, labels)).toBe('0 offre');
		expect(labels.applyBy).toBe(fr.applyBy);
	});
});

describe('labels filled in', () => {
	it('fills each value, leaving an unknown one as written', () => {
		expect(fill(en.rolesIn, { place: 'Lisbon, Portugal' })).toBe('Roles in Lisbon, Portugal');
		expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
	});

	it('counts in the form each language takes: 0 is singular in French, plural in English and German', () => {
		expect([0, 1, 2, 10_000].map((n) => openRoles(n, en))).toEqual(['0 open roles', '1 open role', '2 open roles', '10,000 open roles']);
		expect([0, 1, 2, 10_000].map((n) => openRoles(n, fr))).toEqual(['0 poste ouvert', '1 poste ouvert', '2 postes ouverts', '10\u202f000 postes ouverts']);
		expect([0, 1, 10_000].map((n) => openRoles(n, de))).toEqual(['0 offene Stellen', '1 offene Stelle', '10.000 offene Stellen']);
		expect(groupDigits(1_234_567, { digitGroup: '' })).toBe('1234567');
	});

	it('says when a role was posted in the site’s language', () => {
		expect(['2026-12-01', '2026-11-30', '2026-11-02'].map((day) => postedAgo(day, '2026-12-01', fr))).toEqual(['Publié aujourd’hui', 'Publié hier', 'Publié il y a 29 jours']);
	});

	it('writes pay in the words and the number format of the site’s language', () => {
		const range = (over: Partial<PayRange>): PayRange => ({ min: 60000, max: 60000, currency: 'EUR', period: 'YEAR', text: '', ...over });
		expect(moneyLocale('en-GB')).toBe('en-US');
		expect(moneyLocale('de-AT')).toBe('de-AT');
		expect(formatPay(range({ bound: 'from' }), moneyLocale('de-AT'), de)).toBe('Ab €\u00a060.000 pro Jahr');
		expect(formatPay(range({ min: 50000, max: 65000 }), moneyLocale('fr'), fr)).toBe('50\u202f000\u00a0€ – 65\u202f000\u00a0€ par an');
		// English sites are as before.
		expect(formatPay(range({ bound: 'from' }))).toBe('From €60,000 per year');
	});

	it('writes a role card’s places and a preview’s badges in the site’s words', () => {
		expect(locationLine(seed('002').locations, fr)).toBe('Amsterdam, Lisbon +2 autres ou télétravail');
		const card = roleCardInput(seed('002'), site, fr);
		expect([card.hiring, card.untitled]).toEqual(['ON RECRUTE', 'Poste ouvert chez Cloudflare']);
		const draft = { ...seed('000'), status: 'draft' as const };
		expect(statusLabel(draft, '2026-12-01T00:00:00Z', 'fr', fr)).toBe('Brouillon');
	});
});

describe('headings, descriptions and feeds of a French site', () => {
	const routing = buildRouting({ open: seedCatalogue().postings, closed: [], moves: [], companyName: 'Cloudflare', labels: fr });
	const place = (slug: string) => routing.places.find((page) => page.params.place === slug)!.props;

	it('names the place listings, their descriptions and the places below in French', () => {
		expect([place('portugal').heading, place('portugal').description, place('portugal').below?.heading]).toEqual([
			'Postes\u00a0: Portugal',
			'2 postes ouverts chez Cloudflare (lieu\u00a0: Portugal).',
			'Villes\u00a0: Portugal',
		]);
		expect([place('remote').heading, place('remote').below?.heading]).toEqual(['Postes en télétravail', 'Postes en télétravail par zone']);
		expect(routing.filters.places.map((link) => link.label)).toContain('Télétravail');
		// The place names are the gazetteer's (English) names, translated or not by the site: the words around them are French.
		expect([place('remote-germany').heading, place('remote-germany').facet.label]).toEqual(['Postes en télétravail\u00a0: Germany', 'Télétravail, Germany']);
		expect(place('portugal').breadcrumb[0]!.label).toBe('Tous les postes ouverts');
	});

	it('names the team listings and the feeds in French', () => {
		const team = routing.teams.find((page) => page.params.team === 'engineering')!.props;
		expect([team.heading, team.description]).toEqual(['Postes\u00a0: Engineering', '1 poste ouvert chez Cloudflare (équipe\u00a0: Engineering).']);
		expect(feedLink('team', { slug: 'engineering', heading: team.heading }, { companyName: 'Cloudflare', title: 'Carrières chez Cloudflare' }, fr).title).toBe(
			'Postes\u00a0: Engineering – Cloudflare',
		);
	});
});
