import sanitize from 'sanitize-html';
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { BLOCK_TAGS, wrapInlineRuns } from './dom.ts';
import { stripTracking } from './tracking.ts';

/** What the sanitizer changed that a reviewer may want to know about. */
export interface SanitizeReport {
	/** Tracking parameters removed from links, e.g. `utm_source`. */
	trackingRemoved: string[];
	/** Elements the ATS hid (`display: none`, `hidden`) that were dropped rather than revealed. */
	hiddenRemoved: number;
}

/** The allowlist: structure and emphasis only. Everything else is dropped or unwrapped. */
const SANITIZE_OPTIONS: sanitize.IOptions = {
	allowedTags: [
		'p', 'br', 'div', 'span', 'ul', 'ol', 'li', 'strong', 'em', 'a',
		'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'code', 'pre',
		'table', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'sub', 'sup',
	],
	allowedAttributes: { a: ['href'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan', 'scope'] },
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	// Unknown tags are unwrapped (their text kept); script-like tags lose their content too.
	disallowedTagsMode: 'discard',
	nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'button', 'title', 'head'],
	transformTags: {
		b: 'strong',
		i: 'em',
		h1: 'h2',
	},
	parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
};

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|pt|em|rem)?\s*(?:;|$))/i;

/**
 * Cleans untrusted ATS HTML down to plain, safe structure.
 *
 * The allowlist work is done by `sanitize-html`; this function adds what a
 * careers page needs on top: hidden text removed before it could become
 * visible, presentational wrappers unwrapped, `&nbsp;` runs collapsed,
 * tracking parameters stripped and external links marked `noopener noreferrer`.
 *
 * @param siteUrl the site's own URL: links to it are internal and keep no `rel`
 */
export function sanitizeHtml(html: string, siteUrl?: string): { html: string; report: SanitizeReport } {
	const report: SanitizeReport = { trackingRemoved: [], hiddenRemoved: 0 };

	// Drop what the ATS hides before the sanitizer removes the styles that hide it.
	const raw = cheerio.load(html, null, false);
	raw('[hidden], [aria-hidden="true"]').each((_, element) => {
		report.hiddenRemoved++;
		raw(element).remove();
	});
	raw('[style]').each((_, element) => {
		if (HIDDEN_STYLE.test(raw(element).attr('style') ?? '')) {
			report.hiddenRemoved++;
			raw(element).remove();
		}
	});

	const clean = sanitize(raw.html(), SANITIZE_OPTIONS);
	const $ = cheerio.load(clean, null, false);

	$('span').each((_, element) => {
		$(element).replaceWith($(element).contents());
	});
	tidyLinks($, siteUrl, report);
	divsToBlocks($);
	collapseWhitespace($, $.root().get(0)!);
	removeEmpty($);

	return { html: $.html().trim(), report };
}

function tidyLinks($: cheerio.CheerioAPI, siteUrl: string | undefined, report: SanitizeReport): void {
	const siteHost = siteUrl ? new URL(siteUrl).host : undefined;
	$('a').each((_, element) => {
		const link = $(element);
		const href = link.attr('href')?.trim();
		// No href: the sanitizer removed a dangerous one. Relative: it pointed into the ATS's own
		// site and would break here. Either way keep the words and drop the dead link.
		if (!href || !/^(https?:\/\/|mailto:|tel:)/i.test(href)) {
			link.replaceWith(link.contents());
			return;
		}
		const { href: cleaned, removed } = stripTracking(href);
		report.trackingRemoved.push(...removed);
		link.attr('href', cleaned);
		let host: string | undefined;
		try {
			host = new URL(cleaned).host;
		} catch {
			host = undefined;
		}
		if (host && host !== siteHost) link.attr('rel', 'noopener noreferrer');
	});
}

/** `div`s carry no meaning: unwrap those holding blocks, turn those holding inline content into paragraphs. */
function divsToBlocks($: cheerio.CheerioAPI): void {
	// Innermost first, so each decision sees its final children.
	const divs = $('div').toArray().reverse();
	for (const div of divs) {
		const node = $(div);
		const hasBlock = node.children().toArray().some((child) => BLOCK_TAGS.has(child.tagName));
		if (hasBlock) {
			// Loose inline runs between blocks become paragraphs of their own.
			wrapInlineRuns($, div);
			node.replaceWith(node.contents());
		} else {
			div.tagName = 'p';
		}
	}
}

function collapseWhitespace($: cheerio.CheerioAPI, root: AnyNode): void {
	const walk = (node: AnyNode) => {
		if (node.type === 'text') {
			node.data = node.data.replace(/[\s\u00a0]+/g, ' ');
			return;
		}
		if ('children' in node) for (const child of node.children) walk(child);
	};
	walk(root);
	// Trim the edges of each block so "Fast Company.&nbsp;" ends at the full stop.
	$('p, li, h2, h3, h4, h5, h6, td, th, dt, dd, blockquote').each((_, element) => {
		const first = element.firstChild;
		const last = element.lastChild;
		if (first?.type === 'text') first.data = first.data.trimStart();
		if (last?.type === 'text') last.data = last.data.trimEnd();
	});
	// Whitespace-only text between blocks is indentation from the ATS editor.
	$.root()
		.find('*')
		.addBack()
		.contents()
		.each((_, node) => {
			if (node.type === 'text' && node.data.trim() === '' && isBetweenBlocks(node)) $(node).remove();
		});
}

function isBetweenBlocks(node: AnyNode): boolean {
	const parent = node.parent;
	if (!parent || parent.type === 'root') return true;
	return parent.type === 'tag' && ['ul', 'ol', 'table', 'thead', 'tbody', 'tr', 'dl'].includes(parent.tagName);
}

function removeEmpty($: cheerio.CheerioAPI): void {
	// Repeat until stable: removing an empty <strong> can leave its <p> empty.
	for (let changed = true; changed; ) {
		changed = false;
		$('p, li, ul, ol, strong, em, a, h2, h3, h4, h5, h6, blockquote, sub, sup, code').each((_, element) => {
			const node = $(element);
			if (node.text().trim() === '') {
				node.remove();
				changed = true;
			}
		});
		// A <br> at the edge of a block adds an empty line and nothing else.
		$('br').each((_, element) => {
			const prev = element.prev;
			const next = element.next;
			const edge = (sibling: AnyNode | null) => !sibling || (sibling.type === 'text' && sibling.data.trim() === '' && !sibling.prev && !sibling.next);
			if (element.parent?.type === 'tag' && (edge(prev) || edge(next)) && (!prev || !next)) {
				$(element).remove();
				changed = true;
			}
		});
	}
}
