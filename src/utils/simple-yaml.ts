/**
 * A reader for the plain YAML that front matter almost always is (what the
 * sync and the bench write, and what a recruiter types): `key: value` lines,
 * nested mappings and lists by indentation, one-line `{ … }` and `[ … ]`,
 * quoted strings without escapes, comment lines. It gives exactly what the
 * `yaml` package gives for that subset (YAML 1.2, core schema), about thirty
 * times faster: the package spent a third of a posting's time in the pipeline.
 *
 * Anything else (anchors, tags, block scalars, multi-line values, escapes,
 * comments after a value, duplicate keys, tabs…) returns `undefined`, and the
 * caller reads the text with the `yaml` package, which also reports every error.
 */

/** One line: its indentation (spaces) and its content, trailing spaces removed. */
interface Line {
	indent: number;
	text: string;
}

/** Thrown inside the reader for anything outside the subset; never escapes it. */
const OUTSIDE = Symbol('outside the subset');

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
/** Characters that make a document leave the subset wherever they are: tabs, other controls, BOM, line separators. */
const UNUSUAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufeff\u2028\u2029]/;

// The core schema's plain scalars (the `yaml` package's own tests), in its order of precedence.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * Reads YAML that is a mapping of fields, when it is written in the plain
 * subset this reader knows.
 *
 * @returns the data, `{}` for a document of comments only, or `undefined` when the text needs the full YAML reader
 * @example
 * parseSimpleYaml('title: Engineer\nlocations:\n  - { city: Lisbon, country: PT }') // { title: 'Engineer', locations: [{ city: 'Lisbon', country: 'PT' }] }
 * parseSimpleYaml('title: &a Engineer') // undefined
 */
export function parseSimpleYaml(text: string): Record<string, unknown> | undefined {
	if (UNUSUAL.test(text)) return undefined;
	const lines: Line[] = [];
	for (const raw of text.split('\n')) {
		const content = raw.replace(/ +$/, '');
		const indent = content.length - content.replace(/^ +/, '').length;
		const body = content.slice(indent);
		if (body === '' || body.startsWith('#')) continue;
		// Document markers and directives belong to the full reader.
		if (indent === 0 && (body.startsWith('---') || body.startsWith('...') || body.startsWith('%'))) return undefined;
		lines.push({ indent, text: body });
	}
	if (lines.length === 0) return {};
	try {
		const reader = { lines, at: 0 };
		if (lines[0]!.indent !== 0 || lines[0]!.text.startsWith('-')) return undefined;
		const data = readMapping(reader, 0);
		return reader.at === lines.length ? data : undefined;
	} catch (error) {
		if (error === OUTSIDE) return undefined;
		throw error;
	}
}

interface Reader {
	lines: Line[];
	at: number;
}

function readMapping(reader: Reader, indent: number): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	while (reader.at < reader.lines.length) {
		const line = reader.lines[reader.at]!;
		if (line.indent < indent) break;
		if (line.indent > indent) throw OUTSIDE;
		const match = KEY.exec(line.text);
		if (!match) throw OUTSIDE;
		const key = match[1]!;
		if (!isPlainKey(key) || Object.hasOwn(data, key)) throw OUTSIDE;
		reader.at += 1;
		const value = match[2];
		if (value !== undefined) {
			data[key] = readValue(value, false);
			continue;
		}
		const next = reader.lines[reader.at];
		if (next && next.indent > indent) data[key] = next.text.startsWith('-') ? readSequence(reader, next.indent) : readMapping(reader, next.indent);
		// A list may sit at its key's own indentation.
		else if (next && next.indent === indent && next.text.startsWith('- ')) data[key] = readSequence(reader, indent);
		else data[key] = null;
	}
	return data;
}

/**
 * Whether a key reads as the string it is written as. A repeated key is an error the full reader reports;
 * `null`, `true` and the like are not strings in YAML (`True:` becomes the key "true"); `__proto__` has its own handling there.
 */
