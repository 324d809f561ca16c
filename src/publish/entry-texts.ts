import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeWhole } from '../utils/write-whole.ts';

/** What the file holds; another version (another shape) is not read. */
const VERSION = 2;

/** The last list file made, and where each entry is in it, by the digest of what the entry was made from. */
interface Stored {
	version: number;
	bytes: Uint8Array;
	entries: Map<string, [start: number, end: number]>;
}

/** One entry of a list file: how to make it, and the digest of what it is made from (none: made every time). */
export interface ListEntry {
	digest: string | undefined;
	make: () => unknown;
}

/** A list file's entries, kept between builds ({@link entryTexts}). */
export interface EntryTexts {
	/**
	 * The list file's bytes (UTF-8 JSON): `head` (the file's other fields,
	 * validated and cleaned, its list last and empty) with the entries in its
	 * list, each the last build's bytes for the same digest, else `make()`
	 * printed. The same bytes as the whole file printed at once.
	 *
	 * @throws {Error} when `head` does not end with its empty list: the schema's field order changed
	 */
	listFile(head: object, entries: readonly ListEntry[]): Uint8Array<ArrayBuffer>;
	/** Keeps the file made and its entries' places for the next build, if they differ from the last build's. */
	save(): void;
}

const COMMA = Buffer.from(',');
const END = Buffer.from(']}\n');

/**
 * The entries of a file that lists every role (`/api/postings.json`,
 * `/api/manifest.json`) as the last build printed them, kept in a file of
 * the build's cache folder: the file it made, and where each entry is in it,
 * by the digest of what the entry was made from. Both files are made again
 * every build, as each lists every role: at 10,000 roles, validating,
 * cleaning and printing their 15 MB of entries, then encoding the text as
 * UTF-8, took about 0.9 s of a build after one changed posting (profiled),
 * for 9,999 entries printed as before. Now an unchanged entry is a slice of
 * the last file's bytes, never decoded.
 *
 * An unreadable file, or one of another version, keeps nothing: every entry
 * is made, as in a first build.
 *
 * @param file where the entries are kept (read now, written by `save`)
 */
export function entryTexts(file: string): EntryTexts {
	let before: Stored | undefined;
	try {
		const stored = deserialize(readFileSync(file)) as Stored;
		if (stored.version === VERSION && stored.bytes instanceof Uint8Array && stored.entries instanceof Map) before = stored;
	} catch {
		// No file yet, or a damaged one: every entry is made.
	}
	let next: Stored | undefined;
	return {
		listFile(head, entries) {
			const printed = Buffer.from(JSON.stringify(head));
			if (!printed.subarray(-3).equals(Buffer.from('[]}'))) throw new Error(`a list file's list must be its last field, empty until the entries are printed into it: ${printed.subarray(-60).toString()}`);
			const parts: Uint8Array[] = [printed.subarray(0, -2)];
			let length = printed.length - 2;
			const places = new Map<string, [number, number]>();
			let made = 0;
			entries.forEach(({ digest, make }, index) => {
				if (index > 0) {
					parts.push(COMMA);
					length += 1;
				}
				const known = digest === undefined ? undefined : before?.entries.get(digest);
				const bytes = known ? before!.bytes.subarray(known[0], known[1]) : Buffer.from(JSON.stringify(make()));
				if (digest !== undefined) {
					if (!known) made += 1;
					places.set(digest, [length, length + bytes.length]);
				}
				parts.push(bytes);
				length += bytes.length;
			});
			parts.push(END);
			const bytes = new Uint8Array(length + END.length);
			let offset = 0;
			for (const part of parts) {
				bytes.set(part, offset);
				offset += part.length;
			}
			// Unchanged: every entry found, as many as before, in the same bytes (so each at the same place).
			const same = before !== undefined && made === 0 && places.size === before.entries.size && Buffer.from(bytes.buffer).equals(before.bytes);
			next = same ? undefined : { version: VERSION, bytes, entries: places };
			return bytes;
		},
		save() {
			if (!next) return;
			mkdirSync(dirname(file), { recursive: true });
			writeWhole(file, serialize(next));
		},
	};
}

/** The entries of one list file (`postings`, `manifest`), kept in a build's cache folder (Astro's `cacheDir`). */
export function entryTextsIn(cacheDir: string, name: string): EntryTexts {
	return entryTexts(join(cacheDir, 'api-entries', `${name}.bin`));
}
