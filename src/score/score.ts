/**
 * Scores the pipeline against the hand-labelled real-postings corpus: each
 * board is served by the stand-in server at the vendor's real API paths,
 * synced by the real sync (the vendor's source, the planner, the pipeline
 * check) into an empty folder, normalized by the real pipeline, and every
 * posting compared with its labels (rules in ./match.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAtsSystem } from '../ats/registry.ts';
import { normalizePostings } from '../postings/normalize.ts';
import { PostingErrors } from '../postings/errors.ts';
import type { AtsSystem } from '../schemas/ats-link.ts';
import type { Label } from '../schemas/corpus-labels.ts';
import type { Posting } from '../schemas/posting.ts';
import type { Site } from '../schemas/site.ts';
import { fileNameFor } from '../sync/plan.ts';
import { runSync } from '../sync/run.ts';
import { readCorpus } from './corpus.ts';
import { judgePosting, scoredFields, type ScoredField } from './match.ts';
import { startAtsServer } from './stand-in-server.ts';
import { standIns } from './stand-ins.ts';

/**
 * The one place the score meets the list of sources: the system a vendor
 * folder is synced as, or undefined when no source reads that vendor yet.
 */
export function syncedAs(vendor: string): AtsSystem | undefined {
	return isAtsSystem(vendor) ? vendor : undefined;
}

/** Right out of all. */
export interface Tally {
	right: number;
	total: number;
}

/** One-to-one matching figures over the whole corpus. */
export interface MatchFigures {
	/** Labelled items. */
	expected: number;
	/** Items the pipeline produced for labelled postings. */
	got: number;
	matched: number;
	/** matched / got (1 when nothing was produced). */
	precision: number;
	/** matched / expected (1 when nothing was labelled). */
	recall: number;
}

/** One field of one posting that is not what its label says. */
export interface Miss {
	/** `<vendor>/<board>`. */
	board: string;
	id: string;
	/** `posting` when the posting is missing altogether (then every field counts as wrong). */
	field: ScoredField | 'posting';
	expected: string;
	got: string;
}

/** Everything a score run measured. */
export interface Score {
	postings: {
		/** Labelled postings of vendors with a source. */
		scored: number;
		/** Of those, postings the sync left out or the pipeline could not build: wrong on every field. */
		missing: number;
		/** Labelled postings by vendor that no source reads yet. */
		notScored: Record<string, number>;
		/** Postings a sync produced that no label describes (ids by board). */
		unlabelled: string[];
	};
	fields: Record<ScoredField, Tally>;
	/** All scored fields of all scored postings. */
	overall: Tally;
	byVendor: Record<string, Tally>;
	places: MatchFigures & {
		/** Matched places whose workplace is the labelled one. */
		workplace: Tally;
	};
	payRanges: MatchFigures;
	misses: Miss[];
}

