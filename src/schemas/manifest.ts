import { z } from 'astro/zod';
import { payBounds } from './front-matter.ts';

/**
 * Version of the manifest format. Raise it on a breaking change (a field
 * removed, renamed or retyped, or the digest computed differently): previews
 * compare against the manifest of an older production build.
 */
export const MANIFEST_VERSION = '1';

/** A pay range of a published role, without its display text (wording is covered by the text digest). */
export const manifestPayRangeSchema = z
	.object({
		min: z.number().nonnegative().describe('Lower bound, in whole units of the currency'),
		max: z.number().nonnegative().describe('Upper bound, in whole units of the currency'),
		currency: z.string().regex(/^[A-Z]{3}$/).describe('ISO 4217 currency code, e.g. "USD"'),
		period: z.enum(['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR']).describe('What one amount pays for'),
		appliesTo: z.string().nullable().describe('Where or to whom the range applies, e.g. "Colorado"; null when it applies to the whole role'),
		bound: z.enum(payBounds).optional().describe('"upTo" or "from" for one figure stated as a ceiling or a floor; absent for a range or an exact figure (and in manifests written before it was recorded)'),
	})
	.describe('A pay range stated in the posting');

/** One published role (open or closed) as production built it. */
export const manifestRoleSchema = z
	.object({
		slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).describe('URL segment of the role page; may change on a rename, so compare by id'),
		id: z.string().min(1).describe('Stable id of the posting (the ATS id, or the source file name)'),
		status: z.enum(['open', 'closed']).describe('open: listed; closed: its page says it is no longer open. Drafts are never in the manifest'),
		title: z.string().min(1).describe('Job title'),
		team: z.string().nullable().describe('Team; null when the posting names none'),
		locations: z.array(z.string()).describe('Display labels of the places, in page order, e.g. "Lisbon, Portugal"'),
		payRanges: z.array(manifestPayRangeSchema).describe('Pay ranges, in page order'),
		applyUrl: z.url({ protocol: /^https?$/ }).describe('Where candidates apply'),
		digest: z
			.string()
			.regex(/^[0-9a-f]{64}$/)
			.describe("sha256 (hex) of the role's plain text: section headings and blocks, one per line (src/preview/role.ts)"),
	})
	.describe('A published role');

/** `/api/manifest.json`: what a production build published, so a preview can say what it changes. */
export const manifestSchema = z
	.object({
		version: z.literal(MANIFEST_VERSION).describe('Format version of this file; it changes only on a breaking change'),
		roles: z.array(manifestRoleSchema).describe('Every open and closed role, sorted by id'),
	})
	.describe('The roles a production build published, for preview diffs');

export type ManifestPayRange = z.output<typeof manifestPayRangeSchema>;
export type ManifestRole = z.output<typeof manifestRoleSchema>;
export type Manifest = z.output<typeof manifestSchema>;
