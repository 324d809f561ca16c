import { getCollection } from 'astro:content';
import type { CompanyBlock, Posting } from '../schemas/posting.ts';
import { buildFacets, groupPostings, type Facet, type Group } from '../listing/facets.ts';
import { mode, type BuildMode } from './build-mode.ts';

/** An old role URL and the role it now leads to. */
export interface Move {
	/** The former slug: `/jobs/<from>/` keeps working. */
	from: string;
	to: Posting;
}

/** Everything the pages need, computed once per build. */
export interface SiteCatalogue {
	/**
	 * Live roles, sorted by title: the only roles listed, searched, fed and
	 * marked up. In production: open, and past any `publishAt`. In a preview:
	 * drafts and scheduled roles too, badged, so recruiters see them in place.
	 */
	open: Posting[];
	/** Every posting this build read, drafts included: for the preview's review and change pages. */
	all: Posting[];
	/** Closed roles: their pages stay up, saying so, with open roles nearby. */
	closed: Posting[];
	/** Former slugs of open and closed roles. Drafts are not published, so neither are their old URLs. */
	moves: Move[];
	groups: Group[];
	places: Facet[];
	teams: Facet[];
	company: Map<string, CompanyBlock>;
}

let loading: Promise<SiteCatalogue> | undefined;

const byTitle = (a: Posting, b: Posting) => a.title.localeCompare(b.title, 'en');

/** Whether a role is listed in a build of this mode: production shows only what is live now. */
export function isListed(posting: Posting, build: Pick<BuildMode, 'preview' | 'builtAt'>): boolean {
	if (build.preview) return posting.status === 'open' || posting.status === 'draft';
	return posting.status === 'open' && (posting.publishAt === undefined || posting.publishAt <= build.builtAt);
}

/**
 * Loads the collections once and shares the result between all pages:
 * calling `getCollection()` per page makes large builds quadratic.
 */
export function getCatalogue(): Promise<SiteCatalogue> {
	loading ??= (async () => {
		const entries = (await getCollection('postings')).map((entry) => entry.data);
		const open = entries.filter((posting) => isListed(posting, mode)).sort(byTitle);
		const closed = entries.filter((posting) => posting.status === 'closed').sort(byTitle);
		// Former slugs of unpublished roles stay unpublished: they would name the draft.
		const moves = [...open, ...closed].flatMap((to) => to.formerSlugs.map((from) => ({ from, to })));
		const company = new Map((await getCollection('company')).map((entry) => [entry.id, entry.data]));
		return { all: entries, open, closed, moves, groups: groupPostings(open), ...buildFacets(open), company };
	})();
	return loading;
}
