/**
 * The social-card cache folder and its upkeep, apart from the drawing
 * (./cache.ts): the build's last step prunes the folder, and a module that
 * loads satori and resvg would cost every build's start about 0.1 s for it
 * (the configuration's imports load before anything else).
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot } from '../config/cache-folder.ts';

/**
 * Folder of cached cards: `social-cards/` in Astro's cache folder
 * (`ASTRO_CACHE_DIR`, else `node_modules/.astro`), so each build setup keeps its own.
 */
export function cardCacheDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
	// Not the preview's own folder: a card looks the same in a preview and in production.
	return join(cacheRoot(env, cwd), 'social-cards');
}

/**
 * Days a cached card stays without a build using it. Every build marks the
 * cards it uses (its roles' cards, when it draws them ahead, and any card it
 * reads); a card of a role that closed, or changed what its card shows, is
 * never used again, and a board of thousands of roles that turn over every
 * few weeks would otherwise leave tens of thousands of them (about 21 KB
 * each) for every build to restore and save. Two weeks, so that cards a
 * preview uses and production does not (a draft's) survive between the two.
 */
export const CARD_KEEP_DAYS = 14;

/**
 * Removes the cached cards no build has used for {@link CARD_KEEP_DAYS}, and
 * temporary files a stopped build left. Never fails a build: a card it cannot
 * remove stays, and a card removed that a build wants after all is drawn again.
 *
 * @param now the time to count from, in milliseconds (tests pass their own)
 * @returns how many files were removed, and how many cards are kept
 */
export function pruneCardCache(dir: string = cardCacheDir(), now: number = Date.now()): { removed: number; kept: number } {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return { removed: 0, kept: 0 };
	}
	const oldest = now - CARD_KEEP_DAYS * 24 * 60 * 60 * 1000;
	let removed = 0;
	let kept = 0;
	for (const name of names) {
		if (!name.endsWith('.png') && !name.endsWith('.tmp')) continue;
		const file = join(dir, name);
		try {
			if (statSync(file).mtimeMs >= oldest) {
				kept += name.endsWith('.png') ? 1 : 0;
				continue;
			}
			rmSync(file, { force: true });
			removed += 1;
		} catch {
			// Removed by another build meanwhile, or not ours to remove: either way nothing to do.
		}
	}
	return { removed, kept };
}
