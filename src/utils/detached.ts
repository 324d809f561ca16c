/**
 * V8 keeps a substring of 13 characters or more as a view into the string it
 * was cut from (a "sliced string"). A posting's slug, title or summary, cut
 * from its file's text, would keep the whole file's text alive for as long as
 * the posting lives: after a cold build's pipeline over 10,000 postings,
 * 135 MB of Astro's heap was posting files, two bytes a character
 * (docs/decisions.md, "A result keeps nothing of its input").
 */

/** V8 copies shorter substrings instead of slicing them (`SlicedString::kMinLength`). */
const SLICE_MIN_LENGTH = 13;

/**
 * A string of the same text that shares no memory with any other: the
 * concatenation is flattened into a new string, which the slice then views.
 */
function ownText(text: string): string {
	return text.length < SLICE_MIN_LENGTH ? text : (' ' + text).slice(1);
}

/**
 * A copy of plain data (objects, arrays, strings, numbers, booleans, null)
 * whose strings keep nothing else alive. Objects of a class (a Map, a Date)
 * are kept as they are.
 *
 * @example
 * const posting = detached(finishOne(read, site)); // the file's text can now be collected
 */
export function detached<T>(value: T): T {
	if (typeof value === 'string') return ownText(value) as T;
	if (Array.isArray(value)) return value.map(detached) as T;
	if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		const copy: Record<string, unknown> = {};
		// A loop over the keys, not over `Object.entries`: an array for each field of each object of every posting was 60 MB of garbage at 10,000 postings.
		for (const key in value) if (Object.hasOwn(value, key)) copy[key] = detached((value as Record<string, unknown>)[key]);
		return copy as T;
	}
	return value;
}
