import { renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

/**
 * Writes a file under a temporary name beside it, then renames it into place:
 * a process stopped halfway leaves the old file or the new one, never half of
 * one. Give `temporary` where a leftover must not look like a file of the
 * folder's own (a posting, in the postings folder). The default is named by
 * the process and the thread: the read-ahead thread and the loader's may
 * write the same cache file (src/loaders/read-ahead.ts).
 */
export function writeWhole(path: string, data: string | NodeJS.ArrayBufferView, temporary = `${path}.${process.pid}-${threadId}.tmp`): void {
	writeFileSync(temporary, data);
	renameSync(temporary, path);
}

/**
 * Whether a file name is that of a temporary file {@link writeWhole} names by
 * default for this process, in any of its threads: one being written now, not
 * the leftover of a build stopped halfway.
 */
export function isOwnTemporary(name: string): boolean {
	return name.endsWith('.tmp') && name.slice(0, -'.tmp'.length).replace(/-\d+$/, '').endsWith(`.${process.pid}`);
}
