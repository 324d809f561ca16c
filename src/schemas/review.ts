import { z } from 'astro/zod';

/** How bad a finding is: errors fail the review command, the rest are advice. */
export const severities = ['error', 'warning', 'info'] as const;

/** One problem the posting review found. */
export const findingSchema = z.object({
	rule: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).describe('Kebab-case rule id, e.g. "pay-transparency"'),
	severity: z.enum(severities).describe('error: must fix before publishing; warning: probably wrong; info: worth a look'),
	file: z.string().describe('Posting file, relative to the project'),
	field: z.string().describe('Posting field at fault, e.g. "payRanges" or "locations[0]"'),
	message: z.string().describe('What is wrong, with the values involved'),
	fix: z.string().describe('One line: what the recruiter should do'),
});

/** A finding of the posting review. */
export type Finding = z.output<typeof findingSchema>;
/** error | warning | info. */
export type Severity = (typeof severities)[number];
