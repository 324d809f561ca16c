/**
 * The files of a pipeline run that another thread is still writing. The
 * read-ahead thread (./read-ahead.ts) hands its run to the loader first and
 * writes the run's files after: each normalized posting's role text and the
 * pipeline cache's shards. In a cold build of 1,000 roles writing them took
 * 0.7–0.85 s, which the loader spent waiting while a core sat idle. So
 * whatever reads those files in this process waits here first: the pages
 * (a posting's sections), and a reused posting read back from the cache.
 *
 * Kept on `globalThis`: the pages' bundle has its own copies of the modules
 * that read role text.
 */
const PENDING = Symbol.for('careers.pipeline-files-pending');

type Slot = Record<symbol, (() => void) | undefined>;

/**
 * Notes that a run's files are still being written: `wait` returns once they
 * are, and throws, saying why, when they could not be.
 */
export function pipelineFilesPending(wait: () => void): void {
	(globalThis as Slot)[PENDING] = () => {
		try {
			wait();
			(globalThis as Slot)[PENDING] = undefined;
		} catch (error) {
			// Every later reader is told the same, not sent to a file that is not there.
			(globalThis as Slot)[PENDING] = () => {
				throw error;
			};
			throw error;
		}
	};
}

/**
 * Returns once the files of a run written in another thread are on disk, at
 * once when none is pending; the first call may hold this thread until then.
 * @throws {Error} saying why, when they could not be written
 */
export function awaitPipelineFiles(): void {
	(globalThis as Slot)[PENDING]?.();
}
