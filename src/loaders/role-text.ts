import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Posting, StoredPosting } from '../schemas/posting.ts';
import { rememberPlainText, rolePlainText, textDigest, type RolePlainText } from '../preview/role.ts';
import { isOwnTemporary, writeWhole } from '../utils/write-whole.ts';
import { awaitPipelineFiles } from './files-pending.ts';

/**
 * Role text lives in files of the cache folder, one per posting, named by the
 * digest of what they hold (its sections' HTML and its plain texts); Astro's
 * data store keeps the rest of the posting and the name. The store is
 * written, parsed, checked, bundled into the build as one module and kept in
 * memory while pages render: at 10,000 roles role text was 23 of its 40 MB,
 * and its round trip set the build's peak memory (docs/decisions.md, "Role
 * text out of the data store").
 */

/** The role-text folder of a cache folder (Astro's `cacheDir`). */
export function roleTextDir(cacheDir: string): string {
	return join(cacheDir, 'postings', 'role-text');
}

const fileOf = (dir: string, name: string) => join(dir, `${name}.json`);

/** Names of the role-text files in `dir`; none when it does not exist yet. */
export function listRoleText(dir: string): Set<string> {
	try {
		return new Set(
			readdirSync(dir)
				.filter((name) => name.endsWith('.json'))
				.map((name) => name.slice(0, -'.json'.length)),
		);
	} catch {
		return new Set();
	}
}

/** What a role-text file holds: each section's HTML, and the role's plain texts made from them and their headings. */
interface RoleTextFile extends RolePlainText {
	html: string[];
}

/**
 * A posting as the data store keeps it. Its sections' HTML and its plain
 * texts are written to its file unless `present` names the file already
 * (equal text, equal name); the name is then added to `present`. The plain
 * texts are made here anyway, for the digest the manifest publishes: kept,
 * a preview's review and comparison read them instead of parsing every
 * role's HTML again. Written whole (`writeWhole`): a build stopped halfway
 * leaves no half-written file under a digest's name. The stored form is
 * made once per posting: the pipeline cache asks first, then the loader.
 *
 * @param later where the file's text goes instead, by name, when the caller writes the files after ({@link writeRoleText})
 */
export function storeRoleText(dir: string, posting: Posting, present: Set<string>, later?: Map<string, string>): StoredPosting {
	// The pipeline cache stores a posting it made before the data store does: one file, one digest, while the file is there.
	const made = storedForms.get(posting);
	if (made?.dir === dir && (present.has(made.stored.roleText) || existsSync(fileOf(dir, made.stored.roleText)))) {
		present.add(made.stored.roleText);
		return made.stored;
	}
	const { lines, flat } = rolePlainText(posting);
	const text = JSON.stringify({ html: posting.sections.map((section) => section.html), lines, flat } satisfies RoleTextFile);
	const name = createHash('sha256').update(text).digest('base64url').slice(0, 22);
	if (!present.has(name)) {
		if (later) later.set(name, text);
		else writeRoleText(dir, new Map([[name, text]]));
		present.add(name);
	}
	const stored = { ...posting, sections: posting.sections.map(({ html: _html, ...section }) => section), roleText: name, textDigest: textDigest(lines) };
	storedForms.set(posting, { dir, stored });
	return stored;
}

/** Writes role-text files, each whole, by name. */
export function writeRoleText(dir: string, texts: ReadonlyMap<string, string>): void {
	if (texts.size > 0) mkdirSync(dir, { recursive: true });
	for (const [name, text] of texts) writeWhole(fileOf(dir, name), text);
}

/** Each posting's stored form and the folder its file was written to, once made. */
const storedForms = new WeakMap<Posting, { dir: string; stored: StoredPosting }>();

/**
 * The sections of a stored posting, their HTML read back from its file, and
 * its plain texts given to `owner` (the posting they are read for).
 * @throws {Error} naming the posting and the file, when the file is missing or is not this posting's sections
 */
function readSections(dir: string, name: string, posting: Omit<StoredPosting, 'roleText' | 'textDigest'>, owner: object): Posting['sections'] {
	awaitPipelineFiles();
	const file = fileOf(dir, name);
	let read: Partial<RoleTextFile>;
	try {
		read = JSON.parse(readFileSync(file, 'utf8')) as Partial<RoleTextFile>;
	} catch (error) {
		throw new Error(
			`The role text of ${posting.file} (${posting.slug}) could not be read from the build cache: ${file} (${error instanceof Error ? error.message : String(error)}). ` +
				'The postings loader writes it and checks it is there; build again, and if it happens again delete the cache folder.',
		);
	}
	const { html, lines, flat } = read ?? {};
	if (!Array.isArray(html) || html.length !== posting.sections.length || !html.every((item) => typeof item === 'string') || typeof lines !== 'string' || typeof flat !== 'string') {
		throw new Error(`The role text of ${posting.file} (${posting.slug}) in the build cache is not its ${posting.sections.length} sections' HTML and plain text: ${file}. Delete the cache folder and build again.`);
	}
	rememberPlainText(owner, { lines, flat });
	return posting.sections.map((section, index) => ({ ...section, html: html[index]! }));
}

/**
 * The posting a stored one was made from. Its role text is read from its file
 * the first time its `sections` are read, and kept: a build that renders a
 * few role pages (one posting changed among thousands, the rest linked from
 * the cache) reads a few files, where reading every posting's took 0.35 s of
 * such a build at 10,000 roles and kept 23 MB of text while the pages render.
 * The keys keep the stored order, so the posting prints as the pipeline made it.
 * @throws {Error} naming the posting and the file, when `sections` is read and the file is missing or is not this posting's sections
 */
export function withRoleText(dir: string, stored: StoredPosting): Posting {
	const { roleText: name, textDigest: _textDigest, ...posting } = stored;
	let sections: Posting['sections'] | undefined;
	// The getter takes the place of the spread's `sections`, in its position.
	return {
		...posting,
		get sections() {
			return (sections ??= readSections(dir, name, posting, this));
		},
	};
}

/**
 * Removes every file of `dir` that `keep` does not name: the text of postings
 * edited or removed since, and temporary files of a build stopped halfway.
 * This process's own temporary files are left: another of its threads may be
 * writing them now (./files-pending.ts).
 * @returns how many files were removed
 */
export function pruneRoleText(dir: string, keep: ReadonlySet<string>): number {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return 0;
	}
	let removed = 0;
	for (const name of names) {
		if (name.endsWith('.json') && keep.has(name.slice(0, -'.json'.length))) continue;
		if (isOwnTemporary(name)) continue;
		rmSync(join(dir, name), { force: true });
		removed += 1;
	}
	return removed;
}
