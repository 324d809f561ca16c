import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The module through which Astro hands the content collections' data store to the pages it renders (astro/dist/content/consts.js). */
const DATA_STORE_MODULE = /^\0astro:data-layer-content$/;

/**
 * The mark Astro puts on its own module (astro/dist/core/build/incremental-metadata.js):
 * its incremental build leaves modules of content data out of the pages' code
 * hashes. Astro 7.3's pages do not reach the module through the code it hashes
 * (pages were reused after a change without the mark too: tried), so this only
 * keeps the module as Astro makes it; the build test that looks for a role
 * page reused after a change guards the behaviour whatever the reason.
 */
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } } as const;

/**
 * The data store module as a read of the store's file when the pages render:
 * its JSON parsed there, as Astro's own module parses the copy it carries.
 * The file must still have the size it had when the module was made: a store
 * changed in between fails the build, naming the file, instead of rendering
 * other data.
 *
 * @param file the data store file, and its size in bytes now
 */
export function dataStoreReader(file: { path: string; bytes: number }): string {
	return [
		`import { readFileSync } from 'node:fs';`,
		`const bytes = readFileSync(${JSON.stringify(file.path)});`,
		`if (bytes.length !== ${file.bytes}) throw new Error(${JSON.stringify(`the content data store (${file.path}) changed while the site was built: build again`)});`,
		`export default JSON.parse(bytes.toString('utf8'));`,
	].join('\n');
}

/**
 * Makes the pages read Astro's content data store from its file when they
 * render, in builds only, instead of carrying it in the bundle.
 *
 * Why: Astro's module is `export default JSON.parse("…")` with the whole
 * store as one string literal. At 10,000 roles the store is 16 MB of JSON,
 * which Astro reads, parses and escapes into that literal (1.2 s), and V8
 * then compiles (1.8 s, its scanner reading the literal's escapes one
 * character at a time), on every build, a rebuild after one change
 * included; the source then stays in memory beside the store parsed from
 * it. A static build renders its pages on the machine that wrote the file,
 * right after writing it, so the file is there to read.
 *
 * The module is loaded before Astro's plugin would load it (the hook's
 * `order: 'pre'`: Astro's plugin comes before an integration's otherwise),
 * so Astro never makes the literal. (This plugin used to replace Astro's
 * module once made, which still paid for the literal, and 0.5 s more to
 * check it against the file.) It is made only for a store in one file (not
 * `experimental.collectionStorage`'s chunks) that exists (none written:
 * Astro's empty map). The dev server keeps Astro's module, which it reloads
 * when the store changes.
 */
export function dataStoreModule(): AstroIntegration {
	// The store's file when this build should read it from there, and whether the module was made so.
	let path: string | undefined;
	let loaded = false;
	return {
		name: 'careers-data-store-module',
		hooks: {
			'astro:config:setup': ({ config, command, updateConfig }) => {
				if (command !== 'build') return;
				const storage = config.experimental.collectionStorage;
				if (storage !== undefined && storage !== 'single-file') return;
				const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
				path = file;
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'careers-data-store-module',
								load: {
									order: 'pre',
									filter: { id: DATA_STORE_MODULE },
									handler(id) {
										// Also where the filter is not applied (it is a hint to the bundler).
										if (!DATA_STORE_MODULE.test(id)) return undefined;
										const stat = statSync(file, { throwIfNoEntry: false });
										if (!stat?.isFile()) return undefined;
										loaded = true;
										return { code: dataStoreReader({ path: file, bytes: stat.size }), map: { mappings: '' }, meta: CONTENT_DATA_META };
									},
								},
							},
						],
					},
				});
			},
			'astro:build:done': ({ logger }) => {
				// A later Astro or Vite that loads the module another way builds the same site, only slower: say so (the build tests look).
				if (path && !loaded && statSync(path, { throwIfNoEntry: false })?.isFile()) {
					logger.warn(`the pages did not read the content data store from ${path}: Astro bundled it (slower at scale; see src/integrations/data-store-module.ts)`);
				}
			},
		},
	};
}
