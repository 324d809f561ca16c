/**
 * The posting-file format, read and written in one place: YAML front matter
 * between `---` fences, then the ATS's HTML. The build reads it with
 * {@link readPosting} (validated, with limits); the sync edits it with
 * {@link readPostingFile} and {@link renderPostingFile}, through the YAML
 * document so a recruiter's comments and key order survive and a file nobody
 * changed is written byte for byte the same. Pure: no file system here.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { isMap, isSeq, parseDocument, YAMLMap, type Document } from 'yaml';
import { frontMatterSchema, type FrontMatter } from '../schemas/front-matter.ts';
import type { AtsSystem } from '../schemas/ats-link.ts';
import { fromZodError, PostingError } from '../postings/errors.ts';
import { parseSimpleYaml } from '../utils/simple-yaml.ts';
import { MAX_POSTING_BYTES } from './size-limit.ts';

/**
 * Where a raw posting comes from: a posting file in the folder, or a row of
 * an ATS board read at build time. The one place that says so; `file`
 * strings are for messages.
 */
export type PostingOrigin =
	| {
			kind: 'file';
			/** The file's path, relative to the project where possible (absolute for a folder outside it). */
			path: string;
	  }
	| {
			kind: 'ats';
			vendor: AtsSystem;
			/** The board (Greenhouse board token, Lever site, Ashby job board name…). */
			board: string;
			/** The role's id in the ATS. */
			id: string;
	  };

/**
 * How messages name a posting of this origin: the file's path, or
 * `greenhouse:acme/4242` for an ATS row.
 */
export function originLabel(origin: PostingOrigin): string {
	return origin.kind === 'file' ? origin.path : `${origin.vendor}:${origin.board}/${origin.id}`;
}

/** A posting file split into its parts, before any normalising. */
export interface RawPosting {
	/** Where it comes from. */
	origin: PostingOrigin;
	/** How messages name it: {@link originLabel} of its origin. */
	file: string;
	/** File name without extension: the default id. */
	name: string;
	/** Validated front matter; its defaults (`status: 'open'`, no former slugs) when the file has none. */
	frontMatter: FrontMatter;
	/** The ATS HTML exactly as written after the front matter. */
	html: string;
	/** How many lines of the file come before the HTML (the front matter and its fences), so messages can name the file's lines. */
	linesBefore: number;
}

/**
 * How deep elements may nest in a posting's HTML. Real postings nest a dozen
 * levels or so; thousands overflow the stack of the HTML serializer.
 */
export const MAX_NESTING = 256;

/** How many nodes YAML aliases may expand to (yaml's own default, stated): an alias bomb stops here. */
export const MAX_YAML_ALIASES = 100;

// The closing fence may follow the opening one directly: `---\n---\n` is empty front matter.
const FENCE = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;
const OPENING_FENCE = /^---[ \t]*\r?\n/;

/** How to fix the YAML mistakes recruiters make most, by yaml's error code. */
const YAML_HINTS: Partial<Record<string, string>> = {
	DUPLICATE_KEY: 'Each field may appear once: keep one of them.',
	TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs.',
	BAD_INDENT: 'Fields of the same list or mapping line up at the same indentation, with spaces.',
	MISSING_CHAR: 'A bracket or quote is opened and never closed.',
};

const SAVE_AS_UTF8 = 'Save the file as UTF-8 (most editors offer it under "Save with encoding" or "Save As…").';

/**
 * Splits a posting file into YAML front matter and the raw ATS HTML, and
 * validates the front matter and the size of the HTML (its nesting is checked
 * where it is parsed: {@link tooDeepError}).
 *
 * @example
 * readPosting({ kind: 'file', path: 'content/postings/eng.html' }, '---\ntitle: Engineer\n---\n<p>Hi</p>')
 * // => { name: 'eng', frontMatter: { title: 'Engineer', status: 'open' }, html: '<p>Hi</p>', … }
 * @throws {PostingError} for an empty, over-large or non-UTF-8 file, or unclosed or invalid front matter
 * @throws {PostingErrors} for several front-matter fields out of shape
 */
