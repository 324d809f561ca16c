import type { Posting } from '../schemas/posting.ts';
import { slugify } from '../postings/text.ts';
import { buildPlaceTree, type PlaceNode } from './places.ts';
import { buildTeamTree, type TeamNode } from './teams.ts';

export { REMOTE } from './places.ts';

/** A value of a listing filter, with its own pre-rendered page: a place or a team listing. */
export type Facet = PlaceNode | TeamNode;

/** Team facet slugs a posting matches: its team and its department. */
export function teamKeys(posting: Posting): string[] {
	return [...new Set([posting.teamSlug, posting.departmentSlug].filter((key): key is string => Boolean(key)))];
}

/**
 * The location and team filters of the listing, from the place and team
 * hierarchies: Remote, areas, countries, regions, then cities; teams before
 * departments. Remote scopes ("Remote, Germany") have pages, linked from
 * Remote's and each country's, but are not filters of their own.
 */
export function buildFacets(postings: readonly Posting[]): { places: PlaceNode[]; teams: TeamNode[] } {
	return { places: buildPlaceTree(postings).nodes.filter((node) => node.kind !== 'remote-scope'), teams: buildTeamTree(postings) };
}

/** A heading and the postings under it on the listing. */
export interface Group {
	slug: string;
	label: string;
	postings: Posting[];
}

/** Label of the group for postings that name neither team nor department. */
export const UNGROUPED = 'Other roles';

/**
 * Groups postings for the listing by team, else department; roles with
 * neither come last under "Other roles". Groups and roles are sorted by name.
 */
export function groupPostings(postings: readonly Posting[]): Group[] {
	const groups = new Map<string, Group>();
	for (const posting of postings) {
		const label = posting.team ?? posting.department ?? UNGROUPED;
		const slug = slugify(label);
		const group = groups.get(slug) ?? { slug, label, postings: [] };
		group.postings.push(posting);
		groups.set(slug, group);
	}
	return [...groups.values()]
		.map((group) => ({ ...group, postings: group.postings.sort((a, b) => a.title.localeCompare(b.title, 'en')) }))
		.sort((a, b) => Number(a.label === UNGROUPED) - Number(b.label === UNGROUPED) || a.label.localeCompare(b.label, 'en'));
}
