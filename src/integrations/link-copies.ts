import { existsSync, linkSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { answerInThread, inThread, moduleFile } from '../utils/in-thread.ts';

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
	// Bundled into a chunk by Astro, this module runs from its source file (see `cardWorkerUrl`).
	const file = moduleFile(import.meta.url, 'link-copies.ts', join(process.cwd(), 'src', 'integrations', 'link-copies.ts'));
	return inThread(file, { task: 'link-copies', copies, outDir, paths } satisfies LinkJob, () => {
		// No thread, or it stopped without an answer: what it linked is there (the output folder held none of these paths before), the rest is linked here.
		const there = paths.filter((path) => existsSync(join(outDir, path)));
		const made = new Set(there);
		return [...there, ...linkCopies(copies, outDir, paths.filter((path) => !made.has(path)))];
	});
}

answerInThread<LinkJob>('link-copies', ({ copies, outDir, paths }) => linkCopies(copies, outDir, paths));
