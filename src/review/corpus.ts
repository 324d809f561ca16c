import { isPlainProse } from '../postings/text.ts';
import type { Posting } from '../schemas/posting.ts';
import type { Finding } from '../schemas/review.ts';
import { rolePlainText } from '../preview/role.ts';

/**
 * Plain text of a posting's own role text (the pipeline has already moved
 * company text out), in one line. Read once per posting
 * ({@link rolePlainText}): the duplicate and length checks and the
 * pay-disclosure check each read it, for every role of the site, and a
 * preview's comparison reads the same walk's other shape.
 */
export function roleText(posting: Posting): string {
	return rolePlainText(posting).flat;
}

/** Words of the role text, lower-cased, in order, repeats included. */
function words(text: string): string[] {
	const lower = text.toLowerCase();
	// The same words without the Unicode classes where the only letters and digits are ASCII ones (a third of a 10,000-role review's tokenizing).
	return (isPlainProse(lower) ? lower.match(/[a-z0-9][a-z0-9+#'’-]*/g) : lower.match(/[\p{L}\p{N}][\p{L}\p{N}+#'’-]*/gu)) ?? [];
}

/** Words of the role text, lower-cased, as a set. */
export function tokenSet(text: string): Set<string> {
	return new Set(words(text));
}

/**
 * A number for each word, in the order words are first met. Sets of words are
 * compared as sorted arrays of their numbers: at 10,000 roles, sorting and
 * hashing the words themselves (2.5 million of them) was most of the duplicate check.
 */
export class Vocabulary {
	readonly #ids = new Map<string, number>();

	/** The distinct words of a text, as {@link tokenSet} reads them: their numbers, ascending. */
	wordsOf(text: string): Int32Array {
		return this.idsOf(words(text));
	}

	/** The numbers of the given words, each once, ascending. */
	idsOf(list: Iterable<string>): Int32Array {
		const ids: number[] = [];
		for (const word of list) {
			let id = this.#ids.get(word);
			if (id === undefined) this.#ids.set(word, (id = this.#ids.size));
			ids.push(id);
		}
		const sorted = new Int32Array(ids).sort();
		let kept = 0;
		for (let at = 0; at < sorted.length; at += 1) if (at === 0 || sorted[at] !== sorted[at - 1]) sorted[kept++] = sorted[at]!;
		return sorted.subarray(0, kept);
	}
}

/** Jaccard similarity of two sets: shared words over all words, 0 to 1. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	if (a.size === 0 && b.size === 0) return 1;
	let shared = 0;
	for (const word of a) if (b.has(word)) shared += 1;
	return shared / (a.size + b.size - shared);
}

/**
 * Above this share of common words two role texts are the same role posted
 * twice (or copied and barely edited). Word sets ignore order and repetition,
 * so reordered or lightly edited copies still score high, and the company
 * text is already gone, so shared boilerplate does not lift distinct roles.
 * Measured on the seeds: the closest distinct pair, two Workers Runtime roles
 * (000, an engineering manager, and 001, a C++ engineer) that share the team
 * description, scores 0.54; other pairs 0.12–0.32. A copy with a new title
 * and a paragraph or two changed stays above 0.8, so 0.8 leaves a margin
 * both ways.
 */
export const DUPLICATE_THRESHOLD = 0.8;

/** An open role as the duplicate check reads it. */
interface Compared {
	posting: Posting;
	/** Its order among the open roles: the earlier of two duplicates is the one named. */
	at: number;
	/** The ids of its places; '' alone for a role that names none. */
	places: string[];
}

/** The open roles whose role texts have the same set of words. */
interface WordGroup {
	/** Its words' numbers in the run's {@link Vocabulary}, ascending. */
	words: Int32Array;
	/** The earliest of them in each place. */
	firstIn: Map<string, Compared>;
	members: Compared[];
}

/**
 * Near-duplicate open roles: the same role posted twice, or copied and barely
 * edited. Two open roles are duplicates when their role texts share at least
 * {@link DUPLICATE_THRESHOLD} of their words and they name a place in common
 * (or neither names one): the same text for each store of a chain, or for
 * each country a team hires in, is one role in many places, not a role posted
 * twice. Each duplicate gets one warning, naming the earliest open role it
 * repeats. Only open roles are compared: a closed role reposted is the normal
 * way to reopen it.
 *
 * Built for a large employer's site: roles with the same set of words (one
 * template, its lists reordered) are compared once, as a group, and a group
 * only with the groups {@link similarGroups} finds without trying every pair.
 * Comparing every pair took minutes at 10,000 roles, and a template shared by
 * k roles gave k(k-1)/2 warnings.
 */
export function duplicateFindings(postings: readonly Posting[]): Finding[] {
	const groups = new Map<string, WordGroup>();
	const vocabulary = new Vocabulary();
	postings
		.filter((posting) => posting.status === 'open')
		.forEach((posting, at) => {
			const words = vocabulary.wordsOf(roleText(posting));
			const key = words.join(' ');
			let group = groups.get(key);
			if (!group) groups.set(key, (group = { words, firstIn: new Map(), members: [] }));
			const role: Compared = { posting, at, places: posting.locations.length > 0 ? [...new Set(posting.locations.map((place) => place.id))] : [''] };
			group.members.push(role);
			for (const place of role.places) if (!group.firstIn.has(place)) group.firstIn.set(place, role);
		});
	const distinct = [...groups.values()];
	const similar = similarGroups(distinct.map((group) => group.words));
	const found: Array<{ at: number; finding: Finding }> = [];
	for (const [index, group] of distinct.entries()) {
		const alike: Array<[WordGroup, number]> = [[group, 1], ...(similar.get(index) ?? []).map(([other, score]): [WordGroup, number] => [distinct[other]!, score])];
		for (const role of group.members) {
			let first: { role: Compared; score: number } | undefined;
			for (const [other, score] of alike) {
				for (const place of role.places) {
					const earlier = other.firstIn.get(place);
					if (earlier && earlier.at < role.at && (!first || earlier.at < first.role.at)) first = { role: earlier, score };
				}
			}
			if (!first) continue;
			const { file, title } = first.role.posting;
			found.push({
				at: role.at,
				finding: {
					rule: 'duplicate-posting',
					severity: 'warning',
					file: role.posting.file,
					field: 'body',
					message: `the role text shares ${Math.round(first.score * 100)}% of its words with ${file} ("${title}"), in the same place`,
					fix: `If it is the same role, close one (\`status: closed\`); otherwise make the differences clear in the text`,
				},
			});
		}
	}
	return found.sort((a, b) => a.at - b.at).map(({ finding }) => finding);
}

/**
 * Every pair of word sets at least {@link DUPLICATE_THRESHOLD} alike, with
 * its score, by index, without comparing every pair (prefix filtering). With
 * the words of every set in one order, rarest first, two sets that alike
 * always share a word among the first n - ceil(t·n) + 1 of each (n its
 * words, t the threshold): only sets sharing one of those are compared.
 *
 * @param sets each set's distinct words, as numbers of one {@link Vocabulary}
 */
export function similarGroups(sets: readonly Int32Array[]): Map<number, Array<[number, number]>> {
	let size = 0;
	for (const words of sets) for (const word of words) size = Math.max(size, word + 1);
	const frequency = new Int32Array(size);
	for (const words of sets) for (const word of words) frequency[word]! += 1;
	// Rarest first; which of two equally rare words comes first changes which sets are compared, never a score or a pair found.
	const order = Int32Array.from({ length: size }, (_, word) => word).sort((a, b) => frequency[a]! - frequency[b]! || a - b);
	const rank = new Int32Array(size);
	for (const [at, word] of order.entries()) rank[word] = at;
	// Each set as its words' ranks in that order: compared by merging, without hashing a word.
	const ranked = sets.map((words) => words.map((word) => rank[word]!).sort());
	// The sets seen so far, by each word (its rank) of their prefix.
	const indexed: Array<number[] | undefined> = [];
	const similar = new Map<number, Array<[number, number]>>();
	const add = (a: number, b: number, score: number) => {
		const list = similar.get(a);
		if (list) list.push([b, score]);
		else similar.set(a, [[b, score]]);
	};
	// The last set each set was compared with, plus one: a set met again through another word of the prefix is skipped.
	const comparedWith = new Int32Array(sets.length);
	for (const [index, words] of ranked.entries()) {
		const prefix = words.subarray(0, words.length - Math.ceil(DUPLICATE_THRESHOLD * words.length) + 1);
		for (const word of prefix) {
			const list = indexed[word];
			for (const other of list ?? []) {
				if (comparedWith[other] === index + 1) continue;
				comparedWith[other] = index + 1;
				const otherWords = ranked[other]!;
				// Sets of too different sizes cannot be that alike.
				if (Math.min(words.length, otherWords.length) < DUPLICATE_THRESHOLD * Math.max(words.length, otherWords.length)) continue;
				const score = rankedJaccard(words, otherWords);
				if (score < DUPLICATE_THRESHOLD) continue;
				add(index, other, score);
				add(other, index, score);
			}
			if (list) list.push(index);
			else indexed[word] = [index];
		}
	}
	return similar;
}

/**
 * {@link jaccard} of two sets of word ranks, each sorted, by merging them; 0
 * as soon as the words left cannot bring it to {@link DUPLICATE_THRESHOLD}.
 * A score at or above the threshold is exactly `jaccard`'s.
 */
function rankedJaccard(a: Int32Array, b: Int32Array): number {
	const total = a.length + b.length;
	const score = (shared: number) => (total === 0 ? 1 : shared / (total - shared));
	// The fewest shared words that reach the threshold, by the very division the score makes.
	let needed = Math.max(0, Math.floor((DUPLICATE_THRESHOLD * total) / (1 + DUPLICATE_THRESHOLD)) - 1);
	while (needed < total && score(needed) < DUPLICATE_THRESHOLD) needed += 1;
	let shared = 0;
	for (let i = 0, j = 0; i < a.length && j < b.length; ) {
		if (shared + Math.min(a.length - i, b.length - j) < needed) return 0;
		const x = a[i]!;
		const y = b[j]!;
		if (x === y) {
			shared += 1;
			i += 1;
			j += 1;
		} else if (x < y) i += 1;
		else j += 1;
	}
	return score(shared);
}

/** Word count of a posting's role text. */
export function wordCount(posting: Posting): number {
	return roleText(posting).split(' ').filter(Boolean).length;
}

/**
 * How far from the median a body may be: a third of it or three times it.
 * Real postings vary by about 2× in length; beyond 3× a body is usually cut
 * off by the export (short) or carries pasted extra material (long).
 */
export const LENGTH_FACTOR = 3;

/**
 * Role texts much shorter (warning: probably truncated) or much longer (info)
 * than the median of the open roles. Needs at least three open roles to have
 * a meaningful median.
 */
export function lengthFindings(postings: readonly Posting[]): Finding[] {
	const open = postings.filter((posting) => posting.status === 'open');
	if (open.length < 3) return [];
	const counts = open.map((posting) => ({ posting, words: wordCount(posting) }));
	const sorted = counts.map((item) => item.words).sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
	return counts.flatMap(({ posting, words }): Finding[] => {
		if (words * LENGTH_FACTOR < median) {
			return [
				{
					rule: 'body-length',
					severity: 'warning',
					file: posting.file,
					field: 'body',
					message: `the role text has ${words} words, under a third of the median ${median}: it may have been cut off in the export`,
					fix: 'Compare with the ATS and re-export the full posting',
				},
			];
		}
		if (words > median * LENGTH_FACTOR) {
			return [
				{
					rule: 'body-length',
					severity: 'info',
					file: posting.file,
					field: 'body',
					message: `the role text has ${words} words, over three times the median ${median}`,
					fix: 'Check for pasted extra material (another role, notes) and trim it in the ATS',
				},
			];
		}
		return [];
	});
}
