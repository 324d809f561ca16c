import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { woffCoverage } from './woff.ts';

/** A font weight the cards use. */
export type CardWeight = 400 | 700;

/** One font file, in the shape satori takes. */
export interface CardFont {
	name: string;
	data: Buffer;
	weight: CardWeight;
	style: 'normal';
}

/** The fonts the cards are drawn with, and what they can draw. */
export interface CardFonts {
	/** CSS font-family list to use in styles: one family per subset. */
	family: string;
	fonts: CardFont[];
	/** True when some font has a glyph for the code point. */
	covers: (codePoint: number) => boolean;
	/** sha256 of the font files' bytes: a new font version redraws every card. */
	digest: string;
}

// Satori reads TTF, OTF and WOFF, not WOFF2. Latin and Latin Extended cover
// Western and Central European names (ł, ő, ș); other scripts are left out.
// Each subset gets its own family name: satori keeps one font per family and
// weight, so a second subset under the same name would never be used (Ł drawn as a box).
const SUBSETS = [
	['latin', 'Inter'],
	['latin-ext', 'Inter Latin Ext'],
] as const;
const WEIGHTS: readonly CardWeight[] = [400, 700];

/**
 * The path of an installed package's file (`satori/package.json`), found
 * whether this module runs from src/ (tests) or from a bundled chunk Astro
 * wrote somewhere under the output folder.
 * @throws {Error} naming the package when it is not installed
 */
export function requireFrom(pkg: string): string {
	const bases = [import.meta.url, pathToFileURL(join(process.cwd(), 'package.json')).href];
	for (const base of bases) {
		try {
			return createRequire(base).resolve(pkg);
		} catch {
			// Try the next base.
		}
	}
	throw new Error(`social cards: cannot find ${pkg}; is it installed?`);
}

/**
 * Version of an installed package, for cache digests. Read from the folder
 * of its entry point up: a package's `exports` may not list its package.json.
 */
export function packageVersion(name: string): string {
	for (let dir = dirname(requireFrom(name)); dir !== dirname(dir); dir = dirname(dir)) {
		const file = join(dir, 'package.json');
		if (!existsSync(file)) continue;
		const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
		if (manifest.name === name) return manifest.version ?? 'unknown';
	}
	return 'unknown';
}

let loaded: CardFonts | undefined;

/** Reads the Inter font files from node_modules once per process. */
export function cardFonts(): CardFonts {
	if (loaded) return loaded;
	const dir = join(dirname(requireFrom('@fontsource/inter/package.json')), 'files');
	const hash = createHash('sha256');
	const covered = new Set<number>();
	const fonts: CardFont[] = [];
	for (const [subset, name] of SUBSETS) {
		for (const weight of WEIGHTS) {
			const data = readFileSync(join(dir, `inter-${subset}-${weight}-normal.woff`));
			hash.update(data);
			for (const code of woffCoverage(data)) covered.add(code);
			fonts.push({ name, data, weight, style: 'normal' });
		}
	}
	loaded = { family: SUBSETS.map(([, name]) => `'${name}'`).join(', '), fonts, covers: (code) => covered.has(code), digest: hash.digest('hex') };
	return loaded;
}
