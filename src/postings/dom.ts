import type * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/** Elements that are blocks of their own; anything else between them is inline content. */
export const BLOCK_TAGS = new Set(['p', 'div', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'dl']);

/**
 * Wraps each run of loose inline content between a node's block children in a
 * paragraph, so every child is a block. Whitespace-only runs are dropped.
 */
export function wrapInlineRuns($: cheerio.CheerioAPI, parent: AnyNode): void {
	if (!('childNodes' in parent)) return;
	let run: AnyNode[] = [];
	const flush = () => {
		if (run.some((node) => $(node).text().trim() !== '')) {
			$(run[0]!).before('<p></p>');
			const paragraph = $(run[0]!).prev();
			for (const node of run) paragraph.append(node);
		} else {
			for (const node of run) $(node).remove();
		}
		run = [];
	};
	for (const child of [...parent.childNodes]) {
		if (child.type === 'tag' && BLOCK_TAGS.has((child as Element).tagName)) flush();
		else run.push(child);
	}
	flush();
}
