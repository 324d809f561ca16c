import satori from 'satori';
import type { RoleCardInput } from './card-input.ts';
import { CARD_HEIGHT, CARD_WIDTH, ROLE_FACT, ROLE_TITLE, roleCardFrame, roleCardTexts, type RoleText } from './card-layout.ts';
import { titleSize } from './card-text.ts';
import { hexChannels } from '../utils/format.ts';
import { cardFonts } from './fonts.ts';
import { GlyphMasks, SUBPIXELS, type GlyphMask } from './glyph-masks.ts';
import { cardPng, indexedImage, indexedImagePng, paletteIndex, type IndexedImage } from './png.ts';
import { rasterize, resvgStarted } from './resvg.ts';
import { textLines } from './text-lines.ts';
import { cardTypeface, type TextStyle, type Typeface } from './typeface.ts';

// A role card drawn whole by satori and resvg cost 13–16 ms, most of it the
// text: satori turning every glyph into a path, resvg filling those paths.
// But all of a site's role cards share everything except the title, the team
// and the places. So the rest (the frame) is drawn whole once per thread, and
// each card is that frame with its three texts painted on it from glyph masks
// drawn once (glyph-masks.ts), placed where satori would put them: the same
// shaping (HarfBuzz), the same line breaks and cuts (text-lines.ts), the same
// boxes (read from satori's layout of the frame). The tests compare painted
// cards with cards drawn whole, pixel by pixel.

/** A site's role card without its texts, and where those texts start. */
interface Frame {
	pixels: Uint8Array;
	/** The pixels as a palette image, when they fit one (a card does, with room to spare for its text's shades). */
	indexed: IndexedImage | undefined;
	/** Top-left corner of each text's box, in pixels. */
	boxes: Partial<Record<RoleText, { left: number; top: number }>>;
	/** Where this thread paints its cards on this frame, one at a time. */
	canvas: Canvas;
}

/**
 * A card being painted: a copy of its frame's pixels, and the same pixels as
 * palette indices, kept up to date as each glyph is laid on (only the pixels
 * under the text change, so indexing the whole card again would be wasted),
 * until a colour does not fit the palette (then the card is encoded from its
 * pixels). Painting and encoding a card never wait, so one canvas serves every
 * card of its frame in a thread: after each card, the rows it painted are put
 * back as the frame has them (copying the whole card for each one cost more
 * than painting it).
 */
interface Canvas {
	pixels: Uint8Array;
	/** The same bytes, a pixel a number. */
	words: Uint32Array;
	indexed: IndexedImage | undefined;
	/** Rows painted since the canvas was last put back: first, and one past the last. */
	rows: [number, number];
}

/** Frames kept per thread: a site has at most four (a team or not, places or not); tests draw a few sites. */
const FRAMES_KEPT = 16;
const frames = new Map<string, Promise<Frame>>();
let masks: GlyphMasks | undefined;

/** The frame role cards with these texts shown are painted on. */
function frameOf(input: RoleCardInput, shown: { team: boolean; location: boolean }): Promise<Frame> {
	const key = JSON.stringify([input.brandColor, input.company, input.host, input.hiring, shown.team, shown.location]);
	let frame = frames.get(key);
	if (!frame) {
		if (frames.size >= FRAMES_KEPT) frames.clear();
		// Drawn from this card's input: its frame shows exactly the facts the key names.
		frame = drawFrame(input);
		frames.set(key, frame);
		// A frame that failed is not kept: the next card tries again (and fails with the same error, if it must).
		frame.catch(() => frames.delete(key));
	}
	return frame;
}

async function drawFrame(input: RoleCardInput): Promise<Frame> {
	const fonts = cardFonts();
	const boxes: Frame['boxes'] = {};
	const svg = await satori(roleCardFrame(input, fonts), {
		width: CARD_WIDTH,
		height: CARD_HEIGHT,
		fonts: fonts.fonts,
		loadAdditionalAsset: async () => [],
		onNodeDetected: (node) => {
			if (node.key === 'title' || node.key === 'team' || node.key === 'location') boxes[node.key] = { left: node.left, top: node.top };
		},
	});
	const pixels = await rasterize(svg);
	const indexed = indexedImage(pixels, CARD_WIDTH, CARD_HEIGHT);
	const copy = pixels.slice();
	const canvas: Canvas = { pixels: copy, words: new Uint32Array(copy.buffer), indexed: indexed && copyOf(indexed), rows: [CARD_HEIGHT, 0] };
	return { pixels, indexed, boxes, canvas };
}

