import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Catalogue } from '../../src/postings/normalize.ts';
import { loadCatalogue, type ReadInput } from '../../src/sources/folder.ts';
import { pipelineInputDigest } from '../../src/loaders/input-digest.ts';
import { MAX_POSTING_BYTES } from '../../src/sources/size-limit.ts';
import { readSiteConfig } from '../../src/config/site-config.ts';
import { FIXTURES, site } from './helpers.ts';

/**
 * Every file in tests/fixtures/malformed/ through the pipeline entry the build
 * uses (the postings folder, read and normalized): each gets a clear error or
 * a correct page with a warning, never a stack trace, a hang or a silent loss.
 */
const CORPUS = join(FIXTURES, 'malformed');
const PROJECT = join(FIXTURES, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'malformed-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SAVE_AS_UTF8 = '      Hint: Save the file as UTF-8 (most editors offer it under "Save with encoding" or "Save As…").';

/**
 * A postings folder holding what `fill` puts there, read as the build reads it
 * (messages relative to its parent): first the input digest, which keeps the
 * bytes it read, then the pipeline over them.
 */
function load(name: string, fill: (dir: string) => void): Catalogue | Error {
	const root = join(scratch, name);
	const dir = join(root, 'postings');
	mkdirSync(dir, { recursive: true });
	fill(dir);
	try {
		const read: ReadInput = { files: new Map() };
		pipelineInputDigest({ root: PROJECT, postingsDir: dir, siteConfig: join(FIXTURES, 'site.yaml'), today: '2026-03-03' }, read);
		return loadCatalogue(dir, site, root, { today: '2026-03-03', read });
	} catch (error) {
		return error as Error;
	}
}

function corpusFile(name: string): Catalogue | Error {
	return load(name, (dir) => copyFileSync(join(CORPUS, 'postings', name), join(dir, name)));
}

/** The one problem the build reports, in full. */
function problem(file: string, ...lines: string[]): string {
	return [`1 posting problem:`, `  - postings/${file}: ${lines[0]}`, ...lines.slice(1)].join('\n');
}

const errors: Record<string, string> = {
	'unclosed-front-matter.html': problem(
		'unclosed-front-matter.html',
		"front matter: expected a closing '---' line after the front-matter fields; found the opening '---' on line 1 and no closing one, so the fields and the HTML cannot be told apart",
		"      Hint: Add a line holding only '---' between the last field and the HTML.",
	),
	'alias-bomb.html': problem(
		'alias-bomb.html',
		'front matter: expected YAML whose aliases (*name) expand to at most 100 values; found aliases that expand to more, as in an alias bomb',
		'      Hint: Write each value out in full; no field needs anchors (&name) or aliases (*name).',
	),
	'utf16-le-bom.html': problem('utf16-le-bom.html', 'file: expected UTF-8 text; found UTF-16 LE text (its byte-order mark says so)', SAVE_AS_UTF8),
	'utf16-be-bom.html': problem('utf16-be-bom.html', 'file: expected UTF-8 text; found UTF-16 BE text (its byte-order mark says so)', SAVE_AS_UTF8),
	'utf32-le-bom.html': problem('utf32-le-bom.html', 'file: expected UTF-8 text; found UTF-32 LE text (its byte-order mark says so)', SAVE_AS_UTF8),
	'utf16-le-no-bom.html': problem(
		'utf16-le-no-bom.html',
		'file: expected UTF-8 text; found NUL bytes, as in UTF-16 text without a byte-order mark, or a binary file',
		SAVE_AS_UTF8,
	),
	'binary.html': problem('binary.html', 'file: expected UTF-8 text; found NUL bytes, as in UTF-16 text without a byte-order mark, or a binary file', SAVE_AS_UTF8),
	'latin1.html': problem(
		'latin1.html',
		'file: expected UTF-8 text; found byte 0xE3 on line 8, which is not UTF-8 (Windows-1252 or Latin-1 text, perhaps)',
		SAVE_AS_UTF8,
	),
	'empty.html': problem('empty.html', 'body: the file is empty; expected ATS HTML, optionally after a YAML front-matter block'),
	'whitespace-only.html': problem('whitespace-only.html', 'body: the file is empty; expected ATS HTML, optionally after a YAML front-matter block'),
	'only-front-matter.html': problem('only-front-matter.html', 'body: no HTML after the front matter; expected the posting text from the ATS'),
	'script-only.html': problem('script-only.html', 'body: role text; everything in the HTML was company text or empty'),
	'deep-nesting.html': problem(
		'deep-nesting.html',
		'body: expected HTML elements nested at most 256 deep; found 8001 levels (level 257 is a <div> on line 7)',
		'      Hint: Real postings nest a dozen levels or so: this HTML probably opens elements it never closes. Export the posting from the ATS again, or close them.',
	),
	'deep-unclosed.html': problem(
		'deep-unclosed.html',
		'body: expected HTML elements nested at most 256 deep; found 400 levels (level 257 is a <span> on line 8)',
		'      Hint: Real postings nest a dozen levels or so: this HTML probably opens elements it never closes. Export the posting from the ATS again, or close them.',
	),
	'front-matter-list.html': problem('front-matter-list.html', 'front matter: expected a YAML mapping: one "name: value" field per line; found a list'),
	'front-matter-scalar.html': problem(
		'front-matter-scalar.html',
		'front matter: expected a YAML mapping: one "name: value" field per line; found a single value ("Data Engineer")',
	),
	'duplicate-keys.html': problem(
		'duplicate-keys.html',
		'front matter: expected valid YAML (line 4, column 1): Map keys must be unique; found "title: Senior Data Engineer"',
		'      Hint: Each field may appear once: keep one of them.',
	),
	'tabs-in-yaml.html': problem(
		'tabs-in-yaml.html',
		'front matter: expected valid YAML (line 4, column 1): Tabs are not allowed as indentation; found "- Lisbon, Portugal"',
		'      Hint: Indent with spaces; YAML does not allow tabs.',
	),
	'unquoted-colon.html': problem(
		'unquoted-colon.html',
		'front matter: expected valid YAML (line 2, column 8): Nested mappings are not allowed in compact mappings; found "title: Data Engineer: Platform"',
		'      Hint: A value holding ": " or " #", or starting with [, {, &, *, !, | or a quote, needs quotes around it.',
	),
	'deep-yaml.html': problem(
		'deep-yaml.html',
		'front matter: expected YAML fields nested a few levels deep; found brackets or indentation nested too deep to read',
		'      Hint: Front matter and settings need no more than two or three levels; remove the extra brackets.',
	),
	'huge-slug.html': problem(
		'huge-slug.html',
		'slug: expected at most 80 characters, got "data-engineer-data-engineer-data-engineer-data-engineer-data-engineer-data-engineer-data-engineer-d…" (139 characters)',
	),
	// zod's own words for these were "Too small: expected string to have >=1 characters".
	'blank-and-negative.html': [
		'2 posting problems:',
		'  - postings/blank-and-negative.html: team: expected some text (it is empty or only spaces), got "  "',
		'  - postings/blank-and-negative.html: payRanges.0.min: expected a number of 0 or more, got -5000',
	].join('\n'),
	'many-field-errors.html': [
		'4 posting problems:',
		'  - postings/many-field-errors.html: datePosted: expected a date written as YYYY-MM-DD, e.g. "2026-03-01", got "next Tuesday"',
		'  - postings/many-field-errors.html: applyUrl: expected an http(s) URL, got "mailto:jobs@acme.example"',
		'  - postings/many-field-errors.html: status: expected one of "open"|"closed"|"draft", got "paused"',
		'  - postings/many-field-errors.html: titel: unknown front-matter field "titel"; expected one of id, slug, formerSlugs, title, department, team, locations, employmentType, lang, datePosted, publishAt, validThrough, applyUrl, status, payRanges, ats',
	].join('\n'),
};

/** Files that still make a correct page: the slug the role gets, and the exact warnings. */
const pagesWithWarnings: Record<string, { slug: string; warnings: string[] }> = {
	'utf8-bom.html': { slug: 'data-engineer', warnings: [] },
	'crlf.html': { slug: 'data-engineer', warnings: [] },
	'unclosed-tags.html': { slug: 'data-engineer', warnings: [] },
	'nesting-at-limit.html': { slug: 'data-engineer', warnings: [] },
	'huge-city.html': { slug: 'data-engineer', warnings: [] },
	'empty-front-matter.html': {
		slug: 'data-engineer-platform',
		warnings: [
			'postings/empty-front-matter.html: datePosted: not in the front matter and the file is not committed yet; using the build date, 2026-03-03',
			'postings/empty-front-matter.html: locations: none found in the posting; Google for Jobs cannot list a role without a place, so add `locations:` to the front matter',
		],
	},
	'huge-title.html': {
		slug: 'senior-staff-principal-data-engineer-senior-staff-principal-data-engineer-senior',
		warnings: [
			'postings/huge-title.html: title: "Senior Staff Principal Data Engineer Sen…" (9989 characters) is too long for a URL, so its slug is cut to "senior-staff-principal-data-engineer-senior-staff-principal-data-engineer-senior" (80 characters at most); set `slug:` in the front matter to choose it',
		],
	},
	'huge-team.html': {
		slug: 'data-engineer',
		warnings: [
			'postings/huge-team.html: team: "Platform Infrastructure Reliability Plat…" (323 characters) is too long for a URL, so its slug is cut to "platform-infrastructure-reliability-platform-infrastructure-reliability-platform" (80 characters at most); a shorter team name reads better',
		],
	},
};

describe('the malformed corpus: every file gets a clear error or a correct page with a warning', () => {
	it('covers every file in the corpus', () => {
		expect(readdirSync(join(CORPUS, 'postings')).sort()).toEqual([...Object.keys(errors), ...Object.keys(pagesWithWarnings)].sort());
	});

	for (const [name, message] of Object.entries(errors)) {
		it(`${name}: an error naming the file and the field`, () => {
			const result = corpusFile(name);
			expect(result).toBeInstanceOf(Error);
			expect((result as Error).name).toBe('PostingErrors');
			expect((result as Error).message).toBe(message);
		});
	}

	for (const [name, { slug, warnings }] of Object.entries(pagesWithWarnings)) {
		it(`${name}: a page${warnings.length > 0 ? ', with a warning' : ''}`, () => {
			const result = corpusFile(name);
			if (result instanceof Error) throw result;
			expect(result.postings.map((posting) => posting.slug)).toEqual([slug]);
			expect(result.warnings).toEqual(warnings);
			expect(result.postings[0]!.slug.length).toBeLessThanOrEqual(80);
			expect(result.postings[0]!.teamSlug!.length).toBeLessThanOrEqual(80);
		});
	}
});

describe('what is not a readable posting file in the postings folder', () => {
	const good = '---\ntitle: Data Engineer\nlocations: ["Lisbon, Portugal"]\ndatePosted: 2026-03-02\n---\n<p>We are looking for a Data Engineer.</p>\n';

	it('a symbolic link that loops', () => {
		const result = load('loop', (dir) => {
			writeFileSync(join(dir, 'role.html'), good);
			symlinkSync('b.html', join(dir, 'a.html'));
			symlinkSync('a.html', join(dir, 'b.html'));
		});
		expect((result as Error).message).toBe(
			[
				'2 posting problems:',
				'  - postings/a.html: file: a posting file (front matter + ATS HTML); found a symbolic link that loops back on itself',
				'      Hint: Replace the link with the posting file it should lead to.',
				'  - postings/b.html: file: a posting file (front matter + ATS HTML); found a symbolic link that loops back on itself',
				'      Hint: Replace the link with the posting file it should lead to.',
			].join('\n'),
		);
	});

	it('a symbolic link to nothing', () => {
		const result = load('dangling', (dir) => symlinkSync('gone.html', join(dir, 'role.html')));
		expect((result as Error).message).toBe(
			problem(
				'role.html',
				'file: a posting file (front matter + ATS HTML); found a symbolic link to a file that does not exist',
				'      Hint: Replace the link with the posting file it should lead to.',
			),
		);
	});

	it('a folder named like a posting, and one that is not', () => {
		const result = load('folders', (dir) => {
			mkdirSync(join(dir, 'role.html'));
			mkdirSync(join(dir, 'archive'));
		});
		const hint = '      Hint: Posting files go directly in the postings folder: move them out of the sub-folder, or the folder elsewhere.';
		expect((result as Error).message).toBe(
			[
				'2 posting problems:',
				'  - postings/archive: file: a posting file (front matter + ATS HTML); found a folder',
				hint,
				'  - postings/role.html: file: a posting file (front matter + ATS HTML); found a folder',
				hint,
			].join('\n'),
		);
	});

	it('a named pipe, which would otherwise hang the build', () => {
		const result = load('fifo', (dir) => execFileSync('mkfifo', [join(dir, 'role.html')]));
		expect((result as Error).message).toBe(problem('role.html', 'file: a posting file (front matter + ATS HTML); found a special file (a pipe, socket or device), not a regular file'));
	});

	// Root reads any file whatever its mode through its capability to override file permissions:
	// as root (CI here), the folder is read by a child process without that capability (setpriv,
	// util-linux), through the same entry the build uses. Still root, it reaches the project's
	// own files wherever the clone lies.
	it('a file the build may not read', () => {
		const root = join(scratch, 'unreadable');
		const dir = join(root, 'postings');
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'role.html'), good);
		chmodSync(join(dir, 'role.html'), 0);
		let message: string;
		if (process.getuid?.() === 0) {
			const script = `import { loadCatalogue } from ${JSON.stringify(new URL('../../src/sources/folder.ts', import.meta.url).href)};
				try { loadCatalogue(${JSON.stringify(dir)}, ${JSON.stringify(site)}, ${JSON.stringify(root)}, { today: '2026-03-03' }); process.stdout.write('built'); }
				catch (error) { process.stdout.write(error.message); }`;
			const withoutOverride = ['--bounding-set=-dac_override,-dac_read_search', '--'];
			message = execFileSync('setpriv', [...withoutOverride, process.execPath, '--input-type=module', '-e', script], { cwd: tmpdir(), encoding: 'utf8' });
		} else {
			message = (load('unreadable', () => {}) as Error).message;
		}
		expect(message).toBe(
			problem('role.html', 'file: a posting file (front matter + ATS HTML); found a file this build may not read (permission denied)', '      Hint: Make the file readable, e.g. `chmod a+r`.'),
		);
	});

	it(`a file over ${MAX_POSTING_BYTES / 1024 / 1024} MB, refused before it is read`, () => {
		const result = load('huge', (dir) => writeFileSync(join(dir, 'role.html'), `${good}<p>${'x'.repeat(MAX_POSTING_BYTES)}</p>`));
		// Nor does the input digest read it: it names the file by its size and time.
		const read: ReadInput = { files: new Map() };
		pipelineInputDigest({ root: PROJECT, postingsDir: join(scratch, 'huge', 'postings'), siteConfig: join(FIXTURES, 'site.yaml'), today: '2026-03-03' }, read);
		expect(read.files.size).toBe(0);
		expect((result as Error).message).toBe(
			problem(
				'role.html',
				'file: expected a posting of at most 2 MB; found 2,049 KB',
				'      Hint: Real postings are under 100 KB: remove embedded images or data, or keep only the posting itself.',
			),
		);
	});

	it('a postings folder that is a file', () => {
		const root = join(scratch, 'not-a-folder');
		mkdirSync(root);
		writeFileSync(join(root, 'postings'), good);
		expect(() => loadCatalogue(join(root, 'postings'), site, root)).toThrow(
			/^1 posting problem:\n {2}- postings: folder: a folder of posting files \(set POSTINGS_DIR to change it\); found a file$/,
		);
	});
});

