import LineBreaker from 'linebreak';

// Lines of a card's text, set the way satori sets a block of left-aligned text
// with `lineClamp` and `overflowWrap: break-word`, so a card painted from
// glyphs (paint.ts) breaks and cuts its title where satori did:
// - a line may end only where Unicode's line breaking allows (after a space,
//   a hyphen, a slash…); trailing spaces may hang past the edge;
// - a piece wider than a whole line is broken between its characters;
// - past the last line allowed, the last line is cut at a character so that
//   an ellipsis fits, and the ellipsis is drawn right after what is left.
// Text is drawn in runs (a word with the punctuation around it, up to a space),
// each shaped whole and placed where its first word was measured to start:
// on a whole pixel when the text takes more than one line.

/** Width of a text as drawn (shaped, with letter spacing), in pixels. */
export type Measure = (text: string) => number;

/** A piece of text drawn as one shaped string from `x` (pixels from the line's start). */
export interface TextRun {
	text: string;
	x: number;
}

/** How a block of text is set. */
export interface LineSettings {
	/** The width lines break at, in pixels. */
	width: number;
	/** Lines shown; what does not fit is cut with the ellipsis. */
	maxLines: number;
}

/** What satori appends to a clamped line. */
export const ELLIPSIS = '…';

const words = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const wordsOf = (text: string): string[] => Array.from(words.segment(text), (part) => part.segment);
const graphemesOf = (text: string): string[] => Array.from(graphemes.segment(text), (part) => part.segment);

/** The text between one break opportunity and the next ("Senior ", "Full-", "Stack "). */
function breakPieces(text: string): string[] {
	const breaker = new LineBreaker(text);
	const pieces: string[] = [];
	let start = 0;
	for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
		pieces.push(text.slice(start, found.position));
		start = found.position;
	}
	return pieces;
}

/** A word placed on a line. */
interface Placed {
	text: string;
	x: number;
	width: number;
	line: number;
}

/**
 * The runs of each line of `text` (at most `maxLines` lines), the last one
 * ending in an ellipsis when the text does not fit.
 * @param measure the width of a string in the text's font, size and spacing
 */
export function textLines(text: string, { width, maxLines }: LineSettings, measure: Measure): TextRun[][] {
	const pieces = breakPieces(text);
	const placed: Placed[] = [];
	/** Width of each line, without the spaces it ends with (the last line's with them, as satori counts it). */
	const widths: number[] = [];
	let line = 0;
	let x = 0;
	let hanging = 0;
	for (let index = 0; index < pieces.length && line < maxLines; ) {
		const piece = pieces[index]!;
		const pieceWidth = measure(piece);
		const trimmed = piece.trimEnd();
		const spaces = trimmed === piece ? 0 : pieceWidth - measure(trimmed);
		const wraps = index > 0 && x + pieceWidth > width + spaces;
		if (pieceWidth > width && (x === 0 || wraps)) {
			const characters = graphemesOf(piece);
			if (characters.length > 1) {
				pieces.splice(index, 1, ...characters);
				if (x > 0) {
					widths.push(x - hanging);
					line += 1;
					x = 0;
				}
				hanging = spaces;
				continue;
			}
		}
		if (wraps) {
			widths.push(x - hanging);
			line += 1;
			x = pieceWidth;
		} else {
			x += pieceWidth;
		}
		let wordX = x - pieceWidth;
		for (const word of wordsOf(piece)) {
			const wordWidth = measure(word);
			placed.push({ text: word, x: wordX, width: wordWidth, line });
			wordX += wordWidth;
		}
		hanging = spaces;
		index += 1;
	}
	if (x > 0) widths.push(x);

	const last = maxLines - 1;
	const cut = widths.length - 1 > last || (widths[last] ?? 0) > width;
	const ellipsisWidth = measure(ELLIPSIS);
	const lines: TextRun[][] = Array.from({ length: Math.min(widths.length, maxLines) }, () => []);
	let pending: { text: string; x: number } | undefined;
	for (const [index, word] of placed.entries()) {
		if (word.line > last) break;
		const next = placed[index + 1];
		let drawn = word.text;
		let ends = false;
		if (cut && word.line === last && (word.x + word.width + ellipsisWidth > width || (next !== undefined && next.line !== word.line))) {
			drawn = fitted(word.text.replace(/\s+$/, ''), word.x, width - ellipsisWidth, measure) + ELLIPSIS;
			ends = true;
		}
		// Words run on to the next one on the same line, up to a space, and are drawn together.
		if (!ends && drawn !== ' ' && next !== undefined && next.line === word.line) {
			pending = pending ? { text: pending.text + drawn, x: pending.x } : { text: drawn, x: word.x };
			continue;
		}
		const run = pending ? { text: pending.text + drawn, x: pending.x } : { text: drawn, x: word.x };
		pending = undefined;
		if (widths.length > 1) run.x = Math.round(run.x);
		if (run.text.trim() !== '') lines[word.line]!.push(run);
		if (ends) break;
	}
	return lines;
}

/** The longest start of `text` that ends by `limit` when drawn from `x`; a first character always, at the line's start. */
function fitted(text: string, x: number, limit: number, measure: Measure): string {
	let kept = '';
	for (const character of graphemesOf(text)) {
		if ((kept !== '' || x > 0) && x + measure(kept + character) > limit) break;
		kept += character;
	}
	return kept;
}
