import { resolve } from 'node:path';
import type { NormalizeOptions } from '../postings/normalize.ts';
import { gitText } from '../utils/git.ts';

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

/**
 * Reads when each file in a folder was first and last committed, in one
 * `git log` for the whole folder (one call per file would take seconds at a
 * thousand postings). A renamed file keeps the date of the commit that added
 * it under its first name, so renaming a posting file does not make it look
 * new; a different file that merely resembles a deleted one is new.
 */
export function commitDates(dir: string): CommitDates {
	const added = new Map<string, string>();
	const changed = new Map<string, string>();
	// No repository, or no git: the caller falls back to the build date.
	const top = gitText(dir, ['rev-parse', '--show-toplevel'])?.trim();
	if (!top) return { added, changed };
	// Oldest commit first, with rename detection: "A\tpath", "M\tpath", "R100\told\tnew", "D\tpath".
	const log = gitText(top, ['log', '--reverse', `--find-renames=${RENAME_SIMILARITY}`, '--format=%x00%cs', '--name-status', '--', resolve(dir)]);
	if (log === undefined) return { added, changed };
	const byPath = new Map<string, { added: string; changed: string }>();
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
	for (const [path, dates] of byPath) {
		added.set(resolve(top, path), dates.added);
		changed.set(resolve(top, path), dates.changed);
	}
	const shallow = gitText(top, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true';
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
