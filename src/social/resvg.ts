import { readFileSync } from 'node:fs';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { requireFrom } from './fonts.ts';

/** What resvg drew: its pixels (RGBA, a copy) and its own PNG encoding. */
export interface DrawnImage {
	readonly pixels: Uint8Array;
	asPng(): Uint8Array;
}

let started: Promise<void> | undefined;

/**
 * resvg's WebAssembly build, started once per thread. Not its native addon
 * (the same resvg, the same pixels): that took fresh memory from the system
 * for every card and gave it back after, about 800 page faults a card, which
 * on a virtual machine were 13 of its 22 ms. A WebAssembly instance keeps its
 * memory and draws the next card in it. Call this, not `initWasm`, which
 * may run once per thread.
 */
export function resvgStarted(): Promise<void> {
	started ??= initWasm(readFileSync(requireFrom('@resvg/resvg-wasm/index_bg.wasm')));
	return started;
}

/**
 * Draws `svg` at its own size and hands the image to `use`; resvg's memory is
 * freed after. resvg must be started in this thread ({@link resvgStarted}).
 */
export function drawNow<T>(svg: string, use: (image: DrawnImage) => T): T {
	// Text arrives as paths (satori's, or a glyph's outline): no fonts needed, so the pixels are the same on every machine.
	const resvg = new Resvg(svg, { fitTo: { mode: 'original' } });
	try {
		const image = resvg.render();
		try {
			return use(image);
		} finally {
			image.free();
		}
	} finally {
		resvg.free();
	}
}

/** {@link drawNow}, once resvg has started. */
export async function drawn<T>(svg: string, use: (image: DrawnImage) => T): Promise<T> {
	await resvgStarted();
	return drawNow(svg, use);
}

/** RGBA pixels of an SVG as resvg draws it: what the tests compare a card's PNG with. */
export const rasterize = (svg: string): Promise<Uint8Array> => drawn(svg, (image) => image.pixels);
