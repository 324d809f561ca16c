import type { Finding } from '../schemas/review.ts';

const COLUMNS = ['file', 'field', 'rule', 'severity', 'message', 'fix'] as const;

/** One line per finding, summed up at the end: "2 errors, 5 warnings, 9 info in 5 files". */
export function summary(findings: readonly Finding[]): string {
	const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length;
	const errors = count('error');
	const warnings = count('warning');
	const files = new Set(findings.map((finding) => finding.file)).size;
	return `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, ${count('info')} info in ${files} ${files === 1 ? 'file' : 'files'}`;
}

/**
 * A plain-text table for a terminal: columns padded to their widest cell,
 * message and fix last and never cut, so nothing a recruiter needs is lost.
 */
export function formatTable(findings: readonly Finding[]): string {
	if (findings.length === 0) return 'No problems found.\n';
	const rows = findings.map((finding) => COLUMNS.map((column) => finding[column].replace(/\s+/g, ' ')));
	const widths = COLUMNS.map((column, index) => Math.max(column.length, ...rows.map((row) => row[index]!.length)));
	const line = (cells: readonly string[]) =>
		cells
			.map((cell, index) => (index < COLUMNS.length - 1 ? cell.padEnd(widths[index]!) : cell))
			.join(' | ')
			.trimEnd();
	const rule = widths.map((width, index) => '-'.repeat(index < COLUMNS.length - 1 ? width : Math.min(width, 40))).join('-+-');
	return [line(COLUMNS), rule, ...rows.map(line), '', summary(findings), ''].join('\n');
}

/** Escapes annotation data as the Actions runner expects (`%`, CR, LF). */
function escapeData(text: string): string {
	return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes an annotation property value (also `:` and `,`, which separate properties). */
function escapeProperty(text: string): string {
	return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one per finding: errors and warnings as
 * such, info as notices. The title carries rule and field; the message ends
 * with the fix, so the annotation alone is enough to act on.
 *
 * @example
 * formatAnnotations([finding]) // "::error file=content/postings/a.html,title=pay-transparency (locations[0])::… Fix: …"
 */
export function formatAnnotations(findings: readonly Finding[]): string {
	return findings
		.map((finding) => {
			const command = finding.severity === 'info' ? 'notice' : finding.severity;
			const title = `${finding.rule} (${finding.field})`;
			return `::${command} file=${escapeProperty(finding.file)},title=${escapeProperty(title)}::${escapeData(`${finding.message}. Fix: ${finding.fix}`)}\n`;
		})
		.join('');
}
