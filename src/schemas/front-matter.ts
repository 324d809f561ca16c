import { z } from 'astro/zod';
import { workplaces } from './place.ts';
import { atsLinkSchema } from './ats-link.ts';
import { refuseUnsafeText } from '../utils/safe-text.ts';
import { employmentTypeOf } from '../postings/employment.ts';

/** Google's `employmentType` values; recruiters may write them in any case, with spaces or hyphens. */
export const employmentTypes = [
	'FULL_TIME',
	'PART_TIME',
	'CONTRACTOR',
	'TEMPORARY',
	'INTERN',
	'VOLUNTEER',
	'PER_DIEM',
	'OTHER',
] as const;

/** Publication states of a posting. Only `open` roles are listed. */
export const postingStatuses = ['open', 'closed', 'draft'] as const;

const isoDate = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A calendar day, written YYYY-MM-DD (a YAML date or a full timestamp is accepted too). */
const dateSchema = z.union([z.string(), z.date()]).transform((value, ctx) => {
	const text = value instanceof Date ? value.toISOString() : value.trim();
	const time = Date.parse(text);
	// Date.parse rolls "2026-02-31" over into March; a recruiter meant something else.
	if (!isoDate.test(text) || Number.isNaN(time) || (text.length === 10 && new Date(time).toISOString().slice(0, 10) !== text)) {
		ctx.addIssue({ code: 'custom', message: 'a date written as YYYY-MM-DD, e.g. "2026-03-01"' });
		return z.NEVER;
	}
	return new Date(time).toISOString().slice(0, 10);
});

/**
 * The last moment to apply: a day (YYYY-MM-DD), which lasts until the end of
 * that day in UTC, or a time. A time keeps the day and zone it was written
 * with (UTC when it has none), so the page shows the day the recruiter meant.
 */
