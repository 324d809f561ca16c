/**
 * Hand labels of the real-postings corpus (`tests/fixtures/real/<vendor>/<board>.labels.yaml`),
 * the answers `npm run score` measures the pipeline against. The format is
 * described in tests/fixtures/real/README.md.
 */
import { z } from 'astro/zod';

/** Employment types as the labels write them. */
export const labelEmploymentTypes = ['full-time', 'part-time', 'contract', 'temporary', 'intern', 'apprenticeship'] as const;

const workplace = z.enum(['onsite', 'hybrid', 'remote']).describe('How the role is done in this place');
const country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "DE"');

/** One place a role is offered in: a city, a whole country, or an area of several countries. */
export const labelPlaceSchema = z.union([
	z.strictObject({
		city: z.string().min(1).describe('The city as commonly named in English, e.g. "Munich"'),
		region: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'an ISO 3166-2 code such as "DE-BY"').optional().describe('ISO 3166-2 code, where clear'),
		country: country.describe('ISO 3166-1 alpha-2 code of the city'),
		workplace,
	}),
	z.strictObject({ country: country.describe('A country-wide place, e.g. "Remote - US"'), workplace }),
	z.strictObject({ area: z.string().min(1).describe('An area wider than a country: EU, Europe, EMEA, APAC, LATAM, Worldwide…'), workplace }),
]);

/** One pay range the posting states. */
export const labelPayRangeSchema = z.strictObject({
	min: z.number().nonnegative().describe('Lower bound in whole currency units'),
	max: z.number().nonnegative().describe('Upper bound in whole currency units (equal to min for a single figure)'),
	currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "USD"').describe('ISO 4217 currency'),
	period: z.enum(['hour', 'day', 'week', 'month', 'year']).describe('What one amount pays for'),
	where: z.string().optional().describe('The place or level the range applies to, if the posting says (not scored)'),
});

/** The labels of one posting. */
export const labelSchema = z.strictObject({
	id: z.string().min(1).describe("The ATS's id of the job, as a string"),
	title: z.string().min(1).describe('The job title'),
	language: z.string().describe("ISO 639-1 language of the posting, scored against the page's (the posting's `lang`, else the site's)"),
	team: z.string().nullable().describe('The most specific team or department the posting states, or null'),
	department: z.string().nullable().describe('The broader department, or null'),
	employmentType: z.enum(labelEmploymentTypes).nullable().describe('The kind of employment, or null when the posting does not say'),
	places: z.array(labelPlaceSchema).describe('Every place the role is offered in, each with its workplace'),
	payRanges: z.array(labelPayRangeSchema).describe('Every pay range the visible text or the structured fields state'),
	notes: z.string().optional().describe('Why an ambiguous label is what it is'),
});

/** A board's labels file: one entry per job in the board file. */
export const boardLabelsSchema = z.array(labelSchema);

export type Label = z.output<typeof labelSchema>;
export type LabelPlace = z.output<typeof labelPlaceSchema>;
export type LabelPayRange = z.output<typeof labelPayRangeSchema>;
