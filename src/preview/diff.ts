import type { Posting } from '../schemas/posting.ts';
import { roleOf, type BaselineRole, type CurrentRole, type RolePayRange } from './role.ts';
import { textDiff, type DiffOp } from './text-diff.ts';

/** A field whose value is one piece of text (or none). */
export type ScalarField = 'slug' | 'title' | 'team' | 'status' | 'applyUrl';

/** How one field of a role changed. `text` compares digests; the readable diff is `RoleChange.textDiff`. */
export type FieldChange =
	| { field: ScalarField; before: string | null; after: string | null }
	| { field: 'locations'; before: string[]; after: string[] }
	| { field: 'payRanges'; before: RolePayRange[]; after: RolePayRange[] }
	| { field: 'text'; before: string; after: string };

/** Every field a preview compares, in the order it reports them. */
export const DIFF_FIELDS = ['slug', 'title', 'status', 'team', 'locations', 'payRanges', 'applyUrl', 'text'] as const;

/** A role that production does not have. */
export interface AddedRole {
	id: string;
	slug: string;
	title: string;
	status: CurrentRole['status'];
	/** True when the role is a draft: in the pull request, but not to be published. */
	draft: boolean;
}

/** A role production has and the preview does not publish. */
export interface RemovedRole {
	id: string;
	slug: string;
	title: string;
	/** Its status in production. */
	status: BaselineRole['status'];
	/** deleted: the file is gone (its URL will 404); draft: the file is still there, set to draft. */
	reason: 'deleted' | 'draft';
}

/** A role in both builds, with what differs (for a closed or reopened role, everything but its status). */
export interface RoleChange {
	id: string;
	/** The slug in the preview; a `slug` field change gives the old one. */
	slug: string;
	title: string;
	fields: FieldChange[];
	/** Sentence diff of the role text, when its text changed and both texts are known (not from a manifest). */
	textDiff?: DiffOp[];
}

