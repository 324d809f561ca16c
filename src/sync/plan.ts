/**
 * Plans a sync: what a board's current postings mean for the files in the
 * postings folder. Pure: files in, new file texts out, nothing touched.
 *
 * Each synced file remembers, under `ats.synced`, what the ATS said last time.
 * That makes a three-way merge per field possible: a field equal to its synced
 * value follows the ATS; a field a recruiter changed is theirs and is kept; a
 * field a recruiter deleted goes back to the ATS's value.
 */
import { atsLinkSchema, type AtsSystem } from '../schemas/ats-link.ts';
import type { AtsPosting, BoardSnapshot, Rejection } from '../ats/shared/types.ts';
import { slugify } from '../postings/text.ts';
import { freeSlug, inIdOrder } from '../ats/shared/slug.ts';
import { sources } from '../ats/registry.ts';
import {
	bodyDigest,
	deleteField,
	deleteSynced,
	PostingFileError,
	readPostingFile,
	renderPostingFile,
	sameValue,
	setField,
	setSynced,
	type PostingFile,
} from '../sources/posting-file.ts';

/** A file in the postings folder. */
export interface LocalFile {
	/** File name, e.g. `greenhouse-4000000.html`. */
	name: string;
	text: string;
}

/**
 * A synced file the sync deletes: its role left the ATS, was closed here, and
 * has been closed longer than the site keeps closed roles' pages
 * (`closedRoleDays`), so the site no longer has it (src/routing/visibility.ts).
 */
export interface RemovedFile {
	name: string;
	/** The ATS id. */
	id: string;
	title: string;
}

/** What happens to one file. */
export type ChangeKind = 'added' | 'updated' | 'reopened' | 'closed';

/** A file to write. */
export interface FileChange {
	name: string;
	text: string;
	kind: ChangeKind;
	/** The ATS id. */
	id: string;
	title: string;
	/** Fields whose value in the file changed (`body` for the HTML). */
	fields: string[];
}

/** A recruiter's edit the sync kept although the ATS says otherwise. */
export interface KeptEdit {
	name: string;
	field: string;
	local: unknown;
	ats: unknown;
	/** True when the ATS changed this field since the last sync too: someone should look. */
	atsChanged: boolean;
}

/** The outcome of planning. */
export interface SyncPlan {
	system: AtsSystem;
	board: string;
	changes: FileChange[];
	/** Files deleted: closed roles the site has retired. */
	removed: RemovedFile[];
	/** Synced files of this board that stay as they are. */
	unchanged: string[];
	rejected: Rejection[];
	skipped: BoardSnapshot['skipped'];
	kept: KeptEdit[];
	/** Things a reviewer should know that are not changes (values the ATS gave that could not be used). */
	notes: string[];
	/** Set when the sync must not change anything; says why and what to do. */
	refusal?: string;
}

/** Options of {@link planSync}. */
export interface PlanOptions {
	/** Apply the plan even though it empties the board (every role really closed). */
	force?: boolean;
	/**
	 * Slugs already taken in the folder: current and former slugs of every
	 * posting. A function is called only when a role is new, since working the
	 * slugs out means running the pipeline over the whole folder.
	 */
	takenSlugs?: ReadonlySet<string> | (() => ReadonlySet<string>);
	/**
	 * Which of the given files (closed here, and gone from the ATS) hold roles
	 * the site has retired, so the sync deletes them. Called once, and only
	 * when there are such files; without it no file is ever deleted.
	 */
	retired?: (names: readonly string[]) => ReadonlySet<string>;
}

const FIELDS = ['title', 'department', 'team', 'locations', 'employmentType', 'datePosted', 'validThrough', 'applyUrl', 'payRanges'] as const;

/** The deterministic file name of a synced posting: system and ATS id, never the title (titles change). */
export function fileNameFor(system: AtsSystem, id: string): string {
	return `${system}-${slugify(id)}.html`;
}

interface Synced {
	name: string;
	file: PostingFile;
	id: string;
}

/**
 * Plans the sync of one board into a folder of posting files.
 *
 * Files that are not from this board (hand-written postings, other boards)
 * are never touched. A role missing upstream is closed; its file is deleted
 * only once the site has retired it (`options.retired`). Rows the ATS
 * returned but we could not read are neither added nor closed.
 */
