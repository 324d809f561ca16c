/**
 * Letters of other scripts standing in for Latin ones. Some boards write
 * titles such as "ꓟachine ꓡearning ꓣesearcher", whose first letters are
 * Lisu (U+A4DF, U+A4E1, U+A4E3) that look like M, L and R: a screen reader
 * reads them out as Lisu, a search for "machine" misses the role, and its
 * slug was "achine-earning-esearcher". Unicode's confusables table
 * (UTS #39, through `unhomoglyph`) tells which character looks like which.
 */
import unhomoglyph from 'unhomoglyph';

/** A letter of a script other than Latin (marks and digits are neither). */
const FOREIGN_LETTER = /[^\P{L}\p{Script=Latin}]/gu;
const LATIN_LETTER = /[A-Za-z]/;
const ASCII_LETTER = /^[A-Za-z]$/;

/**
 * A word's stand-ins replaced by the Latin letters they look like, when the
 * word is mostly Latin and every other letter in it is such a stand-in.
 * Words of another script ("Менеджер", "1С"), and words mixing scripts in
 * earnest (the Russian "SMMщик", the Japanese "Webエンジニア"), are left as they are.
 *
 * @example plainLetters('ꓟachine ꓡearning ꓣesearcher') // 'Machine Learning Researcher'
 * @example plainLetters('Менеджер по продажам') // unchanged
 */
export function plainLetters(text: string): string {
	// Nearly every title is ASCII, or Latin with accents: nothing to look at.
	if (!FOREIGN_LETTER.test(text)) return text;
	FOREIGN_LETTER.lastIndex = 0;
	return text.replace(/[\p{L}\p{M}]+/gu, (word) => {
		if (!LATIN_LETTER.test(word)) return word;
		const foreign = word.match(FOREIGN_LETTER) ?? [];
		// A stand-in is one letter among Latin ones, not half a word ("Webエンジニア" is Latin and Japanese).
		if (foreign.length === 0 || foreign.length * 2 >= word.length) return word;
		const latin = foreign.map((letter) => unhomoglyph(letter));
		if (!latin.every((letter) => ASCII_LETTER.test(letter))) return word;
		let at = 0;
		return word.replace(FOREIGN_LETTER, () => latin[at++]!);
	});
}
