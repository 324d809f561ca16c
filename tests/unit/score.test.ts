import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createHttpClient } from '../../src/ats/shared/http.ts';
import { fetchLeverBoard } from '../../src/ats/lever/source.ts';
import type { Label } from '../../src/schemas/corpus-labels.ts';
import type { Location } from '../../src/schemas/posting.ts';
import { readCorpus } from '../../src/score/corpus.ts';
import { judgePosting, matchPayRanges, matchPlaces, type ScoredPosting } from '../../src/score/match.ts';
import { scoreCorpus, type Score } from '../../src/score/score.ts';
import { startAtsServer } from '../../src/score/stand-in-server.ts';
import { standIns } from '../../src/score/stand-ins.ts';
import { FIXTURES, site, TODAY } from './helpers.ts';

/** A pipeline place, written out in full as the pipeline would give it. */
function place(parts: Partial<Location> & Pick<Location, 'kind' | 'name' | 'workplace'>): Location {
	return { id: 'x', countries: parts.country ? [parts.country] : [], remote: parts.workplace === 'remote', label: parts.name, ...parts };
}
const zurich = place({ kind: 'city', name: 'Zurich', city: 'Zurich', country: 'CH', workplace: 'hybrid' });
const label: Label = {
	id: '1',
	title: 'Platform Engineer',
	language: 'en',
	team: null,
	department: 'Engineering',
	employmentType: 'apprenticeship',
	places: [{ city: 'Zürich', region: 'CH-ZH', country: 'CH', workplace: 'hybrid' }],
	payRanges: [{ min: 140000, max: 160000, currency: 'CHF', period: 'year' }],
};
const posting: ScoredPosting = {
	title: ' Platform  Engineer',
	department: 'Engineering',
	employmentType: 'INTERN',
	locations: [zurich],
	payRanges: [{ min: 140000, max: 160000, currency: 'CHF', period: 'YEAR', text: 'CHF 140,000–160,000' }],
};

