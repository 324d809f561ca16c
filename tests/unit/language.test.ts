/**
 * The language of a posting's role text: given in front matter, else read
 * from its beginning; checked against the hand labels of the real corpus.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { detectLanguage, francLanguage } from '../../src/postings/language.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { readSiteConfig } from '../../src/config/site-config.ts';
import { partLang } from '../../src/utils/direction.ts';
import { errorOf, FIXTURES, realBoards, seedCatalogue, site, TODAY } from './helpers.ts';

/** The role text of a posting file as the pipeline reads it, for franc: its sections' text, joined. */
function roleText(source: string): string {
	const [posting] = normalizePostings([{ file: 'content/postings/x.html', source }], site, { today: TODAY }).postings;
	return posting!.sections.map((section) => section.html.replace(/<[^>]+>/g, ' ')).join(' ').replace(/\s+/g, ' ').trim();
}

describe('detectLanguage', () => {
	it('tells the languages of postings apart', () => {
		expect(detectLanguage('Wir suchen eine erfahrene Entwicklerin oder einen erfahrenen Entwickler, die unser Team in Berlin beim Aufbau unserer Plattform unterstützen.')).toBe('de');
		expect(detectLanguage('Nous recherchons un ingénieur logiciel expérimenté pour rejoindre notre équipe à Paris et construire notre plateforme de paiement.')).toBe('fr');
		expect(detectLanguage('אנחנו מחפשים מהנדס/ת תוכנה שיצטרף/תצטרף לצוות התשתיות שלנו בתל אביב. ניסיון של שלוש שנים לפחות בפיתוח צד שרת.')).toBe('he');
		expect(detectLanguage('نبحث عن مهندس برمجيات للانضمام إلى فريقنا في دبي. خبرة لا تقل عن خمس سنوات في تطوير الأنظمة والخدمات السحابية.')).toBe('ar');
		// Finnish and Turkish prose with one of the function words listed before: franc's right guess was refused.
		expect(detectLanguage('Etsimme kokenutta kehittäjää, joka liittyy tiimiimme Helsingissä ja auttaa meitä rakentamaan uusia tuotteita asiakkaillemme.')).toBe('fi');
		expect(detectLanguage('Türkiye ofisimizde ekibimize katılacak, yeni ürünler geliştirmemize yardımcı olacak deneyimli bir geliştirici arıyoruz.')).toBe('tr');
	});

	it('tells Norwegian from Danish by the words the two write differently', () => {
		// Two of the 30 postings of NAV's board (LarsGJobloop/etl-arbeidsplassen-job-listings, data/combined.json) of 264
		// that franc read as Danish; the second, cut to its first sentences, it reads as Swedish.
		const norwegian = [
			'Det er stor etterspørsel etter Norsk Regnesentrals kompetanse, og vi vil styrke laget ytterligere. Maskinlæring og statistisk modellering er kjernen i systemer for kunstig intelligens. Hos oss vil du ikke bare bruke algoritmene i spennende oppdrag, du får også muligheten til å utvikle dem og forstå dem til bunns.',
			'Om stillingen Har du opplevd at flyet ditt har avbrutt landingen pga endringer i vindretninger, eller at været har stanset avgangen? Har skipet ditt mistet en container eller to i norsk farvann, eller er det mann over bord? Vi ser etter deg som er opptatt av teknologi og prosesser, har et øye for detaljer og som vil være en del av vårt kritiske samfunnsoppdrag.',
		];
		expect(norwegian.map((text) => francLanguage(text))).toEqual(['da', 'sv']);
		expect(norwegian.map((text) => detectLanguage(text))).toEqual(['nb', 'nb']);
		// Danish stays Danish, and Swedish Swedish.
		expect(detectLanguage('Vi søger en erfaren udvikler til vores team i København. Du vil arbejde med spændende opgaver og have ansvar for udviklingen af vores platform. Vi tilbyder en stilling med gode muligheder for faglig udvikling.')).toBe('da');
		expect(detectLanguage('Vi söker en erfaren utvecklare till vårt team i Stockholm. Du kommer att arbeta med spännande uppgifter och är med och bygger vår plattform, och vi erbjuder en tjänst med goda möjligheter till utveckling.')).toBe('sv');
	});

	it('reads Korean, Japanese and Chinese written around English names as what they are, counting a syllable as more than a letter', () => {
		// VESSL AI's real Site Reliability Engineer posting (Ashby): more Latin letters than Hangul in its first 200
		// characters, and "the" among them. It was read as English.
		const vessl =
			'About the Role VESSL AI의 Senior Site Reliability Engineer는 VESSL GPU 클라우드 플랫폼의 가용성과 성능을 책임집니다. 메트릭·로그·트레이스 기반의 Observability 체계를 구축해 이상 징후를 조기에 탐지하고, 장애 발생 시 On-call 대응과 Root Cause Analysis를 통해 신속하게 복구하며';
		expect(detectLanguage(vessl)).toBe('ko');
		// Written the same way for this test, in Japanese and in Chinese.
		expect(detectLanguage('About the Role: Senior Backend Engineer として、Kubernetes と Go を使ったマイクロサービスの設計・開発・運用をリードしていただきます。On-call と Postmortem にも参加し、チームと一緒にサービスの信頼性を高めていただきます。')).toBe('ja');
		expect(detectLanguage('About the Role: 作为 Senior Backend Engineer，你将负责基于 Kubernetes 和 Go 的微服务设计、开发与运维，并参与 On-call 与 Postmortem 流程的持续改进。')).toBe('zh');
		// An English posting naming a Japanese company stays English.
		expect(detectLanguage('You will join the platform team of 株式会社メルカリ in Tokyo and build the services that our marketplace runs on, with the tools you know.')).toBe('en');
	});

	it("names no language for a list of nouns, which franc took for French or Portuguese (PhonePe's benefits, Greenhouse)", () => {
		const benefits = [
			'Insurance Benefits - Medical Insurance, Critical Illness Insurance, Accidental Insurance, Life Insurance',
			'Wellness Program - Employee Assistance Program, Onsite Medical Center, Emergency Support System',
			'Retirement Benefits - Employee PF Contribution, Flexible PF Contribution, Gratuity, NPS, Leave Encashment',
		];
		for (const [first, second] of [[0, 1], [1, 0], [2, 1], [1, 2]] as const) expect(detectLanguage(`${benefits[first]} ${benefits[second]}`)).toBeUndefined();
	});

	it('says nothing of text too short to tell', () => {
		expect(detectLanguage('Senior Backend Engineer, Payments')).toBeUndefined();
		expect(detectLanguage('')).toBeUndefined();
	});

	it('reads every seed as English', () => {
		expect(seedCatalogue().postings.map((posting) => posting.lang)).toEqual(['en', 'en', 'en', 'en', 'en']);
	});

	it('agrees with the labels of the real corpus wherever the role text is long enough to tell, and franc with its shortcut', () => {
		let told = 0;
		const misses: string[] = [];
		const shortcuts: string[] = [];
		for (const board of realBoards()) {
			const [vendor, name] = board.name.split('/') as [string, string];
			const labels = parse(readFileSync(join(FIXTURES, 'real', vendor, `${name}.labels.yaml`), 'utf8')) as Array<{ id: string; language: string }>;
			for (const file of board.files) {
				const [posting] = normalizePostings([file], site, { today: TODAY }).postings;
				const label = labels.find((entry) => posting!.id === `${vendor}-${entry.id}` || posting!.id.endsWith(entry.id));
				if (!label || posting!.lang === undefined) continue;
				told += 1;
				if (posting!.lang !== label.language) misses.push(`${board.name} ${label.id}: ${posting!.lang}, labelled ${label.language}`);
				// The shortcut for plain English must say what franc says.
				const sample = roleText(file.source);
				if (francLanguage(sample) !== posting!.lang) shortcuts.push(`${board.name} ${label.id}: franc ${francLanguage(sample)}, detected ${posting!.lang}`);
			}
		}
		expect(misses).toEqual([]);
		expect(shortcuts).toEqual([]);
		// 92 labelled postings; the few left out have less role text than detection needs (a line or two).
		expect(told).toBeGreaterThanOrEqual(89);
	});
});

describe('lang in front matter', () => {
	const role = (lang: string) => `---\ntitle: Entwickler\nlang: ${lang}\n---\n<p>Short.</p>`;

	it('wins over detection, in canonical form', () => {
		const file = 'content/postings/de.html';
		const [posting] = normalizePostings([{ file, source: role('DE-at') }], site, { today: TODAY }).postings;
		expect(posting?.lang).toBe('de-AT');
	});

	it('refuses what is not a language tag, naming the field', () => {
		expect(errorOf([{ file: 'content/postings/de.html', source: role('german') }])).toContain('content/postings/de.html: lang: expected a language tag such as "de", "pt-BR" or "he" (found "german")');
	});
});

describe('partLang', () => {
	it('marks a language other than the site’s, not a variant of it', () => {
		expect(partLang('de', 'en')).toBe('de');
		expect(partLang('en-GB', 'en')).toBeUndefined();
		expect(partLang('pt-BR', 'pt-PT')).toBeUndefined();
		expect(partLang(undefined, 'en')).toBeUndefined();
		expect(partLang('en', readSiteConfig(join(FIXTURES, 'site.yaml')).lang)).toBeUndefined();
	});
});
