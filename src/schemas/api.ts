import { z } from 'astro/zod';
import { placeKinds, workplaces } from './place.ts';
import { employmentTypes, payBounds } from './front-matter.ts';
import { sectionKinds } from './posting.ts';

/**
 * Version of the JSON API's format (docs/api.md). Raise it on every breaking
 * change: a field removed, renamed or retyped, its meaning or format changed,
 * a non-null field made nullable, a value added to an enum, or a file moved.
 * Adding a field or a file is not breaking and keeps it.
 */
export const API_VERSION = '3';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const url = z.url({ protocol: /^https?$/ });

/** A place where a role can be done. */
export const apiLocationSchema = z
	.object({
		id: z.string().describe('Canonical id of the place, also its listing slug, e.g. "lisbon-portugal", "emea"'),
		kind: z.enum(placeKinds).describe('city, region, country, or area (several countries)'),
		city: z.string().nullable().describe('City, e.g. "Lisbon"; null when the role names only a country'),
		region: z.string().nullable().describe('State or province code within the country, e.g. "TX"; null when not known'),
		country: z.string().regex(/^[A-Z]{2}$/).nullable().describe('ISO 3166-1 alpha-2 country code, e.g. "PT"; null for an area'),
		countryName: z.string().nullable().describe('English name of the country, e.g. "Portugal"; null for an area'),
		area: z.string().nullable().describe('Code of an area of several countries, e.g. "EMEA"; null for other places'),
		countries: z.array(z.string().regex(/^[A-Z]{2}$/)).describe('Countries the place covers: its own, or every member of an area (none for Worldwide)'),
		workplace: z.enum(workplaces).describe('onsite, hybrid or remote'),
		remote: z.boolean().describe('True when the role can be done remotely in this place'),
		label: z.string().describe('Display name as the site shows it, e.g. "Lisbon, Portugal" or "Amsterdam, Netherlands or remote"'),
	})
	.meta({ id: 'Location', description: 'A place where the role can be done' });

/** A pay range as the posting states it. */
export const apiPayRangeSchema = z
	.object({
		min: z.number().nonnegative().describe('Lower bound, in whole units of the currency'),
		max: z.number().nonnegative().describe('Upper bound, in whole units of the currency; never below min'),
		currency: z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 currency code, e.g. "USD"'),
		period: z.enum(['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR']).describe('What one amount pays for'),
		appliesTo: z.string().nullable().describe('Where or to whom the range applies, e.g. "Colorado"; null when it applies to the whole role'),
		bound: z
			.enum(payBounds)
			.nullable()
			.describe('"upTo" or "from" when the posting states one figure as a ceiling ("up to £38,000") or a floor ("from €60,000"), min and max both that figure; null for a range or an exact figure'),
		label: z.string().describe('The range as the site shows it (US English), e.g. "$168,000 – $206,000 per year" or "Up to £38,000 per year"'),
	})
	.meta({ id: 'PayRange', description: 'A pay range stated in the posting' });

/** The site the postings are published on. */
export const apiSiteSchema = z
	.object({
		companyName: z.string().describe('Company name, e.g. "Cloudflare"'),
		companyUrl: url.nullable().describe("The company's main website; null when not configured"),
		title: z.string().describe('Title of the careers site, e.g. "Careers at Cloudflare"'),
		description: z.string().nullable().describe('One-sentence description of the careers site; null when not configured'),
		url: url.describe('Absolute URL of the careers site home page'),
		lang: z.string().describe('BCP 47 language of the postings, e.g. "en"'),
	})
	.meta({ id: 'Site', description: 'The careers site that publishes these postings' });

