import { parseDocument } from 'yaml';
import { frontMatterSchema, type FrontMatter } from '../schemas/front-matter.ts';
import { fromZodError, PostingError } from './errors.ts';

/** A posting file split into its parts, before any normalising. */
export interface RawPosting {
	/** Path used in messages, relative to the project where possible. */
	file: string;
	/** File name without extension: the default id. */
	name: string;
	/** Validated front matter; its defaults (`status: 'open'`, no former slugs) when the file has none. */
	frontMatter: FrontMatter;
	/** The ATS HTML exactly as written after the front matter. */
	html: string;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Splits a posting file into YAML front matter and the raw ATS HTML, and
 * validates the front matter.
 *
 * @example
 * readPosting('content/postings/eng.html', '---\ntitle: Engineer\n---\n<p>Hi</p>')
 * // => { name: 'eng', frontMatter: { title: 'Engineer', status: 'open' }, html: '<p>Hi</p>', … }
 * @throws {PostingError} for an empty file, invalid YAML or a front-matter field out of shape
 */
export function readPosting(file: string, source: string): RawPosting {
	const name = (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]+$/, '');
	const text = source.replace(/^\uFEFF/, '');
	if (text.trim() === '') {
		throw new PostingError(file, 'body', 'the file is empty; expected ATS HTML, optionally after a YAML front-matter block');
	}
	const match = FENCE.exec(text);
	const html = match ? text.slice(match[0].length) : text;
	const frontMatter = match ? parseFrontMatter(file, match[1] ?? '') : frontMatterSchema.parse({});
	if (html.trim() === '') {
		throw new PostingError(file, 'body', 'no HTML after the front matter; expected the posting text from the ATS');
	}
	return { file, name, frontMatter, html };
}

function parseFrontMatter(file: string, yamlText: string): FrontMatter {
	const document = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
	const [error] = document.errors;
	if (error) {
		const position = error.linePos?.[0];
		// +1: the opening `---` fence is line 1 of the file.
		const where = position ? ` (line ${position.line + 1}, column ${position.col})` : '';
		const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
		throw new PostingError(file, 'front matter', `expected valid YAML${where}: ${reason}`);
	}
	const data: unknown = document.toJS() ?? {};
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		throw new PostingError(file, 'front matter', 'a YAML mapping of fields such as "title: …", not a list or a single value');
	}
	const result = frontMatterSchema.safeParse(data);
	if (!result.success) {
		throw fromZodError(file, result.error, data, { unknown: 'front-matter field', known: Object.keys(frontMatterSchema.shape), whole: 'front matter' });
	}
	return result.data;
}
