/**
 * `npm run score [-- --json FILE]`: syncs the real-postings corpus
 * (tests/fixtures/real/) through the real sources from a stand-in server,
 * normalizes it, and prints how much of it matches the hand labels, then
 * every miss. `--json` also writes the figures. Exit code 0 whatever the
 * figures; 1 only when the score itself cannot be taken; 2 for bad usage.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readSiteConfig } from '../config/site-config.ts';
import { formatScore } from './format.ts';
import { scoreCorpus } from './score.ts';

/** The corpus, and the site settings its postings are normalized with (relative to the project). */
export const CORPUS_DIR = 'tests/fixtures/real';
export const CORPUS_SITE = 'tests/fixtures/site.yaml';

/** A fixed build day, so two runs on the same code print the same figures. */
export const SCORE_DAY = '2026-11-23';

const USAGE = 'usage: npm run score [-- --json FILE]';

/** Runs the command; returns the exit code. */
export async function main(argv: readonly string[], root: string = process.cwd()): Promise<number> {
	let values;
	try {
		({ values } = parseArgs({ args: [...argv], options: { json: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } }));
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		return 2;
	}
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	try {
		const score = await scoreCorpus({ root: join(root, CORPUS_DIR), site: readSiteConfig(join(root, CORPUS_SITE)), today: SCORE_DAY });
		process.stdout.write(formatScore(score));
		if (values.json) writeFileSync(values.json, `${JSON.stringify(score, null, '\t')}\n`);
		return 0;
	} catch (error) {
		console.error(`score: could not be taken: ${(error as Error).stack ?? String(error)}`);
		return 1;
	}
}

// Run only as a script, not when imported.
if (process.argv[1]?.endsWith('/score/cli.ts')) {
	process.exitCode = await main(process.argv.slice(2));
}
