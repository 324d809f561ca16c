/**
 * Instant filtering of the home listing. Progressive enhancement: without it
 * every filter value is a link to its pre-rendered listing and `/page/<n>/`
 * holds the rest of the roles. With it:
 * - filter values are checkboxes: several places (any of them), several teams
 *   (any of them), places and teams together (both), a text search, "clear all";
 * - the state lives in the URL (`?location=portugal&location=remote&team=…&q=…`),
 *   so it can be shared and survives reload and back/forward;
 * - the page holds only the newest roles: every role's row comes from
 *   `/listing.json`, which a worker (src/scripts/listing-worker.ts) fetches,
 *   indexes and matches off the main thread the first time the visitor
 *   filters, searches or asks for more; the matching rows are drawn a page at a time;
 * - the result count is announced through a live region.
 *
 * A URL with a filter is applied before the first paint (the head script marks
 * it, global.css holds the list's space), so nothing moves when the rows come.
 */
import { EMPTY, FACETS, isFiltered, readState, toggle, toQuery, type FacetKey, type FilterState } from './listing-state.ts';
import { queryListing, type ListingQuery } from './listing-query.ts';
import { openRoles } from '../listing/row-text.ts';
import { fill, groupDigits, type RowLabels } from '../i18n/labels.ts';
import { roleRow } from './role-row.ts';
import { loadSearch, searchRoles } from './search.ts';

/** Rows drawn at a time: the first page's, and each "Show more". */
const PAGE = 50;
/**
 * Rows drawn before the next paint: more than a screen holds (the list keeps
 * a screen's height, so nothing below it is in view). The rest of the page's
 * rows follow right after that paint, so a click's paint waits for a dozen
 * rows, not fifty.
 */
const FIRST = 12;
/** Wait for a pause in typing before searching. */
const DEBOUNCE_MS = 150;

const html = document.documentElement;
const filters = document.getElementById('filters');
const list = document.getElementById('roles') as HTMLOListElement;
const counter = document.getElementById('result-count');
const empty = document.getElementById('no-results');
const more = document.getElementById('show-more') as HTMLButtonElement | null;
const input = document.getElementById('filter-text') as HTMLInputElement | null;
const chosenText = filters?.querySelector('[data-chosen]');
const feedsText = document.querySelector('#feeds [data-feeds]');
const values = [...(filters?.querySelectorAll<HTMLAnchorElement>('a[data-filter]') ?? [])];
const total = Number(counter?.dataset.total ?? 0);
/** The page's words for what the script writes (IndexListing.astro). */
const labels = JSON.parse(list.dataset.labels ?? '{}') as RowLabels;
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const rolePrefix = `${base}jobs/`;
const rolePath = (slug: string) => `${rolePrefix}${slug}/`;

/** Set when Pagefind cannot load: from then on, search the listing's own text. */
let offline = false;
let lastSearch: { q: string; found: Promise<ListingQuery['search']> } | undefined;

/** What the text search found, for the worker: role slugs from Pagefind (over whole role pages), else the text itself. */
function search(q: string): Promise<ListingQuery['search']> {
	if (lastSearch?.q === q) return lastSearch.found;
	const found: Promise<ListingQuery['search']> = offline
		? Promise.resolve({ text: q })
		: searchRoles(q).then(
				(paths) => (paths ? { slugs: [...paths].flatMap((path) => (path.startsWith(rolePrefix) ? [path.slice(rolePrefix.length, -1)] : [])) } : undefined),
				(error: unknown) => {
					console.warn('Search index unavailable, matching the listing text instead:', error);
					offline = true;
					return { text: q };
				},
			);
	lastSearch = { q, found };
	return found;
}

let state = readState(location.search);
/** How many matching rows are drawn. */
let shown = PAGE;
/** The state the list's rows are drawn for: at first the unfiltered one, whose first page is pre-rendered. */
let drawnFor: FilterState | undefined = isFiltered(state) ? undefined : state;
// Its rows count as drawn: a first filter change keeps them in view until the matching rows replace them.
if (drawnFor) list.setAttribute('data-drawn', '');
let run = 0;
let announce: number | undefined;
/** History entries to write after the next paint, in order. */
const entries: Array<{ url: string; replace: boolean }> = [];

/** Runs `task` after the next paint: in a task queued from the frame's animation callback. */
const afterPaint = (task: () => void) => requestAnimationFrame(() => setTimeout(task));

