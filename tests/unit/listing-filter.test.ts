import { describe, expect, it } from 'vitest';
import { makePlace } from '../../src/postings/places/make.ts';
import { buildPlaceTree } from '../../src/listing/places.ts';
import { listingData } from '../../src/listing/listing-data.ts';
import { newestFirst, postedAgo } from '../../src/listing/posted.ts';
import { EMPTY, isFiltered, readState, toggle, toQuery } from '../../src/scripts/listing-state.ts';
import { matchRoles, matchText } from '../../src/scripts/match-roles.ts';
import type { Posting } from '../../src/schemas/posting.ts';
import { seed } from './helpers.ts';

const role = (slug: string, title: string, datePosted: string, team: Partial<Posting>, ...locations: Posting['locations']): Posting => ({
	...seed('003'),
	team: undefined,
	teamSlug: undefined,
	department: undefined,
	departmentSlug: undefined,
	...team,
	slug,
	id: slug,
	title,
	datePosted,
	locations,
});

const roles = newestFirst([
	role('lisbon-sre', 'Site Reliability Engineer', '2026-11-02', { team: 'Site Reliability', teamSlug: 'site-reliability', department: 'Operations', departmentSlug: 'operations' }, makePlace({ city: 'Lisbon', country: 'PT' })),
	role('austin-runtime', 'Runtime Engineer', '2026-11-20', { team: 'Workers Runtime', teamSlug: 'workers-runtime', department: 'Engineering', departmentSlug: 'engineering' }, makePlace({ city: 'Austin', region: 'TX', country: 'US' })),
	role('us-remote-runtime', 'Runtime Engineer, Remote', '2026-10-15', { team: 'Workers Runtime', teamSlug: 'workers-runtime', department: 'Engineering', departmentSlug: 'engineering' }, makePlace({ country: 'US', remote: true })),
	role('munich-sales', 'Account Executive', '2026-11-20', { department: 'Sales', departmentSlug: 'sales' }, makePlace({ city: 'Munich', country: 'DE' }), makePlace({ country: 'DE', remote: true })),
]);
const data = listingData({ postings: roles, placeKeys: buildPlaceTree(roles).keys, today: '2026-12-01', badge: () => undefined });
const slugs = (indexes: number[]) => indexes.map((index) => data.roles[index]![0]);

describe('the listing filter state in the URL', () => {
	it('reads several values of a facet, repeated or comma-separated, and the text', () => {
		expect(readState('?location=portugal&location=remote-united-states,germany&team=engineering&q=+rust+')).toEqual({
			location: ['portugal', 'remote-united-states', 'germany'],
			team: ['engineering'],
			q: 'rust',
		});
		expect(readState('?location=&team=')).toEqual(EMPTY);
		expect(isFiltered(readState('?utm_source=mail'))).toBe(false);
	});

	it('writes the state back, locations first, and toggles one value', () => {
		const state = toggle(toggle(toggle(EMPTY, 'location', 'portugal'), 'team', 'engineering'), 'location', 'germany');
		expect(toQuery(state)).toBe('?location=portugal&location=germany&team=engineering');
		expect(toQuery(toggle(state, 'location', 'portugal'))).toBe('?location=germany&team=engineering');
		expect(toQuery({ ...EMPTY, q: 'c++ & rust' })).toBe('?q=c%2B%2B+%26+rust');
		expect(toQuery(EMPTY)).toBe('');
	});
});

describe('matching the listing data', () => {
	it('holds every role newest first, each slug of a listing once', () => {
		expect(data.roles.map(([slug, , team, places, posted]) => [slug, team, places, posted])).toEqual([
			['munich-sales', 'Sales', [['Munich, Germany', 0], ['Germany', 2]], '2026-11-20'],
			['austin-runtime', 'Workers Runtime · Engineering', [['Austin, Texas', 0]], '2026-11-20'],
			['lisbon-sre', 'Site Reliability · Operations', [['Lisbon, Portugal', 0]], '2026-11-02'],
			['us-remote-runtime', 'Workers Runtime · Engineering', [['United States', 2]], '2026-10-15'],
		]);
		expect(new Set(data.places).size).toBe(data.places.length);
	});

	it('ORs the values of one facet and ANDs the facets', () => {
		expect(slugs(matchRoles(data, { ...EMPTY, location: ['portugal', 'united-states'] }))).toEqual(['austin-runtime', 'lisbon-sre', 'us-remote-runtime']);
		expect(slugs(matchRoles(data, { ...EMPTY, location: ['portugal', 'united-states'], team: ['engineering'] }))).toEqual(['austin-runtime', 'us-remote-runtime']);
		expect(slugs(matchRoles(data, { ...EMPTY, location: ['remote'] }))).toEqual(['munich-sales', 'us-remote-runtime']);
		expect(slugs(matchRoles(data, { ...EMPTY, location: ['austin-texas'], team: ['sales'] }))).toEqual([]);
		expect(slugs(matchRoles(data, { ...EMPTY, location: ['atlantis'] }))).toEqual([]);
		expect(matchRoles(data, EMPTY)).toEqual([0, 1, 2, 3]);
	});

	it('combines the facets with the text search, and searches the listing text without an index', () => {
		const found = matchText(data, 'runtime TEXAS');
		expect([...found]).toEqual(['austin-runtime']);
		expect(slugs(matchRoles(data, { ...EMPTY, team: ['workers-runtime'] }, matchText(data, 'runtime')))).toEqual(['austin-runtime', 'us-remote-runtime']);
		expect([...matchText(data, 'munchen')]).toEqual([]);
		expect([...matchText(data, 'Múnich')]).toEqual(['munich-sales']);
	});

	it('says how long ago a role was posted, counted to the build day', () => {
		expect(['2026-12-01', '2026-11-30', '2026-11-02'].map((day) => postedAgo(day, '2026-12-01'))).toEqual(['Posted today', 'Posted yesterday', 'Posted 29 days ago']);
	});
});
