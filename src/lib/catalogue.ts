import { getCollection } from 'astro:content';
import type { CompanyBlock, Posting } from '../schemas/posting.ts';
import { buildFacets, groupPostings, type Facet, type Group } from '../listing/facets.ts';

/** Everything the pages need, computed once per build. */
export interface SiteCatalogue {
	/** Open roles, sorted by title. */
	open: Posting[];
	groups: Group[];
	places: Facet[];
	teams: Facet[];
	company: Map<string, CompanyBlock>;
}

let loading: Promise<SiteCatalogue> | undefined;

/**
 * Loads the collections once and shares the result between all pages:
 * calling `getCollection()` per page makes large builds quadratic.
 */
export function getCatalogue(): Promise<SiteCatalogue> {
	loading ??= (async () => {
		const entries = await getCollection('postings');
		const open = entries
			.map((entry) => entry.data)
			.filter((posting) => posting.status === 'open')
			.sort((a, b) => a.title.localeCompare(b.title, 'en'));
		const company = new Map((await getCollection('company')).map((entry) => [entry.id, entry.data]));
		return { open, groups: groupPostings(open), ...buildFacets(open), company };
	})();
	return loading;
}
