/**
 * Instant filtering for the listing page. Progressive enhancement: without it
 * the location and team chips are links to pre-rendered listings. With it they
 * filter in place, the state lives in the URL query (`?location=…&team=…&q=…`)
 * so it can be shared and survives reload and back/forward, and the result
 * count is announced through a live region.
 */

type State = { location: string; team: string; q: string };

const root = document.getElementById('filters');
const counter = document.getElementById('result-count');
const empty = document.getElementById('no-results');
const input = document.getElementById('filter-text') as HTMLInputElement | null;
const roles = [...document.querySelectorAll<HTMLElement>('[data-role]')];
const groups = [...document.querySelectorAll<HTMLElement>('[data-group]')];
const texts = new Map(roles.map((role) => [role, (role.textContent ?? '').toLowerCase()]));

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

function apply(state: State): void {
	const terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
	let visible = 0;
	for (const role of roles) {
		const match =
			(!state.location || (role.dataset.places ?? '').split(' ').includes(state.location)) &&
			(!state.team || (role.dataset.teams ?? '').split(' ').includes(state.team)) &&
			terms.every((term) => texts.get(role)!.includes(term));
		role.hidden = !match;
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
	if (input && input.value !== state.q) input.value = state.q;
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

root?.addEventListener('click', (event) => {
	const chip = (event.target as Element).closest<HTMLAnchorElement>('a[data-filter]');
	if (!chip || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
	event.preventDefault();
	const key = chip.dataset.filter as 'location' | 'team';
	state = { ...state, [key]: chip.dataset.value ?? '' };
	history.pushState(state, '', toQuery(state));
	apply(state);
});

input?.addEventListener('input', () => {
	state = { ...state, q: input.value.trim() };
	// Typing replaces the entry rather than adding one per keystroke to the history.
	history.replaceState(state, '', toQuery(state));
	apply(state);
});

document.getElementById('reset-filters')?.addEventListener('click', (event) => {
	event.preventDefault();
	state = { location: '', team: '', q: '' };
	history.pushState(state, '', toQuery(state));
	apply(state);
	input?.focus();
});

window.addEventListener('popstate', () => {
	state = readState();
	apply(state);
});

for (const element of document.querySelectorAll<HTMLElement>('[data-needs-js]')) element.hidden = false;
apply(state);

export {};
