/**
 * The build's input read, and the pipeline run over it, ahead. The postings
 * loader starts by reading and digesting every posting file
 * (`pipelineInputDigest`), then runs the pipeline (its cache reused for what
 * did not change): at 10,000 roles about 1.9 s of the main thread after one
 * changed posting, at 1,000 a cold build's 1.4 s. Astro spends the two
 * seconds before its content sync loading its code and starting Vite. So the
 * build starts the same work in a thread of its own as it starts
 * (./read-ahead-early.ts), or once the integrations are set up
 * (src/integrations/read-ahead.ts), and the loader takes the answers if
 * nothing was written since: the same stamps ({@link inputStamps}) as the
 * folder's when the loader looks. Otherwise it does the work itself, as it
 * would have.
 *
 * The thread answers twice: the input's digest (a build whose input the data
 * store has already needs no more), then the run (./run.ts), or, when the
 * pipeline failed there, the files read, for the loader to run it and report
 * what is wrong. After a run it says a third time when the run's files (role
 * text, the pipeline cache) are written: a small site's it writes only once
 * the run is sent, and the loader goes on meanwhile; whatever reads them
 * waits (./files-pending.ts). It runs no pipeline for the input the data
 * store was noted to have ({@link storedInputFile}): in a warm build that run
 * cost the build's start 0.4-0.8 s at 10,000 roles, on the cores Astro
 * starts on.
 *
 * The loader waits for the answers without letting the event loop run (as
 * doing the work itself would): while it waited, Astro's data store, whose
 * save waits for half a second without changes, wrote its whole file (0.4 s
 * at 10,000 roles) only to write it again once the loaders were done.
 *
 * This module is also what the thread runs: it loads the pipeline only once
 * the digest is answered (the thread starts while the build's own code is
 * loading).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { ReadFile, ReadInput } from '../sources/folder.ts';
import type { PortableRun } from './run.ts';
import type { CommitDates } from '../sources/git-dates.ts';
import { moduleFile } from '../utils/in-thread.ts';
import { inputStamps, pipelineInputDigest, storedInputFile, type PipelineInput } from './input-digest.ts';
import { pipelineFilesPending } from './files-pending.ts';

/** What a reading thread is given: the input, where to answer, and the state it signals. */
interface ReadAheadJob {
	task: 'read-input';
	input: PipelineInput;
	port: MessagePort;
	/** One of {@link STARTED}, {@link DIGESTED}, {@link RAN}, {@link WRITTEN}; 0 until the thread runs. */
	state: Int32Array;
}

/** The thread's code runs: its modules loaded. */
const STARTED = 1;
/** Its first answer, the input's digest, is on the port. */
const DIGESTED = 2;
/** Its second answer, the pipeline's run or else the files it read, is on the port. */
const RAN = 3;
/** Its third, whether the run's files are written ({@link Written}), is on the port. */
const WRITTEN = 4;

/**
 * How long the loader waits for the thread to start, and then for each of its
 * answers, before it does the work itself. Loading the thread's modules takes
 * a fraction of a second, and reading 10,000 files one or two; a thread that
 * never starts (its module failed to load) costs a build this much, once.
 * The pipeline's run takes about a millisecond a posting on a loaded core: it
 * is given a hundred times that.
 */
const START_MS = 10_000;
const ANSWER_MS = 120_000;
const RUN_MS_PER_POSTING = 100;

/** The thread's first answer: the stamps taken before reading, and the digest. */
interface Digested {
	stamps: string;
	digest: string;
	/** How many files it read. */
	files: number;
}

/**
 * Its second: the pipeline's run over the files read, or, when the pipeline
 * could not run there (a posting at fault: the loader runs it again to report
 * it), the files as read: each file's bytes, views of a few large blocks (see
 * `ByteBlocks` in ./input-digest.ts), which move to the loader's thread
 * uncopied (copied, 57 MB at 10,000 roles cost both threads more than the
 * reading).
 */
type Ran =
	| { run: PortableRun }
	| {
			history: CommitDates | undefined;
			/** By path, as the digest read them (a `Buffer` arrives as a plain `Uint8Array`). */
			files: Map<string, { digest: string; bytes: Uint8Array }>;
	  };

/** Its third, after a run: its files written, or why they could not be. */
type Written = { written: true } | { failed: string };

