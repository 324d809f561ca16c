/**
 * Text from postings written into GitHub-flavoured Markdown (the preview's
 * pull-request comment, the sync's pull-request body) so that it reads as it
 * was written. A title comes from the ATS: "Data Scientist @Spotify" would
 * notify a GitHub user, "Engineer (Req #4521)" link an issue of the
 * repository, "*nix Engineer" start an emphasis and "Engineer <Platform>"
 * vanish as an HTML tag.
 */
import { cleanText } from './safe-text.ts';

/**
 * What Markdown reads as syntax inside a line: code, emphasis, links, HTML,
 * tables, strikethrough, character references. (Line starts, where "#" or
 * "-" mean something, never hold posting text here.) CommonMark lets a
 * backslash make any ASCII punctuation literal.
 */
const SYNTAX = /[\\`*_[\]<>|~&]/g;

/**
 * GitHub's mentions and references ("@name", "#12", "org/repo#12"), which it
 * links (and notifies) even where Markdown's syntax is escaped. A zero-width
 * space after the sign, written as its character reference, breaks them and
 * shows nothing. An "@" inside a word is an e-mail address's, and stays.
 */
const REFERENCE = /(?<![\p{L}\p{N}_])@(?=[\p{L}\p{N}_])|#(?=[\p{L}\p{N}_])/gu;

/**
 * Text as literal Markdown, on one line: line breaks become spaces (a
 * newline would end the list item it is in), syntax is escaped, mentions and
 * references are broken, and characters no output may carry are dropped.
 * @example markdownText('Engineer @Acme *nix (Req #12)') // 'Engineer @&#8203;Acme \\*nix (Req #&#8203;12)'
 */
export function markdownText(text: string): string {
	return cleanText(text)
		.replace(/\s+/g, ' ')
		.replace(SYNTAX, (character) => `\\${character}`)
		.replace(REFERENCE, '$&&#8203;');
}

/**
 * Text as a Markdown code span, on one line: fenced by one backtick more
 * than its longest run of them, padded where it starts or ends with one.
 * @example markdownCode('postings/a`b.html') // '``postings/a`b.html``'
 */
export function markdownCode(text: string): string {
	const line = cleanText(text).replace(/\s+/g, ' ');
	const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
	const fence = '`'.repeat(longest + 1);
	const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
	return `${fence}${pad}${line}${pad}${fence}`;
}
