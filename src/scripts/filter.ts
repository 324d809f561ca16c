/**
 * Instant filtering for the listing page. Progressive enhancement: without it
 * the location and team chips are links to pre-rendered listings. With it they
 * filter in place, the state lives in the URL query (`?location=…&team=…&q=…`)
 * so it can be shared and survives reload and back/forward, and the result
 * count is announced through a live region.
 *
 * The text search looks through whole role pages with the static Pagefind
 * index, loaded on first use (focus on the search box, or a `q` in the URL).
 * If it cannot load, the search falls back to the text shown in the listing.
 * Matches keep the listing's order, so the team groups and their counts stay
 * meaningful.
 */
import { loadSearch, searchRoles } from './search.ts';

type State = { location: string; team: string; q: string };
type Match = (role: HTMLElement) => boolean;

/** Wait for a pause in typing before searching. */
const DEBOUNCE_MS = 150;

const root = document.getElementById('filters');
const list = document.getElementById('roles');
const counter = document.getElementById('result-count');
const empty = document.getElementById('no-results');
const input = document.getElementById('filter-text') as HTMLInputElement | null;
const roles = [...document.querySelectorAll<HTMLElement>('[data-role]')];
const groups = [...document.querySelectorAll<HTMLElement>('[data-group]')];
/** Each role's page path (`/jobs/<slug>/`), read from its link once, on the first search. */
let paths: Map<HTMLElement, string> | undefined;
const path = (role: HTMLElement) => (paths ??= new Map(roles.map((item) => [item, item.querySelector('a')?.pathname ?? '']))).get(role) ?? '';
const everything: Match = () => true;

/** Set when Pagefind cannot load: from then on, match the listing's own text. */
let offline = false;
let texts: Map<HTMLElement, string> | undefined;

function listingMatch(q: string): Match {
	texts ??= new Map(roles.map((role) => [role, (role.textContent ?? '').toLowerCase()]));
	const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
	return (role) => terms.every((term) => texts!.get(role)!.includes(term));
}

/** The last query searched and its matcher: chips and back/forward reuse it. */
let last: { q: string; match: Promise<Match> } | undefined;

function matcher(q: string): Promise<Match> {
	if (!q) return Promise.resolve(everything);
	if (last?.q === q) return last.match;
	const match = offline
		? Promise.resolve(listingMatch(q))
		: searchRoles(q).then(
				(found): Match => (found ? (role) => found.has(path(role)) : everything),
				(error: unknown) => {
					console.warn('Search index unavailable, matching the listing text instead:', error);
					offline = true;
					return listingMatch(q);
				},
			);
	last = { q, match };
	return match;
}

function readState(): State {
	const params = new URLSearchParams(location.search);
	return { location: params.get('location') ?? '', team: params.get('team') ?? '', q: params.get('q') ?? '' };
}

function toQuery(state: State): string {
	const params = new URLSearchParams();
	for (const key of ['location', 'team', 'q'] as const) if (state[key]) params.set(key, state[key]);
	const query = params.toString();
	return query ? `?${query}` : location.pathname;
}

let announce: number | undefined;

function apply(state: State, text: Match): void {
	let visible = 0;
	for (const role of roles) {
		const match =
			(!state.location || (role.dataset.places ?? '').split(' ').includes(state.location)) &&
			(!state.team || (role.dataset.teams ?? '').split(' ').includes(state.team)) &&
			text(role);
		// Touch only what changes: with thousands of roles every write costs style work.
		if (role.hidden === match) role.hidden = !match;
		if (match) visible++;
	}
	for (const group of groups) {
		const shown = group.querySelectorAll('[data-role]:not([hidden])').length;
		group.hidden = shown === 0;
		const count = group.querySelector('[data-group-count]');
		if (count) count.textContent = String(shown);
	}
	for (const chip of root?.querySelectorAll<HTMLAnchorElement>('a[data-filter]') ?? []) {
		const key = chip.dataset.filter as 'location' | 'team';
		if ((chip.dataset.value ?? '') === state[key]) chip.setAttribute('aria-current', 'true');
		else chip.removeAttribute('aria-current');
	}
	if (empty) empty.hidden = visible !== 0;
	// Wait for typing to pause so screen readers hear one count, not one per keystroke.
	window.clearTimeout(announce);
	announce = window.setTimeout(() => {
		if (!counter) return;
		const total = Number(counter.dataset.total);
		const filtered = state.location || state.team || state.q;
		counter.textContent = filtered
			? `${visible} of ${total} open role${total === 1 ? '' : 's'} match`
			: `${total} open role${total === 1 ? '' : 's'}`;
	}, 250);
}

let state = readState();
let pending = 0;
let typing: number | undefined;

/** Shows the roles matching the state once its text search is done; a newer update wins. */
async function update(): Promise<void> {
	window.clearTimeout(typing);
	const current = state;
	const run = ++pending;
	list?.setAttribute('aria-busy', 'true');
	const text = await matcher(current.q.trim());
	if (run !== pending) return;
	list?.removeAttribute('aria-busy');
	apply(current, text);
}

root?.addEventListener('click', (event) => {
	const chip = (event.target as Element).closest<HTMLAnchorElement>('a[data-filter]');
	if (!chip || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
	event.preventDefault();
	const key = chip.dataset.filter as 'location' | 'team';
	state = { ...state, [key]: chip.dataset.value ?? '' };
	history.pushState(state, '', toQuery(state));
	void update();
});

// Warm up on focus: by the time the first word is typed, Pagefind is usually ready.
input?.addEventListener('focus', () => loadSearch().catch(() => undefined), { once: true });

input?.addEventListener('input', () => {
	state = { ...state, q: input.value.trim() };
	// Typing replaces the entry rather than adding one per keystroke to the history.
	history.replaceState(state, '', toQuery(state));
	window.clearTimeout(typing);
	typing = window.setTimeout(() => void update(), state.q ? DEBOUNCE_MS : 0);
});

document.getElementById('reset-filters')?.addEventListener('click', (event) => {
	event.preventDefault();
	state = { location: '', team: '', q: '' };
	history.pushState(state, '', toQuery(state));
	if (input) input.value = '';
	void update();
	input?.focus();
});

window.addEventListener('popstate', () => {
	state = readState();
	if (input) input.value = state.q;
	void update();
});

for (const element of document.querySelectorAll<HTMLElement>('[data-needs-js]')) element.hidden = false;
if (input) input.value = state.q;
void update();

export {};
