import { z } from 'astro/zod';
import { employmentTypes, payBounds, payPeriods, postingStatuses } from './front-matter.ts';
import { locationSchema } from './place.ts';

export { locationSchema, type Location } from './place.ts';

/** Kinds of section a posting body is split into. */
export const sectionKinds = [
	'company',
	'department',
	'team',
	'role',
	'responsibilities',
	'requirements',
	'nice-to-have',
	'compensation',
	'equity',
	'benefits',
	'closing',
	'other',
] as const;

/** A pay range as written in the posting's visible text. */
export const payRangeSchema = z
	.object({
		appliesTo: z.string().optional().describe('Where or to whom the range applies, e.g. "Colorado"'),
		min: z.number().nonnegative().describe('Lower bound in whole currency units'),
		max: z.number().nonnegative().describe('Upper bound in whole currency units'),
		currency: z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 currency code, e.g. "USD"'),
		period: z.enum(payPeriods).describe('What one amount pays for'),
		bound: z
			.enum(payBounds)
			.optional()
			.describe('A single figure stated as a ceiling ("up to £38,000") or a floor ("from €60,000"), min and max both that figure; absent for a range or an exact figure'),
		text: z.string().describe('The sentence the range was read from, or the range as given in the front matter'),
	})
	.refine((range) => range.min <= range.max, { message: 'min must not exceed max', path: ['min'] })
	.refine((range) => range.bound === undefined || range.min === range.max, { message: 'a ceiling or floor is one figure: min and max equal', path: ['bound'] });

/** One named part of a posting body. */
export const sectionSchema = z.object({
	id: z.string().describe('Stable anchor id, made from the heading'),
	title: z.string().optional().describe('Heading text; absent for the lead-in before the first heading'),
	kind: z.enum(sectionKinds).describe('What the section is about'),
	html: z.string().describe('Sanitized HTML of the section body, sub-sections as h3'),
});

/** How a field got its value. */
export const provenanceSchema = z.object({
	source: z.enum(['given', 'inferred', 'default']).describe('given: front matter; inferred: read from the HTML; default: site setting'),
	evidence: z.string().optional().describe('The text the value was inferred from'),
});

/** A value hidden in an attribute of the raw HTML that disagrees with the text shown. */
export const hiddenValueSchema = z.object({
	attribute: z.string().describe('The attribute holding it, e.g. "data-sheets-value"'),
	hidden: z.string().describe('The value the attribute holds, e.g. "137000"'),
	visible: z.string().describe('The text the element shows, e.g. "168,000"'),
	context: z.string().describe('The text of the paragraph, list item or cell around it'),
});

