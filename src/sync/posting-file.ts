/**
 * Reading and writing synced posting files: YAML front matter and the ATS's
 * HTML. Updates go through the YAML document, so a recruiter's comments and
 * key order survive, and a file nobody changed is written byte for byte the
 * same (which is what makes a second sync change nothing).
 */
import { createHash } from 'node:crypto';
import { isMap, isSeq, parseDocument, YAMLMap, type Document } from 'yaml';

/** A posting file taken apart. */
export interface PostingFile {
	/** The front matter as a YAML document (empty when the file has none). */
	document: Document;
	/** Plain data of the front matter. */
	data: Record<string, unknown>;
	/** Everything after the front matter. */
	body: string;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

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
