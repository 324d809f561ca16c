import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizePostings, type SourceFile } from '../../src/postings/normalize.ts';
import { detailedSplit, diffRoles, removalNote, type RoleDiff } from '../../src/preview/diff.ts';
import { manifestOf } from '../../src/preview/manifest.ts';
import { roleOf, roleText, type BaselineRole } from '../../src/preview/role.ts';
import { collapseDiff, diffSequences, MAX_DIFF_CELLS, textDiff } from '../../src/preview/text-diff.ts';
import { manifestSchema } from '../../src/schemas/manifest.ts';
import { FIXTURES, seedCatalogue, seedFiles, site, TODAY } from './helpers.ts';

const ids = { '000': '000_d1e515e116b35d49', '001': '001_3342c549bba94a78', '002': '002_cc35c7161091c165', '003': '003_2e4cdf5e0a274030', '004': '004_8fa9f8a2c4e7ab16' };

/** Production: the five seeds as built. */
function baseline(): BaselineRole[] {
	return seedCatalogue().postings.map((posting) => ({ ...roleOf(posting), status: posting.status as 'open' | 'closed' }));
}

/** The seeds with edits applied: file prefix → new source (or null to delete the file). */
function edited(edits: Record<string, ((source: string) => string) | null>, extra: SourceFile[] = []) {
	const files = seedFiles().flatMap((file) => {
		const prefix = Object.keys(edits).find((key) => file.file.includes(`/${key}_`));
		if (prefix === undefined) return [file];
		const edit = edits[prefix];
		return edit ? [{ ...file, source: edit(file.source) }] : [];
	});
	return normalizePostings([...files, ...extra], site, { today: TODAY }).postings;
}

const draft: SourceFile = { file: 'tests/fixtures/lifecycle/005_draft.html', source: readFileSync(join(FIXTURES, 'lifecycle/005_draft.html'), 'utf8') };
const raiseColorado = (source: string) => source.replace('>206', '>216');
/** Sets a front-matter field, adding the block when the file has none. */
const withField = (line: string) => (source: string) => (source.startsWith('---\n') ? `---\n${line}\n${source.slice(4)}` : `---\n${line}\n---\n${source}`);
const close = withField('status: closed');
const scheduling = {
	before: [
		{ min: 168000, max: 206000, currency: 'USD', period: 'YEAR', appliesTo: 'Colorado' },
		{ min: 187000, max: 229000, currency: 'USD', period: 'YEAR', appliesTo: 'New York City' },
	],
	after: [
		{ min: 168000, max: 216000, currency: 'USD', period: 'YEAR', appliesTo: 'Colorado' },
		{ min: 187000, max: 229000, currency: 'USD', period: 'YEAR', appliesTo: 'New York City' },
	],
};
const coloradoEdit = [
	{ op: 'skip', count: 25 },
	{ op: 'removed', text: 'For Colorado-based hires: Estimated annual salary of $168,000 - $206,000.' },
	{ op: 'added', text: 'For Colorado-based hires: Estimated annual salary of $168,000 - $216,000.' },
	{ op: 'skip', count: 24 },
];

/** The diff with each text diff collapsed to its changes, as a reviewer reads it. */
function readable(diff: RoleDiff) {
	const collapse = <T extends { textDiff?: unknown }>(change: T) =>
		change.textDiff ? { ...change, textDiff: collapseDiff(change.textDiff as never, 0) } : change;
	return { ...diff, closed: diff.closed.map(collapse), reopened: diff.reopened.map(collapse), changed: diff.changed.map(collapse) };
}