const validThroughSchema = z.union([z.string(), z.date()]).transform((value, ctx) => {
	// A YAML 1.1 date arrives as midnight UTC: that is a day, not a time.
	const text = value instanceof Date ? value.toISOString().replace(/T00:00:00\.000Z$/, '') : value.trim().replace(' ', 'T');
	const day = text.slice(0, 10);
	const zoned = text.length === 10 || /(?:Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
	const validDay = !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
	if (!isoDate.test(text) || !validDay || Number.isNaN(Date.parse(zoned))) {
		ctx.addIssue({ code: 'custom', message: 'a date written as YYYY-MM-DD, e.g. "2026-12-31", or a time such as "2026-12-31T17:00:00-08:00"' });
		return z.NEVER;
	}
	return zoned;
});


// 80: the length slugs made from titles are cut to (src/postings/text.ts); a URL segment is also a file name.
const slugSchema = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens, e.g. "senior-engineer-rust"')
	.max(80, 'at most 80 characters');

/** A location as a recruiter may give it: a phrase we parse, or already structured. */
export const givenLocationSchema = z.union([
	z.string().trim().min(1).describe('A place as written in a posting, e.g. "Lisbon, Portugal", "Remote (US)" or "Hybrid - London"'),
	z
		.object({
			city: z.string().trim().min(1).optional().describe('City name'),
			region: z.string().trim().min(1).optional().describe('State, province or region: a name or its ISO 3166-2 code'),
			country: z
				.string()
				.trim()
				.regex(/^[A-Za-z]{2}$/, 'a two-letter ISO 3166 country code such as "PT"')
				.transform((code) => code.toUpperCase())
				.optional()
				.describe('ISO 3166-1 alpha-2 country code; leave it out for an area'),
			area: z.string().trim().min(1).optional().describe('An area of several countries instead of a country: "EMEA", "Europe", "EU", "APAC", "LATAM", "North America", "Worldwide"…'),
			workplace: z.enum(workplaces).optional().describe('onsite (the default), hybrid or remote'),
			remote: z.boolean().optional().describe('Same as `workplace: remote` (kept for files written before `workplace`)'),
		})
		.strict()
		.refine((place) => (place.country === undefined) !== (place.area === undefined), {
			message: 'either a country or an area, e.g. { country: DE } or { area: EMEA }',
			path: ['country'],
		})
		.refine((place) => !(place.remote === true && place.workplace !== undefined && place.workplace !== 'remote'), {
			message: 'remote: true contradicts the workplace given',
			path: ['remote'],
		}),
]);

/** Periods a pay range can be quoted over. */
export const payPeriods = ['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'] as const;

/** A single figure stated as one end only: a ceiling ("up to £38,000") or a floor ("from €60,000", "$150k+"). */
export const payBounds = ['upTo', 'from'] as const;

/** A pay range stated by the ATS (or a recruiter) rather than read from the text. */
export const givenPayRangeSchema = z
	.object({
		appliesTo: z.string().trim().min(1).optional().describe('Where or to whom the range applies, e.g. "Colorado"'),
		min: z.number().nonnegative().describe('Lower bound in whole currency units (not cents)'),
		max: z.number().nonnegative().describe('Upper bound in whole currency units (not cents)'),
		currency: z
			.string()
			.trim()
			.regex(/^[A-Za-z]{3}$/, 'a three-letter ISO 4217 currency code such as "USD"')
			.transform((code) => code.toUpperCase())
			.describe('ISO 4217 currency code'),
		period: z.enum(payPeriods).default('YEAR').describe('What one amount pays for: HOUR, DAY, WEEK, MONTH or YEAR'),
	})
	.strict()
	.refine((range) => range.min <= range.max, { message: 'a lower bound (min) no higher than the upper bound (max)', path: ['min'] })
	// 0–0 is what an ATS shows for a range nobody filled in: publishing it would state pay that is not there.
	.refine((range) => range.max > 0, { message: 'an upper bound (max) above 0; a 0–0 range is a placeholder, not pay', path: ['max'] });

/**
 * The optional YAML front matter of a posting file: what the ATS knows but
 * its HTML does not. Every value given here wins over anything inferred.
 */
export const frontMatterSchema = z
	.object({
		id: z
			.union([z.string(), z.number()])
			.transform(String)
			.pipe(z.string().trim().min(1))
			.optional()
			.describe('Stable ATS id; defaults to the file name'),
		slug: slugSchema.optional().describe('URL segment of the role page; defaults to one made from the title'),
		formerSlugs: z
			.array(slugSchema)
			.default([])
			.describe('Slugs the role was published under before; their URLs redirect to the current one'),
		title: z.string().trim().min(1).optional().describe('Job title, e.g. "Engineering Manager, Workers Runtime"'),
		department: z.string().trim().min(1).optional().describe('Department or organisation'),
		team: z.string().trim().min(1).optional().describe('Team within the department'),
		locations: z
			.array(givenLocationSchema)
			.optional()
			.describe('Where the role can be done; an empty list means no location'),
		employmentType: z
			.string()
			.transform((value, ctx) => {
				const type = employmentTypeOf(value);
				if (type) return type;
				ctx.addIssue({ code: 'custom', message: `a kind of employment such as "Full-time", "Part-time", "Contract", "Temporary", "Intern" or ${employmentTypes.join(', ')} (found "${value.trim()}")` });
				return z.NEVER;
			})
			.optional()
			.describe('Full-time, part-time, contract, temporary, intern… in any of several languages ("Werkstudent", "CDI"), or a Google value such as FULL_TIME'),
		lang: z
			.string()
			.trim()
			.transform((value, ctx) => {
				try {
					// Canonical form: "EN-us" is "en-US", "deu" is "de". A language is two or three letters ("german" is none).
					const [tag] = Intl.getCanonicalLocales(value);
					if (tag && /^[a-z]{2,3}(?:-|$)/.test(tag)) return tag;
				} catch {
					// A RangeError: not a language tag.
				}
				ctx.addIssue({ code: 'custom', message: `a language tag such as "de", "pt-BR" or "he" (found "${value}")` });
				return z.NEVER;
			})
			.optional()
			.describe('Language of the posting, a BCP 47 tag such as "de" or "pt-BR"; read from the text when left out'),
		datePosted: dateSchema.optional().describe('Date the role was first published (YYYY-MM-DD); defaults to the day the file was first committed'),
		publishAt: z
			.union([z.string(), z.date()])
			.transform((value, ctx) => {
				const text = value instanceof Date ? value.toISOString() : value.trim();
				const time = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
				if (!isoDate.test(text) || Number.isNaN(time)) {
					ctx.addIssue({ code: 'custom', message: 'a date or time written as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, e.g. "2026-03-01T09:00:00Z"' });
					return z.NEVER;
				}
				return new Date(time).toISOString();
			})
			.optional()
			.describe('When an open role goes live (UTC when no zone is given); until then production builds leave it out'),
		validThrough: validThroughSchema
			.optional()
			.describe('Last day applications are accepted (YYYY-MM-DD, until the end of that day in UTC), or the exact time (2026-12-31T17:00:00-08:00)'),
		applyUrl: z
			.url({ protocol: /^https?$/, error: 'an http(s) URL' })
			.optional()
			.describe('Where candidates apply; defaults to the site-wide apply URL'),
		status: z.enum(postingStatuses).default('open').describe('open (listed), closed or draft (not listed)'),
		payRanges: z
			.array(givenPayRangeSchema)
			.optional()
			.describe('Pay ranges as the ATS states them; when given they replace the ranges read from the text'),
		ats: atsLinkSchema.optional().describe('Written by `npm run sync`: where the posting comes from in the ATS'),
	})
	.strict()
	// Every published format would have to drop a control character or non-character; refuse it where a recruiter can fix it.
	.superRefine(refuseUnsafeText);

/** Front matter as written in a file. */
export type FrontMatterInput = z.input<typeof frontMatterSchema>;
/** Front matter after validation and normalisation. */
export type FrontMatter = z.output<typeof frontMatterSchema>;
/** A pay range as given in front matter. */
export type GivenPayRange = z.output<typeof givenPayRangeSchema>;
/** A location as given in front matter. */
export type GivenLocation = z.output<typeof givenLocationSchema>;
