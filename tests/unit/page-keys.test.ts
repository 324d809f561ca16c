import { describe, expect, it } from 'vitest';
import { makePlace } from '../../src/postings/places/make.ts';
import { cacheKeys, postingDigest, rememberStoredDigest } from '../../src/routing/cache-keys.ts';
import { indexPageKey, listingFeedKey, listingPageKey } from '../../src/routing/page-keys.ts';
import { buildRouting } from '../../src/routing/routes.ts';
import type { Posting } from '../../src/schemas/posting.ts';
import { seed } from './helpers.ts';

/**
 * 120 roles of one team in Lisbon, posted on twelve days: three pages of the
 * team's listing, of Lisbon's and of the home listing. Which pages' keys
 * change tells which pages a rebuild renders again.
 */
const lisbon = makePlace({ city: 'Lisbon', country: 'PT' });
const roles: Posting[] = Array.from({ length: 120 }, (_, at) => ({
	...seed('003'),
	slug: `role-${at}`,
	id: `role-${at}`,
	title: `Role ${String(at).padStart(3, '0')}`,
	team: 'Identity',
	teamSlug: 'identity',
	department: 'Engineering',
	departmentSlug: 'engineering',
	locations: [lisbon],
	datePosted: `2026-${String(1 + (at % 12)).padStart(2, '0')}-01`,
}));
const keys = cacheKeys({ site: { companyName: 'Cloudflare' }, cards: 'site' });

/** Every key of the build of these roles: the team's pages and feed, and the home listing's pages after the first. */
function keysOf(open: Posting[], today = '2026-12-02') {
	const routing = buildRouting({ open, closed: [], moves: [], companyName: 'Cloudflare' });
	const team = [routing.teams.find((route) => route.params.team === 'identity')!, ...routing.teamPages.filter((route) => route.params.team === 'identity')];
	return {
		teamPages: team.map((route) => listingPageKey(keys, routing.filters, 'team', route.props)),
		teamFeed: listingFeedKey(keys, 'team', team[0]!.props),
		homePages: routing.index.slice(1).map((route) => indexPageKey(keys, routing.filters, today, route.props)),
	};
}

/** The number of the team listing's page, and of the home listing's, that shows a role. */
function pagesShowing(open: Posting[], slug: string) {
	const routing = buildRouting({ open, closed: [], moves: [], companyName: 'Cloudflare' });
	const team = [routing.teams.find((route) => route.params.team === 'identity')!, ...routing.teamPages.filter((route) => route.params.team === 'identity')];
	return {
		team: team.findIndex((route) => route.props.groups.some((group) => group.postings.some((posting) => posting.slug === slug))),
		home: routing.index.findIndex((route) => route.props.postings.some((posting) => posting.slug === slug)),
	};
}