/** A read started: the thread, the port it answers on and its state. */
interface Started {
	worker: Worker;
	port: MessagePort;
	state: Int32Array;
}

/**
 * Where reads started are kept until the loader takes them. On `globalThis`:
 * Astro loads the configuration (which starts a read) and the content
 * configuration (whose loader takes it) as separate module graphs, so a
 * module's own variable would be two.
 */
const READS = Symbol.for('careers.read-ahead');

const reads = (): Map<string, Started> => ((globalThis as Record<symbol, unknown>)[READS] ??= new Map()) as Map<string, Started>;

// Resolved: the folders come as paths with and without a trailing separator (Astro's URLs, `npm run build`'s start).
const keyOf = (input: PipelineInput) => JSON.stringify([resolve(input.postingsDir), resolve(input.siteConfig), input.today, input.cacheDir ? resolve(input.cacheDir) : '']);

/**
 * Starts reading the input in a thread, and running the pipeline over it,
 * for {@link takeInputReadAhead}, unless a read of this input was started
 * already (`npm run build` starts one before Astro: ./read-ahead-early.ts).
 * Where no thread can start, nothing is read: the loader reads as it always
 * did.
 */
export function readInputAhead(input: PipelineInput): void {
	if (reads().has(keyOf(input))) return;
	// Bundled into a chunk by Astro, this module runs from its source file (see `linkCopiesInThread`).
	const file = moduleFile(import.meta.url, 'read-ahead.ts', join(input.root, 'src', 'loaders', 'read-ahead.ts'));
	if (!file) return;
	const { port1, port2 } = new MessageChannel();
	const state = new Int32Array(new SharedArrayBuffer(4));
	let worker: Worker;
	try {
		worker = new Worker(file, { workerData: { task: 'read-input', input, port: port2, state } satisfies ReadAheadJob, transferList: [port2] });
	} catch {
		return;
	}
	// Nothing waits for it but the loader: a build that never asks (or stops) does not wait for the thread to end.
	worker.unref();
	// Its failures are the loader's fallback (no answer), not the build's.
	worker.on('error', () => undefined);
	reads().set(keyOf(input), { worker, port: port1, state });
}

/** The input read ahead, as the loader takes it: its digest at once, the run over it when the loader needs it. */
export interface InputReadAhead {
	digest: string;
	/**
	 * The pipeline's run over the input, or else the files read (the loader
	 * then runs the pipeline itself), or undefined when the thread gave
	 * neither in time. Waits for the thread, holding this thread. Once only.
	 */
	take(): { run: PortableRun } | { read: ReadInput } | undefined;
	/** Stops the thread: its run is not needed (the input is as the data store has it). */
	drop(): void;
}

/**
 * Waits, holding this thread, until the thread's state is past `from`, or
 * `ms` have passed; whether it is.
 */
function waitPast(state: Int32Array, from: number, ms: number): boolean {
	const deadline = performance.now() + ms;
	for (let now = Atomics.load(state, 0); now <= from; now = Atomics.load(state, 0)) {
		const left = deadline - performance.now();
		if (left <= 0) return false;
		Atomics.wait(state, 0, now, left);
	}
	return true;
}

/**
 * The digest a read started for this input found, and its run to come, once
 * (a second call finds none), if the folder's stamps are still the ones it
 * read under; else undefined, and the caller reads the input itself. Waits
 * for the thread's digest, holding this thread (see the module's comment).
 *
 * @param stamps the folder's {@link inputStamps} now
 */
