import { MANIFEST_VERSION, manifestSchema, type Manifest } from '../schemas/manifest.ts';
import type { Posting } from '../schemas/posting.ts';
import { roleFields, roleText, textDigest, type BaselineRole } from './role.ts';

/**
 * `/api/manifest.json`: every open and closed role (never drafts) as
 * production publishes it, so a preview can tell a closed role from a removed
 * one and see what changed. Sorted by id and without a timestamp: the same
 * postings give the same bytes. Checked against its schema.
 *
 * @param textDigests each role's text digest by slug, where known (the page data's, made when each posting was stored); the others are read from the role text
 */
export function manifestOf(postings: readonly Posting[], textDigests?: ReadonlyMap<string, string>): Manifest {
	const roles = postings
		.filter((posting) => posting.status !== 'draft')
		// Made when the posting was stored, given: reading every role's text again cost a build at 10,000 roles about a second.
		.map((posting) => ({ ...roleFields(posting), digest: textDigests?.get(posting.slug) ?? textDigest(roleText(posting)) }))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return manifestSchema.parse({ version: MANIFEST_VERSION, roles });
}

/** The roles of a manifest, as a preview baseline (no text: the manifest carries only its digest). */
export function manifestRoles(manifest: Manifest): BaselineRole[] {
	return manifest.roles.map((role) => ({ ...role, payRanges: role.payRanges.map((range) => ({ ...range })), locations: [...role.locations] }));
}
