import satori from 'satori';
import type { CardInput } from './card-input.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout } from './card-layout.ts';
import { cardFonts } from './fonts.ts';
import { paintRoleCard } from './paint.ts';
import { cardPng } from './png.ts';
import { drawn } from './resvg.ts';

/** Draws a card as PNG bytes. Injectable, so tests can prove a cache hit draws nothing. */
export type CardRenderer = (input: CardInput) => Promise<Uint8Array<ArrayBuffer>>;

/** A card laid out by satori (text as paths) as SVG. */
export function cardSvg(input: CardInput): Promise<string> {
	const fonts = cardFonts();
	return satori(cardLayout(input, fonts), {
		width: CARD_WIDTH,
		height: CARD_HEIGHT,
		fonts: fonts.fonts,
		// Text the fonts lack is left out by the layout; should any slip through, draw nothing rather than fetch a font.
		loadAdditionalAsset: async () => [],
	});
}

/** A card drawn whole by satori (layout to SVG) and resvg (SVG to pixels), as a PNG. */
export async function drawnCard(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
	return drawn(await cardSvg(input), (image) => cardPng(image.pixels, CARD_WIDTH, CARD_HEIGHT));
}

/**
 * Draws a card: a role's painted from glyphs on its site's frame (paint.ts),
 * about a sixth of what drawing it whole costs; the site's one card drawn whole.
 */
export const renderCard: CardRenderer = (input) => (input.kind === 'role' ? paintRoleCard(input) : drawnCard(input));
