import type { ListingData } from '../listing/listing-data.ts';
import type { FilterState } from './listing-state.ts';

/**
 * The listing's data with, for each place and team listing, the set of its
 * roles as a bitset (bit `i` is `data.roles[i]`), built once when the data
 * loads. A filter change is then a few ORs and ANDs over 32-role words
 * instead of a pass over every role's keys: at 10,000 roles it stays well
 * under a millisecond, so a click spends its time drawing, not matching.
 */
export interface RoleIndex {
	data: ListingData;
	/** 32-bit words per bitset. */
	words: number;
	/** The roles on each place listing, by its slug. */
	places: Map<string, Uint32Array>;
	/** The roles on each team or department listing, by its slug. */
	teams: Map<string, Uint32Array>;
	/** A role's position in `data.roles`, by its slug (the search answers with slugs). */
	at: Map<string, number>;
	/** Each role's listing text, plain (see `plain`), made on the first text search without Pagefind. */
	text?: string[];
}

/** Letters only, no accents, lower case: how the text search compares. */
const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The bitsets of every listing a role is on, from the data's per-role keys. */
export function indexRoles(data: ListingData): RoleIndex {
	const words = Math.ceil(data.roles.length / 32);
	const bitsets = (slugs: string[]) => slugs.map(() => new Uint32Array(words));
	const places = bitsets(data.places);
	const teams = bitsets(data.teams);
	data.roles.forEach(([, , , , , placeKeys, teamKeys], role) => {
		const bit = 1 << (role & 31);
		for (const key of placeKeys) places[key]![role >>> 5]! |= bit;
		for (const key of teamKeys) teams[key]![role >>> 5]! |= bit;
	});
	return {
		data,
		words,
		places: new Map(data.places.map((slug, key) => [slug, places[key]!])),
		teams: new Map(data.teams.map((slug, key) => [slug, teams[key]!])),
		at: new Map(data.roles.map(([slug], role) => [slug, role])),
	};
}

/**
 * Indexes (in `data.roles`, so newest first) of the roles a state matches:
 * on any chosen place, and on any chosen team, and found by the text search
 * (`found`: slugs; undefined when there is no text to search). A slug no
 * role is on matches nothing, so a stale shared link shows no roles rather
 * than all of them.
 */
export function matchRoles(index: RoleIndex, state: FilterState, found?: ReadonlySet<string>): number[] {
	const { words } = index;
	const count = index.data.roles.length;
	// Start from every role (the last word only as far as there are roles), then narrow.
	const matched = new Uint32Array(words).fill(0xffffffff);
	if (count % 32) matched[words - 1] = (1 << count % 32) - 1;
	const narrow = (bitsets: Map<string, Uint32Array>, slugs: readonly string[]) => {
		if (slugs.length === 0) return;
		const any = new Uint32Array(words);
		for (const slug of slugs) {
			const roles = bitsets.get(slug);
			if (roles) for (let word = 0; word < words; word += 1) any[word]! |= roles[word]!;
		}
		for (let word = 0; word < words; word += 1) matched[word]! &= any[word]!;
	};
	narrow(index.places, state.location);
	narrow(index.teams, state.team);
	if (found) {
		const any = new Uint32Array(words);
		for (const slug of found) {
			const role = index.at.get(slug);
			if (role !== undefined) any[role >>> 5]! |= 1 << (role & 31);
		}
		for (let word = 0; word < words; word += 1) matched[word]! &= any[word]!;
	}
	const matches: number[] = [];
	for (let word = 0; word < words; word += 1) {
		// Lowest set bit first: roles stay newest first.
		for (let bits = matched[word]!; bits !== 0; bits &= bits - 1) matches.push(word * 32 + (31 - Math.clz32(bits & -bits)));
	}
	return matches;
}

/** Slugs of the roles whose listing text (title, team, places) holds every word of a query: the search when Pagefind cannot load. */
export function matchText(index: RoleIndex, query: string): Set<string> {
	const words = plain(query).split(/\s+/).filter(Boolean);
	index.text ??= index.data.roles.map(([, title, team, places]) => plain([title, team, ...places.map(([label]) => label)].join(' ')));
	const text = index.text;
	return new Set(index.data.roles.flatMap(([slug], role) => (words.every((word) => text[role]!.includes(word)) ? [slug] : [])));
}
