import { describe, expect, it } from 'vitest';
import { buildFacets } from '../../src/listing/facets.ts';
import { buildPlaceTree, placeLabel, type PlaceNode } from '../../src/listing/places.ts';
import { buildTeamTree } from '../../src/listing/teams.ts';
import { makePlace } from '../../src/postings/places/make.ts';
import { locationSchema, type Location } from '../../src/schemas/place.ts';
import type { Posting } from '../../src/schemas/posting.ts';
import { seed, seedCatalogue } from './helpers.ts';

/** An area as the model writes it (src/schemas/place.ts). */
function area(id: string, name: string, code: string, countries: string[], workplace: Location['workplace'] = 'remote'): Location {
	return locationSchema.parse({
		kind: 'area',
		id,
		name,
		area: code,
		countries,
		workplace,
		remote: workplace === 'remote',
		label: workplace === 'remote' ? `Remote, ${name}` : name,
	});
}

/** A role with these places, from seed 003 (which names none of its own). */
const role = (slug: string, ...locations: Location[]): Posting => ({ ...seed('003'), slug, id: slug, locations });

/** Each node in the shape the pages read, for exact comparison. */
const shape = (node: PlaceNode) => ({
	slug: node.slug,
	label: node.label,
	kind: node.kind,
	count: node.postings.length,
	postings: node.postings,
	children: node.children,
	...(node.parent ? { parent: node.parent } : {}),
	...(node.remote ? { remote: node.remote } : {}),
});

describe('buildPlaceTree on the seeds', () => {
	const tree = buildPlaceTree(seedCatalogue().postings);
	const managerWorkers = 'engineering-manager-workers-runtime';
	const managerObservability = 'engineering-manager-observability';

	it('has Remote, countries with their cities, cities up to their country, and a remote scope per country a remote role covers', () => {
		expect(tree.nodes.map(shape)).toEqual([
			{ slug: 'remote', label: 'Remote', kind: 'remote', count: 1, postings: [managerObservability], children: ['remote-germany', 'remote-netherlands', 'remote-portugal', 'remote-united-kingdom'] },
			{ slug: 'germany', label: 'Germany', kind: 'country', count: 1, postings: [managerObservability], children: ['munich-germany'], remote: 'remote-germany' },
			{ slug: 'netherlands', label: 'Netherlands', kind: 'country', count: 1, postings: [managerObservability], children: ['amsterdam-netherlands'], remote: 'remote-netherlands' },
			{ slug: 'portugal', label: 'Portugal', kind: 'country', count: 2, postings: [managerWorkers, managerObservability], children: ['lisbon-portugal'], remote: 'remote-portugal' },
			{ slug: 'united-kingdom', label: 'United Kingdom', kind: 'country', count: 2, postings: [managerWorkers, managerObservability], children: ['london-united-kingdom'], remote: 'remote-united-kingdom' },
			{ slug: 'united-states', label: 'United States', kind: 'country', count: 1, postings: [managerWorkers], children: ['austin-texas'] },
			{ slug: 'amsterdam-netherlands', label: 'Amsterdam, Netherlands', kind: 'city', count: 1, postings: [managerObservability], children: [], parent: 'netherlands' },
			{ slug: 'austin-texas', label: 'Austin, Texas', kind: 'city', count: 1, postings: [managerWorkers], children: [], parent: 'united-states' },
			{ slug: 'lisbon-portugal', label: 'Lisbon, Portugal', kind: 'city', count: 2, postings: [managerWorkers, managerObservability], children: [], parent: 'portugal' },
			{ slug: 'london-united-kingdom', label: 'London, United Kingdom', kind: 'city', count: 2, postings: [managerWorkers, managerObservability], children: [], parent: 'united-kingdom' },
			{ slug: 'munich-germany', label: 'Munich, Germany', kind: 'city', count: 1, postings: [managerObservability], children: [], parent: 'germany' },
			{ slug: 'remote-germany', label: 'Remote, Germany', kind: 'remote-scope', count: 1, postings: [managerObservability], children: [], parent: 'remote' },
			{ slug: 'remote-netherlands', label: 'Remote, Netherlands', kind: 'remote-scope', count: 1, postings: [managerObservability], children: [], parent: 'remote' },
			{ slug: 'remote-portugal', label: 'Remote, Portugal', kind: 'remote-scope', count: 1, postings: [managerObservability], children: [], parent: 'remote' },
			{ slug: 'remote-united-kingdom', label: 'Remote, United Kingdom', kind: 'remote-scope', count: 1, postings: [managerObservability], children: [], parent: 'remote' },
		]);
	});

	it('gives each role the listings it is on, in the listings’ order, for the client-side filter', () => {
		expect(Object.fromEntries(tree.keys)).toEqual({
			[managerWorkers]: ['portugal', 'united-kingdom', 'united-states', 'austin-texas', 'lisbon-portugal', 'london-united-kingdom'],
			'senior-systems-engineer-workers-runtime-cpp': [],
			[managerObservability]: [
				'remote',
				'germany',
				'netherlands',
				'portugal',
				'united-kingdom',
				'amsterdam-netherlands',
				'lisbon-portugal',
				'london-united-kingdom',
				'munich-germany',
				'remote-germany',
				'remote-netherlands',
				'remote-portugal',
				'remote-united-kingdom',
			],
			'systems-engineer-global-scheduling': [],
			'software-engineer-cloudflare-tunnel': [],
		});
	});

	it('offers the filters the listing always had, with the same slugs: no scope makes the bar longer', () => {
		const { places } = buildFacets(seedCatalogue().postings);
		expect(places.map((facet) => `${facet.slug} (${facet.postings.length})`)).toEqual([
			'remote (1)',
			'germany (1)',
			'netherlands (1)',
			'portugal (2)',
			'united-kingdom (2)',
			'united-states (1)',
			'amsterdam-netherlands (1)',
			'austin-texas (1)',
			'lisbon-portugal (2)',
			'london-united-kingdom (2)',
			'munich-germany (1)',
		]);
	});
});

