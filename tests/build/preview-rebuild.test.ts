import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, walk, type BuildResult } from './build-helpers.ts';

/**
 * A pull request's preview built again, as on every push: the pages nothing
 * changed for come from the last preview's cache, and the site is the same,
 * byte for byte, as a preview built from nothing at the same time and commit.
 * Pages show what changes with the build's clock (a role's badge) the day it
 * changes. The five seeds, a draft, and a role whose last day is 2 December.
 */
const work = mkdtempSync(join(tmpdir(), 'careers-preview-rebuild-'));
const folder = join(work, 'postings');

function build(name: string, cache: string, time: string, commit: string): BuildResult {
	return buildSite(folder, join(work, name, 'dist'), {
		PREVIEW: 'true',
		BUILD_TIME: time,
		CF_PAGES_BRANCH: 'recruiting/q4',
		CF_PAGES_COMMIT_SHA: commit,
		ASTRO_CACHE_DIR: join(work, cache),
	});
}

function files(name: string): Record<string, string> {
	const dist = join(work, name, 'dist');
	return Object.fromEntries(walk(dist).map((path) => [path, readFileSync(join(dist, path), 'latin1')]));
}

const linked = (result: BuildResult) => Number(/careers-linked-pages\] ([\d,]+) cached pages linked/.exec(result.output)?.[1]?.replace(/,/g, '') ?? 0);
const LAST_DAY = 'jobs/rocket-engineer/index.html';

describe('a preview built again', () => {
	const results: Record<string, BuildResult> = {};
	const sites: Record<string, Record<string, string>> = {};

	beforeAll(() => {
		mkdirSync(folder);
		const seeds = join(ROOT, 'tests/fixtures/seeds');
		for (const name of readdirSync(seeds)) copyFileSync(join(seeds, name), join(folder, name));
		writeFileSync(join(folder, 'draft.html'), `---\ntitle: Draft Engineer\nstatus: draft\nteam: Propulsion\nlocations: [Lisbon, Portugal]\ndatePosted: 2026-11-02\n---\n<p>A role nobody should see yet.</p>`);
		writeFileSync(
			join(folder, 'rocket.html'),
			`---\ntitle: Rocket Engineer\nteam: Propulsion\nlocations: [Lisbon, Portugal]\ndatePosted: 2026-11-01\nvalidThrough: 2026-12-02\n---\n<h2>About the role</h2><p>Rocket engineers test engines on the coast near Lisbon.</p>`,
		);
		results.first = build('first', 'cache', '2026-12-01T09:00:00Z', '1111111aaaa');
		// The next push, the same day: nothing in the postings changed.
		results.again = build('again', 'cache', '2026-12-01T15:00:00Z', '2222222bbbb');
		sites.again = files('again');
		results.cold = build('cold', 'cache-cold', '2026-12-01T15:00:00Z', '2222222bbbb');
		sites.cold = files('cold');
		// Two days later the rocket role's last day has passed: a preview badges it.
		results.later = build('later', 'cache', '2026-12-03T09:00:00Z', '3333333cccc');
		sites.later = files('later');
	}, 600_000);

	it('builds each time', () => {
		for (const result of Object.values(results)) expect(result.status, result.output).toBe(0);
	});

	it('reuses the pages nothing changed for', () => {
		expect(linked(results.first!)).toBe(0);
		const pages = Object.keys(sites.again!).filter((path) => path.endsWith('.html'));
		// All but the pages rendered every build: the home page, the review and What changed.
		expect(linked(results.again!)).toBeGreaterThan(pages.length - 5);
	});

	it('gives the same site as a preview built from nothing', () => {
		expect(Object.keys(sites.again!)).toEqual(Object.keys(sites.cold!));
		for (const [path, text] of Object.entries(sites.cold!)) expect(sites.again![path], path).toBe(text);
	});

	it('says which push it shows on What changed', () => {
		const changes = cheerio.load(sites.again!['_preview/changes/index.html']!);
		expect(changes('#preview-build').text().replace(/\s+/g, ' ').trim()).toBe('This preview: branch recruiting/q4 at 2222222, built 2026-12-01 15:00 UTC.');
	});

	it('badges a role whose last day passed since the last preview, on its page and in the listings', () => {
		expect(cheerio.load(sites.again![LAST_DAY]!)('h1').text()).toBe('Rocket Engineer');
		expect(cheerio.load(sites.later![LAST_DAY]!)('h1').text()).toBe('Rocket EngineerExpired (last day December 2, 2026)');
		const team = cheerio.load(sites.later!['teams/propulsion/index.html']!);
		expect(team('[data-role]:contains("Rocket Engineer")').text()).toContain('Expired (last day December 2, 2026)');
		expect(team('[data-role]:contains("Draft Engineer")').text()).toContain('Draft');
	});
});
