import type { CardWeight } from './fonts.ts';
import { cardFonts } from './fonts.ts';
import { sfntOf, woffCoverage } from './woff.ts';

/** One glyph of shaped text: which face and glyph, and where its origin falls, in pixels from the text's start on its baseline. */
export interface PlacedGlyph {
	face: number;
	glyph: number;
	x: number;
	y: number;
}

/** A line's vertical metrics at one size, in pixels. */
export interface LineMetrics {
	/** Line height. */
	height: number;
	/** From the line's top to its baseline. */
	baseline: number;
}

/** What shaping needs of a size of text. */
export interface TextStyle {
	weight: CardWeight;
	size: number;
	letterSpacing: number;
}

/** The card fonts shaped by HarfBuzz, as satori shapes them (satori uses HarfBuzz too). */
export interface Typeface {
	/** Width of `text` drawn in `style`: the glyphs' advances, and the letter spacing after every character. */
	measure(text: string, style: TextStyle): number;
	/** The glyphs `text` is drawn with, placed. */
	place(text: string, style: TextStyle): PlacedGlyph[];
	/** Line height and baseline of text in `style`; `lineHeight` a multiple of the size, or undefined for the font's own ("normal"). */
	lineMetrics(style: TextStyle, lineHeight?: number): LineMetrics;
	/** A glyph's outline as SVG path data, in font units with y up. */
	outline(face: number, glyph: number): string;
	/** A glyph's ink box, in font units with y up. */
	bounds(face: number, glyph: number): GlyphBounds;
	/** Font units per em of a face. */
	unitsPerEm(face: number): number;
}

/** A box in font units, y up. */
export interface GlyphBounds {
	minX: number;
	minY: number;
	maxX: number;
	maxY: number;
}

/** A face HarfBuzz has loaded, and the characters it draws. */
interface LoadedFace {
	font: import('harfbuzzjs').Font;
	upem: number;
	ascender: number;
	descender: number;
	covers: Set<number>;
}

/** Entries kept in the width cache before it starts afresh: a few thousand titles' words. */
const MEASURES_KEPT = 20_000;

let loading: Promise<Typeface> | undefined;

/**
 * The card fonts, loaded into HarfBuzz once per thread. HarfBuzz is imported
 * here, not at the top: a process whose cards are all in the cache never
 * loads it.
 */
export function cardTypeface(): Promise<Typeface> {
	loading ??= load();
	return loading;
}

async function load(): Promise<Typeface> {
	const hb = await import('harfbuzzjs');
	const fonts = cardFonts().fonts;
	const faces: LoadedFace[] = fonts.map(({ data }) => {
		const face = new hb.Face(new hb.Blob(sfntOf(data)));
		const font = new hb.Font(face);
		const { ascender, descender } = font.hExtents();
		return { font, upem: face.upem, ascender, descender, covers: woffCoverage(data) };
	});
	/** For each weight, its faces in the family's order (satori's fallback order). */
	const byWeight = new Map<CardWeight, number[]>();
	fonts.forEach(({ weight }, index) => byWeight.set(weight, [...(byWeight.get(weight) ?? []), index]));
	const buffer = new hb.Buffer();

	/** The text in runs of one face each: the first of the weight's faces with a glyph for each character. */
	const runs = (text: string, weight: CardWeight): Array<{ face: number; text: string }> => {
		const order = byWeight.get(weight) ?? [0];
		const found: Array<{ face: number; text: string }> = [];
		for (const character of text) {
			const code = character.codePointAt(0)!;
			const face = order.find((index) => faces[index]!.covers.has(code)) ?? order[order.length - 1]!;
			const last = found[found.length - 1];
			if (last?.face === face) last.text += character;
			else found.push({ face, text: character });
		}
		return found;
	};

	/** Glyphs of one run, with advances and offsets in font units, and whether each ends a character (cluster). */
	const shaped = (face: number, text: string) => {
		buffer.reset();
		buffer.addText(text);
		buffer.guessSegmentProperties();
		hb.shape(faces[face]!.font, buffer);
		const glyphs = buffer.getGlyphInfosAndPositions();
		return glyphs.map((glyph, index) => ({
			glyph: glyph.codepoint,
			advance: glyph.xAdvance ?? 0,
			dx: glyph.xOffset ?? 0,
			dy: glyph.yOffset ?? 0,
			endsCluster: glyphs[index + 1]?.cluster !== glyph.cluster,
		}));
	};

	/** Walks the glyphs of `text` in order, handing each to `each` where it falls; returns the text's width. */
	const walk = (text: string, { weight, size, letterSpacing }: TextStyle, each?: (glyph: PlacedGlyph) => void): number => {
		let pen = 0;
		for (const run of runs(text, weight)) {
			const scale = size / faces[run.face]!.upem;
			for (const glyph of shaped(run.face, run.text)) {
				// Satori adds the offset to y as it is (y down): so do we, to land where it did.
				each?.({ face: run.face, glyph: glyph.glyph, x: pen + glyph.dx * scale, y: glyph.dy * scale });
				pen += glyph.advance * scale + (glyph.endsCluster ? letterSpacing : 0);
			}
		}
		return pen;
	};

	const widths = new Map<string, number>();
	const measure = (text: string, style: TextStyle): number => {
		const key = `${style.weight}|${style.size}|${style.letterSpacing}|${text}`;
		let width = widths.get(key);
		if (width === undefined) {
			width = walk(text, style);
			if (widths.size >= MEASURES_KEPT) widths.clear();
			widths.set(key, width);
		}
		return width;
	};

	const place = (text: string, style: TextStyle): PlacedGlyph[] => {
		const placed: PlacedGlyph[] = [];
		walk(text, style, (glyph) => placed.push(glyph));
		return placed;
	};

	const lineMetrics = ({ weight, size }: TextStyle, lineHeight?: number): LineMetrics => {
		const face = faces[(byWeight.get(weight) ?? [0])[0]!]!;
		const ascent = (face.ascender / face.upem) * size;
		const descent = (-face.descender / face.upem) * size;
		const height = lineHeight === undefined ? ascent + descent : lineHeight * size;
		// Satori's rounding: the ascent and descent each rounded, half the leading (floored) above.
		return { height, baseline: Math.round(ascent) + Math.floor((height - Math.round(ascent) - Math.round(descent)) / 2) };
	};

	return {
		measure,
		place,
		lineMetrics,
		outline: (face, glyph) => faces[face]!.font.glyphToPath(glyph),
		bounds: (face, glyph) => {
			const box = faces[face]!.font.glyphExtents(glyph);
			if (!box) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
			// HarfBuzz gives the top-left corner and a negative height (y up).
			return { minX: box.xBearing, maxX: box.xBearing + box.width, maxY: box.yBearing, minY: box.yBearing + box.height };
		},
		unitsPerEm: (face) => faces[face]!.upem,
	};
}
