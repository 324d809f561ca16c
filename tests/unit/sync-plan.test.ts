import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AtsPosting, BoardSnapshot } from '../../src/ats/shared/types.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { fileNameFor, planSync, type LocalFile, type SyncPlan } from '../../src/sync/plan.ts';
import { FIXTURES, site, TODAY } from './helpers.ts';

const seedsDir = join(FIXTURES, 'seeds');
/** A seed's ATS HTML, without the front matter the hand-written copies carry. */
const seedHtml = (prefix: string) =>
	readFileSync(join(seedsDir, readdirSync(seedsDir).find((name) => name.startsWith(prefix))!), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');

/** The five hand-written seed postings, as the folder holds them before any sync. */
const handWritten: LocalFile[] = readdirSync(seedsDir)
	.sort()
	.map((name) => ({ name, text: readFileSync(join(seedsDir, name), 'utf8') }));

function role(id: string, prefix: string, fields: Partial<AtsPosting['fields']> & { title: string }): AtsPosting {
	return { system: 'greenhouse', board: 'acme', id, url: `https://boards.greenhouse.io/acme/jobs/${id}`, fields, html: seedHtml(prefix), notes: [] };
}

const scheduling = () =>
	role('4000003', '003', {
		title: 'Systems Engineer, Global Scheduling',
		department: 'Engineering',
		team: 'Global Scheduling',
		locations: [
			{ city: 'Denver', region: 'CO', country: 'US', remote: false },
			{ city: 'New York', region: 'NY', country: 'US', remote: false },
		],
		employmentType: 'FULL_TIME',
		datePosted: '2026-10-20',
		applyUrl: 'https://boards.greenhouse.io/acme/jobs/4000003',
		payRanges: [
			{ appliesTo: 'Colorado', min: 168000, max: 206000, currency: 'USD', period: 'YEAR' },
			{ appliesTo: 'New York City', min: 187000, max: 229000, currency: 'USD', period: 'YEAR' },
		],
	});
// Same title as hand-written seed 000: its slug must not clash.
const runtimeManager = () =>
	role('4000000', '000', {
		title: 'Engineering Manager, Workers Runtime',
		department: 'Engineering',
		locations: [{ city: 'Lisbon', country: 'PT', remote: false }],
		datePosted: '2026-09-14',
	});

function snapshot(postings: AtsPosting[], extra: Partial<BoardSnapshot> = {}): BoardSnapshot {
	return { system: 'greenhouse', board: 'acme', postings, rejected: [], skipped: [], total: postings.length + (extra.rejected?.length ?? 0), ...extra };
}

/** Seed slugs, as the sync's runner would collect them from the pipeline. */
const takenSlugs = new Set(
	normalizePostings(
		handWritten.map((file) => ({ file: file.name, source: file.text })),
		site,
		{ today: TODAY },
	).postings.map((posting) => posting.slug),
);

function apply(files: LocalFile[], plan: SyncPlan): LocalFile[] {
	const next = new Map(files.map((file) => [file.name, file.text]));
	for (const change of plan.changes) next.set(change.name, change.text);
	return [...next].map(([name, text]) => ({ name, text })).sort((a, b) => a.name.localeCompare(b.name));
}

const frontMatter = (text: string) => parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, any>;
const file = (files: LocalFile[], name: string) => files.find((entry) => entry.name === name)!.text;
const sync = (files: LocalFile[], postings: AtsPosting[], extra: Partial<BoardSnapshot> = {}, force = false) =>
	planSync(snapshot(postings, extra), files, { takenSlugs, force });

describe('planSync', () => {
	const first = sync(handWritten, [runtimeManager(), scheduling()]);
	const afterFirst = apply(handWritten, first);

	it('adds one file per role, named by system and ATS id, with the ATS fields as front matter and the HTML unchanged', () => {
		expect(first.refusal).toBeUndefined();
		expect(first.changes.map((change) => [change.kind, change.name])).toEqual([
			['added', 'greenhouse-4000000.html'],
			['added', 'greenhouse-4000003.html'],
		]);
		const text = file(afterFirst, 'greenhouse-4000003.html');
		const data = frontMatter(text);
		expect(data).toMatchObject({
			title: 'Systems Engineer, Global Scheduling',
			slug: 'systems-engineer-global-scheduling-denver',
			team: 'Global Scheduling',
			locations: [
				{ city: 'Denver', region: 'CO', country: 'US', remote: false },
				{ city: 'New York', region: 'NY', country: 'US', remote: false },
			],
			payRanges: [
				{ appliesTo: 'Colorado', min: 168000, max: 206000, currency: 'USD', period: 'YEAR' },
				{ appliesTo: 'New York City', min: 187000, max: 229000, currency: 'USD', period: 'YEAR' },
			],
			status: 'open',
			ats: { system: 'greenhouse', board: 'acme', id: '4000003', url: 'https://boards.greenhouse.io/acme/jobs/4000003' },
		});
		expect(data.ats.synced.team).toBe('Global Scheduling');
		expect(data.ats.synced.body).toMatch(/^sha256:[0-9a-f]{16}$/);
		expect(text.slice(text.indexOf('\n---\n') + 5)).toBe(`${seedHtml('003').trimEnd()}\n`);
		// A place per line, readable in a pull request.
		expect(text).toContain('  - { city: Denver, region: CO, country: US, remote: false }\n');
	});

	it('gives a role whose title a hand-written posting already uses a slug of its own', () => {
		expect(takenSlugs.has('engineering-manager-workers-runtime')).toBe(true);
		expect(frontMatter(file(afterFirst, 'greenhouse-4000000.html')).slug).toBe('engineering-manager-workers-runtime-lisbon');
	});

	it('keeps a long title\'s slug within 80 characters when it adds the place, and adds every role', () => {
		// Databricks' board: one title in nine cities. "…-los-angeles" made 86 characters, which the posting schema
		// refuses: the sync left all nine roles out.
		const title = 'Sr. Forward Deployed Engineer (FDE) - Communications, Media, Entertainment & Games';
		const roles = ['Los Angeles', 'Seattle', 'Philadelphia'].map((city, index) => ({
			...role(`800000${index}`, '000', { title, locations: [{ city, region: 'CA', country: 'US', remote: false }], datePosted: '2026-11-02' }),
		}));
		const plan = sync(handWritten, roles);
		expect(plan.rejected).toEqual([]);
		const slugs = plan.changes.map((change) => frontMatter(change.text).slug as string);
		expect(slugs).toEqual([
			'sr-forward-deployed-engineer-fde-communications-media-entertainment-games',
			'sr-forward-deployed-engineer-fde-communications-media-entertainment-seattle',
			'sr-forward-deployed-engineer-fde-communications-media-entertainment-philadelphia',
		]);
		for (const slug of slugs) expect(slug.length).toBeLessThanOrEqual(80);
	});

	it('never touches hand-written postings, and the result builds', () => {
		for (const seed of handWritten) expect(file(afterFirst, seed.name)).toBe(seed.text);
		const { postings } = normalizePostings(
			afterFirst.map((entry) => ({ file: entry.name, source: entry.text })),
			site,
			{ today: TODAY },
		);
		const synced = postings.find((posting) => posting.file === 'greenhouse-4000003.html')!;
		expect(synced.payRanges.map((range) => [range.appliesTo, range.min, range.max])).toEqual([
			['Colorado', 168000, 206000],
			['New York City', 187000, 229000],
		]);
		expect(synced.provenance.payRanges).toEqual({ source: 'given' });
		expect(synced.locations.map((place) => place.label)).toEqual(['Denver, Colorado', 'New York, New York']);
		expect(postings.find((posting) => posting.id === 'greenhouse-4000000')?.datePosted).toBe('2026-09-14');
	});

	it('writes the ATS\'s application deadline as validThrough, and follows it when the ATS moves it', () => {
		const deadline = (validThrough: string) => ({ ...scheduling(), fields: { ...scheduling().fields, validThrough } });
		const withDeadline = apply(afterFirst, sync(afterFirst, [runtimeManager(), deadline('2026-12-18T17:00:00-05:00')]));
		const data = frontMatter(file(withDeadline, 'greenhouse-4000003.html'));
		expect([data.validThrough, data.ats.synced.validThrough]).toEqual(['2026-12-18T17:00:00-05:00', '2026-12-18T17:00:00-05:00']);
		const built = () =>
			normalizePostings(
				withDeadline.map((entry) => ({ file: entry.name, source: entry.text })),
				site,
				{ today: TODAY },
			).postings.find((posting) => posting.file === 'greenhouse-4000003.html')!;
		expect([built().validThrough, built().closesAt]).toEqual(['2026-12-18', '2026-12-18T22:00:00.000Z']);
		const moved = sync(withDeadline, [runtimeManager(), deadline('2027-01-08T17:00:00-05:00')]);
		expect(moved.changes.map((change) => [change.name, change.fields])).toEqual([['greenhouse-4000003.html', ['validThrough']]]);
	});

	it('changes nothing on a second run with no upstream change', () => {
		const second = sync(afterFirst, [runtimeManager(), scheduling()]);
		expect(second.changes).toEqual([]);
		expect(second.unchanged).toEqual(['greenhouse-4000000.html', 'greenhouse-4000003.html']);
	});

	it('updates only what the ATS changed, and keeps the slug when the title changes', () => {
		const renamed = scheduling();
		renamed.fields.title = 'Senior Systems Engineer, Global Scheduling';
		renamed.fields.payRanges = [{ appliesTo: 'Colorado', min: 175000, max: 210000, currency: 'USD', period: 'YEAR' }];
		const plan = sync(afterFirst, [runtimeManager(), renamed]);
		expect(plan.changes.map((change) => [change.kind, change.name, change.fields])).toEqual([
			['updated', 'greenhouse-4000003.html', ['title', 'payRanges']],
		]);
		const data = frontMatter(plan.changes[0]!.text);
		expect(data.title).toBe('Senior Systems Engineer, Global Scheduling');
		expect(data.slug).toBe('systems-engineer-global-scheduling-denver');
		expect(data.payRanges).toEqual([{ appliesTo: 'Colorado', min: 175000, max: 210000, currency: 'USD', period: 'YEAR' }]);
	});

	describe('with a recruiter’s edits', () => {
		const edited = afterFirst.map((entry) =>
			entry.name === 'greenhouse-4000003.html'
				? {
						...entry,
						text: entry.text
							.replace('team: Global Scheduling\n', '# Corrected: the team was renamed last quarter.\nteam: Traffic Scheduling\n')
							.replace(/\nemploymentType: FULL_TIME\n/, '\n'),
					}
				: entry,
		);

		it('keeps an edited field, with its comment, and restores a deleted one from the ATS', () => {
			const plan = sync(edited, [runtimeManager(), scheduling()]);
			expect(plan.changes.map((change) => [change.name, change.fields])).toEqual([['greenhouse-4000003.html', ['employmentType']]]);
			const text = plan.changes[0]!.text;
			expect(text).toContain('# Corrected: the team was renamed last quarter.\nteam: Traffic Scheduling\n');
			expect(frontMatter(text).employmentType).toBe('FULL_TIME');
			expect(plan.kept).toEqual([
				{ name: 'greenhouse-4000003.html', field: 'team', local: 'Traffic Scheduling', ats: 'Global Scheduling', atsChanged: false },
			]);
		});

		it('keeps the edit when the ATS changes the field too, and says so', () => {
			const moved = scheduling();
			moved.fields.team = 'Scheduling Platform';
			const plan = sync(edited, [runtimeManager(), moved]);
			const data = frontMatter(plan.changes[0]!.text);
			expect(data.team).toBe('Traffic Scheduling');
			expect(data.ats.synced.team).toBe('Scheduling Platform');
			expect(plan.kept).toContainEqual({
				name: 'greenhouse-4000003.html',
				field: 'team',
				local: 'Traffic Scheduling',
				ats: 'Scheduling Platform',
				atsChanged: true,
			});
		});

		it('keeps an edited body, and takes the ATS text again once the body is emptied', () => {
			const bodyEdited = afterFirst.map((entry) =>
				entry.name === 'greenhouse-4000003.html' ? { ...entry, text: entry.text.replace('Sound like something', 'Sound (fixed typo) like something') } : entry,
			);
			const changedText = scheduling();
			changedText.html = changedText.html.replace('</p>', ' Updated upstream.</p>');
			const plan = sync(bodyEdited, [runtimeManager(), changedText]);
			expect(plan.changes[0]!.fields).toEqual([]);
			expect(plan.changes[0]!.text).toContain('(fixed typo)');
			expect(plan.kept).toContainEqual(expect.objectContaining({ field: 'body', atsChanged: true }));

			const emptied = bodyEdited.map((entry) =>
				entry.name === 'greenhouse-4000003.html' ? { ...entry, text: entry.text.slice(0, entry.text.indexOf('\n---\n') + 5) } : entry,
			);
			const back = sync(emptied, [runtimeManager(), changedText]);
			expect(back.changes[0]!.fields).toEqual(['body']);
			expect(back.changes[0]!.text).toContain('Updated upstream.');
		});
	});

	describe('closing and reopening', () => {
		const closing = sync(afterFirst, [scheduling()]);
		const afterClose = apply(afterFirst, closing);

		it('closes a role that disappeared upstream, keeping the file and its text', () => {
			expect(closing.changes.map((change) => [change.kind, change.name, change.fields])).toEqual([['closed', 'greenhouse-4000000.html', ['status']]]);
			const text = file(afterClose, 'greenhouse-4000000.html');
			expect(frontMatter(text).status).toBe('closed');
			expect(text).toContain(seedHtml('000'));
			expect(sync(afterClose, [scheduling()]).changes).toEqual([]);
		});

		it('reopens it when it comes back', () => {
			const plan = sync(afterClose, [runtimeManager(), scheduling()]);
			expect(plan.changes.map((change) => [change.kind, change.name])).toEqual([['reopened', 'greenhouse-4000000.html']]);
			expect(frontMatter(plan.changes[0]!.text).status).toBe('open');
		});

		it('leaves a role a recruiter closed by hand closed while the ATS still lists it', () => {
			const closedByHand = afterFirst.map((entry) =>
				entry.name === 'greenhouse-4000000.html' ? { ...entry, text: entry.text.replace('status: open', 'status: closed') } : entry,
			);
			const plan = sync(closedByHand, [runtimeManager(), scheduling()]);
			expect(plan.changes).toEqual([]);
			expect(plan.kept).toEqual([{ name: 'greenhouse-4000000.html', field: 'status', local: 'closed', ats: 'open', atsChanged: false }]);
		});

		it('neither adds nor closes a role whose row was rejected', () => {
			const plan = sync(afterFirst, [scheduling()], { rejected: [{ id: '4000000', field: 'title', message: 'expected string, received null' }] });
			expect(plan.changes).toEqual([]);
			expect(plan.unchanged).toContain('greenhouse-4000000.html');
			expect(plan.rejected).toEqual([{ id: '4000000', field: 'title', message: 'expected string, received null' }]);
		});

		it('asks which closed files the site retired only of roles closed here and still gone, and removes those', () => {
			const asked: string[][] = [];
			const retired = (names: readonly string[]) => (asked.push([...names]), new Set(names));
			// Closing in this run: not asked (the closing commit is not made yet); the role runs its days from now.
			expect(planSync(snapshot([scheduling()]), afterFirst, { takenSlugs, retired }).removed).toEqual([]);
			expect(asked).toEqual([]);
			const plan = planSync(snapshot([scheduling()]), afterClose, { takenSlugs, retired });
			expect(asked).toEqual([['greenhouse-4000000.html']]);
			expect(plan.removed).toEqual([{ name: 'greenhouse-4000000.html', id: '4000000', title: 'Engineering Manager, Workers Runtime' }]);
			expect(plan.changes).toEqual([]);
			expect(plan.unchanged).toEqual(['greenhouse-4000003.html']);
			// Back in the ATS, or possibly among rows without an id: never removed.
			expect(planSync(snapshot([runtimeManager(), scheduling()]), afterClose, { takenSlugs, retired }).removed).toEqual([]);
			expect(planSync(snapshot([scheduling()], { rejected: [{ field: 'row 2', message: 'expected object' }] }), afterClose, { takenSlugs, retired }).removed).toEqual([]);
			expect(asked).toHaveLength(1);
		});

		it('closes nothing when a rejected row has no id: it could be any of ours', () => {
			const plan = sync(afterFirst, [scheduling()], { rejected: [{ field: 'row 2', message: 'expected object' }] });
			expect(plan.changes).toEqual([]);
			expect(plan.notes.join('\n')).toMatch(/no role was closed/);
		});
	});

	describe('refusals', () => {
		it('refuses to close every role when the ATS returns none, unless forced', () => {
			const plan = sync(afterFirst, []);
			expect(plan.changes).toEqual([]);
			expect(plan.refusal).toMatch(/returned no roles for board "acme" while 2 synced roles are open here.*--force/);
			const forced = sync(afterFirst, [], {}, true);
			expect(forced.refusal).toBeUndefined();
			expect(forced.changes.map((change) => change.kind)).toEqual(['closed', 'closed']);
		});

		it('accepts an empty board when nothing synced is open', () => {
			const plan = sync(handWritten, []);
			expect(plan.refusal).toBeUndefined();
			expect(plan.changes).toEqual([]);
		});

		it('refuses when every row failed validation', () => {
			const plan = sync(handWritten, [], {
				rejected: [
					{ id: '1', field: 'title', message: 'expected string' },
					{ id: '2', field: 'title', message: 'expected string' },
				],
			});
			expect(plan.refusal).toMatch(/every one of the 2 rows Greenhouse returned failed validation/);
		});

		it('refuses when a file in the folder cannot be read, naming it', () => {
			const broken = [...afterFirst, { name: 'zz-broken.html', text: '---\ntitle: [unclosed\n---\n<p>x</p>\n' }];
			expect(sync(broken, [scheduling()]).refusal).toMatch(/^zz-broken\.html: front matter: expected valid YAML/);
		});

		it('refuses when two files claim the same ATS posting', () => {
			const twice = [...afterFirst, { name: 'copy.html', text: file(afterFirst, 'greenhouse-4000003.html') }];
			expect(sync(twice, [scheduling()]).refusal).toMatch(/greenhouse-4000003\.html and copy\.html both hold greenhouse posting 4000003; delete one/);
		});
	});

	it('names files by system and id only', () => {
		expect(fileNameFor('lever', '5ac21346-8e0c-4494-8e7a-3eb92ff77902')).toBe('lever-5ac21346-8e0c-4494-8e7a-3eb92ff77902.html');
		expect(fileNameFor('greenhouse', '4000003')).toBe('greenhouse-4000003.html');
	});
});
