import { MANIFEST_VERSION, manifestRoleSchema, manifestSchema, type Manifest } from '../schemas/manifest.ts';
import type { EntryTexts } from '../publish/entry-texts.ts';
import { cleanData } from '../utils/safe-text.ts';
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
	return manifestSchema.parse({ version: MANIFEST_VERSION, roles: published(postings).map((posting) => manifestRole(posting, textDigests)) });
}

/** The roles a manifest lists, in its order: every open and closed role (never drafts), by id. */
function published(postings: readonly Posting[]): Posting[] {
	return postings.filter((posting) => posting.status !== 'draft').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A role's entry in the manifest, before it is checked. */
function manifestRole(posting: Posting, textDigests?: ReadonlyMap<string, string>) {
	// Made when the posting was stored, given: reading every role's text again cost a build at 10,000 roles about a second.
	return { ...roleFields(posting), digest: textDigests?.get(posting.slug) ?? textDigest(roleText(posting)) };
}

/**
 * `/api/manifest.json` as its file's bytes: {@link manifestOf}'s, cleaned as
 * every API file is, with the entry of each posting whose stored digest is
 * the same as in the last build as that build printed it
 * (src/publish/entry-texts.ts). Every entry is checked against its schema
 * when it is made.
 *
 * @param digestOf the digest a posting was stored with, if known: it changes with the posting and the code
 */
export function manifestFile(postings: readonly Posting[], textDigests: ReadonlyMap<string, string>, texts: EntryTexts, digestOf: (posting: Posting) => string | undefined): Uint8Array<ArrayBuffer> {
	const entries = published(postings).map((posting) => ({ digest: digestOf(posting), make: () => cleanData(manifestRoleSchema.parse(manifestRole(posting, textDigests))) }));
	return texts.listFile(cleanData(manifestSchema.parse({ version: MANIFEST_VERSION, roles: [] })), entries);
}

/** The roles of a manifest, as a preview baseline (no text: the manifest carries only its digest). */
export function manifestRoles(manifest: Manifest): BaselineRole[] {
	return manifest.roles.map((role) => ({ ...role, payRanges: role.payRanges.map((range) => ({ ...range })), locations: [...role.locations] }));
}
