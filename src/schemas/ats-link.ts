import { z } from 'astro/zod';

/** Applicant tracking systems the sync and the build-time loader can read; each has a source in src/ats/registry.ts (the registry's type refuses a mismatch). */
export const atsSystems = ['greenhouse', 'lever', 'ashby', 'smartrecruiters'] as const;

/** One of {@link atsSystems}. */
export type AtsSystem = (typeof atsSystems)[number];

/**
 * Where a synced posting came from, written by `npm run sync` into the front
 * matter. The pipeline ignores it; the sync uses it to find the file again and
 * to tell a recruiter's edits from the ATS's own changes.
 */
export const atsLinkSchema = z
	.object({
		system: z.enum(atsSystems).describe('The ATS the posting is synced from'),
		board: z.string().trim().min(1).describe('Board token (Greenhouse), site name (Lever), job board name (Ashby) or company identifier (SmartRecruiters)'),
		id: z
			.union([z.string(), z.number()])
			.transform(String)
			.pipe(z.string().trim().min(1))
			.describe("The posting's id in the ATS"),
		url: z.url({ protocol: /^https?$/ }).optional().describe('The posting on the ATS board'),
		synced: z
			.record(z.string(), z.unknown())
			.default({})
			.describe(
				'What the ATS said at the last sync, field by field (the body as a digest). A field above that differs from its value here is a local override, and the sync keeps it',
			),
	})
	.strict();

/** The `ats` block of a synced posting, as validated. */
export type AtsLink = z.output<typeof atsLinkSchema>;