/** Marks the chosen filter values, and says what is chosen: on the disclosure, and as feeds to follow. */
function markChoices(): void {
	for (const value of values) {
		const key = value.dataset.filter as FacetKey;
		if (!value.dataset.value) {
			// "All locations" is current while no location is chosen.
			if (state[key].length === 0) value.setAttribute('aria-current', 'true');
			else value.removeAttribute('aria-current');
			continue;
		}
		// Only what changes: each write makes the browser restyle the value.
		const checked = String(state[key].includes(value.dataset.value));
		if (value.getAttribute('aria-checked') !== checked) value.setAttribute('aria-checked', checked);
	}
	const count = state.location.length + state.team.length;
	if (chosenText) chosenText.textContent = count ? fill(labels.chosenCount, { count: groupDigits(count, labels) }) : '';
	if (feedsText) {
		const chosen = FACETS.flatMap((key) => state[key].map((slug) => values.find((value) => value.dataset.filter === key && value.dataset.value === slug)).filter((value) => value !== undefined));
		feedsText.replaceChildren(
			...chosen.flatMap((value) => {
				const link = document.createElement('a');
				link.href = `${value.pathname}feed.xml`;
				link.className = 'underline underline-offset-2';
				link.textContent = fill(labels.facetRoles, { label: value.dataset.label ?? '' });
				return [' · ', link];
			}),
		);
	}
	html.toggleAttribute('data-filtered', isFiltered(state));
}

/** Draws the rows matching the state (the first `shown` of them) and says how many there are. */
async function update(): Promise<void> {
	const current = state;
	const mine = ++run;
	markChoices();
	list.setAttribute('aria-busy', 'true');
	// "Show more" on the rows already drawn adds to them; any other change draws from the first.
	const from = drawnFor === current ? list.children.length : 0;
	let answer: Awaited<ReturnType<typeof queryListing>>;
	try {
		answer = await queryListing({ src: list.dataset.src!, state: current, search: current.q ? await search(current.q) : undefined, from, to: shown });
	} catch (error) {
		if (mine !== run) return;
		// Without the data the filters are what they are without JavaScript: links to the
		// pre-rendered listings. A chosen value leads to its listing at once.
		console.warn('Listing data unavailable, filters lead to their listings instead:', error);
		const chosen = values.find((value) => value.dataset.value && state[value.dataset.filter as FacetKey].includes(value.dataset.value));
		if (chosen) {
			// The filtered URL's entry first, as it would have been: back from the listing leads to `/`.
			writeHistory();
			return location.replace(chosen.href);
		}
		list.removeAttribute('aria-busy');
		html.removeAttribute('data-filtered');
		filters?.removeAttribute('data-interactive');
		for (const value of values) {
			value.removeAttribute('role');
			value.removeAttribute('aria-checked');
		}
		return;
	}
	if (mine !== run) return;
	const { count, rows, today } = answer;
	const draw = (part: typeof rows) => part.map((row) => roleRow(row, today, rolePath, labels));
	const now = Math.min(rows.length, FIRST);
	if (from === 0) list.replaceChildren(...draw(rows.slice(0, now)));
	else list.append(...draw(rows.slice(0, now)));
	drawnFor = current;
	list.setAttribute('data-drawn', '');
	list.removeAttribute('aria-busy');
	if (empty) empty.hidden = count > 0;
	if (more) more.hidden = count <= shown;
	// After "Show more", carry focus to the first new role.
	if (from > 0 && now > 0 && document.activeElement === more) list.children[from]?.querySelector('a')?.focus();
	// The rows below the first screen: after the paint that shows the first ones (unless the state changed meanwhile).
	if (now < rows.length) afterPaint(() => mine === run && list.append(...draw(rows.slice(now))));
	window.clearTimeout(announce);
	// Wait for typing to pause so screen readers hear one count, not one per keystroke.
	announce = window.setTimeout(() => {
		if (counter) counter.textContent = isFiltered(current) ? fill(labels.matchCount, { count: groupDigits(count, labels), total: openRoles(total, labels) }) : openRoles(total, labels);
	}, current.q ? 250 : 0);
}

/** Writes the history entries not yet written. */
function writeHistory(): void {
	for (const { url, replace } of entries.splice(0)) {
		if (replace) history.replaceState(null, '', url);
		else history.pushState(null, '', url);
	}
}

/** Moves to a new state (a new history entry unless `replace`) and draws it from the first page. */
function go(next: FilterState, replace = false): void {
	state = next;
	shown = PAGE;
	void update();
	// The history entry after the paint: pushState costs a click about as much as drawing the rows does.
	const url = `${location.pathname}${toQuery(state)}`;
	entries.push({ url, replace });
	afterPaint(writeHistory);
}

