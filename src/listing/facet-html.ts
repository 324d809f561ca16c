import type { ListingLink } from '../routing/index.ts';

// The values of a filter as HTML: each a link to its listing, with its count
// and, nested, the values below it (a country's cities, a department's teams).
//
// Every listing page shows the same two trees, a few hundred links each, and
// differs only in which link is the current one. Rendered as an Astro
// component per link, they were a tenth of a cold build's CPU at 1,000 roles
// (337 listing pages, 220 links a page); so each tree is printed once a build
// and the current link marked in a copy. The markup is what that component
// printed, Astro's escaping included: the seeds' pages and the scale bench's
// 1,000 roles' were the same bytes either way, and tests/unit/facet-html.test.ts
// pins it.

/** The filter a tree of links sets, as its links name it (`data-filter`). */
export type FacetFilter = 'location' | 'team';

/** A tree printed once: its HTML, and where in it each value's link ends its start tag (the current one is marked there). */
interface PrintedTree {
	html: string;
	/** By slug: the offset of each `>` closing the start tag of that value's link (a value can be listed twice). */
	ends: Map<string, number[]>;
}

const printed = new WeakMap<readonly ListingLink[], Map<FacetFilter, PrintedTree>>();

/** The current page's mark, as Astro prints `aria-current="page"`. */
const CURRENT = ' aria-current="page"';

/**
 * The `<li>` of each value of a filter (not the list around them), the link
 * of `current` marked as the page's own.
 * @param links the filter's tree of listings (`Routing['filters']`); printed once per array
 * @param current slug of the listing the page is, if any
 */
export function facetValuesHtml(links: readonly ListingLink[], filter: FacetFilter, current: string | undefined): string {
	let byFilter = printed.get(links);
	if (!byFilter) printed.set(links, (byFilter = new Map()));
	let tree = byFilter.get(filter);
	if (!tree) byFilter.set(filter, (tree = printTree(links, filter)));
	const ends = current === undefined ? undefined : tree.ends.get(current);
	if (!ends) return tree.html;
	let html = '';
	let from = 0;
	for (const end of ends) {
		html += tree.html.slice(from, end) + CURRENT;
		from = end;
	}
	return html + tree.html.slice(from);
}

function printTree(links: readonly ListingLink[], filter: FacetFilter): PrintedTree {
	const ends = new Map<string, number[]>();
	let html = '';
	const print = (link: ListingLink) => {
		html += `<li><a${attribute('href', link.href)}${attribute('data-filter', filter)}${attribute('data-value', link.slug)}${attribute('data-label', link.label)}`;
		const at = ends.get(link.slug);
		if (at) at.push(html.length);
		else ends.set(link.slug, [html.length]);
		html += `>${escapeText(link.label)} <span class="facet-count">(${link.count})</span></a>`;
		if (link.children.length > 0) {
			html += '<ul>';
			for (const child of link.children) print(child);
			html += '</ul>';
		}
		html += '</li>';
	};
	for (const link of links) print(link);
	return { html, ends };
}

/** An attribute as Astro prints one: an empty value as the bare name; `&` and `"` escaped. */
function attribute(name: string, value: string): string {
	return value === '' ? ` ${name}` : ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
}

/** Text as Astro escapes an expression's string. */
function escapeText(text: string): string {
	return text.replace(/[&<>'"]/g, (char) => ESCAPES[char]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
