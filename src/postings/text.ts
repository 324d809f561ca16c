/** Small text helpers shared by the pipeline stages. */
import { createHash } from 'node:crypto';
import transliterate from '@sindresorhus/transliterate';
import { romanize as romanizeKorean } from 'es-hangul';
import { plainLetters } from './homoglyphs.ts';

/**
 * The longest slug made from text. A URL segment is a file name in the built
 * site (most file systems refuse names over 255 bytes), and 80 characters hold
 * any real job title, team or city.
 */
export const MAX_SLUG_LENGTH = 80;

/**
 * Makes a URL-safe, readable slug, cut at a word boundary to {@link MAX_SLUG_LENGTH}.
 *
 * @example
 * slugify('Emerging Technologies & Incubation (ETI)') // 'emerging-technologies-incubation-eti'
 */
export function slugify(text: string): string {
	const slug = fullSlug(text);
	// A name with no Latin letters or digits ("営業", "???") still needs a stable URL segment.
	if (!slug) return `x-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
	if (slug.length <= MAX_SLUG_LENGTH) return slug;
	const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
	const boundary = cut.lastIndexOf('-');
	// One word longer than the cap is cut mid-word rather than left empty.
	return boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, MAX_SLUG_LENGTH);
}

/**
 * Whether a line has words beside its codes and numbers: a paragraph that is
 * a requisition code alone ("FEQ327R203", as Databricks opens every posting)
 * or a figure ("2026") heads no section and sums up no role.
 */
export function namesWords(text: string): boolean {
	// Most lines have a plain Latin word between spaces or stops, found without splitting them.
	if (PLAIN_WORD.test(text)) return true;
	// Split where a code cannot go on (a space, a comma, "、"), so a word of a script written without spaces stands apart
	// from a figure in the same sentence ("Pairsは、日本国内で累計登録数2,500万以上").
	return text.split(/[^\p{L}\p{N}\-_/#.]+/u).some((word) => !/\p{N}/u.test(word) && /\p{L}.*\p{L}/u.test(word));
}

/** A word of two Latin letters or more, with nothing a code would join to it ("JR-2024", "R5964") on either side. */
const PLAIN_WORD = /(?:^|[\s,;:(“"'])[A-Za-z]{2,}(?=$|[\s,;:.)!?”"'])/;

/** Whether {@link slugify} shortens this text's slug to fit {@link MAX_SLUG_LENGTH}. */
export function slugIsCut(text: string): boolean {
	return fullSlug(text).length > MAX_SLUG_LENGTH;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Whether the text is plain ASCII: such text has no accents to drop and decomposes to itself, so Unicode passes can be skipped. */
export const isAscii = (text: string): boolean => ASCII.test(text);

/** ASCII, the no-break space and the General Punctuation block (U+2000–U+206F: spaces, dashes, quotes, bullets). */
const PLAIN_PROSE = /^[\x00-\x7f\u00a0\u2000-\u206f]*$/;

/**
 * Whether the text is {@link isAscii} save for typographic punctuation (’ “ – • …, no-break spaces): none of
 * those is a letter, digit or mark, so its only letters and digits are ASCII ones, it has no accents to drop,
 * and `[a-z0-9]` finds in it, once lower-cased, exactly what the Unicode classes `\p{L}` and `\p{N}` find.
 */
export const isPlainProse = (text: string): boolean => PLAIN_PROSE.test(text);

/**
 * Kana, CJK ideographs and Hangul syllables: the letters of Japanese, Chinese and Korean, each of which writes a
 * syllable or a word. Not global, so it keeps no position between tests; `new RegExp(CJK.source, 'g')` counts them.
 */
export const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

/**
 * Latin letters that Unicode does not decompose into a base letter and an
 * accent, spelled as their languages spell them without it: "Wrocław" is
 * "wroclaw", not "wroc-aw"; "Gießen" "giessen"; "Yazılım" "yazilim".
 */
const UNDECOMPOSED: Record<string, string> = {
	ß: 'ss', ẞ: 'ss', ı: 'i', ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe',
	đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ħ: 'h', Ħ: 'h', ŧ: 't', Ŧ: 't', ŋ: 'n', Ŋ: 'n', ĸ: 'k',
};
const UNDECOMPOSED_LETTER = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'g');

/**
 * Runs of letters of the alphabets spelled in Latin letters by a standard
 * romanization: Greek, Cyrillic, Armenian, Georgian and Arabic. Their words
 * were dropped from slugs, "Инженер-программист (Backend)" made "backend",
 * and two Russian titles of one stack were one slug. (Hebrew, Thai, Chinese
 * and Japanese have none that is a table of letters; their titles keep the
 * digest of {@link slugify}.)
 */
const ROMANIZED = /[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f\u0530-\u058f\u10a0-\u10ff\u0600-\u06ff]+/g;

/** The text with its letters of {@link ROMANIZED}'s alphabets spelled in Latin letters ("Москва" is "Moskva"); other letters as they are. */
export function romanized(text: string): string {
	return text.replace(ROMANIZED, (letters) => transliterate(letters));
}

/**
 * Runs of Hangul: syllables and the letters they are built of. Korean has a
 * standard romanization that is rules over letters (the Revised Romanization,
 * with its sound changes: "신라" is "silla"), which es-hangul applies. Korean
 * titles' slugs were their Latin words alone ("[쿠팡] 로켓배송 과일 MD 채용"
 * made "md") or a digest. Slugs only: the gazetteer keeps its Korean names
 * as written, as a Korean country name spelled in Latin letters is some
 * other place's ("북한", North Korea, would be Bukan in Iran).
 */
const HANGUL = /[\u3131-\u318e\uac00-\ud7a3]+/g;

function fullSlug(text: string): string {
	// ASCII (most titles, teams, headings and places) decomposes to itself and carries no accents: skip both passes.
	// Letters posing as Latin ones ("ꓟachine") count as those letters, or the slug would lose them.
	const unaccented = isAscii(text)
		? text
		: romanized(plainLetters(text))
				.replace(HANGUL, (letters) => romanizeKorean(letters))
				.normalize('NFKD')
				.replace(/[\u0300-\u036f]/g, '')
				.replace(UNDECOMPOSED_LETTER, (letter) => UNDECOMPOSED[letter]!);
	return unaccented
		.toLowerCase()
		.replace(/\+\+/g, 'pp')
		.replace(/#/g, 'sharp')
		.replace(/['’]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/**
 * A bullet a line is typed with, and the space after it: "• Build APIs", "- Go", "* Kubernetes", "✓ Remote". Not a
 * number: "1." says an order a bulleted list would lose.
 */
export const BULLET = /^\s*[•·▪▫◦●○■□◆◇★☆➢➤►▶▸▹➔→✓✔☑✅✱👉🔹🔸🔷🔶\-–—*]\uFE0F?\s+/u;

/** Whitespace inside text that {@link squash} would change: any but a plain space, or two spaces. */
const LOOSE_SPACE = /[^\S ]| {2}/;

/** U+0020, a plain space. */
const SPACE = 32;

/** Collapses whitespace (including no-break spaces) and trims. */
export function squash(text: string): string {
	// Stages squash text that is squashed already (a paragraph of sanitized text): it is returned as is, without a copy.
	// The ends are looked at apart: anchors in the pattern made every scan a quarter slower.
	if (text.charCodeAt(0) !== SPACE && text.charCodeAt(text.length - 1) !== SPACE && !LOOSE_SPACE.test(text)) return text;
	// `\s` includes the no-break space, and `trim()` removes exactly what `\s` matches.
	return text.replace(/\s+/g, ' ').trim();
}

/**
 * Splits prose into sentences. Good enough for summaries and for checking that
 * no sentence is lost; not a linguistic tool.
 */
export function sentences(text: string): string[] {
	return squash(text)
		// Not after a list's number ("1. Training"): that full stop ends no sentence. Japanese and Chinese end theirs with
		// "。", "！" or "？" and go on with no space.
		.split(/(?<=[.!?])(?<!(?:^|\s)\d{1,3}\.)\s+(?=[A-Z“"‘(0-9])|(?<=[。！？])\s*/)
		.map((sentence) => sentence.trim())
		.filter((sentence) => sentence.length > 0);
}

/**
 * Shortens text to at most `max` characters at a word boundary, with an
 * ellipsis. Text with no space late enough (Japanese, Chinese, a long URL)
 * is cut between two characters as a reader sees them: never inside an
 * emoji's surrogate pair, which would leave half a character, nor between a
 * letter and its combining accent.
 */
export function truncate(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : wholeCharacters(text, max - 1)).replace(/[\s,;:.–-]+$/, '')}…`;
}

const GRAPHEMES = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** The longest start of `text` of at most `length` code units that ends between two graphemes. */
function wholeCharacters(text: string, length: number): string {
	let end = 0;
	for (const { index, segment } of GRAPHEMES.segment(text.slice(0, length + 16))) {
		if (index + segment.length > length) break;
		end = index + segment.length;
	}
	return text.slice(0, end);
}

/** Text to match literally inside a regular expression. */
export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
