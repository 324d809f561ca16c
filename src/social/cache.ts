import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CardInput } from './card-input.ts';
import { cardCacheDir } from './card-folder.ts';
import { cardPool } from './card-pool.ts';
import { cardFonts, packageVersion } from './fonts.ts';
import { renderCard, type CardRenderer } from './render.ts';

/**
 * Bump when a layout change (card-layout.ts, card-text.ts' sizes) or a change
 * to how cards are drawn (paint.ts, text-lines.ts, glyph-masks.ts) changes the
 * pixels: every cached card is then drawn again. A change that draws the
 * same pixels keeps it, as the foot's rule drawn as a box of its own did.
 * 3: role cards painted from glyph masks on their site's frame.
 */
export const TEMPLATE_VERSION = 3;

/** A card's PNG and where it came from. */
export interface SocialCard {
	png: Uint8Array<ArrayBuffer>;
	/** sha256 of everything that changes the pixels; the cache file name. */
	digest: string;
	/** True when this call drew nothing: the card was read from the cache, or drawn ahead ({@link drawAhead}). */
	cached: boolean;
}

/** Where cards are cached and how they are drawn; both replaceable for tests. */
export interface CardOptions {
	/** Folder of cached cards. Default: `cardCacheDir()`. */
	cacheDir?: string;
	/** Default: `renderCard` (role cards painted on satori's frame, the site card drawn by satori and resvg). */
	render?: CardRenderer;
}

/** JSON with object keys sorted, so the digest does not depend on key order. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value)
			.filter(([, item]) => item !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

let toolchain: string | undefined;
/** The fonts' bytes and the drawing libraries' versions: a change to any redraws every card. */
function toolchainDigest(): string {
	toolchain ??= canonical({
		fonts: cardFonts().digest,
		satori: packageVersion('satori'),
		resvg: packageVersion('@resvg/resvg-wasm'),
		harfbuzz: packageVersion('harfbuzzjs'),
		linebreak: packageVersion('linebreak'),
	});
	return toolchain;
}

/** Digest of a card: its input values, the template version, the fonts and the libraries. */
export function cardDigest(input: CardInput): string {
	return createHash('sha256').update(canonical({ template: TEMPLATE_VERSION, toolchain: toolchainDigest(), input })).digest('hex');
}

/**
 * Cards being drawn ahead (see `drawAhead`), by digest: each settles with its
 * PNG once drawn and cached, or with nothing when it was cached already or
 * could not be drawn.
 */
const ahead = new Map<string, Promise<Uint8Array<ArrayBuffer> | undefined>>();

/**
 * A card's PNG: from the cache when a card with the same digest was drawn
 * before, else drawn and cached. A card being drawn ahead is waited for, and
 * taken as drawn: the cache holds it, and reading it back and marking it used
 * would cost two more trips to the disk for each card of a cold build.
 */
export async function socialCard(input: CardInput, options: CardOptions = {}): Promise<SocialCard> {
	const digest = cardDigest(input);
	const pending = ahead.get(digest);
	if (pending) {
		ahead.delete(digest);
		const png = await pending;
		if (png) return { png, digest, cached: true };
	}
	const file = join(options.cacheDir ?? cardCacheDir(), `${digest}.png`);
	try {
		const png = await readFile(file);
		await markUsed(file);
		return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength) as Uint8Array<ArrayBuffer>, digest, cached: true };
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	const png = await (options.render ?? renderCard)(input);
	await store(file, png);
	return { png, digest, cached: false };
}

/**
 * Fewer cards to draw than this are left to `socialCard`, drawn one at a time on the main thread.
 * Measured when cards were drawn whole: starting a thread cost about as much
 * as six cards (loading the renderer, fonts and layout engine), so two threads
 * only won from about 16 cards on. A painted card is about a sixth of that,
 * but a thread's start (about 0.6 s: satori, resvg, HarfBuzz, the frame) is
 * what the main thread pays for its own first card too; not measured again.
 */
export const MIN_CARDS_AHEAD = 16;

/**
 * Starts drawing the cards not in the cache yet, all at once, in the card threads
 * (the card pool), and returns at once. A build calls this with every role's
 * card before the pages (src/social/card-output.ts), so the cards are drawn
 * while Astro renders the pages, and `socialCard` later finds them cached.
 * A card that fails here is drawn again by `socialCard`, whose error then
 * names the card. It draws nothing without a pool (the worker script is
 * missing), or when fewer than `MIN_CARDS_AHEAD` cards are not cached.
 * @returns how many cards were drawn, once all are in the cache folder
 */
export async function drawAhead(inputs: readonly CardInput[], options: CardOptions = {}): Promise<number> {
	const render = options.render ?? cardPool()?.render;
	if (!render) return 0;
	const dir = options.cacheDir ?? cardCacheDir();
	const cards = new Map<string, CardInput>();
	for (const input of inputs) {
		const digest = cardDigest(input);
		if (!ahead.has(digest)) cards.set(digest, input);
	}
	const drawing = (async () => {
		// Marking a card used is also how a build learns it is cached: the mark fails for a card not there.
		const cached = await Promise.all([...cards.keys()].map((digest) => markUsed(join(dir, `${digest}.png`))));
		const missing = [...cards].filter((_, index) => !cached[index]);
		if (missing.length < MIN_CARDS_AHEAD) return new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
		const drawAndStore = async (digest: string, input: CardInput) => {
			const png = await render(input);
			await store(join(dir, `${digest}.png`), png);
			return png;
		};
		return new Map(missing.map(([digest, input]) => [digest, drawAndStore(digest, input)]));
	})();
	// Set before the first await, so a card asked for now waits for its drawing.
	for (const digest of cards.keys()) ahead.set(digest, drawing.then((draws) => draws.get(digest)).catch(() => undefined));
	const draws = await drawing;
	const drawn = [...draws.values()].map((draw) => draw.then(() => 1, () => 0));
	// Not kept here while the others are drawn: each card's PNG is held until the page that writes it takes it
	// (`socialCard`). The look-ups above ran as `drawing` settled, before this line.
	draws.clear();
	return (await Promise.all(drawn)).reduce((sum: number, one) => sum + one, 0);
}

/** Marks a cached card as used now (its modification time); false when it is not in the cache. */
async function markUsed(file: string): Promise<boolean> {
	const now = new Date();
	return utimes(file, now, now).then(
		() => true,
		() => false,
	);
}

/**
 * Writes a card into the cache: to a temporary file renamed into place, so a
 * parallel build never reads half a card. The folder is made when the write
 * finds none, not before every card.
 */
async function store(file: string, png: Uint8Array): Promise<void> {
	const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
	try {
		await writeFile(temporary, png).catch(async (error: NodeJS.ErrnoException) => {
			if (error.code !== 'ENOENT') throw error;
			await mkdir(dirname(file), { recursive: true });
			await writeFile(temporary, png);
		});
		await rename(temporary, file);
	} catch (error) {
		// A cache that cannot be written only costs a redraw next time; the build goes on.
		await rm(temporary, { force: true });
		console.warn(`social cards: could not cache ${file}: ${(error as Error).message}`);
	}
}
