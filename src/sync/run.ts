/**
 * One sync run: read the board, plan against the postings folder, check the
 * result with the real pipeline, then write. Nothing is written unless the
 * whole board was read and understood, so a failure half way leaves the
 * folder as it was.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeWhole } from '../utils/write-whole.ts';
import type { Site } from '../schemas/site.ts';
import type { AtsSystem } from '../schemas/ats-link.ts';
import { AtsHttpError, AtsResponseError, createHttpClient, type HttpOptions } from '../ats/shared/http.ts';
import { sources } from '../ats/registry.ts';
import type { BoardSnapshot, Progress } from '../ats/shared/types.ts';
import { normalizePostings, type SourceFile } from '../postings/normalize.ts';
import { hasPostingExtension, isSkippedName } from '../sources/posting-file.ts';
import { PostingErrors } from '../postings/errors.ts';
import { commitDates, dateOptions } from '../sources/git-dates.ts';
import { isRetired } from '../routing/visibility.ts';
import { planSync, type LocalFile, type SyncPlan } from './plan.ts';

/** Options of {@link runSync}. */
export interface SyncOptions {
	system: AtsSystem;
	board: string;
	/** The postings folder. */
	dir: string;
	/** Site settings, for checking the result with the pipeline. */
	site: Site;
	/** Apply even a plan that closes every role. */
	force?: boolean;
	/** Plan and report, but write nothing. */
	dryRun?: boolean;
	/** API host instead of the vendor's (Lever's EU host, a proxy, a test server). */
	baseUrl?: string;
	/** Timeouts, retries, and in tests the fetch and the clock. */
	http?: HttpOptions;
	progress?: Progress;
	/** Build day for the pipeline check (YYYY-MM-DD); defaults to today. */
	today?: string;
}

/** What a run did. */
export interface SyncReport extends SyncPlan {
	/** Rows the ATS returned. */
	total: number;
	/** Whether files were written (false on a dry run or a refusal). */
	written: boolean;
}

/** Runs one sync. Never throws for ATS or content problems: they come back as a refusal or as rejected rows. */
export async function runSync(options: SyncOptions): Promise<SyncReport> {
	const source = sources[options.system];
	const client = createHttpClient({
		userAgent: 'careers-site-sync',
		...options.http,
		onRetry: (info) => {
			options.progress?.(`${info.reason}; retrying in ${(info.waitMs / 1000).toFixed(1)} s (attempt ${info.attempt + 1})`);
			options.http?.onRetry?.(info);
		},
	});
	let snapshot: BoardSnapshot;
	try {
		options.progress?.(`reading ${source.label} ${source.boardTerm} "${options.board}"`);
		snapshot = await source.fetchBoard(options.board, {
			client,
			defaultCountry: options.site.defaultCountry,
			...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
			...(options.progress ? { progress: options.progress } : {}),
		});
	} catch (error) {
		if (error instanceof AtsHttpError || error instanceof AtsResponseError) {
			const what = error instanceof AtsHttpError && error.unreachable ? 'could not be reached' : 'answered with something unexpected';
			return refusal(options, `${source.label} ${what}: ${error.message}. Nothing was changed.`);
		}
		throw error;
	}

	mkdirSync(options.dir, { recursive: true });
	const files: LocalFile[] = readdirSync(options.dir)
		.filter((name) => hasPostingExtension(name) && !isSkippedName(name))
		.sort()
		.map((name) => ({ name, text: readFileSync(join(options.dir, name), 'utf8') }));

	const today = options.today ?? new Date().toISOString().slice(0, 10);
	const takenSlugs = (): Set<string> => {
		const taken = new Set<string>();
		try {
			for (const posting of normalizePostings(asSources(files), options.site, { today }).postings) {
				taken.add(posting.slug);
				for (const former of posting.formerSlugs) taken.add(former);
			}
		} catch (error) {
			if (!(error instanceof PostingErrors)) throw error;
			// The folder already fails to build; the check below reports it. Slugs in front matter are still known.
		}
		return taken;
	};

	options.progress?.(`planning against ${files.length} posting files`);
	const notes: string[] = [];
	const retired = (names: readonly string[]) => retiredFiles(names, files, options, today, notes);
	const plan = planSync(snapshot, files, { ...(options.force ? { force: true } : {}), takenSlugs, retired });
	plan.notes.push(...notes);
	if (!plan.refusal) checkWithPipeline(plan, files, options.site, today);

	const report: SyncReport = { ...plan, total: snapshot.total, written: false };
	if (plan.refusal || options.dryRun || (plan.changes.length === 0 && plan.removed.length === 0)) return report;
	for (const change of plan.changes) {
		// Written whole: an interrupted sync never leaves half a posting behind, and a leftover is a hidden file, which the folder's reader skips.
		writeWhole(join(options.dir, change.name), change.text, join(options.dir, `.${change.name}.sync-tmp`));
	}
	for (const removed of plan.removed) rmSync(join(options.dir, removed.name));
	return { ...report, written: true };
}

