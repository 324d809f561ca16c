import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, ROOT } from './build-helpers.ts';

const MALFORMED = join(ROOT, 'tests/fixtures/malformed');
/** A stack frame of our code or Astro's: recruiters read this output. */
const FRAME = /^\s+at .+:\d+:\d+\)?$/m;

describe('a build from broken postings', () => {
	it('fails, naming every file and field, without a stack trace', () => {
		const dir = mkdtempSync(join(tmpdir(), 'broken-'));
		try {
			const postings = join(dir, 'postings');
			mkdirSync(postings);
			writeFileSync(join(postings, 'paused.html'), '---\nstatus: paused\n---\n<p>We are hiring a Data Engineer.</p>');
			writeFileSync(join(postings, 'empty.html'), '');
			writeFileSync(join(postings, 'untitled.html'), '<p>We build things.</p>');
			const result = buildSite(postings, join(dir, 'dist'));
			expect(result.status).not.toBe(0);
			expect(result.output).toContain(`${join(postings, 'paused.html')}: status: expected one of "open"|"closed"|"draft", got "paused"`);
			expect(result.output).toContain(`${join(postings, 'empty.html')}: body: the file is empty`);
			expect(result.output).toContain(`${join(postings, 'untitled.html')}: title: a job title`);
			// Recruiters read this: no frames of our code or Astro's.
			expect(result.output).not.toMatch(FRAME);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('a build from malformed posting files', () => {
	it('fails with one message per file, where parse5, yaml and the old reader crashed or guessed', () => {
		const dir = mkdtempSync(join(tmpdir(), 'malformed-'));
		try {
			const postings = join(dir, 'postings');
			mkdirSync(postings);
			for (const name of ['unclosed-front-matter.html', 'alias-bomb.html', 'utf16-le-bom.html', 'deep-nesting.html']) {
				copyFileSync(join(MALFORMED, 'postings', name), join(postings, name));
			}
			const result = buildSite(postings, join(dir, 'dist'));
			expect(result.status).not.toBe(0);
			expect(result.output).toContain('4 posting problems:');
			expect(result.output).toContain(`${join(postings, 'unclosed-front-matter.html')}: front matter: expected a closing '---' line after the front-matter fields`);
			expect(result.output).toContain(`${join(postings, 'alias-bomb.html')}: front matter: expected YAML whose aliases (*name) expand to at most 100 values`);
			expect(result.output).toContain(`${join(postings, 'utf16-le-bom.html')}: file: expected UTF-8 text; found UTF-16 LE text (its byte-order mark says so)`);
			expect(result.output).toContain(`${join(postings, 'deep-nesting.html')}: body: expected HTML elements nested at most 256 deep; found 8001 levels`);
			expect(result.output).not.toMatch(FRAME);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('builds over-long titles and teams into short URLs, with a warning, where it failed with ENAMETOOLONG', () => {
		const dir = mkdtempSync(join(tmpdir(), 'long-'));
		try {
			const postings = join(dir, 'postings');
			mkdirSync(postings);
			for (const name of ['huge-title.html', 'huge-team.html']) copyFileSync(join(MALFORMED, 'postings', name), join(postings, name));
			const out = join(dir, 'dist');
			const result = buildSite(postings, out, { PREVIEW: 'false' });
			expect(result.output).not.toContain('ENAMETOOLONG');
			expect(result.status).toBe(0);
			expect(result.output).toContain(`${join(postings, 'huge-title.html')}: title: "Senior Staff Principal Data Engineer Sen…" (9989 characters) is too long for a URL`);
			expect(result.output).toContain(`${join(postings, 'huge-team.html')}: team: "Platform Infrastructure Reliability Plat…" (323 characters) is too long for a URL`);
			const slug = 'senior-staff-principal-data-engineer-senior-staff-principal-data-engineer-senior';
			expect(existsSync(join(out, 'jobs', slug, 'index.html'))).toBe(true);
			expect(readdirSync(join(out, 'teams')).sort()).toContain('platform-infrastructure-reliability-platform-infrastructure-reliability-platform');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('a build with broken site settings', () => {
	it('prints every problem of site.yaml and exits 1, without an Astro config crash or a stack trace', () => {
		const dir = mkdtempSync(join(tmpdir(), 'site-'));
		try {
			const settings = join(MALFORMED, 'site', 'missing-fields.yaml');
			const result = buildSite(join(ROOT, 'tests/fixtures/seeds'), join(dir, 'dist'), { SITE_CONFIG: settings });
			expect(result.status).toBe(1);
			expect(result.output.trim()).toBe(
				[
					'The site settings could not be read.',
					'3 site settings problems:',
					`  - ${settings}: siteUrl: expected a value; found nothing: the field is missing`,
					'      Hint: Add `siteUrl:` (Where this careers site is deployed, e.g. "https://careers.example.com").',
					`  - ${settings}: brandColor: expected a hex colour such as "#f38020", got "red"`,
					`  - ${settings}: defaultApplyUrl: expected a value; found nothing: the field is missing`,
					'      Hint: Add `defaultApplyUrl:` (Where to apply when a posting gives no applyUrl).',
				].join('\n'),
			);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
