/** The score as text: a table per field, the match figures, then every miss. */
import { scoredFields } from './match.ts';
import type { MatchFigures, Score, Tally } from './score.ts';

const percent = (tally: Tally) => (tally.total === 0 ? '–' : `${((tally.right / tally.total) * 100).toFixed(1)}%`);
const decimal = (value: number) => value.toFixed(3);

function table(rows: string[][]): string {
	const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
	return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
}

function matchLine(name: string, figures: MatchFigures): string {
	return `${name}: precision ${decimal(figures.precision)} (${figures.matched}/${figures.got}), recall ${decimal(figures.recall)} (${figures.matched}/${figures.expected})`;
}

/** The report `npm run score` prints. */
export function formatScore(score: Score): string {
	const { postings } = score;
	const lines: string[] = [];
	const notScored = Object.entries(postings.notScored).map(([vendor, count]) => `${vendor} (${count} postings, no source yet)`);
	lines.push(`Scored ${postings.scored} labelled postings; ${postings.missing} missing after the sync.${notScored.length > 0 ? ` Not scored: ${notScored.join(', ')}.` : ''}`, '');
	lines.push(
		table([
			['field', 'right', '%'],
			...scoredFields.map((field) => [field, `${score.fields[field].right}/${score.fields[field].total}`, percent(score.fields[field])]),
			['all fields', `${score.overall.right}/${score.overall.total}`, percent(score.overall)],
		]),
		'',
	);
	lines.push(table([['vendor', 'fields right', '%'], ...Object.entries(score.byVendor).map(([vendor, tally]) => [vendor, `${tally.right}/${tally.total}`, percent(tally)])]), '');
	lines.push(matchLine('places', score.places), `workplace of matched places: ${score.places.workplace.right}/${score.places.workplace.total} (${percent(score.places.workplace)})`);
	lines.push(matchLine('pay ranges', score.payRanges), '');
	if (postings.unlabelled.length > 0) lines.push(`Synced but not labelled (not scored): ${postings.unlabelled.join(', ')}`, '');
	lines.push(score.misses.length === 0 ? 'No misses.' : `Misses (${score.misses.length}):`);
	for (const miss of score.misses) lines.push(`${miss.board} ${miss.id} ${miss.field}: expected ${miss.expected} got ${miss.got}`);
	return `${lines.join('\n')}\n`;
}
