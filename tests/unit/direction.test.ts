/**
 * Right-to-left text in postings: `dir="auto"` on what holds it, nothing on
 * anything else, alike in the pre-rendered rows and in the rows the filter
 * script draws (src/scripts/role-row.ts, run here against a small stand-in DOM).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { autoDir, autoDirOnRtl, languageDirection } from '../../src/utils/direction.ts';
import { roleRow } from '../../src/scripts/role-row.ts';
import type { ListingRow } from '../../src/listing/listing-data.ts';
import { en } from '../../src/i18n/en.ts';

describe('autoDir', () => {
	it('gives text holding Hebrew, Arabic or Persian letters its own direction', () => {
		expect(autoDir('מהנדס/ת תוכנה Backend')).toBe('auto');
		expect(autoDir('مهندس برمجيات أول')).toBe('auto');
		expect(autoDir('Backend Engineer', 'کارشناس فروش')).toBe('auto');
	});

	it('leaves every other script, and nothing, alone', () => {
		for (const text of ['Backend Engineer', 'Ingénieur·e logiciel', 'Менеджер по продажам', 'ソフトウェアエンジニア', 'Σύμβουλος', undefined]) expect(autoDir(text), text).toBeUndefined();
	});
});

describe('a site written right to left', () => {
	it('is a site in Hebrew, Arabic, Persian or Urdu, whatever its region', () => {
		expect(['he', 'he-IL', 'ar', 'ar-AE', 'fa', 'ur-PK'].map(languageDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'rtl', 'rtl']);
		expect(['en', 'de-CH', 'ja', 'tr', 'ru'].map(languageDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
	});

	it('gives text with a left-to-right letter its own direction, and leaves its own script and bare figures alone', () => {
		expect(autoDirOnRtl('Backend Engineer (C++)')).toBe('auto');
		expect(autoDirOnRtl('מהנדס/ת תוכנה Backend')).toBe('auto');
		expect(autoDirOnRtl('ソフトウェアエンジニア')).toBe('auto');
		for (const text of ['מהנדס/ת תוכנה', 'مهندس برمجيات أول', '2026 — 12', undefined]) expect(autoDirOnRtl(text), text).toBeUndefined();
	});
});

/** Just enough of the DOM for roleRow: elements with children, classes, properties and a dataset. */
class StandIn {
	children: Array<StandIn | string> = [];
	className = '';
	dataset: Record<string, string> = {};
	[property: string]: unknown;
	readonly tagName: string;
	constructor(tagName: string) {
		this.tagName = tagName;
	}
	append(...nodes: Array<StandIn | string>) {
		this.children.push(...nodes);
	}
}

describe('the rows the filter script draws', () => {
	const global = globalThis as { document?: unknown };
	const before = global.document;
	afterEach(() => {
		global.document = before;
	});
	const draw = (row: ListingRow) => {
		global.document = { createElement: (tag: string) => new StandIn(tag) };
		return roleRow(row, '2026-12-04', (slug) => `/jobs/${slug}/`, en) as unknown as StandIn;
	};
	const parts = (row: StandIn) => {
		const heading = row.children[0] as StandIn;
		return { link: heading.children[0] as StandIn, team: row.children[1] as StandIn };
	};

	it('give a Hebrew title and team their own direction, as RoleRow.astro does', () => {
		const { link, team } = parts(draw(['backend-tel-aviv', 'מהנדס/ת תוכנה Backend', 'תשתיות', [['Tel Aviv, Israel', 0]], '2026-12-01', [], [], '']));
		expect(link.dir).toBe('auto');
		expect(team.dir).toBe('auto');
	});

	it('give a row in another language than the site’s its language, from the row’s ninth item', () => {
		const { link } = parts(draw(['entwickler', 'Softwareentwickler (m/w/d)', 'Plattform', [['Berlin, Germany', 0]], '2026-12-01', [], [], '', 'de']));
		expect(link.lang).toBe('de');
		expect(link.dir).toBeUndefined();
	});

	it('give an English title its own direction on a right-to-left page, as RoleRow.astro does there', () => {
		global.document = { createElement: (tag: string) => new StandIn(tag), documentElement: { dir: 'rtl' } };
		const row = roleRow(['backend', 'Backend Engineer', 'תשתיות', [['Tel Aviv, Israel', 0]], '2026-12-01', [], [], ''], '2026-12-04', (slug) => `/jobs/${slug}/`, en) as unknown as StandIn;
		const { link, team } = parts(row);
		expect(link.dir).toBe('auto');
		expect(team.dir).toBeUndefined();
	});

	it('give an English row no direction', () => {
		const { link, team } = parts(draw(['backend', 'Backend Engineer', 'Platform', [['Lisbon, Portugal', 0]], '2026-12-01', [], [], '']));
		expect(link.dir).toBeUndefined();
		expect(link.lang).toBeUndefined();
		expect(team.dir).toBeUndefined();
	});
});
