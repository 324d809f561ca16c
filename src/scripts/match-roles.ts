import type { ListingData } from '../listing/listing-data.ts';
import type { FilterState } from './listing-state.ts';

/**
 * Indexes (in `data.roles`, so newest first) of the roles a state matches:
 * on any chosen place, and on any chosen team, and found by the text search
 * (`found`: slugs; undefined when there is no text to search). A slug no
 * role is on matches nothing, so a stale shared link shows no roles rather
 * than all of them.
 */
export function matchRoles(data: ListingData, state: FilterState, found?: ReadonlySet<string>): number[] {
	const chosen = (table: string[], slugs: string[]) => {
		if (slugs.length === 0) return undefined;
		const wanted = new Set(slugs);
		return new Set(table.flatMap((slug, index) => (wanted.has(slug) ? [index] : [])));
	};
	const places = chosen(data.places, state.location);
	const teams = chosen(data.teams, state.team);
	const matches: number[] = [];
	data.roles.forEach(([slug, , , , , placeKeys, teamKeys], index) => {
		if (places && !placeKeys.some((key) => places.has(key))) return;
		if (teams && !teamKeys.some((key) => teams.has(key))) return;
		if (found && !found.has(slug)) return;
		matches.push(index);
	});
	return matches;
}

/** Slugs of the roles whose listing text (title, team, places) holds every word of a query: the search when Pagefind cannot load. */
export function matchText(data: ListingData, query: string): Set<string> {
	const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
	const words = plain(query).split(/\s+/).filter(Boolean);
	return new Set(
		data.roles
			.filter(([, title, team, places]) => {
				const text = plain([title, team, ...places.map(([label]) => label)].join(' '));
				return words.every((word) => text.includes(word));
			})
			.map(([slug]) => slug),
	);
}