filters?.addEventListener('click', (event) => {
	const value = (event.target as Element).closest<HTMLAnchorElement>('a[data-filter]');
	if (!value || !filters.hasAttribute('data-interactive') || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
	event.preventDefault();
	const key = value.dataset.filter as FacetKey;
	go(value.dataset.value ? toggle(state, key, value.dataset.value) : { ...state, [key]: [] });
});

// A checkbox answers the space bar; a link alone would scroll the page.
filters?.addEventListener('keydown', (event) => {
	const value = (event.target as Element).closest<HTMLAnchorElement>('a[role="checkbox"]');
	if (value && event.key === ' ') {
		event.preventDefault();
		value.click();
	}
});

for (const clear of document.querySelectorAll<HTMLElement>('[data-clear-all]')) {
	clear.addEventListener('click', (event) => {
		event.preventDefault();
		if (input) input.value = '';
		for (const find of document.querySelectorAll<HTMLInputElement>('[data-find]')) find.value = '';
		narrow();
		go(EMPTY);
		(input ?? filters)?.focus();
	});
}

more?.addEventListener('click', () => {
	shown += PAGE;
	void update();
});

// Warm up on focus: by the time the first word is typed, Pagefind is usually ready.
input?.addEventListener('focus', () => void Promise.all([queryListing({ src: list.dataset.src!, state: EMPTY, from: 0, to: 0 }), loadSearch()]).catch(() => undefined), { once: true });

let typing: number | undefined;
input?.addEventListener('input', () => {
	window.clearTimeout(typing);
	// Typing replaces the entry rather than adding one per keystroke to the history.
	typing = window.setTimeout(() => go({ ...state, q: input.value.trim() }, true), input.value.trim() ? DEBOUNCE_MS : 0);
});

/** Letters only, no accents, lower case: how the typeahead compares. */
const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The typeahead: shows the values whose name holds the text, with the values
 * above them (a city's country) and below them (a country's cities).
 */
function narrow(find?: HTMLInputElement): void {
	for (const facet of filters?.querySelectorAll<HTMLElement>('[data-facet]') ?? []) {
		const field = facet.querySelector<HTMLInputElement>('[data-find]');
		if (find && field !== find) continue;
		const text = plain(field?.value.trim() ?? '');
		const visit = (item: HTMLLIElement, shownAbove: boolean): boolean => {
			const own = item.querySelector<HTMLAnchorElement>(':scope > a');
			const hit = shownAbove || !text || plain(own?.dataset.label ?? own?.textContent ?? '').includes(text);
			let below = false;
			for (const child of item.querySelectorAll<HTMLLIElement>(':scope > ul > li')) below = visit(child, hit) || below;
			item.hidden = !(hit || below);
			return hit || below;
		};
		for (const item of facet.querySelectorAll<HTMLLIElement>(':scope > ul > li')) visit(item, false);
	}
}
/** Where the filters stand beside the list, always open (global.css's breakpoint). */
const wide = matchMedia('(min-width: 64rem)');

/**
 * Puts the typeahead's search box into each facet once the filters can be
 * seen: on a wide screen at once, on a phone when the disclosure opens. The
 * page's HTML holds only its place: Chromium's autofill lays out the
 * surroundings of every form field after load, and a field inside the closed
 * disclosure made it lay out every filter value, a long task (about 30 ms of
 * a laptop's main thread, four times that on a phone) nobody asked for.
 */
function addFinders(): void {
	if (!filters || !((filters as HTMLDetailsElement).open || wide.matches)) return;
	for (const slot of filters.querySelectorAll<HTMLElement>('[data-find-slot]')) {
		if (slot.firstElementChild) continue;
		const find = document.createElement('input');
		find.type = 'search';
		find.dataset.find = slot.dataset.findSlot;
		find.placeholder = slot.dataset.label ?? '';
		find.setAttribute('aria-label', find.placeholder);
		find.autocomplete = 'off';
		find.addEventListener('input', () => narrow(find));
		slot.append(find);
	}
}
filters?.addEventListener('toggle', addFinders);
wide.addEventListener('change', addFinders);

window.addEventListener('popstate', () => {
	state = readState(location.search);
	shown = PAGE;
	if (input) input.value = state.q;
	void update();
});

for (const value of values) if (value.dataset.value) value.setAttribute('role', 'checkbox');
if (input) input.value = state.q;
addFinders();
markChoices();
if (isFiltered(state)) void update();
