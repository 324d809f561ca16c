/**
 * The language a posting's role text is written in, for the `lang` of the
 * parts of a page that show it: a screen reader reads a German posting on an
 * English site with a German voice only when the page says so (WCAG 3.1.2,
 * language of parts). Detected with franc (trigram profiles) over the
 * beginning of the role text, where a posting states nothing.
 */
import { franc } from 'franc';
import { CJK } from './text.ts';

/**
 * The languages a posting may be detected as, as franc names them (ISO
 * 639-3): those of the labour markets job boards serve. Fewer candidates make
 * detection faster (its cost grows with the candidates of the text's script)
 * and keep rare languages whose profiles resemble a common one's (Scots for
 * English, Galician for Portuguese) from being picked for it. Scripts of one
 * language (Greek, Japanese, Korean, Thai…) are told by their letters alone.
 */
const LANGUAGES = [
	// Latin script
	'eng', 'deu', 'fra', 'spa', 'por', 'ita', 'nld', 'pol', 'ces', 'hun', 'ron', 'swe', 'dan', 'nob', 'fin', 'tur', 'ind', 'vie', 'tgl', 'hrv',
	// Cyrillic, Arabic, Hebrew, Devanagari and the scripts of one language each
	'rus', 'ukr', 'bul', 'srp', 'arb', 'pes', 'urd', 'heb', 'hin', 'mar',
	'ell', 'jpn', 'kor', 'cmn', 'tha', 'hye', 'kat', 'ben', 'tam', 'tel', 'kan', 'mal', 'guj', 'pan', 'sin', 'khm', 'lao', 'mya', 'amh',
];

/** How much of the role text franc reads: two or three sentences tell a language, and its cost grows with the length. */
const SAMPLE_LENGTH = 200;

/** How much of the role text the shortcut for plain English reads (a regular expression: cheap at any length). */
export const ENGLISH_SAMPLE_LENGTH = 400;

/** Less text than this says too little to tell. */
const MIN_LENGTH = 100;

/**
 * English function words that the other languages of {@link LANGUAGES} do not
 * use as words ("to", "a", "is", "we", "of", "for" and "will" are Polish,
 * Spanish, Dutch, Danish or German words too).
 */
const ENGLISH_WORDS = /\b(?:the|and|you|your|our|with|are|this|that)\b/gi;

/**
 * Whether the text is plainly English: three different English function
 * words in its first {@link ENGLISH_SAMPLE_LENGTH} characters. Most postings
 * of most sites are (90% of the scale bench's, 95% of its English ones), and
 * the test costs about a fortieth of franc's; franc reads the same texts as
 * English (every English posting of the corpus, checked in the tests).
 */
function plainlyEnglish(text: string): boolean {
	const seen = new Set<string>();
	for (const [word] of text.slice(0, ENGLISH_SAMPLE_LENGTH).matchAll(ENGLISH_WORDS)) if (seen.add(word.toLowerCase()).size >= 3) return true;
	return false;
}

/**
 * The BCP 47 tag of the language the text is written in ("en", "de", "he",
 * "zh"), or undefined when there is too little text to tell.
 *
 * @example detectLanguage('Wir suchen eine erfahrene Entwicklerin, die unser Team in Berlin …') // 'de'
 */
export function detectLanguage(text: string): string | undefined {
	if (text.length < MIN_LENGTH) return undefined;
	const sample = text.slice(0, SAMPLE_LENGTH);
	const syllabic = syllabicOnly(sample);
	if (syllabic === undefined && plainlyEnglish(text)) return 'en';
	const guess = francGuess(sample, syllabic);
	return guess === 'da' || guess === 'nb' || guess === 'sv' ? scandinavian(text, guess) : guess;
}

/** Swedish's own words beside Danish's and Norwegian's ("och"/"og", "är"/"er", "inte"/"ikke", "att"/"at"). */
const SWEDISH_WORDS = /(?<![\p{L}])(?:och|att|är|inte|jag|också|ett)(?![\p{L}])/giu;
const DANO_NORWEGIAN_WORDS = /(?<![\p{L}])(?:og|at|er|ikke|jeg|også|et)(?![\p{L}])/giu;

