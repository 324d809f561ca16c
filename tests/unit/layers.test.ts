import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The folders show the layers (see README, "Where things are"). The pure
 * pipeline in src/postings/ is plain functions over text and trees: it must
 * not reach Astro, the file system, git or a child process, even through a
 * module it imports, so it runs the same in the loader, the review, the sync
 * and a test. Pages get page data from the routing and publishing modules,
 * never from pipeline internals.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'src');

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** What one module imports: relative files (resolved) and bare package names. */
function importsOf(file: string): { files: string[]; packages: string[] } {
	const text = readFileSync(file, 'utf8');
	const code = file.endsWith('.astro') ? (text.match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '') : text;
	const files: string[] = [];
	const packages: string[] = [];
	for (const match of code.matchAll(IMPORT)) {
		const specifier = match[1] ?? match[2]!;
		// `import type` costs nothing at run time, but a type-only import of an I/O module still couples the layers: count it.
		if (specifier.startsWith('.')) files.push(resolve(dirname(file), specifier));
		else packages.push(specifier);
	}
	return { files, packages };
}

/** Every module reachable from `entries`, and the packages they import. */
function closure(entries: string[]): { files: Set<string>; packages: Map<string, string> } {
	const files = new Set<string>();
	const packages = new Map<string, string>();
	const queue = [...entries];
	while (queue.length > 0) {
		const file = queue.pop()!;
		if (files.has(file)) continue;
		files.add(file);
		const found = importsOf(file);
		for (const name of found.packages) if (!packages.has(name)) packages.set(name, relative(ROOT, file));
		queue.push(...found.files.filter((next) => existsSync(next)));
	}
	return { files, packages };
}

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : /\.(ts|astro)$/.test(name) ? [path] : [];
	});
}

/** Packages that do I/O or tie a module to Astro's runtime. `astro/zod` is only zod. */
const IMPURE = (name: string) =>
	/^(node:)?(fs|fs\/promises|child_process|worker_threads|net|http|https)$/.test(name) || ((name === 'astro' || /^astro[:/]/.test(name)) && name !== 'astro/zod');

describe('layers', () => {
	it('the pure pipeline reaches no Astro, file system, git or process, even indirectly', () => {
		const { files, packages } = closure(walk(join(SRC, 'postings')));
		const impure = [...packages].filter(([name]) => IMPURE(name)).map(([name, by]) => `${by} imports ${name}`);
		expect(impure).toEqual([]);
		const outside = [...files]
			.map((file) => relative(SRC, file))
			// The posting-file format (the raw posting's one module) and its size limit, which it shares with the input's reader;
			// the site's English labels, plain data the settings' schema checks a site's own `labels` against.
			.filter((file) => !/^(postings|schemas|utils)\//.test(file) && !['sources/posting-file.ts', 'sources/size-limit.ts', 'i18n/en.ts', 'i18n/labels.ts'].includes(file));
		expect(outside).toEqual([]);
	});

	it('the pure pipeline does not import the modules that read folders, git or settings', () => {
		const { files } = closure(walk(join(SRC, 'postings')));
		const forbidden = ['sources/folder.ts', 'sources/git-dates.ts', 'sources/ats.ts', 'config/site.ts', 'config/site-config.ts', 'utils/git.ts'];
		expect([...files].map((file) => relative(SRC, file)).filter((file) => forbidden.includes(file))).toEqual([]);
	});

	it('pages, components and layouts take page data from routing and publishing, not from pipeline internals', () => {
		const views = ['pages', 'components', 'layouts'].flatMap((folder) => walk(join(SRC, folder)));
		const reaching = views.flatMap((view) =>
			importsOf(view)
				.files.map((file) => relative(SRC, file))
				.filter((file) => file.startsWith('postings/') || file.startsWith('sources/'))
				.map((file) => `${relative(SRC, view)} imports ${file}`),
		);
		expect(reaching).toEqual([]);
	});

	it('keeps cheerio out of the pipeline: only the ATS sources read HTML with it, and loading it cost every build about 0.2 s', () => {
		expect([...closure([join(SRC, 'postings', 'normalize.ts')]).packages.keys()]).not.toContain('cheerio');
	});

	it('has no catch-all lib folder', () => {
		expect(existsSync(join(SRC, 'lib'))).toBe(false);
	});

	it('sees imports (the check above cannot pass by reading nothing)', () => {
		const { files, packages } = closure([join(SRC, 'postings', 'normalize.ts')]);
		expect(files.size).toBeGreaterThan(10);
		expect([...packages.keys()]).toEqual(expect.arrayContaining(['htmlparser2', 'domhandler', 'astro/zod']));
		// And it would notice a file-system import: the folder reader has one.
		expect([...closure([join(SRC, 'sources', 'folder.ts')]).packages.keys()]).toContain('node:fs');
	});
});
