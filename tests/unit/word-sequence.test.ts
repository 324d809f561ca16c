import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { Element, Text, type ChildNode } from 'domhandler';
import { normalizePostings, type Catalogue, type SourceFile } from '../../src/postings/normalize.ts';
import { isPlaceHeading, locationLine } from '../../src/postings/locations.ts';
import { realBoards, seedFiles, site } from './helpers.ts';

// The guard against joined, split or lost words: whatever the pipeline does to
// a posting, the words a reader saw in the ATS's HTML must all reach the page,
// in the same order within each line. The reference text is read here with a
// walker of its own, not with the pipeline's code.

/** Elements whose text a reader never sees. */
const UNSEEN = new Set(['script', 'style', 'template', 'head', 'title', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'button']);
/** Elements that flow inside a line; every other element starts and ends one. */
const INLINE = new Set([
	'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label', 'mark',
	'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|pt|em|rem)?\s*(?:;|$))/i;

/** The lines of visible text of an HTML fragment, each as its words (a label's colon kept: see {@link misses}). */
function lines(html: string): string[][] {
	const result: string[][] = [];
	let line = '';
	const end = () => {
		const words = line.split(/[\s\u00a0]+/).filter(Boolean);
		if (words.length > 0) result.push(words);
		line = '';
	};
	const walk = (node: ChildNode) => {
		if (node instanceof Text) {
			line += node.data;
			return;
		}
		if (!(node instanceof Element)) return;
		const hidden = 'hidden' in node.attribs || node.attribs['aria-hidden'] === 'true' || HIDDEN_STYLE.test(node.attribs.style ?? '');
		if (UNSEEN.has(node.name) || hidden) return;
		const inline = INLINE.has(node.name);
		if (!inline) end();
		for (const child of node.children) walk(child);
		if (!inline) end();
	};
	for (const node of parseDocument(html).children) walk(node);
	end();
	return result;
}

/** A typed bullet standing alone before a line's words. */
const BULLET = /^[•·▪▫◦●○■□➢➤►▶✓✔☑✅*–—-]$/u;

/** Where a posting's words ended up: the role's own text, and everything stored elsewhere. */
function outputOf(catalogue: Catalogue, index: number): { role: string; elsewhere: string } {
	const posting = catalogue.postings[index]!;
	const company = new Map(catalogue.company.map((block) => [block.id, block.html]));
	const stream = (htmls: string[]) => ` \n ${htmls.flatMap(lines).map((words) => words.map((word) => word.replace(/:$/, '')).join(' ')).join(' \n ')} \n `;
	return {
		role: stream(posting.sections.flatMap((section) => [section.title ? `<h2>${section.title}</h2>` : '', section.html])),
		elsewhere: stream([
			...posting.company.map((id) => company.get(id) ?? ''),
			...Object.values(posting.provenance).map((provenance) => `<p>${(provenance?.evidence ?? '').split('\n').join('</p><p>')}</p>`),
		]),
	};
}

/** Each visible line of the input, and where it is missing, split or out of order in the output. */
function misses(file: SourceFile, catalogue: Catalogue, index: number): string[] {
	const html = file.source.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n/, '');
	const { role, elsewhere } = outputOf(catalogue, index);
	// LinkedIn's job tags ("#LI-Remote") are dropped on purpose, each noted: they are the one set of words not sought.
	const tags = new Set(catalogue.postings[index]!.notes.tagsRemoved);
	const problems: string[] = [];
	let cursor = 0;
	for (const typed of lines(html)) {
		// A bullet typed before a line's words ("• Flexible time off") is the list's marker on the page, drawn, not written.
		const seen = BULLET.test(typed[0] ?? '') ? typed.slice(1) : typed;
		const words = seen.filter((word) => !tags.has(word.replace(/[,;|/.]+$/, ''))).map((word) => word.replace(/:$/, ''));
		if (words.length === 0) continue;
		// A location line ("📍 Mexico – Mexico City or Guadalajara | Hybrid") is read into the role's places, which the page
		// lists: not its text.
		if (locationLine(typed.join(' ')) !== undefined) continue;
		const line = ` ${words.join(' ')} `;
		// Before the role's first line, a heading that repeats the title is the page's own title, and one of places alone
		// is a location line too (ClearPoint's "Principal Engineer", then "Auckland").
		const title = catalogue.postings[index]!.title.toLowerCase();
		if (cursor === 0 && (line.trim().toLowerCase() === title || isPlaceHeading(line.trim()))) continue;
		// A line that opens with a label and its colon ("Logistics Requirements: To participate…") may be a heading and
		// its paragraph on the page: found as one line broken after the label, every word still there and in order.
		const label = seen.findIndex((word) => word.endsWith(':'));
		const broken = label >= 0 && label < words.length - 1 ? ` ${words.slice(0, label + 1).join(' ')} \n ${words.slice(label + 1).join(' ')} ` : undefined;
		// A whole line of company text ("For everyone, everywhere.") may also open a longer line of the role: it is
		// found where it is whole, so the cursor does not jump past the role's own lines.
		const whole = ` \n${line}\n `;
		if (elsewhere.includes(whole) && !role.includes(whole)) continue;
		const direct = role.indexOf(line, cursor);
		const [at, length] = direct >= 0 || !broken ? [direct, line.length] : [role.indexOf(broken, cursor), broken.length];
		if (at >= 0) cursor = at + length - 1;
		else if (!elsewhere.includes(line)) problems.push(`${file.file}: ${role.includes(line) ? 'out of order' : 'not found'}:${line}`);
	}
	return problems;
}

function checkAll(files: SourceFile[]): { lines: number; problems: string[] } {
	const catalogue = normalizePostings(files, site, { today: '2026-12-02' });
	expect(catalogue.postings).toHaveLength(files.length);
	const problems = files.flatMap((file, index) => misses(file, catalogue, index));
	const count = files.reduce((sum, file) => sum + lines(file.source).length, 0);
	return { lines: count, problems };
}

describe('every word of the visible input reaches the page, in order', () => {
	it('on the five seed postings', () => {
		const { lines: count, problems } = checkAll(seedFiles());
		expect(problems).toEqual([]);
		expect(count).toBeGreaterThan(200);
	});

	it('on the corpus of real postings of other companies', () => {
		// One board at a time: company text is found per postings folder, as on a company's own site.
		const boards = realBoards();
		const results = boards.map((board) => checkAll(board.files));
		expect(results.flatMap((result) => result.problems)).toEqual([]);
		// Greenhouse, Lever, Ashby and SmartRecruiters boards: 41 boards, 60 postings when written.
		expect(boards.length).toBeGreaterThanOrEqual(41);
		expect(boards.reduce((sum, board) => sum + board.files.length, 0)).toBeGreaterThanOrEqual(60);
		expect(results.reduce((sum, result) => sum + result.lines, 0)).toBeGreaterThan(2000);
	});

	it('on hostile shapes: nested empty inline elements, &nbsp; runs, <br> in inline elements, zero-width spaces, loose text, raw-text elements', () => {
		const bodies = [
			'<p>one<span><b><i> </i></b></span>two <u><font> </font></u>three</p>',
			'<p>four&nbsp;&nbsp;&nbsp;<strong>&nbsp;</strong>&nbsp;five</p><p>&nbsp;</p><p>six</p>',
			'<p>seven<strong><br></strong>eight<em>nine<br></em>ten</p>',
			'<p>Zero\u200bwidth <strong>\u200b</strong>eleven</p>',
			'<div>twelve<p> </p>thirteen<div><span> </span></div>fourteen</div>',
			'<p><a href="https://example.com/"><em> </em><em>fifteen</em></a><em> sixteen</em><a href="javascript:x()"> </a>seventeen</p>',
			'<ul><li>eighteen<strong> </strong></li><li><br>nineteen</li></ul><p>twenty<sup> </sup>twenty-one</p>',
			'twenty-two loose words <p>twenty-three</p><noscript><p>twenty-four</p><p>twenty-five</p></noscript><p>twenty-six</p>',
			'<p>twenty-seven</p><textarea><p>twenty-eight</p></textarea><xmp>twenty-nine <b>thirty</b></xmp><p>thirty-one</p>',
		];
		const files = bodies.map((body, index) => ({ file: `content/postings/shape-${index}.html`, source: `---\ntitle: Shape ${index}\n---\n${body}` }));
		const { problems } = checkAll(files);
		expect(problems).toEqual([]);
	});
});
