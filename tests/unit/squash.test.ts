import { describe, expect, it } from 'vitest';
import { sentences, slugify, squash, truncate } from '../../src/postings/text.ts';

describe('squash', () => {
	it('collapses runs of whitespace, no-break spaces included, and trims both ends', () => {
		expect(squash('  Senior\u00a0 Engineer\n\t(Remote)  ')).toBe('Senior Engineer (Remote)');
		expect(squash(' a')).toBe('a');
		expect(squash('a ')).toBe('a');
		expect(squash(' ')).toBe('');
		expect(squash('')).toBe('');
	});

	it('returns text that is squashed already as the same string', () => {
		const text = 'The Workers Runtime team delivers features.';
		expect(squash(text)).toBe(text);
	});
});

describe('sentences and truncate, in the scripts postings are written in', () => {
	it('ends a Japanese or Chinese sentence at 。, ！ or ？, which no space follows', () => {
		// Eureka's real posting (Lever, Match Group): its summary ran on past the first sentence to the 200-character cut.
		expect(sentences('エウレカは、恋活・婚活マッチングアプリ「Pairs（ペアーズ）」を運営している会社です。 Pairsは、日本最大級のオンラインデーティングアプリです。2012年に日本版を開始しました！')).toEqual([
			'エウレカは、恋活・婚活マッチングアプリ「Pairs（ペアーズ）」を運営している会社です。',
			'Pairsは、日本最大級のオンラインデーティングアプリです。',
			'2012年に日本版を開始しました！',
		]);
		expect(sentences('We build. 1. Training comes first. Then "the rest"')).toEqual(['We build.', '1. Training comes first.', 'Then "the rest"']);
	});

	it('cuts text with no space late enough between two characters as a reader sees them', () => {
		// An emoji is two UTF-16 code units: cut between them, half a character was left, which no feed may carry.
		expect(truncate(`${'あ'.repeat(198)}🙂🙂`, 200)).toBe(`${'あ'.repeat(198)}…`);
		// A letter and its combining accent stay together.
		expect(truncate(`${'x'.repeat(197)}e\u0301e\u0301e\u0301`, 200)).toBe(`${'x'.repeat(197)}e\u0301…`);
		expect(truncate('Senior Engineer, Platform and Infrastructure', 20)).toBe('Senior Engineer…');
	});
});

describe('slugs of titles in other alphabets', () => {
	it('spells Greek, Cyrillic and Arabic titles in Latin letters, so two titles of one stack are two slugs', () => {
		// Before: "backend" both, which failed the build as a duplicate slug.
		expect(slugify('Инженер-программист (Backend)')).toBe('inzhener-programmist-backend');
		expect(slugify('Аналитик данных (Backend)')).toBe('analitik-dannykh-backend');
		expect(slugify('Μηχανικός Λογισμικού')).toBe('mixanikos-logismikoy');
		expect(slugify('مهندس برمجيات')).toBe('mhnds-brmjyat');
		// Latin titles keep the slugs they had ("ö" is "o", not German's "oe"); scripts with no letter-by-letter romanization keep a digest.
		expect(slugify('Größe Köln')).toBe('grosse-koln');
		expect(slugify('ソフトウェアエンジニア')).toMatch(/^x-[0-9a-f]{8}$/);
		expect(slugify('מהנדס תוכנה בכיר')).toMatch(/^x-[0-9a-f]{8}$/);
	});

	it('spells Korean by the Revised Romanization, with its sound changes', () => {
		// Real titles: Coupang's was "md" (its Latin word alone), Match Group's "accountant-1-6".
		expect(slugify('[쿠팡] 로켓배송 과일 MD 채용')).toBe('kupang-roketbaesong-gwail-md-chaeyong');
		expect(slugify('Accountant (1년 6개월 계약직)')).toBe('accountant-1nyeon-6gaewol-gyeyakjik');
		expect(slugify('경력직 백엔드 개발자')).toBe('gyeongnyeokjik-baegendeu-gaebalja');
		expect(slugify('신라')).toBe('silla');
	});
});
