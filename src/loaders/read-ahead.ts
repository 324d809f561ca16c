/**
 * The build's input read ahead. The postings loader starts by reading and
 * digesting every posting file (`pipelineInputDigest`): at 10,000 roles about
 * 0.6 s of the main thread in every build, one changed posting or none. Astro
 * spends the two seconds before its content sync loading its code and
 * starting Vite, partly idle. So the build starts the same reading in a thread
 * of its own once the integrations are set up (src/integrations/read-ahead.ts),
 * and the loader takes the answer if nothing was written since: the same
 * stamps ({@link inputStamps}) as the folder's when the loader looks.
 * Otherwise it reads the files itself, as it would have.
 *
 * The loader waits for the answer without letting the event loop run (as
 * reading the files itself would): while it waited, Astro's data store, whose
 * save waits for half a second without changes, wrote its whole file (0.4 s
 * at 10,000 roles) only to write it again once the loaders were done.
 *
 * This module is also what the thread runs: it imports nothing the digest
 * does not need (the thread starts while the build's own code is loading).
 */
import { join } from 'node:path';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { ReadFile, ReadInput } from '../sources/folder.ts';
import type { CommitDates } from '../sources/git-dates.ts';
import { moduleFile } from '../utils/in-thread.ts';
import { inputStamps, pipelineInputDigest, type PipelineInput } from './input-digest.ts';

/** What a reading thread is given: the input, where to answer, and the state it signals. */
interface ReadAheadJob {
	task: 'read-input';
	input: PipelineInput;
	port: MessagePort;
	/** One of {@link STARTED}, {@link ANSWERED}; 0 until the thread runs. */
	state: Int32Array;
}

/** The thread's code runs: its modules loaded. */
const STARTED = 1;
/** Its answer is on the port. */
const ANSWERED = 2;

/**
 * How long the loader waits for the thread to start, and then to answer,
 * before it reads the files itself. Loading the thread's modules takes a
 * fraction of a second, and reading 10,000 files one or two; a thread that
 * never starts (its module failed to load) costs a build this much, once.
 */
const START_MS = 10_000;
const ANSWER_MS = 120_000;

/**
 * What it answers: the stamps taken before reading, the digest, and each
 * file's bytes, views of a few large blocks (see `ByteBlocks` in
 * ./input-digest.ts), which move to the loader's thread uncopied (copied,
 * 57 MB at 10,000 roles cost both threads more than the reading).
 */
interface ReadAheadAnswer {
	stamps: string;
	digest: string;
	history: CommitDates | undefined;
	/** By path, as the digest read them (a `Buffer` arrives as a plain `Uint8Array`). */
	files: Map<string, { digest: string; bytes: Uint8Array }>;
}

/** The input read, as {@link pipelineInputDigest} reads it for the loader, with the stamps the folder had before. */
function readInput(input: PipelineInput): ReadAheadAnswer {
	const stamps = inputStamps(input.postingsDir, input.siteConfig);
	const read: ReadInput = { files: new Map() };
	const digest = pipelineInputDigest(input, read);
	return { stamps, digest, history: read.history, files: read.files };
}

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

const keyOf = (input: PipelineInput) => JSON.stringify([input.postingsDir, input.siteConfig, input.today, input.cacheDir ?? '']);

/**
 * Starts reading the input in a thread, for {@link takeInputReadAhead}. Where
 * no thread can start, nothing is read: the loader reads as it always did.
 */
export function readInputAhead(input: PipelineInput): void {
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

/**
 * The digest and files a read started for this input found, once (a second
 * call finds none), if the folder's stamps are still the ones it read under;
 * else undefined, and the caller reads the input itself. Waits for the thread
 * to answer, holding this thread (see the module's comment).
 *
 * @param stamps the folder's {@link inputStamps} now
 */
export function takeInputReadAhead(input: PipelineInput, stamps: string): { digest: string; read: ReadInput } | undefined {
	const key = keyOf(input);
	const started = reads().get(key);
	if (!started) return undefined;
	reads().delete(key);
	const { worker, port, state } = started;
	const answered = Atomics.wait(state, 0, 0, START_MS) !== 'timed-out' && (Atomics.load(state, 0) === ANSWERED || Atomics.wait(state, 0, STARTED, ANSWER_MS) !== 'timed-out');
	const answer = answered ? (receiveMessageOnPort(port)?.message as ReadAheadAnswer | undefined) : undefined;
	port.close();
	if (!answered) void worker.terminate();
	if (!answer || answer.stamps !== stamps) return undefined;
	const files = new Map([...answer.files].map(([path, { digest, bytes }]): [string, ReadFile] => [path, { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), digest }]));
	return { digest: answer.digest, read: { files, ...(answer.history ? { history: answer.history } : {}) } };
}

/** In the thread: reads, answers (undefined when reading failed), and says so. */
function answer({ input, port, state }: ReadAheadJob): void {
	Atomics.store(state, 0, STARTED);
	Atomics.notify(state, 0);
	try {
		const read = readInput(input);
		port.postMessage(read, [...new Set([...read.files.values()].map((file) => file.bytes.buffer as ArrayBuffer))]);
	} catch {
		port.postMessage(undefined);
	} finally {
		Atomics.store(state, 0, ANSWERED);
		Atomics.notify(state, 0);
		port.close();
	}
}

if (!isMainThread && (workerData as Partial<ReadAheadJob> | undefined)?.task === 'read-input') answer(workerData as ReadAheadJob);
