/**
 * The listing's data, held off the main thread. At 10,000 roles, fetching
 * `/listing.json`, parsing it, indexing it and collecting its garbage took
 * about 100 ms of the main thread (400 ms at a 4x CPU slowdown, nearly all of
 * it blocking input) on every filtered page load; here the page only waits
 * for the rows it draws. See src/scripts/listing-query.ts for the protocol.
 */
import { IN_PAGE_ANSWERER, listingAnswerer, type ListingAnswerer } from './listing-answer.ts';
import type { ListingQuery } from './listing-query.ts';

const answer = listingAnswerer();
if ('WorkerGlobalScope' in globalThis) {
	addEventListener('message', (event: MessageEvent<ListingQuery>) => void answer(event.data).then((reply) => postMessage(reply)));
} else {
	// Run on a page that cannot start a worker (listing-query.ts): the page calls the answerer itself.
	(globalThis as { [IN_PAGE_ANSWERER]?: ListingAnswerer })[IN_PAGE_ANSWERER] = answer;
}