function copyOf(image: IndexedImage): IndexedImage {
	return { indices: image.indices.slice(), palette: image.palette.slice(), colours: new Map(image.colours) };
}

/** Puts a canvas back as its frame is. */
function putBack({ canvas, pixels, indexed }: Frame): void {
	const [first, end] = canvas.rows;
	if (first >= end) return;
	const rowBytes = 4 * CARD_WIDTH;
	canvas.pixels.set(pixels.subarray(first * rowBytes, end * rowBytes), first * rowBytes);
	if (indexed && canvas.indexed) {
		const rowIndices = CARD_WIDTH + 1;
		canvas.indexed.indices.set(indexed.indices.subarray(first * rowIndices, end * rowIndices), first * rowIndices);
		// The card's own colours come after the frame's; their slots in the palette are simply written again.
		for (const [key, index] of canvas.indexed.colours) if (index >= indexed.colours.size) canvas.indexed.colours.delete(key);
	} else {
		canvas.indexed = indexed && copyOf(indexed);
	}
	canvas.rows = [CARD_HEIGHT, 0];
}

/**
 * What one text colour gives over one background colour, by coverage: the
 * pixel (as the canvas's 32-bit view holds it) and its palette index. A
 * glyph's pixels are mostly the same few (inside the glyph, and the paper
 * around it), so each is worked out once. Made afresh for each card: a
 * colour's index depends on the order the card meets its colours in, never on
 * the cards a thread painted before, so every thread writes the same bytes.
 */
interface Shade {
	pixels: Uint32Array;
	/** {@link UNKNOWN} until worked out; -1 once the palette is full. */
	indices: Int16Array;
}

/** By background pixel (the 32-bit view's number). */
type Shades = Map<number, Shade>;

const UNKNOWN = -2;
/** A pixel's four bytes, and the same as one number (in the platform's byte order, as the canvas's view reads them). */
const pixelBytes = new Uint8Array(4);
const pixelWord = new Uint32Array(pixelBytes.buffer);

/** Lays a glyph's coverage over the canvas in one colour (source over, as resvg fills a path). */
function blend(canvas: Canvas, mask: GlyphMask, x: number, y: number, [red, green, blue]: [number, number, number], shades: Shades): void {
	const left = x + mask.left;
	const top = y + mask.top;
	if (mask.ink.offsets.length === 0 || left < 0 || top < 0 || left + mask.width > CARD_WIDTH || top + mask.height > CARD_HEIGHT) {
		// Never on a card (its text keeps inside the padding), but a glyph that would cross the edge is left out rather than wrapped.
		return;
	}
	const { pixels, words } = canvas;
	canvas.rows = [Math.min(canvas.rows[0], top), Math.max(canvas.rows[1], top + mask.height)];
	const { offsets, indexOffsets, coverage } = mask.ink;
	const origin = top * CARD_WIDTH + left;
	// The same corner among the palette indices, whose rows each start with their filter byte.
	const indexOrigin = top * (CARD_WIDTH + 1) + left + 1;
	// Undefined once a colour does not fit the palette: the card is then encoded from its pixels.
	let { indexed } = canvas;
	let lastUnder = -1;
	let shade: Shade | undefined;
	for (let pixel = 0; pixel < offsets.length; pixel++) {
		const alpha = coverage[pixel]!;
		const at = origin + offsets[pixel]!;
		const under = words[at]!;
		// Neighbours mostly lie over the same colour: the last shade, before any look-up.
		if (under !== lastUnder) {
			lastUnder = under;
			shade = shades.get(under);
			if (!shade) shades.set(under, (shade = { pixels: new Uint32Array(256), indices: new Int16Array(256).fill(UNKNOWN) }));
		}
		let index = shade!.indices[alpha]!;
		if (index === UNKNOWN) {
			const rest = 255 - alpha;
			pixelBytes[0] = ((red * alpha + pixels[4 * at]! * rest + 127) / 255) | 0;
			pixelBytes[1] = ((green * alpha + pixels[4 * at + 1]! * rest + 127) / 255) | 0;
			pixelBytes[2] = ((blue * alpha + pixels[4 * at + 2]! * rest + 127) / 255) | 0;
			pixelBytes[3] = 255;
			shade!.pixels[alpha] = pixelWord[0]!;
			index = (indexed && paletteIndex(indexed, pixelBytes[0], pixelBytes[1], pixelBytes[2])) ?? -1;
			// A colour past the palette's 256: the card is encoded from its pixels.
			if (index < 0) canvas.indexed = indexed = undefined;
			shade!.indices[alpha] = index;
		}
		words[at] = shade!.pixels[alpha]!;
		if (indexed) indexed.indices[indexOrigin + indexOffsets[pixel]!] = index;
	}
}