/**
 * Of the named files (closed roles gone from the ATS), those whose roles the
 * site has retired (`closedRoleDays`): by the same rule, and the same dates
 * from git, as the build that would leave them out. A file whose last commit
 * git does not know is kept, since when it closed is unknown (the pipeline
 * would take its posting date); so is every file when the folder fails to build.
 */
function retiredFiles(names: readonly string[], files: readonly LocalFile[], options: SyncOptions, today: string, notes: string[]): Set<string> {
	const days = options.site.closedRoleDays;
	if (days === undefined) return new Set();
	const history = commitDates(options.dir);
	// A shallow clone's dates are its oldest commit's at the earliest: files leave later than they could, never early.
	if (history.caveat) notes.push(`closed roles' files may be deleted later than \`closedRoleDays\` says: ${history.caveat}`);
	const known = new Set([...history.changed.keys()].map((path) => relative(options.dir, path)));
	const wanted = new Set(names.filter((name) => known.has(name)));
	if (wanted.size < names.length) {
		const kept = names.length - wanted.size;
		notes.push(`${kept} closed role${kept === 1 ? "'s file was" : "s' files were"} kept: git has no commit of ${kept === 1 ? 'it' : 'them'}, so when ${kept === 1 ? 'it' : 'they'} closed is unknown`);
	}
	if (wanted.size === 0) return new Set();
	let postings;
	try {
		postings = normalizePostings(asSources(files.filter((file) => wanted.has(file.name))), options.site, { today, ...dateOptions(history, (path) => relative(options.dir, path)) }).postings;
	} catch (error) {
		if (!(error instanceof PostingErrors)) throw error;
		notes.push(`no closed role's file was deleted: ${error.errors.length === 1 ? 'one of them fails' : 'some of them fail'} to build (${error.errors[0]!.message})`);
		return new Set();
	}
	const clock = { preview: false, builtAt: `${today}T00:00:00.000Z` };
	return new Set(postings.filter((posting) => isRetired(posting, clock, days)).map((posting) => posting.file));
}

function refusal(options: SyncOptions, reason: string): SyncReport {
	return {
		system: options.system,
		board: options.board,
		changes: [],
		removed: [],
		unchanged: [],
		rejected: [],
		skipped: [],
		kept: [],
		notes: [],
		refusal: reason,
		total: 0,
		written: false,
	};
}

function asSources(files: readonly LocalFile[]): SourceFile[] {
	return files.map((file) => ({ file: file.name, source: file.text }));
}

/**
 * Runs the pipeline over the folder as it would be after the sync. A change
 * the pipeline cannot build is taken back and its row reported as rejected,
 * so the pull request always builds; problems in files the sync did not
 * touch are left for the build to report, as notes here.
 */
function checkWithPipeline(plan: SyncPlan, files: readonly LocalFile[], site: Site, today: string): void {
	for (let round = 0; round < 5 && plan.changes.length > 0; round += 1) {
		const after = new Map(files.map((file) => [file.name, file.text]));
		for (const change of plan.changes) after.set(change.name, change.text);
		for (const removed of plan.removed) after.delete(removed.name);
		try {
			normalizePostings(
				[...after].map(([file, source]) => ({ file, source })),
				site,
				{ today },
			);
			return;
		} catch (error) {
			if (!(error instanceof PostingErrors)) throw error;
			const changed = new Map(plan.changes.map((change) => [change.name, change]));
			const bad = error.errors.filter((problem) => changed.has(problem.file));
			if (bad.length === 0) {
				for (const problem of error.errors) plan.notes.push(`already failing before the sync: ${problem.message}`);
				return;
			}
			for (const problem of bad) {
				const change = changed.get(problem.file)!;
				plan.rejected.push({ id: change.id, field: problem.field, message: `${problem.expected} (the change to ${change.name} was not made)` });
			}
			const names = new Set(bad.map((problem) => problem.file));
			plan.changes = plan.changes.filter((change) => !names.has(change.name));
			plan.unchanged.push(...bad.map((problem) => problem.file).filter((name) => files.some((file) => file.name === name)));
		}
	}
}
