import { drawNow } from './resvg.ts';
import type { Typeface } from './typeface.ts';

/** How finely a glyph's horizontal position is kept: quarter pixels (satori rounds its paths to tenths; a card cannot tell). */
export const SUBPIXELS = 4;

/** A glyph's coverage in a box `width` × `height` pixels, placed `left`/`top` pixels from the glyph's origin. */
export interface GlyphMask {
	width: number;
	height: number;
	left: number;
	top: number;
	/**
	 * The covered pixels alone (about half the box), as offsets from the box's
	 * top-left pixel in an image `stride` pixels wide, and their coverage (1
	 * to 255): what painting the glyph walks; and the same pixels' offsets in
	 * a palette image's rows (`indexOffsets`), each a byte longer for its
	 * filter byte first, so painting never divides to find a pixel's row.
	 */
	ink: { offsets: Int32Array; indexOffsets: Int32Array; coverage: Uint8Array };
}

const EMPTY: GlyphMask = { width: 0, height: 0, left: 0, top: 0, ink: { offsets: new Int32Array(0), indexOffsets: new Int32Array(0), coverage: new Uint8Array(0) } };

/**
 * Glyph coverage masks, each drawn once by resvg (the rasterizer that drew
 * whole cards before, so edges are shaded as they were) and then reused: a
 * card's text is a few dozen glyphs of one alphabet at a few sizes, so after
 * the first cards nearly every glyph is found here. Kept per thread, for its
 * life: a few hundred masks of a few KB each.
 */
export class GlyphMasks {
	readonly #typeface: Typeface;
	readonly #stride: number;
	readonly #masks = new Map<string, GlyphMask>();

	/**
	 * resvg must be started in this thread (`resvgStarted`).
	 * @param stride width in pixels of the images the glyphs are painted on (for {@link GlyphMask.ink})
	 */
	constructor(typeface: Typeface, stride: number) {
		this.#typeface = typeface;
		this.#stride = stride;
	}

	/**
	 * The mask of a glyph at `size` px whose origin is `subpixel` / {@link SUBPIXELS}
	 * of a pixel right of a pixel's left edge, on a pixel row's top edge.
	 */
	mask(face: number, glyph: number, size: number, subpixel: number): GlyphMask {
		const key = `${face}/${glyph}/${size}/${subpixel}`;
		let mask = this.#masks.get(key);
		if (!mask) {
			mask = this.#draw(face, glyph, size, subpixel);
			this.#masks.set(key, mask);
		}
		return mask;
	}

	#draw(face: number, glyph: number, size: number, subpixel: number): GlyphMask {
		const path = this.#typeface.outline(face, glyph);
		if (path === '') return EMPTY;
		const scale = size / this.#typeface.unitsPerEm(face);
		const bounds = this.#typeface.bounds(face, glyph);
		const shift = subpixel / SUBPIXELS;
		// A pixel's margin on each side: anti-aliasing shades the pixels an edge passes through.
		const left = Math.floor(shift + bounds.minX * scale) - 1;
		const right = Math.ceil(shift + bounds.maxX * scale) + 1;
		const top = Math.floor(-bounds.maxY * scale) - 1;
		const bottom = Math.ceil(-bounds.minY * scale) + 1;
		const width = right - left;
		const height = bottom - top;
		// Font units have y up; the image has y down.
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><path transform="matrix(${scale} 0 0 ${-scale} ${shift - left} ${-top})" d="${path}"/></svg>`;
		return drawNow(svg, ({ pixels }) => {
			const offsets: number[] = [];
			const indexOffsets: number[] = [];
			const coverage: number[] = [];
			for (let index = 0; index < width * height; index++) {
				const alpha = pixels[4 * index + 3]!;
				if (alpha === 0) continue;
				const row = Math.floor(index / width);
				offsets.push(row * this.#stride + (index % width));
				indexOffsets.push(row * (this.#stride + 1) + (index % width));
				coverage.push(alpha);
			}
			return { width, height, left, top, ink: { offsets: Int32Array.from(offsets), indexOffsets: Int32Array.from(indexOffsets), coverage: Uint8Array.from(coverage) } };
		});
	}
}