export function readPosting(origin: PostingOrigin, source: string): RawPosting {
	const file = originLabel(origin);
	const name = (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]+$/, '');
	checkSize(file, Buffer.byteLength(source));
	const text = source.replace(/^\uFEFF/, '');
	if (text.includes('\u0000')) {
		throw new PostingError(file, 'file', 'expected UTF-8 text', {
			found: 'NUL characters, as in a UTF-16 file read as UTF-8, or a binary file',
			hint: SAVE_AS_UTF8,
		});
	}
	if (text.trim() === '') {
		throw new PostingError(file, 'body', 'the file is empty; expected ATS HTML, optionally after a YAML front-matter block');
	}
	const match = FENCE.exec(text);
	if (!match && OPENING_FENCE.test(text)) {
		throw new PostingError(file, 'front matter', "expected a closing '---' line after the front-matter fields", {
			found: "the opening '---' on line 1 and no closing one, so the fields and the HTML cannot be told apart",
			hint: "Add a line holding only '---' between the last field and the HTML.",
		});
	}
	const html = match ? text.slice(match[0].length) : text;
	const frontMatter = match ? parseFrontMatter(file, match[1] ?? '') : frontMatterSchema.parse({});
	if (html.trim() === '') {
		throw new PostingError(file, 'body', 'no HTML after the front matter; expected the posting text from the ATS');
	}
	return { origin, file, name, frontMatter, html, linesBefore: match ? lineCount(match[0]) : 0 };
}

function parseFrontMatter(file: string, yamlText: string): FrontMatter {
	// +1: the opening `---` fence is line 1 of the file.
	const data = parseYamlMapping(file, 'front matter', yamlText, 1);
	const result = frontMatterSchema.safeParse(data);
	if (!result.success) {
		throw fromZodError(file, result.error, data, { unknown: 'front-matter field', known: Object.keys(frontMatterSchema.shape), whole: 'front matter' });
	}
	return result.data;
}

/**
 * Parses YAML that must be a mapping of fields (front matter, site settings),
 * with duplicate keys and alias bombs refused.
 *
 * @param linesBefore lines of the file above the YAML, so reported lines are the file's
 * @param language what the file is written in, for messages (JSON is read as the YAML it is)
 * @throws {PostingError} naming the line of a syntax error
 */
export function parseYamlMapping(file: string, field: string, yamlText: string, linesBefore = 0, language = 'YAML'): Record<string, unknown> {
	// Plain front matter (nearly all of it) is read without the full YAML reader, which cost a third of a posting's time.
	const simple = parseSimpleYaml(yamlText);
	if (simple) return simple;
	const document = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
	const [error] = document.errors;
	if (error) {
		const position = error.linePos?.[0];
		const where = position ? ` (line ${position.line + linesBefore}, column ${position.col})` : '';
		const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
		if (/call stack/i.test(reason)) {
			// No position: where the parser runs out of stack depends on the machine, not on the file.
			throw new PostingError(file, field, 'expected YAML fields nested a few levels deep', {
				found: 'brackets or indentation nested too deep to read',
				hint: 'Front matter and settings need no more than two or three levels; remove the extra brackets.',
			});
		}
		const line = position ? yamlText.split(/\r?\n/)[position.line - 1]?.trim() : undefined;
		throw new PostingError(file, field, `expected valid ${language}${where}: ${reason}`, {
			...(line ? { found: JSON.stringify(line.length > 80 ? `${line.slice(0, 79)}…` : line) } : {}),
			hint: YAML_HINTS[error.code] ?? 'A value holding ": " or " #", or starting with [, {, &, *, !, | or a quote, needs quotes around it.',
		});
	}
	let data: unknown;
	try {
		data = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
	} catch (error) {
		// yaml throws a ReferenceError when aliases expand past maxAliasCount (a "billion laughs" document).
		if (!(error instanceof ReferenceError)) throw error;
		throw new PostingError(file, field, `expected YAML whose aliases (*name) expand to at most ${MAX_YAML_ALIASES} values`, {
			found: 'aliases that expand to more, as in an alias bomb',
			hint: 'Write each value out in full; no field needs anchors (&name) or aliases (*name).',
		});
	}
	data ??= {};
	if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) {
		throw new PostingError(file, field, 'expected a YAML mapping: one "name: value" field per line', {
			found: Array.isArray(data) ? 'a list' : `a single value (${JSON.stringify(data)?.slice(0, 60)})`,
		});
	}
	return data as Record<string, unknown>;
}

