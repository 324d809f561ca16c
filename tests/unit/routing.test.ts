import { describe, expect, it } from 'vitest';
import { makePlace } from '../../src/postings/places/make.ts';
import { buildRouting, type ListingLink, type ListingPage } from '../../src/routing/routes.ts';
import { locationSchema, type Location } from '../../src/schemas/place.ts';
import type { Posting } from '../../src/schemas/posting.ts';
import { seed, seedCatalogue } from './helpers.ts';

const emea: Location = locationSchema.parse({
	kind: 'area',
	id: 'emea',
	name: 'EMEA',
	area: 'EMEA',
	countries: ['DE', 'GB', 'PT'],
	workplace: 'remote',
	remote: true,
	label: 'Remote, EMEA',
});

const role = (slug: string, title: string, ...locations: Location[]): Posting => ({ ...seed('003'), slug, id: slug, title, locations });

/** A link as text: "Label (count) /path/", its children nested. */
const text = (link: ListingLink): string => `${link.label} (${link.count}) ${link.href}${link.children.length ? ` [${link.children.map(text).join('; ')}]` : ''}`;
const page = (pages: Array<{ params: Record<string, string>; props: ListingPage }>, slug: string) => {
	const found = pages.find((route) => Object.values(route.params)[0] === slug);
	if (!found) throw new Error(`no page ${slug}`);
	const { props } = found;
	return {
		heading: props.heading,
		description: props.description,
		roles: props.postings.map((posting) => posting.slug),
		breadcrumb: props.breadcrumb.map(text),
		below: props.below ? [props.below.heading, ...props.below.links.map(text)] : [],
		remote: props.remote ? text(props.remote) : undefined,
	};
};

