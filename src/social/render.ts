import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import type { CardInput } from './card-input.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout } from './card-layout.ts';
import { cardFonts } from './fonts.ts';

/** Draws a card as PNG bytes. Injectable, so tests can prove a cache hit draws nothing. */
export type CardRenderer = (input: CardInput) => Promise<Uint8Array<ArrayBuffer>>;

/** Draws a card with satori (layout to SVG, text as paths) and resvg (SVG to PNG). */
export const renderCard: CardRenderer = async (input) => {
	const fonts = cardFonts();
	const svg = await satori(cardLayout(input, fonts), {
		width: CARD_WIDTH,
		height: CARD_HEIGHT,
		fonts: fonts.fonts,
		// Text the fonts lack is left out by the layout; should any slip through, draw nothing rather than fetch a font.
		loadAdditionalAsset: async () => [],
	});
	// Satori already turned the text into paths: no system fonts needed, so the PNG is the same on every machine.
	const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
	return new Uint8Array(png);
};