describe('the matching rules', () => {
	it('finds a posting that says what its labels say right on every field', () => {
		const verdict = judgePosting(label, posting);
		expect(verdict.fields.filter((field) => !field.right)).toEqual([]);
		expect(verdict.places.pairs).toHaveLength(1);
		expect(verdict.workplacesRight).toBe(1);
	});

	it('scores the language the page is shown in: the posting\'s own, else the site\'s', () => {
		const language = (verdict: ReturnType<typeof judgePosting>) => verdict.fields.find((field) => field.field === 'language');
		expect(language(judgePosting(label, { ...posting, lang: 'de-CH' }))).toEqual({ field: 'language', right: false, expected: 'en', got: 'de' });
		expect(language(judgePosting(label, { ...posting, lang: undefined }, 'ja'))).toEqual({ field: 'language', right: false, expected: 'en', got: 'ja' });
		expect(language(judgePosting(label, { ...posting, lang: undefined }, 'en-GB'))?.right).toBe(true);
	});

	it('pairs a place whose workplace is wrong, and counts the places field wrong', () => {
		const verdict = judgePosting(label, { ...posting, locations: [{ ...zurich, workplace: 'onsite', remote: false }] });
		expect(verdict.places.pairs).toHaveLength(1);
		expect(verdict.workplacesRight).toBe(0);
		expect(verdict.fields.find((field) => field.field === 'places')).toEqual({ field: 'places', right: false, expected: 'Zürich CH hybrid', got: 'Zurich CH onsite' });
	});

	it('counts a place the labels do not have as extra', () => {
		const berlin = place({ kind: 'city', name: 'Berlin', city: 'Berlin', country: 'DE', workplace: 'hybrid' });
		const matching = matchPlaces(label.places, [zurich, berlin]);
		expect(matching.pairs).toHaveLength(1);
		expect(matching.missing).toEqual([]);
		expect(matching.extra).toEqual([berlin]);
		expect(judgePosting(label, { ...posting, locations: [zurich, berlin] }).fields.find((field) => field.field === 'places')?.right).toBe(false);
	});

	it('keeps a different name for a city apart, and pairs areas by code or name', () => {
		const newYorkCity = place({ kind: 'city', name: 'New York City', city: 'New York City', country: 'US', workplace: 'onsite' });
		expect(matchPlaces([{ city: 'New York', country: 'US', workplace: 'onsite' }], [newYorkCity]).pairs).toEqual([]);
		const northAmerica = place({ kind: 'area', name: 'North America', area: 'NORTH_AMERICA', workplace: 'remote' });
		expect(matchPlaces([{ area: 'North America', workplace: 'remote' }], [northAmerica]).pairs).toHaveLength(1);
		const texas = place({ kind: 'region', name: 'Texas', region: 'TX', country: 'US', workplace: 'onsite' });
		expect(matchPlaces([{ country: 'US', workplace: 'onsite' }], [texas])).toEqual({ pairs: [], missing: [{ country: 'US', workplace: 'onsite' }], extra: [texas] });
	});

	it('pairs a place listed twice with the twin of the same workplace', () => {
		const remote = { ...zurich, workplace: 'remote' as const, remote: true };
		const matching = matchPlaces(
			[
				{ city: 'Zurich', country: 'CH', workplace: 'remote' },
				{ city: 'Zurich', country: 'CH', workplace: 'hybrid' },
			],
			[zurich, remote],
		);
		expect(matching.pairs.map((pair) => [pair.expected.workplace, pair.got.workplace])).toEqual([
			['remote', 'remote'],
			['hybrid', 'hybrid'],
		]);
	});

	it('counts a missing pay range against recall and the payRanges field', () => {
		const matching = matchPayRanges([...label.payRanges, { min: 70, max: 80, currency: 'CHF', period: 'hour' }], posting.payRanges);
		expect(matching.pairs).toHaveLength(1);
		expect(matching.missing).toEqual([{ min: 70, max: 80, currency: 'CHF', period: 'hour' }]);
		expect(judgePosting(label, { ...posting, payRanges: [] }).fields.find((field) => field.field === 'payRanges')).toEqual({
			field: 'payRanges',
			right: false,
			expected: '140000–160000 CHF YEAR',
			got: 'none',
		});
	});

	it('does not take a range left in cents for the range in whole units, but takes one divided to the cent', () => {
		const cents = { min: 14000000, max: 16000000, currency: 'CHF', period: 'YEAR' as const };
		expect(matchPayRanges(label.payRanges, [cents]).pairs).toEqual([]);
		const divided = { min: 4512345 / 100, max: 5000000 / 100, currency: 'USD', period: 'HOUR' as const };
		expect(matchPayRanges([{ min: 45123.45, max: 50000, currency: 'USD', period: 'hour' }], [divided]).pairs).toHaveLength(1);
	});

	it('takes a null label as no value, and compares text as shown', () => {
		const verdict = judgePosting({ ...label, team: null, department: null, employmentType: null }, { ...posting, team: 'Platform', department: undefined, employmentType: undefined });
		expect(verdict.fields.filter((field) => !field.right).map((field) => [field.field, field.expected, field.got])).toEqual([['team', 'none', '"Platform"']]);
		expect(judgePosting(label, { ...posting, title: 'platform engineer' }).fields[0]).toEqual({ field: 'title', right: false, expected: '"Platform Engineer"', got: '"platform engineer"' });
	});
});