describe('buildRouting', () => {
	const open = [
		role('austin', 'Austin role', makePlace({ city: 'Austin', region: 'TX', country: 'US' })),
		role('dallas', 'Dallas role', makePlace({ city: 'Dallas', region: 'TX', country: 'US' })),
		role('emea', 'EMEA role', emea),
		role('lisbon', 'Lisbon role', makePlace({ city: 'Lisbon', country: 'PT' })),
		role('texas', 'Texas role', makePlace({ region: 'TX', country: 'US', remote: true })),
	];
	const closed = { ...seed('000'), status: 'closed' as const };
	const routing = buildRouting({ open, closed: [closed], moves: [{ from: 'old-lisbon', to: open[3]! }], companyName: 'Cloudflare' });

	it('gives every role URL its page: open, closed, and former slugs', () => {
		expect(routing.roles.map((route) => `${route.params.slug} ${route.props.kind}`)).toEqual([
			'austin open',
			'dallas open',
			'emea open',
			'lisbon open',
			'texas open',
			`${closed.slug} closed`,
			'old-lisbon moved',
		]);
	});

	it('makes a page per place listing, with its roles, links down with counts, and a breadcrumb up', () => {
		expect(routing.places.map((route) => route.params.place)).toEqual([
			'remote',
			'emea',
			'portugal',
			'united-states',
			'texas-united-states',
			'austin-texas',
			'dallas-texas',
			'lisbon-portugal',
			'remote-emea',
			'remote-portugal',
			'remote-united-states',
		]);
		expect(page(routing.places, 'united-states')).toEqual({
			heading: 'Roles in United States',
			description: '3 open roles at Cloudflare in United States.',
			roles: ['austin', 'dallas', 'texas'],
			breadcrumb: ['All open roles (5) /'],
			below: ['Regions and cities in United States', 'Texas, United States (3) /locations/texas-united-states/ [Austin, Texas (1) /locations/austin-texas/; Dallas, Texas (1) /locations/dallas-texas/]'],
			remote: 'Remote, United States (1) /locations/remote-united-states/',
		});
		expect(page(routing.places, 'dallas-texas')).toEqual({
			heading: 'Roles in Dallas, Texas',
			description: '1 open role at Cloudflare in Dallas, Texas.',
			roles: ['dallas'],
			breadcrumb: ['All open roles (5) /', 'United States (3) /locations/united-states/', 'Texas, United States (3) /locations/texas-united-states/'],
			below: [],
			remote: undefined,
		});
		expect(page(routing.places, 'portugal')).toMatchObject({
			roles: ['lisbon'],
			below: ['Cities in Portugal', 'Lisbon, Portugal (1) /locations/lisbon-portugal/'],
			remote: 'Remote, Portugal (1) /locations/remote-portugal/',
		});
		expect(page(routing.places, 'emea')).toEqual({
			heading: 'Roles in EMEA',
			description: '2 open roles at Cloudflare in EMEA.',
			roles: ['emea', 'lisbon'],
			breadcrumb: ['All open roles (5) /'],
			below: ['Countries in EMEA', 'Portugal (1) /locations/portugal/'],
			remote: 'Remote, EMEA (1) /locations/remote-emea/',
		});
		expect(page(routing.places, 'remote')).toEqual({
			heading: 'Remote roles',
			description: '2 open roles at Cloudflare that can be done remotely.',
			roles: ['emea', 'texas'],
			breadcrumb: ['All open roles (5) /'],
			below: [
				'Remote roles by where they can be done from',
				'Remote, EMEA (1) /locations/remote-emea/',
				'Remote, Portugal (1) /locations/remote-portugal/',
				'Remote, United States (1) /locations/remote-united-states/',
			],
			remote: undefined,
		});
		expect(page(routing.places, 'remote-portugal')).toEqual({
			heading: 'Remote roles from Portugal',
			description: '1 open role at Cloudflare that can be done remotely from Portugal.',
			roles: ['emea'],
			breadcrumb: ['All open roles (5) /', 'Remote (2) /locations/remote/'],
			below: [],
			remote: undefined,
		});
	});

	it('offers the filters as trees: Remote above its scopes, the areas, each country above its regions and cities', () => {
		expect(routing.filters.places.map(text)).toEqual([
			'Remote (2) /locations/remote/ [Remote, EMEA (1) /locations/remote-emea/; Remote, Portugal (1) /locations/remote-portugal/; Remote, United States (1) /locations/remote-united-states/]',
			'EMEA (2) /locations/emea/',
			'Portugal (1) /locations/portugal/ [Lisbon, Portugal (1) /locations/lisbon-portugal/]',
			'United States (3) /locations/united-states/ [Texas, United States (3) /locations/texas-united-states/ [Austin, Texas (1) /locations/austin-texas/; Dallas, Texas (1) /locations/dallas-texas/]]',
		]);
		expect(routing.tree.places.keys.get('texas')).toEqual(['remote', 'united-states', 'texas-united-states', 'remote-united-states']);
		expect(routing.tree.places.nodes).toHaveLength(routing.places.length);
	});

	it('makes team pages with departments above their teams, on the seeds', () => {
		const { postings } = seedCatalogue();
		const seeds = buildRouting({ open: postings, closed: [], moves: [], companyName: 'Cloudflare' });
		expect(seeds.teams.map((route) => route.params.team)).toEqual([
			'cloudflare-tunnel',
			'observability',
			'workers-runtime',
			'emerging-technologies-incubation-eti',
			'engineering',
			'production-engineering',
		]);
		expect(page(seeds.teams, 'production-engineering')).toEqual({
			heading: 'Production Engineering roles',
			description: '1 open role in Production Engineering at Cloudflare.',
			roles: ['engineering-manager-observability'],
			breadcrumb: ['All open roles (5) /'],
			below: ['Teams in Production Engineering', 'Observability (1) /teams/observability/'],
			remote: undefined,
		});
		expect(page(seeds.teams, 'workers-runtime')).toMatchObject({
			heading: 'Workers Runtime roles',
			roles: ['engineering-manager-workers-runtime', 'senior-systems-engineer-workers-runtime-cpp'],
			breadcrumb: ['All open roles (5) /', 'Emerging Technologies & Incubation (ETI) (1) /teams/emerging-technologies-incubation-eti/'],
		});
		// The seeds' place pages are the ones the site always had, plus the remote scopes.
		expect(seeds.places.map((route) => route.params.place)).toEqual([
			'remote',
			'germany',
			'netherlands',
			'portugal',
			'united-kingdom',
			'united-states',
			'amsterdam-netherlands',
			'austin-texas',
			'lisbon-portugal',
			'london-united-kingdom',
			'munich-germany',
			'remote-germany',
			'remote-netherlands',
			'remote-portugal',
			'remote-united-kingdom',
		]);
	});

	it('offers the team filter as departments above their teams, on the seeds', () => {
		const seeds = buildRouting({ open: seedCatalogue().postings, closed: [], moves: [], companyName: 'Cloudflare' });
		expect(seeds.filters.teams.map(text)).toEqual([
			'Emerging Technologies & Incubation (ETI) (1) /teams/emerging-technologies-incubation-eti/ [Workers Runtime (2) /teams/workers-runtime/]',
			'Engineering (1) /teams/engineering/ [Cloudflare Tunnel (1) /teams/cloudflare-tunnel/]',
			'Production Engineering (1) /teams/production-engineering/ [Observability (1) /teams/observability/]',
		]);
	});

	it('pages the home listing newest first, fifty roles a page, each linking its neighbours', () => {
		const many = Array.from({ length: 120 }, (_, at) => ({
			...role(`role-${at}`, `Role ${String(at).padStart(3, '0')}`, makePlace({ city: 'Lisbon', country: 'PT' })),
			datePosted: `2026-${String(1 + (at % 12)).padStart(2, '0')}-01`,
		}));
		const { index } = buildRouting({ open: many, closed: [], moves: [], companyName: 'Cloudflare' });
		expect(index.map((route) => [route.params.page, route.props.offset, route.props.postings.length, route.props.prev, route.props.next])).toEqual([
			['1', 0, 50, undefined, '/page/2/'],
			['2', 50, 50, '/', '/page/3/'],
			['3', 100, 20, '/page/2/', undefined],
		]);
		expect(index[1]!.props.links.map((link) => `${link.number} ${link.href}`)).toEqual(['1 /', '2 /page/2/', '3 /page/3/']);
		// December's roles first (ten of them), by title, then November's.
		expect(index[0]!.props.postings.slice(0, 11).map((posting) => `${posting.datePosted} ${posting.title}`)).toEqual([
			...[11, 23, 35, 47, 59, 71, 83, 95, 107, 119].map((at) => `2026-12-01 Role ${String(at).padStart(3, '0')}`),
			'2026-11-01 Role 010',
		]);
		// Every role on exactly one page.
		expect(new Set(index.flatMap((route) => route.props.postings.map((posting) => posting.slug))).size).toBe(120);
	});

	it('pages a place or team listing by team, fifty roles a page, its first page at its own URL', () => {
		// 120 roles in Lisbon: 70 in Identity, 50 in Workers Runtime (both Engineering); three in Munich.
		const team = (name: string, slug: string) => ({ team: name, teamSlug: slug, department: 'Engineering', departmentSlug: 'engineering' });
		const many = [
			...Array.from({ length: 120 }, (_, at) => ({
				...role(`role-${at}`, `Role ${String(at).padStart(3, '0')}`, makePlace({ city: 'Lisbon', country: 'PT' })),
				...(at % 12 < 7 ? team('Identity', 'identity') : team('Workers Runtime', 'workers-runtime')),
			})),
			...Array.from({ length: 3 }, (_, at) => ({ ...role(`munich-${at}`, `Munich ${at}`, makePlace({ city: 'Munich', country: 'DE' })), ...team('Identity', 'identity') })),
		];
		const routing = buildRouting({ open: many, closed: [], moves: [], companyName: 'Cloudflare' });
		const pagesOf = (slug: string) => [routing.places.find((route) => route.params.place === slug)!, ...routing.placePages.filter((route) => route.params.place === slug)];
		const lisbon = pagesOf('lisbon-portugal');
		expect(lisbon.map(({ params, props: { paging } }) => [params, paging.offset, paging.count, paging.total, paging.prev, paging.next])).toEqual([
			[{ place: 'lisbon-portugal' }, 0, 50, 120, undefined, '/locations/lisbon-portugal/page/2/'],
			[{ place: 'lisbon-portugal', page: '2' }, 50, 50, 120, '/locations/lisbon-portugal/', '/locations/lisbon-portugal/page/3/'],
			[{ place: 'lisbon-portugal', page: '3' }, 100, 20, 120, '/locations/lisbon-portugal/page/2/', undefined],
		]);
		// Identity's 70 roles (seven of every twelve) fill the first page and begin the second, each heading counting the team's roles on every page.
		expect(lisbon.map(({ props }) => props.groups.map((group) => `${group.label} ${group.postings.length}/${group.total}`))).toEqual([
			['Identity 50/70'],
			['Identity 20/70', 'Workers Runtime 30/50'],
			['Workers Runtime 20/50'],
		]);
		expect(lisbon[1]!.props.groups[0]!.postings.map((posting) => posting.title).slice(0, 2)).toEqual(['Role 085', 'Role 086']);
		expect(lisbon[2]!.props.paging.links.map((link) => `${link.number} ${link.href}`)).toEqual(['1 /locations/lisbon-portugal/', '2 /locations/lisbon-portugal/page/2/', '3 /locations/lisbon-portugal/page/3/']);
		// Every role once, and the feed's roles (every page's) on each page's props.
		const slugs = lisbon.flatMap(({ props }) => props.groups.flatMap((group) => group.postings.map((posting) => posting.slug)));
		expect(new Set(slugs).size).toBe(120);
		expect(lisbon.every(({ props }) => props.postings.length === 120)).toBe(true);
		// A listing that fits a page has no further pages; the country and the team have theirs.
		expect(pagesOf('munich-germany').map(({ props }) => [props.paging.pages, props.paging.next])).toEqual([[1, undefined]]);
		expect(routing.placePages.map((route) => `/locations/${route.params.place}/page/${route.params.page}/`)).toEqual([
			'/locations/portugal/page/2/',
			'/locations/portugal/page/3/',
			'/locations/lisbon-portugal/page/2/',
			'/locations/lisbon-portugal/page/3/',
		]);
		expect(routing.teamPages.map((route) => `/teams/${route.params.team}/page/${route.params.page}/ ${route.props.paging.count}`)).toEqual([
			'/teams/identity/page/2/ 23',
			'/teams/engineering/page/2/ 50',
			'/teams/engineering/page/3/ 23',
		]);
	});
});
