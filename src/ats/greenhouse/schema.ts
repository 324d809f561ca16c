/**
 * Responses of the Greenhouse Job Board API (boards-api.greenhouse.io), as
 * Greenhouse documents them. Objects are loose (`.loose()`): Greenhouse adds
 * keys now and then, and a new key must not reject a whole board. Values we
 * publish (id, title, posting URL, body, pay) are checked strictly; values
 * Greenhouse documents as nullable or that only older boards lack are not.
 */
import { z } from 'astro/zod';

/** A custom field an organisation adds to its jobs ("Employment Type", "Team"). */
export const greenhouseMetadataSchema = z
	.object({
		id: z.number().nullish().describe('Custom field id'),
		name: z.string().nullish().describe('Custom field name as the organisation set it up, e.g. "Employment Type"'),
		// Anything goes: the value only matters when it is a string we recognise, and an odd type must not reject the job.
		value: z
			.unknown()
			.describe('The value: a string (short text, single select), a number, a list (multi select), a boolean (yes/no) or null when unset'),
		value_type: z.string().nullish().describe('Field type, e.g. "single_select", "short_text", "multi_select", "currency"'),
	})
	.loose();

/** One department a job belongs to; departments nest through `parent_id`. */
export const greenhouseDepartmentSchema = z
	.object({
		id: z.number().describe('Department id'),
		name: z.string().trim().min(1).describe('Department name, e.g. "Engineering"'),
		parent_id: z.number().nullish().describe('Id of the parent department; null at the top level'),
		child_ids: z.array(z.number()).nullish().describe('Ids of the sub-departments'),
	})
	.loose();

/** One office a job is attached to; offices nest through `parent_id`. */
export const greenhouseOfficeSchema = z
	.object({
		id: z.number().describe('Office id'),
		name: z.string().describe('Office name, e.g. "Austin"'),
		location: z.string().nullish().describe('Where the office is, free text, e.g. "Austin, TX, United States"; null when not set'),
		parent_id: z.number().nullish().describe('Id of the parent office (a region); null at the top level'),
		child_ids: z.array(z.number()).nullish().describe('Ids of the offices within this one'),
	})
	.loose();

/** A timestamp as Greenhouse writes it: ISO 8601 with an offset, e.g. "2026-10-20T12:30:00-04:00". */
const timestampSchema = z
	.string()
	.refine((value) => !Number.isNaN(Date.parse(value)), { message: 'an ISO 8601 timestamp such as "2026-10-20T12:30:00-04:00"' });

/** One published job, as listed by `GET /v1/boards/{board}/jobs?content=true`. */
export const greenhouseJobSchema = z
	.object({
		id: z.number().int().positive().describe("The job post's id; it appears in the posting URL as gh_jid"),
		internal_job_id: z.number().nullish().describe('Id of the job behind the post (one job may have several posts)'),
		title: z.string().trim().min(1).describe('Job title, e.g. "Engineering Manager, Workers Runtime"'),
		updated_at: timestampSchema.nullish().describe('Last change to the job post, ISO 8601 with an offset'),
		requisition_id: z.string().nullish().describe("The organisation's own requisition id, when it uses one"),
		location: z
			.object({ name: z.string().nullish().describe('Free text, e.g. "Austin, TX; Lisbon, Portugal" or "Remote - US"') })
			.loose()
			.nullish()
			.describe('Where the job is, as the recruiter typed it'),
		absolute_url: z
			.url({ protocol: /^https?$/, error: 'an http(s) URL' })
			.describe('The posting on the hosted job board (or the custom careers page), where the application form is too'),
		metadata: z.array(greenhouseMetadataSchema).nullish().describe('Custom fields; null when the organisation has none on job posts'),
		content: z
			.string()
			.refine((value) => value.trim() !== '', { message: 'the posting body, which is empty here' })
			.describe('Posting body as entity-escaped HTML ("&lt;p&gt;…"), including the board\'s intro and conclusion blocks'),
		departments: z
			.array(greenhouseDepartmentSchema)
			.nullish()
			.transform((list) => list ?? [])
			.describe("The job's departments, each with its place in the hierarchy; none when missing or null"),
		offices: z
			.array(greenhouseOfficeSchema)
			.nullish()
			.transform((list) => list ?? [])
			.describe("The job's offices; none when missing or null"),
		first_published: timestampSchema.nullish().describe('When the post was first published, ISO 8601; missing on older boards'),
		// Not checked here: a deadline we cannot read is left out with a note, never a reason to leave the job out.
		application_deadline: z
			.string()
			.nullish()
			.describe('When the post stops taking applications, ISO 8601 with an offset, e.g. "2026-10-08T00:45:00-04:00"; null when it has none'),
		company_name: z.string().nullish().describe('Company name as set on the board'),
		data_compliance: z.array(z.unknown()).nullish().describe('GDPR and similar consent settings; not used here'),
	})
	.loose();

/** The list document, `GET /v1/boards/{board}/jobs?content=true`. Rows are validated one by one with {@link greenhouseJobSchema}. */
export const greenhouseJobListSchema = z
	.object({
		jobs: z.array(z.unknown()).describe('Every published job post on the board (the API does not paginate)'),
		meta: z
			.object({ total: z.number().int().nonnegative().nullish().describe('Number of jobs on the board') })
			.loose()
			.nullish()
			.describe('Counts'),
	})
	.loose();

/** One pay range from the job's pay transparency settings; amounts are in cents. */
export const greenhousePayRangeSchema = z
	.object({
		min_cents: z.number().int().nonnegative().describe('Lower bound in cents, e.g. 16800000 for $168,000'),
		max_cents: z.number().int().nonnegative().describe('Upper bound in cents'),
		currency_type: z
			.string()
			.trim()
			.regex(/^[A-Za-z]{3}$/, 'a three-letter ISO 4217 currency code such as "USD"')
			.transform((code) => code.toUpperCase())
			.describe('ISO 4217 currency code'),
		title: z.string().nullish().describe('Label of the range, often the zone it applies to, e.g. "Colorado" or "New York City Pay Range"'),
		blurb: z.string().nullish().describe('Text shown with the range on the board, e.g. what the amount covers'),
	})
	.loose()
	.refine((range) => range.min_cents <= range.max_cents, { message: 'a lower bound (min_cents) no higher than the upper bound (max_cents)', path: ['min_cents'] });

/**
 * What we read from `GET /v1/boards/{board}/jobs/{id}?pay_transparency=true`:
 * the same job object plus its pay ranges. Only the pay is taken from it; the
 * rest comes from the list, already validated.
 */
export const greenhouseJobPaySchema = z
	.object({
		pay_input_ranges: z.array(greenhousePayRangeSchema).describe('Pay ranges the recruiter entered for the post; empty when there are none'),
	})
	.loose();

/** A job row after validation. */
export type GreenhouseJob = z.output<typeof greenhouseJobSchema>;
/** A pay range after validation. */
export type GreenhousePayRange = z.output<typeof greenhousePayRangeSchema>;
