import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { jobPostingLdSchema } from '../../src/schemas/job-posting-ld.ts';
import { site } from '../unit/helpers.ts';
import { buildSite, pages, ROOT } from './build-helpers.ts';

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

describe('XSS corpus', () => {
	it('has at least 100 vectors', () => {
		expect(vectors.length).toBeGreaterThanOrEqual(100);
	});

	it('leaves nothing executable in posting bodies', () => {
		const files = vectors.map((vector, index) => ({
			file: `hostile-${index}.html`,
			source: `---\ntitle: Role ${index}\n---\n<p>Before.</p>${vector}<p>After.</p>`,
		}));
		const { postings, company } = normalizePostings(files, site);
		expect(postings).toHaveLength(vectors.length);
		for (const [index, posting] of postings.entries()) {
			for (const section of posting.sections) assertInert(section.html, `vector ${index}: ${vectors[index]}`);
		}
		for (const block of company) assertInert(block.html, `company block ${block.id}`);
	});
});

describe('a site built from hostile postings', () => {
	let dir: string;
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
		const result = buildSite(postings, join(dir, 'dist'));
		expect(result.status, result.output).toBe(0);
		built = pages(join(dir, 'dist'));
		return () => rmSync(dir, { recursive: true, force: true });
	});

	it('builds a page for every hostile posting', () => {
		expect(built.filter((page) => page.path.startsWith('jobs/'))).toHaveLength(sample.length);
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
			}
			// Only the listing's own filter module may run, and only on the home page.
			const scripts = $('script:not([type="application/ld+json"])').toArray();
			expect(scripts.length, page.path).toBe(page.path === 'index.html' ? 1 : 0);
			for (const script of scripts) {
				expect(Object.keys(script.attribs), page.path).toEqual(['type']);
				expect(script.attribs.type).toBe('module');
				expect($(script).text(), page.path).toContain("getElementById(`filters`)");
				expect($(script).text(), page.path).not.toContain('alert');
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
