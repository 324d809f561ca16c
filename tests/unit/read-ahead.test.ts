import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSiteConfig } from '../../src/config/site-config.ts';
import { codeDigest, inputStamps, pipelineInputDigest, storedInputFile, type PipelineInput } from '../../src/loaders/input-digest.ts';
import { cachedStoredPostings, openPostingCache, pipelineCacheDir } from '../../src/loaders/posting-cache.ts';
import { readInputAhead, takeInputReadAhead } from '../../src/loaders/read-ahead.ts';
import { roleTextDir, withRoleText } from '../../src/loaders/role-text.ts';
import { awaitPipelineFiles } from '../../src/loaders/files-pending.ts';
import { fromPortable, runOf, type Run } from '../../src/loaders/run.ts';
import { loadCatalogue, type ReadInput } from '../../src/sources/folder.ts';

// A build reads its postings folder and runs the pipeline over it in a thread while Astro starts
// (src/loaders/read-ahead.ts): the loader gets the run it would have made itself, the files when the
// thread could not run the pipeline, or nothing when the folder changed since.
const work = mkdtempSync(join(tmpdir(), 'careers-read-ahead-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const root = process.cwd();
const seeds = join(root, 'content', 'postings');
const postingsDir = join(work, 'postings');
mkdirSync(postingsDir);
// The seeds (11 KB each: their bytes move between the threads) and a small file (its bytes share Node's buffer pool: copied).
for (const name of readdirSync(seeds).filter((file) => file.endsWith('.html'))) copyFileSync(join(seeds, name), join(postingsDir, name));
const intern = join(postingsDir, 'intern.html');
writeFileSync(intern, '---\ntitle: Intern\n---\n<p>Six months in Lisbon.</p>\n');
const siteConfig = join(work, 'site.yaml');
copyFileSync(join(root, 'tests', 'fixtures', 'site.yaml'), siteConfig);
const input: PipelineInput & { cacheDir: string } = { root, postingsDir, siteConfig, today: '2026-12-05', cacheDir: join(work, 'cache') };

/** The read the loader would take now, started now. */
function readNow(of: PipelineInput = input) {
	readInputAhead(of);
	return takeInputReadAhead(of, inputStamps(of.postingsDir, of.siteConfig));
}

/** A thread's run as the loader reads it. */
function takeRun(of: PipelineInput & { cacheDir: string } = input): { run: Run; formBytes: number } {
	const taken = readNow(of)?.take();
	if (!taken || !('run' in taken)) throw new Error(`no run: ${JSON.stringify(taken && Object.keys(taken))}`);
	return { run: fromPortable(taken.run, cachedStoredPostings(of.cacheDir, codeDigest(root))), formBytes: taken.run.forms.byteLength };
}

/** The run the loader makes itself over the same folder (the files as its input digest read them), with a cache folder of its own. */
function runHere(cacheDir: string): Run {
	const read: ReadInput = { files: new Map() };
	pipelineInputDigest({ ...input, cacheDir }, read);
	const cache = openPostingCache(cacheDir, codeDigest(root));
	const catalogue = loadCatalogue(postingsDir, readSiteConfig(siteConfig), root, { cache, read, today: input.today });
	cache.save();
	return runOf(catalogue, cache, 0);
}

const facts = (run: Run) => run.postings.map(({ stored: _stored, reused: _reused, ...posting }) => posting);

describe('the postings folder read ahead', () => {
	it('gives the loader the digest, then the run it would have made itself, once', () => {
		const ahead = readNow();
		expect(ahead?.digest).toBe(pipelineInputDigest(input));
		const taken = ahead?.take();
		expect(taken && 'run' in taken).toBe(true);
		expect(ahead?.take()).toBeUndefined();
		// Taken: the next build's loader (the dev server's next sync) reads for itself.
		expect(takeInputReadAhead(input, inputStamps(postingsDir, siteConfig))).toBeUndefined();

		const { run } = takeRun({ ...input, cacheDir: join(work, 'cache-2') });
		const here = runHere(join(work, 'cache-here'));
		expect(run.postings.map((posting) => [posting.slug, posting.open, posting.origin])).toEqual([
			['engineering-manager-workers-runtime', true, { kind: 'file', path: join(postingsDir, '000_d1e515e116b35d49.html') }],
			['senior-systems-engineer-workers-runtime-cpp', true, { kind: 'file', path: join(postingsDir, '001_3342c549bba94a78.html') }],
			['engineering-manager-observability', true, { kind: 'file', path: join(postingsDir, '002_cc35c7161091c165.html') }],
			['systems-engineer-global-scheduling', true, { kind: 'file', path: join(postingsDir, '003_2e4cdf5e0a274030.html') }],
			['software-engineer-cloudflare-tunnel', true, { kind: 'file', path: join(postingsDir, '004_8fa9f8a2c4e7ab16.html') }],
			['intern', true, { kind: 'file', path: intern }],
		]);
		expect(facts(run)).toEqual(facts(here));
		expect(run.postings.map((posting) => posting.stored())).toEqual(here.postings.map((posting) => posting.stored()));
		expect(run.postings[3]?.stored().title).toBe('Systems Engineer, Global Scheduling');
		expect(run.company).toEqual(here.company);
		expect(run.company.length).toBeGreaterThan(0);
		expect(run.warnings).toEqual(here.warnings);
		expect(run.stats).toMatchObject({ normalized: 6, reused: 0 });
	});

	it('sends the stored forms of the postings it normalized only: the reused ones are read from the cache it saved', () => {
		const cacheDir = join(work, 'cache-reuse');
		const first = takeRun({ ...input, cacheDir });
		expect(first.formBytes).toBeGreaterThan(0);
		const again = takeRun({ ...input, cacheDir });
		expect(again.run.stats).toMatchObject({ normalized: 0, reused: 6 });
		expect(again.formBytes).toBe(0);
		expect(again.run.postings.map((posting) => posting.stored())).toEqual(first.run.postings.map((posting) => posting.stored()));

		appendFileSync(intern, '<p>Mentored by the team in Porto.</p>\n');
		try {
			const changed = takeRun({ ...input, cacheDir });
			expect(changed.run.stats).toMatchObject({ normalized: 1, reused: 5 });
			expect(changed.run.postings.filter((posting) => !posting.reused).map((posting) => posting.slug)).toEqual(['intern']);
			expect(changed.formBytes).toBeGreaterThan(0);
			// Written by the thread after it sent the run: read as the pages read them, once they are written.
			const roleText = (run: Run) => {
				awaitPipelineFiles();
				return readFileSync(join(roleTextDir(cacheDir), `${run.postings.at(-1)?.stored().roleText}.json`), 'utf8');
			};
			expect(roleText(changed.run)).toContain('Mentored by the team in Porto.');
			expect(roleText(first.run)).not.toContain('Porto');
			expect(changed.run.postings.slice(0, 5).map((posting) => posting.stored())).toEqual(first.run.postings.slice(0, 5).map((posting) => posting.stored()));
		} finally {
			writeFileSync(intern, '---\ntitle: Intern\n---\n<p>Six months in Lisbon.</p>\n');
		}
	});

	it("sends the run before it writes the run's files; a reader waits for them, and is told when they could not be written", () => {
		const cacheDir = join(work, 'cache-after');
		const { run } = takeRun({ ...input, cacheDir });
		const stored = run.postings.map((posting) => posting.stored());
		// The pages read a posting's sections from its role-text file: the read waits until the thread has written it.
		const sections = withRoleText(roleTextDir(cacheDir), stored[3]!).sections;
		expect(sections.map((section) => section.id)).toEqual(stored[3]!.sections.map((section) => section.id));
		expect(sections.map((section) => section.html).join('')).toContain('So few engineers have the opportunity to work on these');
		expect(readdirSync(roleTextDir(cacheDir)).sort()).toEqual(stored.map((posting) => `${posting.roleText}.json`).sort());
		expect(readdirSync(pipelineCacheDir(cacheDir))).toHaveLength(16);

		// A cache folder whose role-text folder cannot be made (a file where the folder goes).
		const blocked = join(work, 'cache-blocked');
		mkdirSync(join(blocked, 'postings'), { recursive: true });
		writeFileSync(roleTextDir(blocked), 'not a folder');
		const taken = takeRun({ ...input, cacheDir: blocked });
		expect(taken.run.postings).toHaveLength(6);
		const because = /^The pipeline's files could not be written into the build's cache folder \(.*EEXIST.*\)\. Check that the cache folder can be written to, and build again\.$/;
		expect(() => awaitPipelineFiles()).toThrow(because);
		// Every later reader is told the same.
		expect(() => withRoleText(roleTextDir(blocked), taken.run.postings[0]!.stored()).sections).toThrow(because);
	});

	it('gives the files it read instead of a run when a posting is at fault: the loader runs the pipeline and reports it', () => {
		const broken = join(postingsDir, 'broken.html');
		writeFileSync(broken, '---\ntitle: [unclosed\n---\n<p>Text.</p>\n');
		try {
			const taken = readNow()?.take();
			expect(taken && 'read' in taken).toBe(true);
			const { files } = (taken as { read: ReadInput }).read;
			expect(files.size).toBe(7);
			expect(files.get(broken)?.bytes.toString('utf8')).toContain('[unclosed');
			const read: ReadInput = { files: new Map() };
			pipelineInputDigest(input, read);
			for (const [path, file] of read.files) expect(files.get(path), path).toEqual(file);
		} finally {
			rmSync(broken);
		}
	});

	it('runs no pipeline for the input the data store has already (the loader notes it in the cache folder)', () => {
		const cacheDir = join(work, 'cache-stored');
		const digest = pipelineInputDigest({ ...input, cacheDir });
		mkdirSync(join(cacheDir, 'postings'), { recursive: true });
		writeFileSync(storedInputFile(cacheDir), digest);
		const taken = readNow({ ...input, cacheDir })?.take();
		// The files, should the loader need a run after all (its data store lost): no pipeline ran, nothing was cached.
		expect(taken && 'read' in taken && taken.read.files.size).toBe(6);
		expect(existsSync(pipelineCacheDir(cacheDir))).toBe(false);
	});

	it('gives nothing when the folder it read differs from the folder the loader finds', () => {
		const before = inputStamps(postingsDir, siteConfig);
		// Another size: the stamps differ whatever the clock's resolution.
		writeFileSync(intern, '---\ntitle: Intern\n---\n<p>Six months in Porto.</p>\n');
		try {
			expect(inputStamps(postingsDir, siteConfig)).not.toBe(before);
			// Read with the file as it is now, taken by a loader that found it as it was (or the other way round).
			readInputAhead(input);
			expect(takeInputReadAhead(input, before)).toBeUndefined();
			expect(readNow()?.digest).toBe(pipelineInputDigest(input));
		} finally {
			writeFileSync(intern, '---\ntitle: Intern\n---\n<p>Six months in Lisbon.</p>\n');
		}
	});

	it('gives nothing for another input: another day, another folder', () => {
		readInputAhead(input);
		const stamps = inputStamps(postingsDir, siteConfig);
		expect(takeInputReadAhead({ ...input, today: '2026-12-06' }, stamps)).toBeUndefined();
		expect(takeInputReadAhead({ ...input, postingsDir: join(work, 'other') }, stamps)).toBeUndefined();
		const ahead = takeInputReadAhead(input, stamps);
		expect(ahead?.digest).toBe(pipelineInputDigest(input));
		ahead?.drop();
		expect(ahead?.take()).toBeUndefined();
	});

	it("starts before Astro in `npm run build` (node --import), for the input the loader asks with, in the build's main thread only", () => {
		const cacheDir = join(work, 'cache-early');
		const early = pathToFileURL(join(root, 'src', 'loaders', 'read-ahead-early.ts')).href;
		const readAhead = pathToFileURL(join(root, 'src', 'loaders', 'read-ahead.ts')).href;
		const digestModule = pathToFileURL(join(root, 'src', 'loaders', 'input-digest.ts')).href;
		// As the loader asks: Astro's folders are URLs, and their paths end in a separator.
		const script = `
			import { Worker } from 'node:worker_threads';
			import { takeInputReadAhead } from '${readAhead}';
			import { inputStamps } from '${digestModule}';
			const reads = () => globalThis[Symbol.for('careers.read-ahead')]?.size ?? 0;
			const inWorker = await new Promise((done) => new Worker("import { parentPort } from 'node:worker_threads'; parentPort.postMessage(globalThis[Symbol.for('careers.read-ahead')]?.size ?? 0)", { eval: true }).once('message', done));
			const started = reads();
			const input = { root: ${JSON.stringify(`${root}/`)}, postingsDir: ${JSON.stringify(postingsDir)}, siteConfig: ${JSON.stringify(siteConfig)}, today: new Date().toISOString().slice(0, 10), cacheDir: ${JSON.stringify(`${cacheDir}/`)} };
			const taken = takeInputReadAhead(input, inputStamps(input.postingsDir, input.siteConfig))?.take();
			console.log(JSON.stringify({ started, inWorker, run: taken?.run?.postings.map((posting) => posting.slug) }));
		`;
		const { PREVIEW: _preview, ...env } = process.env;
		// A file, not `-e`: a thread inherits the process's options, and one given `-e` does not start.
		const file = join(work, 'loader.mjs');
		writeFileSync(file, script);
		const result = spawnSync(process.execPath, ['--import', early, file], {
			cwd: root,
			env: { ...env, POSTINGS_DIR: postingsDir, SITE_CONFIG: siteConfig, ASTRO_CACHE_DIR: cacheDir },
			encoding: 'utf8',
			timeout: 120_000,
		});
		expect(result.stderr).toBe('');
		expect(JSON.parse(result.stdout)).toEqual({
			started: 1,
			inWorker: 0,
			run: ['engineering-manager-workers-runtime', 'senior-systems-engineer-workers-runtime-cpp', 'engineering-manager-observability', 'systems-engineer-global-scheduling', 'software-engineer-cloudflare-tunnel', 'intern'],
		});
	});
});
