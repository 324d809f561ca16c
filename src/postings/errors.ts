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