export function planSync(snapshot: BoardSnapshot, files: readonly LocalFile[], options: PlanOptions = {}): SyncPlan {
	const plan: SyncPlan = {
		system: snapshot.system,
		board: snapshot.board,
		changes: [],
		removed: [],
		unchanged: [],
		rejected: [...snapshot.rejected],
		skipped: [...snapshot.skipped],
		kept: [],
		notes: [],
	};

	// Every file must be readable: a broken file could be one of ours, and we would write a second copy of its role.
	const synced = new Map<string, Synced>();
	const names = new Set(files.map((file) => file.name));
	for (const local of files) {
		let file: PostingFile;
		try {
			file = readPostingFile(local.name, local.text);
		} catch (error) {
			if (error instanceof PostingFileError) return refuse(plan, `${error.message}. Fix the file, then sync again.`);
			throw error;
		}
		const link = atsLinkSchema.safeParse(file.data.ats);
		if (file.data.ats !== undefined && !link.success) {
			return refuse(plan, `${local.name}: ats: expected the block the sync writes (system, board, id); fix or remove it, then sync again.`);
		}
		if (!link.success || link.data.system !== snapshot.system || link.data.board !== snapshot.board) continue;
		const claimed = synced.get(link.data.id);
		if (claimed) {
			return refuse(plan, `${claimed.name} and ${local.name} both hold ${snapshot.system} posting ${link.data.id}; delete one, then sync again.`);
		}
		synced.set(link.data.id, { name: local.name, file, id: link.data.id });
	}

	const openBefore = [...synced.values()].filter((entry) => (entry.file.data.status ?? 'open') === 'open').length;
	if (snapshot.postings.length === 0 && !options.force) {
		if (snapshot.rejected.length > 0) {
			return refuse(
				plan,
				`every one of the ${snapshot.total} rows ${sources[snapshot.system].label} returned failed validation, so nothing was changed. The API may have changed shape; see the rejected rows above.`,
			);
		}
		if (openBefore > 0) {
			return refuse(
				plan,
				`${sources[snapshot.system].label} returned no roles for board "${snapshot.board}" while ${openBefore} synced role${openBefore === 1 ? ' is' : 's are'} open here. An ATS outage looks like this, so nothing was changed. If every role really closed, run the sync again with --force.`,
			);
		}
	}

	let taken: Set<string> | undefined;
	const takenSlugs = (): Set<string> => {
		if (taken) return taken;
		const given = typeof options.takenSlugs === 'function' ? options.takenSlugs() : options.takenSlugs;
		taken = new Set(given ?? []);
		for (const entry of synced.values()) if (typeof entry.file.data.slug === 'string') taken.add(entry.file.data.slug);
		return taken;
	};

	for (const posting of inIdOrder(snapshot.postings)) {
		for (const note of posting.notes) plan.notes.push(`${posting.system} ${posting.id} (${posting.fields.title}): ${note}`);
		const existing = synced.get(posting.id);
		if (existing) {
			mergeInto(plan, existing, posting);
			continue;
		}
		const name = fileNameFor(posting.system, posting.id);
		if (names.has(name)) {
			// Only a hand-written file of the same name can be here; never overwrite it.
			plan.rejected.push({ id: posting.id, field: 'file', message: `${name} exists and is not synced from this board; rename it to sync this role` });
			continue;
		}
		const slug = freeSlug(posting, takenSlugs());
		takenSlugs().add(slug);
		plan.changes.push({ name, text: newFile(posting, slug), kind: 'added', id: posting.id, title: posting.fields.title, fields: [] });
	}

	// Gone upstream: closed. Rows we could not read may be any of them, so a rejection without an id holds every closure back.
	const present = new Set([...snapshot.postings.map((posting) => posting.id), ...snapshot.rejected.flatMap((row) => (row.id ? [row.id] : []))]);
	const anonymous = snapshot.rejected.some((row) => !row.id);
	// Closed here already and still gone: the roles the site may have retired.
	const closedHere = anonymous ? [] : [...synced.values()].filter((entry) => !present.has(entry.id) && entry.file.data.status === 'closed').map((entry) => entry.name);
	const retired = closedHere.length > 0 && options.retired ? options.retired(closedHere) : new Set<string>();
	for (const entry of [...synced.values()].sort((a, b) => a.name.localeCompare(b.name))) {
		if (present.has(entry.id)) {
			if (!snapshot.postings.some((posting) => posting.id === entry.id)) plan.unchanged.push(entry.name);
			continue;
		}
		if (anonymous) {
			plan.unchanged.push(entry.name);
			continue;
		}
		if (retired.has(entry.name)) {
			plan.removed.push({ name: entry.name, id: entry.id, title: titleOf(entry) });
			continue;
		}
		closeFile(plan, entry);
	}
	if (anonymous && synced.size > 0) {
		plan.notes.push('some rejected rows had no id, so no role was closed this time: any of them could be one of ours');
	}
	plan.unchanged.sort();
	return plan;
}

function refuse(plan: SyncPlan, reason: string): SyncPlan {
	return { ...plan, changes: [], removed: [], unchanged: [], kept: [], refusal: reason };
}