/** Options of {@link scoreCorpus}. */
export interface ScoreOptions {
	/** The corpus folder (tests/fixtures/real). */
	root: string;
	/** Site settings for the pipeline. */
	site: Site;
	/** Build day for the sync and the pipeline (YYYY-MM-DD); no scored field depends on it. */
	today: string;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/**
 * Runs the whole score. Never fails for what the pipeline or a source does
 * wrong (that is what it measures); fails only when the corpus itself cannot
 * be read or the machinery breaks.
 */
export async function scoreCorpus(options: ScoreOptions): Promise<Score> {
	const corpus = readCorpus(options.root);
	const score: Score = {
		postings: { scored: 0, missing: 0, notScored: {}, unlabelled: [] },
		fields: Object.fromEntries(scoredFields.map((field) => [field, { right: 0, total: 0 }])) as Record<ScoredField, Tally>,
		overall: { right: 0, total: 0 },
		byVendor: {},
		places: { expected: 0, got: 0, matched: 0, precision: 1, recall: 1, workplace: { right: 0, total: 0 } },
		payRanges: { expected: 0, got: 0, matched: 0, precision: 1, recall: 1 },
		misses: [],
	};
	const server = await startAtsServer();
	const work = mkdtempSync(join(tmpdir(), 'careers-score-'));
	try {
		for (const [vendor, files] of corpus) {
			const system = syncedAs(vendor);
			const standIn = standIns[vendor];
			if (!system || !standIn) {
				score.postings.notScored[vendor] = files.reduce((sum, file) => sum + file.labels.length, 0);
				continue;
			}
			const tally = (score.byVendor[vendor] = { right: 0, total: 0 });
			for (const { board, files: served } of standIn(server, files)) {
				const labels = served.flatMap((file) => file.labels);
				const synced = await syncBoard(system, board, server.url, join(work, vendor, board), options);
				const name = `${vendor}/${board}`;
				for (const label of labels) {
					const file = fileNameFor(system, label.id);
					const posting = synced.postings.get(file);
					synced.postings.delete(file);
					score.postings.scored += 1;
					if (posting) judge(score, tally, name, label, posting, options.site.lang);
					else missing(score, tally, name, label, synced.why(label.id));
				}
				score.postings.unlabelled.push(...[...synced.postings.keys()].map((file) => `${name} ${file}`));
			}
		}
	} finally {
		await server.close();
		rmSync(work, { recursive: true, force: true });
	}
	for (const figures of [score.places, score.payRanges]) {
		figures.precision = ratio(figures.matched, figures.got);
		figures.recall = ratio(figures.matched, figures.expected);
	}
	return score;
}

/** What one board's sync left in its folder, normalized, and why a labelled posting is not there. */
interface SyncedBoard {
	/** Normalized postings by file name. */
	postings: Map<string, Posting>;
	why(id: string): string;
}

async function syncBoard(system: AtsSystem, board: string, baseUrl: string, dir: string, options: ScoreOptions): Promise<SyncedBoard> {
	// No retries: the stand-in answers at once, and an error it gives is a finding, not a hiccup.
	const report = await runSync({ system, board, dir, site: options.site, baseUrl, today: options.today, http: { retries: 0 } });
	const postings = new Map<string, Posting>();
	let failure: string | undefined;
	const files = readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => ({ file: entry.name, source: readFileSync(join(dir, entry.name), 'utf8') }));
	try {
		for (const posting of normalizePostings(files, options.site, { today: options.today }).postings) postings.set(posting.file, posting);
	} catch (error) {
		if (!(error instanceof PostingErrors)) throw error;
		failure = `the pipeline failed on the synced folder: ${error.message}`;
	}
	return {
		postings,
		why(id) {
			if (report.refusal) return `sync refused: ${report.refusal}`;
			const rejected = report.rejected.filter((rejection) => rejection.id === id);
			if (rejected.length > 0) return `rejected: ${rejected.map((rejection) => `${rejection.field}: ${rejection.message}`).join('; ')}`;
			const skipped = report.skipped.find((skip) => skip.id === id);
			if (skipped) return `skipped: ${skipped.reason}`;
			return failure ?? 'not synced (no rejection or skip names it)';
		},
	};
}

function judge(score: Score, tally: Tally, board: string, label: Label, posting: Posting, siteLang: string): void {
	const verdict = judgePosting(label, posting, siteLang);
	for (const field of verdict.fields) {
		count(score, tally, field.field, field.right);
		if (!field.right) score.misses.push({ board, id: label.id, field: field.field, expected: field.expected, got: field.got });
	}
	const { places, payRanges } = verdict;
	score.places.expected += label.places.length;
	score.places.got += posting.locations.length;
	score.places.matched += places.pairs.length;
	score.places.workplace.total += places.pairs.length;
	score.places.workplace.right += verdict.workplacesRight;
	score.payRanges.expected += label.payRanges.length;
	score.payRanges.got += posting.payRanges.length;
	score.payRanges.matched += payRanges.pairs.length;
}

function missing(score: Score, tally: Tally, board: string, label: Label, why: string): void {
	score.postings.missing += 1;
	for (const field of scoredFields) count(score, tally, field, false);
	score.places.expected += label.places.length;
	score.payRanges.expected += label.payRanges.length;
	score.misses.push({ board, id: label.id, field: 'posting', expected: `"${label.title}"`, got: `no posting (${why})` });
}

function count(score: Score, tally: Tally, field: ScoredField, right: boolean): void {
	const add = right ? 1 : 0;
	score.fields[field].total += 1;
	score.fields[field].right += add;
	score.overall.total += 1;
	score.overall.right += add;
	tally.total += 1;
	tally.right += add;
}
