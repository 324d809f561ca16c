/**
 * The language a posting's role text is written in, for the `lang` of the
 * parts of a page that show it: a screen reader reads a German posting on an
 * English site with a German voice only when the page says so (WCAG 3.1.2,
 * language of parts). Detected with franc (trigram profiles) over the
 * beginning of the role text, where a posting states nothing.
 */
import { franc } from 'franc';

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
	return plainlyEnglish(text) ? 'en' : francLanguage(text);
}

/** What franc reads the text as, without the shortcut for plain English (exported for the tests that check the shortcut). */
export function francLanguage(text: string): string | undefined {
	const code = franc(text.slice(0, SAMPLE_LENGTH), { only: LANGUAGES, minLength: MIN_LENGTH });
	// ISO 639-3 to BCP 47 by CLDR's aliases: "deu" is "de", "arb" is "ar", "cmn" is "zh".
	return code === 'und' ? undefined : Intl.getCanonicalLocales(code)[0];
}