describe('diffRoles on the seeds', () => {
	it('finds nothing when the preview builds what production built', () => {
		expect(diffRoles(baseline(), seedCatalogue().postings)).toEqual({ added: [], removed: [], closed: [], reopened: [], changed: [], unchanged: 5 });
	});

	it('reports a pay edit, a closed role, a rename, a deleted file and a new draft, exactly', () => {
		const current = edited(
			{
				'001': close,
				'002': null,
				'003': raiseColorado,
				'004': (source) => source.replace('title: Software Engineer, Cloudflare Tunnel', 'title: Software Engineer, Tunnel'),
			},
			[draft],
		);
		expect(readable(diffRoles(baseline(), current))).toEqual({
			added: [{ id: '005_draft', slug: 'draft-role-nobody-should-see', title: 'Draft Role Nobody Should See', status: 'draft', draft: true }],
			removed: [{ id: ids['002'], slug: 'engineering-manager-observability', title: 'Engineering Manager, Observability', status: 'open', reason: 'deleted' }],
			closed: [{ id: ids['001'], slug: 'senior-systems-engineer-workers-runtime-cpp', title: 'Senior Systems Engineer, Workers Runtime (C++)', fields: [] }],
			reopened: [],
			changed: [
				{
					id: ids['004'],
					slug: 'software-engineer-tunnel',
					title: 'Software Engineer, Tunnel',
					// Compared by id: a new slug is a rename, not a removal plus an addition.
					fields: [
						{ field: 'slug', before: 'software-engineer-cloudflare-tunnel', after: 'software-engineer-tunnel' },
						{ field: 'title', before: 'Software Engineer, Cloudflare Tunnel', after: 'Software Engineer, Tunnel' },
					],
				},
				{
					id: ids['003'],
					slug: 'systems-engineer-global-scheduling',
					title: 'Systems Engineer, Global Scheduling',
					fields: [
						{ field: 'payRanges', ...scheduling },
						{ field: 'text', before: expect.stringMatching(/^[0-9a-f]{64}$/), after: expect.stringMatching(/^[0-9a-f]{64}$/) },
					],
					textDiff: coloradoEdit,
				},
			],
			unchanged: 1,
		});
	});

	it('keeps the whole text in the text diff, unchanged sentences marked same', () => {
		const [change] = diffRoles(baseline(), edited({ '003': raiseColorado })).changed;
		expect(change!.textDiff!.filter((op) => op.op === 'same')).toHaveLength(49);
		expect(change!.textDiff![0]).toEqual({ op: 'same', text: 'About the Role' });
	});

	it('reports a role closed with other edits as closed, carrying those edits, never as changed', () => {
		const diff = diffRoles(baseline(), edited({ '003': (source) => close(raiseColorado(source)) }));
		expect(diff.changed).toEqual([]);
		expect(readable(diff).closed).toEqual([
			{
				id: ids['003'],
				slug: 'systems-engineer-global-scheduling',
				title: 'Systems Engineer, Global Scheduling',
				fields: [{ field: 'payRanges', ...scheduling }, expect.objectContaining({ field: 'text' })],
				textDiff: coloradoEdit,
			},
		]);
	});

	it('says what a removal does: a deleted open role loses its page, a deleted closed one its "no longer open" page', () => {
		const production = baseline().map((role) => (role.id === ids['001'] ? { ...role, status: 'closed' as const } : role));
		const diff = diffRoles(production, edited({ '001': null, '002': null, '003': withField('status: draft') }));
		expect(diff.removed.map((role) => [role.title, removalNote(role)])).toEqual([
			['Engineering Manager, Observability', 'file deleted: its URL will be a 404; set status: closed instead'],
			['Senior Systems Engineer, Workers Runtime (C++)', 'file deleted: its "no longer open" page goes, and its URL will be a 404'],
			['Systems Engineer, Global Scheduling', 'set back to draft'],
		]);
	});

	it('reports a closed role opened again as reopened, and a published role set to draft as removed', () => {
		const production = baseline().map((role) => (role.id === ids['001'] ? { ...role, status: 'closed' as const } : role));
		const diff = diffRoles(production, edited({ '002': withField('status: draft') }));
		expect(diff.reopened).toEqual([{ id: ids['001'], slug: 'senior-systems-engineer-workers-runtime-cpp', title: 'Senior Systems Engineer, Workers Runtime (C++)', fields: [] }]);
		expect(diff.removed).toEqual([{ id: ids['002'], slug: 'engineering-manager-observability', title: 'Engineering Manager, Observability', status: 'open', reason: 'draft' }]);
		expect([diff.added, diff.closed, diff.changed, diff.unchanged]).toEqual([[], [], [], 3]);
	});

	it('reports location, team and apply URL edits by their display values', () => {
		const current = edited({
			'000': (source) => `---\nteam: Workers Platform\napplyUrl: https://boards.example.com/jobs/1\nlocations: ["Austin, Texas"]\n---\n${source}`,
		});
		expect(diffRoles(baseline(), current).changed).toEqual([
			{
				id: ids['000'],
				slug: 'engineering-manager-workers-runtime',
				title: 'Engineering Manager, Workers Runtime',
				fields: [
					{ field: 'team', before: 'Workers Runtime', after: 'Workers Platform' },
					{ field: 'locations', before: ['Austin, Texas', 'Lisbon, Portugal', 'London, United Kingdom'], after: ['Austin, Texas'] },
					{ field: 'applyUrl', before: 'https://www.cloudflare.com/careers/jobs/', after: 'https://boards.example.com/jobs/1' },
				],
			},
		]);
	});

	it('diffs the text of the first `detailed` role changes only, changed before closed, and splits the lists there', () => {
		const leading = (source: string) => source.replace('Comfortable leading and hiring a team', 'Comfortable leading and growing a team');
		const current = edited({ '000': leading, '003': raiseColorado, '001': (source) => close(source.replace('being in a Technical lead', 'as a Technical lead')) });
		const titles = (list: Array<{ title: string }>) => list.map((item) => item.title);
		const all = diffRoles(baseline(), current);
		expect(titles(all.changed)).toEqual(['Engineering Manager, Workers Runtime', 'Systems Engineer, Global Scheduling']);
		expect([...all.changed, ...all.closed].map((change) => change.textDiff !== undefined)).toEqual([true, true, true]);

		const diff = diffRoles(baseline(), current, { detailed: 1 });
		expect(collapseDiff(diff.changed[0]!.textDiff!, 0)).toEqual([
			{ op: 'skip', count: 17 },
			{ op: 'removed', text: 'Comfortable leading and hiring a team that builds low level distributed systems.' },
			{ op: 'added', text: 'Comfortable leading and growing a team that builds low level distributed systems.' },
			{ op: 'skip', count: 18 },
		]);
		// Beyond the first, the fields that changed are still there; only the text diff is not made.
		expect(diff.changed[1]).toEqual({ ...all.changed[1], textDiff: undefined });
		expect(diff.closed[0]).toEqual({ ...all.closed[0], textDiff: undefined });
		const split = detailedSplit(diff, 1);
		expect([titles(split.changed.whole), titles(split.changed.listed), titles(split.closed.whole), titles(split.closed.listed)]).toEqual([
			['Engineering Manager, Workers Runtime'],
			['Systems Engineer, Global Scheduling'],
			[],
			['Senior Systems Engineer, Workers Runtime (C++)'],
		]);
		// The count runs on from one list to the next.
		const three = detailedSplit(diffRoles(baseline(), current, { detailed: 3 }), 3);
		expect([split.reopened, three.changed.listed, three.closed.listed]).toEqual([{ whole: [], listed: [] }, [], []]);
		expect(titles(three.closed.whole)).toEqual(['Senior Systems Engineer, Workers Runtime (C++)']);
	});

	it('reports a text change without a text diff when the baseline has no text (a manifest)', () => {
		const production = manifestOf(seedCatalogue().postings).roles;
		const [change] = diffRoles(production, edited({ '003': raiseColorado })).changed;
		expect(change!.fields.map((field) => field.field)).toEqual(['payRanges', 'text']);
		expect(change!.textDiff).toBeUndefined();
	});
});

