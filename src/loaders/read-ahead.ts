/**
 * The build's input read ahead. The postings loader starts by reading and
 * digesting every posting file (`pipelineInputDigest`): at 10,000 roles about
 * 0.6 s of the main thread in every build, one changed posting or none. Astro
 * spends the two seconds before its content sync loading its code and
 * starting Vite, partly idle. So the build starts the same reading in a thread
 * of its own once the configuration is done (src/integrations/read-ahead.ts),
 * and the loader takes the answer if nothing was written since: the same
 * stamps ({@link inputStamps}) as the folder's when the loader looks.
 * Otherwise it reads the files itself, as it would have.
 *
 * This module is also what the thread runs: it imports nothing the digest
 * does not need (the thread starts while the build's own code is loading).
 */
import { join } from 'node:path';
import type { ReadFile, ReadInput } from '../sources/folder.ts';
import type { CommitDates } from '../sources/git-dates.ts';
import { answerInThread, inThread, moduleFile } from '../utils/in-thread.ts';
import { inputStamps, pipelineInputDigest, type PipelineInput } from './input-digest.ts';

/** What a reading thread is given. */
interface ReadAheadJob {
	task: 'read-input';
	input: PipelineInput;
}

/**
 * What it answers: the stamps taken before reading, the digest, and each
 * file's bytes in a buffer of its own, which moves to the loader's thread
 * uncopied (copied, 57 MB at 10,000 roles cost both threads more than the
 * reading).
 */
interface ReadAheadAnswer {
	stamps: string;
	digest: string;
	history: CommitDates | undefined;
	files: Array<{ path: string; digest: string; bytes: Uint8Array }>;
}

/** The input read, as {@link pipelineInputDigest} reads it for the loader, with the stamps the folder had before. */
function readInput(input: PipelineInput): ReadAheadAnswer {
	const stamps = inputStamps(input.postingsDir, input.siteConfig);
	const read: ReadInput = { files: new Map() };
	const digest = pipelineInputDigest(input, read);
	// A small file's bytes share Node's buffer pool with others: those are copied into a buffer of their own, the rest move.
	const own = (bytes: Buffer): Uint8Array => (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length ? bytes : new Uint8Array(bytes));
	const files = [...read.files].map(([path, file]) => ({ path, digest: file.digest, bytes: own(file.bytes) }));
	return { stamps, digest, history: read.history, files };
}

/**
 * Where reads started are kept until the loader takes them. On `globalThis`:
 * Astro loads the configuration (which starts a read) and the content
 * configuration (whose loader takes it) as separate module graphs, so a
 * module's own variable would be two.
 */
const READS = Symbol.for('careers.read-ahead');

const reads = (): Map<string, Promise<ReadAheadAnswer | undefined>> => ((globalThis as Record<symbol, unknown>)[READS] ??= new Map()) as Map<string, Promise<ReadAheadAnswer | undefined>>;

const keyOf = (input: PipelineInput) => JSON.stringify([input.postingsDir, input.siteConfig, input.today, input.cacheDir ?? '']);

/**
 * Starts reading the input in a thread, for {@link takeInputReadAhead}. Where
 * no thread can start, nothing is read: the loader reads as it always did.
 *
 * @returns when the thread is done (the tests wait for it; the build does not)
 */
export function readInputAhead(input: PipelineInput): Promise<unknown> {
	// Bundled into a chunk by Astro, this module runs from its source file (see `linkCopiesInThread`).
	const file = moduleFile(import.meta.url, 'read-ahead.ts', join(input.root, 'src', 'loaders', 'read-ahead.ts'));
	if (!file) return Promise.resolve();
	const answer = inThread<ReadAheadJob, ReadAheadAnswer | undefined>(file, { task: 'read-input', input }, () => undefined).catch(() => undefined);
	reads().set(keyOf(input), answer);
	return answer;
}

/**
 * The digest and files a read started for this input found, once (a second
 * call finds none), if the folder's stamps are still the ones it read under;
 * else undefined, and the caller reads the input itself.
 *
 * @param stamps the folder's {@link inputStamps} now
 */
export async function takeInputReadAhead(input: PipelineInput, stamps: string): Promise<{ digest: string; read: ReadInput } | undefined> {
	const key = keyOf(input);
	const pending = reads().get(key);
	if (!pending) return undefined;
	reads().delete(key);
	const answer = await pending;
	if (!answer || answer.stamps !== stamps) return undefined;
	const files = new Map(answer.files.map(({ path, digest, bytes }): [string, ReadFile] => [path, { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), digest }]));
	return { digest: answer.digest, read: { files, ...(answer.history ? { history: answer.history } : {}) } };
}

answerInThread<ReadAheadJob, ReadAheadAnswer>(
	'read-input',
	({ input }) => readInput(input),
	(answer) => answer.files.map((file) => file.bytes.buffer as ArrayBuffer),
);
