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
	/** The commit the dates are of: HEAD, or HEAD's first parent when HEAD is a merge. */
	head: string;
	/** [path in the repository, first day, last day] of each file. */
	files: Array<[string, string, string]>;
}

const REMEMBERED_VERSION = `2 first-parent, renames ${RENAME_SIMILARITY}`;

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
 * The log of the commits after `since` up to `until` (oldest first), when
 * `since` is on `until`'s first-parent line: the dates as of `since` plus
 * that log are then what the log of the whole line gives, since the line is
 * one chain of commits read in its own order. Undefined otherwise (an
 * amended commit, a force push, a commit of a branch merged since rather
 * than of this line): then the whole line is read.
 */
function logSince(top: string, since: string, until: string, log: (range: string[]) => string[]): string | undefined {
	// Newest first, each commit with its parents; the walk stops at the first commit `since` reaches.
	const line = runGit(top, ['rev-list', '--first-parent', '--parents', `${since}..${until}`]);
	const oldest = line.ok ? line.stdout.toString('utf8').trim().split('\n').at(-1)?.split(' ') : undefined;
	if (oldest?.[1] !== since) return undefined;
	const result = runGit(top, log([`${since}..${until}`]));
	return result.ok ? result.stdout.toString('utf8') : undefined;
}

/**
 * Reads when each file in a folder was first and last committed, in one
 * `git log` for the whole folder (one call per file would take seconds at a
 * thousand postings). A renamed file keeps the date of the commit that added
 * it under its first name, so renaming a posting file does not make it look
 * new; a different file that merely resembles a deleted one is new.
 *
 * The history read is the first-parent line of HEAD, a merge counting as one
 * change on the day it was made: a posting is posted when it reaches the
 * branch that is built, not when it was first committed on a branch merged
 * later. That is also what makes the line cheap to extend (below): it is one
 * chain, read in its own order, where a merge's commits would otherwise be
 * read among older ones by their dates.
 *
 * The log of the whole line grows with every commit (a daily sync of a large
 * board: about a second more for every hundred days), and every build asks.
 * With `remember`, a file in the build's cache folder, the dates are kept
 * there with the commit they are of, and the next build reads only the
 * commits since (the same dates). When HEAD is a merge (a pull request's
 * preview checks out GitHub's merge of the pull request into its base), the
 * dates kept are those of its first parent, the base branch: each push to
 * the pull request makes a new merge on a base branch that has only moved
 * on, and the merge itself is read every time. Not in a shallow clone, whose
 * history is not the one remembered.
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
	// HEAD and its parents; none before the first commit, or in a shallow clone, which remembers nothing.
	const [head, firstParent, ...others] = shallow ? [] : (gitText(top, ['rev-list', '--parents', '--max-count=1', 'HEAD'])?.split(' ') ?? []);
	// The commit whose dates are kept: a merge's first parent, a base branch that later merges build on.
	const anchor = others.length > 0 ? firstParent : head;
	// Oldest commit first, a merge's changes taken against its first parent, with rename detection: "A\tpath", "M\tpath", "R085\told\tnew", "D\tpath".
	const log = (range: string[]) => ['log', '--reverse', '--first-parent', '--diff-merges=first-parent', `--find-renames=${RENAME_SIMILARITY}`, '--format=%x00%cs', '--name-status', ...range, '--', resolve(dir)];
	const remembered = anchor ? recall(remember, dir) : undefined;
	// The commits after the remembered ones ('' when the anchor is the remembered commit), or undefined: the whole line, then.
	const since = remembered && anchor && (remembered.head === anchor ? '' : logSince(top, remembered.head, anchor, log));
	const byPath: Dates = new Map(since === undefined ? [] : remembered?.files.map(([path, first, last]) => [path, { added: first, changed: last }]));
	const whole = since === undefined ? runGit(top, log([anchor ?? 'HEAD'])) : undefined;
	applyLog(since ?? (whole?.ok ? whole.stdout.toString('utf8') : ''), byPath);
	// Dates git could not give are not remembered: the next build asks again.
	if (remember && anchor && since !== '' && whole?.ok !== false) {
		const files = [...byPath].map(([path, dates]): [string, string, string] => [path, dates.added, dates.changed]);
		try {
			mkdirSync(dirname(remember), { recursive: true });
			writeWhole(remember, JSON.stringify({ version: REMEMBERED_VERSION, dir, head: anchor, files } satisfies Remembered));
		} catch {
			// A cache folder that cannot be written only costs the next build the whole log.
		}
	}
	// HEAD itself, when it is a merge: its changes against the anchor, on its day.
	if (anchor !== head) {
		const merge = runGit(top, log([`${anchor}..HEAD`]));
		if (merge.ok) applyLog(merge.stdout.toString('utf8'), byPath);
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