/** Words Norwegian (Bokmål) writes one way and Danish another: "å"/"at" before a verb, "av"/"af", "etter"/"efter", "meg"/"mig", "søker"/"søger". */
const NORWEGIAN_WORDS = /(?<![\p{L}])(?:å|av|etter|meg|deg|seg|ut|hva|vår|våre|gjennom|mellom|arbeidsoppgaver|søker|søknad|lønn|heltid|kvalifikasjoner|noe|noen|bli|enn|oss|jobbe|hjelpe)(?![\p{L}])/giu;
const DANISH_WORDS = /(?<![\p{L}])(?:af|efter|mig|dig|sig|ud|hvad|vores|gennem|mellem|arbejdsopgaver|søger|ansøgning|løn|fuldtid|kvalifikationer|noget|nogen|blive|end|os|arbejde|hjælpe)(?![\p{L}])/giu;

/** How much of the text the words of {@link scandinavian} are counted in. */
const NORDIC_SAMPLE_LENGTH = 1500;

/**
 * Swedish, Danish or Norwegian, by the words they write differently: franc's
 * trigrams over two sentences barely tell them apart, and read 30 of 264
 * Norwegian postings of NAV's board as Danish (and some as Swedish). Swedish
 * first, against the other two; then Danish against Norwegian. Each by three
 * such words at least, most of them one language's; where they do not decide,
 * franc's guess stands, or none when the words have ruled it out (the text
 * then reads as the page around it).
 */
function scandinavian(text: string, guess: 'da' | 'nb' | 'sv'): string | undefined {
	const sample = text.slice(0, NORDIC_SAMPLE_LENGTH);
	const decided = (one: RegExp, other: RegExp): number => {
		const [a, b] = [sample.match(one)?.length ?? 0, sample.match(other)?.length ?? 0];
		return a + b < 3 || a === b ? 0 : a > b ? 1 : -1;
	};
	const swedish = decided(SWEDISH_WORDS, DANO_NORWEGIAN_WORDS);
	if (swedish > 0) return 'sv';
	if (swedish === 0 && guess === 'sv') return guess;
	const norwegian = decided(NORWEGIAN_WORDS, DANISH_WORDS);
	return norwegian > 0 ? 'nb' : norwegian < 0 ? 'da' : guess === 'sv' ? undefined : guess;
}

/** Each letter of {@link CJK}, for counting. */
const SYLLABLES = new RegExp(CJK.source, 'g');

/**
 * A sample written in Korean, Japanese or Chinese, with its Latin-script
 * words taken out; undefined for any other. Postings in those languages name
 * their tools and titles in English ("VESSL AI의 Senior Site Reliability
 * Engineer는 …"), and franc picks a script by counting characters: one
 * syllable against a word's several letters, a real Korean posting (VESSL
 * AI's) had more Latin letters than Hangul in its first sentences and was
 * read as English. A syllable counts for three letters here.
 */
function syllabicOnly(sample: string): string | undefined {
	const syllables = sample.match(SYLLABLES)?.length ?? 0;
	if (syllables === 0) return undefined;
	const letters = sample.match(/[a-z]/gi)?.length ?? 0;
	return 3 * syllables > letters ? sample.replace(/[a-z]+/gi, ' ') : undefined;
}

/**
 * Short, common words of each Latin-script language franc may name: prose in
 * a language has a few of them in any two sentences. A list of nouns has none
 * ("Insurance Benefits - Medical Insurance, Critical Illness Insurance"), and
 * franc reads such English lists as French or Portuguese.
 */
