import { readdirSync, readFileSync, statSync } from 'node:fs';
import { relative, join } from 'node:path';
import { PostingError, PostingErrors } from '../postings/errors.ts';
import { normalizePostings, type Catalogue, type NormalizeOptions, type SourceFile } from '../postings/normalize.ts';
import type { Site } from '../schemas/site.ts';
import { commitDates, dateOptions, type CommitDates } from './git-dates.ts';
import { bytesDigest, checkSize, checkText, hasPostingExtension, isSkippedName } from './posting-file.ts';
import { MAX_POSTING_BYTES } from './size-limit.ts';

/**
 * Reads every posting file in a folder (`.html` or `.htm`), skipping hidden
 * files and a README. Anything else there is an error rather than a silently
 * missing role, and so is a file that cannot be read: a folder, a symbolic
 * link that loops or leads nowhere, a file without read permission, one over
 * {@link MAX_POSTING_BYTES} or not in UTF-8.
 *
 * @param shown how a path is written in messages
 * @param read the files' bytes read already, by path (the others are read here)
 * @returns the files read, and an error for each one that could not be
 * @throws {PostingErrors} for a folder that cannot be read or holds no posting file
 */
export function readPostingFolder(dir: string, shown: (path: string) => string, read?: ReadInput['files']): { files: SourceFile[]; unreadable: PostingError[] } {
	let names: string[];
	try {
		names = readdirSync(dir).sort();
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const found = code === 'ENOENT' ? 'nothing at that path' : code === 'ENOTDIR' ? 'a file' : `a folder that cannot be read (${code})`;
		throw new PostingErrors([new PostingError(shown(dir), 'folder', 'a folder of posting files (set POSTINGS_DIR to change it)', { found })]);
	}
	const errors: PostingError[] = [];
	const files: SourceFile[] = [];
	for (const name of names) {
		if (isSkippedName(name)) continue;
		const path = join(dir, name);
		const file = shown(path);
		try {
			files.push(...readEntry(path, file, name, read?.get(path)));
		} catch (error) {
			if (!(error instanceof PostingError)) throw error;
			errors.push(error);
		}
	}
	if (files.length === 0 && errors.length === 0) {
		throw new PostingErrors([new PostingError(shown(dir), 'folder', 'at least one posting file ending in .html')]);
	}
	return { files, unreadable: errors };
}

function readEntry(path: string, file: string, name: string, known: ReadFile | undefined): SourceFile[] {
	const notAPosting = (found: string, hint?: string) =>
		new PostingError(file, 'file', 'a posting file (front matter + ATS HTML)', { found, ...(hint ? { hint } : {}) });
	const wrongName = () => new PostingError(file, 'file name', 'a posting file ending in .html (front matter + ATS HTML)');
	if (known) {
		// Read a moment ago by the input digest, which reads regular files within the size limit only: not looked at again.
		if (!hasPostingExtension(name)) throw wrongName();
		checkText(file, known.bytes);
		return [decodedWhenRead(file, known)];
	}
	let stat;
	try {
		stat = statSync(path);
	} catch (error) {
		throw unreadable(error, notAPosting);
	}
	if (stat.isDirectory()) {
		throw notAPosting('a folder', 'Posting files go directly in the postings folder: move them out of the sub-folder, or the folder elsewhere.');
	}
	if (!hasPostingExtension(name)) throw wrongName();
	if (!stat.isFile()) throw notAPosting('a special file (a pipe, socket or device), not a regular file');
	checkSize(file, stat.size);
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch (error) {
		throw unreadable(error, notAPosting);
	}
	checkText(file, bytes);
	return [decodedWhenRead(file, { bytes, digest: bytesDigest(bytes) })];
}

/** Words for the errors `stat` and `read` give on a file a recruiter put there. */
function unreadable(error: unknown, notAPosting: (found: string, hint?: string) => PostingError): PostingError {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ELOOP':
			return notAPosting('a symbolic link that loops back on itself', 'Replace the link with the posting file it should lead to.');
		case 'ENOENT':
			return notAPosting('a symbolic link to a file that does not exist', 'Replace the link with the posting file it should lead to.');
		case 'EACCES':
		case 'EPERM':
			return notAPosting('a file this build may not read (permission denied)', 'Make the file readable, e.g. `chmod a+r`.');
		case 'EISDIR':
			return notAPosting('a folder');
		default:
			return notAPosting(`a file that cannot be read (${code ?? (error as Error).message})`);
	}
}

/** A posting file's bytes, read by the build's input digest, and their digest. */
export interface ReadFile {
	bytes: Buffer;
	/** The SHA-256 of `bytes`, base64url. */
	digest: string;
}

/** What was read of a postings folder already (by the build's input digest): each file, and git asked, once per build. */
export interface ReadInput {
	/** Each posting file's bytes and their digest, by path. */
	files: Map<string, ReadFile>;
	/** The folder's commit dates. */
	history?: CommitDates;
}

/**
 * A posting file's bytes as the pipeline reads them, decoded as UTF-8 the
 * first time its text is read (check them first with `checkText` where they
 * come from a recruiter's folder). The pipeline finds a posting's cached
 * result by the digest of its bytes and reads the text only of postings it
 * has to normalize: after one change among 10,000, one file is decoded, where
 * decoding them all made 57 MB of strings that lived through the run.
 */
export function decodedWhenRead(file: string, { bytes, digest }: ReadFile): SourceFile {
	let source: string | undefined;
	return {
		file,
		digest,
		get source() {
			return (source ??= bytes.toString('utf8'));
		},
	};
}

/**
 * Reads every posting file in a folder (`.html` or `.htm`) and normalizes them.
 * Any other file there is an error rather than a silently missing role (see {@link readPostingFolder}).
 *
 * @param root paths in messages are made relative to it
 * @param options.read what was read of the folder already: the others are read here
 */
export function loadCatalogue(dir: string, site: Site, root: string = process.cwd(), { read, ...options }: Pick<NormalizeOptions, 'today' | 'cache'> & { read?: ReadInput } = {}): Catalogue {
	// Paths inside the project read best relative to it; a folder elsewhere keeps its absolute path.
	const shown = (path: string) => {
		const rel = relative(root, path);
		return rel === '' || rel.startsWith('..') ? path : rel;
	};
	const { files, unreadable } = readPostingFolder(dir, shown, read?.files);
	const history = read?.history ?? commitDates(dir);
	// Files that could not be read are reported with the others' problems: one build lists everything to fix.
	try {
		const catalogue = normalizePostings(files, site, { ...options, ...dateOptions(history, shown) });
		if (unreadable.length > 0) throw new PostingErrors(unreadable);
		return catalogue;
	} catch (error) {
		if (unreadable.length === 0 || !(error instanceof PostingErrors) || error.errors === unreadable) throw error;
		throw new PostingErrors([...unreadable, ...error.errors]);
	}
}