describe('the stand-in APIs', () => {
	it("serves a Lever site page by page, as Lever's skip and limit do", async () => {
		const server = await startAtsServer();
		try {
			const corpus = readCorpus(join(FIXTURES, 'real'));
			const spotify = corpus.get('lever')!.find((file) => file.name === 'spotify')!;
			standIns.lever!(server, [spotify]);
			const snapshot = await fetchLeverBoard('spotify', { client: createHttpClient({ retries: 0 }), baseUrl: server.url }, 1);
			expect(snapshot.postings.map((row) => row.id)).toEqual(spotify.labels.map((entry) => entry.id));
			expect(server.requests.map((request) => request.path)).toEqual([0, 1, 2, 3].map((skip) => `/v0/postings/spotify?mode=json&skip=${skip}&limit=1`));
		} finally {
			await server.close();
		}
	});

	it('serves SmartRecruiters postings by company: a paged list with refs, and each posting', async () => {
		const server = await startAtsServer();
		try {
			const files = readCorpus(join(FIXTURES, 'real')).get('smartrecruiters')!;
			const boards = standIns.smartrecruiters!(server, files);
			expect(boards.find((board) => board.board === 'BoschGroup')?.files.map((file) => file.name)).toEqual(['BoschGroup-744000151640889', 'BoschGroup-744000152849704', 'BoschGroup-744000153229468']);
			const list = (await (await fetch(`${server.url}/v1/companies/BoschGroup/postings?offset=1&limit=1`)).json()) as { totalFound: number; content: Array<{ id: string; ref: string; jobAd?: unknown }> };
			expect(list.totalFound).toBe(3);
			expect(list.content.map((item) => [item.id, item.ref, item.jobAd])).toEqual([['744000152849704', `${server.url}/v1/companies/BoschGroup/postings/744000152849704`, undefined]]);
			const detail = (await (await fetch(list.content[0]!.ref)).json()) as { jobAd?: unknown };
			expect(detail.jobAd).toBeDefined();
		} finally {
			await server.close();
		}
	});
});

describe('a score of a small corpus', () => {
	let root: string;
	let score: Score;
	beforeAll(async () => {
		root = mkdtempSync(join(tmpdir(), 'score-test-'));
		const job = {
			id: 11,
			title: 'Platform Engineer',
			location: { name: 'London, United Kingdom' },
			absolute_url: 'https://boards.greenhouse.io/acme/jobs/11',
			content: '&lt;p&gt;You will build the platform our teams ship on.&lt;/p&gt;',
			updated_at: '2026-10-01T10:00:00-04:00',
			departments: [],
			offices: [],
			pay_input_ranges: [{ min_cents: 9000000, max_cents: 11000000, currency_type: 'GBP', title: 'Salary' }],
		};
		const untitled = { ...job, id: 12, title: '', pay_input_ranges: [] };
		mkdirSync(join(root, 'greenhouse'));
		writeFileSync(join(root, 'greenhouse', 'acme.json'), JSON.stringify({ jobs: [job, untitled] }));
		const labels: Label[] = [
			{
				id: '11',
				title: 'Platform Engineer',
				language: 'en',
				team: null,
				department: null,
				employmentType: null,
				places: [{ city: 'London', region: 'GB-LND', country: 'GB', workplace: 'hybrid' }],
				payRanges: [
					{ min: 90000, max: 110000, currency: 'GBP', period: 'year' },
					{ min: 45, max: 55, currency: 'GBP', period: 'hour' },
				],
			},
			{ id: '12', title: 'Untitled', language: 'en', team: null, department: null, employmentType: null, places: [{ country: 'GB', workplace: 'onsite' }], payRanges: [] },
		];
		writeFileSync(join(root, 'greenhouse', 'acme.labels.yaml'), stringify(labels));
		mkdirSync(join(root, 'workday'));
		writeFileSync(join(root, 'workday', 'acme.json'), '{}');
		writeFileSync(join(root, 'workday', 'acme.labels.yaml'), stringify([labels[0]]));
		score = await scoreCorpus({ root, site, today: TODAY });
	});
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	it('counts a posting the sync rejects as wrong on every field, and a vendor with no source as not scored', () => {
		expect(score.postings).toEqual({ scored: 2, missing: 1, notScored: { workday: 1 }, unlabelled: [] });
		expect(score.fields).toEqual({
			title: { right: 1, total: 2 },
			language: { right: 1, total: 2 },
			team: { right: 1, total: 2 },
			department: { right: 1, total: 2 },
			employmentType: { right: 1, total: 2 },
			places: { right: 0, total: 2 },
			payRanges: { right: 0, total: 2 },
		});
		expect(score.overall).toEqual({ right: 5, total: 14 });
	});

	it('counts places and pay ranges one to one over every posting, missing ones included', () => {
		expect(score.places).toEqual({ expected: 2, got: 1, matched: 1, precision: 1, recall: 0.5, workplace: { right: 0, total: 1 } });
		expect(score.payRanges).toEqual({ expected: 2, got: 1, matched: 1, precision: 1, recall: 0.5 });
	});

	it('lists every miss with what was expected and what came out', () => {
		const lines = score.misses.map((miss) => `${miss.board} ${miss.id} ${miss.field}: expected ${miss.expected} got ${miss.got}`);
		expect(lines.slice(0, 2)).toEqual([
			'greenhouse/acme 11 places: expected London GB hybrid got London GB onsite',
			'greenhouse/acme 11 payRanges: expected 90000–110000 GBP YEAR; 45–55 GBP HOUR got 90000–110000 GBP YEAR',
		]);
		// The rest of the line is the source's own rejection message, which is the source's to word.
		expect(lines.slice(2).map((line) => line.slice(0, line.indexOf('title:') + 'title:'.length))).toEqual(['greenhouse/acme 12 posting: expected "Untitled" got no posting (rejected: title:']);
	});
});