/** The ATS's view of every merged field, `status` included. */
function upstreamValues(posting: AtsPosting): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const field of FIELDS) if (posting.fields[field] !== undefined) values[field] = posting.fields[field];
	values.status = 'open';
	return values;
}

function newFile(posting: AtsPosting, slug: string): string {
	const { document } = readPostingFile('new', '');
	document.commentBefore = [
		` Synced from ${sources[posting.system].label} (board "${posting.board}") by \`npm run sync\`.`,
		' Edit a field to override the ATS: the sync keeps your value. Delete it to take the ATS value again.',
	].join('\n');
	const values = upstreamValues(posting);
	for (const [key, value] of Object.entries(values)) {
		setField(document, key, value);
		if (key === 'title') setField(document, 'slug', slug);
	}
	document.set('ats', document.createNode({ system: posting.system, board: posting.board, id: posting.id, ...(posting.url ? { url: posting.url } : {}) }));
	for (const [key, value] of Object.entries(values)) setSynced(document, key, value);
	setSynced(document, 'body', bodyDigest(posting.html));
	return renderPostingFile(document, posting.html);
}

/** What the ATS said at the last sync, per field: the base of the three-way merge. */
function syncedRecord(entry: Synced): Record<string, unknown> {
	return (entry.file.data.ats as { synced?: Record<string, unknown> }).synced ?? {};
}

/** Three-way merge of one field; returns whether the file's value changed. */
function mergeField(plan: SyncPlan, entry: Synced, field: string, remote: unknown): boolean {
	const { document, data } = entry.file;
	const synced = syncedRecord(entry);
	const base = synced[field];
	const local = data[field];
	let changed = false;
	if (local === undefined || sameValue(local, base)) {
		if (remote === undefined) {
			if (local !== undefined) {
				deleteField(document, field);
				changed = true;
			}
		} else if (!sameValue(local, remote)) {
			setField(document, field, remote);
			changed = true;
		}
	} else if (!sameValue(local, remote)) {
		plan.kept.push({ name: entry.name, field, local, ats: remote, atsChanged: !sameValue(base, remote) });
	}
	if (remote === undefined) deleteSynced(document, field);
	else if (!sameValue(base, remote)) setSynced(document, field, remote);
	return changed;
}

function mergeInto(plan: SyncPlan, entry: Synced, posting: AtsPosting): void {
	const { document, data } = entry.file;
	const before = renderPostingFile(document, entry.file.body);
	const fields: string[] = [];
	const values = upstreamValues(posting);
	for (const field of [...FIELDS, 'status'] as const) {
		if (mergeField(plan, entry, field, values[field])) fields.push(field);
	}
	if ((data.ats as { url?: string }).url !== posting.url) {
		if (posting.url) document.setIn(['ats', 'url'], posting.url);
		else if (document.hasIn(['ats', 'url'])) document.deleteIn(['ats', 'url']);
	}

	// The body merges like a field, by digest: an edited body is kept; an emptied one takes the ATS text again.
	const synced = syncedRecord(entry);
	const remoteDigest = bodyDigest(posting.html);
	const localDigest = bodyDigest(entry.file.body);
	let body = entry.file.body;
	if (entry.file.body.trim() === '' || localDigest === synced.body) {
		if (localDigest !== remoteDigest) {
			body = posting.html;
			fields.push('body');
		}
	} else if (localDigest !== remoteDigest) {
		plan.kept.push({ name: entry.name, field: 'body', local: 'edited here', ats: 'new text', atsChanged: synced.body !== remoteDigest });
	}
	if (synced.body !== remoteDigest) setSynced(document, 'body', remoteDigest);

	record(plan, entry, renderPostingFile(document, body), before, fields, posting.fields.title);
}

function closeFile(plan: SyncPlan, entry: Synced): void {
	const before = renderPostingFile(entry.file.document, entry.file.body);
	const fields = mergeField(plan, entry, 'status', 'closed') ? ['status'] : [];
	record(plan, entry, renderPostingFile(entry.file.document, entry.file.body), before, fields, titleOf(entry));
}

const titleOf = (entry: Synced): string => (typeof entry.file.data.title === 'string' ? entry.file.data.title : entry.name);

function record(plan: SyncPlan, entry: Synced, text: string, before: string, fields: string[], title: string): void {
	if (text === before) {
		plan.unchanged.push(entry.name);
		return;
	}
	const was = String(entry.file.data.status ?? 'open');
	const now = String(entry.file.document.get('status') ?? 'open');
	const kind: ChangeKind = was !== 'closed' && now === 'closed' ? 'closed' : was === 'closed' && now === 'open' ? 'reopened' : 'updated';
	plan.changes.push({ name: entry.name, text, kind, id: entry.id, title, fields });
}
