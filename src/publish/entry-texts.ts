import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeWhole } from '../utils/write-whole.ts';

/** What the file holds; another version (another shape) is not read. */
const VERSION = 1;

interface Stored {
	version: number;
	/** Each entry's JSON text, by the digest of what it was made from. */
	texts: Map<string, string>;
}

/** The JSON text of the entries of a file that lists every role, kept between builds ({@link entryTexts}). */
export interface EntryTexts {
	/**
	 * The JSON text of one entry: the last build's for the same digest, else
	 * `make()` printed (and kept for the next build). Without a digest it is
	 * made, and not kept.
	 *
	 * @param digest a digest of everything the entry is made from, the code that makes it included
	 */
	text(digest: string | undefined, make: () => unknown): string;
	/** Keeps this build's entries (only those) for the next, if any differ from the last build's. */
	save(): void;
}

/**
 * The entries of a file that lists every role (`/api/postings.json`,
 * `/api/manifest.json`), each as the JSON text it is printed as, kept in a
 * file of the build's cache folder by the digest of what it was made from.
 * Both files are made again every build, as each lists every role: at
 * 10,000 roles, validating and printing 15 MB of entries took about 0.7 s of
 * a build after one changed posting, for 9,999 entries printed the same as
 * the build before. V8's serializer: a file of 10,000 strings reads and writes
 * in milliseconds, where JSON would escape every quote of every entry.
 *
 * An unreadable file, or one of another version, keeps nothing: every entry
 * is made, as in a first build.
 *
 * @param file where the texts are kept (read now, written by `save`)
 */
export function entryTexts(file: string): EntryTexts {
	let before = new Map<string, string>();
	try {
		const stored = deserialize(readFileSync(file)) as Stored;
		if (stored.version === VERSION && stored.texts instanceof Map) before = stored.texts;
	} catch {
		// No file yet, or a damaged one: every entry is made.
	}
	const used = new Map<string, string>();
	let made = 0;
	return {
		text(digest, make) {
			const known = digest === undefined ? undefined : (used.get(digest) ?? before.get(digest));
			if (known !== undefined) {
				used.set(digest!, known);
				return known;
			}
			const text = JSON.stringify(make());
			if (digest !== undefined) {
				used.set(digest, text);
				made += 1;
			}
			return text;
		},
		save() {
			if (made === 0 && used.size === before.size) return;
			mkdirSync(dirname(file), { recursive: true });
			writeWhole(file, serialize({ version: VERSION, texts: used } satisfies Stored));
		},
	};
}

/**
 * A list file's JSON text: `head` (the file's other fields, validated and
 * cleaned, its list last and empty) printed, with the entries' texts in its
 * list. The same text `JSON.stringify` gives the whole file.
 *
 * @throws {Error} when `head` does not end with its empty list: the schema's field order changed
 */
export function listFileText(head: object, entries: readonly string[]): string {
	const printed = JSON.stringify(head);
	if (!printed.endsWith('[]}')) throw new Error(`a list file's list must be its last field, empty until the entries are printed into it: ${printed.slice(-60)}`);
	return `${printed.slice(0, -2)}${entries.join(',')}]}\n`;
}

/** The entry texts of one list file (`postings`, `manifest`), kept in a build's cache folder (Astro's `cacheDir`). */
export function entryTextsIn(cacheDir: string, name: string): EntryTexts {
	return entryTexts(join(cacheDir, 'api-entries', `${name}.bin`));
}
