import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import type { CardInput } from './card-input.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout } from './card-layout.ts';
import { cardFonts } from './fonts.ts';
import { indexedPng } from './png.ts';

/** Draws a card as PNG bytes. Injectable, so tests can prove a cache hit draws nothing. */
export type CardRenderer = (input: CardInput) => Promise<Uint8Array<ArrayBuffer>>;

// Satori already turned the text into paths: no system fonts needed, so the PNG is the same on every machine.
const RESVG_OPTIONS = { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } } as const;

/** Draws a card with satori (layout to SVG, text as paths) and resvg (SVG to pixels), as a palette PNG. */
export const renderCard: CardRenderer = async (input) => {
	const fonts = cardFonts();
	const svg = await satori(cardLayout(input, fonts), {
		width: CARD_WIDTH,
		height: CARD_HEIGHT,
		fonts: fonts.fonts,
		// Text the fonts lack is left out by the layout; should any slip through, draw nothing rather than fetch a font.
		loadAdditionalAsset: async () => [],
	});
	const image = new Resvg(svg, RESVG_OPTIONS).render();
	// A palette PNG costs a fraction of resvg's encoder; resvg's is kept for an image that does not fit a palette.
	return indexedPng(image.pixels, CARD_WIDTH, CARD_HEIGHT) ?? new Uint8Array(image.asPng());
};
