import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

/**
 * What a build remembers of a file it wrote or read: its size, its
 * modification time (milliseconds, as the file system gives it) and a digest
 * of its bytes. When the time differs the bytes are the judge: a host that
 * restores its build cache from an archive may keep times to the second
 * only, or not at all, and that must not count as a change.
 */
export type FileRecord = [size: number, mtimeMs: number, digest: string];

/** Where {@link fileDigest} reads, reused: one per thread, and the digest is synchronous. */
const chunk = Buffer.allocUnsafe(256 * 1024);

/**
 * sha256 (base64url) of a file's bytes, read through one reused buffer. A
 * build digests every page it wrote (13,000 at 10,000 roles, 900 MB): a fresh
 * buffer per file made it four times slower on the build machine, where
 * memory new to the process is costly (2.3–2.5 s against 0.6–0.7 s for
 * 10,000 role pages).
 */
export function fileDigest(path: string): string {
	const hash = createHash('sha256');
	const fd = openSync(path, 'r');
	try {
		for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
	} finally {
		closeSync(fd);
	}
	return hash.digest('base64url');
}

/**
 * The record of a file now. The file is read only when its size or time
 * differ from `known`'s; the same size and time keep `known`'s digest.
 */
export function recordOf(path: string, known?: FileRecord, stat = statSync(path)): FileRecord {
	if (known && known[0] === stat.size && known[1] === stat.mtimeMs) return known;
	return [stat.size, stat.mtimeMs, fileDigest(path)];
}

/**
 * Whether a file is as recorded: the same size, and the same time or, when
 * the time differs, the same bytes. Returns the record with the time found,
 * or undefined when the file changed.
 */
export function unchangedSince(path: string, known: FileRecord, stat = statSync(path)): FileRecord | undefined {
	if (known[0] !== stat.size) return undefined;
	if (known[1] === stat.mtimeMs) return known;
	return fileDigest(path) === known[2] ? [known[0], stat.mtimeMs, known[2]] : undefined;
}

/** Records kept as a JSON object by path (`{ "jobs/a/index.html": [size, mtimeMs, digest] }`); undefined when the file is missing or unreadable. */
export function readRecords(file: string): Map<string, FileRecord> | undefined {
	try {
		return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, FileRecord>));
	} catch {
		return undefined;
	}
}
