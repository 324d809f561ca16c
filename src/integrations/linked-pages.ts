import { existsSync, lstatSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readRecords, recordOf, unchangedSince, type FileRecord } from '../utils/file-digests.ts';
import { linkCopiesInThread } from './link-copies.ts';

/**
 * Where Astro's incremental build (astro.config.mjs) keeps its copy of each
 * page it rendered, and its record of them, in the cache folder
 * (astro/dist/core/build/incremental.js). If a later Astro moves them, no copy
 * is found: every unchanged page is then copied by Astro as before, and the
 * build test that compares inodes fails.
 */
const ASTRO_COPIES = 'dist';
const ASTRO_RECORD = 'incremental-build.json';

/** What each copy was when the last build finished ({@link FileRecord}s), so an edited or half-written copy is noticed. */
const RECORD_FILE = 'linked-pages.json';

/** A verified copy: its record, and which file it is (a page of the output linked to it is the same file). */
interface VerifiedCopy {
	record: FileRecord;
	dev: number;
	ino: number;
}

/**
 * The copies when every recorded copy is as recorded (each unchanged, none
 * missing), with the times found; else undefined. Only the recorded copies
 * are looked at: a file in the folder that no finished build recorded is
 * never linked, so it need not be found (walking the folder cost a rebuild
 * at 10,000 roles 12,000 directory reads, twice).
 */
function verifyCopies(folder: string, record: ReadonlyMap<string, FileRecord>): Map<string, VerifiedCopy> | undefined {
	const verified = new Map<string, VerifiedCopy>();
	for (const [path, known] of record) {
		const stat = statSync(join(folder, path), { throwIfNoEntry: false });
		const now = stat?.isFile() && unchangedSince(join(folder, path), known, stat);
		if (!stat || !now) return undefined;
		verified.set(path, { record: now, dev: stat.dev, ino: stat.ino });
	}
	return verified;
}

/** The records of the copies of these pages now: a copy of the same size and time as before keeps its digest; the others are read. A page with no copy has none. */
function recordCopies(folder: string, paths: Iterable<string>, before: ReadonlyMap<string, FileRecord>): Map<string, FileRecord> {
	const record = new Map<string, FileRecord>();
	for (const path of paths) {
		const stat = statSync(join(folder, path), { throwIfNoEntry: false });
		if (stat?.isFile()) record.set(path, recordOf(join(folder, path), before.get(path), stat));
	}
	return record;
}

/**
 * Empties the output folder as Astro would (its `.git` kept, for sites
 * deployed from a checkout of the output), except the files `keep` names:
 * returns their paths. Folders left empty go too.
 */
function emptyFolder(folder: string, keep: (path: string, stat: Stats) => boolean): Set<string> {
	const kept = new Set<string>();
	// Whether `dir` (`prefix` in the output) is empty once its files not kept are gone.
	const clear = (dir: string, prefix: string): boolean => {
		let left = 0;
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			const relativePath = prefix + entry.name;
			if (relativePath === '.git') left += 1;
			else if (entry.isDirectory()) {
				if (clear(path, `${relativePath}/`)) rmdirSync(path);
				else left += 1;
			} else if (keep(relativePath, lstatSync(path))) {
				kept.add(relativePath);
				left += 1;
			} else rmSync(path, { force: true, maxRetries: 3 });
		}
		return left === 0;
	};
	if (existsSync(folder)) clear(folder, '');
	return kept;
}

/** Whether a file of the output is the copy it was linked to, not a file written there since. */
function isTheCopy(stat: Stats | undefined, copy: VerifiedCopy | undefined): boolean {
	return copy !== undefined && stat !== undefined && stat.isFile() && stat.dev === copy.dev && stat.ino === copy.ino;
}

/** Removes a linked page no route claims any more, and the folders it leaves empty, up to the output folder. */
function unlinkStale(outDir: string, path: string): void {
	rmSync(join(outDir, path), { force: true });
	for (let folder = dirname(join(outDir, path)); folder.startsWith(outDir + sep); folder = dirname(folder)) {
		try {
			rmdirSync(folder);
		} catch {
			break; // not empty
		}
	}
}

