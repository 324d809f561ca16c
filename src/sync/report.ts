/** Words for a sync's outcome: a terminal summary and a pull-request body. */
import { sources } from '../ats/registry.ts';
import type { SyncReport } from './run.ts';
import { markdownCode, markdownText } from '../utils/markdown.ts';

/** The five counts the issue asks for, in a fixed order, and files removed when there are any (only sites with `closedRoleDays` have them). */
export function counts(report: SyncReport): { added: number; updated: number; closed: number; removed?: number; unchanged: number; rejected: number } {
	const of = (...kinds: string[]) => report.changes.filter((change) => kinds.includes(change.kind)).length;
	return {
		added: of('added'),
		updated: of('updated', 'reopened'),
		closed: of('closed'),
		...(report.removed.length > 0 ? { removed: report.removed.length } : {}),
		unchanged: report.unchanged.length,
		rejected: report.rejected.length,
	};
}

/** "added 2, updated 1, closed 1, unchanged 5, rejected 1"; "…, closed 1, removed 3, unchanged 5, …" when files were removed. */
export function countLine(report: SyncReport): string {
	return Object.entries(counts(report))
		.map(([name, count]) => `${name} ${count}`)
		.join(', ');
}

/** Why a removed file went, for a reader who does not know the setting. */
const REMOVED_WHY = 'closed longer than `closedRoleDays`: the site no longer has its page; git history keeps the file';

function show(value: unknown): string {
	return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** Plain-text summary for the terminal and CI logs. */
export function formatReport(report: SyncReport): string {
	const source = sources[report.system];
	const lines: string[] = [];
	const head = `${source.label} "${report.board}"`;
	if (report.refusal) {
		lines.push(`${head}: refused, nothing changed.`, `  ${report.refusal}`);
		for (const row of report.rejected) lines.push(`  rejected  ${row.id ?? '(no id)'}  ${row.field}: ${row.message}`);
		return lines.join('\n');
	}
	lines.push(`${head}: ${report.total} rows, ${countLine(report)}${report.written ? '' : report.changes.length + report.removed.length > 0 ? ' (dry run: nothing written)' : ''}`);
	for (const change of report.changes) {
		const what = change.fields.length > 0 && change.kind !== 'added' ? ` (${change.fields.join(', ')})` : '';
		lines.push(`  ${change.kind.padEnd(9)} ${change.name}  ${change.title}${what}`);
	}
	for (const removed of report.removed) lines.push(`  removed   ${removed.name}  ${removed.title} (${REMOVED_WHY})`);
	for (const row of report.rejected) lines.push(`  rejected  ${row.id ?? '(no id)'}  ${row.field}: ${row.message}`);
	for (const row of report.skipped) lines.push(`  skipped   ${row.id}  ${row.reason}`);
	for (const edit of report.kept) {
		const why = edit.atsChanged ? ' — the ATS changed it too; check which is right' : '';
		lines.push(`  kept      ${edit.name}  ${edit.field}: your ${show(edit.local)} over the ATS's ${show(edit.ats)}${why}`);
	}
	for (const note of report.notes) lines.push(`  note      ${note}`);
	return lines.join('\n');
}

/** Markdown for the body of the sync's pull request. What the ATS wrote (titles, values, messages) is written as text: {@link markdownText}. */
export function formatMarkdown(report: SyncReport): string {
	const source = sources[report.system];
	const out: string[] = [`## ${source.label} sync: board ${markdownCode(report.board)}`, ''];
	if (report.refusal) {
		out.push(`**Refused; nothing changed.** ${markdownText(report.refusal)}`);
		return out.join('\n');
	}
	out.push(`${report.total} rows read: ${countLine(report)}.`, '');
	if (report.changes.length > 0) {
		out.push('| | File | Role | Fields |', '|---|---|---|---|');
		for (const change of report.changes) {
			out.push(`| ${change.kind} | ${markdownCode(change.name)} | ${markdownText(change.title)} | ${change.kind === 'added' ? '' : change.fields.join(', ')} |`);
		}
		out.push('');
	}
	const list = (title: string, items: string[]) => {
		if (items.length > 0) out.push(`### ${title}`, '', ...items.map((item) => `- ${item}`), '');
	};
	list(
		'Files removed (closed longer than `closedRoleDays`; the site no longer has their pages, git history keeps them)',
		report.removed.map((removed) => `${markdownCode(removed.name)} ${markdownText(removed.title)}`),
	);
	list(
		'Rejected rows (not added, not closed)',
		report.rejected.map((row) => `${row.id ? markdownCode(row.id) : '(no id)'} ${markdownCode(row.field)}: ${markdownText(row.message)}`),
	);
	list(
		'Local edits kept',
		report.kept.map((edit) => `${markdownCode(edit.name)} ${edit.field}: ${markdownText(show(edit.local))} (the ATS says ${markdownText(show(edit.ats))})${edit.atsChanged ? ' **changed in the ATS too**' : ''}`),
	);
	list('Skipped', report.skipped.map((row) => `${markdownCode(row.id)}: ${markdownText(row.reason)}`));
	list('Notes', report.notes.map(markdownText));
	out.push('Review the roles on this pull request’s preview deploy before merging: `/_preview/changes/` lists every change.');
	return out.join('\n');
}
