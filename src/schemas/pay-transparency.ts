import { z } from 'astro/zod';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day: YAML may read an unquoted `2023-01-01` as a Date, so both are accepted. */
const daySchema = z
	.union([z.string().regex(isoDay, 'a date written as YYYY-MM-DD'), z.date()])
	.transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value));

/** One place whose law requires a pay range in job postings. */
export const payTransparencyRowSchema = z
	.object({
		id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).describe('Stable kebab-case id, e.g. "us-co"'),
		name: z.string().min(1).describe('Name recruiters know, e.g. "Colorado"'),
		aliases: z
			.array(z.string().min(1))
			.min(1)
			.describe('Words a pay range\'s "for … hires" label may use for this place, e.g. ["Colorado", "CO", "Denver"]'),
		country: z.string().regex(/^[A-Z]{2}$/).describe('ISO 3166-1 alpha-2 country code, e.g. "US"'),
		region: z.string().min(1).optional().describe('State or province code as the pipeline stores it, e.g. "CO"'),
		city: z.string().min(1).optional().describe('City, when the law is a city ordinance, e.g. "New York"'),
		cityAliases: z.array(z.string().min(1)).optional().describe('Other names of the city (boroughs, abbreviations)'),
		effective: daySchema.describe('YYYY-MM-DD: first day postings must carry a range'),
		source: z.url({ protocol: /^https$/ }).describe('Official statute or government page'),
		law: z.string().min(1).describe('Statute or ordinance, e.g. "C.R.S. 8-5-201"'),
		employers: z.string().min(1).describe('Which employers the law binds (size thresholds are not applied by the review)'),
		covers: z
			.object({
				remote: z
					.enum(['covered', 'unclear', 'not-covered'])
					.describe('Whether a remote role that could be done here (open country-wide) counts as being here'),
				note: z.string().min(1).describe('What the law covers, in one sentence'),
			})
			.describe('What the law covers'),
	})
	.strict()
	.refine((row) => row.region !== undefined || row.city !== undefined, { message: 'a region or a city', path: ['region'] });

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
	.describe('Places whose law requires a pay range in job postings');

/** One jurisdiction row after validation. */
export type PayTransparencyRow = z.output<typeof payTransparencyRowSchema>;
