import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The module through which Astro hands the content collections' data store to the pages it renders. */
const DATA_STORE_MODULE = /^\0astro:data-layer-content$/;

/** How Astro writes that module for a store in one file: the file's JSON as a string literal, parsed where the pages run. */
const PREFIX = 'export default JSON.parse(';
const SUFFIX = ')';

/**
 * The data store module made to read the store's file when the pages render,
 * instead of carrying it as a string literal; undefined when the module is not
 * the file's content as Astro writes it (then it is kept as it is).
 *
 * Why: at 10,000 roles the store is 16 MB of JSON, and V8 takes about 1.8 s to
 * compile a module holding it as an 18 MB literal (its scanner reads the
 * literal's escapes one character at a time), on every build, a rebuild after
 * one change included; the module's source then stays in memory with the
 * store parsed from it. A static build renders its pages on the machine that
 * wrote the file, right after writing it, so the file is there to read. The
 * length read is checked against the length bundled: a store changed in
 * between fails the build instead of rendering other data.
 *
 * @param code the module as Astro's plugin loaded it
 * @param file the data store file, and its content now
 */
export function dataStoreFromFile(code: string, file: { path: string; content: string }): string | undefined {
	if (!code.startsWith(PREFIX) || !code.endsWith(SUFFIX)) return undefined;
	let literal: unknown;
	try {
		literal = JSON.parse(code.slice(PREFIX.length, -SUFFIX.length));
	} catch {
		return undefined;
	}
	// The file's very text, compared whole (parsing the literal is four times faster than escaping the file's text).
	if (literal !== file.content) return undefined;
	return [
		`import { readFileSync } from 'node:fs';`,
		`const text = readFileSync(${JSON.stringify(file.path)}, 'utf8');`,
		`if (text.length !== ${file.content.length}) throw new Error(${JSON.stringify(`the content data store (${file.path}) changed while the site was built: build again`)});`,
		'export default JSON.parse(text);',
	].join('\n');
}

/**
 * Makes the pages read Astro's content data store from its file when they
 * render ({@link dataStoreFromFile}), in builds only: the dev server keeps
 * Astro's module, which it reloads when the store changes. Warns when the
 * module is not as expected (a newer Astro writing it differently): the site
 * is then built as Astro makes it, only slower.
 */
export function dataStoreModule(): AstroIntegration {
	return {
		name: 'careers-data-store-module',
		hooks: {
			'astro:config:setup': ({ config, command, updateConfig, logger }) => {
				if (command !== 'build') return;
				const path = fileURLToPath(new URL('data-store.json', config.cacheDir));
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'careers-data-store-module',
								enforce: 'post',
								transform: {
									filter: { id: DATA_STORE_MODULE },
									handler(code, id) {
										// Also where the filter is not applied (it is a hint to the bundler).
										if (!DATA_STORE_MODULE.test(id)) return undefined;
										let content: string;
										try {
											content = readFileSync(path, 'utf8');
										} catch {
											// No store written (no collection has entries): Astro's module is an empty map.
											return undefined;
										}
										const replaced = dataStoreFromFile(code, { path, content });
										if (replaced === undefined) logger.warn(`Astro's data store module is not the content of ${path} as expected: it is bundled as Astro wrote it (slower at scale)`);
										return replaced === undefined ? undefined : { code: replaced, map: { mappings: '' } };
									},
								},
							},
						],
					},
				});
			},
		},
	};
}
