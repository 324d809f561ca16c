import type { ZodError } from 'astro/zod';

/** What a recruiter is told beyond what was expected: what was there instead, and how to fix it. */
export interface ErrorDetails {
	/** What the input held instead, quoted or described, e.g. `"paused"` or `a folder`. */
	found?: string;
	/** How to fix it, in one or two sentences. */
	hint?: string;
}

/**
 * The one error class for input a recruiter can fix: a posting file, the
 * postings folder or the site settings.
 *
 * Every message names the file, the field and what was expected (and, where it
 * helps, what was found and a hint), so a failed build reads like a review
 * comment rather than a stack trace. The first line is always
 * `file: field: expected…`; a hint follows on its own line.
 */
export class PostingError extends Error {
	override name = 'PostingError';
	/** Path of the file, relative to the project where possible. */
	readonly file: string;
	/** The front-matter, settings or extracted field at fault (`body` for the HTML itself, `file` for the file as a whole). */
	readonly field: string;
	/** What the pipeline needed, in words a recruiter understands. */
	readonly expected: string;
	/** What the input held instead, when that is not already part of `expected`. */
	readonly found: string | undefined;
	/** How to fix it. */
	readonly hint: string | undefined;

	constructor(file: string, field: string, expected: string, details: ErrorDetails = {}) {
		super(`${file}: ${field}: ${expected}${details.found ? `; found ${details.found}` : ''}${details.hint ? `\n  Hint: ${details.hint}` : ''}`);
		this.file = file;
		this.field = field;
		this.expected = expected;
		this.found = details.found;
		this.hint = details.hint;
	}
}

/** Several problems at once; the build reports them all rather than one per run. */
export class PostingErrors extends Error {
	override name = 'PostingErrors';
	readonly errors: readonly PostingError[];

	/** @param subject what the problems are in, e.g. "posting" or "site settings" */
	constructor(errors: readonly PostingError[], subject = 'posting') {
		super(
			`${errors.length} ${subject} problem${errors.length === 1 ? '' : 's'}:\n` +
				errors.map((error) => `  - ${error.message.replace(/\n/g, '\n    ')}`).join('\n'),
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
	/** What the problems are in, for a file with several: "posting" or "site settings". */
	subject?: string;
	/** The schema's fields, whose descriptions say what a missing one is for. */
	fields?: Readonly<Record<string, { description?: string | undefined }>>;
	/** The keys allowed in a nested mapping (its path from the top), where one has keys of its own. */
	knownAt?: (path: readonly PropertyKey[]) => readonly string[] | undefined;
}

/** Most keys an "unknown key" message lists; beyond that it names the closest few. */
const LISTED_KEYS = 16;

/** Letters to change, add or drop to turn one key into another (Levenshtein), for naming the keys nearest a typo. */
function distance(a: string, b: string): number {
	let row = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i += 1) {
		const next = [i];
		for (let j = 1; j <= b.length; j += 1) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		row = next;
	}
	return row[b.length]!;
}

/** What an unknown key should have been: every allowed key, or the few nearest it when there are many. */
function expectedKeys(key: string, known: readonly string[]): string {
	if (known.length <= LISTED_KEYS) return `expected one of ${known.join(', ')}`;
	const nearest = [...known].sort((a, b) => distance(key, a) - distance(key, b)).slice(0, 3);
	return `expected one of its ${known.length} keys, such as ${nearest.join(', ')}`;
}

/**
 * Turns a zod error into errors naming the file, the field, what was expected
 * and, where there is one, the value that was given: every issue, so a
 * recruiter fixes a file in one go rather than one field per build.
 *
 * @returns one {@link PostingError}, or {@link PostingErrors} when there are several
 */
export function fromZodError(file: string, error: ZodError, data: unknown, wording: IssueWording): PostingError | PostingErrors {
	const errors = error.issues.flatMap((issue): PostingError[] => {
		if (issue.code === 'unrecognized_keys') {
			if (issue.path.length === 0) {
				return issue.keys.map((key) => new PostingError(file, key, `unknown ${wording.unknown} "${key}"; expected one of ${wording.known.join(', ')}`));
			}
			// A key inside a mapping of its own (`labels:`, `atsSource:`): named with its path, against that mapping's keys.
			const at = issue.path.map(String).join('.');
			const known = wording.knownAt?.(issue.path);
			return issue.keys.map((key) => new PostingError(file, `${at}.${key}`, `unknown key "${key}" in ${at}${known ? `; ${expectedKeys(key, known)}` : ''}`));
		}
		const field = issue.path.length > 0 ? issue.path.map(String).join('.') : wording.whole;
		const expected = plainWording(issue) ?? issue.message.replace(/^Invalid (option|input): expected\s*/, '');
		const given = valueAt(data, issue.path);
		if (given === undefined && issue.code === 'invalid_type') {
			const purpose = issue.path.length === 1 ? wording.fields?.[String(issue.path[0])]?.description : undefined;
			return [
				// zod names a type ("expected string"); for a field left out, "a value" says it better.
				new PostingError(file, field, `expected ${expected.replace(/^\w+, received undefined$/, 'a value')}`, {
					found: 'nothing: the field is missing',
					...(purpose ? { hint: `Add \`${field}:\` (${purpose}).` } : {}),
				}),
			];
		}
		const got = given === undefined || typeof given === 'object' ? '' : `, got ${quote(given)}`;
		return [new PostingError(file, field, `expected ${expected}${got}`)];
	});
	if (errors.length === 0) return new PostingError(file, wording.whole, 'valid input');
	return errors.length === 1 ? errors[0]! : new PostingErrors(errors, wording.subject);
}

type Issue = ZodError['issues'][number];

/**
 * What was expected in a recruiter's words, where the schema left zod's own:
 * a size limit ("Too small: expected string to have >=1 characters" for a
 * team of one space), a URL ("expected Invalid URL"). Undefined for other
 * issues, and for those a schema words itself.
 */
function plainWording(issue: Issue): string | undefined {
	if (issue.code === 'invalid_format' && issue.format === 'url' && issue.message === 'Invalid URL') return 'an http(s) URL such as "https://careers.example.com"';
	if ((issue.code !== 'too_small' && issue.code !== 'too_big') || !/^Too (?:small|big):/.test(issue.message)) return undefined;
	const small = issue.code === 'too_small';
	const limit = Number(small ? issue.minimum : issue.maximum);
	const inclusive = issue.inclusive !== false;
	switch (issue.origin) {
		case 'string':
			// Strings are trimmed first: a value of spaces is as empty as no value.
			return small && limit === 1 ? 'some text (it is empty or only spaces)' : `${small ? 'at least' : 'at most'} ${limit} characters`;
		case 'number':
			return `a number ${small ? (inclusive ? `of ${limit} or more` : `above ${limit}`) : inclusive ? `of ${limit} or less` : `below ${limit}`}`;
		case 'array':
			return `${small ? 'at least' : 'at most'} ${limit} ${limit === 1 ? 'item' : 'items'}`;
		default:
			return undefined;
	}
}

/** A given value as JSON, shortened: a 10,000-character title is not repeated in full. */
function quote(value: unknown): string {
	const json = JSON.stringify(value) ?? String(value);
	return json.length > 120 ? `${json.slice(0, 100)}…" (${String(value).length} characters)` : json;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let value = data;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value instanceof Date ? value.toISOString() : value;
}
