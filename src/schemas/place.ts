import { z } from 'astro/zod';

/** How a role is done in a place. A remote place is a scope: "remote in Germany", "remote in EMEA". */
export const workplaces = ['onsite', 'hybrid', 'remote'] as const;

/** What a place is: a city, a region of a country, a country, or an area of several countries. */
export const placeKinds = ['city', 'region', 'country', 'area'] as const;

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "PT"');

/**
 * A place a role is offered in, resolved to the world's places: one canonical
 * id whatever the posting calls it (NYC, New York City and "New York, NY" are
 * one place), current ISO codes only, and the workplace it is offered with.
 */
export const locationSchema = z
	.object({
		kind: z.enum(placeKinds).describe('city, region (state, province), country, or area (several countries: EMEA, Europe, Worldwide…)'),
		id: z
			.string()
			.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
			.describe('Canonical id of the place, also its listing slug: every spelling of one place gets the same id, e.g. "new-york-new-york", "germany", "emea"'),
		name: z.string().min(1).describe('Canonical English name of the place itself, e.g. "Munich", "Bavaria", "Germany", "EMEA"'),
		city: z.string().optional().describe('City, e.g. "Lisbon" (cities only)'),
		region: z.string().optional().describe('ISO 3166-2 subdivision code within the country, without the country prefix, e.g. "TX" for US-TX'),
		regionName: z.string().optional().describe('English name of the region, e.g. "Texas"'),
		country: countryCode.optional().describe('ISO 3166-1 alpha-2 country code, e.g. "PT"; absent for areas'),
		countryName: z.string().optional().describe('English name of the country, e.g. "United Kingdom"; absent for areas'),
		area: z.string().optional().describe('Code of an area of several countries, e.g. "EMEA", "EU", "LATAM", "WORLDWIDE" (areas only)'),
		countries: z
			.array(countryCode)
			.describe('The countries the place lies in or covers: one for a city, region or country, every member for an area, none for Worldwide (anywhere)'),
		workplace: z.enum(workplaces).describe('onsite, hybrid, or remote (remote in this place: a scope)'),
		remote: z.boolean().describe('True when the workplace is remote'),
		label: z.string().describe('Display name, e.g. "Lisbon, Portugal", "Remote, Germany", "Remote, EMEA", "London, United Kingdom (hybrid)"'),
		cityLabel: z.string().optional().describe('The city with its region or country, e.g. "Austin, Texas"'),
		written: z.string().optional().describe("The posting's own words for the place, where they differ from the label, e.g. \"NYC\""),
		evidence: z.string().optional().describe('How an ambiguous name was resolved, e.g. "Cambridge: GB, like the posting\'s other places"'),
	})
	.refine((place) => place.remote === (place.workplace === 'remote'), { message: 'remote must say whether the workplace is remote', path: ['remote'] })
	.refine((place) => (place.kind === 'area') === (place.country === undefined), {
		message: 'an area has no country of its own; every other place has one',
		path: ['country'],
	});

export type Location = z.output<typeof locationSchema>;
export type Workplace = (typeof workplaces)[number];
export type PlaceKind = (typeof placeKinds)[number];
