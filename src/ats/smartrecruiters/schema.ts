/**
 * SmartRecruiters' public Posting API, as SmartRecruiters documents it:
 * `GET https://api.smartrecruiters.com/v1/companies/{company}/postings` (a
 * page of postings without their text) and `.../postings/{id}` (one posting
 * with its job ad). Objects are loose: SmartRecruiters adds keys, and a new
 * key must not reject a posting. What the mapping depends on (id, title,
 * the job ad's sections, the URLs) is checked strictly; a publication time
 * left out dates the posting by its file's first commit.
 */
import { z } from 'astro/zod';

const httpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });
const optionalText = z.string().nullish();

/** An entry of one of SmartRecruiters' fixed lists (function, experience level, type of employment). */
export const smartRecruitersLabelSchema = z
	.object({
		id: z.union([z.string(), z.number()]).nullish().describe('Id in the list, e.g. "permanent", "intern", "engineering"'),
		label: optionalText.describe('What the list calls it, e.g. "Full-time", "Intern", "Engineering"'),
	})
	.loose();

/** A field the company added to its postings ("Job Family Group", "Work Persona"), with the value chosen. */
export const smartRecruitersCustomFieldSchema = z
	.object({
		fieldLabel: optionalText.describe('The field\'s name as the company wrote it, e.g. "Job Family Group"'),
		valueLabel: optionalText.describe('The value chosen, e.g. "Engineering and Technology"'),
	})
	.loose();

/** Where the role is: one location per posting (multi-location roles are one posting per place). */
export const smartRecruitersLocationSchema = z
	.object({
		city: optionalText.describe('City, e.g. "Austin"; some companies write a country here ("United Kingdom")'),
		region: optionalText.describe('Free text: a state code ("TX"), a region or district name, even "REMOTE"'),
		country: optionalText.describe('Lower-case ISO 3166-1 alpha-2 code, e.g. "gb"'),
		address: optionalText.describe('Street address of the office'),
		postalCode: optionalText.describe('Postal code of the office'),
		remote: z.boolean().nullish().describe('True when the role is remote'),
		hybrid: z.boolean().nullish().describe('True when the role is hybrid; missing on older postings'),
		fullLocation: optionalText.describe('Display string, e.g. "Austin, TX, United States" or "Hyderabad, , India"'),
	})
	.loose();

/** One section of the job ad: a title and its HTML. */
export const smartRecruitersSectionSchema = z
	.object({
		title: optionalText.describe('Heading as the company set it, e.g. "Company Description"'),
		text: optionalText.describe('The section as HTML (may be empty)'),
	})
	.loose();

/** Pay the posting states in a field of its own; rare (usually pay is only in the text). */
export const smartRecruitersCompensationSchema = z
	.object({
		min: z.number().nullish().describe('Lower bound in whole currency units'),
		max: z.number().nullish().describe('Upper bound in whole currency units'),
		currency: optionalText.describe('ISO 4217 currency code, e.g. "USD"'),
		period: optionalText.describe('What one amount pays for: "HOURLY", "DAILY", "WEEKLY", "MONTHLY" or "YEARLY"'),
	})
	.loose();

/** A timestamp as SmartRecruiters writes it: ISO 8601 UTC, e.g. "2026-09-24T14:42:40.916Z". */
const timestampSchema = z.string().refine((value) => !Number.isNaN(Date.parse(value)), { message: 'an ISO 8601 timestamp' });

/** A posting id: a numeric string such as "744000151640889" (a number is accepted and read as its digits). */
const idSchema = z
	.union([z.string(), z.number()])
	.transform(String)
	.pipe(z.string().trim().min(1))
	.describe('The posting id, e.g. "744000151640889"');

/** One posting as the list endpoint gives it: no job ad; only the id is needed, to ask for the rest. */
export const smartRecruitersListItemSchema = z
	.object({
		id: idSchema,
		name: optionalText.describe('Job title'),
		ref: httpUrl.nullish().describe('The URL of the posting document'),
	})
	.loose();

/** The list document: one page of a company's active postings. Rows are validated one by one. */
export const smartRecruitersListSchema = z
	.object({
		offset: z.number().int().nonnegative().nullish().describe('Postings skipped before this page'),
		limit: z.number().int().nonnegative().nullish().describe('Page size asked for'),
		totalFound: z.number().int().nonnegative().describe('Active postings in all'),
		content: z.array(z.unknown()).describe('The postings of this page, without their text'),
	})
	.loose();

/** One posting with its job ad, as `GET /v1/companies/{company}/postings/{id}` returns it. */
export const smartRecruitersPostingSchema = z
	.object({
		id: idSchema,
		name: z.string().trim().min(1).describe('Job title (may carry stray spaces or markers such as "(m/w/d)")'),
		releasedDate: timestampSchema.nullish().describe("When the posting was published; missing from some copies, when the posting file's first commit dates it"),
		location: smartRecruitersLocationSchema.nullish().describe('Where the role is'),
		department: smartRecruitersLabelSchema.nullish().catch(null).describe('Department, e.g. { label: "Engineering" }; may be {} or null'),
		function: smartRecruitersLabelSchema.nullish().catch(null).describe('Job function from a fixed list'),
		typeOfEmployment: smartRecruitersLabelSchema.nullish().catch(null).describe('Type of employment, e.g. { id: "permanent", label: "Full-time" }'),
		experienceLevel: smartRecruitersLabelSchema.nullish().catch(null).describe('Experience level, e.g. { id: "internship" }'),
		company: z
			.object({ identifier: optionalText.describe('Company identifier, as in the career site URL'), name: optionalText.describe('Company name') })
			.loose()
			.nullish()
			.describe('The company'),
		jobAd: z
			.object({
				sections: z
					.object({
						companyDescription: smartRecruitersSectionSchema.nullish().describe('About the company'),
						jobDescription: smartRecruitersSectionSchema.nullish().describe('The role'),
						qualifications: smartRecruitersSectionSchema.nullish().describe('What the role asks for'),
						additionalInformation: smartRecruitersSectionSchema.nullish().describe('Anything else: benefits, legal notices'),
					})
					.loose()
					.describe('The job ad, section by section'),
			})
			.loose()
			.describe('The text of the posting'),
		postingUrl: httpUrl.nullish().describe('The public job page'),
		applyUrl: httpUrl.nullish().describe('The application page'),
		customField: z.array(smartRecruitersCustomFieldSchema).nullish().catch(null).describe("The company's own fields; an unreadable list is passed over"),
		compensation: smartRecruitersCompensationSchema.nullish().catch(null).describe('Pay, when the posting states it in a field'),
		active: z.boolean().nullish().describe('False once the posting is closed'),
		visibility: optionalText.describe('"PUBLIC" for postings on the career site'),
	})
	.loose();

/** A validated posting. */
export type SmartRecruitersPosting = z.output<typeof smartRecruitersPostingSchema>;
/** A validated location. */
export type SmartRecruitersLocation = z.output<typeof smartRecruitersLocationSchema>;
/** Validated pay. */
export type SmartRecruitersCompensation = z.output<typeof smartRecruitersCompensationSchema>;
