import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { jobPostingLdSchema } from '../../src/schemas/job-posting-ld.ts';
import { firstUnsafeCharacter } from '../../src/utils/safe-text.ts';
import { LISTING_HEAD_SCRIPT } from '../../src/listing/head-script.ts';
import { site } from '../unit/helpers.ts';
import { hostileStrings, label } from '../unit/hostile-strings.ts';
import { child, childrenNamed, parseXmlStrict } from '../unit/xml-strict.ts';
import { buildSite, pages, ROOT, walk } from './build-helpers.ts';

/** The XSS corpus: one vector per line, `\n`, `\t` and `\0` escaped. */
const vectors = readFileSync(join(ROOT, 'tests/fixtures/xss/vectors.txt'), 'utf8')
	.split('\n')
	.filter((line) => line.trim() !== '' && !line.startsWith('#'))
	.map((line) => line.replace(/\\([nt0])/g, (_, escape: string) => ({ n: '\n', t: '\t', '0': '\0' })[escape]!));

const ALLOWED_TAGS = new Set(['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'sub', 'sup']);
const ALLOWED_ATTRIBUTES = new Set(['href', 'rel', 'id', 'colspan', 'rowspan', 'scope']);
const SAFE_URL = /^(https?:|mailto:|tel:)/i;

/** Everything in sanitized output must be on the allowlist, also after a second parse (mutation XSS). */
function assertInert(html: string, context: string): void {
	for (const round of [html, cheerio.load(html, null, false).html()]) {
		const $ = cheerio.load(round, null, false);
		for (const element of ($('*').toArray() as Element[])) {
			expect(ALLOWED_TAGS.has(element.tagName), `${context}: <${element.tagName}> in ${round}`).toBe(true);
			for (const [name, value] of Object.entries(element.attribs as Record<string, string>)) {
				expect(ALLOWED_ATTRIBUTES.has(name), `${context}: attribute ${name} in ${round}`).toBe(true);
				// Links must be absolute: a relative one pointed at the ATS's own site and would break here.
				if (name === 'href') expect(value.replace(/[\s\u0000-\u001f]/g, ''), `${context}: href ${value}`).toMatch(SAFE_URL);
			}
		}
	}
}

/** No string anywhere in a parsed JSON value holds a control character, lone surrogate or non-character. */
function assertSafeStrings(value: unknown, context: string): void {
	if (typeof value === 'string') expect(firstUnsafeCharacter(value), `${context}: ${label(value)}`).toBeUndefined();
	else if (Array.isArray(value)) for (const item of value) assertSafeStrings(item, context);
	else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) assertSafeStrings([key, item], context);
}

describe('XSS corpus', () => {
	it('has at least 100 vectors', () => {
		expect(vectors.length).toBeGreaterThanOrEqual(100);
	});

	/** Vectors hiding a raw NUL (`<script\0>`): a file holding one is not UTF-8 text, and is refused before any parsing. */
	const withNul = vectors.filter((vector) => vector.includes('\0'));
	const inert = vectors.filter((vector) => !vector.includes('\0'));

	it('leaves nothing executable in posting bodies', () => {
		const files = inert.map((vector, index) => ({
			file: `hostile-${index}.html`,
			source: `---\ntitle: Role ${index}\n---\n<p>Before.</p>${vector}<p>After.</p>`,
		}));
		const { postings, company } = normalizePostings(files, site);
		expect(postings).toHaveLength(inert.length);
		for (const [index, posting] of postings.entries()) {
			for (const section of posting.sections) assertInert(section.html, `vector ${index}: ${inert[index]}`);
		}
		for (const block of company) assertInert(block.html, `company block ${block.id}`);
	});

	it('refuses the vectors with a raw NUL, naming each file and the encoding', () => {
		expect(withNul.length).toBe(3);
		const files = withNul.map((vector, index) => ({ file: `nul-${index}.html`, source: `---\ntitle: Role ${index}\n---\n<p>Before.</p>${vector}<p>After.</p>` }));
		expect(() => normalizePostings(files, site)).toThrow(
			/3 posting problems:\n {2}- nul-0\.html: file: expected UTF-8 text; found NUL characters[^]*- nul-1\.html: file: [^]*- nul-2\.html: file: expected UTF-8 text/,
		);
	});
});

/** The hostile-strings corpus (tests/fixtures/hostile/strings.json). */
const corpus = hostileStrings();
/** Strings front matter accepts: the others are refused (tests/unit/safe-text.test.ts). */
const accepted = corpus.filter((hostile) => !hostile.removed && hostile.value.length <= 200).map((hostile) => hostile.value);
/** Long strings only go where they make no slug: a 6,000-character title makes a folder name no file system takes. */
const long = corpus.filter((hostile) => hostile.value.length > 200).map((hostile) => hostile.value);
/** Postings carrying the corpus: every string in a body, the accepted ones across the front-matter fields. */
const CORPUS_POSTINGS = 8;

/** A YAML double-quoted scalar: JSON's escapes are YAML's, with every character outside printable ASCII escaped. */
function yamlString(value: string): string {
	return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Posting `index` of the corpus postings: two accepted strings in every text
 * field of the front matter (between them the postings carry each one), a
 * share of all strings in the body, and the long strings where they make no slug.
 */
function corpusPosting(index: number): string {
	const two = (field: number) => `${accepted[(index * 16 + field * 2) % accepted.length]} ${accepted[(index * 16 + field * 2 + 1) % accepted.length]}`;
	const frontMatter = [
		`title: ${yamlString(`Role ${100 + index} ${two(0)}`)}`,
		`team: ${yamlString(`Team ${two(1)}`)}`,
		`department: ${yamlString(`Department ${two(2)}`)}`,
		`id: ${yamlString(`corpus-${index} ${two(3)}`)}`,
		// No hostile region: a region must be one the gazetteer knows (refused otherwise), so only its name is published.
		`locations: [{ city: ${yamlString(`City ${index} ${two(4)} ${two(5)}`)}, country: PT }, { city: ${yamlString(`Town ${index} ${two(6)}`)}, country: US, remote: true }]`,
		`payRanges: [{ appliesTo: ${yamlString(`Staff ${two(7)} ${long[index % long.length]}`)}, min: 100, max: 200, currency: EUR }]`,
	].join('\n');
	const share = corpus.filter((_, position) => position % CORPUS_POSTINGS === index).map((hostile) => hostile.value);
	// A raw NUL makes the file unreadable as UTF-8 (refused above): in HTML it arrives as `&#0;`.
	const body = share
		.map((value) => value.replaceAll('\u0000', '&#0;'))
		.map((value) => `<p>Text ${value} here.</p><ul><li>Item ${value}</li></ul>`)
		.join('');
	return `---\n${frontMatter}\n---\n<p>We are hiring.</p>${body}<h3>What you will do</h3><p>Ship ${long.join(' ')}.</p>`;
}

describe('a site built from hostile postings', () => {
	let dir: string;
	let dist: string;
	let built: ReturnType<typeof pages>;
	const sample = vectors.filter((_, index) => index % 3 === 0);

	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'hostile-'));
		const postings = join(dir, 'postings');
		mkdirSync(postings);
		sample.forEach((vector, index) => {
			// Vectors go into the body and into front-matter text the pages print in elements and attributes.
			const frontMatter = [
				`title: ${JSON.stringify(`Role ${index} ${vector}`)}`,
				`team: ${JSON.stringify(`Team ${index % 4} ${vector}`)}`,
				`department: ${JSON.stringify(`</script><script>alert(${index})</script>`)}`,
				`locations: [${JSON.stringify(`${vector.slice(0, 20).replace(/[,|;]/g, ' ')} , Portugal`)}]`,
			].join('\n');
			writeFileSync(join(postings, `hostile-${index}.html`), `---\n${frontMatter}\n---\n<p>Before.</p>${vector}<p>After.</p>`);
		});
		for (let index = 0; index < CORPUS_POSTINGS; index++) writeFileSync(join(postings, `corpus-${index}.html`), corpusPosting(index));
		dist = join(dir, 'dist');
		const result = buildSite(postings, dist);
		expect(result.status, result.output).toBe(0);
		built = pages(dist);
		return () => rmSync(dir, { recursive: true, force: true });
	});

	it('builds a page for every hostile posting', () => {
		expect(built.filter((page) => page.path.startsWith('jobs/'))).toHaveLength(sample.length + CORPUS_POSTINGS);
	});

	it('writes every feed and the sitemap as strict XML 1.0', () => {
		const files = walk(dist).filter((path) => path.endsWith('.xml'));
		// The site feed, the sitemap, and a feed per team and place listing.
		expect(files.filter((path) => /^(teams|locations)\/.+\/feed\.xml$/.test(path)).length).toBeGreaterThan(10);
		for (const path of files) {
			const xml = readFileSync(join(dist, path), 'utf8');
			expect(() => parseXmlStrict(xml), path).not.toThrow();
		}
		const items = childrenNamed(child(parseXmlStrict(readFileSync(join(dist, 'feed.xml'), 'utf8')), 'channel'), 'item');
		expect(items).toHaveLength(sample.length + CORPUS_POSTINGS);
	});

	it('writes every JSON file parseable, valid Unicode, with nothing unsafe in any string', () => {
		const files = walk(dist).filter((path) => path.startsWith('api/') && path.endsWith('.json'));
		expect(files.length).toBe(sample.length + CORPUS_POSTINGS + 3);
		for (const path of files) {
			const json = readFileSync(join(dist, path), 'utf8');
			assertSafeStrings(JSON.parse(json), path);
		}
	});

	it('publishes the hostile front matter in the feed and the API alike', () => {
		const list = JSON.parse(readFileSync(join(dist, 'api/postings.json'), 'utf8')) as { postings: Array<{ title: string; url: string; team: string }> };
		const items = childrenNamed(child(parseXmlStrict(readFileSync(join(dist, 'feed.xml'), 'utf8')), 'channel'), 'item');
		const feedTitles = new Map(items.map((item) => [child(item, 'link').text, child(item, 'title').text]));
		const corpusRoles = list.postings.filter((posting) => /^Role 1\d\d /.test(posting.title));
		expect(corpusRoles).toHaveLength(CORPUS_POSTINGS);
		for (const posting of corpusRoles) {
			// XML reads a CR as a line feed; nothing else may differ.
			expect(feedTitles.get(posting.url), posting.url).toBe(posting.title.replace(/\r\n?/g, '\n'));
			expect(posting.team, posting.url).toMatch(/^Team /);
		}
	});

	it('keeps _redirects and _headers one rule or header per line', () => {
		for (const line of readFileSync(join(dist, '_redirects'), 'utf8').trimEnd().split('\n')) expect(line).toMatch(/^(#.*|\/\S* \/\S* 301)$/);
		for (const line of readFileSync(join(dist, '_headers'), 'utf8').trimEnd().split('\n')) expect(line).toMatch(/^(#.*|\/\S*|  [A-Za-z-]+: \S.*|)$/);
	});

	it('has no script but our own, no event handlers and no script URLs on any page', () => {
		for (const page of built) {
			const $ = cheerio.load(page.html);
			// JSON-LD blocks are data: escaped so that no value leaves the element, and valid.
			for (const block of $('script[type="application/ld+json"]').toArray()) {
				expect(page.path).toMatch(/^jobs\//);
				expect(Object.keys(block.attribs), page.path).toEqual(['type']);
				expect($(block).text(), page.path).not.toMatch(/[<>&\u2028\u2029]/);
				expect(jobPostingLdSchema.safeParse(JSON.parse($(block).text())).success, page.path).toBe(true);
				assertSafeStrings(JSON.parse($(block).text()), `${page.path} JSON-LD`);
			}
			// Only the listing's own scripts may run, and only on the home page: its
			// head script, exactly as written, and its filter module, from the site.
			const scripts = $('script:not([type="application/ld+json"])').toArray();
			expect(scripts.length, page.path).toBe(page.path === 'index.html' ? 2 : 0);
			for (const script of scripts) {
				if (Object.keys(script.attribs).length === 0) {
					expect($(script).text(), page.path).toBe(LISTING_HEAD_SCRIPT);
					continue;
				}
				expect(script.attribs.type).toBe('module');
				// Small enough, Astro inlines it; else it is a file of the build.
				const code = script.attribs.src ? readFileSync(join(dist, script.attribs.src), 'utf8') : $(script).text();
				expect(Object.keys(script.attribs).sort(), page.path).toEqual(script.attribs.src ? ['src', 'type'] : ['type']);
				expect(code, page.path).toContain('getElementById(`filters`)');
				expect(code, page.path).not.toContain('alert');
			}
			for (const element of ($('*').toArray() as Element[])) {
				for (const [name, value] of Object.entries(element.attribs as Record<string, string>)) {
					expect(name.startsWith('on'), `${page.path}: ${name} on <${element.tagName}>`).toBe(false);
					if (['href', 'src', 'action', 'formaction', 'data', 'srcdoc'].includes(name)) {
						expect(value.replace(/[\s\u0000-\u001f]/g, ''), `${page.path}: ${name}=${value}`).not.toMatch(/^(javascript|vbscript|data):/i);
					}
				}
			}
			expect($('iframe, object, embed, base, form, svg, math, img, meta[http-equiv="refresh"]').length, page.path).toBe(0);
		}
	});

	it('prints hostile titles as text, inside their elements and attributes', () => {
		const role = built.find((page) => page.path.startsWith('jobs/'))!;
		const $ = cheerio.load(role.html);
		expect($('h1').text()).toMatch(/^Role \d+ /);
		expect($('meta[name="description"]').length).toBe(1);
		expect($('title').length).toBe(1);
	});
});
