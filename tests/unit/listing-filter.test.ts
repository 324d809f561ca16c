import { describe, expect, it } from 'vitest';
import { makePlace } from '../../src/postings/places/make.ts';
import { buildPlaceTree } from '../../src/listing/places.ts';
import { listingData } from '../../src/listing/listing-data.ts';
import { newestFirst, postedAgo } from '../../src/listing/posted.ts';
import { EMPTY, isFiltered, readState, toggle, toQuery } from '../../src/scripts/listing-state.ts';
import { indexRoles, matchRoles, matchText } from '../../src/scripts/match-roles.ts';
import type { Posting } from '../../src/schemas/posting.ts';
import { seed } from './helpers.ts';
import { en } from '../../src/i18n/en.ts';

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
const data = listingData({ postings: roles, placeKeys: buildPlaceTree(roles).keys, today: '2026-12-01', badge: () => undefined, siteLang: 'en' });
const index = indexRoles(data);
const slugs = (indexes: number[]) => indexes.map((at) => data.roles[at]![0]);

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
		expect(slugs(matchRoles(index, { ...EMPTY, location: ['portugal', 'united-states'] }))).toEqual(['austin-runtime', 'lisbon-sre', 'us-remote-runtime']);
		expect(slugs(matchRoles(index, { ...EMPTY, location: ['portugal', 'united-states'], team: ['engineering'] }))).toEqual(['austin-runtime', 'us-remote-runtime']);
		expect(slugs(matchRoles(index, { ...EMPTY, location: ['remote'] }))).toEqual(['munich-sales', 'us-remote-runtime']);
		expect(slugs(matchRoles(index, { ...EMPTY, location: ['austin-texas'], team: ['sales'] }))).toEqual([]);
		expect(slugs(matchRoles(index, { ...EMPTY, location: ['atlantis'] }))).toEqual([]);
		expect(matchRoles(index, EMPTY)).toEqual([0, 1, 2, 3]);
	});

	it('combines the facets with the text search, and searches the listing text without an index', () => {
		const found = matchText(index, 'runtime TEXAS');
		expect([...found]).toEqual(['austin-runtime']);
		expect(slugs(matchRoles(index, { ...EMPTY, team: ['workers-runtime'] }, matchText(index, 'runtime')))).toEqual(['austin-runtime', 'us-remote-runtime']);
		expect([...matchText(index, 'munchen')]).toEqual([]);
		expect([...matchText(index, 'Múnich')]).toEqual(['munich-sales']);
	});

	it('matches across the 32-role words of its bitsets, newest first', () => {
		// 70 roles: every third in Lisbon, every fifth in Engineering; words of 32, 32 and 6 roles.
		const many = newestFirst(
			Array.from({ length: 70 }, (_, at) =>
				role(`role-${at}`, `Role ${at}`, `2026-${String(1 + Math.floor(at / 28)).padStart(2, '0')}-${String(1 + (at % 28)).padStart(2, '0')}`, at % 5 === 0 ? { team: 'Workers Runtime', teamSlug: 'workers-runtime', department: 'Engineering', departmentSlug: 'engineering' } : { department: 'Sales', departmentSlug: 'sales' }, makePlace(at % 3 === 0 ? { city: 'Lisbon', country: 'PT' } : { city: 'Munich', country: 'DE' })),
			),
		);
		const manyData = listingData({ postings: many, placeKeys: buildPlaceTree(many).keys, today: '2026-12-01', badge: () => undefined, siteLang: 'en' });
		const manyIndex = indexRoles(manyData);
		const titles = (indexes: number[]) => indexes.map((at) => manyData.roles[at]![1]);
		// Newest first: role 69 (posted 2026-03-14) down to role 0 (2026-01-01).
		expect(titles(matchRoles(manyIndex, { ...EMPTY, location: ['portugal'], team: ['engineering'] }))).toEqual(['Role 60', 'Role 45', 'Role 30', 'Role 15', 'Role 0']);
		expect(matchRoles(manyIndex, EMPTY)).toEqual(Array.from({ length: 70 }, (_, at) => at));
		expect(matchRoles(manyIndex, { ...EMPTY, location: ['germany'] })).toHaveLength(46);
		expect(titles(matchRoles(manyIndex, { ...EMPTY, team: ['workers-runtime'] }, new Set(['role-35', 'role-36', 'role-0'])))).toEqual(['Role 35', 'Role 0']);
	});

	it('says how long ago a role was posted, counted to the build day', () => {
		expect(['2026-12-01', '2026-11-30', '2026-11-02'].map((day) => postedAgo(day, '2026-12-01', en))).toEqual(['Posted today', 'Posted yesterday', 'Posted 29 days ago']);
	});
});
