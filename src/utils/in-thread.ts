import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** What a one-off thread is given: which task to run, and its arguments. */
export interface ThreadJob {
	task: string;
}

/**
 * The file a thread can run a module from: the module's own file (its
 * `import.meta.url`) when that is a file of this name, else `fallback` (the
 * source file, for code Astro bundled into a chunk), else undefined when
 * neither is there.
 */
export function moduleFile(metaUrl: string, name: string, fallback?: string): URL | undefined {
	const here = metaUrl.startsWith('file:') ? [fileURLToPath(metaUrl)] : [];
	const found = [...here, ...(fallback ? [fallback] : [])].find((file) => file.endsWith(name) && existsSync(file));
	return found ? pathToFileURL(found) : undefined;
}

/**
 * Runs `job` in a thread of its own, on the module `file` (which answers it
 * with {@link answerInThread}), so this thread goes on meanwhile. Where there
 * is no file, no thread starts, or it stops without an answer, `inPlace`
 * gives the answer on this thread instead.
 */
export function inThread<Job extends ThreadJob, Result>(file: URL | undefined, job: Job, inPlace: () => Result): Promise<Result> {
	return new Promise((resolve, reject) => {
		let settled = false;
		const here = () => {
			if (settled) return;
			settled = true;
			try {
				resolve(inPlace());
			} catch (error) {
				reject(error);
			}
		};
		if (!file) return here();
		let worker: Worker;
		try {
			worker = new Worker(file, { workerData: job });
		} catch {
			return here();
		}
		worker.once('message', (answer: Result) => {
			settled = true;
			resolve(answer);
		});
		worker.once('error', here);
		worker.once('exit', here);
	});
}

/** In a thread {@link inThread} started for `task`, answers its job with `run`. Call it at the top level of the module the thread runs. */
export function answerInThread<Job extends ThreadJob>(task: Job['task'], run: (job: Job) => unknown): void {
	if (!isMainThread && (workerData as Partial<ThreadJob> | undefined)?.task === task) parentPort?.postMessage(run(workerData as Job));
}

