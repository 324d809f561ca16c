import type { ZodError } from 'astro/zod';

/**
 * Errors the pipeline raises for input a recruiter can fix.
 *
 * Every message names the posting file, the field and what was expected, so a
 * failed build reads like a review comment rather than a stack trace.
 */
export class PostingError extends Error {
	override name = 'PostingError';
	/** Path of the posting, relative to the project where possible. */
	readonly file: string;
	/** The front-matter or extracted field at fault (`body` for the HTML itself). */
	readonly field: string;
	/** What the pipeline needed, in words a recruiter understands. */
	readonly expected: string;

	constructor(file: string, field: string, expected: string) {
		super(`${file}: ${field}: ${expected}`);
		this.file = file;
		this.field = field;
		this.expected = expected;
	}
}

/** Several postings failed; the build reports them all at once rather than one per run. */
export class PostingErrors extends Error {
	override name = 'PostingErrors';
	readonly errors: readonly PostingError[];

	constructor(errors: readonly PostingError[]) {
		super(
			`${errors.length} posting problem${errors.length === 1 ? '' : 's'}:\n` +
				errors.map((error) => `  - ${error.message}`).join('\n'),
		);
		this.errors = errors;
	}
}

/** How to word a validation failure for one kind of input. */
export interface IssueWording {
	/** What an unknown key is called, e.g. "front-matter field". */
	unknown: string;
	/** The keys that are allowed. */
	known: readonly string[];
	/** The field named when the issue is about the whole input. */
	whole: string;
}

/**
 * Turns the first zod issue into an error naming the file, the field, what was
 * expected and, where there is one, the value that was given.
 */
export function fromZodError(file: string, error: ZodError, data: unknown, wording: IssueWording): PostingError {
	const issue = error.issues[0];
	if (!issue) return new PostingError(file, wording.whole, 'valid input');
	if (issue.code === 'unrecognized_keys') {
		return new PostingError(
			file,
			issue.keys[0] ?? wording.whole,
			`unknown ${wording.unknown} "${issue.keys.join('", "')}"; expected one of ${wording.known.join(', ')}`,
		);
	}
	const field = issue.path.length > 0 ? issue.path.join('.') : wording.whole;
	const expected = issue.message.replace(/^Invalid (option|input): expected\s*/, '');
	const given = valueAt(data, issue.path);
	const got = given === undefined || typeof given === 'object' ? '' : `, got ${JSON.stringify(given)}`;
	return new PostingError(file, field, `expected ${expected}${got}`);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let value = data;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value instanceof Date ? value.toISOString() : value;
}
