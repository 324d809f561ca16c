import { existsSync, linkSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** What a linking thread is given. */
interface LinkJob {
	task: 'link-copies';
	copies: string;
	outDir: string;
	paths: string[];
}

/**
 * Links each copy into the output folder; returns the paths linked. Stops at
 * the first copy that cannot be linked (the cache on another disk, a file
 * system without hard links): Astro copies the rest, as it would anyway.
 */
export function linkCopies(copies: string, outDir: string, paths: Iterable<string>): string[] {
	const linked: string[] = [];
	const made = new Set<string>();
	for (const path of paths) {
		const target = join(outDir, path);
		const folder = dirname(target);
		try {
			if (!made.has(folder)) mkdirSync(folder, { recursive: true });
			made.add(folder);
			linkSync(join(copies, path), target);
		} catch {
			break;
		}
		linked.push(path);
	}
	return linked;
}

/** This module's file, for a thread to run; undefined when it is not where it can be run from (see `cardWorkerUrl`). */
function moduleFile(cwd: string): URL | undefined {
	const here = import.meta.url.startsWith('file:') ? [fileURLToPath(import.meta.url)] : [];
	const found = [...here, join(cwd, 'src', 'integrations', 'link-copies.ts')].find((file) => file.endsWith('link-copies.ts') && existsSync(file));
	return found ? pathToFileURL(found) : undefined;
}

/**
 * {@link linkCopies} in a thread of its own, so that the build goes on while
 * the links are made: Vite bundles the pages in the meantime, on the other
 * core. At 10,000 roles a rebuild links 12,000 pages into a new output
 * folder, 1.1–1.5 s of `mkdir` and `link` on this project's build machines,
 * about as long as the bundling. Where no thread can be started, the links
 * are made at once, on this thread.
 *
 * @returns the paths linked, once all are
 */
export function linkCopiesInThread(copies: string, outDir: string, paths: string[]): Promise<string[]> {
	const file = moduleFile(process.cwd());
	if (!file) return Promise.resolve(linkCopies(copies, outDir, paths));
	return new Promise((resolve) => {
		let settled = false;
		const inPlace = () => {
			if (settled) return;
			settled = true;
			// The thread stopped without an answer: what it linked is there (the output folder held none of these paths before), the rest is linked here.
			const there = paths.filter((path) => existsSync(join(outDir, path)));
			const made = new Set(there);
			resolve([...there, ...linkCopies(copies, outDir, paths.filter((path) => !made.has(path)))]);
		};
		let worker: Worker;
		try {
			worker = new Worker(file, { workerData: { task: 'link-copies', copies, outDir, paths } satisfies LinkJob });
		} catch {
			inPlace();
			return;
		}
		worker.once('message', (linked: string[]) => {
			settled = true;
			resolve(linked);
		});
		worker.once('error', inPlace);
		worker.once('exit', inPlace);
	});
}

if (!isMainThread && (workerData as Partial<LinkJob> | undefined)?.task === 'link-copies') {
	const { copies, outDir, paths } = workerData as LinkJob;
	parentPort?.postMessage(linkCopies(copies, outDir, paths));
}
