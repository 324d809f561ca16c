/**
 * Ashby's public Job Posting API, as Ashby documents it:
 * `GET https://api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true`.
 *
 * Unknown keys are dropped rather than refused (Ashby adds fields), and values
 * Ashby documents as optional or nullable are allowed to be missing. What the
 * mapping depends on (id, title, listing state, dates, URLs, the body) is
 * checked strictly, so a row without it is rejected rather than half-published.
 */
import { z } from 'astro/zod';

const httpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });

/** A text Ashby may leave out or send as null. */
const optionalText = z.string().nullish();

/** A postal address in schema.org's `PostalAddress` shape, as Ashby sends it. */
export const ashbyPostalAddressSchema = z.object({
	addressLocality: optionalText.describe('City, e.g. "Denver"'),
	addressRegion: optionalText.describe('State or region, e.g. "Colorado"'),
	addressCountry: optionalText.describe('Country, often its full English name ("United States"), sometimes a code'),
});

/** One part of a pay offer: a salary, an equity grant, a bonus or a commission. */
export const ashbyCompensationComponentSchema = z.object({
	id: optionalText.describe('Component id'),
	summary: optionalText.describe('The component as Ashby words it, e.g. "$168K – $206K"'),
	// A string, not an enum: a type Ashby adds later must not reject the whole posting; unknown types are simply not salaries.
	compensationType: z.string().describe("'Salary', 'EquityPercentage', 'EquityCashValue', 'Commission' or 'Bonus'"),
	interval: optionalText.describe("What one amount pays for: '1 YEAR', '1 MONTH', '1 WEEK', '1 DAY', '1 HOUR' or 'NONE'"),
	currencyCode: optionalText.describe('ISO 4217 currency code, e.g. "USD"; null for equity percentages'),
	minValue: z.number().nullish().describe('Lower bound in whole units (not cents); may be null'),
	maxValue: z.number().nullish().describe('Upper bound in whole units (not cents); may be null'),
});

/** A pay tier: the offer for one place or level, e.g. "Colorado". */
export const ashbyCompensationTierSchema = z.object({
	id: optionalText.describe('Tier id'),
	tierSummary: optionalText.describe('The tier as Ashby words it, e.g. "$168K – $206K • Offers Equity"'),
	title: optionalText.describe('What the tier applies to, e.g. "Colorado"'),
	components: z.array(ashbyCompensationComponentSchema).default([]).describe('The parts of the offer in this tier'),
});

/** Pay as Ashby states it; only present with `includeCompensation=true`, and may be null. */
export const ashbyCompensationSchema = z.object({
	compensationTierSummary: optionalText.describe('All tiers in one phrase, e.g. "$168K – $229K • Offers Equity"'),
	scrapeableCompensationSalarySummary: optionalText.describe('The salary span across tiers, e.g. "$168K - $229K"'),
	compensationTiers: z.array(ashbyCompensationTierSchema).default([]).describe('One tier per place or level'),
	summaryComponents: z.array(ashbyCompensationComponentSchema).default([]).describe('The offer across all tiers, one component per kind'),
});

/** One posting on an Ashby job board. */
export const ashbyJobSchema = z.object({
	id: z.string().trim().min(1).describe("The posting's id (a UUID)"),
	title: z.string().trim().min(1).describe('Job title'),
	location: optionalText.describe('Primary location as the recruiter wrote it, e.g. "Denver, CO"'),
	secondaryLocations: z
		.array(
			z.object({
				location: z.string().describe('Another location the role can be done in, e.g. "New York, NY"'),
				// An address in an odd shape is dropped, not the posting: the phrase still names the place.
				address: z
					.object({ postalAddress: ashbyPostalAddressSchema.nullish().describe("This location's postal address") })
					.nullish()
					.catch(null)
					.describe('Its structured address, when Ashby has one'),
			}),
		)
		.nullish()
		.transform((list) => list ?? [])
		.describe('Further locations, beside the primary one'),
	department: optionalText.describe('Department, e.g. "Engineering"'),
	team: optionalText.describe('Team, e.g. "Global Scheduling"'),
	isListed: z.boolean().describe('False when the posting is unlisted: reachable by link only, not on the public board'),
	isRemote: z.boolean().nullish().describe('True when the role may be done remotely; Ashby sets it on hybrid roles too, so workplaceType says more'),
	workplaceType: optionalText.describe("'OnSite', 'Remote' or 'Hybrid'; may be null"),
	employmentType: optionalText.describe("'FullTime', 'PartTime', 'Intern', 'Contract' or 'Temporary'"),
	descriptionHtml: z.string().describe('The posting body as HTML (markup, not escaped)'),
	descriptionPlain: optionalText.describe('The posting body as plain text'),
	publishedAt: z
		.string()
		.refine((value) => !Number.isNaN(Date.parse(value)), 'an ISO 8601 timestamp')
		.nullish()
		.describe("When the posting was published, ISO 8601; missing from some copies of a board, when the posting file's first commit dates it"),
	jobUrl: httpUrl.describe('The posting on the hosted job board (jobs.ashbyhq.com)'),
	applyUrl: httpUrl.nullish().describe('Where candidates apply; the hosted posting\'s application form (`<jobUrl>/application`) when left out'),
	address: z
		.object({ postalAddress: ashbyPostalAddressSchema.nullish().describe("The primary location's postal address") })
		.nullish()
		.describe("Structured address of the primary location, when Ashby has one"),
	shouldDisplayCompensationOnJobPostings: z
		.boolean()
		.nullish()
		.describe('True when the company shows pay on this posting; Ashby sends compensation either way'),
	compensation: ashbyCompensationSchema.nullish().describe('Pay tiers and summary (with includeCompensation=true); may be null'),
});

/** The job board document: every posting at once, no paging. Rows are validated one by one with {@link ashbyJobSchema}. */
export const ashbyJobBoardSchema = z.object({
	apiVersion: z.union([z.string(), z.number()]).optional().describe('Version of the posting API, e.g. "1"'),
	jobs: z.array(z.unknown()).describe('Every posting on the board, listed or not'),
});

/** An Ashby posting, as validated. */
export type AshbyJob = z.output<typeof ashbyJobSchema>;
/** A pay component, as validated. */
export type AshbyCompensationComponent = z.output<typeof ashbyCompensationComponentSchema>;
/** A postal address, as validated. */
export type AshbyPostalAddress = z.output<typeof ashbyPostalAddressSchema>;
