/**
 * Asks the listing worker (src/scripts/listing-worker.ts) which roles match
 * a filter state, and for the rows to draw. The worker is started on the
 * first query: a page nobody filters never fetches the listing's data. Where
 * no worker can start, the same code answers on the page.
 */
import type { ListingRow } from '../listing/listing-data.ts';
import type { FilterState } from './listing-state.ts';
import { IN_PAGE_ANSWERER, type ListingAnswerer } from './listing-answer.ts';
// The worker's bundled script: started as a worker, or run on the page where none can start.
import workerScript from './listing-worker.ts?worker&url';

/** What the page asks: the roles matching `state` (and `search`, when there is text), rows `from` to `to` of them. */
export interface ListingQuery {
	id: number;
	/** The listing's data file. */
	src: string;
	state: FilterState;
	/** Roles a text search found, by slug (Pagefind), or the text to look for in the listing's own words (no Pagefind). */
	search?: { slugs: string[] } | { text: string } | undefined;
	from: number;
	to: number;
}

/** The worker's answer: how many roles match and the rows asked for, or why there is no data. */
export type ListingAnswer = { id: number; count: number; rows: ListingRow[]; today: string } | { id: number; error: string };

let worker: Worker | undefined;
/** Answers on the page itself, where no worker can start (the worker's script run on the page then, on first need). */
let inPage: Promise<ListingAnswerer> | undefined;
let last = 0;
const waiting = new Map<number, (answer: ListingAnswer) => void>();

/** The listing worker, started on first need; undefined where the browser cannot start one. */
function listingWorker(): Worker | undefined {
	if (worker || inPage || typeof Worker !== 'function') return worker;
	try {
		worker = new Worker(workerScript);
	} catch {
		return undefined;
	}
	worker.addEventListener('message', (event: MessageEvent<ListingAnswer>) => {
		waiting.get(event.data.id)?.(event.data);
		waiting.delete(event.data.id);
	});
	// A worker that cannot run (its script missing, a policy against it) answers nothing: every query then fails.
	worker.addEventListener('error', (event) => {
		for (const [id, answer] of waiting) answer({ id, error: event.message || 'the listing worker failed' });
		waiting.clear();
		worker = undefined;
	});
	return worker;
}

/**
 * The roles matching a query: resolves with the count and the rows, rejects
 * when the listing's data cannot be had.
 */
export async function queryListing(query: Omit<ListingQuery, 'id'>): Promise<{ count: number; rows: ListingRow[]; today: string }> {
	const id = ++last;
	const thread = listingWorker();
	let answer: ListingAnswer;
	if (thread) {
		const answered = new Promise<ListingAnswer>((resolve) => waiting.set(id, resolve));
		thread.postMessage({ ...query, id } satisfies ListingQuery);
		answer = await answered;
	} else {
		// The same script, not a chunk of its own: a static import() would bring Vite's preload helper
		// (0.6 KB gzip) into the listing script every visitor loads, for a path few browsers take.
		inPage ??= import(/* @vite-ignore */ workerScript).then(() => (globalThis as { [IN_PAGE_ANSWERER]?: ListingAnswerer })[IN_PAGE_ANSWERER]!);
		answer = await (await inPage)({ ...query, id });
	}
	if ('error' in answer) throw new Error(answer.error);
	return answer;
}
