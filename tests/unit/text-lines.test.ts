import { describe, expect, it } from 'vitest';
import { textLines, type Measure } from '../../src/social/text-lines.ts';

// Line setting for painted role cards, in satori's manner (the social card
// tests compare painted cards with satori's own, pixel by pixel). Here every
// character is 10 px wide, so the breaks can be worked out by hand.
const tenEach: Measure = (text) => 10 * [...text].length;
const texts = (lines: ReturnType<typeof textLines>) => lines.map((runs) => runs.map(({ text, x }) => `${x}:${text}`));

describe('lines of a card text', () => {
	it('breaks after a space, one line for each piece that does not fit', () => {
		expect(texts(textLines('Senior Staff Engineer', { width: 100, maxLines: 3 }, tenEach))).toEqual([['0:Senior '], ['0:Staff '], ['0:Engineer']]);
	});

	it('lets the space after a word hang past the edge', () => {
		// "Senior Staff " is 130 px: 120 without its space, so it fits a 120 px line.
		expect(texts(textLines('Senior Staff Engineer', { width: 120, maxLines: 3 }, tenEach))).toEqual([['0:Senior ', '70:Staff '], ['0:Engineer']]);
	});

	it('breaks after a hyphen, and draws a hyphenated word as one run', () => {
		expect(texts(textLines('Full-Stack Engineer', { width: 100, maxLines: 3 }, tenEach))).toEqual([['0:Full-Stack '], ['0:Engineer']]);
		expect(texts(textLines('Full-Stack Engineer', { width: 80, maxLines: 3 }, tenEach))).toEqual([['0:Full-'], ['0:Stack '], ['0:Engineer']]);
	});

	it('breaks a word longer than a line between its characters', () => {
		expect(texts(textLines('Supercalifragilistic', { width: 100, maxLines: 3 }, tenEach))).toEqual([['0:Supercalif'], ['0:ragilistic']]);
	});

	it('cuts the last line so that the ellipsis fits, right after the last character kept', () => {
		// "four" would end at 100 and the ellipsis at 110: "fou…" ends at 100.
		expect(texts(textLines('one two three four five six', { width: 100, maxLines: 2 }, tenEach))).toEqual([
			['0:one ', '40:two '],
			['0:three ', '60:fou…'],
		]);
	});

	it('ends a cut line with the ellipsis after its last word when the next word starts a new line', () => {
		expect(texts(textLines('Engineering, Platform', { width: 140, maxLines: 1 }, tenEach))).toEqual([['0:Engineering,…']]);
	});

	it('keeps the first character of a line even when nothing else fits', () => {
		expect(texts(textLines('Supercalifragilistic', { width: 10, maxLines: 1 }, tenEach))).toEqual([['0:S…']]);
	});

	it('places runs at the fraction measured on one line, and on whole pixels on several', () => {
		const wide: Measure = (text) => 10.4 * [...text].length;
		expect(texts(textLines('ab cd', { width: 1000, maxLines: 3 }, wide))).toEqual([['0:ab ', '31.2:cd']]);
		expect(texts(textLines('ab cd ef', { width: 60, maxLines: 3 }, wide))).toEqual([['0:ab ', '31:cd '], ['0:ef']]);
	});

	it('gives no lines for no text', () => {
		expect(textLines('', { width: 100, maxLines: 3 }, tenEach)).toEqual([]);
	});
});
