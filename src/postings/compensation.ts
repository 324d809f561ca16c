import type { PayRange } from '../schemas/posting.ts';
import { findRegion } from './places.ts';
import { squash } from './text.ts';

const SYMBOLS: Record<string, string> = {
	'US$': 'USD', 'CA$': 'CAD', C$: 'CAD', 'A$': 'AUD', 'AU$': 'AUD', 'NZ$': 'NZD', 'S$': 'SGD', 'HK$': 'HKD', 'MX$': 'MXN', 'NT$': 'TWD',
	'€': 'EUR', '£': 'GBP', '¥': 'JPY', '￥': 'JPY', '円': 'JPY', '₹': 'INR', Rs: 'INR', 'Rs.': 'INR', '₩': 'KRW', '원': 'KRW', '₪': 'ILS', 'R$': 'BRL', R: 'ZAR',
	'zł': 'PLN', 'Kč': 'CZK', Ft: 'HUF', lei: 'RON', '₺': 'TRY', TL: 'TRY', '₽': 'RUB', '₱': 'PHP', '฿': 'THB', '₫': 'VND', '₦': 'NGN', RM: 'MYR', Rp: 'IDR',
	'元': 'CNY', '人民币': 'CNY', RMB: 'CNY', $: 'USD',
	// Written after the amount in Russian, Ukrainian, Kazakh, Vietnamese and Thai postings.
	'руб': 'RUB', 'руб.': 'RUB', 'рублей': 'RUB', 'рубля': 'RUB', 'грн': 'UAH', 'грн.': 'UAH', '₴': 'UAH', '₸': 'KZT', 'тг': 'KZT', 'тенге': 'KZT',
	'VNĐ': 'VND', 'đ': 'VND', 'บาท': 'THB',
};
const CODES = [
	'USD', 'CAD', 'EUR', 'GBP', 'AUD', 'NZD', 'SGD', 'HKD', 'CHF', 'JPY', 'CNY', 'KRW', 'INR', 'BRL', 'MXN', 'ZAR',
	'SEK', 'NOK', 'DKK', 'ISK', 'PLN', 'CZK', 'HUF', 'RON', 'BGN', 'UAH', 'ILS', 'AED', 'SAR', 'QAR', 'KWD', 'TRY', 'EGP',
	'RUB', 'NGN', 'KES', 'GHS', 'MAD', 'PHP', 'IDR', 'MYR', 'THB', 'VND', 'TWD', 'PKR', 'BDT', 'LKR', 'COP', 'CLP', 'ARS', 'PEN', 'UYU',
	'KZT',
];
const CODE = `(?:${CODES.join('|')})\\b`;

/**
 * A currency written before the amount: "$", "CA$", "€", "CHF", "人民币", a
 * code before a symbol ("CAD $110,000", "AUD $120k", "MXN $40,000": the code
 * says which dollar), and letters that are a currency only right before
 * digits: "R" (rand), "Rs." (rupee), "RM" (ringgit), "Rp" (rupiah).
 */
const BEFORE = `(?:US\\$|CA\\$|C\\$|AU?\\$|NZ\\$|NT\\$|S\\$|HK\\$|MX\\$|R\\$|[$€£¥￥₹₩₪₺₽₱฿₦]|人民币|${CODE}(?:\\s?[$€£¥￥₹₩₪₺₽₱฿₦])?|RMB\\b|(?<![\\p{L}\\d])(?:R|Rs\\.?|RM|Rp)(?=\\s?\\d))`;
/**
 * Currencies named in words after the amount: "50 000 et 60 000 euros bruts", "60.000 - 70.000 Euro", "40,000
 * dollars" ("$": the posting's country says whose dollar, as for the sign).
 */