function isPlainKey(key: string): boolean {
	return !NULL.test(key) && !BOOL.test(key) && key !== '__proto__';
}

function readSequence(reader: Reader, indent: number): unknown[] {
	const items: unknown[] = [];
	while (reader.at < reader.lines.length) {
		const line = reader.lines[reader.at]!;
		if (line.indent < indent) break;
		if (line.indent > indent || !line.text.startsWith('- ')) {
			// The end of a list at its key's indentation is the next key of that mapping.
			if (line.indent === indent && !line.text.startsWith('-')) break;
			throw OUTSIDE;
		}
		const rest = line.text.slice(2);
		const offset = rest.length - rest.replace(/^ +/, '').length;
		const content = rest.slice(offset);
		if (content === '' || content.startsWith('-')) throw OUTSIDE;
		if (KEY.test(content)) {
			// "- city: Paris" opens a mapping whose keys line up with "city".
			reader.lines[reader.at] = { indent: indent + 2 + offset, text: content };
			items.push(readMapping(reader, indent + 2 + offset));
		} else {
			reader.at += 1;
			items.push(readValue(content, false));
		}
	}
	return items;
}

/** A value on one line: a quoted string, a one-line flow mapping or list, or a plain scalar. */
function readValue(text: string, inFlow: boolean): unknown {
	const first = text[0];
	if (first === "'") {
		const inner = text.slice(1, -1);
		if (text.length < 2 || !text.endsWith("'") || /'(?!')/.test(inner.replace(/''/g, ''))) throw OUTSIDE;
		return inner.replace(/''/g, "'");
	}
	if (first === '"') {
		const inner = text.slice(1, -1);
		if (text.length < 2 || !text.endsWith('"') || inner.includes('"') || inner.includes('\\')) throw OUTSIDE;
		return inner;
	}
	if (!inFlow && first === '{') return readFlowMapping(text);
	if (!inFlow && first === '[') return readFlowSequence(text);
	return plainScalar(text, inFlow);
}

function readFlowMapping(text: string): Record<string, unknown> {
	if (!text.endsWith('}')) throw OUTSIDE;
	const inner = text.slice(1, -1);
	const data: Record<string, unknown> = {};
	if (inner.trim() === '') return data;
	for (const part of flowParts(inner)) {
		const match = /^([A-Za-z_][A-Za-z0-9_-]*): +(.+)$/.exec(part);
		if (!match || !isPlainKey(match[1]!) || Object.hasOwn(data, match[1]!)) throw OUTSIDE;
		data[match[1]!] = readValue(match[2]!, true);
	}
	return data;
}

function readFlowSequence(text: string): unknown[] {
	if (!text.endsWith(']')) throw OUTSIDE;
	const inner = text.slice(1, -1);
	if (inner.trim() === '') return [];
	return flowParts(inner).map((part) => readValue(part, true));
}

/** The comma-separated parts of a flow collection; nested collections and quotes are left to the full reader. */
function flowParts(inner: string): string[] {
	if (/[[\]{}'"]/.test(inner)) throw OUTSIDE;
	const parts = inner.split(',').map((part) => part.replace(/^ +| +$/g, ''));
	if (parts.some((part) => part === '')) throw OUTSIDE;
	return parts;
}

function plainScalar(text: string, inFlow: boolean): unknown {
	// Indicators that start something other than a plain scalar, and text that continues as a key or a comment.
	if (/^[,[\]{}#&*!|>%@`'"]/.test(text) || /^[-?:](?: |$)/.test(text) || text.includes(': ') || text.includes(' #') || text.endsWith(':')) throw OUTSIDE;
	if (inFlow && /[,[\]{}]/.test(text)) throw OUTSIDE;
	if (NULL.test(text)) return null;
	if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
	if (INT_OCT.test(text)) return parseInt(text.slice(2), 8);
	if (INT.test(text)) return parseInt(text, 10);
	if (INT_HEX.test(text)) return parseInt(text.slice(2), 16);
	if (FLOAT_SPECIAL.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
	if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
	return text;
}