/** Whether a file name is a posting file's: `.html` or `.htm`, in any case. */
export function hasPostingExtension(name: string): boolean {
	return /\.html?$/i.test(name);
}

/** Names a postings folder holds besides its postings, skipped unread: hidden files and a README. */
export function isSkippedName(name: string): boolean {
	return name.startsWith('.') || /^readme(\.md)?$/i.test(name);
}

export function checkSize(file: string, bytes: number): void {
	if (bytes > MAX_POSTING_BYTES) {
		throw new PostingError(file, 'file', `expected a posting of at most ${megabytes(MAX_POSTING_BYTES)}`, {
			found: `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`,
			hint: 'Real postings are under 100 KB: remove embedded images or data, or keep only the posting itself.',
		});
	}
}

function megabytes(bytes: number): string {
	return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * The error for a posting whose HTML nests elements deeper than
 * {@link MAX_NESTING}, found by the pipeline's one parse (which counts open
 * and closed elements, void elements and implied closes included).
 *
 * @param first where in the HTML the first element past the limit opens, and its name
 */
export function tooDeepError(raw: RawPosting, deepest: number, first: { index: number; tag: string }): PostingError {
	const line = raw.linesBefore + lineCount(raw.html.slice(0, first.index)) + 1;
	return new PostingError(raw.file, 'body', `expected HTML elements nested at most ${MAX_NESTING} deep`, {
		found: `${deepest} levels (level ${MAX_NESTING + 1} is a <${first.tag}> on line ${line})`,
		hint: 'Real postings nest a dozen levels or so: this HTML probably opens elements it never closes. Export the posting from the ATS again, or close them.',
	});
}

function lineCount(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
	return count;
}

/**
 * The digest a posting file's bytes are known by (SHA-256, base64url): the
 * pipeline cache finds a posting's result by it without decoding the file.
 * Every reader of posting files gives it (the folder, the build's read ahead,
 * a preview's baseline read from git), so each finds the others' results.
 */
export function bytesDigest(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('base64url');
}

/**
 * Decodes a file's bytes as UTF-8, refusing other encodings by name rather
 * than reading them as garbled text.
 *
 * @throws {PostingError} for a UTF-16 or UTF-32 file, NUL bytes, or bytes that are not UTF-8
 */
export function decodeText(file: string, bytes: Uint8Array): string {
	checkText(file, bytes);
	return Buffer.from(bytes).toString('utf8');
}

/**
 * Checks that a file's bytes are UTF-8 text {@link decodeText} decodes, without
 * decoding them.
 *
 * @throws {PostingError} for a UTF-16 or UTF-32 file, NUL bytes, or bytes that are not UTF-8
 */
export function checkText(file: string, bytes: Uint8Array): void {
	const bom = [...bytes.subarray(0, 4)];
	const starts = (...prefix: number[]) => prefix.every((byte, index) => bom[index] === byte);
	const other = starts(0xff, 0xfe, 0, 0)
		? 'UTF-32 LE'
		: starts(0, 0, 0xfe, 0xff)
			? 'UTF-32 BE'
			: starts(0xff, 0xfe)
				? 'UTF-16 LE'
				: starts(0xfe, 0xff)
					? 'UTF-16 BE'
					: undefined;
	if (other) {
		throw new PostingError(file, 'file', 'expected UTF-8 text', { found: `${other} text (its byte-order mark says so)`, hint: SAVE_AS_UTF8 });
	}
	if (bytes.includes(0)) {
		throw new PostingError(file, 'file', 'expected UTF-8 text', {
			found: 'NUL bytes, as in UTF-16 text without a byte-order mark, or a binary file',
			hint: SAVE_AS_UTF8,
		});
	}
	if (!isUtf8(bytes)) {
		const offset = firstInvalidUtf8(bytes);
		const line = lineCount(Buffer.from(bytes.subarray(0, offset)).toString('latin1')) + 1;
		const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
		throw new PostingError(file, 'file', 'expected UTF-8 text', {
			found: `byte 0x${byte} on line ${line}, which is not UTF-8 (Windows-1252 or Latin-1 text, perhaps)`,
			hint: SAVE_AS_UTF8,
		});
	}
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
	let index = 0;
	while (index < bytes.length) {
		const lead = bytes[index]!;
		const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
		if (length === 0) return index;
		for (let next = 1; next < length; next += 1) {
			const byte = bytes[index + next];
			if (byte === undefined || (byte & 0xc0) !== 0x80) return index;
		}
		if (!isUtf8(bytes.subarray(index, index + length))) return index;
		index += length;
	}
	return index;
}

