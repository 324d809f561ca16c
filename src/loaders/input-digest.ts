import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { commitDates } from '../sources/git-dates.ts';
import type { ReadInput } from '../sources/folder.ts';
import { MAX_POSTING_BYTES } from '../sources/size-limit.ts';
import { bytesDigest } from '../sources/posting-file.ts';

/** Where a folder build's input lives. */
export interface PipelineInput {
	/** The project root (its `src/` and `package-lock.json` are the pipeline's code). */
	root: string;
	postingsDir: string;
	siteConfig: string;
	/** The build day (YYYY-MM-DD): a posting without a date and not committed yet gets it. */
	today: string;
	/** The build's cache folder, where the folder's commit dates are kept between builds (`commitDates`). */
	cacheDir?: string;
}

/** A file's size and modification time, as one string: it changes when the file does (or `missing`). */
export function fileStamp(file: string): string {
	try {
		const stat = statSync(file);
		return `${file}:${stat.size}:${stat.mtimeMs}`;
	} catch {
		return `${file}:missing`;
	}
}

/**
 * The stamps ({@link fileStamp}) of the site settings and of every file in the
 * postings folder: cheap to take (no file is read), and different whenever a
 * file was added, removed or written since they were taken.
 */
export function inputStamps(dir: string, siteConfig: string): string {
	let names: string[] = [];
	try {
		names = readdirSync(dir).sort();
	} catch {
		// A missing folder is reported by loadCatalogue with its name.
	}
	return [fileStamp(siteConfig), ...names.map((name) => fileStamp(join(dir, name)))].join('|');
}

function addFile(hash: ReturnType<typeof createHash>, file: string): void {
	hash.update(`\0${file}\0`);
	try {
		hash.update(readFileSync(file));
	} catch {
		hash.update('(unreadable)');
	}
}

/**
 * A posting file: its name and the digest of its bytes (kept with the bytes,
 * for the pipeline cache to find the posting's entry by). What the pipeline
 * refuses from its `stat` alone (a folder, a named pipe, a file over the size
 * limit) adds only what `stat` says. Reading a named pipe would wait for a
 * writer forever, before the pipeline could name it; an oversized file would
 * be read whole only to be refused.
 */
function addPosting(hash: ReturnType<typeof createHash>, file: string, blocks: ByteBlocks, keep?: ReadInput['files']): void {
	const bytes = postingBytes(file, blocks);
	if (typeof bytes === 'string') {
		hash.update(`\0${file}\0${bytes}`);
		return;
	}
	const digest = bytesDigest(bytes);
	hash.update(`\0${file}\0${digest}`);
	keep?.set(file, { bytes, digest });
}

/**
 * Opened without waiting: a named pipe opened to read blocks until a writer
 * comes, before `fstat` could say what it is. (Windows has no such flag, and
 * no named pipes in a folder.)
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A posting file's bytes, or in their place why they were not read. */
function postingBytes(file: string, blocks: ByteBlocks): Buffer | string {
	let fd: number;
	try {
		fd = openSync(file, OPEN_FLAGS);
	} catch {
		return '(unreadable)';
	}
	try {
		const stat = fstatSync(fd);
		if (!stat.isFile() || stat.size > MAX_POSTING_BYTES) return `(not read: ${stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'special'}, ${stat.size} bytes, ${stat.mtimeMs})`;
		return blocks.read(fd, stat.size);
	} catch {
		return '(unreadable)';
	} finally {
		closeSync(fd);
	}
}

/** How large the blocks posting files are read into are: a few hundred postings each. */
const BLOCK_BYTES = 4 * 1024 * 1024;

/**
 * Posting files read one after the other into large blocks, each file's bytes
 * a view of one: 10,000 buffers of their own cost the read-ahead thread a
 * fifth of its time to allocate, track and move to the loader's thread, where
 * 15 blocks move for the same 57 MB. A view keeps its whole block alive; the
 * loader keeps every file's bytes until its run is done anyway.
 */
