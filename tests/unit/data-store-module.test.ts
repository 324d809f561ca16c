import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dataStoreFromFile } from '../../src/integrations/data-store-module.ts';

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

describe('the content data store read from its file when pages render', () => {
	it('gives the pages the very value Astro\'s module gives', async () => {
		const path = join(dir, 'data-store.json');
		writeFileSync(path, STORE);
		const replaced = dataStoreFromFile(astroModule(STORE), { path, content: STORE });
		expect(replaced).toBeDefined();
		// Nothing of the store is in the module any more: only where to read it.
		expect(replaced).not.toContain('東京');
		expect(await evaluate(replaced!)).toEqual(await evaluate(astroModule(STORE)));
	});

	it('fails the build, naming the file, when the store changed between bundling and rendering', async () => {
		const path = join(dir, 'changed.json');
		writeFileSync(path, STORE);
		const replaced = dataStoreFromFile(astroModule(STORE), { path, content: STORE });
		writeFileSync(path, STORE.replace('€120,000', '€130,000 a year'));
		await expect(evaluate(replaced!)).rejects.toThrow(`the content data store (${path}) changed while the site was built: build again`);
	});

	it('keeps Astro\'s module when it is not the file\'s content', () => {
		const file = { path: join(dir, 'data-store.json'), content: STORE };
		// Another store than the file's.
		expect(dataStoreFromFile(astroModule(STORE.replace('München', 'Munich')), file)).toBeUndefined();
		// No store written: an empty map.
		expect(dataStoreFromFile('export default new Map()', file)).toBeUndefined();
		// The store in chunks (experimental.collectionStorage), or written some other way by a newer Astro.
		expect(dataStoreFromFile('export default{"postings":[(await import("astro:data-layer-chunk/abc.txt"))]}', file)).toBeUndefined();
		expect(dataStoreFromFile(`export default JSON.parse(${JSON.stringify(STORE)}, reviver)`, file)).toBeUndefined();
	});
});
