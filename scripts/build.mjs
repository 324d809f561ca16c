#!/usr/bin/env node
// `npm run build`: `astro build`, then the steps that only read its output,
// in this small process once Astro's has ended (see
// src/integrations/after-build.ts): the search index (Pagefind), then the
// host-limit check, which counts the index's files too. Astro's memory is
// given back before Pagefind's indexer takes its own, so the build needs the
// larger of the two, not their sum. A small site's index is made while Astro
// renders its last pages, and only copied from the cache then (EARLY_INDEX_ENV
// in the same module). Arguments go to `astro build`
// (`npm run build -- --outDir /tmp/site`); the exit code is Astro's, or 1 when
// a step after it fails.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AFTER_BUILD_ENV, EARLY_INDEX_ENV, isRolePagesRendered } from '../src/integrations/after-build.ts';
import { buildV8Flags, isLargeSite, namesAtsSource } from '../src/config/v8-flags.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** Starts the postings folder's read and pipeline run in a thread as Astro starts (src/loaders/read-ahead-early.ts). */
const READ_AHEAD = pathToFileURL(join(ROOT, 'src', 'loaders', 'read-ahead-early.ts')).href;

/** Log lines shaped like Astro's own (`12:00:00 [careers-pagefind] …`), so the build's output reads as one. */
const logger = (name) => {
	const line = (message) => `${new Date().toTimeString().slice(0, 8)} [${name}] ${message}`;
	return { info: (message) => console.log(line(message)), warn: (message) => console.warn(line(message)) };
};

const temp = mkdtempSync(join(os.tmpdir(), 'careers-build-'));
const handoff = join(temp, 'after-build.json');
// A small site's search index is built while Astro renders its last pages, once Astro says its role pages have
// rendered (EARLY_INDEX_ENV in src/integrations/after-build.ts); a large site's memory keeps them one after the other.
const indexEarly = !isLargeSite();
/** @type {Promise<string[]> | undefined} The search index begun before Astro is done, to what it said (the build after Astro then copies it). */
let earlyIndex;
try {
	const building = new Promise((done) => {
		// A site that reads its ATS at build time has no folder to read ahead.
		const early = namesAtsSource() ? [] : ['--import', READ_AHEAD];
		const astro = spawn(process.execPath, [...buildV8Flags(), ...early, ASTRO, 'build', ...process.argv.slice(2)], {
			cwd: process.cwd(),
			stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
			env: { ...process.env, [AFTER_BUILD_ENV]: handoff, ...(indexEarly ? { [EARLY_INDEX_ENV]: '1' } : {}) },
		});
		astro.on('message', (message) => {
			if (!isRolePagesRendered(message) || earlyIndex) return;
			// Said once Astro has exited, not in the middle of its list of pages.
			const said = [];
			earlyIndex = import('../src/integrations/early-search-index.ts')
				.then(({ indexRolePagesEarly }) => indexRolePagesEarly(JSON.parse(readFileSync(handoff, 'utf8')), message.slugs, { info: (text) => said.push(text) }))
				// Never fails the build: the index is built again after Astro, which reports what went wrong.
				.catch(() => false)
				.then(() => said);
		});
		astro.on('error', (error) => {
			console.error(`could not start astro build: ${error.message}`);
			done(1);
		});
		astro.on('close', (exitCode, signal) => done(exitCode ?? (signal ? 1 : 0)));
	});
	// The steps after Astro are loaded while it builds, not before it starts (30-46 ms of every build's start).
	const steps = Promise.all([import('../src/integrations/pagefind.ts'), import('../src/integrations/host-limits.ts')]);
	// Awaited below once Astro succeeds; a failure to load must not be left unhandled when it does not.
	steps.catch(() => undefined);
	const code = await building;
	// Its indexer is closed before anything else happens, whether Astro succeeded or not.
	for (const text of (await earlyIndex) ?? []) logger('careers-pagefind').info(text);
	if (code !== 0) process.exitCode = code;
	else {
		const [{ buildSearchIndex, PAGEFIND_DIR }, { countOutputInThread, reportHostLimits }] = await steps;
		let job;
		try {
			job = JSON.parse(readFileSync(handoff, 'utf8'));
		} catch {
			throw new Error(`astro build finished without saying where the site is (${handoff}): is the careers-pagefind integration in astro.config.mjs?`);
		}
		// The output is counted for the host limits in a thread while the search index is built; then the index's folder.
		const counting = countOutputInThread(job.outDir, PAGEFIND_DIR);
		// Awaited below; a failure of the index's step must not leave its rejection unhandled.
		counting.catch(() => undefined);
		await buildSearchIndex(job, logger('careers-pagefind'));
		reportHostLimits(job.outDir, logger('careers-host-limits'), { output: await counting, skip: PAGEFIND_DIR });
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : String(error));
	process.exitCode = 1;
} finally {
	rmSync(temp, { recursive: true, force: true });
}