const WORD_CURRENCIES: Record<string, string> = { euro: 'EUR', euros: 'EUR', dollars: '$', pounds: 'GBP', reais: 'BRL', rupees: 'INR', yen: 'JPY' };
/** {@link WORD_CURRENCIES}, lower case or capitalized, as whole words. */
const CURRENCY_WORDS = `(?:${Object.keys(WORD_CURRENCIES).map((word) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`).join('|')})(?!\\p{L})`;
/** Whether a token names its currency (a code, a word), where a symbol may stand for several: "R$ 5.000 - 7.000 reais" is one range. */
const namesCurrency = (token: string): boolean => CODES.includes(token.toUpperCase()) || token.toLowerCase() in WORD_CURRENCIES;
/** A currency written after the amount: "60.000 €", "45 000 kr", "3,850 USD", "600万円", "60 000 Kč", "200 000 руб.", "20.000.000đ". */
const AFTER = `(?:[€£円元원₫₺₽₪₩₱฿₦₴₸]|${CURRENCY_WORDS}|TL\\b|kr\\b\\.?|zł|Kč|Ft\\b|lei\\b|CHF\\b|RMB\\b|руб(?:лей|ля|\\.)?|грн\\.?|тенге|тг(?!\\p{L})|VNĐ|đ(?!\\p{L})|บาท|${CODE})`;
/**
 * Digits grouped in thousands by comma, dot, space or apostrophe, or in
 * India's lakhs ("18,00,000"); optional cents, or the ",-" of "3.800,-" (Austria's "60.000,--" too); an
 * optional multiplier: k, M, B, lakh ("18L", "18 LPA"), crore, and the myriads
 * of Chinese, Japanese and Korean (万 and 만 ten thousand, 億 and 억 a hundred million, 천만 and 千万 ten million).
 */
const NUMBER = `(\\d{1,2}(?:,\\d{2})+,\\d{3}(?!\\d)|[1-9]\\d{0,2}(?:[,.\\s'’]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)(?:[.,][-–]{1,2})?(?:\\s?((?:k|K|m|M|mn|million|B|bn|billion|L|LPA|[Ll]akhs?|[Ll]acs?|[Cc]rores?|Cr|juta|jt)(?![\\p{L}\\d])|천만|백만|千万|千萬|百万|百萬|[万萬만億亿억]))?`;
/** A number with the currency, if any, on either side (groups: currency before, digits, multiplier, currency after). */
const AMOUNT_PATTERN = new RegExp(`(?:(${BEFORE})\\s?)?(?<![\\d.,])${NUMBER}(?:\\s?(${AFTER}))?`, 'gu');

/** Multipliers that name the currency they count in: lakhs and crores are India's. */
const RUPEE_MULTIPLIERS = /^(?:L|LPA|lakhs?|lacs?|crores?|Cr)$/i;

/** A number as written in one sentence, with its offsets. */
interface Amount {
	value: number;
	/** The multiplier written with it ("k"), which a range's low end may share ("120-150k"). */
	multiplier?: string;
	/** An ISO code, or a symbol ("$", "kr") for {@link currencyOf} to resolve; undefined for a bare number. */
	currency?: string;
	start: number;
	end: number;
}

function amountsIn(text: string): Amount[] {
	// Every amount has a digit, and most paragraphs have none: the pattern tries its currencies at every character.
	if (!/\d/.test(text)) return [];
	return [...text.matchAll(AMOUNT_PATTERN)].map((match) => {
		const [, written, digits, multiplier, after] = match;
		// A code before a symbol is the code: "CAD $110,000".
		const before = written && /^[A-Z]{3}\s?\S$/.test(written) ? written.slice(0, 3) : written;
		// A code says more than a symbol: "$153,547 USD" is US dollars wherever the role is.
		const currency = (after && CODES.includes(after.toUpperCase()) ? after : (before ?? after)) ?? (multiplier && RUPEE_MULTIPLIERS.test(multiplier) ? 'INR' : undefined);
		return {
			value: toNumber(digits!, multiplier),
			...(multiplier ? { multiplier } : {}),
			...(currency ? { currency } : {}),
			start: match.index,
			end: match.index + match[0].length,
		};
	});
}

/** What each multiplier counts. */
const SCALES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9, l: 1e5, lpa: 1e5, lakh: 1e5, lakhs: 1e5, lac: 1e5, lacs: 1e5, crore: 1e7, crores: 1e7, cr: 1e7, juta: 1e6, jt: 1e6, 万: 1e4, 萬: 1e4, 만: 1e4, 億: 1e8, 亿: 1e8, 억: 1e8, 천만: 1e7, 千万: 1e7, 千萬: 1e7, 백만: 1e6, 百万: 1e6, 百萬: 1e6 };

/**
 * "60.000" and "60,000" are sixty thousand; "45.50" and "45,50" are forty-five
 * and a half; "140,000.00" is 140,000; "18,00,000" is eighteen lakh; "1.2"
 * with an M is 1.2 million; "600" with 万 is six million.
 */
function toNumber(digits: string, multiplier: string | undefined): number {
	const decimal = /[.,](\d{1,2})$/.exec(digits);
	const whole = decimal ? digits.slice(0, decimal.index) : digits;
	const value = Number(whole.replace(/[,.\s'’]/g, '')) + (decimal ? Number(`0.${decimal[1]}`) : 0);
	const scale = multiplier ? (SCALES[multiplier.toLowerCase()] ?? 1) : 1;
	return Math.round(value * scale * 100) / 100;
}

/**
 * Words between two amounts that make them one range: "$45 - $55", "60.000 bis 70.000 €", "de 8.000 a 12.000", "600万円〜900万円",
 * and, after "between" ("zwischen", "entre", "tra", "tussen", "pomiędzy"), "and" ("und", "et", "e", "y", "en", "i").
 */
// The low end may carry its period too: "$85/hour - $95/hour", "$40 per hour to $50 per hour"; and gross or net: "entre
// 24 000 € brut et 26 000 € brut", "zwischen 50.000 € brutto und 60.000 € brutto", "$100,000 base and $120,000".
const JOINER = /^(?:\s*(?:\/\s*|\s(?:per|an?)\s+)(?:hour|hr|h|year|yr|annum|month|mo|jahr|monat|stunde|std|mois|heure|mes|a[ñn]o|m[eê]s)\b)?(?:\s+(?:brut(?:to|s)?|netto?|gross|base)\b)?\s*(?:-|–|—|~|〜|～|至|to|and|bis|à|a|até|tot|al|y|und|et|e|en|i|do|til|till|до)\s*$/i;
const AND = /^\s*(?:and|y|und|et|e|en|i)\s*$/i;
const BETWEEN = /(?:^|[^\p{L}])(?:between|entre|zwischen|tra|fra|tussen|pomi[eę]dzy|mi[eę]dzy)\s+\S*\s*$/iu;

/** The text before an offset, back at most `reach` characters, without a word cut at its start ("…tra" of "extra" is not "tra"). */
function wordsBefore(text: string, at: number, reach: number): string {
	const start = Math.max(0, at - reach);
	const window = text.slice(start, at);
	return start > 0 && /\p{L}/u.test(text[start - 1]!) ? window.replace(/^\p{L}+/u, '') : window;
}

/** A low–high pair, or a single figure (min = max), with the currency one of its ends names. */
interface Stated {
	min: Amount;
	max: Amount;
	currency: string;
	/** The range's low end was a form's placeholder ("$1 - $85K"): the high end alone, a ceiling. */
	ceiling?: true;
}

/**
 * Pairs numbers joined as a range ("$45 - 55", "60.000 bis 70.000 €",
 * "between $115,000 and $130,000"); every other number with a currency is a
 * single figure. Numbers with no currency at either end are not money.
 */
function pairUp(text: string, amounts: readonly Amount[]): Stated[] {
	const stated: Stated[] = [];
	for (let index = 0; index < amounts.length; index += 1) {
		let low = amounts[index]!;
		const high = amounts[index + 1];
		const joiner = high ? text.slice(low.end, high.start) : '';
		const joined =
			high !== undefined &&
			JOINER.test(joiner) &&
			(!AND.test(joiner) || BETWEEN.test(wordsBefore(text, low.start, 60))) &&
			(low.currency === undefined || high.currency === undefined || low.currency === high.currency || [low.currency, high.currency].some(namesCurrency));
		if (high && joined && low.value <= 1 && high.value >= 1000) {
			// "$1 - $85K" (YC's salary field, 13 of its strings): the form's minimum left at 1, not pay of $1 (nor, with the
			// "K" shared, of $1,000). What is stated is the ceiling.
			const currency = high.currency ?? low.currency;
			if (currency) stated.push({ min: high, max: high, currency, ceiling: true });
			index += 1;
		} else if (high && joined) {
			// "120-150k": the low end shares the high end's multiplier, where that keeps it the low end ("$500 - $2K / monthly"
			// was 500,000 to 2,000).
			if (!low.multiplier && high.multiplier) {
				const shared = toNumber(text.slice(low.start, low.end).replace(/^\D+/, ''), high.multiplier);
				if (shared <= high.value) low = { ...low, value: shared };
			}
			const currency = [high.currency, low.currency].find((token) => token && namesCurrency(token)) ?? low.currency ?? high.currency;
			if (currency) stated.push({ min: low, max: high, currency });
			index += 1;
		} else if (low.currency && !halfFilled(text, amounts[index - 1]?.end ?? 0, low, high?.start ?? text.length)) {
			stated.push({ min: low, max: low, currency: low.currency });
		}
	}
	return stated;
}

/** A range's joiner with nothing but a currency on its other side, then the end of the clause: "$120,000 - ", "$80,000 – $". */
const OPEN_AFTER = /^\s*(?:[-–—~]|to)\s*\p{Sc}?\s*(?:$|[.;,)\n])/u;
/** …or before: "between - S$1,000,000,000.00", "Salary: $ - $150,000", "Pay range: - $90,000". */
const OPEN_BEFORE = /(?:\bbetween|[:(]|\p{Sc})\s*(?:[-–—~]|to)\s*$/u;

/**
 * Whether a lone figure is one end of a range template nobody finished: Riot's
 * "Base salary range between - S$1,000,000,000.00 SGD" published a billion
 * dollars a year. A single figure with a dash as a label ("Base pay - $120,000")
 * is still one.
 */
function halfFilled(text: string, from: number, amount: Amount, to: number): boolean {
	return OPEN_AFTER.test(text.slice(amount.end, to)) || OPEN_BEFORE.test(text.slice(from, amount.start));
}

/**
 * Words that name a period, in the languages postings are written in. German
 * and Dutch write them inside compounds ("Bruttomonatsgehalt",
 * "jaarsalaris"), and Chinese, Japanese and Korean name them in the word for
 * the pay itself (年収, 月給, 연봉), with no spaces around: those are matched
 * anywhere in a word. Letters are spelled out as Latin ranges, not `\p{L}`:
 * the `u` flag that needs made these patterns, tried around every amount,
 * take two thirds longer.
 */
const PERIODS: Array<[RegExp, PayRange['period']]> = [
	[
		/\b(?:per|an?|\/)\s*(?:hour|hr)\b|\bhourly\b|\/\s*h(?![a-z\u00df-\u00f6\u00f8-\u024f\d])|\b(?:pro|je)\s+stunde\b|\/\s*std\b|\/\s*godz\b|stundenlohn|\bpar heure\b|\bhoraire\b|\bpor hora\b|\bper uur\b|uurloon|\ball'ora\b|\bna godzin[eę]\b|\bza godzin[eę]\b|\btimel[øo]nn?\b|\btimme\b|\bper jam\b|時給|时薪|시급/i,
		'HOUR',
	],
	[/\b(?:per|a|\/)\s*day\b|\bdaily\b|\bday\s+rate\b|\bpro tag\b|tagessatz|\bpar jour\b|\bpor d[ií]a\b|\bper dag\b|\bal giorno\b|日給|日薪|일급/i, 'DAY'],
	[/\b(?:per|a|\/)\s*(?:week|wk)\b|\bweekly\b|\bpro woche\b|\bpar semaine\b|\bpor semana\b|\bper week\b|週給|周薪|주급/i, 'WEEK'],
	[
		/\b(?:per|a|\/)\s*(?:month|mo)\b|\bmonthly\b|\bpro monat\b|\/\s*monat\b|\bmonatlich[a-z\u00df-\u00f6\u00f8-\u024f]*|monats(?:brutto|netto)?(?:gehalt|geh[äa]lter|lohn|l[öo]hne|verdienst|entgelt|verg[üu]tung)|monatsbrutto|\bpar mois\b|\bmensuel(?:le)?s?\b|\b(?:al|por|ao) m[eê]s\b|\bmensual(?:es)?\b|\bpor m[eê]s\b|\bmens(?:al|ais)\b|\bper maand\b|maand(?:salaris|loon)|\bal mese\b|\bmensil[ei]\b|\bp(?:er|r\.?)\s*m[åa]n(?:ad|ed)\b|\b(?:i|om) m[åa]n(?:aden|eden)\b|\bm[åa]nedlig[a-z\u00df-\u00f6\u00f8-\u024f]*|m[åa]n(?:ads|eds)l[öø]nn?|\/\s*m[åa]n\b|\bkuukaudessa\b|kuukausipalkka|\/\s*kk\b|\bmiesi[eę]cznie\b|\bna miesi[aą]c\b|\/\s*mies\b|\bm[eě]s[ií][cč]n[eě](?![a-z\u00df-\u00f6\u00f8-\u024f])|\bza m[eě]s[ií]c\b|\bhavonta\b|\bhavi\b|\/\s*h[óo](?![a-z\u00df-\u00f6\u00f8-\u024f])|\bpe lun[aă](?![a-z\u00df-\u00f6\u00f8-\u024f])|\blunar\b|\bper bulan\b|\bbulanan\b|\bayl[ıi]k\b|\/\s*mois\b|\/\s*mes\b|\/\s*m[eê]s\b|(?:^|\s)[x×]\s?1[2-5](?!\d)|\b1[2-5]\s?(?:x\s)?(?:monatsl[öo]hne|monatsgeh[äa]lter|geh[äa]lter|pagas|mensilit[àa]|salaires)(?![a-z\u00df-\u00f6\u00f8-\u024f])|月給|月額|月収|月收|月薪|월급/i,
		'MONTH',
	],
	[
		/\b(?:per|a|\/)\s*(?:year|yr|annum)\b|\bannual(?:ly|i[sz]ed)?\b|\byearly\b|\bp\.\s?a\b|\bOTE\b|\bLPA\b|\bpro jahr\b|\bj[äa]hrlich[a-z\u00df-\u00f6\u00f8-\u024f]*|jahres(?:brutto|netto)?(?:gehalt|lohn|verdienst|entgelt|verg[üu]tung|einkommen)|jahresbrutto|\bpar an\b|\bannuel(?:le)?s?\b|\b(?:al|por) a[ñn]o\b|\banual(?:es)?\b|\b(?:por|ao) ano\b|\banuais\b|\bper jaar\b|jaar(?:salaris|loon)|\ball'anno\b|\bannu[oia]\b|\bRAL\b|\/\s*jahr\b|\/\s*an\b|\/\s*a[ñn]o\b|\brocznie\b|\bna rok\b|\bp(?:er|r\.?)\s*[åa]r\b|\bi [åa]ret\b|(?<![a-z\u00df-\u00f6\u00f8-\u024f])[åa]rlig[a-z\u00df-\u00f6\u00f8-\u024f]*|(?<![a-z\u00df-\u00f6\u00f8-\u024f])[åa]rsl[öø]nn?|\bvuodessa\b|vuosipalkka|\bro[cč]n[eě](?![a-z\u00df-\u00f6\u00f8-\u024f])|\bza rok\b|(?<![a-z\u00df-\u00f6\u00f8-\u024f])[ée]vente\b|(?<![a-z\u00df-\u00f6\u00f8-\u024f])éves\b|\bpe an\b|\bper tahun\b|\btahunan\b|\by[ıi]ll[ıi]k\b|年収|年額|年薪|年俸|연봉/i,
		'YEAR',
	],
];

/** {@link PERIODS} as global patterns, for every mention: compiled once, not per amount. */
const PERIODS_ALL = PERIODS.map(([pattern, period]) => [new RegExp(pattern.source, `${pattern.flags}g`), period] as const);

/**
 * "Salary" says a year's pay in English ("Salary: $120,000"), but only
 * weakly: where pay is stated by the month, "Salary: BRL 6.000 - 8.000" is a
 * month's. Read only where no period is stated.
 */
const SALARY = /\bsalary\b/i;

/** A paragraph's text with where its sentences end, found once for all the amounts in it. */
interface Paragraph {
	text: string;
	/** Offsets just after each full stop, question or exclamation mark that ends a sentence, in order. */
	breaks: number[];
}

/** How far around an amount its sentence is read: no period or word for pay further away is about it, and a paragraph of amounts with no full stop stays linear to read. */
const REACH = 300;

/** A full stop before a lower-case word ends an abbreviation ("40.000 DKK pr. måned"), not the sentence. */
function paragraphOf(text: string): Paragraph {
	return { text, breaks: [...text.matchAll(/[.!?](?=$|\s+(?![\s\p{Ll}]))/gu)].map((match) => match.index + 1) };
}

/** Where the sentence holding a stated amount starts and ends, at most {@link REACH} characters on either side: a period elsewhere in the paragraph is not its period. */
function sentenceOf({ text, breaks }: Paragraph, stated: Stated): { from: number; to: number } {
	// The first break after the amount's start, by binary search: the one before it starts the sentence.
	let low = 0;
	let high = breaks.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (breaks[middle]! <= stated.min.start) low = middle + 1;
		else high = middle;
	}
	const from = Math.max(breaks[low - 1] ?? 0, stated.min.start - REACH);
	while (low < breaks.length && breaks[low]! <= stated.max.end) low += 1;
	const to = Math.min(breaks[low] ?? text.length, stated.max.end + REACH);
	return { from, to };
}

/**
 * Where the item an amount stands in ends: a ";" between list items run together ("Faixa salarial de R$3.500,00 à
 * R$3.769,20;Participação anual nos lucros" was a year's pay, by the profit sharing's "anual").
 */
function clauseEnd(text: string, from: number): number {
	const at = text.indexOf(';', from);
	return at < 0 ? text.length : at;
}

/** Hours before a period are working time, not the pay's period: "13,50 € pour un engagement de 35 heures par semaine", "40 hours a week". */
const WORKING_TIME = /\d\s*(?:hours?|hrs?|heures?|h|stunden|std\.?|horas|ore|uur|godzin(?:y)?|timmar|timer)\s*$/i;

/**
 * A count of payments before a period is how often the pay is paid, not the amount's period: "Sueldo neto mensual
 * 2.000 €, 14 sueldos completos al año" (InfoJobs) was 2,000 € a year. Spain pays in 14 "pagas", Austria 14
 * "Monatsgehälter", Italy 13 or 14 "mensilità".
 */
const PAYMENT_COUNT = /\d{1,2}\s+(?:pagas|sueldos|salarios|mensualidades|pagos|payments|salaries|monatsgeh[äa]lter|geh[äa]lter|salaires|mensilit[àa])(?:\s+\p{L}+){0,2}\s*$/iu;

/**
 * The period of a stated amount: the first period named after it (before the
 * next amount), else the last one named before it, else any in its sentence.
 */
function periodOf(paragraph: Paragraph, stated: Stated, next: Stated | undefined, previous: Stated | undefined): PayRange['period'] | 'salary' | undefined {
	const { text } = paragraph;
	const { from, to } = sentenceOf(paragraph, stated);
	const find = (start: number, end: number, last = false) => {
		const slice = text.slice(start, end);
		let best: { at: number; period: PayRange['period'] } | undefined;
		for (const [pattern, period] of PERIODS_ALL) {
			const all = [...slice.matchAll(pattern)].filter((hit) => !WORKING_TIME.test(slice.slice(Math.max(0, hit.index - 20), hit.index)) && !PAYMENT_COUNT.test(slice.slice(Math.max(0, hit.index - 40), hit.index)));
			const hit = last ? all.at(-1) : all[0];
			if (hit && (!best || (last ? hit.index > best.at : hit.index < best.at))) best = { at: hit.index, period };
		}
		return best?.period;
	};
	return (
		// From the amount's last digit: "$25/hour, 20 hours per week" has its "/" right after it, where no word boundary
		// starts the slice (it was a week's pay).
		find(stated.max.end - 1, Math.min(next?.min.start ?? to, to, clauseEnd(text, stated.max.end))) ??
		find(Math.max(previous?.max.end ?? from, from), stated.min.start, true) ??
		find(from, to) ??
		(SALARY.test(text.slice(from, to)) ? 'salary' : undefined)
	);
}

/**
 * Meal and travel vouchers and allowances as benefits lists name them in
 * Brazil, France, Germany, Italy, Belgium, Spain and Mexico ("Vale-refeição
 * de R$ 40 por dia", "VR de R$ 1.200/mês" were pay), and Brazil's
 * "auxílio" allowances, not an intern's "bolsa-auxílio", which is the pay.
 */
const MEAL_AND_TRAVEL = String.raw`vale[\s-]?(?:refei[çc][ãa]o|alimenta[çc][ãa]o|transporte|cultura)|(?<!bolsa[\s-])aux[ií]lio|tickets?[\s-]restaurants?|titres?[\s-]restaurants?|ch[èe]ques?[\s-](?:repas|d[ée]jeuner)|essens(?:zuschuss|geld)|jobticket|deutschlandticket|buoni[\s-]pasto|maaltijdcheques?|tarjeta[\s-]restaurante|vales?\s+de\s+(?:despensa|comida|gasolina)|ayuda\s+(?:de\s+)?(?:comida|transporte|teletrabajo)|fondo\s+de\s+ahorro|bono\s+de\s+(?:despensa|transporte)`;
/**
 * Brazil's voucher abbreviations (meal, food, transport), in capitals only ("va" is a word in Spanish and Italian),
 * before reais only: VA and VT are also Virginia and Vermont ("For hires in VA: $120,000").
 */
const VOUCHERS = /\bV[RAT]\b\W*(?:\w+\W+){0,3}$/;
/** Words that make an amount something other than this role's pay, right before it… */
const NOT_PAY_BEFORE = new RegExp(String.raw`\b(?:raised|funding|fund(?:ed)?|series\s+[a-h]|valuation|revenue|ARR|invest\w*|capital|fertility|HRA|HSA|FSA|coverage|reimburse\w*|budget|allowance|subsidy|(?:learning|education|wellness|home office|remote work|internet|phone|mobile|gym|fitness|commuter|transport(?:ation)?|housing|meal|lunch|travel|relocation|equipment|development|childcare|health(?:care)?|medical|dental|insurance|co-?working|conference|books?)\s+(?:stipend|allowance|budget)|sign[\s-]?on|referral|bonus(?:es)?\s+of|primes?|over|more than|sav(?:e[sd]?|ings?)|deals?\s+(?:of|from|between|worth|averaging|sized|up\s+to)|quotas?|book\s+of\s+business|insurance|(?:commuter|transit|parking)\s+benefits?|donations?|gifts?|matching|expenses?|tickets?|vouchers?|coupons?|rent(?:als?|s)?(?![a-z])|apartments?|accommodation|deposit|values?|valued|worth|\d(?:\.\d)?\s*[x×]\s+(?:\w+\s+)?(?:salary|pay|earnings)|401\s?\(?k\)?(?:\s+match(?:ing)?)?|pension|retirement|rrsp|superannuation|${MEAL_AND_TRAVEL})\W*(?:\w+\W+){0,3}$`, 'i');
/**
 * Variable pay named right after the amount: "up to $120,000 in performance-based incentives" (beside a "$9,000
 * monthly retainer" it was $120,000 a month), "$20,000 in commissions". Not "$150k - $180k base, plus commission".
 */
const VARIABLE_AFTER = /^\s*(?:in\s+)?(?:[\w-]+\s+)?(?:incentives|commissions?)\b/i;
/** …or right after it, in the same clause. */
const NOT_PAY_AFTER = /^\W*(?:\w+\W+){0,3}?(?:(?:variable|incentive)\s+(?:pay|compensation)|fund|towards?|for\s+(?:your\s+)?(?:internet|phone|mobile|co-?working(?:\s+space)?|rent|(?:public\s+)?transport(?:ation)?|commut\w*|gym|fitness|wellness|learning|books|lunch|meals?|food|childcare|home\s+office|equipment|travel|conferences?|courses?|training|education|(?:professional\s+)?development|certifications?|(?:monthly\s+)?premiums)|per\s+(?:employee|person|head)|premiums|vouchers?|gift\s+cards?|stipend|allowance|budget|subsidy|reimbursement|credit|grant|bonus|in\s+funding|raised|valuation|revenue|ARR|ACV|TCV|in\s+(?:annual\s+)?(?:savings|bookings|pipeline|deals|invoices|payments|volume|assets|gmv)|spend|payouts|transactions|in\s+sales|capital|investment|series\s+[a-h]|lifetime|of\s+capital)\b/i;
/**
 * German compounds name what an amount is for in one word, before it or after it: "Studienbudget von 2.000 € pro
 * Jahr", "3.000 € Weiterbildungsbudget", "Sachbezugswert i.H.v. 45,00 €", "Werbeprämie von 1000 Euro", "100.000€
 * Adspend im Jahr" (arbeitnow's postings: each was read as pay). A budget, allowance, voucher, value of goods, bonus,
 * grant, turnover or ad spend is never the role's pay.
 */
const GERMAN_NOT_PAY = String.raw`\p{L}*(?:budget|zusch(?:uss|üsse)|pauschale|gutscheine?n?|guthaben|wert|prämie|stipendium|umsatz|adspend)`;
const GERMAN_NOT_PAY_BEFORE = new RegExp(String.raw`(?<!\p{L})${GERMAN_NOT_PAY}\P{L}*(?:\p{L}+\P{L}+){0,3}$`, 'iu');
/**
 * …and after it, or what it is for: "50€ monatlich für deine Altersvorsorge" ("für deine Erfahrung" may still be
 * pay). Not past "zzgl.", "plus" or "und": "3.500 € brutto zzgl. Weiterbildungsbudget" is pay and a budget.
 */
const GERMAN_NOT_PAY_AFTER = new RegExp(
	String.raw`^\P{L}*(?:(?!(?:zzgl|zuzüglich|plus|sowie|und|inkl)(?!\p{L}))\p{L}+\P{L}+){0,3}?(?:${GERMAN_NOT_PAY}|f[üu]r\s+(?:deine?n?s?|ihre?n?s?|die|den|das)?\s*\p{L}*(?:altersvorsorge|weiterbildung|fortbildung|mobilität|fitness|gesundheit|sport|mittagessen|verpflegung|home-?office|ausstattung|einrichtung|kinderbetreuung|internet|ticket|fahrt\p{L}*))(?!\p{L})`,
	'iu',
);
/**
 * Brazil's benefits as Gupy's postings list them, each with its amount: "Alimentação: R$1.000,00/mês creditado no
 * cartão Flash", "Vale Home Office: R$141,16/Mês", "Benefício Flexíveis: R$200,00/Mês", "Auxílio Refeição no Caju
 * no valor de R$ 300,00 por mês", "Auxílio Home Office (no cartão Caju) de R$180/mês", "planos a partir de
 * R$35,90/mês". Not an intern's "bolsa-auxílio", which is the pay.
 */
const PORTUGUESE_NOT_PAY_BEFORE =
	/(?<!\p{L})(?:(?<!bolsa[\s-])aux[ií]lio|vale|benef[ií]cios?|cart[ãa]o|alimenta[çc][ãa]o|refei[çc][ãa]o|creche|cultura|home\s*office|planos?|voucher|passagens?|academia|seguro|odontol[óo]gico|desconto)(?!\p{L})\P{L}*(?:\p{L}+\P{L}+){0,6}$/iu;
/** …and after the amount: "para utilizar como fizer sentido", "creditado no cartão", "por filho", "de desconto". */
const PORTUGUESE_NOT_PAY_AFTER = /^\P{L}*(?:\p{L}+\P{L}+){0,3}?(?:para\s+(?:utilizar|usar|uso|gastar|compras?)|creditad[oa]s?|no\s+cart[ãa]o|em\s+vale|por\s+(?:filho|dependente)|de\s+desconto)(?!\p{L})/iu;

/**
 * A budget or allowance named further after the amount, in the same run of words (no comma, "plus" or "and" between):
 * "$3,000 USD accrued annually in professional development budget".
 */
const BUDGET_AFTER = /^[^\S\n]*(?:(?!(?:plus|and|with|or)\b)[\w$-]+[^\S\n]+){0,6}?(?:budget|stipend|allowance|reimbursement|subsidy)\b/i;

/** Variable pay named before the amount, a few words back: "annual variable performance-based compensation earnings of on average $23,000". */
const VARIABLE_BEFORE = /\bvariable\b(?:\W+[\w-]+){0,6}\W*$/i;

/**
 * The role's own pay named between such a word and the amount, which the amount then is: "a variable component and a
 * base salary of $120,000", "Plano de carreira e salário de R$ 5.000".
 */
const BASE_PAY = /(?<!\p{L})(?:base|salary|salaries|wages?|gehalt|lohn|sal[áa]rio|sueldo|remunera[çc][ãa]o|bolsa)(?!\p{L})/iu;

/** Whether `pattern` (a word, then up to a few words and the amount) matches, with no word for the role's pay after its word. */
function namedBefore(pattern: RegExp, before: string): boolean {
	const match = pattern.exec(before);
	if (!match) return false;
	// The words after the cue's first word: "variable" / "Plano" and what follows it up to the amount.
	const cue = /^\P{L}*\p{L}+/u.exec(match[0])?.[0].length ?? 0;
	return !BASE_PAY.test(before.slice(match.index + cue));
}

/** A figure stated by the quarter, which no period of a posting's pay is: "Business expense stipend- $125 quarterly". */
const QUARTERLY = /^\s*(?:\/\s*|per\s+|a\s+|each\s+)?(?:quarter|quarterly|qtr)\b/i;

/**
 * More than any role's pay in the currencies {@link YEARLY_FLOOR} names, whatever the period: "processing $100B+ in
 * invoices annually" was a year's pay of $100 billion.
 */
const HIGHEST_PAY = 10_000_000;

/**
 * A range whose high end is more than this many times its low end is no pay range: "project values between £1m and
 * £1bn+" (the widest real ones seen are ten times: a commission-only role's "$250 – $2,500 a month").
 */
const WIDEST_RANGE = 20;

/**
 * Pay by the piece, which no period of a job posting's states: "$20 per 100 words", "$100 per article", "$0.06 per
 * word" (a copywriter's $0.034 a word was $34 an hour).
 */
const PER_PIECE = /^\s*(?:\/|per|an?)\s*(?:\d+\s+)?(?:(?:successful|closed|qualified)\s+)?(?:words?|articles?|pieces?|posts?|pages?|videos?|tasks?|items?|units?|deliver(?:y|ies)|leads?|appointments?|miles?|km|referrals?|hires?|placements?)\b/i;

/** A budget or allowance for something else, labelled in Portuguese or Spanish: "Budget para Educação / Home Office: R$ 2.000/ano". */
const BENEFIT_BUDGET = /(?:budget|or[çc]amento|presupuesto|aux[ií]lio|ayuda|bono)\s+(?:para|de|da|do|del)\s[^.;:\n]{0,40}[:\-–]?\s*$/iu;

/**
 * A sentence that speaks of pay, so a lone figure in it can be the role's pay.
 * German, Dutch and the Nordic languages make compounds of the word
 * ("Jahresbruttogehalt", "maandsalaris", "månadslön"); Chinese, Japanese and
 * Korean write it with no spaces around.
 */
const PAY_WORDS =
	/(?<![\p{L}\d_])(?:salary|salaries|pay|compensation|wages?|rate|stipend|earn(?:ings)?|OTE|CTC|r[ée]mun[ée]ration|salaire|taux\s+horaire|salario|sueldo|remuneraci[óo]n|renta(?=\s*(?:[:$]|l[ií]quid|brut|mensual|desde|entre|$))|sal[áa]rio|remunera[çc][ãa]o|bolsa[\s-]aux[ií]lio|bolsa\s+de\s+est[áa]gio|retribuzione|stipendio|RAL|wynagrodzeni[ea]|pensja|stawka|zarobki|palkk?a|mzda|plat|fizet[ée]s|b[ée]r|salariu|maa[şs]|[üu]cret|gaji|upah|l[ưu][ơo]ng|зарплат[аы]|заработн\p{L}*\s+плат\p{L}*|заробітн\p{L}*\s+плат\p{L}*|з\/п|оклад|доход|μισθός|שכר|الراتب|เงินเดือน)(?![\p{L}])|(?:gehalt|geh[äa]lter|lohn|l[öo]hne|verg[üu]tung|verdienst|entgelt|salaris|loon|l[öø]nn?|palkka)(?![\p{L}])|給与|給料|年収|月給|月額|時給|報酬|薪资|薪酬|薪水|工资|年薪|月薪|연봉|급여|월급|시급/iu;

/**
 * Words right before a single figure that make it a ceiling ("a competitive
 * basic salary of up to £38,000", "bis zu 70.000 €", "jusqu'à 55 000 €")…
 */
const UP_TO_BEFORE = /(?:(?<!\p{L})up\s+to|(?<!\p{L})max(?:imum)?\.?(?:\s+(?:of|(?:annual\s+|base\s+)?(?:salary|pay|wage|compensation)(?:\s+of)?))?:?|(?<!\p{L})not\s+to\s+exceed|(?<!\p{L})bis\s+zu|(?<!\p{L})h[öo]chstens|(?<!\p{L})jusqu['’]?\s*[àa]|(?<!\p{L})hasta|(?<!\p{L})at[ée]|(?<!\p{L})fino\s+a|(?<!\p{L})maximaal|(?<!\p{L})maksymalnie|(?<!\p{L})до|(?<!\p{L})עד|[〜～])\s*$/iu;
/**
 * …or a floor ("from €60,000", "ab 60.000 €", "à partir de 45 000 €", "starting at $120,000", "minimum salary $80,000"), or
 * after it ("$150k+", "600万円〜", "or more", "minimum", "plus" ending the clause; not "$100,000 plus $20,000 in
 * commissions" nor "plus equity", which add to it).
 */
const FROM_BEFORE = /(?:(?<!\p{L})from|(?<!\p{L})starting\s+(?:at|from)|(?<!\p{L})starts\s+at|(?<!\p{L})min(?:imum)?\.?(?:\s+(?:of|(?:annual\s+|base\s+)?(?:salary|pay|wage|compensation)(?:\s+of)?))?:?|(?<!\p{L})at\s+least|(?<!\p{L})ab|(?<!\p{L})mindestens|(?<!\p{L})[àa]\s+partir\s+de|(?<!\p{L})desde|(?<!\p{L})a\s+partir\s+de|(?<!\p{L})a\s+partire\s+da|(?<!\p{L})vanaf|(?<!\p{L})od|(?<!\p{L})от|(?<!\p{L})minimaal|(?<!\p{L})החל\s+מ-?)\s*$/iu;
const FROM_AFTER = /^(?:\+(?![\p{L}\d])|\s*[〜～](?!\s*\d)|\s+(?:or\s+more|and\s+(?:above|up)|plus(?=\s*(?:[.,;:)]|$))|minimum)\b)/iu;

/**
 * …or a minimum its clause states. Austria's law asks a posting for the least its role pays, and boards there write it
 * so, usually adding that more may be paid: "Das Mindestgehalt für diese Position beträgt € 3.500,- brutto", "the
 * minimum remuneration fixed for this position is : 60.000,--€ gross per year", "kollektivvertragliches Mindestgehalt
 * von …". Not "minimum wage", which is the law's floor, not the role's.
 */
const MINIMUM_BEFORE = /(?<!\p{L})(?:mindest\p{L}*(?:gehalt|lohn|entgelt|bezug)|minimum(?:\s+\p{L}+){0,3}?\s+(?:salary|pay|remuneration|compensation))(?!\p{L})/iu;
/** …or says after it that more is paid ("Bereitschaft zur Überzahlung", "willingness to overpay"). */
const MORE_PAID_AFTER = /(?<!\p{L})(?:überzahlung|overpay(?:ment)?)(?!\p{L})/iu;

/**
 * Whether a single figure is only one end of the pay: a ceiling or a floor.
 * Said so, it is shown so ("Up to £38,000 per year"), and it is no range
 * where a law asks for one (src/review/pay-transparency.ts).
 */
function boundOf(text: string, stated: Stated): PayRange['bound'] {
	if (stated.ceiling) return 'upTo';
	if (stated.min !== stated.max) return undefined;
	const before = wordsBefore(text, stated.min.start, 40);
	if (UP_TO_BEFORE.test(before)) return 'upTo';
	if (FROM_BEFORE.test(before) || FROM_AFTER.test(text.slice(stated.max.end, stated.max.end + 20))) return 'from';
	if (MINIMUM_BEFORE.test(clauseBefore(text, stated.min.start, REACH)) || MORE_PAID_AFTER.test(text.slice(stated.max.end, stated.max.end + REACH))) return 'from';
	return undefined;
}

/**
 * Where a clause ends: a sentence's end, ";" or a bar between items ("+" starts what is on top of the pay). Not the full stop of an
 * abbreviation: "Verkaufswert von mind. 500,00€", "approx. €67.000", "Sachbezugswert i.H.v. 45,00 €".
 */
const CLAUSE_BREAK = /(?<!(?<!\p{L})(?:mind|min|max|ca|approx|est|inkl|zzgl|ggf|evtl|bzw|rd|i\.\s?H\.\s?v|z\.\s?B|u\.\s?a|jährl|monatl|mtl))[.;!?](?:\s|$)|[;+|]/iu;
/** The clause an amount at `at` stands in, up to it: back to the last {@link CLAUSE_BREAK} within `reach` characters. */
function clauseBefore(text: string, at: number, reach: number): string {
	return text.slice(Math.max(0, at - reach), at).split(CLAUSE_BREAK).at(-1) ?? '';
}

/** …and after an amount, also a bracket: "$150,000 (plus bonus)". */
const CLAUSE_BREAK_AFTER = new RegExp(`${CLAUSE_BREAK.source}|\\(`, 'iu');

/** Whether an amount is something other than pay: funding, a perk's budget, a lifetime cap, a placeholder. */
function isNotPay(paragraph: Paragraph, stated: Stated): boolean {
	const { text } = paragraph;
	const { from, to } = sentenceOf(paragraph, stated);
	// The clause the amount stands in: up to the previous and next sentence break, "+" or ";" (within reach: the words
	// that make an amount something else stand right next to it).
	const before = clauseBefore(text, stated.min.start, REACH);
	const after = text.slice(stated.max.end, stated.max.end + REACH).split(CLAUSE_BREAK_AFTER)[0] ?? '';
	if (NOT_PAY_BEFORE.test(before) || (VOUCHERS.test(before) && /^(?:R\$|BRL)$/i.test(stated.currency)) || NOT_PAY_AFTER.test(after) || VARIABLE_AFTER.test(after)) return true;
	if (PER_PIECE.test(text.slice(stated.max.end, stated.max.end + 40)) || BENEFIT_BUDGET.test(before)) return true;
	if (GERMAN_NOT_PAY_BEFORE.test(before) || GERMAN_NOT_PAY_AFTER.test(after)) return true;
	if (BUDGET_AFTER.test(after) || namedBefore(VARIABLE_BEFORE, before) || QUARTERLY.test(text.slice(stated.max.end, stated.max.end + 20))) return true;
	if (namedBefore(PORTUGUESE_NOT_PAY_BEFORE, before) || PORTUGUESE_NOT_PAY_AFTER.test(after)) return true;
	if (stated.min.value > 0 && stated.max.value > WIDEST_RANGE * stated.min.value && !stated.ceiling) return true;
	// Anything after a "+" in its sentence is on top of the pay: "$114,000-$136,000 base salary + up to $20,000 in variable compensation".
	// A "+" standing alone, not the one of "C++" or "$150k+".
	if (/(?:^|\s)\+(?:\s|$)/.test(text.slice(from, stated.min.start))) return true;
	// A single figure needs a sentence about pay, or a period of its own ("$34.62/hour").
	// (The period is looked for from the amount's last character: "$25/hour" has its "/" right after the digits.)
	if (stated.min === stated.max && !PAY_WORDS.test(text.slice(from, to)) && !periodAfter(text, stated) && !periodLabelBefore(text, stated)) return true;
	return false;
}

/**
 * How far after a lone figure its own period is looked for: far enough for a note on tax between them ("110 zł netto
 * (+ VAT) / godz.", as Polish boards write a contractor's rate), not so far that another sentence's period is its own.
 */
const OWN_PERIOD_REACH = 30;

/** Whether a lone figure has a period of its own right after it ("$34.62/hour"), looked for from its last character: "$25/hour" has its "/" right after the digits. */
function periodAfter(text: string, stated: Stated): boolean {
	const after = text.slice(stated.max.end - 1, stated.max.end + OWN_PERIOD_REACH);
	return PERIODS.some(([pattern]) => pattern.test(after));
}

/** How far before a lone figure the clause its period label opens may start. */
const LABEL_REACH = 40;

/** What may stand between a period used as a figure's label and the figure: "de", "of", a colon or dash, a currency sign or code. */
const LABEL_JOIN = /^\s*(?:de|d['’]|of|:|[-–])?\s*(?:\p{Sc}|[A-Z]{3})?\s*$/u;

/**
 * Whether a lone figure is labelled with its period, right before it: France Travail's "Mensuel de 1710,00 Euros sur
 * 12 mois" and "Horaire de 11,88 Euros" (the form every posting there, and many French boards' copies of them, give
 * pay in), "Monthly: €2,000".
 */
function periodLabelBefore(text: string, stated: Stated): boolean {
	// The clause up to the figure, which the period must open: "une prime mensuelle de 750 €" is a bonus's period.
	const clause = clauseBefore(text, stated.min.start, LABEL_REACH);
	return PERIODS.some(([pattern]) => {
		const found = pattern.exec(clause);
		return found !== null && /^[\s\p{P}]*$/u.test(clause.slice(0, found.index)) && LABEL_JOIN.test(clause.slice(found.index + found[0].length));
	});
}

/**
 * Where pay is stated by the month as a rule, the most a month's pay is
 * likely to be, in the currency's units: a figure up to it with no period
 * stated is a month's pay ("Salário: R$ 6.500,00", "20-25k PLN netto"); above
 * it, a year's. Brazil, Mexico, Chile, Colombia, Poland, Czechia, Hungary,
 * Romania, Turkey, Ukraine, Indonesia, the Philippines, Vietnam, Thailand,
 * Malaysia, Israel, the UAE, Saudi Arabia, Qatar, Kuwait, China, Taiwan, Peru,
 * Nigeria, Kenya, Pakistan, Russia, Kazakhstan, Singapore, Hong Kong, Egypt,
 * Argentina, South Africa, Bangladesh, Sri Lanka, Morocco and Ghana; about five times a senior engineer's monthly
 * pay there (less where that would reach a junior's yearly pay), and under a
 * junior's yearly pay.
 */
const MONTHLY_UP_TO: Record<string, number> = {
	BRL: 50_000, MXN: 200_000, CLP: 10_000_000, COP: 30_000_000, PLN: 60_000, CZK: 300_000, HUF: 3_000_000, RON: 40_000,
	TRY: 400_000, UAH: 300_000, IDR: 100_000_000, PHP: 400_000, VND: 150_000_000, THB: 300_000, MYR: 50_000,
	ILS: 100_000, AED: 100_000, SAR: 100_000, QAR: 100_000, CNY: 100_000, TWD: 300_000, PEN: 30_000, NGN: 2_000_000, KES: 800_000, PKR: 1_000_000,
	RUB: 1_000_000, KZT: 5_000_000, KWD: 10_000,
	// Before: "S$6,000 - S$8,000" was a year's pay (about US$5,000), as were Egypt's, South Africa's and Ghana's monthly figures.
	SGD: 40_000, HKD: 200_000, EGP: 200_000, ARS: 10_000_000, ZAR: 200_000, BDT: 500_000, LKR: 1_000_000, MAD: 80_000, GHS: 50_000,
	// India states a salary by the year (CTC, LPA), but an intern's stipend by the month: "₹15K - ₹18K" was ₹18,000 a
	// year (YC's board). Under what the lowest-paid yearly offers state (about ₹1.5 lakh and up).
	INR: 150_000,
};

/**
 * The period of pay stated without one: a figure under 1,000 is an hourly rate; a month's pay where that is the
 * custom; else a year's. A salary under 1,000 is no year's pay either: an hour's under 300 (Riot's "Base salary range
 * between $51.14 - $71.99 USD", its template for every role, was $72 a year), else a month's (an intern's "€800").
 */
function unstatedPeriod(currency: string, max: number, salary = false): PayRange['period'] {
	if (max < 1000) return !salary || max < 300 ? 'HOUR' : 'MONTH';
	if (YEARLY_FLOOR.has(currency)) return max < 10_000 ? 'MONTH' : 'YEAR';
	const monthly = MONTHLY_UP_TO[currency];
	return monthly !== undefined && max <= monthly ? 'MONTH' : 'YEAR';
}

/**
 * Currencies whose salaries are stated by the year, where a figure under 10,000 is no year's pay: a month's. "$2.5K -
 * $5K" and "$300 - $1K" (YC's board) were a year's pay; a full-time year's pay is above that in each of these countries.
 */
const YEARLY_FLOOR: ReadonlySet<string> = new Set(['USD', 'CAD', 'AUD', 'NZD', 'GBP', 'EUR', 'CHF', 'SEK', 'NOK', 'DKK']);

/** A paragraph about pay in the United States ("The US base salary range…"): its "$" is the US dollar wherever the role is. */
const UNITED_STATES = /\bU\.?S\.?A?\b|\bUnited States\b/;

/** The dollar of each country that writes its own as a bare "$". */
const DOLLARS: Record<string, string> = { CA: 'CAD', AU: 'AUD', NZ: 'NZD', SG: 'SGD', HK: 'HKD' };

/**
 * The peso of each country that writes it as a bare "$", in a sentence in
 * Spanish ("Sueldo base: $30,000 - $35,000 brutos mensuales" was US
 * dollars): in English, postings there mostly mean US dollars.
 */
const PESOS: Record<string, string> = { MX: 'MXN', AR: 'ARS', CL: 'CLP', CO: 'COP' };
const SPANISH_PAY = /(?<!\p{L})(?:sueldo|salario|renta|mensual(?:es)?|brutos?|netos?|pesos|al\s+mes|por\s+mes|anual(?:es)?|remuneraci[óo]n|prestaciones|l[ií]quidos?)(?!\p{L})/iu;

/**
 * The ISO code of a currency token. A symbol several currencies share is
 * read by the place: the one the range applies to, else the one country
 * every place of the posting is in.
 */
function currencyOf(token: string, appliesTo: string | undefined, postingCountry: string | undefined, spanish = false): string {
	const upper = token.toUpperCase();
	if (CODES.includes(upper)) return upper;
	const word = WORD_CURRENCIES[token.toLowerCase()];
	if (word) return word === '$' ? currencyOf(word, appliesTo, postingCountry, spanish) : word;
	// The posting's country only for a sentence that names no place: "CompensationThe US base range" names one, if badly.
	const country = appliesTo ? findRegion(appliesTo.replace(/-based.*$/i, ''))?.country : postingCountry;
	if (/^kr\.?$/i.test(token)) {
		// "kr" is the krona and both kroner (and Iceland's).
		if (country === 'NO' || /\bnorw/i.test(appliesTo ?? '')) return 'NOK';
		if (country === 'DK' || /\bdenmark\b/i.test(appliesTo ?? '')) return 'DKK';
		return country === 'IS' ? 'ISK' : 'SEK';
	}
	// "¥" is the yen and the yuan.
	if ((token === '¥' || token === '￥') && country === 'CN') return 'CNY';
	// A bare "$" in a Canadian, Australian, New Zealand, Singapore or Hong Kong posting is that country's dollar.
	if (token === '$' && country && PESOS[country] && spanish) return PESOS[country]!;
	if (token === '$') return (country && DOLLARS[country]) ?? (/\bcanada\b/i.test(appliesTo ?? '') ? 'CAD' : 'USD');
	return SYMBOLS[token] ?? 'USD';
}

/**
 * Where or to whom a range applies, from the words before it: "For
 * Colorado-based hires: …" -> "Colorado"; "New York City: …"; "based in San
 * Francisco"; "For candidates located in the UK, …"; "The United States base
 * range …"; "Level 2: …".
 */
function appliesToOf(before: string): string | undefined {
	// A place's name in capitals ("for US-based", "in London based"): not "in performance-based incentives".
	const based = /\b(?:[Ff]or|[Ii]n)\s+(?:the\s+)?([A-Z][\w .'’-]*?)(?:\s*-\s*|\s+)[Bb]ased\b/.exec(before);
	if (based) return based[1]!.trim();
	const hires = /\b[Ff]or\s+(?:hires|candidates|roles|employees)\s+(?:in|based in|located in)\s+(?:the\s+)?([A-Z][\w .,'’-]*?)\s*[:,]/.exec(before);
	if (hires) return hires[1]!.trim();
	const basedIn = /\bbased\s+in\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)/.exec(before);
	if (basedIn) return basedIn[1]!.trim();
	const titled = /^\s*(?:the\s+)?((?:[A-Z][\w.'’-]*\s+)+?)(?:base\s+|salary\s+|pay\s+|compensation\s+)+range\b/i.exec(before);
	if (titled && /^[A-Z]/.test(titled[1]!) && !/^(?:the|annual|base|salary|pay|estimated|expected)\s/i.test(titled[1]!)) return titled[1]!.trim();
	const label = /^\s*([A-Z][\w .,'’()-]{1,60}?)\s*:/.exec(before);
	if (label && !PAY_WORDS.test(label[1]!) && !/range|rate|base|pay/i.test(label[1]!)) return label[1]!.trim();
	return undefined;
}

/**
 * Finds pay in the visible text of a posting: ranges ("$140,000.00 -
 * $160,000.00", "€60.000 bis 70.000 €", "between $115,000 and $130,000") and
 * single figures, which become a range with min = max ("$34.62/hour",
 * "€1,500 per month", "3,850 USD / 2,310 GBP per week"), marked as a ceiling
 * or a floor where the text says so ("up to £38,000", "from €60,000"). Funding, perks,
 * caps and placeholders (a 0–0 range) are not pay.
 *
 * Works on plain text taken from sanitized HTML, so values that an ATS keeps
 * in attributes (spreadsheet `data-sheets-value` blobs) can never be read.
 *
 * @param blocks the text of each paragraph or list item, one entry per block
 * @param country the one country all the posting's places are in, if there is one: it tells which currency a shared
 *   symbol ("$", "kr", "¥") is, where the sentence names no place
 * @example
 * extractPayRanges(['For Colorado-based hires: Estimated annual salary of $168,000 - $206,000.'])
 * // => [{ appliesTo: 'Colorado', min: 168000, max: 206000, currency: 'USD', period: 'YEAR', text: '…' }]
 */
export function extractPayRanges(blocks: readonly string[], country?: string): PayRange[] {
	const ranges: PayRange[] = [];
	const seen = new Set<string>();
	for (const block of blocks) {
		const text = squash(block);
		const stated = pairUp(text, amountsIn(text));
		if (stated.length === 0) continue;
		const paragraph = paragraphOf(text);
		// A paragraph that speaks of the US ("This salary range reflects … this position in the U.S.") states US dollars.
		const inUnitedStates = UNITED_STATES.test(text);
		const whole = appliesToOf(text.slice(0, stated[0]?.min.start ?? 0));
		stated.forEach((item, index) => {
			const previous = stated[index - 1];
			// 0, or 1 alone ("$1", "£1 GBP", "₹1 INR" in 41 of YC's 4,355 salary fields): a field's placeholder, not pay.
			if (item.max.value <= 1 || isNotPay(paragraph, item)) return;
			// The words since the previous amount name this one's place ("…; Level 2: $X"), else the sentence's opening does.
			// (Read from the gap and as much again: the separator taken off its start lets as many characters after it in.)
			const gap = previous ? text.slice(previous.max.end, 2 * item.min.start - previous.max.end) : '';
			const appliesTo = (previous ? appliesToOf(gap.replace(/^[\s\W]*?(?:[;|/]|\band\b)\s*/, '').slice(0, item.min.start - previous.max.end)) : undefined) ?? whole;
			const period = periodOf(paragraph, item, stated[index + 1], previous);
			const currency = currencyOf(item.currency, appliesTo, inUnitedStates ? 'US' : country, SPANISH_PAY.test(text));
			const bound = boundOf(text, item);
			const range: PayRange = {
				...(appliesTo ? { appliesTo } : {}),
				min: item.min.value,
				max: item.max.value,
				currency,
				period: period === 'salary' || period === undefined ? unstatedPeriod(currency, item.max.value, period === 'salary') : period,
				...(bound ? { bound } : {}),
				text,
			};
			// A year's pay under 1,000 of any currency is a typo in the posting (Remote's "annual salary range … R$252,65 —
			// R$284,20 BRL"), not pay to publish.
			if (range.period === 'YEAR' && range.max < 1000) return;
			if (YEARLY_FLOOR.has(range.currency) && range.max > HIGHEST_PAY) return;
			const key = JSON.stringify([range.appliesTo, range.min, range.max, range.currency, range.period, range.bound]);
			if (seen.has(key)) return;
			seen.add(key);
			ranges.push(range);
		});
	}
	return ranges;
}
