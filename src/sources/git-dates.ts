import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { NormalizeOptions } from '../postings/normalize.ts';
import { gitText, runGit } from '../utils/git.ts';
import { writeWhole } from '../utils/write-whole.ts';

/** When each posting file was first and last committed, as far as the local git history tells (a deleted file's dates as they were before). */
export interface CommitDates {
	/** Absolute file path → YYYY-MM-DD of the commit that added it (following renames). */
	added: Map<string, string>;
	/** Absolute file path → YYYY-MM-DD of the last commit that changed it. */
	changed: Map<string, string>;
	/** Why the history may not tell the truth, e.g. a shallow clone; empty when it does. */
	caveat?: string;
}

/**
 * How alike a deleted file and a file added in the same commit must be for
 * the second to count as the first renamed. Git's own default, 50%, pairs
 * different roles of one employer, which share its introduction, benefits
 * and legal text: of 65 pairs of real postings from one board (the corpus's
 * Ashby, Greenhouse and Lever boards), 11 were 50–67% alike. A sync that
 * deletes retired roles in the commit that adds new ones would then give a
 * new role the date an old one was first posted. A posting renamed and
 * edited a little (its title, a line or two) stays well above this.
 */
const RENAME_SIMILARITY = '80%';

/** A file's dates, by its path in the repository. */
type Dates = Map<string, { added: string; changed: string }>;

/**
 * Applies `git log --reverse --name-status` output (commits oldest first) to
 * the dates known so far: an added file gets the commit's day for both, a
 * changed one a new last day, a renamed one keeps its first day.
 */
function applyLog(log: string, byPath: Dates): void {
	for (const commit of log.split('\0').slice(1)) {
		const [date = '', ...lines] = commit.split('\n');
		for (const line of lines) {
			const [status = '', first = '', second] = line.split('\t');
			if (status === 'A') byPath.set(first, { added: date, changed: date });
			// A deleted file keeps the dates it had: a preview's baseline normalizes it as it was at the merge base,
			// and a closed role's last change is when it closed (src/routing/visibility.ts, `isRetired`).
			else if (status === 'D') continue;
			else if (status.startsWith('R') && second) {
				byPath.set(second, { added: byPath.get(first)?.added ?? date, changed: date });
				byPath.delete(first);
			} else if (first) {
				const known = byPath.get(first);
				byPath.set(first, { added: known?.added ?? date, changed: date });
			}
		}
	}
}

/** What {@link commitDates} keeps between builds: the dates as of one commit. */
interface Remembered {
	/** Bumped with anything that changes the dates read from the same history. */
	version: string;
	/** The folder, as given. */
	dir: string;
	/** The commit the dates are of. */
	head: string;
	/** [path in the repository, first day, last day] of each file. */
	files: Array<[string, string, string]>;
}

const REMEMBERED_VERSION = `1 renames ${RENAME_SIMILARITY}`;

