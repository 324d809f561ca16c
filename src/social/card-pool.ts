import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CardInput } from './card-input.ts';
import type { CardJob, CardJobResult } from './card-worker.ts';
import type { CardRenderer } from './render.ts';

/** Idle threads are ended after this long without work, freeing their memory (fonts, layout engine). */
const IDLE_MS = 1000;

/**
 * The worker script, as a file URL, or undefined when it cannot be found.
 * Next to this module when it runs from src/ (tests, scripts); from Astro's
 * bundled chunk, the project's src/social/ (Astro builds from the project root).
 */
export function cardWorkerUrl(cwd: string = process.cwd()): URL | undefined {
	// Not `new URL('./card-worker.ts', import.meta.url)`: Vite would copy that file into the build as an asset.
	const candidates = [join(dirname(fileURLToPath(import.meta.url)), 'card-worker.ts'), join(cwd, 'src', 'social', 'card-worker.ts')];
	const found = candidates.find((file) => existsSync(file));
	return found ? pathToFileURL(found) : undefined;
}

/**
 * A thread's new-object space. Satori's garbage is short-lived, and V8's
 * default young generation for a thread let each one hold tens of MB more
 * than it needs: two threads drawing 300 cards added 266-289 MB to the
 * process, 199-222 MB with this limit, and took no longer (4.5-4.7 s against
 * 4.9-5.0 s). The bytes are the same: the tests compare the pool's cards
 * with cards drawn in the test's own thread.
 */
const YOUNG_GENERATION_MB = 8;

/**
 * One thread for each CPU this process may use but one, and at least one:
 * the main thread renders the pages while the cards are drawn. Painted cards
 * (paint.ts) are cheap enough that a second thread on this 2-vCPU machine drew
 * no faster (1,000 cards in 3.1 s either way, with 4.2 s of CPU on one thread
 * and 5.7 s on two: the two vCPUs share a core's caches), and in a cold build
 * of 1,000 roles it took CPU from the pages: 17.8-17.9 s with one thread,
 * 19.6-22.0 s with two.
 */
export function defaultThreads(): number {
	return Math.max(1, availableParallelism() - 1);
}

interface Task {
	input: CardInput;
	resolve: (png: Uint8Array<ArrayBuffer>) => void;
	reject: (error: Error) => void;
}

/**
 * Cards handed to a thread before it has drawn the ones it holds. A card takes
 * a thread 2-3 ms, and a thread gets its next card only when this (the main)
 * thread turns its event loop, which rendering pages holds up: handed one card
 * at a time, a thread waited for the main thread more than it drew (in a cold
 * build of 1,000 roles, cards came at 160-190 a second from one thread or two,
 * where a thread alone draws about 500). Sixteen ride over a page's render.
 */
const CARDS_IN_FLIGHT = 16;

interface Thread {
	worker: Worker;
	/** The cards it holds, by job id. */
	tasks: Map<number, Task>;
	/** Whether it has drawn a card: a thread that fails before its first one cannot start at all. */
	started: boolean;
}

/**
 * Threads that draw social cards side by side, each handed a few cards at a
 * time ({@link CARDS_IN_FLIGHT}). Threads start on demand, up to `size`; a
 * busy thread keeps the process alive, an idle one does not, and idle threads
 * end after a second, so a build never waits on the pool to exit.
 */
export class CardPool {
	/** Most threads at once. */
	readonly size: number;
	readonly #workerUrl: URL;
	readonly #queue: Task[] = [];
	readonly #threads = new Set<Thread>();
	#nextId = 0;
	#idleTimer: NodeJS.Timeout | undefined;
	/** Why the threads cannot start (the worker script fails to load): every card is then refused at once. */
	#broken: Error | undefined;

	/**
	 * @param workerUrl the worker script (see `cardWorkerUrl`)
	 * @param size threads at most; default {@link defaultThreads}
	 */
	constructor(workerUrl: URL, size: number = defaultThreads()) {
		this.#workerUrl = workerUrl;
		this.size = Math.max(1, size);
	}

