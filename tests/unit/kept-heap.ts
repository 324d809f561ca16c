// Run by detached.test.ts in a process of its own (node --expose-gc), so the
// heap it measures holds nothing of the test runner's:
//   node --expose-gc tests/unit/kept-heap.ts [postings|page-filter]
// postings (the default): normalizes 200 postings whose files are padded with
// 1 MB each (an HTML comment the sanitizer drops), lets go of the files, and
// prints as JSON how much the heap grew while the postings are still held.
// page-filter: the same for the `page` filter values of 200 role pages padded
// with 1 MB each, as the search index step keeps them.
import { fileURLToPath } from 'node:url';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { readSiteConfig } from '../../src/config/site-config.ts';
import { pageFilterValue } from '../../src/integrations/pagefind.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const site = readSiteConfig(fileURLToPath(new URL('../fixtures/site.yaml', import.meta.url)));

/** A posting file of its own title, its text padded with `padding`. */
const postingFile = (number: number, padding = '') => ({
	file: `postings/data-engineer-${number}.html`,
	source: `---\ntitle: Senior Data Engineer ${number}\nlocations: [Berlin, Germany]\n---\n<h2>About the role</h2><p>The platform team builds the data tools of posting ${number} in Berlin.</p>${padding}`,
});

const heapUsed = () => {
	gc();
	gc();
	return process.memoryUsage().heapUsed;
};

if (process.argv[2] === 'page-filter') {
	const before = heapUsed();
	/** 200 pages padded with 1 MB each: only their filter values leave this function. */
	const values = (() => {
		const padding = `<p>${'x'.repeat(1024 * 1024)} ’</p>`;
		const pages = Array.from({ length: 200 }, (_, index) => `<main data-pagefind-body data-pagefind-filter="page:/jobs/senior-data-engineer-${index + 1}/">${padding}</main>`);
		return { textLength: pages.reduce((sum, page) => sum + page.length, 0), values: pages.map(pageFilterValue) };
	})();
	console.log(JSON.stringify({ textLength: values.textLength, keptBytes: heapUsed() - before, values: values.values }));
	process.exit(0);
}

// Modules, the gazetteer and the JIT first, so the heap measured next holds only what the run keeps.
normalizePostings([postingFile(0)], site, { today: '2026-12-03' });
const before = heapUsed();
/** 200 postings from files padded with 1 MB each: only the postings leave this function (a frame still running could hold the files). */
function normalizedPadded(): { textLength: number; postings: ReturnType<typeof normalizePostings>['postings'] } {
	// A curly quote makes V8 store the text two bytes a character.
	const padding = `<!-- ${'x'.repeat(1024 * 1024)} ’ -->`;
	const files = Array.from({ length: 200 }, (_, index) => postingFile(index + 1, padding));
	return { textLength: files.reduce((sum, { source }) => sum + source.length, 0), postings: normalizePostings(files, site, { today: '2026-12-03' }).postings };
}
const { textLength, postings } = normalizedPadded();
const keptBytes = heapUsed() - before;
console.log(JSON.stringify({ textLength, keptBytes, titles: postings.map((posting) => posting.title) }));