/** The dates remembered for this folder, or undefined (none, unreadable, another folder's or other code's). */
function recall(file: string | undefined, dir: string): Remembered | undefined {
	if (!file) return undefined;
	try {
		const remembered = JSON.parse(readFileSync(file, 'utf8')) as Remembered;
		return remembered.version === REMEMBERED_VERSION && remembered.dir === dir && Array.isArray(remembered.files) ? remembered : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The log of the commits since `since` (oldest first), when the dates as of
 * `since` plus that log are what a log of the whole history would give:
 * `since` is an ancestor of HEAD and no merge came in after it. A merge may
 * bring commits older than ones already read, which the whole log would
 * read in another order, so then the whole history is read.
 */
function logSince(top: string, since: string, log: (range: string[]) => string[]): string | undefined {
	if (!runGit(top, ['merge-base', '--is-ancestor', since, 'HEAD']).ok) return undefined;
	const merges = runGit(top, ['rev-list', '--merges', '--max-count=1', `${since}..HEAD`]);
	if (!merges.ok || merges.stdout.length > 0) return undefined;
	const result = runGit(top, log([`${since}..HEAD`]));
	return result.ok ? result.stdout.toString('utf8') : undefined;
}

/**
 * Reads when each file in a folder was first and last committed, in one
 * `git log` for the whole folder (one call per file would take seconds at a
 * thousand postings). A renamed file keeps the date of the commit that added
 * it under its first name, so renaming a posting file does not make it look
 * new; a different file that merely resembles a deleted one is new.
 *
 * The log of the whole history grows with every commit (a daily sync of a
 * large board: about a second more for every hundred days), and every build
 * asks. With `remember`, a file in the build's cache folder, the dates are
 * kept there with the commit they are of, and the next build reads only the
 * commits since (the same dates: see `logSince`); not in a shallow clone,
 * whose history is not the one remembered.
 *
 * @param remember where to keep the dates between builds (written whole; a missing or damaged file means reading the whole history)
 */
export function commitDates(dir: string, remember?: string): CommitDates {
	const added = new Map<string, string>();
	const changed = new Map<string, string>();
	// No repository, or no git: the caller falls back to the build date.
	const top = gitText(dir, ['rev-parse', '--show-toplevel'])?.trim();
	if (!top) return { added, changed };
	const shallow = gitText(top, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true';
	const head = shallow ? undefined : gitText(top, ['rev-parse', '--verify', '--quiet', 'HEAD'])?.trim();
	// Oldest commit first, with rename detection: "A\tpath", "M\tpath", "R085\told\tnew", "D\tpath".
	const log = (range: string[]) => ['log', '--reverse', `--find-renames=${RENAME_SIMILARITY}`, '--format=%x00%cs', '--name-status', ...range, '--', resolve(dir)];
	const remembered = head ? recall(remember, dir) : undefined;
	// The commits after the remembered ones ('' when HEAD is the remembered commit), or undefined: the whole history, then.
	const since = remembered && (remembered.head === head ? '' : logSince(top, remembered.head, log));
	const byPath: Dates = new Map(since === undefined ? [] : remembered?.files.map(([path, first, last]) => [path, { added: first, changed: last }]));
	const whole = since === undefined ? runGit(top, log([])) : undefined;
	applyLog(since ?? (whole?.ok ? whole.stdout.toString('utf8') : ''), byPath);
	// Dates git could not give are not remembered: the next build asks again.
	if (remember && head && since !== '' && whole?.ok !== false) {
		const files = [...byPath].map(([path, dates]): [string, string, string] => [path, dates.added, dates.changed]);
		try {
			mkdirSync(dirname(remember), { recursive: true });
			writeWhole(remember, JSON.stringify({ version: REMEMBERED_VERSION, dir, head, files } satisfies Remembered));
		} catch {
			// A cache folder that cannot be written only costs the next build the whole log.
		}
	}
	for (const [path, dates] of byPath) {
		added.set(resolve(top, path), dates.added);
		changed.set(resolve(top, path), dates.changed);
	}
	return shallow
		? {
				added,
				changed,
				caveat: 'this is a shallow git clone, so first-commit dates may be the clone date; fetch the full history (e.g. `fetch-depth: 0`) or set `datePosted:`',
			}
		: { added, changed };
}

/**
 * The pipeline's date options from a folder's history: each file's dates by
 * the name the pipeline knows it by (`SourceFile.file`), and the caveat.
 *
 * @param shown the name of a file, from its absolute path
 */
export function dateOptions(history: CommitDates, shown: (path: string) => string): Pick<NormalizeOptions, 'firstCommitted' | 'lastCommitted' | 'historyCaveat'> {
	const byFile = (dates: Map<string, string>) => new Map([...dates].map(([path, date]) => [shown(path), date]));
	return { firstCommitted: byFile(history.added), lastCommitted: byFile(history.changed), ...(history.caveat ? { historyCaveat: history.caveat } : {}) };
}
