import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildPlaceTree } from '../../src/listing/places.ts';
import { listingData } from '../../src/listing/listing-data.ts';
import { newestFirst } from '../../src/listing/posted.ts';
import { makePlace } from '../../src/postings/places/make.ts';
import type { Posting } from '../../src/schemas/posting.ts';
import { listingAnswerer } from '../../src/scripts/listing-answer.ts';
import { EMPTY } from '../../src/scripts/listing-state.ts';
import { seed } from './helpers.ts';

// What the listing worker answers the page: the count of matching roles and the rows asked for.

const role = (slug: string, datePosted: string, ...locations: Posting['locations']): Posting => ({ ...seed('003'), slug, id: slug, title: slug, datePosted, locations });
const roles = newestFirst([
	role('lisbon-a', '2026-11-20', makePlace({ city: 'Lisbon', country: 'PT' })),
	role('lisbon-b', '2026-11-10', makePlace({ city: 'Lisbon', country: 'PT' })),
	role('lisbon-c', '2026-11-01', makePlace({ city: 'Lisbon', country: 'PT' })),
	role('austin', '2026-11-15', makePlace({ city: 'Austin', region: 'TX', country: 'US' })),
]);
const data = listingData({ postings: roles, placeKeys: buildPlaceTree(roles).keys, today: '2026-12-01', badge: () => undefined, siteLang: 'en' });

afterEach(() => vi.unstubAllGlobals());

describe('listingAnswerer', () => {
	it('fetches the data once and answers each query with the count and the rows from..to', async () => {
		const fetch = vi.fn(async () => new Response(JSON.stringify(data)));
		vi.stubGlobal('fetch', fetch);
		const answer = listingAnswerer();
		const portugal = { ...EMPTY, location: ['portugal'] };
		const first = await answer({ id: 1, src: '/listing.json', state: portugal, from: 0, to: 2 });
		expect(first).toMatchObject({ id: 1, count: 3, today: '2026-12-01' });
		expect('rows' in first && first.rows.map(([slug]) => slug)).toEqual(['lisbon-a', 'lisbon-b']);
		const more = await answer({ id: 2, src: '/listing.json', state: portugal, from: 2, to: 4 });
		expect('rows' in more && more.rows.map(([slug]) => slug)).toEqual(['lisbon-c']);
		// Pagefind's slugs narrow the match; without Pagefind the listing's own text does.
		const found = await answer({ id: 3, src: '/listing.json', state: EMPTY, search: { slugs: ['austin', 'nowhere'] }, from: 0, to: 50 });
		expect(found).toMatchObject({ count: 1 });
		const text = await answer({ id: 4, src: '/listing.json', state: EMPTY, search: { text: 'lisbon-b' }, from: 0, to: 50 });
		expect('rows' in text && text.rows.map(([slug]) => slug)).toEqual(['lisbon-b']);
		expect(fetch).toHaveBeenCalledTimes(1);
	});

	it('answers an error when the data cannot be had, and tries again on the next query', async () => {
		const fetch = vi.fn(async () => new Response('gone', { status: 404 }));
		vi.stubGlobal('fetch', fetch);
		const answer = listingAnswerer();
		expect(await answer({ id: 1, src: '/listing.json', state: EMPTY, from: 0, to: 50 })).toEqual({ id: 1, error: expect.stringContaining('404') });
		fetch.mockImplementation(async () => new Response(JSON.stringify(data)));
		expect(await answer({ id: 2, src: '/listing.json', state: EMPTY, from: 0, to: 50 })).toMatchObject({ id: 2, count: 4 });
		expect(fetch).toHaveBeenCalledTimes(2);
	});
});