/** What a pull request does to the published roles, compared with production. */
export interface RoleDiff {
	added: AddedRole[];
	removed: RemovedRole[];
	/** Open in production, closed in the preview. */
	closed: RoleChange[];
	/** Closed in production, open in the preview. */
	reopened: RoleChange[];
	/** Same status, some other field or the text differs. */
	changed: RoleChange[];
	/** How many roles are in both and identical. */
	unchanged: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Field-by-field differences of one role, in `DIFF_FIELDS` order. */
export function fieldChanges(before: BaselineRole, after: CurrentRole): FieldChange[] {
	const changes: FieldChange[] = [];
	for (const field of DIFF_FIELDS) {
		if (field === 'locations') {
			if (!same(before.locations, after.locations)) changes.push({ field, before: before.locations, after: after.locations });
		} else if (field === 'payRanges') {
			if (!same(before.payRanges, after.payRanges)) changes.push({ field, before: before.payRanges, after: after.payRanges });
		} else if (field === 'text') {
			if (before.digest !== after.digest) changes.push({ field, before: before.digest, after: after.digest });
		} else if (before[field] !== after[field]) {
			changes.push({ field, before: before[field], after: after[field] });
		}
	}
	return changes;
}

/**
 * Changed, closed and reopened roles the What changed page shows whole, with
 * their text diffs; it lists the others by title and the fields that changed.
 * A sync that updates every role's pay, at 10,000 roles, would otherwise make
 * a page of 10,000 diffs: about 15 MB (1.5 KB a role measured for a one-sentence
 * edit; Cloudflare Pages refuses a file over 25 MiB), and no one reads it.
 */
export const DETAILED_CHANGES = 250;

/**
 * Each list of role changes cut in two: the first `detailed` of them (over
 * changed, closed and reopened, in that order) to show whole, the rest to
 * list by title. `detailed` is the number given to {@link diffRoles}.
 */
export function detailedSplit(diff: RoleDiff, detailed = DETAILED_CHANGES): Record<'changed' | 'closed' | 'reopened', { whole: RoleChange[]; listed: RoleChange[] }> {
	let left = detailed;
	// The page's order: the count runs on from one list to the next.
	const [changed, closed, reopened] = [diff.changed, diff.closed, diff.reopened].map((list) => {
		const whole = list.slice(0, Math.max(0, left));
		left -= whole.length;
		return { whole, listed: list.slice(whole.length) };
	});
	return { changed: changed!, closed: closed!, reopened: reopened! };
}

/**
 * What removing a role does, in the What changed page's words. A deleted
 * file of an open role loses candidates its page (closing keeps the page);
 * a closed role's page was already saying so.
 */
export function removalNote(role: RemovedRole): string {
	if (role.reason === 'draft') return 'set back to draft';
	return role.status === 'closed' ? 'file deleted: its "no longer open" page goes, and its URL will be a 404' : 'file deleted: its URL will be a 404; set status: closed instead';
}

const byTitle = (a: { title: string; id: string }, b: { title: string; id: string }) => a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Compares the preview's roles with production's, by id: a new slug is a
 * rename (a `slug` change), not a removal and an addition. Drafts in the
 * preview are added drafts (or, when production published them, removed with
 * reason `draft`). A role that went from open to closed is `closed` (and
 * closed to open `reopened`), with its other changes, never `changed`.
 * Every list is sorted by title, then id.
 *
 * @param baseline production's open and closed roles (a manifest or a git baseline)
 * @param current every posting of the preview build, drafts included
 * @param options.detailed how many role changes get their text diff (see {@link detailedSplit}); all by default
 */
export function diffRoles(baseline: readonly BaselineRole[], current: readonly (Posting | CurrentRole)[], { detailed = Number.POSITIVE_INFINITY } = {}): RoleDiff {
	const roles = current.map((item) => ('sections' in item ? roleOf(item) : item));
	const before = new Map(baseline.map((role) => [role.id, role]));
	const diff: RoleDiff = { added: [], removed: [], closed: [], reopened: [], changed: [], unchanged: 0 };
	const seen = new Set<string>();
	// Both texts of each change whose text changed, diffed once the lists are sorted, for the roles shown whole only.
	const texts = new Map<RoleChange, [string, string]>();
	const change = (old: BaselineRole, role: CurrentRole, fields: FieldChange[]): RoleChange => {
		const item: RoleChange = { id: role.id, slug: role.slug, title: role.title, fields };
		if (old.text !== undefined && fields.some((field) => field.field === 'text')) texts.set(item, [old.text, role.text]);
		return item;
	};
	for (const role of roles) {
		const old = before.get(role.id);
		if (!old) {
			diff.added.push({ id: role.id, slug: role.slug, title: role.title, status: role.status, draft: role.status === 'draft' });
			continue;
		}
		seen.add(role.id);
		if (role.status === 'draft') {
			diff.removed.push({ id: old.id, slug: old.slug, title: old.title, status: old.status, reason: 'draft' });
			continue;
		}
		const fields = fieldChanges(old, role);
		const others = fields.filter((item) => item.field !== 'status');
		if (old.status === 'open' && role.status === 'closed') diff.closed.push(change(old, role, others));
		else if (old.status === 'closed' && role.status === 'open') diff.reopened.push(change(old, role, others));
		else if (fields.length > 0) diff.changed.push(change(old, role, fields));
		else diff.unchanged++;
	}
	for (const old of baseline) {
		if (!seen.has(old.id)) diff.removed.push({ id: old.id, slug: old.slug, title: old.title, status: old.status, reason: 'deleted' });
	}
	for (const list of [diff.added, diff.removed, diff.closed, diff.reopened, diff.changed]) list.sort(byTitle);
	for (const { whole } of Object.values(detailedSplit(diff, detailed))) {
		for (const item of whole) {
			const both = texts.get(item);
			if (both) item.textDiff = textDiff(...both);
		}
	}
	return diff;
}
