import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerInThread, inThread, moduleFile } from '../utils/in-thread.ts';
import type { AstroIntegration } from 'astro';
import { afterBuildFile } from './after-build.ts';
import { countRedirectRules, hostLimitWarnings, type OutputCounts } from '../publish/host-limits.ts';

/**
 * Counts what the host's limits are about in a built output folder, but for
 * the top-level folder `skip` (counted apart, see {@link countOutputInThread}).
 */
export function countOutput(dir: string, skip?: string): OutputCounts {
	const output: OutputCounts = { files: 0, perRole: { cards: 0, json: 0 }, largest: { path: '', bytes: 0 }, redirects: { static: 0, dynamic: 0 } };
	walkInto(output, dir, '', skip);
	const redirects = join(dir, '_redirects');
	if (existsSync(redirects)) output.redirects = countRedirectRules(readFileSync(redirects, 'utf8'));
	return output;
}

/** Adds the files under `folder` (a path in the output, written as `prefix`) to `output`. */
function walkInto(output: OutputCounts, folder: string, prefix: string, skip?: string): void {
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		if (prefix === '' && entry.name === skip) continue;
		const path = prefix ? `${prefix}/${entry.name}` : entry.name;
		if (entry.isDirectory()) {
			walkInto(output, join(folder, entry.name), path);
			continue;
		}
		output.files += 1;
		if (path.startsWith('og/jobs/')) output.perRole.cards += 1;
		if (path.startsWith('api/postings/')) output.perRole.json += 1;
		const { size } = statSync(join(folder, entry.name));
		if (size > output.largest.bytes) output.largest = { path, bytes: size };
	}
}

/** What a counting thread is given. */
interface CountJob {
	task: 'count-output';
	dir: string;
	skip: string;
}

/**
 * {@link countOutput} in a thread of its own, all but the top-level folder
 * `skip`, so the build goes on meanwhile: `npm run build` counts the output
 * while it builds the search index, whose folder it counts after
 * ({@link reportHostLimits}). Walking 13,000 files took 0.3 s of a rebuild at
 * 10,000 roles, after the index step. Where no thread starts, the output is
 * counted here, at once.
 */
export function countOutputInThread(dir: string, skip: string): Promise<OutputCounts> {
	return inThread(moduleFile(import.meta.url, 'host-limits.ts'), { task: 'count-output', dir, skip } satisfies CountJob, () => countOutput(dir, skip));
}

answerInThread<CountJob>('count-output', ({ dir, skip }) => countOutput(dir, skip));

/**
 * Counts the output in `dir` and warns where it passes a host's limit. With
 * `counted`, the output but for its folder `skip` was counted already
 * ({@link countOutputInThread}): only that folder is walked here.
 */
export function reportHostLimits(dir: string, logger: { info(message: string): void; warn(message: string): void }, counted?: { output: OutputCounts; skip: string }): void {
	let output: OutputCounts;
	if (counted) {
		output = structuredClone(counted.output);
		if (existsSync(join(dir, counted.skip))) walkInto(output, join(dir, counted.skip), counted.skip);
	} else output = countOutput(dir);
	logger.info(`${output.files.toLocaleString('en-US')} files; largest ${output.largest.path} (${Math.ceil(output.largest.bytes / 1024).toLocaleString('en-US')} KB)`);
	for (const warning of hostLimitWarnings(output)) logger.warn(warning);
}

/**
 * Checks the finished output against the hosts' limits (src/publish/host-limits.ts)
 * and warns, naming the setting to change. Runs after the search index is
 * written, so its files count too (under `npm run build`, after the index the
 * build script writes: see after-build.ts). A warning, not a failure: other
 * hosts take more files, and the company may be on a paid plan.
 */
export function hostLimits(): AstroIntegration {
	return {
		name: 'careers-host-limits',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				if (afterBuildFile()) return;
				reportHostLimits(fileURLToPath(dir), logger);
			},
		},
	};
}