// ---------------------------------------------------------------- editing (the sync)

/** A posting file taken apart. */
export interface PostingFile {
	/** The front matter as a YAML document (empty when the file has none). */
	document: Document;
	/** Plain data of the front matter. */
	data: Record<string, unknown>;
	/** Everything after the front matter. */
	body: string;
}

/** Thrown for a file the sync cannot read; names the file and what is wrong. */
export class PostingFileError extends Error {
	override name = 'PostingFileError';
}

/**
 * Splits a posting file into its front-matter document and body.
 * @throws {PostingFileError} for YAML that does not parse or is not a mapping
 */
export function readPostingFile(file: string, text: string): PostingFile {
	const source = text.replace(/^\uFEFF/, '');
	const match = FENCE.exec(source);
	const document: Document = parseDocument(match?.[1] ?? '', { uniqueKeys: true });
	const [error] = document.errors;
	if (error) throw new PostingFileError(`${file}: front matter: expected valid YAML: ${(error.message.split('\n')[0] ?? '').trim()}`);
	const data: unknown = document.toJS() ?? {};
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		throw new PostingFileError(`${file}: front matter: expected a YAML mapping of fields`);
	}
	if (!isMap(document.contents)) document.contents = new YAMLMap();
	return { document, data: data as Record<string, unknown>, body: match ? source.slice(match[0].length) : source };
}

/** Joins a front-matter document and a body into file text. */
export function renderPostingFile(document: Document, body: string): string {
	const yaml = document.toString({ lineWidth: 0 });
	return `---\n${yaml}${yaml.endsWith('\n') ? '' : '\n'}---\n${body.endsWith('\n') ? body : `${body}\n`}`;
}

/**
 * Sets a top-level field, keeping its place when it exists and putting a new
 * one before the `ats` block, where a recruiter expects the posting's fields.
 * Lists of mappings (places, pay ranges) are written one flow mapping a line.
 */
export function setField(document: Document, key: string, value: unknown): void {
	const map = document.contents as YAMLMap;
	const node = document.createNode(value);
	if (isSeq(node)) for (const item of node.items) if (isMap(item)) item.flow = true;
	if (map.has(key)) {
		map.set(key, node);
		return;
	}
	const pair = document.createPair(key, node);
	const at = map.items.findIndex((item) => (item.key as { value?: unknown } | null)?.value === 'ats');
	if (at === -1) map.items.push(pair);
	else map.items.splice(at, 0, pair);
}

/** Removes a top-level field. */
export function deleteField(document: Document, key: string): void {
	(document.contents as YAMLMap).delete(key);
}

/** Sets a value under `ats.synced`, creating the path when needed. */
export function setSynced(document: Document, key: string, value: unknown): void {
	const node = document.createNode(value);
	if (isSeq(node)) for (const item of node.items) if (isMap(item)) item.flow = true;
	document.setIn(['ats', 'synced', key], node);
}

/** Removes a value under `ats.synced`. */
export function deleteSynced(document: Document, key: string): void {
	if (document.hasIn(['ats', 'synced', key])) document.deleteIn(['ats', 'synced', key]);
}

/**
 * A short digest of a body, ignoring line-ending and trailing-space noise that
 * editors add: equal digests mean nobody edited the text.
 */
export function bodyDigest(body: string): string {
	const text = body.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
	return `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

/** Deep equality of plain YAML/JSON data; key order of mappings does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) || Array.isArray(b)) {
		return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
	}
	if (a && b && typeof a === 'object' && typeof b === 'object') {
		const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
		const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
		return keysA.length === keysB.length && keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
	}
	return false;
}
