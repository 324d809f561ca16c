import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './helpers.ts';

/** One string of the hostile corpus (tests/fixtures/hostile/strings.json). */
export interface HostileString {
	/** The corpus category, e.g. "C0 controls". */
	category: string;
	/** The string itself, escapes resolved, long entries expanded. */
	value: string;
	/** Whether the site drops its unsafe characters on output and refuses them in front matter. */
	removed: boolean;
}

interface Corpus {
	categories: Array<{ name: string; removed?: boolean; strings: Array<string | { repeat: string; times: number }> }>;
}

/** Every string of the hostile corpus, in file order. */
export function hostileStrings(): HostileString[] {
	const corpus = JSON.parse(readFileSync(join(FIXTURES, 'hostile/strings.json'), 'utf8')) as Corpus;
	return corpus.categories.flatMap((category) =>
		category.strings.map((entry) => ({
			category: category.name,
			value: typeof entry === 'string' ? entry : entry.repeat.repeat(entry.times),
			removed: category.removed === true,
		})),
	);
}

/** A short, printable name of a hostile string for test titles and messages. */
export function label(value: string): string {
	const escaped = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…(${value.length})` : value);
	return escaped.replace(/[^\x20-\x7e]/gu, (character) => `\\u{${character.codePointAt(0)!.toString(16)}}`);
}
