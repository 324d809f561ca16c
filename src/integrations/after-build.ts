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

/**
 * The search index of a small site, built while Astro renders the pages after
 * its role pages. `npm run build` sets this variable for a site below
 * LARGE_SITE_POSTINGS (src/config/v8-flags.ts), where Astro's memory and the
 * indexer's fit side by side; a larger site keeps them one after the other
 * (above). The build script then starts Astro with a message channel, and a
 * middleware (./role-pages-rendered.ts) says on it when the last role page
 * has rendered ({@link RolePagesRendered}); the build script indexes them
 * then (./early-search-index.ts). At 1,000 roles the listings, feeds and API
 * files take Astro another 2 s on one core: indexing beside them saved 0.59 s
 * of a 15.7 s cold build (median 0.55 s, 14 faster of 20 alternated pairs;
 * docs/decisions.md, "The search index beside the last routes").
 */
export const EARLY_INDEX_ENV = 'CAREERS_EARLY_INDEX';

/** The message Astro's process sends once every role page has rendered. */
export interface RolePagesRendered {
	type: 'careers:role-pages-rendered';
	/** The slug of every role page (open, closed and moved roles): the folders under `jobs/`. */
	slugs: string[];
}

/** Whether this (Astro's) process should say when its role pages have rendered: under `npm run build`, for a small site. */
export function earlyIndexWanted(env: NodeJS.ProcessEnv = process.env): boolean {
	return env[EARLY_INDEX_ENV] === '1' && typeof process.send === 'function';
}

/** Whether a message from Astro's process is {@link RolePagesRendered}. */
export function isRolePagesRendered(message: unknown): message is RolePagesRendered {
	const candidate = message as Partial<RolePagesRendered> | null;
	return candidate?.type === 'careers:role-pages-rendered' && Array.isArray(candidate.slugs) && candidate.slugs.every((slug) => typeof slug === 'string');
}