describe('malformed site settings: every problem named at once, with the field', () => {
	const settings = (name: string) => join(CORPUS, 'site', name);
	const messageOf = (file: string): string => {
		try {
			readSiteConfig(file);
		} catch (error) {
			return (error as Error).message;
		}
		throw new Error('expected the settings to be refused');
	};
	const cases: Record<string, string> = {
		'bad-lang.yaml': `${settings('bad-lang.yaml')}: lang: expected a BCP 47 language tag such as "en", "pt-BR" or "de-CH", got "not a language!"`,
		// zod's own words were "expected Invalid URL".
		'url-without-scheme.yaml': `${settings('url-without-scheme.yaml')}: siteUrl: expected an http(s) URL such as "https://careers.example.com", got "jobs.acme.example"`,
		'missing-fields.yaml': [
			'3 site settings problems:',
			`  - ${settings('missing-fields.yaml')}: siteUrl: expected a value; found nothing: the field is missing`,
			'      Hint: Add `siteUrl:` (Where this careers site is deployed, e.g. "https://careers.example.com").',
			`  - ${settings('missing-fields.yaml')}: brandColor: expected a hex colour such as "#f38020", got "red"`,
			`  - ${settings('missing-fields.yaml')}: defaultApplyUrl: expected a value; found nothing: the field is missing`,
			'      Hint: Add `defaultApplyUrl:` (Where to apply when a posting gives no applyUrl).',
		].join('\n'),
		'empty.yaml': [
			'3 site settings problems:',
			`  - ${settings('empty.yaml')}: companyName: expected a value; found nothing: the field is missing`,
			'      Hint: Add `companyName:` (Company name as candidates know it, e.g. "Cloudflare").',
			`  - ${settings('empty.yaml')}: siteUrl: expected a value; found nothing: the field is missing`,
			'      Hint: Add `siteUrl:` (Where this careers site is deployed, e.g. "https://careers.example.com").',
			`  - ${settings('empty.yaml')}: defaultApplyUrl: expected a value; found nothing: the field is missing`,
			'      Hint: Add `defaultApplyUrl:` (Where to apply when a posting gives no applyUrl).',
		].join('\n'),
		'unknown-setting.yaml': `${settings('unknown-setting.yaml')}: colour: unknown setting "colour"; expected one of companyName, companyUrl, siteUrl, title, description, lang, labels, brandColor, logo, socialCards, perRoleJson, closedRoleDays, defaultApplyUrl, defaultCountry, atsSource`,
		// A site's own labels: a missing form of a counted label, a misspelt value, a key that is no label.
		'bad-labels.yaml': [
			'3 site settings problems:',
			`  - ${settings('bad-labels.yaml')}: labels.openRolesCount.other: expected a value; found nothing: the field is missing`,
			`  - ${settings('bad-labels.yaml')}: labels.rolesIn: expected text whose {…} values are among {place}, got "Postes à {plce}"`,
			`  - ${settings('bad-labels.yaml')}: labels.applyNow: unknown key "applyNow" in labels; expected one of its 114 keys, such as applyFor, applyBy, pay`,
		].join('\n'),
		'list.yaml': `${settings('list.yaml')}: file: expected a YAML mapping: one "name: value" field per line; found a list`,
		'utf16-le-bom.yaml': `${settings('utf16-le-bom.yaml')}: file: expected UTF-8 text; found UTF-16 LE text (its byte-order mark says so)\n  Hint: Save the file as UTF-8 (most editors offer it under "Save with encoding" or "Save As…").`,
		'alias-bomb.yaml': `${settings('alias-bomb.yaml')}: file: expected YAML whose aliases (*name) expand to at most 100 values; found aliases that expand to more, as in an alias bomb\n  Hint: Write each value out in full; no field needs anchors (&name) or aliases (*name).`,
		'invalid-yaml.yaml': `${settings('invalid-yaml.yaml')}: file: expected valid YAML (line 4, column 14): Nested mappings are not allowed in compact mappings; found "description: Jobs at Acme: the best"\n  Hint: A value holding ": " or " #", or starting with [, {, &, *, !, | or a quote, needs quotes around it.`,
		'bad-json.json': `${settings('bad-json.json')}: file: expected valid JSON (line 4, column 1): Flow map must end with a }\n  Hint: A bracket or quote is opened and never closed.`,
	};

	it('covers every file in the corpus', () => {
		expect(readdirSync(join(CORPUS, 'site')).sort()).toEqual(Object.keys(cases).sort());
	});

	for (const [name, message] of Object.entries(cases)) {
		it(name, () => expect(messageOf(settings(name))).toBe(message));
	}

	it('a folder where the settings file should be', () => {
		const dir = join(scratch, 'site.yaml');
		mkdirSync(dir);
		expect(messageOf(dir)).toBe(`${dir}: file: a site settings file in YAML or JSON; found a folder`);
	});
});
