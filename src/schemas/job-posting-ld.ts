import { z } from 'astro/zod';
import { employmentTypes } from './front-matter.ts';

// What Google's Job Search documentation requires and recommends for
// `JobPosting` structured data, as a schema the build tests hold every role
// page's JSON-LD to. Objects are strict: a misspelt property is an error
// here rather than something Google silently ignores.

/** Google's case-sensitive salary periods (`QuantitativeValue.unitText`). */
export const salaryUnits = ['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'] as const;

/** An ISO 8601 date (`2026-03-01`) or date-time with an offset, as Google reads dates. */
const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** One value, or a non-empty list of them: JSON-LD's way of repeating a property. */
function oneOrMore<T extends z.ZodType>(item: T) {
	return z.union([item, z.array(item).min(1)]);
}

/** The postal address of a place of work. */
export const postalAddressLdSchema = z.strictObject({
	'@type': z.literal('PostalAddress').describe('Schema.org type'),
	streetAddress: z.string().min(1).optional().describe('Street and number (recommended by Google, not known to this site)'),
	addressLocality: z.string().min(1).optional().describe('City, when the posting names one'),
	addressRegion: z.string().min(1).optional().describe('State or province code, e.g. "TX"'),
	postalCode: z.string().min(1).optional().describe('Postal code (recommended by Google, not known to this site)'),
	addressCountry: z.string().regex(/^[A-Z]{2}$/).describe('ISO 3166-1 alpha-2 country code, e.g. "PT"'),
});

/** A place where the employee reports to work. */
export const placeLdSchema = z.strictObject({
	'@type': z.literal('Place').describe('Schema.org type'),
	address: postalAddressLdSchema.describe('Where the place is'),
});

/** An area remote applicants must live in (for this site, a country). */
export const applicantAreaLdSchema = z.strictObject({
	'@type': z.enum(['Country', 'State', 'AdministrativeArea']).describe('Schema.org type of the area'),
	name: z.string().min(1).describe('Name of the area, e.g. "Netherlands"'),
});

/** A salary figure or range and what period it pays for. */
export const quantitativeValueLdSchema = z
	.strictObject({
		'@type': z.literal('QuantitativeValue').describe('Schema.org type'),
		value: z.number().positive().optional().describe('A single amount, when the pay is not a range'),
		minValue: z.number().positive().optional().describe('Lower bound of the range'),
		maxValue: z.number().positive().optional().describe('Upper bound of the range'),
		unitText: z.enum(salaryUnits).describe('What one amount pays for: HOUR, DAY, WEEK, MONTH or YEAR'),
	})
	.superRefine((quantity, ctx) => {
		const range = quantity.minValue !== undefined || quantity.maxValue !== undefined;
		// Google reads either one value or a full range: a half range or both at once is malformed.
		if (range === (quantity.value !== undefined)) ctx.addIssue({ code: 'custom', message: 'give either value, or minValue and maxValue', path: ['value'] });
		if (range && (quantity.minValue === undefined || quantity.maxValue === undefined)) ctx.addIssue({ code: 'custom', message: 'a range needs both minValue and maxValue', path: ['minValue'] });
		if (quantity.minValue !== undefined && quantity.maxValue !== undefined && quantity.minValue > quantity.maxValue) {
			ctx.addIssue({ code: 'custom', message: 'minValue must not exceed maxValue', path: ['minValue'] });
		}
	});

/** A base salary as the employer states it. */
export const monetaryAmountLdSchema = z.strictObject({
	'@type': z.literal('MonetaryAmount').describe('Schema.org type'),
	currency: z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 currency code, e.g. "USD"'),
	value: quantitativeValueLdSchema.describe('The amount or range and its period'),
});

/** The employer. */
export const organizationLdSchema = z.strictObject({
	'@type': z.literal('Organization').describe('Schema.org type'),
	name: z.string().min(1).describe('Company name (required by Google)'),
	sameAs: z.url({ protocol: /^https?$/ }).optional().describe("The company's website"),
	logo: z.url({ protocol: /^https?$/ }).optional().describe('Absolute URL of the company logo'),
});

/** The employer's own id for the posting. */
export const identifierLdSchema = z.strictObject({
	'@type': z.literal('PropertyValue').describe('Schema.org type'),
	name: z.string().min(1).describe('Whose id it is: the company name'),
	value: z.string().min(1).describe('The id'),
});

/** A `JobPosting` as Google's Job Search reads it. */
export const jobPostingLdSchema = z
	.strictObject({
		'@context': z.literal('https://schema.org').describe('JSON-LD context'),
		'@type': z.literal('JobPosting').describe('Schema.org type'),
		title: z.string().min(1).describe('Job title, not the posting title (required)'),
		description: z.string().min(1).describe('Full description of the role as HTML (required)'),
		datePosted: isoDate.describe('When the employer posted the job (required)'),
		validThrough: isoDate.optional().describe('Last day the posting accepts applications (required by Google when the job expires)'),
		hiringOrganization: organizationLdSchema.describe('The employer (required)'),
		jobLocation: oneOrMore(placeLdSchema).optional().describe('Places the employee reports to (required unless the job is TELECOMMUTE with applicantLocationRequirements)'),
		jobLocationType: z.literal('TELECOMMUTE').optional().describe('Set when the job can be done remotely (recommended for remote jobs)'),
		applicantLocationRequirements: oneOrMore(applicantAreaLdSchema).optional().describe('Where remote applicants may live (recommended with TELECOMMUTE)'),
		employmentType: oneOrMore(z.enum(employmentTypes)).optional().describe('FULL_TIME, PART_TIME… (recommended)'),
		identifier: identifierLdSchema.optional().describe("The hiring organization's id for the job (recommended)"),
		baseSalary: oneOrMore(monetaryAmountLdSchema).optional().describe('Salary the employer states (recommended)'),
		directApply: z.boolean().optional().describe('Whether the posting URL leads straight to an application (recommended)'),
		url: z.url({ protocol: /^https?$/ }).optional().describe('Canonical URL of the posting page'),
	})
	.superRefine((posting, ctx) => {
		const remote = posting.jobLocationType === 'TELECOMMUTE';
		if (posting.jobLocation === undefined && !(remote && posting.applicantLocationRequirements !== undefined)) {
			ctx.addIssue({ code: 'custom', message: 'jobLocation is required unless the job is TELECOMMUTE with applicantLocationRequirements', path: ['jobLocation'] });
		}
		if (posting.applicantLocationRequirements !== undefined && !remote) {
			ctx.addIssue({ code: 'custom', message: 'applicantLocationRequirements only applies to TELECOMMUTE jobs', path: ['applicantLocationRequirements'] });
		}
		// ISO dates compare as text; a posting cannot expire before it was posted.
		if (posting.validThrough !== undefined && posting.validThrough.slice(0, 10) < posting.datePosted.slice(0, 10)) {
			ctx.addIssue({ code: 'custom', message: 'validThrough must not be before datePosted', path: ['validThrough'] });
		}
	});

/** `JobPosting` JSON-LD as this site writes it. */
export type JobPostingLd = z.output<typeof jobPostingLdSchema>;
/** A `Place` in `jobLocation`. */
export type PlaceLd = z.output<typeof placeLdSchema>;
/** A `MonetaryAmount` in `baseSalary`. */
export type MonetaryAmountLd = z.output<typeof monetaryAmountLdSchema>;
/** An area in `applicantLocationRequirements`. */
export type ApplicantAreaLd = z.output<typeof applicantAreaLdSchema>;
