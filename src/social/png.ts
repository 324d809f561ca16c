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

/** The image header of an 8-bit indexed image. */
function header(width: number, height: number): Uint8Array {
	const data = new Uint8Array(13);
	const view = new DataView(data.buffer);
	view.setUint32(0, width);
	view.setUint32(4, height);
	data[8] = 8; // bit depth
	data[9] = INDEXED;
	// Bytes 10–12: deflate, adaptive filtering, no interlace (all 0).
	return data;
}

/** The pixels as palette indices, rows prefixed by filter 0, and the palette; undefined when they do not fit one. */
function indexPixels(rgba: Uint8Array, width: number, height: number): { indices: Uint8Array; palette: Uint8Array } | undefined {
	// Whole pixels as one number each, compared before any map look-up: neighbours mostly share a colour.
	const pixels = rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : new Uint32Array(rgba.slice().buffer);
	const indices = new Uint8Array(height * (width + 1));
	const palette = new Uint8Array(3 * MAX_COLOURS);
	const seen = new Map<number, number>();
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
				// A pixel that is not opaque would need a tRNS chunk: let resvg encode that image.
				if (rgba[4 * at + 3] !== 255) return undefined;
				let index = seen.get(pixel);
				if (index === undefined) {
					if (seen.size === MAX_COLOURS) return undefined;
					index = seen.size;
					seen.set(pixel, index);
					palette.set(rgba.subarray(4 * at, 4 * at + 3), 3 * index);
				}
				last = pixel;
				lastIndex = index;
			}
			indices[out++] = lastIndex;
		}
	}
	return { indices, palette: palette.subarray(0, 3 * seen.size) };
}

/**
 * Encodes RGBA pixels as an 8-bit indexed PNG, losslessly, or returns
 * undefined when it cannot: a pixel that is not fully opaque, or more than
 * 256 colours (the caller then uses another encoder).
 * @param rgba 4 bytes a pixel, rows top to bottom, not premultiplied
 * @example indexedPng(resvg.render().pixels, 1200, 630) ?? resvg.render().asPng()
 */
export function indexedPng(rgba: Uint8Array, width: number, height: number): Uint8Array<ArrayBuffer> | undefined {
	if (rgba.length !== 4 * width * height) throw new Error(`social cards: ${rgba.length} bytes are not ${width}×${height} RGBA pixels`);
	const indexed = indexPixels(rgba, width, height);
	if (!indexed) return undefined;
	// Run-length matching suits rows of one colour: on a role card 0.6 ms and 23 KB,
	// against zlib's default level 3 ms and 19 KB (resvg's PNG: 45 KB).
	const data = deflateSync(indexed.indices, { strategy: constants.Z_RLE });
	const chunks = [SIGNATURE, chunk('IHDR', header(width, height)), chunk('PLTE', indexed.palette), chunk('IDAT', data), chunk('IEND', new Uint8Array(0))];
	const png = new Uint8Array(chunks.reduce((total, part) => total + part.length, 0));
	let offset = 0;
	for (const part of chunks) {
		png.set(part, offset);
		offset += part.length;
	}
	return png;
}
