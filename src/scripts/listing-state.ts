/**
 * The listing's filter state and its URL: `?location=portugal&location=remote-us&team=observability&q=rust`.
 * A facet named twice is a multiple choice (either place); facets combine (both).
 * Pure functions, shared by the filter script and its tests.
 */

/** The facets a visitor can filter by, as named in the URL. */
export const FACETS = ['location', 'team'] as const;
export type FacetKey = (typeof FACETS)[number];

/** What the listing is filtered to: listing slugs per facet (any of them), and a text query. */
export type FilterState = Record<FacetKey, string[]> & { q: string };

/** No filter: every role. */
export const EMPTY: FilterState = { location: [], team: [], q: '' };

/** The state a query string asks for; repeated and empty values are dropped. */
export function readState(search: string): FilterState {
	const params = new URLSearchParams(search);
	const values = (key: FacetKey) => [...new Set(params.getAll(key).flatMap((value) => value.split(',')).map((value) => value.trim()))].filter(Boolean);
	return { location: values('location'), team: values('team'), q: (params.get('q') ?? '').trim() };
}

/** The query string of a state, `?…`, or "" for none: locations, then teams, then the text. */
export function toQuery(state: FilterState): string {
	const params = new URLSearchParams();
	for (const key of FACETS) for (const value of state[key]) params.append(key, value);
	if (state.q) params.set('q', state.q);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** Whether a state narrows the listing at all. */
export function isFiltered(state: FilterState): boolean {
	return state.location.length > 0 || state.team.length > 0 || state.q !== '';
}

/** The state with one facet value chosen, or unchosen if it was. */
export function toggle(state: FilterState, key: FacetKey, value: string): FilterState {
	const values = state[key].includes(value) ? state[key].filter((chosen) => chosen !== value) : [...state[key], value];
	return { ...state, [key]: values };
}