describe('buildPlaceTree with areas, a region and remote scopes', () => {
	const lisbon = makePlace({ city: 'Lisbon', country: 'PT' });
	const austin = makePlace({ city: 'Austin', region: 'TX', country: 'US' });
	const texas = makePlace({ region: 'TX', country: 'US', workplace: 'hybrid' });
	const remoteUs = makePlace({ country: 'US', remote: true });
	const remoteGermany = makePlace({ country: 'DE', remote: true });
	const emea = area('emea', 'EMEA', 'EMEA', ['DE', 'FR', 'GB', 'PT', 'ZA']);
	const europe = area('europe', 'Europe', 'EUROPE', ['DE', 'FR', 'GB', 'PT']);
	const worldwide = area('worldwide', 'Worldwide', 'WORLDWIDE', []);
	const postings = [
		role('a-lisbon', lisbon),
		role('b-remote-emea', emea),
		role('c-austin-or-remote-us', austin, remoteUs),
		role('d-texas-hybrid', texas),
		role('e-remote-worldwide', worldwide),
		role('f-remote-germany', remoteGermany),
		role('g-remote-europe', europe),
	];
	const tree = buildPlaceTree(postings);
	const node = (slug: string) => shape(tree.bySlug.get(slug)!);

	it('orders Remote, areas, countries, regions, cities, then the scopes of areas and of countries', () => {
		expect(tree.nodes.map((place) => place.slug)).toEqual([
			'remote',
			'emea',
			'europe',
			'worldwide',
			'germany',
			'portugal',
			'united-states',
			'texas-united-states',
			'austin-texas',
			'lisbon-portugal',
			'remote-emea',
			'remote-europe',
			'remote-worldwide',
			'remote-germany',
			'remote-portugal',
			'remote-united-states',
		]);
	});

	it('lists on an area every role placed within it, and its countries that have roles', () => {
		// Lisbon is in EMEA and in Europe; Remote, Europe lies within EMEA; Remote, EMEA does not lie within Europe.
		expect(node('emea')).toEqual({
			slug: 'emea',
			label: 'EMEA',
			kind: 'area',
			count: 4,
			postings: ['a-lisbon', 'b-remote-emea', 'f-remote-germany', 'g-remote-europe'],
			children: ['germany', 'portugal'],
			remote: 'remote-emea',
		});
		expect(node('europe')).toEqual({
			slug: 'europe',
			label: 'Europe',
			kind: 'area',
			count: 3,
			postings: ['a-lisbon', 'f-remote-germany', 'g-remote-europe'],
			children: ['germany', 'portugal'],
			remote: 'remote-europe',
		});
		// Worldwide names no countries: it contains only the roles that name it.
		expect(node('worldwide')).toEqual({
			slug: 'worldwide',
			label: 'Worldwide',
			kind: 'area',
			count: 1,
			postings: ['e-remote-worldwide'],
			children: [],
			remote: 'remote-worldwide',
		});
	});

	it('puts a named region between its country and its cities', () => {
		expect(node('united-states')).toEqual({
			slug: 'united-states',
			label: 'United States',
			kind: 'country',
			count: 2,
			postings: ['c-austin-or-remote-us', 'd-texas-hybrid'],
			children: ['texas-united-states'],
			remote: 'remote-united-states',
		});
		expect(node('texas-united-states')).toEqual({
			slug: 'texas-united-states',
			label: 'Texas, United States',
			kind: 'region',
			count: 2,
			postings: ['c-austin-or-remote-us', 'd-texas-hybrid'],
			children: ['austin-texas'],
			parent: 'united-states',
		});
		expect(node('austin-texas')).toEqual({
			slug: 'austin-texas',
			label: 'Austin, Texas',
			kind: 'city',
			count: 1,
			postings: ['c-austin-or-remote-us'],
			children: [],
			parent: 'texas-united-states',
		});
	});

	it('counts an area scope and Worldwide for each listed country they cover, a scope overlapping an area for the area, and only the roles from anywhere for Worldwide', () => {
		const scope = (slug: string) => tree.bySlug.get(slug)!.postings;
		expect(scope('remote')).toEqual(['b-remote-emea', 'c-austin-or-remote-us', 'e-remote-worldwide', 'f-remote-germany', 'g-remote-europe']);
		expect(scope('remote-germany')).toEqual(['b-remote-emea', 'e-remote-worldwide', 'f-remote-germany', 'g-remote-europe']);
		// Lisbon's role is on site: it is no remote role from Portugal.
		expect(scope('remote-portugal')).toEqual(['b-remote-emea', 'e-remote-worldwide', 'g-remote-europe']);
		expect(scope('remote-united-states')).toEqual(['c-austin-or-remote-us', 'e-remote-worldwide']);
		expect(scope('remote-emea')).toEqual(['b-remote-emea', 'e-remote-worldwide', 'f-remote-germany', 'g-remote-europe']);
		expect(scope('remote-europe')).toEqual(['b-remote-emea', 'e-remote-worldwide', 'f-remote-germany', 'g-remote-europe']);
		// Worldwide's scope is the roles remote from anywhere, not every remote role (that is Remote's listing).
		expect(scope('remote-worldwide')).toEqual(['e-remote-worldwide']);
		expect(tree.bySlug.get('remote')!.children).toEqual([
			'remote-emea',
			'remote-europe',
			'remote-worldwide',
			'remote-germany',
			'remote-portugal',
			'remote-united-states',
		]);
		expect(shape(tree.bySlug.get('remote-portugal')!)).toMatchObject({ label: 'Remote, Portugal', kind: 'remote-scope', parent: 'remote' });
	});

	it('keeps a country page for a country only named inside an area, only when a role is placed in it', () => {
		// France and South Africa are EMEA members, but no role is placed there: no listing, no scope.
		expect(tree.bySlug.has('france')).toBe(false);
		expect(tree.bySlug.has('remote-france')).toBe(false);
		expect(tree.keys.get('a-lisbon')).toEqual(['emea', 'europe', 'portugal', 'lisbon-portugal']);
		expect(tree.keys.get('d-texas-hybrid')).toEqual(['united-states', 'texas-united-states']);
	});

	it('gives a region that shares its id with a city a distinct slug, whichever role comes first', () => {
		const madridRegion = locationSchema.parse({ ...makePlace({ region: 'MD', country: 'ES' }), id: 'madrid-spain', name: 'Madrid', regionName: 'Madrid', label: 'Madrid, Spain' });
		const madrid = makePlace({ city: 'Madrid', region: 'MD', country: 'ES' });
		for (const order of [
			[role('region', madridRegion), role('city', madrid)],
			[role('city', madrid), role('region', madridRegion)],
		]) {
			const madridTree = buildPlaceTree(order);
			expect(madridTree.nodes.map((place) => `${place.kind} ${place.slug} [${place.postings.join(' ')}] < ${place.parent ?? ''}`)).toEqual([
				'country spain [' + order.map((posting) => posting.slug).join(' ') + '] < ',
				'region madrid-spain-region [' + order.map((posting) => posting.slug).join(' ') + '] < spain',
				'city madrid-spain [city] < madrid-spain-region',
			]);
			// Role pages link each place to the listing it got.
			expect([madridRegion, madrid, makePlace({ country: 'ES', remote: true })].map(madridTree.slugOf)).toEqual(['madrid-spain-region', 'madrid-spain', 'spain']);
		}
	});

	it('lists a city named as its country as the country, not again under it (a city-state)', () => {
		// Coupang's roles say "Singapore" and "Singapore, Singapore": the filter showed both, with the same roles.
		const singapore = makePlace({ city: 'Singapore', country: 'SG' });
		const tree = buildPlaceTree([role('city', singapore), role('country', makePlace({ country: 'SG' })), role('luxembourg', makePlace({ city: 'Luxembourg', country: 'LU' }))]);
		expect(tree.nodes.map((place) => `${place.kind} ${place.slug} [${place.postings.join(' ')}] (${place.children.join(' ')})`)).toEqual([
			'country luxembourg [luxembourg] ()',
			'country singapore [city country] ()',
		]);
		expect(tree.slugOf(singapore)).toBe('singapore');
		// Not a city whose country has another name.
		expect(buildPlaceTree([role('city', lisbon)]).nodes.map((place) => place.slug)).toEqual(['portugal', 'lisbon-portugal']);
	});

	it('names each place without its workplace, an area and a region too', () => {
		expect([lisbon, austin, texas, remoteUs, emea].map(placeLabel)).toEqual(['Lisbon, Portugal', 'Austin, Texas', 'Texas, United States', 'United States', 'EMEA']);
	});
});

