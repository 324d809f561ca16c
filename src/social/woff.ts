import { inflateSync } from 'node:zlib';

// Just enough of WOFF 1.0 (https://www.w3.org/TR/WOFF/): the OpenType `cmap`
// table, to learn which characters a font can draw (satori draws a "NOGLYPH"
// box for anything else; knowing the coverage lets the card leave such text
// out), and the plain OpenType font it wraps, which HarfBuzz reads (it does
// not inflate WOFF itself).

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const CMAP = 0x636d6170; // 'cmap'
const HEADER_BYTES = 44;
const WOFF_ENTRY_BYTES = 20;
const SFNT_HEADER_BYTES = 12;
const SFNT_ENTRY_BYTES = 16;

/** One table of a WOFF file: its tag, checksum and uncompressed bytes. */
interface WoffTable {
	tag: number;
	checksum: number;
	data: Uint8Array;
}

/** Every table of a WOFF file, in its directory's order (sorted by tag, as OpenType wants). */
function woffTables(woff: Uint8Array, only?: number): WoffTable[] {
	const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
	if (view.getUint32(0) !== WOFF_SIGNATURE) throw new Error('not a WOFF 1.0 font (woff2 is not supported)');
	const numTables = view.getUint16(12);
	const tables: WoffTable[] = [];
	for (let index = 0; index < numTables; index++) {
		const entry = HEADER_BYTES + index * WOFF_ENTRY_BYTES;
		const tag = view.getUint32(entry);
		if (only !== undefined && tag !== only) continue;
		const offset = view.getUint32(entry + 4);
		const compLength = view.getUint32(entry + 8);
		const origLength = view.getUint32(entry + 12);
		const stored = woff.subarray(offset, offset + compLength);
		// A table is zlib-compressed only when that made it smaller.
		tables.push({ tag, checksum: view.getUint32(entry + 16), data: compLength < origLength ? inflateSync(stored) : stored });
	}
	return tables;
}

/** The uncompressed bytes of one table of a WOFF file, or undefined if the font has none. */
function woffTable(woff: Uint8Array, tag: number): DataView | undefined {
	const [table] = woffTables(woff, tag);
	return table && new DataView(table.data.buffer, table.data.byteOffset, table.data.byteLength);
}

/**
 * The OpenType (TrueType or CFF) font a WOFF 1.0 file wraps: the same tables,
 * inflated, behind an sfnt header and directory, each table 4-byte aligned.
 * @throws {Error} when the bytes are not a WOFF 1.0 font
 */
export function sfntOf(woff: Uint8Array): Uint8Array<ArrayBuffer> {
	const flavor = new DataView(woff.buffer, woff.byteOffset, woff.byteLength).getUint32(4);
	const tables = woffTables(woff);
	const directoryEnd = SFNT_HEADER_BYTES + tables.length * SFNT_ENTRY_BYTES;
	const padded = (length: number) => (length + 3) & ~3;
	const sfnt = new Uint8Array(tables.reduce((size, table) => size + padded(table.data.length), directoryEnd));
	const view = new DataView(sfnt.buffer);
	view.setUint32(0, flavor);
	view.setUint16(4, tables.length);
	// searchRange, entrySelector and rangeShift: binary-search hints from the table count.
	const power = 2 ** Math.floor(Math.log2(tables.length));
	view.setUint16(6, power * SFNT_ENTRY_BYTES);
	view.setUint16(8, Math.log2(power));
	view.setUint16(10, (tables.length - power) * SFNT_ENTRY_BYTES);
	let offset = directoryEnd;
	tables.forEach((table, index) => {
		const entry = SFNT_HEADER_BYTES + index * SFNT_ENTRY_BYTES;
		view.setUint32(entry, table.tag);
		view.setUint32(entry + 4, table.checksum);
		view.setUint32(entry + 8, offset);
		view.setUint32(entry + 12, table.data.length);
		sfnt.set(table.data, offset);
		offset += padded(table.data.length);
	});
	return sfnt;
}

/** Code points of a format 4 subtable (BMP, segments) that map to a real glyph. */
function format4(cmap: DataView, start: number, into: Set<number>): void {
	const segCount = cmap.getUint16(start + 6) / 2;
	const ends = start + 14;
	const starts = ends + segCount * 2 + 2;
	const deltas = starts + segCount * 2;
	const rangeOffsets = deltas + segCount * 2;
	for (let segment = 0; segment < segCount; segment++) {
		const end = cmap.getUint16(ends + segment * 2);
		const first = cmap.getUint16(starts + segment * 2);
		const delta = cmap.getUint16(deltas + segment * 2);
		const rangeOffsetAt = rangeOffsets + segment * 2;
		const rangeOffset = cmap.getUint16(rangeOffsetAt);
		for (let code = first; code <= end && code !== 0xffff; code++) {
			let glyph: number;
			if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
			else {
				const raw = cmap.getUint16(rangeOffsetAt + rangeOffset + (code - first) * 2);
				glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
			}
			if (glyph !== 0) into.add(code);
		}
	}
}

/** Code points of a format 12 subtable (all planes, groups) that map to a real glyph. */
function format12(cmap: DataView, start: number, into: Set<number>): void {
	const groups = cmap.getUint32(start + 12);
	for (let group = 0; group < groups; group++) {
		const at = start + 16 + group * 12;
		const first = cmap.getUint32(at);
		const last = cmap.getUint32(at + 4);
		const firstGlyph = cmap.getUint32(at + 8);
		for (let code = first; code <= last; code++) if (firstGlyph + (code - first) !== 0) into.add(code);
	}
}

/**
 * The Unicode code points a WOFF 1.0 font has a glyph for, read from its `cmap`
 * table (Unicode subtables, formats 4 and 12).
 * @throws {Error} when the bytes are not a WOFF 1.0 font
 */
export function woffCoverage(woff: Uint8Array): Set<number> {
	const covered = new Set<number>();
	const cmap = woffTable(woff, CMAP);
	if (!cmap) return covered;
	const subtables = cmap.getUint16(2);
	for (let index = 0; index < subtables; index++) {
		const record = 4 + index * 8;
		const platform = cmap.getUint16(record);
		const encoding = cmap.getUint16(record + 2);
		// Unicode platform, or Windows with the Unicode BMP (1) or full repertoire (10).
		if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
		const start = cmap.getUint32(record + 4);
		const format = cmap.getUint16(start);
		if (format === 4) format4(cmap, start, covered);
		else if (format === 12) format12(cmap, start, covered);
	}
	return covered;
}
