import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, walk, type BuildResult } from './build-helpers.ts';

/**
 * A rebuild from the caches of the build before gives the same site, byte for
 * byte, as a build from nothing: the five seeds and six roles of the site's
 * own company, five of which carry a company blurb. Eleven postings need six
 * carrying it for it to be company text; the sixth role gaining it makes it
 * company text on six role pages, and losing it again makes it role text.
 * Unchanged pages are hard links to Astro's cached copies
 * (src/integrations/linked-pages.ts): a page edited in the output afterwards
 * never comes back, and a removed role's page is removed.
 */
const BUILD_TIME = '2026-12-02T00:00:00Z';
const BLURB = '<p>Acme builds rockets for everyone, and has done so since 1949 from its base in the Mojave desert.</p>';

const work = mkdtempSync(join(tmpdir(), 'careers-incremental-'));
const folder = join(work, 'postings');

function writePostings(blurbs: number, roles = 6): void {
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder);
	const seeds = join(ROOT, 'tests/fixtures/seeds');
	for (const name of readdirSync(seeds)) copyFileSync(join(seeds, name), join(folder, name));
	for (let n = 1; n <= roles; n += 1) {
		writeFileSync(
			join(folder, `rocket-${n}.html`),
			`---\ntitle: Rocket Engineer ${n}\nteam: Propulsion\nlocations: [Lisbon, Portugal]\ndatePosted: 2026-11-0${n}\n---\n${n <= blurbs ? BLURB : ''}<h2>About the role</h2><p>Rocket engineer ${n} tests engines on the coast near Lisbon.</p>`,
		);
	}
}

/** Builds into `name`/dist with the cache folder `cache`. */
function build(name: string, cache: string): BuildResult {
	return buildSite(folder, join(work, name, 'dist'), { BUILD_TIME, PREVIEW: 'false', ASTRO_CACHE_DIR: join(work, cache) });
}

/** Every file of a build, with its bytes as text. */
function files(name: string): Record<string, string> {
	const dist = join(work, name, 'dist');
	return Object.fromEntries(walk(dist).map((path) => [path, readFileSync(join(dist, path), 'latin1')]));
}

const pipelineLine = (result: BuildResult) => /pipeline: .*/.exec(result.output)?.[0];
const ROLE_PAGE = 'jobs/rocket-engineer-1/index.html';
/** A seed's page, which no change in these builds touches. */
const SEED_PAGE = 'jobs/systems-engineer-global-scheduling/index.html';
const REMOVED_PAGE = 'jobs/rocket-engineer-6/index.html';