/** One open role, as listed in `/api/postings.json`. */
export const apiPostingSchema = z
	.object({
		id: z.string().min(1).describe('Stable id of the posting (the ATS id, or the source file name); never reused for another role'),
		slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).describe('URL segment of the role page; can change when a role is renamed (the old page then redirects), so key stored data by id'),
		url: url.describe('Absolute URL of the role page'),
		apiUrl: url.nullable().describe("Absolute URL of this role's own JSON file, with the full description; null when the site publishes no file per role (the perRoleJson setting)"),
		title: z.string().min(1).describe('Job title'),
		team: z.string().nullable().describe('Team, e.g. "Workers Runtime"; null when the posting names none'),
		department: z.string().nullable().describe('Department or organisation, e.g. "Production Engineering"; null when the posting names none'),
		employmentType: z.enum(employmentTypes).nullable().describe("schema.org / Google employment type, e.g. \"FULL_TIME\"; null when not given"),
		lang: z.string().min(2).nullable().describe('BCP 47 language the posting is written in, e.g. "en" or "de": given, else read from its text; null when too short to tell'),
		datePosted: day.describe('YYYY-MM-DD the role was posted'),
		dateModified: day.describe('YYYY-MM-DD the posting last changed; never before datePosted'),
		validThrough: day.nullable().describe('YYYY-MM-DD, the last day to apply; null when open until filled'),
		locations: z.array(apiLocationSchema).describe('Where the role can be done; empty when the posting names no location'),
		payRanges: z.array(apiPayRangeSchema).describe('Pay ranges stated in the posting; empty when it states none'),
		summary: z.string().describe('Plain-text summary of one or two sentences, for listings'),
		applyUrl: url.describe('Where candidates apply'),
	})
	.meta({ id: 'Posting', description: 'An open role' });

/** A named part of a role's description. */
export const apiSectionSchema = z
	.object({
		id: z.string().describe('Anchor id of the section heading on the role page'),
		title: z.string().nullable().describe('Heading text; null for the lead-in before the first heading'),
		kind: z.enum(sectionKinds).describe('What the section is about, e.g. "responsibilities" or "benefits"'),
		html: z.string().describe('Sanitized HTML of the section body (paragraphs, lists, links, h3 sub-headings)'),
	})
	.meta({ id: 'Section', description: 'A named part of the role description' });

/** One open role with its full description, as in `/api/postings/<slug>.json`. */
export const apiPostingDetailSchema = apiPostingSchema
	.extend({
		html: z.string().describe('Sanitized HTML of the whole role description: each titled section as an h2 heading followed by its body'),
		sections: z.array(apiSectionSchema).min(1).describe('The role description, section by section, as the role page shows it'),
		companyHtml: z.string().describe('Sanitized HTML of the company text the posting carried (about us, equal opportunity, accommodations); empty when none'),
	})
	.meta({ id: 'PostingDetail', description: 'An open role with its full description' });

const version = z.literal(API_VERSION).describe('Format version of this file; it changes only on a breaking change (docs/api.md)');

/** `/api/postings.json`: every open role. */
export const apiPostingListSchema = z
	.object({
		version,
		site: apiSiteSchema,
		dateModified: day.nullable().describe('YYYY-MM-DD, the newest dateModified of the postings; null when no role is open'),
		postings: z.array(apiPostingSchema).describe('Every open role, by team (else department), then title; roles with neither last'),
	})
	.meta({ id: 'PostingList', description: 'Every open role of the careers site' });

/** `/api/postings/<slug>.json`: one open role in full. */
export const apiPostingFileSchema = z
	.object({
		version,
		site: apiSiteSchema,
		posting: apiPostingDetailSchema,
	})
	.meta({ id: 'PostingFile', description: 'One open role of the careers site, with its full description' });

export type ApiLocation = z.output<typeof apiLocationSchema>;
export type ApiPayRange = z.output<typeof apiPayRangeSchema>;
export type ApiSite = z.output<typeof apiSiteSchema>;
export type ApiPosting = z.output<typeof apiPostingSchema>;
export type ApiSection = z.output<typeof apiSectionSchema>;
export type ApiPostingDetail = z.output<typeof apiPostingDetailSchema>;
export type ApiPostingList = z.output<typeof apiPostingListSchema>;
export type ApiPostingFile = z.output<typeof apiPostingFileSchema>;
