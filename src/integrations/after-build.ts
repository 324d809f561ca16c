/**
 * `npm run build` (scripts/build.mjs) sets this variable to a file path for
 * `astro build`. The steps that only read the finished output (the search
 * index, then the host-limit check that counts its files) then write where
 * the output is to that file and stop; the build script runs them once
 * Astro's process has ended. At 10,000 roles Astro's process held up to
 * 2.7 GB and Pagefind's indexer 2.1 GB beside it: one after the other, the
 * build needs the larger of the two, not their sum.
 * `astro build` alone (tests, `npx astro build`) runs them in its hooks.
 */
export const AFTER_BUILD_ENV = 'CAREERS_AFTER_BUILD';

/** The handoff file when the build script runs the after-build steps, else undefined. */
export function afterBuildFile(): string | undefined {
	return process.env[AFTER_BUILD_ENV] || undefined;
}
