import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CardInput } from './card-input.ts';
import { cardFonts, packageVersion } from './fonts.ts';
import { renderCard, type CardRenderer } from './render.ts';

/**
 * Bump when the layout changes (card-layout.ts, card-text.ts' sizes): every
 * cached card is then drawn again.
 */
export const TEMPLATE_VERSION = 1;

/** A card's PNG and where it came from. */
export interface SocialCard {
	png: Uint8Array<ArrayBuffer>;
	/** sha256 of everything that changes the pixels; the cache file name. */
	digest: string;
	/** True when read from the cache, without drawing. */
	cached: boolean;
}

/** Where cards are cached and how they are drawn; both replaceable for tests. */
export interface CardOptions {
	/** Folder of cached cards. Default: `cardCacheDir()`. */
	cacheDir?: string;
	/** Default: `renderCard` (satori + resvg). */
	render?: CardRenderer;
}

/**
 * Folder of cached cards: `social-cards/` in Astro's cache folder
 * (`ASTRO_CACHE_DIR`, else `node_modules/.astro`), so each build setup keeps its own.
 */
export function cardCacheDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
	return resolve(cwd, env.ASTRO_CACHE_DIR ?? 'node_modules/.astro', 'social-cards');
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
	toolchain ??= canonical({ fonts: cardFonts().digest, satori: packageVersion('satori'), resvg: packageVersion('@resvg/resvg-js') });
	return toolchain;
}

/** Digest of a card: its input values, the template version, the fonts and the libraries. */
export function cardDigest(input: CardInput): string {
	return createHash('sha256').update(canonical({ template: TEMPLATE_VERSION, toolchain: toolchainDigest(), input })).digest('hex');
}

/**
 * A card's PNG: from the cache when a card with the same digest was drawn
 * before, else drawn and cached. Writes go to a temporary file renamed into
 * place, so a parallel build never reads half a card.
 */
export async function socialCard(input: CardInput, options: CardOptions = {}): Promise<SocialCard> {
	const digest = cardDigest(input);
	const dir = options.cacheDir ?? cardCacheDir();
	const file = join(dir, `${digest}.png`);
	try {
		const png = await readFile(file);
		return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength) as Uint8Array<ArrayBuffer>, digest, cached: true };
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	const png = await (options.render ?? renderCard)(input);
	await mkdir(dir, { recursive: true });
	const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
	try {
		await writeFile(temporary, png);
		await rename(temporary, file);
	} catch (error) {
		// A cache that cannot be written only costs a redraw next time; the build goes on.
		await rm(temporary, { force: true });
		console.warn(`social cards: could not cache ${file}: ${(error as Error).message}`);
	}
	return { png, digest, cached: false };
}