describe('the score of the real corpus', () => {
	// Floors are the figures last measured (2026-12-06: 827/852 fields over 142 postings, places 0.967/0.967; the
	// page's language, scored since stop 62, 142/142, so 969/994),
	// rounded down: the score may only go up. Raise them when the pipeline improves; a bigger corpus may need
	// them looked at again (HireVue's internship and Gong's "Remote (US)" office lowered three of them; the
	// fifth collection, 29 postings of 16 boards scored before any rule was changed for them, lowered most:
	// docs/decisions.md, "A fifth collection, scored before it was looked at"; collection F's Nory, two Dublin
	// places with no mode of their own on a job Ashby flags isRemote, which the labels read as offices, lowered
	// the places field and the workplace: "Collection F"; collection G's two Comand AI postings were right in every field;
	// collection H's Databricks posting, whose ATS department "Field Engineering - Other" the labels read as a
	// department and no team, lowered the overall, team and department floors: "A holdout of two (then seven)"; its 1X and Zoox
	// postings were right in every field; collection I, 15 postings of 7 boards, 96 of 105 fields right before any rule
	// was changed for them and 102 after, lowered the places floors: Blackshark's hybrid role with a "Home Office
	// (Austria)" location and its remote one filed under Graz, and KPMG's Auckland role listed in London too, are read
	// as the ATS lists them where the labels read the text: docs/decisions.md, "Collection I").
	let score: Score;
	beforeAll(async () => {
		score = await scoreCorpus({ root: join(FIXTURES, 'real'), site, today: TODAY });
	});
	const rate = (tally: { right: number; total: number }) => tally.right / tally.total;

	it('scores every labelled posting of every vendor with a source', () => {
		expect(score.postings.missing).toBe(0);
		expect(score.postings.unlabelled).toEqual([]);
		expect(score.postings.scored).toBeGreaterThanOrEqual(165);
	});

	it('gets at least as many fields right as it did', () => {
		expect(rate(score.overall)).toBeGreaterThanOrEqual(0.976);
		expect(rate(score.fields.title)).toBeGreaterThanOrEqual(0.999);
		expect(rate(score.fields.language)).toBeGreaterThanOrEqual(0.999);
		expect(rate(score.fields.team)).toBeGreaterThanOrEqual(0.981);
		expect(rate(score.fields.department)).toBeGreaterThanOrEqual(0.969);
		expect(rate(score.fields.employmentType)).toBeGreaterThanOrEqual(0.987);
		expect(rate(score.fields.places)).toBeGreaterThanOrEqual(0.909);
		expect(rate(score.fields.payRanges)).toBeGreaterThanOrEqual(0.987);
	});

	it('finds places and pay ranges at least as well as it did', () => {
		expect(score.places.precision).toBeGreaterThanOrEqual(0.959);
		expect(score.places.recall).toBeGreaterThanOrEqual(0.966);
		expect(rate(score.places.workplace)).toBeGreaterThanOrEqual(0.977);
		expect(score.payRanges.precision).toBeGreaterThanOrEqual(0.999);
		expect(score.payRanges.recall).toBeGreaterThanOrEqual(0.945);
	});
});
