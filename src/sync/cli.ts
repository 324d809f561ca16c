/**
 * `npm run sync -- <system> <board> [--force] [--dry-run] [--base-url URL] [--summary FILE]`
 *
 * Writes the board's postings into the postings folder (POSTINGS_DIR,
 * default content/postings). Exit code 0 when the folder is in step with the
 * ATS, 1 when the sync refused or failed (nothing changed), 2 for bad usage.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isAtsSystem, sources, systemList, usageLines } from '../ats/registry.ts';
import { PostingError, PostingErrors } from '../postings/errors.ts';
import { contentPaths, readSiteConfig } from '../config/site-config.ts';
import { formatMarkdown, formatReport } from './report.ts';
import { runSync, type SyncOptions } from './run.ts';

const USAGE = `usage: npm run sync -- <${Object.keys(sources).join('|')}> <board> [--force] [--dry-run] [--base-url URL] [--summary FILE]

${usageLines().join('\n')}

  --force       apply even when the ATS returns no roles (every role really closed)
  --dry-run     print what would change; write nothing
  --base-url    the ATS API host, when it is not the vendor's public one
  --summary     also write the summary as Markdown (for a pull request body)`;

/** A progress line: rewritten in place on a terminal, one line each in CI logs. */
function progressWriter(stream: NodeJS.WriteStream): { progress: (message: string) => void; done: () => void } {
	let shown = false;
	return {
		progress(message) {
			if (stream.isTTY) {
				stream.write(`\r\x1b[2K${message.slice(0, (stream.columns || 80) - 1)}`);
				shown = true;
			} else {
				stream.write(`${message}\n`);
			}
		},
		done() {
			if (shown) stream.write('\r\x1b[2K');
		},
	};
}

/** Runs the command; returns the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			allowPositionals: true,
			options: {
				force: { type: 'boolean', default: false },
				'dry-run': { type: 'boolean', default: false },
				'base-url': { type: 'string' },
				summary: { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false },
			},
		});
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${USAGE}`);
		return 2;
	}
	const { values, positionals } = parsed;
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	const [system, board, ...extra] = positionals;
	if (!system || !board || extra.length > 0 || !isAtsSystem(system)) {
		console.error(`${system && !isAtsSystem(system) ? `unknown ATS "${system}"; expected ${systemList()}\n\n` : ''}${USAGE}`);
		return 2;
	}
	const baseUrl = values['base-url'];
	if (baseUrl !== undefined && !/^https?:\/\//.test(baseUrl)) {
		console.error(`--base-url: expected an http(s) URL such as ${sources[system].api}`);
		return 2;
	}

	const { postingsDir, siteConfig } = contentPaths(process.cwd(), env);
	let site;
	try {
		site = readSiteConfig(siteConfig);
	} catch (error) {
		if (error instanceof PostingError || error instanceof PostingErrors) {
			console.error(error.message);
			return 1;
		}
		throw error;
	}

	const writer = progressWriter(process.stderr);
	const options: SyncOptions = {
		system,
		board,
		dir: postingsDir,
		site,
		force: values.force,
		dryRun: values['dry-run'],
		...(baseUrl ? { baseUrl } : {}),
		progress: (message) => writer.progress(message),
	};
	const report = await runSync(options);
	writer.done();
	console.log(formatReport(report));
	if (values.summary) writeFileSync(values.summary, `${formatMarkdown(report)}\n`);
	return report.refusal ? 1 : 0;
}

// Run only as a script, not when imported (tests call main).
if (process.argv[1]?.endsWith('/sync/cli.ts')) {
	process.exitCode = await main(process.argv.slice(2));
}