describe('manifestOf', () => {
	it('publishes open and closed roles sorted by id, never drafts, with the digest of each role text', () => {
		const postings = edited({ '001': close }, [draft]);
		const manifest = manifestOf(postings);
		expect(manifestSchema.parse(manifest)).toEqual(manifest);
		expect(manifest.roles.map((role) => [role.id, role.status])).toEqual([
			[ids['000'], 'open'],
			[ids['001'], 'closed'],
			[ids['002'], 'open'],
			[ids['003'], 'open'],
			[ids['004'], 'open'],
		]);
		const posting = postings.find((item) => item.id === ids['003'])!;
		expect(manifest.roles[3]).toEqual({
			slug: 'systems-engineer-global-scheduling',
			id: ids['003'],
			status: 'open',
			title: 'Systems Engineer, Global Scheduling',
			team: null,
			locations: [],
			payRanges: scheduling.before,
			applyUrl: 'https://www.cloudflare.com/careers/jobs/',
			digest: createHash('sha256').update(roleText(posting)).digest('hex'),
		});
		expect(JSON.stringify(manifest)).not.toContain('Draft Role');
	});

	it('takes the digests made when the postings were stored, and reads the text of the others', () => {
		const postings = seedCatalogue().postings;
		const [first, ...rest] = postings;
		const stored = new Map(rest.map((posting) => [posting.slug, createHash('sha256').update(roleText(posting)).digest('hex')]));
		expect(manifestOf(postings, stored)).toEqual(manifestOf(postings));
		// Given, a digest is published as given: the role's text is not read again.
		const given = manifestOf(postings, new Map([[first!.slug, 'f'.repeat(64)]]));
		expect(given.roles.find((role) => role.slug === first!.slug)!.digest).toBe('f'.repeat(64));
	});
});

