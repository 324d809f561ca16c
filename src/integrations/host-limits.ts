import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterBuildFile } from './after-build.ts';
import { countRedirectRules, hostLimitWarnings, type OutputCounts } from '../publish/host-limits.ts';

/** Counts what the host's limits are about in a built output folder. */
export function countOutput(dir: string): OutputCounts {
	const output: OutputCounts = { files: 0, perRole: { cards: 0, json: 0 }, largest: { path: '', bytes: 0 }, redirects: { static: 0, dynamic: 0 } };
	const walk = (folder: string, prefix: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = prefix ? `${prefix}/${entry.name}` : entry.name;
			if (entry.isDirectory()) {
				walk(join(folder, entry.name), path);
				continue;
			}
			output.files += 1;
			if (path.startsWith('og/jobs/')) output.perRole.cards += 1;
			if (path.startsWith('api/postings/')) output.perRole.json += 1;
			const { size } = statSync(join(folder, entry.name));
			if (size > output.largest.bytes) output.largest = { path, bytes: size };
		}
	};
	walk(dir, '');
	const redirects = join(dir, '_redirects');
	if (existsSync(redirects)) output.redirects = countRedirectRules(readFileSync(redirects, 'utf8'));
	return output;
}

/** Counts the output in `dir` and warns where it passes a host's limit. */
export function reportHostLimits(dir: string, logger: { info(message: string): void; warn(message: string): void }): void {
	const output = countOutput(dir);
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
