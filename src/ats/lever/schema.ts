/**
 * Lever's public Postings API (`GET /v0/postings/{site}?mode=json`), as Lever
 * documents it. Lenient on keys Lever may add and on values it may leave out;
 * strict on the values the mapping depends on (id, title, URLs, creation time).
 */
import { z } from 'astro/zod';

const text = (description: string) => z.string().nullish().describe(description);
const httpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });

/** One `lists` entry: a titled bullet list Lever renders between the description and the closing. */
export const leverListSchema = z.object({
	text: z.string().nullish().describe('Title of the list, plain text, e.g. "Bonus Points"'),
	content: z.string().nullish().describe('The list items as HTML `<li>` elements, without the enclosing `<ul>`'),
});

/** `salaryRange`: the pay Lever shows on the posting, in whole currency units. */
export const leverSalaryRangeSchema = z.object({
	min: z.number().describe('Lower bound in whole currency units'),
	max: z.number().describe('Upper bound in whole currency units'),
	currency: z.string().describe('ISO 4217 currency code, e.g. "USD"'),
	interval: z
		.string()
		.describe('What one amount pays for: per-year-salary, per-month-salary, per-week-wage, per-day-wage, per-hour-wage or one-time'),
});

/** One published posting as the Postings API returns it in JSON mode. */
export const leverPostingSchema = z.object({
	id: z.string().trim().min(1).describe("The posting's id, a UUID"),
	text: z.string().trim().min(1).describe('Job title'),
	categories: z
		.object({
			location: text('Primary location, free text as the recruiter wrote it, e.g. "London, United Kingdom"'),
			allLocations: z.array(z.string()).nullish().describe('Every location of the posting, the primary one included'),
			team: text('Team'),
			department: text('Department'),
			commitment: text('Commitment, e.g. "Full-time", "Part-time", "Intern"'),
		})
		.nullish()
		.describe('Tags the posting is filed under; each may be missing'),
	country: text('ISO 3166-1 alpha-2 code of the primary location, e.g. "US"; may be missing'),
	workplaceType: text('onsite, remote, hybrid or unspecified: how the role is done in every one of its locations'),
	description: text('Opening of the posting, HTML'),
	descriptionPlain: text('Opening of the posting, plain text'),
	lists: z.array(leverListSchema).nullish().describe('Titled bullet lists (requirements, benefits…), in order'),
	additional: text('Closing of the posting, HTML'),
	additionalPlain: text('Closing of the posting, plain text'),
	salaryRange: leverSalaryRangeSchema.nullish().describe('Pay range, when the posting shows one'),
	salaryDescription: text('Words about pay shown with the range, HTML'),
	salaryDescriptionPlain: text('Words about pay shown with the range, plain text'),
	hostedUrl: httpUrl.describe('The posting on jobs.lever.co (or the EU host)'),
	applyUrl: httpUrl.nullish().describe('The application form'),
	createdAt: z.number().nonnegative().nullish().describe("When the posting was created, in milliseconds since the epoch; missing from some copies of a board, when the posting file's first commit dates it"),
});

/**
 * The whole response: a bare JSON array of postings, no wrapper. Rows are
 * validated one by one with {@link leverPostingSchema}, so one bad row does
 * not sink the page.
 */
export const leverPageSchema = z.array(z.unknown()).describe('One page of postings, in the order Lever lists them');

/** A validated Lever posting. */
export type LeverPosting = z.output<typeof leverPostingSchema>;
/** A validated Lever salary range. */
export type LeverSalaryRange = z.output<typeof leverSalaryRangeSchema>;
