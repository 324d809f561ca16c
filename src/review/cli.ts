/**
 * The posting review for recruiters: `node src/review/cli.ts [--today=YYYY-MM-DD]`
 * (the review as of the start of that day; else as of now, or BUILD_TIME).
 *
 * Loads the postings (POSTINGS_DIR, SITE_CONFIG as for the build), reviews
 * them and prints a table, or GitHub Actions annotations when
 * GITHUB_ACTIONS=true. Exits 1 when any finding is an error or the postings
 * cannot be built, else 0. Right after a preview build of the same postings,
 * settings, dates and code, it prints that build's review (as of the build)
 * instead of making it again (src/preview/report.ts).
 */
import { type Catalogue } from '../postings/normalize.ts';
import { loadCatalogue } from '../sources/folder.ts';
import { buildTime } from '../config/build-time.ts';
import { buildMode } from '../config/build-mode.ts';
import { builtPipelineCache } from '../loaders/posting-cache.ts';
import { contentPaths, readSiteConfig } from '../config/site-config.ts';
import { formatAnnotations, formatTable } from './format.ts';
import { hasErrors, reviewCatalogue } from './review.ts';
import { unretired } from '../routing/visibility.ts';
import { readReport } from '../preview/report.ts';
import type { Finding } from '../schemas/review.ts';

/** Result of one run: what to print and the exit code. */
export interface ReviewRun {
	output: string;
	code: 0 | 1;
}

/**
 * Runs the review as the command does, without touching the process.
 * @param args command-line arguments after the script
 */
export function runReview(args: readonly string[], env: NodeJS.ProcessEnv, root: string): ReviewRun {
	const todayArg = args.find((arg) => arg.startsWith('--today='))?.slice('--today='.length);
	if (todayArg !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(todayArg)) {
		return { output: `--today: expected YYYY-MM-DD, got "${todayArg}"\n`, code: 1 };
	}
	// The build's clock (BUILD_TIME when set), unless a day is asked for.
	let now: string;
	try {
		now = todayArg ? `${todayArg}T00:00:00.000Z` : buildTime(env);
	} catch (error) {
		return { output: `${(error as Error).message}\n`, code: 1 };
	}
	const today = now.slice(0, 10);
	const { preview } = buildMode(env);
	// After a preview build of these very postings (the preview workflow runs this command right after one), the
	// build's review: the same findings, judged as of the build, without normalizing and reviewing every posting again.
	const built = preview && todayArg === undefined ? readReport(root, env, today) : undefined;
	if (built) return result(built.findings, env);
	const paths = contentPaths(root, env);
	let catalogue: Catalogue;
	let site;
	try {
		site = readSiteConfig(paths.siteConfig);
		// After a build (as in the preview workflow), its pipeline cache has these postings.
		const all = loadCatalogue(paths.postingsDir, site, root, { today, ...builtPipelineCache(root, env, preview) });
		// What the site has: roles closed longer than it keeps them are not reviewed, as they are not built.
		catalogue = { ...all, postings: unretired(all.postings, { preview, builtAt: now }, site.closedRoleDays) };
	} catch (error) {
		// The pipeline's own message names every file and field; a broken posting is an error too.
		return { output: `${(error as Error).message}\n`, code: 1 };
	}
	return result(reviewCatalogue(catalogue, { today, now, defaultApplyUrl: site.defaultApplyUrl }), env);
}

/** The findings printed as the command prints them, and its exit code. */
function result(findings: readonly Finding[], env: NodeJS.ProcessEnv): ReviewRun {
	const output = env.GITHUB_ACTIONS === 'true' ? formatAnnotations(findings) : formatTable(findings);
	return { output, code: hasErrors(findings) ? 1 : 0 };
}

// Run only as a script, not when imported (tests import runReview).
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/review/cli.ts')) {
	const run = runReview(process.argv.slice(2), process.env, process.cwd());
	process.stdout.write(run.output);
	process.exitCode = run.code;
}
