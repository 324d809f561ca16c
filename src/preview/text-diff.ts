import { sentences } from '../postings/text.ts';

/** One unit (a sentence or a heading) of a text diff. */
export interface DiffOp {
	/** same: in both texts; removed: only before; added: only after. */
	op: 'same' | 'removed' | 'added';
	text: string;
}

/** A run of unchanged units left out of a collapsed diff. */
export interface DiffSkip {
	op: 'skip';
	/** How many unchanged units were left out. */
	count: number;
}

/**
 * Splits role text into diff units: each line (heading, paragraph, list item)
 * into its sentences, so a changed figure marks one sentence, not a paragraph.
 */
export function diffUnits(text: string): string[] {
	return text.split('\n').flatMap((line) => sentences(line));
}

/**
 * The largest table of {@link diffSequences}, in cells (4 bytes each): two
 * rewritten runs of 2,000 sentences (16 MB, under 0.1 s). A posting file may
 * be 2 MB: two runs of 20,000 sentences took 1.6 GB and 7 s, for one role.
 */
export const MAX_DIFF_CELLS = 4_000_000;

/**
 * Longest-common-subsequence diff of two lists of units. Common head and tail
 * are matched first, so the quadratic table covers only the part that changed
 * (a role edit touches a few sentences of a hundred or so). A changed part too
 * large for {@link MAX_DIFF_CELLS} is shown as removed, then added, whole.
 * Within a changed run, removals come before additions.
 */
export function diffSequences(before: readonly string[], after: readonly string[]): DiffOp[] {
	let head = 0;
	while (head < before.length && head < after.length && before[head] === after[head]) head++;
	let tail = 0;
	while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
	const a = before.slice(head, before.length - tail);
	const b = after.slice(head, after.length - tail);
	const same = (text: string): DiffOp => ({ op: 'same', text });
	if ((a.length + 1) * (b.length + 1) > MAX_DIFF_CELLS) {
		const middle = [...a.map((text): DiffOp => ({ op: 'removed', text })), ...b.map((text): DiffOp => ({ op: 'added', text }))];
		return [...before.slice(0, head).map(same), ...middle, ...after.slice(after.length - tail).map(same)];
	}
	// lengths[i][j]: LCS length of a[i…] and b[j…], in one flat array.
	const width = b.length + 1;
	const lengths = new Uint32Array((a.length + 1) * width);
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
		}
	}
	const middle: DiffOp[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i] === b[j]) {
			middle.push({ op: 'same', text: a[i]! });
			i++;
			j++;
		} else if (i < a.length && (j === b.length || lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) {
			middle.push({ op: 'removed', text: a[i]! });
			i++;
		} else {
			middle.push({ op: 'added', text: b[j]! });
			j++;
		}
	}
	return [...before.slice(0, head).map(same), ...middle, ...after.slice(after.length - tail).map(same)];
}

/**
 * Sentence diff of two role texts (as `roleText` makes them).
 *
 * @example
 * textDiff('Pay: $1.', 'Pay: $2.') // [{ op: 'removed', text: 'Pay: $1.' }, { op: 'added', text: 'Pay: $2.' }]
 */
export function textDiff(before: string, after: string): DiffOp[] {
	return diffSequences(diffUnits(before), diffUnits(after));
}

/**
 * Keeps the changes and `context` unchanged units around each, replacing
 * longer unchanged runs with a skip marker: what a reviewer wants to read.
 */
export function collapseDiff(ops: readonly DiffOp[], context = 1): Array<DiffOp | DiffSkip> {
	const keep = ops.map(() => false);
	ops.forEach((item, index) => {
		if (item.op === 'same') return;
		for (let k = Math.max(0, index - context); k <= Math.min(ops.length - 1, index + context); k++) keep[k] = true;
	});
	const out: Array<DiffOp | DiffSkip> = [];
	ops.forEach((item, index) => {
		if (keep[index]) out.push(item);
		else {
			const last = out.at(-1);
			if (last?.op === 'skip') last.count++;
			else out.push({ op: 'skip', count: 1 });
		}
	});
	return out;
}
