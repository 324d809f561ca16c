import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/**
 * What a build remembers of a file it wrote or read: its size, its
 * modification time (milliseconds, as the file system gives it) and a digest
 * of its bytes. When the time differs the bytes are the judge: a host that
 * restores its build cache from an archive may keep times to the second
 * only, or not at all, and that must not count as a change.
 */
export type FileRecord = [size: number, mtimeMs: number, digest: string];

/** sha256 (base64url) of a file's bytes. */
export function fileDigest(path: string): string {
	return createHash('sha256').update(readFileSync(path)).digest('base64url');
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
