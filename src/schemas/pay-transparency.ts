import { z } from 'astro/zod';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day: YAML may read an unquoted `2023-01-01` as a Date, so both are accepted. */
const daySchema = z
	.union([z.string().regex(isoDay, 'a date written as YYYY-MM-DD'), z.date()])
	.transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value));

const countryCode = z.string().regex(/^[A-Z]{2}$/);

/** What a law asks a posting to carry. The review checks the first five; `other` is recorded for people. */
export const requirementKinds = ['range', 'benefits', 'closing-date', 'ai-statement', 'vacancy-statement', 'other'] as const;

/** One thing a law requires, written either as its kind alone (`benefits`) or as an object with details. */
const requirementObject = z
	.object({
		what: z.enum(requirementKinds).describe('What must be disclosed: range, benefits, closing-date, ai-statement, vacancy-statement or other'),
		where: z
			.enum(['posting', 'posting-or-before-interview'])
			.default('posting')
			.describe('posting: in the job posting itself; posting-or-before-interview: the law also accepts telling the candidate before the first interview'),
		from: daySchema.optional().describe('YYYY-MM-DD: first day this requirement applies, when later than the law\'s `effective`'),
		note: z.string().min(1).optional().describe('What exactly the law asks, in one sentence (required for `other`)'),
	})
	.strict()
	.refine((requirement) => requirement.what !== 'other' || requirement.note !== undefined, { message: 'an `other` requirement needs a note', path: ['note'] });

/** A requirement after validation: always the object form. */
export const requirementSchema = z
	.union([z.enum(requirementKinds).transform((what): z.output<typeof requirementObject> => ({ what, where: 'posting' })), requirementObject])
	.describe('A disclosure the law requires: a kind, or { what, where, from, note }');

/** A cap on how wide a posted range may be (Ontario). */
const rangeWidthSchema = z
	.object({
		max: z.number().positive().describe('Largest allowed difference between the top and the bottom of a yearly range'),
		currency: z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 currency of `max` and `exemptAbove`; ranges in other currencies are not checked'),
		exemptAbove: z.number().positive().optional().describe('No cap when the top of the range is above this yearly amount'),
	})
	.strict()
	.describe('Limit on the width of a yearly pay range, where the law sets one');

/** One place whose law requires pay information in job postings. */
export const payTransparencyRowSchema = z
	.object({
		id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).describe('Stable kebab-case id, e.g. "us-co"'),
		name: z.string().min(1).describe('Name recruiters know, e.g. "Colorado"'),
		aliases: z
			.array(z.string().min(1))
			.min(1)
			.describe('Words a pay range\'s "for … hires" label may use for this place, e.g. ["Colorado", "CO", "Denver"]'),
		country: countryCode.optional().describe('ISO 3166-1 alpha-2 country code, e.g. "US"; absent for a law over several countries'),
		countries: z
			.array(countryCode)
			.min(2)
			.optional()
			.describe('For a law over several countries (the EU directive): the ISO codes of every country it binds'),
		region: z.string().min(1).optional().describe('State or province code as the pipeline stores it, e.g. "CO"'),
		city: z.string().min(1).optional().describe('City, when the law is a city ordinance, e.g. "New York"'),
		cityAliases: z.array(z.string().min(1)).optional().describe('Other names of the city (boroughs, abbreviations)'),
		effective: daySchema.describe('YYYY-MM-DD: first day the law applies to postings (for Columbus, the first day it is enforced)'),
		source: z.url({ protocol: /^https$/ }).describe('Primary source: the statute, regulation or ordinance, or the enforcing agency\'s page'),
		guidance: z
			.array(z.url({ protocol: /^https$/ }))
			.optional()
			.describe('Other official pages the notes rely on (agency FAQ, regulation, council record)'),
		law: z.string().min(1).describe('Citation, e.g. "C.R.S. § 8-5-201"'),
		employers: z
			.object({
				minimum: z.number().int().positive().describe('Fewest employees an employer must have to be bound (1: every employer)'),
				counted: z.string().min(1).describe('How the law counts them, as it says'),
			})
			.strict()
			.describe('Which employers the law binds; the review does not know headcounts, so it only mentions this'),
		requires: z.array(requirementSchema).min(1).describe('What a posting must disclose under this law'),
		rangeWidth: rangeWidthSchema.optional(),
		covers: z
			.object({
				remote: z
					.enum(['covered', 'unclear', 'not-covered'])
					.describe('Whether a remote role that could be done here (open country-wide) counts as being here'),
				note: z.string().min(1).describe('What the law or its guidance says about where the work is, citing the guidance'),
			})
			.strict()
			.describe('What the law covers'),
		verified: daySchema.describe('YYYY-MM-DD: last day this row was checked against sources'),
		checked: z.string().min(1).describe('What exactly was checked, and against which text'),
		unverified: z
			.array(z.string().min(1))
			.optional()
			.describe('Facts in this row that could not be confirmed from a primary source, and where they come from instead'),
	})
	.strict()
	.refine((row) => (row.country === undefined) !== (row.countries === undefined), { message: 'either a country or a list of countries', path: ['country'] })
	.refine((row) => row.countries !== undefined || row.region !== undefined || row.city !== undefined, { message: 'a region or a city', path: ['region'] })
	.refine((row) => row.requires.some((requirement) => requirement.what === 'range'), { message: 'every law in the table requires a pay range', path: ['requires'] });

/** The whole table: rows with unique ids. */
export const payTransparencyTableSchema = z
	.array(payTransparencyRowSchema)
	.min(1)
	.superRefine((rows, ctx) => {
		const seen = new Set<string>();
		rows.forEach((row, index) => {
			if (seen.has(row.id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${row.id}"`, path: [index, 'id'] });
			seen.add(row.id);
		});
	})
	.describe('Places whose law requires pay information in job postings');

/** One jurisdiction row after validation. */
export type PayTransparencyRow = z.output<typeof payTransparencyRowSchema>;
/** One disclosure requirement after validation. */
export type Requirement = z.output<typeof requirementSchema>;
/** A requirement kind. */
export type RequirementKind = (typeof requirementKinds)[number];
