/**
 * The one rule for which characters the site may publish.
 *
 * Text reaches the feeds, the sitemap, the JSON API and the JSON-LD from
 * front matter (refused there, see {@link refuseUnsafeText}) and from ATS
 * HTML, where `&#1;` or a raw U+0001 decodes to a control character. One such
 * character makes a whole feed unreadable: XML 1.0 has no way to carry most
 * C0 controls, U+FFFE, U+FFFF or a lone surrogate, not even escaped. Every
 * output path runs its text through {@link cleanText} (or {@link cleanData})
 * just before serializing, so no field can be forgotten.
 */
import type { z } from 'astro/zod';

/** The last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE … U+10FFFF): non-characters. */
const PLANE_ENDS = Array.from({ length: 17 }, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}-\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`).join('');

/**
 * Control characters but tab, line feed and carriage return (C0, DEL, C1),
 * surrogates (with the `u` flag only a lone one can match: a pair is read as
 * one code point), and the non-characters U+FDD0–U+FDEF and each plane's last two.
 * C1 controls and non-characters are legal XML but mean nothing in text, and
 * HTML and several feed readers reject them.
 */
const UNSAFE_SOURCE = `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF\\uFDD0-\\uFDEF${PLANE_ENDS}]`;
const UNSAFE = new RegExp(UNSAFE_SOURCE, 'gu');
// Not global, so it keeps no position between calls: compiled once, reused for every string checked.
const FIRST_UNSAFE = new RegExp(UNSAFE_SOURCE, 'u');
/**
 * A quick first test, three times faster without the `u` flag: it matches every
 * character {@link FIRST_UNSAFE} does, and any surrogate (so an emoji too), which
 * the exact test then clears. Nearly all text fails it and is done.
 */
const MAYBE_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/**
 * Text without the characters no published format can carry: control
 * characters other than tab, line feed and carriage return; lone surrogates;
 * non-characters. Everything else, markup included, is left for the format's
 * own escaping.
 * @example cleanText('Role\u0001 <b>') // 'Role <b>'
 */
export function cleanText(text: string): string {
	// Nearly all text is clean: a test, without the replace's copy.
	return MAYBE_UNSAFE.test(text) && FIRST_UNSAFE.test(text) ? text.replace(UNSAFE, '') : text;
}

/**
 * {@link cleanText} applied to every string in a JSON-like value (arrays and
 * plain objects, keys included), before it is serialized. Anything else (a
 * number, a `Date`) is returned as it is.
 * @example cleanData({ title: 'a\uFFFEb', tags: ['\u0001x'] }) // { title: 'ab', tags: ['x'] }
 */
export function cleanData<T>(value: T): T {
	if (typeof value === 'string') return cleanText(value) as T;
	if (value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map((item: unknown) => cleanData(item)) as T;
	const prototype: unknown = Object.getPrototypeOf(value);
	if (prototype !== Object.prototype && prototype !== null) return value;
	// A loop, not entries mapped into fromEntries: an API list cleans 10,000 postings' worth of objects on every build.
	const clean: Record<string, unknown> = {};
	for (const key of Object.keys(value)) {
		const name = cleanText(key);
		const item = cleanData((value as Record<string, unknown>)[key]);
		// A key "__proto__" stays a key, as fromEntries made it: assigned, it would set the prototype.
		if (name === '__proto__') Object.defineProperty(clean, name, { value: item, enumerable: true, writable: true, configurable: true });
		else clean[name] = item;
	}
	return clean as T;
}

/** A character {@link cleanText} would remove, as a recruiter should be told about it. */
export interface UnsafeCharacter {
	/** The code point as Unicode writes it, e.g. "U+0001". */
	codePoint: string;
	/** Where it is: 1 for the first character (counting code points, as an editor does). */
	position: number;
	/** What kind of character it is. */
	kind: 'control character' | 'lone surrogate' | 'non-character';
}

/** The first character of `text` that {@link cleanText} would remove, or undefined when there is none. */
export function firstUnsafeCharacter(text: string): UnsafeCharacter | undefined {
	const match = MAYBE_UNSAFE.test(text) ? FIRST_UNSAFE.exec(text) : null;
	if (!match) return undefined;
	const code = match[0].codePointAt(0)!;
	return {
		codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
		position: [...text.slice(0, match.index)].length + 1,
		kind: code <= 0x9f ? 'control character' : code >= 0xd800 && code <= 0xdfff ? 'lone surrogate' : 'non-character',
	};
}

/**
 * A zod refinement for a whole settings object (front matter, site.yaml):
 * every string in it, at any depth, must be free of what {@link cleanText}
 * removes. One issue per bad string, at its field's path, so the error names
 * the field, the code point and where it is.
 * @example z.object({ title: z.string() }).superRefine(refuseUnsafeText)
 * // title: "Role\u0001" → 'text without control characters or non-characters; found U+0001 (a control character) at character 5'
 */
export function refuseUnsafeText(value: unknown, ctx: z.RefinementCtx): void {
	// One path, grown and shrunk as the walk goes: copied only for an issue, not once per value visited.
	const path: Array<string | number> = [];
	const visit = (item: unknown): void => {
		if (typeof item === 'string') {
			const found = firstUnsafeCharacter(item);
			if (found) {
				ctx.addIssue({
					code: 'custom',
					path: [...path],
					message: `text without control characters or non-characters; found ${found.codePoint} (a ${found.kind}) at character ${found.position}`,
				});
			}
		} else if (Array.isArray(item)) {
			for (let index = 0; index < item.length; index += 1) {
				path.push(index);
				visit(item[index]);
				path.pop();
			}
		} else if (item !== null && typeof item === 'object' && !(item instanceof Date)) {
			for (const key in item) {
				path.push(key);
				visit((item as Record<string, unknown>)[key]);
				path.pop();
			}
		}
	};
	visit(value);
}