	/** Draws a card in a thread: the same PNG bytes as `renderCard` in this thread. */
	readonly render: CardRenderer = (input) =>
		new Promise((resolve, reject) => {
			if (this.#broken) return reject(this.#broken);
			this.#queue.push({ input, resolve, reject });
			this.#pump();
		});

	/** Threads running now (busy or idle). */
	get threads(): number {
		return this.#threads.size;
	}

	/** Ends every thread; cards not drawn yet are refused. */
	async close(): Promise<void> {
		clearTimeout(this.#idleTimer);
		const closed = new Error('social cards: the card pool was closed');
		for (const task of this.#queue.splice(0)) task.reject(closed);
		const threads = [...this.#threads];
		this.#threads.clear();
		for (const thread of threads) for (const task of thread.tasks.values()) task.reject(closed);
		await Promise.all(threads.map((thread) => thread.worker.terminate()));
	}

	/** Hands queued cards to threads with room for more, starting threads up to `size`; a new thread gets a share of what is queued. */
	#pump(): void {
		clearTimeout(this.#idleTimer);
		while (this.#queue.length > 0 && this.#threads.size < this.size && this.#queue.length > this.#threads.size) this.#spawn();
		for (let handed = true; handed && this.#queue.length > 0; ) {
			handed = false;
			// Round the threads, one card each, so each holds its share of a short queue.
			for (const thread of this.#threads) {
				if (this.#queue.length === 0) break;
				if (thread.tasks.size >= CARDS_IN_FLIGHT) continue;
				this.#dispatch(thread, this.#queue.shift()!);
				handed = true;
			}
		}
		if (this.#queue.length === 0 && [...this.#threads].every((thread) => thread.tasks.size === 0) && this.#threads.size > 0) {
			this.#idleTimer = setTimeout(() => void this.#endIdle(), IDLE_MS).unref();
		}
	}

	#dispatch(thread: Thread, task: Task): void {
		const id = this.#nextId++;
		thread.tasks.set(id, task);
		// Busy: the build must wait for this card.
		thread.worker.ref();
		const job: CardJob = { id, input: task.input };
		thread.worker.postMessage(job);
	}

	#spawn(): Thread {
		const thread: Thread = { worker: new Worker(this.#workerUrl, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }), tasks: new Map(), started: false };
		this.#threads.add(thread);
		thread.worker.on('message', (result: CardJobResult) => {
			const task = thread.tasks.get(result.id);
			thread.tasks.delete(result.id);
			thread.started = true;
			// Idle: nothing to wait for.
			if (thread.tasks.size === 0) thread.worker.unref();
			if ('png' in result) task?.resolve(result.png);
			else task?.reject(new Error(result.error));
			this.#pump();
		});
		const fail = (error: Error) => {
			if (!this.#threads.delete(thread)) return;
			for (const task of thread.tasks.values()) task.reject(error);
			thread.tasks.clear();
			if (!thread.started && !this.#broken) {
				// The script does not load: starting more threads would fail the same way.
				this.#broken = error;
				console.warn(`social cards: card threads cannot start, cards are drawn one at a time: ${error.message}`);
				for (const task of this.#queue.splice(0)) task.reject(error);
			}
			this.#pump();
		};
		thread.worker.on('error', fail);
		thread.worker.on('exit', (code) => fail(new Error(`social cards: a card thread stopped (exit code ${code})`)));
		return thread;
	}

	async #endIdle(): Promise<void> {
		const idle = [...this.#threads].filter((thread) => thread.tasks.size === 0);
		for (const thread of idle) this.#threads.delete(thread);
		await Promise.all(idle.map((thread) => thread.worker.terminate()));
	}
}

let shared: CardPool | undefined;

/** The process's card pool, or undefined when the worker script cannot be found (cards are then drawn in this thread). */
export function cardPool(): CardPool | undefined {
	if (shared) return shared;
	const url = cardWorkerUrl();
	if (url) shared = new CardPool(url);
	return shared;
}
