// Lighthouse for the benches: its Node API, the default (mobile, simulated
// throttling) settings, against a served build, in the machine's Chromium.
// Each page is audited several times and each figure's median is kept:
// performance varies from run to run on a shared machine, the other three
// categories do not.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';

/** The four categories Lighthouse scores; the issue's target is 100 in each. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** The metrics kept besides the scores, by Lighthouse's audit id. */
const METRICS = { lcpMs: 'largest-contentful-paint', cls: 'cumulative-layout-shift', tbtMs: 'total-blocking-time', fcpMs: 'first-contentful-paint' };
/** Audits that score without counting towards a category's score (informative, manual, not applicable) are not failures. */
const SCORED = new Set(['binary', 'numeric', 'metricSavings']);

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** What an audit's detail row points at: an element, a URL or a message. */
const pointsAt = (item) => (item.node?.selector ?? item.url ?? item.source?.url ?? item.description ?? item.label)?.slice(0, 160);

/**
 * The audits of a category that did not pass, with what Lighthouse shows for
 * them and the first things they name: the reasons a category is below 100.
 * Weight 0 marks advice that does not count towards the score (in
 * performance only the metrics count).
 */
function failures(lhr, category) {
	return lhr.categories[category].auditRefs
		.map((ref) => ({ audit: lhr.audits[ref.id], weight: ref.weight }))
		.filter(({ audit }) => SCORED.has(audit.scoreDisplayMode) && audit.score !== null && audit.score < 1)
		.map(({ audit, weight }) => ({
			id: audit.id,
			weight,
			...(audit.displayValue ? { shown: audit.displayValue } : {}),
			at: (audit.details?.items ?? []).map(pointsAt).filter((what) => typeof what === 'string').slice(0, 5),
		}));
}

/** One run's figures: each category's score out of 100, the metrics and the failing audits. */
function figuresOf(lhr) {
	const scores = Object.fromEntries(CATEGORIES.map((category) => [category, Math.round(lhr.categories[category].score * 100)]));
	const metrics = Object.fromEntries(Object.entries(METRICS).map(([name, id]) => [name, lhr.audits[id].numericValue]));
	const failed = Object.fromEntries(CATEGORIES.map((category) => [category, failures(lhr, category)]).filter(([, list]) => list.length > 0));
	return { scores, metrics, failed, warnings: lhr.runWarnings, benchmarkIndex: lhr.environment.benchmarkIndex };
}

/**
 * Audits each of `pages` (name → path) under `baseUrl` `runs` times in one
 * Chromium and returns, per page, the median of each score and metric, each
 * run's performance score (to show the spread), and the audits that failed in
 * any run with the number of runs they failed in.
 * @param {{ baseUrl: string, pages: Record<string, string>, chromePath?: string, runs?: number }} options
 */
export async function auditPages({ baseUrl, pages, chromePath, runs = 3 }) {
	// --no-sandbox: the benches run as root in containers, where Chromium's sandbox cannot start.
	const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'], logLevel: 'silent' });
	const results = {};
	try {
		for (const [name, path] of Object.entries(pages)) {
			const each = [];
			const errors = [];
			for (let i = 0; i < runs; i += 1) {
				// A run Lighthouse could not finish (a page too heavy for a busy machine times the protocol out) is a finding: it is recorded and the others go on.
				const result = await lighthouse(`${baseUrl}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }).catch((error) => ({ lhr: { runtimeError: { message: error.message } } }));
				if (result?.lhr.runtimeError) errors.push(result.lhr.runtimeError.message);
				else if (result) each.push(figuresOf(result.lhr));
			}
			if (each.length === 0) {
				results[name] = { path, errors };
				continue;
			}
			const failed = {};
			for (const run of each) {
				for (const [category, list] of Object.entries(run.failed)) {
					for (const audit of list) {
						const key = `${category}/${audit.id}`;
						failed[key] ??= { category, id: audit.id, weight: audit.weight, runs: 0, shown: audit.shown, at: audit.at };
						failed[key].runs += 1;
					}
				}
			}
			results[name] = {
				path,
				scores: Object.fromEntries(CATEGORIES.map((category) => [category, median(each.map((run) => run.scores[category]))])),
				performanceRuns: each.map((run) => run.scores.performance),
				lcpMs: Math.round(median(each.map((run) => run.metrics.lcpMs))),
				cls: Number(median(each.map((run) => run.metrics.cls)).toFixed(4)),
				tbtMs: Math.round(median(each.map((run) => run.metrics.tbtMs))),
				fcpMs: Math.round(median(each.map((run) => run.metrics.fcpMs))),
				// Lighthouse's measure of the machine's speed at the time (a quiet laptop scores 1,000 or more): low means a busy machine.
				benchmarkIndex: Math.round(median(each.map((run) => run.benchmarkIndex))),
				failed: Object.values(failed),
				warnings: [...new Set(each.flatMap((run) => run.warnings))],
				...(errors.length > 0 ? { errors } : {}),
			};
		}
	} finally {
		chrome.kill();
	}
	return results;
}

/** Prints one size's Lighthouse figures as a table: a row a page. */
export function printAudits(audits) {
	const head = ['page', 'perf (runs)', 'a11y', 'best pr.', 'SEO', 'LCP', 'CLS', 'TBT', 'machine'];
	const rows = Object.entries(audits).filter(([, page]) => page.scores).map(([name, page]) => [
		`${name} ${page.path}`,
		`${page.scores.performance} (${page.performanceRuns.join(' ')})`,
		String(page.scores.accessibility),
		String(page.scores['best-practices']),
		String(page.scores.seo),
		`${page.lcpMs} ms`,
		String(page.cls),
		`${page.tbtMs} ms`,
		String(page.benchmarkIndex),
	]);
	const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
	for (const row of [head, ...rows]) console.log(`  ${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`);
	for (const [name, page] of Object.entries(audits)) {
		for (const error of page.errors ?? []) console.log(`  ${name} ${page.path}: a run failed: ${error}`);
		if (!page.scores) continue;
		// Advice (weight 0) is in the JSON; the table names only what lowers a score.
		for (const audit of page.failed.filter((failed) => failed.weight > 0)) {
			const at = audit.at.length > 0 ? `: ${audit.at.join(', ')}` : '';
			console.log(`  ${name}: ${audit.category} ${audit.id}${audit.shown ? ` (${audit.shown})` : ''}, failed in ${audit.runs} of ${page.performanceRuns.length} runs${at}`);
		}
		for (const warning of page.warnings) console.log(`  ${name}: Lighthouse warns: ${warning}`);
	}
}