describe('a rebuild from the caches', () => {
	const results: Record<string, BuildResult> = {};
	const roleTextFiles: Record<string, number> = {};
	const changed: Record<string, number> = {};
	const sites: Record<string, Record<string, string>> = {};

	beforeAll(() => {
		writePostings(5);
		results.before = build('before', 'cache');
		sites.before = files('before');
		// The sixth role gains the blurb: company text now, for six roles.
		writePostings(6);
		results.gained = build('gained', 'cache');
		sites.gained = files('gained');
		results.gainedCold = build('gained-cold', 'cache-cold');
		sites.gainedCold = files('gained-cold');
		// And loses it again: back to the first site.
		writePostings(5);
		results.lost = build('lost', 'cache');
		sites.lost = files('lost');
		// A page of that output edited in place (which edits the cached copy it is linked to), then the same postings built again.
		appendFileSync(join(work, 'lost', 'dist', ROLE_PAGE), '<!-- edited after the build -->');
		results.afterEdit = build('after-edit', 'cache');
		sites.afterEdit = files('after-edit');
		// The cache restored as a host may restore it, every copy's time changed, and the same postings built again.
		const restored = new Date('2026-12-01T00:00:00Z');
		for (const path of walk(join(work, 'cache', 'dist'))) utimesSync(join(work, 'cache', 'dist', path), restored, restored);
		results.restored = build('restored', 'cache');
		sites.restored = files('restored');
		roleTextFiles.restored = readdirSync(join(work, 'cache', 'postings', 'role-text')).length;
		// A build that stopped half way leaves no record of the copies; nor does a cache restored without it.
		rmSync(join(work, 'cache', 'linked-pages.json'));
		results.unrecorded = build('unrecorded', 'cache');
		sites.unrecorded = files('unrecorded');
		// A recorded copy gone from the cache.
		rmSync(join(work, 'cache', 'dist', ROLE_PAGE));
		results.copyGone = build('copy-gone', 'cache');
		sites.copyGone = files('copy-gone');
		// The cache restored without the role text beside the data store, and the same postings built again.
		rmSync(join(work, 'cache', 'postings', 'role-text'), { recursive: true });
		results.textless = build('textless', 'cache');
		sites.textless = files('textless');
		// The sixth role removed.
		writePostings(5, 5);
		results.removed = build('removed', 'cache');
		sites.removed = files('removed');
		roleTextFiles.removed = readdirSync(join(work, 'cache', 'postings', 'role-text')).length;
		// The same postings built again into that output folder, as a second `npm run build` does: left in it,
		// a page no route makes, an empty folder, a page replaced by a copy of itself (no longer the cached file), and a checkout's `.git`.
		const out = join(work, 'removed', 'dist');
		changed.before = statSync(join(out, ROLE_PAGE)).ctimeMs;
		mkdirSync(join(out, 'jobs', 'old-role'));
		writeFileSync(join(out, 'jobs', 'old-role', 'index.html'), '<p>A role closed long ago</p>');
		mkdirSync(join(out, 'empty', 'folder'), { recursive: true });
		const replaced = readFileSync(join(out, SEED_PAGE));
		rmSync(join(out, SEED_PAGE));
		writeFileSync(join(out, SEED_PAGE), replaced);
		mkdirSync(join(out, '.git'));
		writeFileSync(join(out, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
		results.again = build('removed', 'cache');
		sites.again = Object.fromEntries(Object.entries(files('removed')).filter(([path]) => !path.startsWith('.git/')));
	}, 1_200_000);

	it('builds each time', () => {
		for (const result of Object.values(results)) expect(result.status, result.output).toBe(0);
	});

	it('normalizes only the postings whose company text changed, and reuses the others', () => {
		expect(pipelineLine(results.before!)).toMatch(/^pipeline: 11 postings normalized, 0 reused from the cache/);
		expect(pipelineLine(results.gained!)).toMatch(/^pipeline: 6 postings normalized, 5 reused from the cache/);
		expect(pipelineLine(results.lost!)).toMatch(/^pipeline: 6 postings normalized, 5 reused from the cache/);
	});

	it('runs the pipeline once a build, for both collections', () => {
		// The run is let go once both collections are done with it: not before, or the second would run it again.
		for (const result of [results.before!, results.gained!, results.lost!, results.textless!]) expect(result.output.match(/\bpipeline: \d+ postings normalized/g), result.output).toHaveLength(1);
	});

	it('gives the same site as a build from nothing', () => {
		expect(Object.keys(sites.gained!)).toEqual(Object.keys(sites.gainedCold!));
		for (const [path, text] of Object.entries(sites.gainedCold!)) expect(sites.gained![path], path).toBe(text);
		expect(Object.keys(sites.lost!)).toEqual(Object.keys(sites.before!));
		for (const [path, text] of Object.entries(sites.before!)) expect(sites.lost![path], path).toBe(text);
	});

	it('moves the blurb between role text and company text', () => {
		const roleText = (site: Record<string, string>) => /<details[\s\S]*<\/details>/.exec(site['jobs/rocket-engineer-1/index.html']!)?.[0] ?? '';
		expect(roleText(sites.gained!)).toContain('Mojave');
		expect(roleText(sites.before!)).not.toContain('Mojave');
		expect(sites.before!['jobs/rocket-engineer-1/index.html']).toContain('Mojave');
	});

	it('has the pages read the data store from its file, each build, instead of bundling it', () => {
		// The integration warns when Astro loaded the module itself; the sites above show the data read is current.
		for (const result of Object.values(results)) expect(result.output).not.toContain('the pages did not read the content data store');
	});

	it('renders again the pages of the roles that changed, and reuses the others', () => {
		// Astro logs each page it writes, "(cached)" when it kept the copy of the build before: a changed data store is not changed code.
		const page = (path: string) => new RegExp(`/${path.replaceAll('.', '\\.')} \\((cached|\\+\\d+ms)\\)`).exec(results.gained!.output)?.[1];
		expect(page(SEED_PAGE)).toBe('cached');
		expect(page('jobs/rocket-engineer-6/index.html')).toMatch(/^\+\d+ms$/);
	});

	it('links the cached pages into the output instead of copying them', () => {
		expect(results.gained!.output).toMatch(/careers-linked-pages\] [\d,]+ cached pages linked into the output/);
		// A role page nothing changed for (a seed) is its cached copy, not a copy of it.
		const seedPage = Object.keys(sites.gained!).find((path) => path.startsWith('jobs/') && !path.startsWith('jobs/rocket-'))!;
		const page = statSync(join(work, 'removed', 'dist', seedPage));
		const copy = statSync(join(work, 'cache', 'dist', seedPage));
		expect(page.ino).toBe(copy.ino);
		expect(page.nlink).toBeGreaterThan(1);
	});

	it('renders every page again after a page of the output was edited in place, and gives the site as built', () => {
		expect(results.afterEdit!.output).toContain('every page is rendered again');
		expect(results.afterEdit!.output).not.toMatch(/cached pages linked into the output/);
		expect(sites.afterEdit![ROLE_PAGE]).not.toContain('edited after the build');
		expect(Object.keys(sites.afterEdit!)).toEqual(Object.keys(sites.before!));
		for (const [path, text] of Object.entries(sites.before!)) expect(sites.afterEdit![path], path).toBe(text);
	});

	it('still links the cached pages when their times changed but not their bytes', () => {
		expect(results.restored!.output).toMatch(/careers-linked-pages\] [\d,]+ cached pages linked into the output/);
		expect(results.restored!.output).not.toContain('every page is rendered again');
		expect(Object.keys(sites.restored!)).toEqual(Object.keys(sites.before!));
		for (const [path, text] of Object.entries(sites.before!)) expect(sites.restored![path], path).toBe(text);
	});

	it('renders every page again when the copies are not recorded, or a recorded one is gone, and gives the site as built', () => {
		for (const name of ['unrecorded', 'copyGone']) {
			expect(results[name]!.output, name).toContain('every page is rendered again');
			expect(results[name]!.output, name).not.toMatch(/cached pages linked into the output/);
			expect(Object.keys(sites[name]!)).toEqual(Object.keys(sites.before!));
			for (const [path, text] of Object.entries(sites.before!)) expect(sites[name]![path], `${name}: ${path}`).toBe(text);
		}
	});

	it('keeps role text out of the data store, one file per posting beside it', () => {
		const store = readFileSync(join(work, 'cache', 'data-store.json'), 'utf8');
		expect(sites.removed![ROLE_PAGE]).toContain('Rocket engineer 1 tests engines on the coast near Lisbon.');
		expect(store).toContain('Rocket Engineer 1');
		// The role text's markup: its first sentence is the posting's summary, which the store keeps.
		expect(store).not.toContain('<p>Rocket engineer 1 tests engines on the coast');
		// Eleven postings with eleven different texts; the files of the texts before an edit are gone.
		expect(roleTextFiles.restored).toBe(11);
		expect(roleTextFiles.removed).toBe(10);
	});

	it('makes role text missing from a restored cache again, and gives the site as built', () => {
		expect(results.textless!.output).toContain('the role text of 11 stored postings is missing from the cache folder: made again');
		// The pipeline cache keeps each posting's role text in the same files: without them, the postings are normalized again.
		expect(pipelineLine(results.textless!)).toMatch(/^pipeline: 11 postings normalized, 0 reused from the cache/);
		expect(Object.keys(sites.textless!)).toEqual(Object.keys(sites.before!));
		for (const [path, text] of Object.entries(sites.before!)) expect(sites.textless![path], path).toBe(text);
	});

	it('keeps the pages linked by the build before in the same output folder, and removes what no route made', () => {
		expect(results.again!.output).toMatch(/careers-linked-pages\] [\d,]+ cached pages linked into the output \([\d,]+ of them there already\)/);
		const out = join(work, 'removed', 'dist');
		// Not unlinked and linked again, which would change the file's status time; still the cached copy, and the page replaced by a copy is that again.
		expect(statSync(join(out, ROLE_PAGE)).ctimeMs).toBe(changed.before);
		for (const page of [ROLE_PAGE, SEED_PAGE]) expect(statSync(join(out, page)).ino, page).toBe(statSync(join(work, 'cache', 'dist', page)).ino);
		expect(existsSync(join(out, 'jobs', 'old-role'))).toBe(false);
		expect(existsSync(join(out, 'empty'))).toBe(false);
		expect(readFileSync(join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
		// Pagefind's files are named by their content, the same for the same pages.
		expect(Object.keys(sites.again!)).toEqual(Object.keys(sites.removed!));
		for (const [path, text] of Object.entries(sites.removed!)) expect(sites.again![path], path).toBe(text);
	});

	it("keeps each role's entry of the list files for the next build, those of this build's roles only", () => {
		// The file made, and each entry's place in it by the digest its posting was stored with: none kept would mean every build printed every entry again.
		const kept = (name: string) => deserialize(readFileSync(join(work, 'cache', 'api-entries', `${name}.bin`))) as { bytes: Uint8Array; entries: Map<string, [number, number]> };
		for (const [name, list] of [['postings', 'postings'], ['manifest', 'roles']] as const) {
			const file = readFileSync(join(work, 'removed', 'dist', 'api', `${name}.json`));
			const { bytes, entries } = kept(name);
			expect(Buffer.from(bytes).equals(file), name).toBe(true);
			const texts = [...entries.values()].map(([start, end]) => Buffer.from(bytes.subarray(start, end)).toString('utf8'));
			expect(texts.map((text) => JSON.parse(text) as unknown), name).toEqual((JSON.parse(file.toString('utf8')) as Record<string, unknown[]>)[list]);
			expect(texts.some((text) => text.includes('rocket-engineer-6')), name).toBe(false);
		}
	});

	it('removes the page of a removed role, and its folder', () => {
		// Pagefind's files are named by their content: they change with the index.
		const gone = Object.keys(sites.afterEdit!).filter((path) => !(path in sites.removed!) && !path.startsWith('pagefind/'));
		expect(gone).toEqual(['api/postings/rocket-engineer-6.json', REMOVED_PAGE, 'og/jobs/rocket-engineer-6.png']);
		expect(results.removed!.output).toContain('2 linked pages no route made any more removed from the output');
		expect(existsSync(join(work, 'removed', 'dist', 'jobs', 'rocket-engineer-6'))).toBe(false);
		expect(sites.removed![ROLE_PAGE]).toBe(sites.before![ROLE_PAGE]);
	});
});
