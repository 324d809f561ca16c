import { constants, crc32, deflateSync } from 'node:zlib';

// resvg's own encoder (`asPng()`) writes 4 bytes a pixel and tries every row
// filter: about a quarter of a card's cost. A card is opaque and drawn in a
// handful of colours and their anti-aliased blends (about 120 on a role card),
// so the same pixels fit a palette: 1 byte a pixel, a quarter of the data to
// compress, and a smaller file. Lossless: each pixel keeps its exact colour.

/** A palette holds at most this many colours (8-bit indices). */
const MAX_COLOURS = 256;

/** PNG colour type 3: each pixel is an index into the PLTE chunk. */
const INDEXED = 3;
/** PNG colour type 6: red, green, blue and alpha, a byte each. */
const RGBA = 6;

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** One chunk: length, type, data and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(12 + data.length);
	const view = new DataView(out.buffer);
	view.setUint32(0, data.length);
	out.set(new TextEncoder().encode(type), 4);
	out.set(data, 8);
	view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
	return out;
}

/** The image header of an 8-bit image of a colour type. */
function header(width: number, height: number, colourType: number): Uint8Array {
	const data = new Uint8Array(13);
	const view = new DataView(data.buffer);
	view.setUint32(0, width);
	view.setUint32(4, height);
	data[8] = 8; // bit depth
	data[9] = colourType;
	// Bytes 10–12: deflate, adaptive filtering, no interlace (all 0).
	return data;
}

/** An opaque image as palette indices: each row its filter byte (0) and then an index a pixel; the palette; each colour's index. */
export interface IndexedImage {
	indices: Uint8Array;
	/** Red, green and blue of each index, room for {@link MAX_COLOURS}. */
	palette: Uint8Array;
	/** Index of each colour, keyed by {@link colourKey}. */
	colours: Map<number, number>;
}

/** A colour as the key {@link IndexedImage.colours} uses: an opaque pixel's four bytes read as one little-endian number. */
const colourKey = (red: number, green: number, blue: number): number => (red | (green << 8) | (blue << 16) | (255 << 24)) >>> 0;

/**
 * Adds a colour to an image's palette, if it is not there yet.
 * @returns its index, or undefined when the palette is full
 */
export function paletteIndex(image: IndexedImage, red: number, green: number, blue: number): number | undefined {
	const key = colourKey(red, green, blue);
	let index = image.colours.get(key);
	if (index === undefined) {
		if (image.colours.size === MAX_COLOURS) return undefined;
		index = image.colours.size;
		image.colours.set(key, index);
		image.palette[3 * index] = red;
		image.palette[3 * index + 1] = green;
		image.palette[3 * index + 2] = blue;
	}
	return index;
}

/** The pixels as palette indices; undefined when they do not fit one (not opaque, or more than 256 colours). */
export function indexedImage(rgba: Uint8Array, width: number, height: number): IndexedImage | undefined {
	// Whole pixels as one number each, compared before any map look-up: neighbours mostly share a colour.
	const pixels = rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : new Uint32Array(rgba.slice().buffer);
	const image: IndexedImage = { indices: new Uint8Array(height * (width + 1)), palette: new Uint8Array(3 * MAX_COLOURS), colours: new Map() };
	const { indices } = image;
	// Rows compared whole (memcmp): a card is mostly rows the same as the one above.
	const bytes = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
	const rowBytes = 4 * width;
	let last = -1;
	let lastIndex = 0;
	let at = 0;
	let out = 0;
	for (let y = 0; y < height; y++) {
		indices[out++] = 0; // filter "None": the PNG spec's advice for indexed images
		if (y > 0 && bytes.compare(bytes, (y - 1) * rowBytes, y * rowBytes, y * rowBytes, (y + 1) * rowBytes) === 0) {
			// The same pixels as the row above, so the same indices (and `last` is still its last pixel).
			indices.copyWithin(out, out - width - 1, out - 1);
			out += width;
			at += width;
			continue;
		}
		for (let x = 0; x < width; x++, at++) {
			const pixel = pixels[at]!;
			if (pixel !== last) {
				// A pixel that is not opaque would need a tRNS chunk: leave it to the RGBA encoder.
				if (rgba[4 * at + 3] !== 255) return undefined;
				const index = paletteIndex(image, rgba[4 * at]!, rgba[4 * at + 1]!, rgba[4 * at + 2]!);
				if (index === undefined) return undefined;
				last = pixel;
				lastIndex = index;
			}
			indices[out++] = lastIndex;
		}
	}
	return image;
}

/** An indexed image as a PNG file. */
export function indexedImagePng({ indices, palette, colours }: IndexedImage, width: number, height: number): Uint8Array<ArrayBuffer> {
	// Run-length matching suits rows of one colour: on a role card 0.6 ms and 23 KB,
	// against zlib's default level 3 ms and 19 KB (resvg's PNG: 45 KB).
	const data = deflateSync(indices, { strategy: constants.Z_RLE });
	return pngFile([chunk('IHDR', header(width, height, INDEXED)), chunk('PLTE', palette.subarray(0, 3 * colours.size)), chunk('IDAT', data)]);
}

/**
 * Encodes RGBA pixels as an 8-bit indexed PNG, losslessly, or returns
 * undefined when it cannot: a pixel that is not fully opaque, or more than
 * 256 colours (the caller then uses another encoder).
 * @param rgba 4 bytes a pixel, rows top to bottom, not premultiplied
 * @example indexedPng(resvg.render().pixels, 1200, 630) ?? rgbaPng(resvg.render().pixels, 1200, 630)
 */
export function indexedPng(rgba: Uint8Array, width: number, height: number): Uint8Array<ArrayBuffer> | undefined {
	if (rgba.length !== 4 * width * height) throw new Error(`social cards: ${rgba.length} bytes are not ${width}×${height} RGBA pixels`);
	const image = indexedImage(rgba, width, height);
	return image && indexedImagePng(image, width, height);
}

/**
 * Encodes RGBA pixels as a plain 8-bit RGBA PNG (no row filters): for the
 * rare card that does not fit a palette.
 * @param rgba 4 bytes a pixel, rows top to bottom, not premultiplied
 */
export function rgbaPng(rgba: Uint8Array, width: number, height: number): Uint8Array<ArrayBuffer> {
	if (rgba.length !== 4 * width * height) throw new Error(`social cards: ${rgba.length} bytes are not ${width}×${height} RGBA pixels`);
	const rows = new Uint8Array(height * (4 * width + 1));
	for (let y = 0; y < height; y++) rows.set(rgba.subarray(4 * width * y, 4 * width * (y + 1)), y * (4 * width + 1) + 1);
	return pngFile([chunk('IHDR', header(width, height, RGBA)), chunk('IDAT', deflateSync(rows))]);
}

/** A card's PNG: a palette image when its colours fit one (nearly always), else RGBA. */
export function cardPng(rgba: Uint8Array, width: number, height: number): Uint8Array<ArrayBuffer> {
	return indexedPng(rgba, width, height) ?? rgbaPng(rgba, width, height);
}

/** The signature, the chunks given and the end chunk, as one file. */
function pngFile(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
	const parts = [SIGNATURE, ...chunks, chunk('IEND', new Uint8Array(0))];
	const png = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		png.set(part, offset);
		offset += part.length;
	}
	return png;
}
