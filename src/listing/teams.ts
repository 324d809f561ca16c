import type { Posting } from '../schemas/posting.ts';

/** One team or department listing, with its own pre-rendered page. */
export interface TeamNode {
	/** URL segment: the slug of the team's or department's name, e.g. "workers-runtime". */
	slug: string;
	/** Display name, e.g. "Workers Runtime". */
	label: string;
	kind: 'team' | 'department';
	/** Slugs of the open postings listed on it, in catalogue order. */
	postings: string[];
	/** For a department: slugs of the teams its roles name. */
	children: string[];
	/** For a team: slug of its department, when its roles name exactly one. */
	parent?: string;
}

/**
 * The team listings, department → team where postings name both: teams first,
 * then departments, each by name. A department named like a team shares its
 * listing (they share one slug and one filter key), as it always did.
 */
export function buildTeamTree(postings: readonly Posting[]): TeamNode[] {
	const nodes = new Map<string, TeamNode>();
	const departmentsOf = new Map<string, Set<string>>();
	const add = (slug: string, label: string, kind: TeamNode['kind'], posting: string) => {
		const node = nodes.get(slug) ?? { slug, label, kind, postings: [], children: [] };
		nodes.set(slug, node);
		// A posting adds itself to a node at most twice in a row (a department named like its team).
		if (node.postings.at(-1) !== posting) node.postings.push(posting);
	};
	for (const posting of postings) {
		if (posting.team && posting.teamSlug) add(posting.teamSlug, posting.team, 'team', posting.slug);
		if (posting.department && posting.departmentSlug) add(posting.departmentSlug, posting.department, 'department', posting.slug);
		if (posting.teamSlug && posting.departmentSlug && posting.teamSlug !== posting.departmentSlug) {
			const departments = departmentsOf.get(posting.teamSlug) ?? new Set();
			departmentsOf.set(posting.teamSlug, departments.add(posting.departmentSlug));
		}
	}
	const sorted = [...nodes.values()].sort((a, b) => Number(a.kind === 'department') - Number(b.kind === 'department') || a.label.localeCompare(b.label, 'en'));
	for (const team of sorted) {
		const departments = [...(departmentsOf.get(team.slug) ?? [])];
		for (const department of departments) nodes.get(department)!.children.push(team.slug);
		if (departments.length === 1) team.parent = departments[0]!;
	}
	return sorted;
}
