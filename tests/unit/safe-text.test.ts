import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSiteConfig } from '../../src/config/site-config.ts';
import { frontMatterSchema } from '../../src/schemas/front-matter.ts';
import { cleanData, cleanText, firstUnsafeCharacter } from '../../src/utils/safe-text.ts';
import { errorOf } from './helpers.ts';
import { hostileStrings, label } from './hostile-strings.ts';

const body = '<h3>About the Team</h3><p>The Platform team builds the data platform.</p>';

describe('cleanText', () => {
	it('drops C0 and C1 controls but tab, LF and CR', () => {
		expect(cleanText('a\u0000b\u0001c\u0008d\u000be\u000cf\u001bg\u007fh\u0080i\u0085j\u009fk')).toBe('abcdefghijk');
		expect(cleanText('tab\tlf\ncr\r')).toBe('tab\tlf\ncr\r');
	});

	it('drops lone surrogates and keeps pairs', () => {
		expect(cleanText('a\ud800b\udfffc\udc00\ud800d')).toBe('abcd');
		expect(cleanText('👩🏽‍💻 𠜎')).toBe('👩🏽‍💻 𠜎');
	});

	it('drops the non-characters of every plane and U+FDD0–U+FDEF', () => {
		expect(cleanText('a\ufffeb\uffffc\ufdd0d\ufdefe\u{1fffe}f\u{10ffff}g\u{8ffff}h')).toBe('abcdefgh');
		// Their neighbours are ordinary characters.
		expect(cleanText('\ufdcf\ufdf0\ufffd\u{1fffd}\u{10000}')).toBe('\ufdcf\ufdf0\ufffd\u{1fffd}\u{10000}');
	});

	it('leaves markup, separators, bidi controls and invisible characters to the format', () => {
		const kept = '<a href="x">&amp;</a> ]]> \u2028\u2029 \u202e\u202c \u200b\ufeff\u00a0 e\u0301';
		expect(cleanText(kept)).toBe(kept);
	});
});

describe('cleanData', () => {
	it('cleans every string of a JSON value, keys too, and leaves other values alone', () => {
		const day = new Date('2026-01-01T00:00:00Z');
		expect(cleanData({ 'k\u0001': ['a\ufffe', 1, null, true, { b: 'c\ud800' }], day })).toEqual({ k: ['a', 1, null, true, { b: 'c' }], day });
		expect(cleanData({ day }).day).toBe(day);
	});

	it('keeps a key named __proto__ a key, and an object without a prototype plain data', () => {
		const parsed = JSON.parse('{"__proto__": {"polluted": "y\\u0001"}, "a": 1}') as Record<string, unknown>;
		const clean = cleanData(parsed);
		expect(Object.keys(clean)).toEqual(['__proto__', 'a']);
		expect(Object.getPrototypeOf(clean)).toBe(Object.prototype);
		expect(JSON.stringify(clean)).toBe('{"__proto__":{"polluted":"y"},"a":1}');
		expect(cleanData(Object.assign(Object.create(null) as object, { b: 'c\ufffe' }))).toEqual({ b: 'c' });
	});
});

describe('firstUnsafeCharacter', () => {
	it('names the code point, its kind and its position in code points', () => {
		expect(firstUnsafeCharacter('Role\u0001')).toEqual({ codePoint: 'U+0001', position: 5, kind: 'control character' });
		expect(firstUnsafeCharacter('😀😀\ufffe')).toEqual({ codePoint: 'U+FFFE', position: 3, kind: 'non-character' });
		expect(firstUnsafeCharacter('x\u{10ffff}')).toEqual({ codePoint: 'U+10FFFF', position: 2, kind: 'non-character' });
		expect(firstUnsafeCharacter('\udc00')).toEqual({ codePoint: 'U+DC00', position: 1, kind: 'lone surrogate' });
		expect(firstUnsafeCharacter('Fine, tabs\tand lines\n')).toBeUndefined();
	});
});

describe('front matter refuses what no output can carry', () => {
	const file = 'content/postings/hostile.html';
	const posting = (frontMatter: string) => [{ file, source: `---\n${frontMatter}\n---\n${body}` }];

	it('names the file, the field, the code point and where it is', () => {
		expect(errorOf(posting('title: "Data\\x01 Engineer"'))).toContain(
			`${file}: title: expected text without control characters or non-characters; found U+0001 (a control character) at character 5, got "Data\\u0001 Engineer"`,
		);
		expect(errorOf(posting('team: "Platform\\uFFFE"'))).toContain(`${file}: team: expected text without control characters or non-characters; found U+FFFE (a non-character) at character 9`);
		expect(errorOf(posting('locations: [{ city: "Lis\\x85bon", country: PT }]'))).toContain(`${file}: locations.0.city: expected text without control characters or non-characters; found U+0085 (a control character) at character 4`);
		expect(errorOf(posting('payRanges: [{ appliesTo: "\\uDFFF", min: 1, max: 2, currency: USD }]'))).toContain(`${file}: payRanges.0.appliesTo: expected text without control characters or non-characters; found U+DFFF (a lone surrogate) at character 1`);
	});

	const fields = ['title', 'team', 'department', 'id'] as const;
	for (const hostile of hostileStrings()) {
		it(`${hostile.removed ? 'refuses' : 'accepts'} ${hostile.category}: ${label(hostile.value)}`, () => {
			const value = `Text ${hostile.value}`;
			for (const field of fields) {
				const result = frontMatterSchema.safeParse({ [field]: value });
				if (!hostile.removed) {
					expect(result.success, `${field}: ${result.error?.message}`).toBe(true);
					continue;
				}
				const found = firstUnsafeCharacter(value)!;
				expect(result.error?.issues, field).toEqual([
					{
						code: 'custom',
						path: [field],
						message: `text without control characters or non-characters; found ${found.codePoint} (a ${found.kind}) at character ${found.position}`,
					},
				]);
			}
			for (const frontMatter of [{ locations: [value] }, { locations: [{ city: value, region: value, country: 'PT' }] }, { payRanges: [{ appliesTo: value, min: 1, max: 2, currency: 'EUR' }] }]) {
				expect(frontMatterSchema.safeParse(frontMatter).success, JSON.stringify(frontMatter)).toBe(!hostile.removed);
			}
		});
	}
});

describe('site settings refuse what no output can carry', () => {
	it('names site.yaml, the setting and the code point', () => {
		const dir = mkdtempSync(join(tmpdir(), 'site-'));
		writeFileSync(join(dir, 'site.yaml'), 'companyName: "Acme\\x07"\nsiteUrl: https://jobs.acme.example\ndefaultApplyUrl: https://jobs.acme.example/apply\n');
		expect(() => readSiteConfig(join(dir, 'site.yaml'))).toThrow(
			'site.yaml: companyName: expected text without control characters or non-characters; found U+0007 (a control character) at character 5, got "Acme\\u0007"',
		);
		writeFileSync(join(dir, 'site.yaml'), 'companyName: Acme\nsiteUrl: https://jobs.acme.example\ndefaultApplyUrl: "https://jobs.acme.example/\\x01"\n');
		expect(() => readSiteConfig(join(dir, 'site.yaml'))).toThrow(/site\.yaml: defaultApplyUrl: expected text without control characters or non-characters; found U\+0001/);
		rmSync(dir, { recursive: true, force: true });
	});
});