/** How one of a role card's texts is set. */
interface TextSetting {
	style: TextStyle;
	/** Line height as a multiple of the size; undefined for the font's own. */
	lineHeight?: number;
	width: number;
	maxLines: number;
	color: string;
}

/** Paints `text` in lines from the box's top-left corner. */
function paintText(canvas: Canvas, text: string, box: { left: number; top: number }, setting: TextSetting, typeface: Typeface, glyphs: GlyphMasks): void {
	const { style } = setting;
	const lines = textLines(text, setting, (part) => typeface.measure(part, style));
	const metrics = typeface.lineMetrics(style, setting.lineHeight);
	const colour = hexChannels(setting.color);
	const shades: Shades = new Map();
	lines.forEach((runs, index) => {
		const baseline = box.top + index * Math.round(metrics.height) + metrics.baseline;
		for (const run of runs) {
			for (const glyph of typeface.place(run.text, style)) {
				// The glyph's origin, to the nearest quarter pixel: the whole pixel and the quarters past it.
				const quarters = Math.round((box.left + run.x + glyph.x) * SUBPIXELS);
				const left = Math.floor(quarters / SUBPIXELS);
				blend(canvas, glyphs.mask(glyph.face, glyph.glyph, style.size, quarters - left * SUBPIXELS), left, Math.round(baseline + glyph.y), colour, shades);
			}
		}
	});
}

/**
 * A role's card as a PNG: its site's frame with the title, team and places
 * painted on. Same input, same bytes, in any thread.
 */
export async function paintRoleCard(input: RoleCardInput): Promise<Uint8Array<ArrayBuffer>> {
	await resvgStarted();
	const typeface = await cardTypeface();
	masks ??= new GlyphMasks(typeface, CARD_WIDTH);
	const texts = roleCardTexts(input, cardFonts().covers);
	const frame = await frameOf(input, { team: texts.team !== undefined, location: texts.location !== undefined });
	const { canvas } = frame;
	const fact: TextSetting = { style: { weight: ROLE_FACT.weight, size: ROLE_FACT.size, letterSpacing: ROLE_FACT.letterSpacing }, ...ROLE_FACT };
	const title: TextSetting = {
		style: { weight: ROLE_TITLE.weight, size: titleSize(texts.title), letterSpacing: ROLE_TITLE.letterSpacing },
		...ROLE_TITLE,
	};
	const painted: Array<[string | undefined, RoleText, TextSetting]> = [
		[texts.title, 'title', title],
		[texts.team, 'team', fact],
		[texts.location, 'location', fact],
	];
	try {
		for (const [text, key, setting] of painted) {
			const box = frame.boxes[key];
			if (text === undefined) continue;
			if (!box) throw new Error(`social cards: the role card's layout has no ${key} box to paint "${text}" in`);
			paintText(canvas, text, box, setting, typeface, masks);
		}
		return canvas.indexed ? indexedImagePng(canvas.indexed, CARD_WIDTH, CARD_HEIGHT) : cardPng(canvas.pixels, CARD_WIDTH, CARD_HEIGHT);
	} finally {
		putBack(frame);
	}
}