/**
 * Astro's incremental build restores an unchanged page by copying the copy it
 * keeps in its cache folder into the emptied output folder: at 10,000 roles,
 * 11,800 pages and 900 MB written again after one changed posting, 9 of the
 * rebuild's 19 seconds of page generation. Astro keeps a page that is already
 * in the output folder when its copy would do. So this integration empties
 * the output folder itself, before Astro builds, and hard-links every copy
 * into it: a link costs no bytes. A page the build before left linked to its
 * copy stays where it is (removing and linking 12,000 pages again took a
 * rebuild in the same output folder 3.8 s at 10,000 roles). A page Astro
 * renders again is written through its link, which updates the copy too, as
 * Astro's own write of the copy would. Once Astro is done, a linked page that
 * no route made (a removed role) is removed, unless something wrote a file of
 * its own there since (src/integrations/role-cards.ts).
 *
 * A copy is only linked when every copy is as the last finished build left it
 * (size, and time or else bytes, recorded then; a copy written by this build
 * is read once for its digest): a build that stopped half way, or an output
 * page edited in place after the build (which edits its copy too), makes the
 * next build render every page again, so nothing edited ever comes back as a
 * cached page.
 */
export function linkedPages(): AstroIntegration {
	let outDir = '';
	let cacheDir = '';
	let linked: string[] = [];
	// Which file each linked page is: one replaced since (another integration wrote the path anew) is not a link any more.
	let linkedFiles = new Map<string, VerifiedCopy>();
	// The links being made while Vite bundles the pages: Astro must find them in place before it renders any.
	let linking: Promise<void> = Promise.resolve();
	let current = new Map<string, FileRecord>();
	return {
		name: 'careers-linked-pages',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({
					vite: {
						// Emptied here instead, before the links are made.
						build: { emptyOutDir: false },
						plugins: [
							{
								name: 'careers-linked-pages',
								// Vite runs the builder's own step (Astro's bundling) before the first hook ordered "post", and those in the
								// plugins' order: "pre" puts this one ahead of Astro's page generation (astro:build-generate, also "post").
								enforce: 'pre',
								buildApp: { order: 'post', handler: () => linking },
							},
						],
					},
				});
			},
			'astro:config:done': ({ config }) => {
				// Without the trailing separator of a folder's URL: unlinkStale stops at this path.
				outDir = resolve(fileURLToPath(config.outDir));
				cacheDir = fileURLToPath(config.cacheDir);
			},
			'astro:build:start': ({ logger }) => {
				const copies = join(cacheDir, ASTRO_COPIES);
				const recordFile = join(cacheDir, RECORD_FILE);
				const recorded = readRecords(recordFile);
				// Gone until this build finishes: a build that stops half way leaves none.
				rmSync(recordFile, { force: true });
				const hasCopies = existsSync(copies);
				const verified = hasCopies && recorded ? verifyCopies(copies, recorded) : undefined;
				// A page the build before linked to a copy still as recorded stays: unlinked and linked again it would be the same file.
				const kept = emptyFolder(outDir, (path, stat) => isTheCopy(stat, verified?.get(path)));
				linked = [];
				linkedFiles = verified ?? new Map();
				linking = Promise.resolve();
				current = new Map();
				if (!hasCopies) return;
				if (!verified) {
					rmSync(join(cacheDir, ASTRO_RECORD), { force: true });
					logger.info('cached pages changed since the last finished build, or it did not finish: every page is rendered again');
					return;
				}
				current = new Map([...verified].map(([path, copy]) => [path, copy.record]));
				linking = linkCopiesInThread(copies, outDir, [...verified.keys()].filter((path) => !kept.has(path))).then((made) => {
					linked = [...kept, ...made];
					const already = kept.size > 0 ? ` (${kept.size.toLocaleString('en-US')} of them there already)` : '';
					logger.info(`${linked.length.toLocaleString('en-US')} cached pages linked into the output${already}; Astro keeps the unchanged ones`);
				});
			},
			'astro:build:done': async ({ assets, logger }) => {
				await linking;
				const made = new Set<string>();
				for (const urls of assets.values()) for (const url of urls) made.add(relative(outDir, fileURLToPath(url)).split(sep).join('/'));
				const stale = linked.filter((path) => !made.has(path) && isTheCopy(lstatSync(join(outDir, path), { throwIfNoEntry: false }), linkedFiles.get(path)));
				for (const path of stale) unlinkStale(outDir, path);
				if (stale.length > 0) logger.info(`${stale.length.toLocaleString('en-US')} linked pages no route made any more removed from the output`);
				linked = [];
				linkedFiles = new Map();
				// Astro keeps a copy of each page it made (rendered, or kept as it was).
				const record = recordCopies(join(cacheDir, ASTRO_COPIES), made, current);
				current = new Map();
				if (record.size > 0) writeFileSync(join(cacheDir, RECORD_FILE), JSON.stringify(Object.fromEntries(record)));
			},
		},
	};
}