describe('buildTeamTree', () => {
	it('puts each team under the one department its roles name, and a department above its teams', () => {
		expect(buildTeamTree(seedCatalogue().postings).map((node) => ({ ...node }))).toEqual([
			{ slug: 'cloudflare-tunnel', label: 'Cloudflare Tunnel', kind: 'team', postings: ['software-engineer-cloudflare-tunnel'], children: [], parent: 'engineering' },
			{ slug: 'observability', label: 'Observability', kind: 'team', postings: ['engineering-manager-observability'], children: [], parent: 'production-engineering' },
			{
				slug: 'workers-runtime',
				label: 'Workers Runtime',
				kind: 'team',
				postings: ['engineering-manager-workers-runtime', 'senior-systems-engineer-workers-runtime-cpp'],
				children: [],
				parent: 'emerging-technologies-incubation-eti',
			},
			{
				slug: 'emerging-technologies-incubation-eti',
				label: 'Emerging Technologies & Incubation (ETI)',
				kind: 'department',
				postings: ['senior-systems-engineer-workers-runtime-cpp'],
				children: ['workers-runtime'],
			},
			{ slug: 'engineering', label: 'Engineering', kind: 'department', postings: ['software-engineer-cloudflare-tunnel'], children: ['cloudflare-tunnel'] },
			{ slug: 'production-engineering', label: 'Production Engineering', kind: 'department', postings: ['engineering-manager-observability'], children: ['observability'] },
		]);
	});

	it('leaves a team in two departments without a parent, under both', () => {
		const one = { ...seed('002'), slug: 'one', department: 'Platform', departmentSlug: 'platform' };
		const two = { ...seed('002'), slug: 'two', department: 'Data', departmentSlug: 'data' };
		const nodes = buildTeamTree([one, two]);
		expect(nodes.map((node) => `${node.slug} < ${node.parent ?? ''} > ${node.children.join(' ')}`)).toEqual(['observability <  > ', 'data <  > observability', 'platform <  > observability']);
	});
});