class ByteBlocks {
	#block = Buffer.alloc(0);
	#used = 0;

	/** Reads up to `size` bytes of an open file (fewer if it shrank meanwhile). */
	read(fd: number, size: number): Buffer {
		if (size > this.#block.length - this.#used) {
			this.#block = Buffer.allocUnsafeSlow(Math.max(BLOCK_BYTES, size));
			this.#used = 0;
		}
		let length = 0;
		while (length < size) {
			const read = readSync(fd, this.#block, this.#used + length, size - length, length);
			if (read === 0) break;
			length += read;
		}
		const bytes = this.#block.subarray(this.#used, this.#used + length);
		this.#used += length;
		return bytes;
	}
}

function addTree(hash: ReturnType<typeof createHash>, dir: string): void {
	for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) addTree(hash, path);
		else if (/\.(?:ts|ya?ml|json)$/.test(entry.name)) addFile(hash, path);
	}
}

/**
 * A digest of everything the pipeline's result depends on: every posting
 * file's name and bytes, the site settings, the git history of the postings
 * folder (posting dates come from it), the build day, and the code (`src/`
 * and the locked dependencies, which hold the place data). Content digests,
 * not modification times: a fresh CI checkout touches every file.
 *
 * Equal digests mean the last build's normalized postings, kept in Astro's
 * data store, are still right, so the loader can keep them without running
 * the pipeline again.
 *
 * @param keep where the files' bytes and the commit dates are kept when the
 *   pipeline is to run on them: the files are then read once per build, git
 *   is asked once (its log of a large folder's history takes seconds), and the
 *   pipeline normalizes the very bytes and dates the digest was made of
 */
export function pipelineInputDigest(input: PipelineInput, keep?: ReadInput): string {
	const hash = createHash('sha256');
	hash.update(`${input.postingsDir}\0${input.today}\0${codeDigest(input.root)}`);
	addFile(hash, input.siteConfig);
	let names: string[] = [];
	try {
		names = readdirSync(input.postingsDir).sort();
	} catch {
		// A missing folder is reported by the pipeline, which runs: no digest matches this one.
		return `missing:${input.postingsDir}`;
	}
	const blocks = new ByteBlocks();
	for (const name of names) addPosting(hash, join(input.postingsDir, name), blocks, keep?.files);
	const history = commitDates(input.postingsDir, input.cacheDir && gitDatesFile(input.cacheDir));
	if (keep) keep.history = history;
	hash.update(JSON.stringify([[...history.added], [...history.changed], history.caveat ?? '']));
	return hash.digest('base64url');
}

/**
 * Where the postings loader notes the input digest of the postings it stored,
 * in the cache folder: the read-ahead thread (./read-ahead.ts) runs no
 * pipeline for an input the data store has already. A hint only: the data
 * store's own record decides.
 */
export function storedInputFile(cacheDir: string): string {
	return join(cacheDir, 'postings', 'stored-input.txt');
}

/** Where a build keeps its postings folder's commit dates between builds (`commitDates`), in its cache folder. */
export function gitDatesFile(cacheDir: string): string {
	return join(cacheDir, 'postings', 'git-dates.json');
}

const codeDigests = new Map<string, string>();

/**
 * A digest of the code (`src/` and the locked dependencies, which hold the
 * place data), once per build: results made by other code are never reused.
 */
export function codeDigest(root: string): string {
	let digest = codeDigests.get(root);
	if (digest === undefined) {
		digest = currentCodeDigest(root);
		codeDigests.set(root, digest);
	}
	return digest;
}

/** {@link codeDigest} read now, not remembered: the scale bench checks that no build of its run met other code. */
export function currentCodeDigest(root: string): string {
	const hash = createHash('sha256');
	addFile(hash, join(root, 'package-lock.json'));
	addTree(hash, join(root, 'src'));
	return hash.digest('base64url');
}