describe('text diff', () => {
	it('diffs sequences by longest common subsequence, removals before additions', () => {
		expect(diffSequences(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])).toEqual([
			{ op: 'same', text: 'a' },
			{ op: 'removed', text: 'b' },
			{ op: 'added', text: 'x' },
			{ op: 'same', text: 'c' },
			{ op: 'same', text: 'd' },
			{ op: 'added', text: 'e' },
		]);
		expect(diffSequences(['b', 'a', 'c'], ['a', 'b', 'c'])).toEqual([
			{ op: 'removed', text: 'b' },
			{ op: 'same', text: 'a' },
			{ op: 'added', text: 'b' },
			{ op: 'same', text: 'c' },
		]);
		expect(diffSequences([], [])).toEqual([]);
	});

	it('shows a changed run too large to compare as removed, then added, whole, keeping the same head and tail', () => {
		// Every sentence rewritten, in a run whose table would be just over the limit: one more sentence than fits.
		const side = Math.floor(Math.sqrt(MAX_DIFF_CELLS));
		const before = ['Head.', ...Array.from({ length: side }, (_, n) => `Old ${n}.`), 'Tail.'];
		const after = ['Head.', ...Array.from({ length: side }, (_, n) => (n === 7 ? 'Old 7.' : `New ${n}.`)), 'Tail.'];
		const ops = diffSequences(before, after);
		expect(ops.map((item) => item.op)).toEqual(['same', ...Array<string>(side).fill('removed'), ...Array<string>(side).fill('added'), 'same']);
		expect([ops[1], ops[side + 1], ops.at(-2)]).toEqual([{ op: 'removed', text: 'Old 0.' }, { op: 'added', text: 'New 0.' }, { op: 'added', text: `New ${side - 1}.` }]);
		// One sentence fewer on a side fits: the unchanged sentence in the middle is found.
		expect(diffSequences(before.slice(0, -2).concat('Tail.'), after.slice(0, -2).concat('Tail.')).filter((item) => item.op === 'same').map((item) => item.text)).toEqual(['Head.', 'Old 7.', 'Tail.']);
	});

	it('compares sentence by sentence, so one edited figure marks one sentence', () => {
		expect(textDiff('Pay\nWe pay well. The range is $1. Ask us.', 'Pay\nWe pay well. The range is $2. Ask us.')).toEqual([
			{ op: 'same', text: 'Pay' },
			{ op: 'same', text: 'We pay well.' },
			{ op: 'removed', text: 'The range is $1.' },
			{ op: 'added', text: 'The range is $2.' },
			{ op: 'same', text: 'Ask us.' },
		]);
	});

	it('collapses unchanged runs beyond the context into skips', () => {
		const ops = diffSequences(['a', 'b', 'c', 'd', 'e', 'f'], ['a', 'b', 'c', 'X', 'e', 'f']);
		expect(collapseDiff(ops, 1)).toEqual([
			{ op: 'skip', count: 2 },
			{ op: 'same', text: 'c' },
			{ op: 'removed', text: 'd' },
			{ op: 'added', text: 'X' },
			{ op: 'same', text: 'e' },
			{ op: 'skip', count: 1 },
		]);
		expect(collapseDiff(diffSequences(['a'], ['a']))).toEqual([{ op: 'skip', count: 1 }]);
	});
});
