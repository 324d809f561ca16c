import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest's global setup: the run's temporary files go to one folder of their
 * own, removed when the run ends.
 *
 * Why: tests make repositories, sites and caches with `mkdtempSync(tmpdir())`,
 * and the builds they start make their own. A test that cleans up after
 * itself cannot clean up after a build it started, and several did not clean
 * up at all: a developer running the suite every day filled `/tmp` with
 * gigabytes. `TMPDIR` is what Node's `tmpdir()` and the processes the tests
 * start (Astro, git) read, so one setting reaches them all.
 */
export default function setup(): () => void {
	const folder = mkdtempSync(join(tmpdir(), 'careers-tests-'));
	const before = process.env.TMPDIR;
	process.env.TMPDIR = folder;
	return () => {
		if (before === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = before;
		rmSync(folder, { recursive: true, force: true });
	};
}
