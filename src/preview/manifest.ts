import { MANIFEST_VERSION, manifestSchema, type Manifest } from '../schemas/manifest.ts';
import type { Posting } from '../schemas/posting.ts';
import { roleOf, type BaselineRole } from './role.ts';

/**
 * `/api/manifest.json`: every open and closed role (never drafts) as
 * production publishes it, so a preview can tell a closed role from a removed
 * one and see what changed. Sorted by id and without a timestamp: the same
 * postings give the same bytes. Checked against its schema.
 */
export function manifestOf(postings: readonly Posting[]): Manifest {
	const roles = postings
		.filter((posting) => posting.status !== 'draft')
		.map((posting) => {
			const { text: _text, ...role } = roleOf(posting);
			return role;
		})
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return manifestSchema.parse({ version: MANIFEST_VERSION, roles });
}

/** The roles of a manifest, as a preview baseline (no text: the manifest carries only its digest). */
export function manifestRoles(manifest: Manifest): BaselineRole[] {
	return manifest.roles.map((role) => ({ ...role, payRanges: role.payRanges.map((range) => ({ ...range })), locations: [...role.locations] }));
}