/** A posting after the normalizing pipeline: what every page renders from. */
export const postingSchema = z.object({
	id: z.string().min(1).describe('Stable id: front matter, else the file name'),
	slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).describe('URL segment of the role page'),
	file: z.string().describe('Source file, relative to the project'),
	status: z.enum(postingStatuses).describe('Only open roles are listed'),
	title: z.string().min(1).describe('Job title'),
	department: z.string().optional().describe('Department or organisation'),
	departmentSlug: z.string().optional().describe('URL segment of the department listing'),
	team: z.string().optional().describe('Team'),
	teamSlug: z.string().optional().describe('URL segment of the team listing'),
	employmentType: z.enum(employmentTypes).optional().describe('Employment type: given, else read from the title or a statement about the role (see provenance)'),
	lang: z.string().optional().describe('BCP 47 language of the role text: given, else detected from its beginning; absent when too short to tell'),
	formerSlugs: z.array(z.string()).describe('Earlier slugs; their URLs redirect to this role'),
	datePosted: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD: front matter, else first commit of the file, else the build date'),
	dateModified: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD: last commit of the file, never before datePosted'),
	publishAt: z.iso.datetime().optional().describe('When the role goes live; production builds before then leave it out'),
	validThrough: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('YYYY-MM-DD: last day to apply, when given (the day as written, for a time)'),
	closesAt: z.iso.datetime().optional().describe('When applications close (UTC): the end of the validThrough day, or the time given; production builds from then on treat the role as closed'),
	applyUrl: z.url({ protocol: /^https?$/ }).describe('Where candidates apply'),
	locations: z.array(locationSchema).describe('Where the role can be done; empty when the posting names none'),
	payRanges: z.array(payRangeSchema).describe('Pay ranges from the visible text or front matter'),
	summary: z.string().describe('Plain-text summary for listings and meta descriptions'),
	sections: z.array(sectionSchema).min(1).describe('The role body, split into named sections'),
	company: z.array(z.string()).describe('Ids of the company-text blocks this posting carried, in order'),
	provenance: z
		.object({
			title: provenanceSchema.optional(),
			department: provenanceSchema.optional(),
			team: provenanceSchema.optional(),
			employmentType: provenanceSchema.optional(),
			datePosted: provenanceSchema.optional(),
			applyUrl: provenanceSchema.optional(),
			locations: provenanceSchema.optional(),
			payRanges: provenanceSchema.optional(),
			summary: provenanceSchema.optional(),
		})
		.describe('For each extracted field, whether it was given, inferred (with the text it was read from) or a site default; absent when the posting has no value for it'),
	notes: z
		.object({
			trackingRemoved: z.array(z.string()).describe('Tracking parameters removed from links'),
			tagsRemoved: z.array(z.string()).describe('LinkedIn\'s job tags ("#LI-Remote", "#LI-AK1") removed with the paragraphs or list items that held only them'),
			hiddenRemoved: z.number().describe('Hidden elements dropped'),
			hiddenValues: z.array(hiddenValueSchema).describe('Values hidden in attributes (pasted spreadsheet cells) that disagree with the text shown; the attributes are dropped'),
		})
		.describe('What the pipeline changed, for reviewers'),
});

/**
 * A posting as Astro's data store keeps it: the sections without their HTML,
 * which is in a file of the cache folder named by `roleText`
 * (src/loaders/role-text.ts). The store is bundled into the build as one module
 * and kept in memory while pages render; role text was most of it.
 */
export const storedPostingSchema = postingSchema.extend({
	sections: z
		.array(sectionSchema.omit({ html: true }))
		.min(1)
		.describe('The role body\'s sections, in order, without their HTML'),
	roleText: z
		.string()
		.regex(/^[\w-]{22}$/)
		.describe('Digest of the sections\' HTML: the name of the file in the cache folder that holds it'),
	textDigest: z
		.string()
		.regex(/^[0-9a-f]{64}$/)
		.describe('sha256 of the role\'s plain text, as /api/manifest.json publishes it: made once when the posting is stored, not for every role on every build'),
});

/** One paragraph, list or heading of company text (blurb, values, legal), stored once for all postings. */
export const companyBlockSchema = z.object({
	id: z.string().describe('Content digest: equal text, equal id'),
	kind: z.enum(['intro', 'conclusion', 'repeated', 'legal']).describe('Where the text was first found'),
	html: z.string().describe('Sanitized HTML of one block; headings as h3'),
	usedBy: z.number().int().positive().describe('How many postings carried this block'),
	lang: z.string().optional().describe('BCP 47 language of the block, read from its text; absent when it is too short to tell (it then reads as the posting it is shown with)'),
});

export type PayRange = z.output<typeof payRangeSchema>;
export type Section = z.output<typeof sectionSchema>;
export type StoredPosting = z.output<typeof storedPostingSchema>;
export type SectionKind = (typeof sectionKinds)[number];
export type Provenance = z.output<typeof provenanceSchema>;
export type HiddenValue = z.output<typeof hiddenValueSchema>;
export type Posting = z.output<typeof postingSchema>;
export type CompanyBlock = z.output<typeof companyBlockSchema>;