describe('the keys of listing pages', () => {
	const before = keysOf(roles);

	it('keys every page of a listing apart', () => {
		expect(before.teamPages).toHaveLength(3);
		expect(new Set(before.teamPages).size).toBe(3);
		expect(before.homePages).toHaveLength(2);
		expect(new Set(before.homePages).size).toBe(2);
	});

	it('changes only the keys of the pages that show a role whose text changed, and the feed', () => {
		const at = roles.findIndex((posting) => posting.slug === 'role-100');
		const edited = roles.map((posting, index) => (index === at ? { ...posting, summary: `${posting.summary} Interviews take one day.` } : posting));
		const shown = pagesShowing(roles, 'role-100');
		// The team listing's third page, and the home listing's second (`/page/2/`, the first of homePages).
		expect(shown).toEqual({ team: 2, home: 1 });
		const after = keysOf(edited);
		expect(after.teamPages.map((key, page) => key === before.teamPages[page])).toEqual([true, true, false]);
		expect(after.homePages.map((key, page) => key === before.homePages[page])).toEqual([false, true]);
		expect(after.teamFeed).not.toBe(before.teamFeed);
	});

	it('keeps the feed of a listing larger than a feed when a role too old to be in it changes', () => {
		// 240 roles: the feed carries the 200 newest; role-0 was posted in January, with 19 others, the oldest.
		const many = [...roles, ...roles.map((posting) => ({ ...posting, slug: `${posting.slug}-b`, id: `${posting.id}-b`, title: `${posting.title} B` }))];
		const edit = (slug: string) => many.map((posting) => (posting.slug === slug ? { ...posting, summary: `${posting.summary} Interviews take one day.` } : posting));
		const feed = keysOf(many).teamFeed;
		expect(keysOf(edit('role-0')).teamFeed).toBe(feed);
		// role-11 was posted in December, among the newest.
		expect(keysOf(edit('role-11')).teamFeed).not.toBe(feed);
	});

	it('changes every page of a listing when a role joins it', () => {
		const joined = [...roles, { ...roles[0]!, slug: 'role-new', id: 'role-new', title: 'Role 999' }];
		const after = keysOf(joined);
		for (const [page, key] of after.teamPages.entries()) expect(key, `page ${page + 1}`).not.toBe(before.teamPages[page]);
		expect(after.teamFeed).not.toBe(before.teamFeed);
	});

	it('changes the home listing pages with the build day (rows say how long ago a role was posted), and no other', () => {
		const tomorrow = keysOf(roles, '2026-12-03');
		for (const [page, key] of tomorrow.homePages.entries()) expect(key, `page ${page + 2}`).not.toBe(before.homePages[page]);
		expect(tomorrow.teamPages).toEqual(before.teamPages);
		expect(keysOf(roles)).toEqual(before);
	});

	it("keys a preview's pages apart from production's, and by the badges and a role's findings", () => {
		const routing = buildRouting({ open: roles, closed: [], moves: [], companyName: 'Cloudflare' });
		const team = routing.teams[0]!.props;
		const preview = (badges: Record<string, string>) => cacheKeys({ site: { companyName: 'Cloudflare' }, cards: 'site', previewBadges: badges });
		const draft = preview({ 'role-7': 'Draft' });
		expect(listingPageKey(draft, routing.filters, 'team', team)).not.toBe(listingPageKey(keys, routing.filters, 'team', team));
		// The same badges, the same keys: a rebuild reuses the page.
		expect(listingPageKey(preview({ 'role-7': 'Draft' }), routing.filters, 'team', team)).toBe(listingPageKey(draft, routing.filters, 'team', team));
		// A badge comes with the build's clock (a role's last day passed): every page is keyed anew.
		const expired = preview({ 'role-7': 'Draft', 'role-8': 'Expired (last day December 1, 2026)' });
		expect(listingPageKey(expired, routing.filters, 'team', team)).not.toBe(listingPageKey(draft, routing.filters, 'team', team));
		expect(indexPageKey(expired, routing.filters, '2026-12-02', routing.index[1]!.props)).not.toBe(indexPageKey(draft, routing.filters, '2026-12-02', routing.index[1]!.props));
		// A role page, by the review findings it shows.
		const finding = { severity: 'error', rule: 'pay-closing-date', field: 'validThrough' };
		expect(draft.role('open', roles[0]!, [], [finding])).not.toBe(draft.role('open', roles[0]!, [], []));
		expect(draft.role('open', roles[0]!, [], [finding])).toBe(draft.role('open', roles[0]!, [], [{ ...finding }]));
	});

	it("keys a stored posting by its store entry's digest, without reading its role text", () => {
		// What the catalogue gives the pages: a posting whose role text is read only when its sections are.
		const stored = (digest: string) => {
			const posting = { ...roles[0]! };
			Object.defineProperty(posting, 'sections', { enumerable: true, get: () => { throw new Error('role text read'); } });
			rememberStoredDigest(posting, digest);
			return posting;
		};
		const one = stored('key:abc');
		expect(postingDigest(one)).toBe('stored:key:abc');
		expect(keys.role('open', one)).toBe(keys.role('open', stored('key:abc')));
		expect(keys.role('open', one)).not.toBe(keys.role('open', stored('key:abd')));
		expect(keys.listing('team', [], [one])).not.toBe(keys.listing('team', [], [stored('key:abd')]));
		// A posting not from the store is printed, as before.
		expect(postingDigest(roles[1]!)).not.toMatch(/^stored:/);
	});
});