export function takeInputReadAhead(input: PipelineInput, stamps: string): InputReadAhead | undefined {
	const key = keyOf(input);
	const started = reads().get(key);
	if (!started) return undefined;
	reads().delete(key);
	const { worker, port, state } = started;
	const stop = () => {
		port.close();
		// A run stopped halfway leaves the pipeline cache's files whole (`writeWhole`), each old or new.
		void worker.terminate();
	};
	const answered = waitPast(state, 0, START_MS) && waitPast(state, STARTED, ANSWER_MS);
	const digested = answered ? (receiveMessageOnPort(port)?.message as Digested | undefined) : undefined;
	if (!digested || digested.stamps !== stamps) {
		stop();
		return undefined;
	}
	let taken = false;
	return {
		digest: digested.digest,
		take: () => {
			if (taken) return undefined;
			taken = true;
			const ran = waitPast(state, DIGESTED, ANSWER_MS + RUN_MS_PER_POSTING * digested.files) ? (receiveMessageOnPort(port)?.message as Ran | undefined) : undefined;
			if (ran && 'run' in ran) {
				writtenAfter(started);
				return ran;
			}
			stop();
			if (!ran) return undefined;
			const files = new Map([...ran.files].map(([path, { digest, bytes }]): [string, ReadFile] => [path, { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), digest }]));
			return { read: { files, ...(ran.history ? { history: ran.history } : {}) } };
		},
		drop: () => {
			// A run taken is the loader's, its files still being written: only a read not taken stops.
			if (taken) return;
			taken = true;
			stop();
		},
	};
}

/**
 * A run taken: its thread writes the run's files now. The process waits for
 * the thread to end, and whatever reads the files waits for them first.
 */
function writtenAfter({ worker, port, state }: Started): void {
	worker.ref();
	// Read only by the wait below, if anything waits: the port alone does not keep the process.
	port.unref();
	pipelineFilesPending(() => {
		const answered = waitPast(state, RAN, ANSWER_MS) ? (receiveMessageOnPort(port)?.message as Written | undefined) : undefined;
		port.close();
		if (answered && 'written' in answered) return;
		throw new Error(
			`The pipeline's files could not be written into the build's cache folder (${answered?.failed ?? `the thread that ran it did not finish in ${ANSWER_MS / 1000} s`}). ` +
				'Check that the cache folder can be written to, and build again.',
		);
	});
}

/**
 * In the thread: reads and answers the digest (undefined when reading
 * failed), then runs the pipeline and answers its run, or the files read
 * when it cannot; says so after each.
 */
async function answer({ input, port, state }: ReadAheadJob): Promise<void> {
	const signal = (to: number) => {
		Atomics.store(state, 0, to);
		Atomics.notify(state, 0);
	};
	signal(STARTED);
	let read: ReadInput | undefined;
	let digest = '';
	try {
		const stamps = inputStamps(input.postingsDir, input.siteConfig);
		read = { files: new Map() };
		digest = pipelineInputDigest(input, read);
		port.postMessage({ stamps, digest, files: read.files.size } satisfies Digested);
	} catch {
		port.postMessage(undefined);
		read = undefined;
	}
	signal(DIGESTED);
	if (!read) {
		signal(RAN);
		return port.close();
	}
	let sent = false;
	let write: (() => void) | undefined;
	try {
		// The data store has this input's postings, most likely: the loader keeps them and needs no run (a warm build,
		// where the run cost the build's start 0.4-0.8 s at 10,000 roles). Should it need one after all, it gets the files.
		if (input.cacheDir && readText(storedInputFile(input.cacheDir)) !== digest) {
			// Loaded now, not with this module: the digest above is ready sooner, and a warm build needs no more.
			const { runFolder } = await import('./folder-run.ts');
			const made = await runFolder({ ...input, cacheDir: input.cacheDir }, read);
			port.postMessage({ run: made.run } satisfies Ran, [made.run.forms.buffer as ArrayBuffer]);
			sent = true;
			// A large site's run has its files written already: it is said at once.
			write = made.write ?? (() => undefined);
		}
	} catch {
		// The pipeline failed here (the loader runs it again, and reports why), or its run could not be sent.
	}
	try {
		if (!sent) port.postMessage({ history: read.history, files: read.files } satisfies Ran, [...new Set([...read.files.values()].map((file) => file.bytes.buffer as ArrayBuffer))]);
	} finally {
		signal(RAN);
	}
	if (write) {
		// The run is the loader's now: its files are written while the loader stores it and Astro goes on.
		let written: Written = { written: true };
		try {
			write();
		} catch (error) {
			written = { failed: error instanceof Error ? error.message : String(error) };
		}
		port.postMessage(written satisfies Written);
		signal(WRITTEN);
	}
	port.close();
}

/** A file's text, or undefined when it cannot be read. */
function readText(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

if (!isMainThread && (workerData as Partial<ReadAheadJob> | undefined)?.task === 'read-input') void answer(workerData as ReadAheadJob);
