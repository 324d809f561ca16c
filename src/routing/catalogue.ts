import { getCollection } from 'astro:content';
import type { CompanyBlock, Posting } from '../schemas/posting.ts';
import { groupPostings, type Group } from '../listing/facets.ts';
import type { PlaceNode } from '../listing/places.ts';
import type { TeamNode } from '../listing/teams.ts';
import { buildRouting, type Routing } from './routes.ts';
import { labels, site } from '../config/site.ts';
import { mode } from '../config/build-mode.ts';
import { closedRoles, isListed, unretired } from './visibility.ts';
import { closedPagesWarning, socialCardsFor } from '../publish/host-limits.ts';
import { cacheKeys, rememberStoredDigest, type CacheKeys } from './cache-keys.ts';
import { buildCacheDir } from '../config/cache-folder.ts';
import { roleTextDir, withRoleText } from '../loaders/role-text.ts';
import { statusLabel } from '../listing/status-label.ts';

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
	 * marked up. In production: open, past any `publishAt` and before their
	 * `validThrough` ends. In a preview: drafts, scheduled and expired roles
	 * too, badged, so recruiters see them in place.
	 */
	open: Posting[];
	/** Every posting this build read, drafts included: for the preview's review and change pages. */
	all: Posting[];
	/**
	 * Closed roles: their pages stay up, saying so, with open roles nearby. In
	 * production this includes roles whose `validThrough` has passed, with
	 * status `closed`: to every page and file they are closed.
	 */
	closed: Posting[];
	/** Former slugs of open and closed roles. Drafts are not published, so neither are their old URLs. */
	moves: Move[];
	groups: Group[];
	/** Every place listing (Remote, areas, countries, regions, cities, remote scopes): the sitemap lists them. */
	places: PlaceNode[];
	/** The team and department listings. */
	teams: TeamNode[];
	/** Every page's path and data (src/routing/), computed with the rest. */
	routing: Routing;
	company: Map<string, CompanyBlock>;
	/** The digest of each posting's plain text by slug, as /api/manifest.json publishes it: made when the posting was stored. */
	textDigests: ReadonlyMap<string, string>;
	/** The social cards this build draws: `socialCards` from the site settings, or per-role while they fit the host's file limit. */
	cards: 'per-role' | 'site';
	/** Cache keys of this build's pages, for Astro's incremental build (src/routing/cache-keys.ts). */
	keys: CacheKeys;
}

let loading: Promise<SiteCatalogue> | undefined;

const byTitle = (a: Posting, b: Posting) => a.title.localeCompare(b.title, 'en');

/** The badge each role has in a preview (`statusLabel`), by slug: only the roles that have one. */
function badges(postings: readonly Posting[]): Record<string, string> {
	return Object.fromEntries(postings.flatMap((posting) => {
		const label = statusLabel(posting, mode.builtAt, site.lang, labels);
		return label ? [[posting.slug, label]] : [];
	}));
}

/**
 * Loads the collections once and shares the result between all pages:
 * calling `getCollection()` per page makes large builds quadratic.
 */
export function getCatalogue(): Promise<SiteCatalogue> {
	loading ??= (async () => {
		const roleText = roleTextDir(buildCacheDir(mode.preview));
		const stored = await getCollection('postings');
		// Roles closed longer than the site keeps their pages are left out everywhere, as deleted files are.
		const entries = unretired(
			stored.map((entry) => {
				const posting = withRoleText(roleText, entry.data);
				if (entry.digest !== undefined) rememberStoredDigest(posting, entry.digest);
				return posting;
			}),
			mode,
			site.closedRoleDays,
		);
		const textDigests = new Map(stored.map((entry) => [entry.data.slug, entry.data.textDigest]));
		const open = entries.filter((posting) => isListed(posting, mode)).sort(byTitle);
		const closed = closedRoles(entries, mode).sort(byTitle);
		// Former slugs of unpublished roles stay unpublished: they would name the draft.
		const moves = [...open, ...closed].flatMap((to) => to.formerSlugs.map((from) => ({ from, to })));
		const company = new Map((await getCollection('company')).map((entry) => [entry.id, entry.data]));
		const routing = buildRouting({ open, closed, moves, companyName: site.companyName, labels });
		const plan = { openRoles: open.length, otherRolePages: closed.length + moves.length, listings: routing.places.length + routing.teams.length, listingPages: routing.placePages.length + routing.teamPages.length + routing.index.length - 1, perRoleJson: site.perRoleJson };
		const cards = socialCardsFor(site.socialCards, plan);
		const tooMany = closedPagesWarning(plan, closed.length, cards === 'per-role', site.closedRoleDays);
		if (tooMany) console.warn(`closed roles: ${tooMany}`);
		const keys = cacheKeys({ site, cards, ...(mode.preview ? { previewBadges: badges(entries) } : {}) });
		return { all: entries, open, closed, moves, groups: groupPostings(open), places: routing.tree.places.nodes, teams: routing.tree.teams, routing, company, textDigests, cards, keys };
	})();
	return loading;
}
