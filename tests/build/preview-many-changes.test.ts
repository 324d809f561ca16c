import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, type BuildResult } from './build-helpers.ts';
import { readSiteConfig } from '../../src/config/site-config.ts';
import { normalizePostings, type SourceFile } from '../../src/postings/normalize.ts';
import { DETAILED_CHANGES } from '../../src/preview/diff.ts';
import { manifestOf } from '../../src/preview/manifest.ts';

// A sync that touches more roles than the What changed page shows whole: the page
// must still name every one, and stay the size of a page, not of the site.
const ROLES = DETAILED_CHANGES + 12;
const number = (n: number) => String(n).padStart(3, '0');

/** A short posting of its own: no block is shared with another, so none is taken for company text. */
function posting(n: number): SourceFile {
	const id = number(n);
	return {
		file: `role-${id}.html`,
		source: `---\nid: role-${id}\ntitle: Support Engineer ${id}\nlocations: ["Lisbon, Portugal"]\ndatePosted: 2026-11-01\n---\n<h2>Role ${id}</h2>\n<p>Support engineer ${id} answers the tickets of queue ${id} and writes up fix ${id}.</p>\n<ul><li>Queue ${id} is answered within a day.</li><li>Fix ${id} is written up for the knowledge base.</li></ul>\n`,
	};
}

describe('a preview whose pull request changes more roles than the What changed page shows whole', () => {
	const dir = mkdtempSync(join(tmpdir(), 'careers-many-changes-'));
	const postingsDir = join(dir, 'postings');
	const out = join(dir, 'dist');
	const files = Array.from({ length: ROLES }, (_, n) => posting(n));
	let result: BuildResult;

	beforeAll(() => {
		mkdirSync(postingsDir);
		for (const file of files) writeFileSync(join(postingsDir, file.file), file.source);
		// No per-role cards: they are not what this test is about, and cost most of a cold build.
		const settings = join(dir, 'site.yaml');
		writeFileSync(settings, `${readFileSync(join(ROOT, 'content/site.yaml'), 'utf8')}\nsocialCards: site\n`);
		// Production, as its manifest says: every role had another title.
		const { postings } = normalizePostings(files, readSiteConfig(settings), { today: '2026-12-01' });
		const manifest = manifestOf(postings);
		const baseline = join(dir, 'manifest.json');
		writeFileSync(baseline, JSON.stringify({ ...manifest, roles: manifest.roles.map((role) => ({ ...role, title: `${role.title} (old)` })) }));
		result = buildSite(postingsDir, out, { PREVIEW: 'true', SITE_CONFIG: settings, BASELINE_MANIFEST: baseline });
	});

	it('builds', () => {
		expect(result.status, result.output).toBe(0);
	});

	it('shows the first roles whole and lists the others by title and the fields that changed', () => {
		const html = readFileSync(join(out, '_preview/changes/index.html'), 'utf8');
		const $ = cheerio.load(html);
		expect($('#change-counts').text().replace(/\s+/g, ' ').trim()).toBe(`0 roles added, ${ROLES} roles changed, 0 roles closed, 0 roles reopened, 0 roles removed; 0 unchanged.`);
		expect($('#change-limit').text().replace(/\s+/g, ' ').trim()).toBe(
			`The first ${DETAILED_CHANGES} changed, closed and reopened roles are shown whole; the other 12 are listed by title and the fields that changed.`,
		);
		const section = $('#changed').parent();
		const whole = section.find('li h3 a').toArray().map((link) => $(link).attr('href'));
		expect(whole).toHaveLength(DETAILED_CHANGES);
		expect(whole[0]).toBe('/jobs/support-engineer-000/');
		expect(section.find('dt').first().text()).toBe('title');
		expect(section.find('del').first().text()).toBe('Support Engineer 000 (old)');
		const listed = section.find('ul.list-disc > li').toArray().map((item) => $(item).text().replace(/\s+/g, ' ').trim());
		expect(listed).toEqual(Array.from({ length: 12 }, (_, n) => `Support Engineer ${number(DETAILED_CHANGES + n)}: title`));
		expect(section.find('ul.list-disc a').first().attr('href')).toBe(`/jobs/support-engineer-${number(DETAILED_CHANGES)}/`);
		// Every role named once: none lost between the two lists.
		expect(new Set([...whole, ...section.find('ul.list-disc a').toArray().map((link) => $(link).attr('href'))]).size).toBe(ROLES);
		expect(statSync(join(out, '_preview/changes/index.html')).size).toBeLessThan(1_000_000);
	});
});
