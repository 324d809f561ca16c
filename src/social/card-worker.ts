import { parentPort } from 'node:worker_threads';
import type { CardInput } from './card-input.ts';
import { renderCard } from './render.ts';

// A thread of the card pool (card-pool.ts): draws the cards it is sent with
// the very renderer the build uses in-process, so the bytes are the same.
// Satori, resvg and HarfBuzz load once per thread, on the first card, which
// also draws the frame the thread paints its role cards on (paint.ts). Cards
// are handled as they arrive; painting one never waits, so two never mix.

/** A card to draw. */
export interface CardJob {
	id: number;
	input: CardInput;
}

/** The PNG of a job, or why it could not be drawn. */
export type CardJobResult = { id: number; png: Uint8Array<ArrayBuffer> } | { id: number; error: string };

if (!parentPort) throw new Error('social cards: card-worker.ts runs in a worker thread (see card-pool.ts)');
const port = parentPort;

port.on('message', async ({ id, input }: CardJob) => {
	let result: CardJobResult;
	try {
		result = { id, png: await renderCard(input) };
	} catch (error) {
		result = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
	}
	// The PNG's buffer is handed over, not copied.
	port.postMessage(result, 'png' in result ? [result.png.buffer] : []);
});