const FUNCTION_WORDS: Record<string, RegExp> = {
	deu: /\b(?:der|die|das|und|ist|mit|für|wir|sie|du|ein|eine|zu|von|den|dem|des|auf|im|bei|oder|nicht|auch|sich|dich|dein|deine|unser|unsere)\b/gi,
	fra: /\b(?:le|la|les|des|de|du|et|est|un|une|pour|avec|dans|sur|vous|nous|en|au|aux|qui|que|ou|par|ce|cette|votre|notre|tu|ton|ta|tes)\b/gi,
	spa: /\b(?:el|la|los|las|de|del|y|es|un|una|para|con|en|por|que|tu|tus|su|sus|nuestro|nuestra|al|o|se|como)\b/gi,
	por: /\b(?:o|a|os|as|de|do|da|dos|das|e|um|uma|para|com|em|no|na|por|que|seu|sua|nosso|nossa|ou|se|como|você)\b/gi,
	ita: /\b(?:il|lo|la|gli|le|di|del|della|e|un|una|per|con|in|che|sono|nostro|nostra|al|alla|o|dei|delle)\b/gi,
	nld: /\b(?:de|het|een|en|is|van|voor|met|in|op|je|jij|wij|we|ons|onze|dat|die|te|of|zijn|bij|jouw)\b/gi,
	pol: /(?<![\p{L}])(?:i|w|z|na|do|się|jest|oraz|dla|nie|to|że|od|jak|po|we|ze)(?![\p{L}])/giu,
	ces: /(?<![\p{L}])(?:a|v|se|na|je|s|z|do|pro|že|jako|k|o|ve|by|jsme|jsou)(?![\p{L}])/giu,
	hun: /(?<![\p{L}])(?:a|az|és|egy|hogy|nem|is|van|meg|mint|csak|vagy|vagyunk)(?![\p{L}])/giu,
	ron: /(?<![\p{L}])(?:și|si|de|la|în|cu|pe|un|o|care|pentru|este|sunt|din|al|ale|sau)(?![\p{L}])/giu,
	swe: /(?<![\p{L}])(?:och|att|är|en|ett|det|som|för|med|på|av|till|du|vi|vår|din|om|i)(?![\p{L}])/giu,
	dan: /(?<![\p{L}])(?:og|at|er|en|et|det|som|for|med|på|af|til|du|vi|vores|din|om|i)(?![\p{L}])/giu,
	nob: /(?<![\p{L}])(?:og|at|er|en|et|det|som|for|med|på|av|til|du|vi|vår|din|om|i)(?![\p{L}])/giu,
	fin: /(?<![\p{L}])(?:ja|on|että|ei|se|tai|kuin|mutta|myös|olet|olemme|sinä|me|meidän|sinun|joka|jotka|sekä|kanssa|meitä|meille|sinua)(?![\p{L}])/giu,
	tur: /(?<![\p{L}])(?:ve|bir|bu|için|ile|da|de|olarak|en|çok|gibi|daha|veya|olan|olacak|sahip|tüm|kadar)(?![\p{L}])/giu,
	ind: /\b(?:dan|yang|di|untuk|dengan|ini|itu|dari|ke|kami|anda|atau|akan|dalam)\b/gi,
	tgl: /\b(?:ang|ng|sa|mga|na|at|ay|para|ito|ka|namin)\b/gi,
	hrv: /(?<![\p{L}])(?:i|u|je|na|za|se|da|s|od|su|ili|kao)(?![\p{L}])/giu,
};

/** Whether the text has at least two different function words of the language: it is prose in it, not a list of names. */
function readsAs(code: string, text: string): boolean {
	const words = FUNCTION_WORDS[code];
	if (!words) return true;
	const seen = new Set<string>();
	for (const [word] of text.matchAll(words)) if (seen.add(word.toLowerCase()).size >= 2) return true;
	return false;
}

/** What franc reads the text as, without the shortcut for plain English (exported for the tests that check the shortcut). */
export function francLanguage(text: string): string | undefined {
	const sample = text.slice(0, SAMPLE_LENGTH);
	return francGuess(sample, syllabicOnly(sample));
}

/** franc's guess for a sample, given its {@link syllabicOnly} form (undefined for text of other scripts). */
function francGuess(sample: string, syllabic: string | undefined): string | undefined {
	// The syllables alone are fewer characters than the text, which was long enough to tell: each says more than a letter.
	const code = syllabic ? franc(syllabic, { only: LANGUAGES, minLength: 1 }) : franc(sample, { only: LANGUAGES, minLength: MIN_LENGTH });
	// A guess the text's own words do not bear out is no answer: the text then reads as the page around it.
	if (code === 'und' || !readsAs(code, sample)) return undefined;
	// ISO 639-3 to BCP 47 by CLDR's aliases: "deu" is "de", "arb" is "ar", "cmn" is "zh".
	return Intl.getCanonicalLocales(code)[0];
}
