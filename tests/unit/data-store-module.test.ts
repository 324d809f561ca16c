import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dataStoreModule, dataStoreReader } from '../../src/integrations/data-store-module.ts';

// A store as devalue flattens it, with what escaping must survive: quotes, backslashes, line separators, non-Latin text.
const STORE = JSON.stringify([
	{ postings: 1 },
	'München – 東京 "Staff" engineer \\ C:\\path',
	'line\u2028separator\nand tab\t',
	{ title: 2, pay: 3 },
	'€120,000',
]);

/** The module as Astro 7's content plugin writes it for a store in one file. */
const astroModule = (content: string) => `export default JSON.parse(${JSON.stringify(content)})`;

let dir: string;
let count = 0;
/** Imports a module's code from a file of its own, as the build's renderer would. */
const evaluate = async (code: string): Promise<unknown> => {
	const file = join(dir, `module-${count++}.mjs`);
	writeFileSync(file, code);
	return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
};

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'data-store-module-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Load = { order?: string; handler: (id: string) => unknown };
type Hook = (options: unknown) => void;

/** The integration's hooks run for a command and settings: the Vite plugins it added, and what `astro:build:done` warned. */
function integration(command: 'build' | 'dev', cacheDir: string, experimental: Record<string, unknown> = {}) {
	const plugins: Array<{ name: string; load?: Load }> = [];
	const warnings: string[] = [];
	const { hooks } = dataStoreModule();
	(hooks['astro:config:setup'] as unknown as Hook)({
		config: { cacheDir: pathToFileURL(`${cacheDir}/`), experimental },
		command,
		updateConfig: (config: { vite: { plugins: typeof plugins } }) => plugins.push(...config.vite.plugins),
	});
	const done = () => (hooks['astro:build:done'] as unknown as Hook)({ logger: { warn: (message: string) => warnings.push(message) } });
	return { plugins, warnings, done };
}

describe('the content data store read from its file when pages render', () => {
	it("gives the pages the very value Astro's module gives", async () => {
		const path = join(dir, 'data-store.json');
		writeFileSync(path, STORE);
		const reader = dataStoreReader({ path, bytes: statSync(path).size });
		// Nothing of the store is in the module: only where to read it.
		expect(reader).not.toContain('東京');
		expect(await evaluate(reader)).toEqual(await evaluate(astroModule(STORE)));
	});

	it('fails the build, naming the file, when the store changed between bundling and rendering', async () => {
		const path = join(dir, 'changed.json');
		writeFileSync(path, STORE);
		const reader = dataStoreReader({ path, bytes: statSync(path).size });
		writeFileSync(path, STORE.replace('€120,000', '€130,000 a year'));
		await expect(evaluate(reader)).rejects.toThrow(`the content data store (${path}) changed while the site was built: build again`);
	});

	it("loads the module ahead of Astro's plugin, in builds of a store in one file", async () => {
		const cache = mkdtempSync(join(dir, 'cache-'));
		const { plugins, warnings, done } = integration('build', cache);
		expect(plugins).toHaveLength(1);
		const load = plugins[0]!.load!;
		// Astro's content plugin is enforced 'pre' and comes first: only the hook's own order runs this before it.
		expect(load.order).toBe('pre');
		// No store written yet: Astro's module (an empty map) stands, and there is nothing to warn about.
		expect(load.handler('\0astro:data-layer-content')).toBeUndefined();
		done();
		expect(warnings).toEqual([]);
		writeFileSync(join(cache, 'data-store.json'), STORE);
		// A store Astro loaded itself: the build says so.
		done();
		expect(warnings).toEqual([expect.stringContaining(`the pages did not read the content data store from ${join(cache, 'data-store.json')}: Astro bundled it`)]);
		const loaded = load.handler('\0astro:data-layer-content') as { code: string; meta: unknown };
		expect(loaded.meta).toEqual({ astroIncremental: { kind: 'content-data' } });
		expect(await evaluate(loaded.code)).toEqual(JSON.parse(STORE));
		done();
		expect(warnings).toHaveLength(1);
		// Other modules are Astro's.
		expect(load.handler('\0astro:content')).toBeUndefined();
		expect(load.handler('\0astro:data-layer-content?x')).toBeUndefined();
	});

	it("leaves the dev server and a store in chunks to Astro's module", () => {
		expect(integration('dev', dir).plugins).toEqual([]);
		expect(integration('build', dir, { collectionStorage: 'chunked' }).plugins).toEqual([]);
		expect(integration('build', dir, { collectionStorage: { chunkSize: 1024 } }).plugins).toEqual([]);
		expect(integration('build', dir, { collectionStorage: 'single-file' }).plugins).toHaveLength(1);
	});
});
