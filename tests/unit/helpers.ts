import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { stringify } from 'yaml';
import type { AtsPosting, BoardSnapshot } from '../../src/ats/shared/types.ts';
import { planSync } from '../../src/sync/plan.ts';
import { isAtsSystem, sources } from '../../src/ats/registry.ts';
import { normalizePostings, type Catalogue, type SourceFile } from '../../src/postings/normalize.ts';
import { readSiteConfig } from '../../src/config/site-config.ts';
import type { Site } from '../../src/schemas/site.ts';

/** Folder of test fixtures. */
export const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

/** The site settings the seed postings were written for. */
export const site: Site = readSiteConfig(join(FIXTURES, 'site.yaml'));

/** The five seed postings, as files. */
export function seedFiles(): SourceFile[] {
	const dir = join(FIXTURES, 'seeds');
	return readdirSync(dir)
		.sort()
		.map((name) => ({ file: `tests/fixtures/seeds/${name}`, source: readFileSync(join(dir, name), 'utf8') }));
}

/** The build day the unit tests pretend it is, so fallback dates are exact. */
export const TODAY = '2026-11-23';

let seeds: Catalogue | undefined;
/** The seed postings through the whole pipeline (computed once). */
export function seedCatalogue(): Catalogue {
	seeds ??= normalizePostings(seedFiles(), site, { today: TODAY });
	return seeds;
}

/** Finds a seed posting by the start of its file name, e.g. "003". */
export function seed(prefix: string) {
	const posting = seedCatalogue().postings.find((candidate) => candidate.file.includes(`/${prefix}_`));
	if (!posting) throw new Error(`no seed ${prefix}`);
	return posting;
}

/** Plain text of an HTML fragment, whitespace collapsed. */
export function textOf(html: string): string {
	return cheerio.load(html, null, false).text().replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Runs the pipeline and returns the error message it throws (or fails the test). */
export function errorOf(files: SourceFile[], settings: Site = site): string {
	try {
		normalizePostings(files, settings);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('expected the pipeline to fail');
}

/** Text of each block (paragraph, list item, heading, line) of an HTML fragment, in order. */
export function blockTexts(html: string): string[] {
	const $ = cheerio.load(html, null, false);
	$('br').replaceWith('\n');
	$('p, li, h1, h2, h3, h4, h5, h6, div, td, th, dt, dd').append('\n');
	return $.root()
		.text()
		.split('\n')
		.map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
		.filter(Boolean);
}

/** A mapped ATS posting as a posting file, the way the sync names it: its fields as front matter, then its HTML. */
export function atsPostingFile(posting: AtsPosting): SourceFile {
	return { file: `content/postings/${posting.system}-${posting.id}.html`, source: `---\n${stringify(posting.fields)}---\n${posting.html}\n` };
}

/** One company's board from the corpus of real postings, as posting files. */
export interface RealBoard {
	/** `<vendor>/<board>`, e.g. `greenhouse/acme`. */
	name: string;
	files: SourceFile[];
}

/**
 * The corpus of real postings of other companies (tests/fixtures/real/), each
 * vendor's raw rows mapped by its registered source (`mapDocument`) to posting files,
 * the way `npm run sync` writes them. Rows a source rejects are left out here;
 * the score command counts them.
 */
export function realBoards(): RealBoard[] {
	const root = join(FIXTURES, 'real');
	const boards: RealBoard[] = [];
	for (const vendor of existsSync(root) ? readdirSync(root).sort() : []) {
		if (!isAtsSystem(vendor)) continue;
		for (const name of readdirSync(join(root, vendor)).sort()) {
			if (!name.endsWith('.json')) continue;
			const board = name.replace(/\.json$/, '');
			const document: unknown = JSON.parse(readFileSync(join(root, vendor, name), 'utf8'));
			const snapshot: BoardSnapshot = { ...sources[vendor].mapDocument(document, board), rejected: [], skipped: [], total: 0 };
			// The files exactly as `npm run sync` would write them into an empty folder (slugs made unique).
			const plan = planSync(snapshot, [], { takenSlugs: new Set() });
			boards.push({ name: `${vendor}/${board}`, files: plan.changes.map((change) => ({ file: `content/postings/${change.name}`, source: change.text })) });
		}
	}
	return boards;
}
