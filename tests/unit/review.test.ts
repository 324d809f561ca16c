import { spawnSync } from 'node:child_process';
import { makePlace } from '../../src/postings/places/make.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { duplicateFindings, DUPLICATE_THRESHOLD, jaccard, roleText, similarGroups, tokenSet, Vocabulary } from '../../src/review/corpus.ts';
import { payRangeFindings } from '../../src/review/fields.ts';
import { payTransparencyFindings, readPayTransparencyTable } from '../../src/review/pay-transparency.ts';
import { reviewCatalogue } from '../../src/review/review.ts';
import { formatAnnotations } from '../../src/review/format.ts';
import { insecureLinkFindings } from '../../src/review/source.ts';
import { payTransparencyRowSchema } from '../../src/schemas/pay-transparency.ts';
import { findingSchema } from '../../src/schemas/review.ts';
import type { Posting } from '../../src/schemas/posting.ts';
import { errorOf, FIXTURES, seed, seedCatalogue, seedFiles, site, TODAY } from './helpers.ts';

const table = readPayTransparencyTable();
const sources = new Map(seedFiles().map((file) => [file.file, file.source]));
const findings = reviewCatalogue(seedCatalogue(), { today: TODAY, defaultApplyUrl: site.defaultApplyUrl });
const short = (file: string) => file.split('/').pop()!.slice(0, 3);
const ids = (list: typeof findings) => list.map((finding) => `${short(finding.file)} ${finding.field} ${finding.rule} ${finding.severity}`);

/** A posting built through the real pipeline from seed 003 with other front matter. */
function with003(frontMatter: string): Posting {
	const source = sources.get('tests/fixtures/seeds/003_2e4cdf5e0a274030.html')!.replace(/^---\n/, `---\n${frontMatter}\n`);
	return normalizePostings([{ file: 'x/003.html', source }], site, { today: TODAY }).postings[0]!;
}

describe('pay-transparency table', () => {
	it('has every required place, and every row validates', () => {
		const raw = readFileSync(join(FIXTURES, '../../src/review/data/pay-transparency.yaml'), 'utf8');
		expect(raw).toContain('effective:');
		for (const row of table) expect(payTransparencyRowSchema.safeParse(row).success).toBe(true);
		// The full list, and what each row records, is tested in pay-laws.test.ts.
		expect(table.map((row) => row.id)).toEqual([
			'us-co', 'us-ca', 'us-wa', 'us-ny', 'us-ny-nyc', 'us-hi', 'us-il', 'us-md', 'us-mn', 'us-vt', 'us-ma', 'us-nj',
			'us-nj-jersey-city', 'us-dc', 'us-oh-cleveland', 'us-oh-columbus', 'us-va', 'us-de', 'us-me', 'ca-bc', 'ca-on', 'ca-pe', 'eu',
		]);
		expect(table.find((row) => row.id === 'ca-on')?.effective).toBe('2026-01-01');
		expect(table.every((row) => row.source.startsWith('https://'))).toBe(true);
	});
});

describe('review of the five seeds', () => {
	it('gives exactly these findings, every one well-formed', () => {
		for (const finding of findings) expect(findingSchema.safeParse(finding).success).toBe(true);
		expect(ids(findings)).toEqual([
			'000 title inferred-field warning',
			// Lisbon is in the EU: the directive wants the range in the ad or before the interview.
			'000 locations[1] pay-transparency info',
			'000 applyUrl apply-url-default info',
			'000 team inferred-field info',
			'000 locations inferred-field info',
			'001 locations no-location warning',
			'001 title inferred-field warning',
			'001 applyUrl apply-url-default info',
			'001 team inferred-field info',
			'001 department inferred-field info',
			'002 title inferred-field warning',
			'002 locations[0] pay-transparency info',
			'002 locations[1] pay-transparency info',
			'002 locations[3] pay-transparency info',
			'002 applyUrl apply-url-default info',
			'002 team inferred-field info',
			'002 department inferred-field info',
			'002 locations inferred-field info',
			'003 locations no-location warning',
			'003 payRanges hidden-value-mismatch warning',
			'003 payRanges hidden-value-mismatch warning',
			'003 applyUrl apply-url-default info',
			'003 body tracking-removed info',
			'004 locations no-location warning',
			'004 applyUrl apply-url-default info',
			'004 team inferred-field info',
			'004 department inferred-field info',
		]);
	});

	it('names the seeds without a place: 001, 003, 004', () => {
		expect(findings.filter((finding) => finding.rule === 'no-location').map((finding) => short(finding.file))).toEqual(['001', '003', '004']);
	});

	it("reports 003's stale spreadsheet numbers with both values", () => {
		const hidden = findings.filter((finding) => finding.rule === 'hidden-value-mismatch').map((finding) => finding.message);
		expect(hidden).toEqual([
			'hidden data-sheets-value says 137000 but the text shows 168,000, in "For Colorado-based hires: Estimated annual salary of $168,000 - $206,000."',
			'hidden data-sheets-value says 167000 but the text shows 206,000, in "For Colorado-based hires: Estimated annual salary of $168,000 - $206,000."',
		]);
	});

	it('shows the evidence of an inferred title and the removed tracking parameters', () => {
		expect(findings.find((finding) => short(finding.file) === '000' && finding.field === 'title')?.message).toContain(
			'from "EngineeringManagerWorkersRuntime-AbouttheTeam"',
		);
		expect(findings.find((finding) => finding.rule === 'tracking-removed')?.message).toMatch(/^20 tracking parameters were removed from links: utm_source, /);
	});

	it('finds no duplicate among the seeds; the closest pair is 000/001', () => {
		const posts = seedCatalogue().postings;
		const score = jaccard(tokenSet(roleText(posts[0]!)), tokenSet(roleText(posts[1]!)));
		expect(score).toBeGreaterThan(0.5);
		expect(score).toBeLessThan(DUPLICATE_THRESHOLD);
		expect(duplicateFindings(posts)).toEqual([]);
		const copy = { ...posts[2]!, file: 'x/copy.html' };
		expect(duplicateFindings([posts[2]!, copy]).map((finding) => [finding.file, finding.severity])).toEqual([['x/copy.html', 'warning']]);
	});

	it('warns once per copy in the same place, naming the first; the same text elsewhere is a role in many places', () => {
		const original = seedCatalogue().postings[2]!;
		expect(original.locations.map((place) => place.label)).toEqual(['Amsterdam, Netherlands or remote', 'Lisbon, Portugal or remote', 'London, United Kingdom or remote', 'Munich, Germany or remote']);
		const tokyo = makePlace({ city: 'Tokyo', country: 'JP' });
		const copy = (name: string, locations = original.locations) => ({ ...original, file: `x/${name}.html`, title: name, locations });
		const found = duplicateFindings([original, copy('b'), copy('c'), copy('tokyo', [tokyo]), copy('both', [tokyo, ...original.locations])]);
		expect(found.map((finding) => [finding.file, finding.message])).toEqual([
			['x/b.html', `the role text shares 100% of its words with ${original.file} ("${original.title}"), in the same place`],
			['x/c.html', `the role text shares 100% of its words with ${original.file} ("${original.title}"), in the same place`],
			// Tokyo's copy is the first there; the last copy shares Tokyo with it, and the original's places with the original, the earlier.
			['x/both.html', `the role text shares 100% of its words with ${original.file} ("${original.title}"), in the same place`],
		]);
	});

	it('reads the same words with or without letters beyond ASCII', () => {
		// Typographic punctuation alone keeps the ASCII reading; a letter beyond ASCII takes the Unicode one.
		expect([...tokenSet('We’re hiring C++ & C# devs — 401(k), “Full-time”.')]).toEqual(['we’re', 'hiring', 'c++', 'c#', 'devs', '401', 'k', 'full-time']);
		expect([...tokenSet('Développeur·se C++ à Zürich, Größe 2–3 ans')]).toEqual(['développeur', 'se', 'c++', 'à', 'zürich', 'größe', '2', '3', 'ans']);
		const vocabulary = new Vocabulary();
		const first = vocabulary.wordsOf('b a c a');
		expect([...first]).toEqual([0, 1, 2]);
		expect([...vocabulary.wordsOf('c d b')]).toEqual([0, 2, 3]);
	});

	it('finds every pair of word sets at least that alike without comparing every pair', () => {
		// Each seed's words, and 60 copies of each with a few words swapped for others (a fixed pseudo-random draw): pairs on both sides of the threshold.
		let state = 12345;
		const random = (below: number) => {
			state = (state * 1103515245 + 12345) % 2147483648;
			return state % below;
		};
		const sets = seedCatalogue().postings.flatMap((posting) => {
			const words = [...tokenSet(roleText(posting))];
			return Array.from({ length: 60 }, () => {
				const copy = new Set(words);
				for (let swap = random(words.length / 6); swap > 0; swap -= 1) {
					copy.delete(words[random(words.length)]!);
					copy.add(`other${random(200)}`);
				}
				return [...copy].sort();
			});
		});
		// And the tightest pairs: a set with words no other set has, and the same set without them, 80% of it.
		for (const [at, posting] of seedCatalogue().postings.entries()) {
			const words = [...tokenSet(roleText(posting))];
			const own = Array.from({ length: Math.floor(words.length / 4) }, (_, n) => `only${at}x${n}`);
			sets.push([...words, ...own].sort(), [...words].sort());
		}
		const everyPair: string[] = [];
		for (let a = 0; a < sets.length; a += 1) {
			for (let b = a + 1; b < sets.length; b += 1) {
				const score = jaccard(new Set(sets[a]), new Set(sets[b]));
				if (score >= DUPLICATE_THRESHOLD) everyPair.push(`${a}-${b} ${score.toFixed(4)}`);
			}
		}
		const vocabulary = new Vocabulary();
		const found = [...similarGroups(sets.map((words) => vocabulary.idsOf(words)))].flatMap(([a, pairs]) => pairs.filter(([b]) => a < b).map(([b, score]) => `${a}-${b} ${score.toFixed(4)}`));
		expect(everyPair.length).toBeGreaterThan(1000);
		expect(found.sort()).toEqual(everyPair.sort());
	});
});

describe('pay transparency', () => {
	it("is satisfied by 003's Colorado and New York City ranges for Denver and New York", () => {
		const posting = with003('locations:\n  - { city: Denver, region: CO, country: US }\n  - { city: New York, region: NY, country: US }');
		expect(posting.payRanges.map((range) => range.appliesTo)).toEqual(['Colorado', 'New York City']);
		expect(payTransparencyFindings(posting, table, TODAY)).toEqual([]);
	});

	it('is an error for a role in Denver with no range', () => {
		const posting = { ...seed('000'), locations: [makePlace({ city: 'Denver', region: 'CO', country: 'US' })] };
		const result = payTransparencyFindings(posting, table, TODAY);
		expect(result.map((finding) => [finding.rule, finding.severity, finding.field])).toEqual([['pay-transparency', 'error', 'locations[0]']]);
		expect(result[0]!.message).toContain('"Denver, Colorado" is in Colorado');
		// Before the law took effect there is nothing to report.
		expect(payTransparencyFindings(posting, table, '2020-12-31')).toEqual([]);
	});

	it('wants a range for the place itself: a Colorado range does not cover Seattle', () => {
		const posting = with003('locations:\n  - { city: Seattle, region: WA, country: US }');
		expect(payTransparencyFindings(posting, table, TODAY).map((finding) => finding.severity)).toEqual(['error']);
	});

	it('treats remote anywhere in the US as an error where remote roles are covered, a warning where unclear', () => {
		const posting = with003('locations:\n  - { country: US, remote: true }');
		const result = payTransparencyFindings(posting, table, TODAY);
		// Colorado's range covers Colorado; "New York City" names New York, so it counts for the state too.
		expect(result.map((finding) => finding.severity)).toEqual(['error', 'warning']);
		const places = (message: string) => [...message.matchAll(/(?:in |, )([A-Z][\w .]*?) \[/g)].map((match) => match[1]);
		expect(places(result[0]!.message)).toEqual(['California', 'Washington', 'New Jersey']);
		// Illinois covers remote roles only where work there is reasonably foreseeable: unclear.
		expect(places(result[1]!.message)).toEqual([
			'Hawaii', 'Illinois', 'Maryland', 'Minnesota', 'Vermont', 'Massachusetts', 'Jersey City', 'District of Columbia', 'Cleveland', 'Virginia', 'Maine',
		]);
	});

	it('applies Ontario only from 2026-01-01; Texas has no law', () => {
		const posting = with003('locations:\n  - { city: Toronto, region: ON, country: CA }\n  - Austin, Texas');
		const unlabelled = { ...posting, payRanges: [] };
		expect(payTransparencyFindings(unlabelled, table, '2025-12-31')).toEqual([]);
		expect(payTransparencyFindings(unlabelled, table, '2026-01-01').map((finding) => finding.field)).toEqual(['locations[0]']);
	});
});

describe('pay ranges the pipeline lets through', () => {
	it('rejects min > max itself, so the rule guards other sources', () => {
		const source = '---\ntitle: Tester\n---\n<p>We test things all day long, carefully.</p><p>Salary: $206,000 - $168,000 per year.</p>';
		expect(errorOf([{ file: 'x/inverted.html', source }])).toContain('min must not exceed max');
		const posting = { ...seed('003'), payRanges: [{ min: 2, max: 1, currency: 'XYZ', period: 'YEAR' as const, text: '2 - 1' }] };
		expect(payRangeFindings(posting).map((finding) => [finding.rule, finding.severity])).toEqual([
			['pay-range-inverted', 'error'],
			['pay-range-currency', 'error'],
		]);
	});
});

describe('links', () => {
	it('warns about http links in the role text', () => {
		const posting = { ...seed('000'), sections: [{ id: 'about', kind: 'role' as const, html: '<p><a href="http://example.com/x">docs</a></p>' }] };
		expect(insecureLinkFindings(posting).map((finding) => [finding.field, finding.message])).toEqual([
			['sections.about', 'the link "docs" goes to http://example.com/x, which is not https'],
		]);
	});
});

describe('annotations', () => {
	it('escape the separators GitHub reads', () => {
		const text = formatAnnotations([{ rule: 'r', severity: 'info', file: 'a,b.html', field: 'f', message: '100% done\nok', fix: 'x' }]);
		expect(text).toBe('::notice file=a%2Cb.html,title=r (f)::100%25 done%0Aok. Fix: x\n');
	});
});

describe('review command', () => {
	const node = process.execPath;
	const run = (dir: string, env: Record<string, string> = {}) =>
		spawnSync(node, ['src/review/cli.ts', `--today=${TODAY}`], {
			encoding: 'utf8',
			env: { ...process.env, POSTINGS_DIR: dir, SITE_CONFIG: 'tests/fixtures/site.yaml', GITHUB_ACTIONS: '', ...env },
		});

	it('exits 1 on the lifecycle fixture: remote US 004 has no pay range, benefits or closing date; Denver 003 no closing date', () => {
		const result = run('tests/fixtures/lifecycle');
		expect(result.status).toBe(1);
		const lines = result.stdout.split('\n');
		expect(lines[0]).toMatch(/^file +\| field +\| rule +\| severity \| message +\| fix$/);
		expect(lines.find((line) => line.includes('pay-transparency') && line.includes('| error '))).toMatch(
			/^tests\/fixtures\/lifecycle\/004_cloudflare-tunnel\.html +\| locations\[0\] +\| pay-transparency +\| error +\| "Remote, United States" is remote/,
		);
		expect(lines.filter((line) => line.includes('| error ')).map((line) => line.split('|').slice(0, 3).map((cell) => cell.trim()).join(' '))).toEqual([
			'tests/fixtures/lifecycle/003_global-scheduling.html validThrough pay-closing-date',
			'tests/fixtures/lifecycle/004_cloudflare-tunnel.html locations[0] pay-transparency',
			'tests/fixtures/lifecycle/004_cloudflare-tunnel.html body pay-benefits',
			'tests/fixtures/lifecycle/004_cloudflare-tunnel.html validThrough pay-closing-date',
		]);
		expect(lines.at(-2)).toBe('4 errors, 8 warnings, 21 info in 6 files');
	});

	it('exits 0 on the seeds and prints annotations under GitHub Actions', () => {
		const result = run('tests/fixtures/seeds', { GITHUB_ACTIONS: 'true' });
		expect(result.status).toBe(0);
		const lines = result.stdout.trim().split('\n');
		expect(lines).toHaveLength(27);
		expect(lines[0]).toBe(
			'::warning file=tests/fixtures/seeds/000_d1e515e116b35d49.html,title=inferred-field (title)::"Engineering Manager, Workers Runtime" was inferred from "EngineeringManagerWorkersRuntime-AbouttheTeam"; confirm it, since it is the heading, the listing entry and what Google shows. Fix: Add `title:` to the front matter with the value you want',
		);
		expect(lines.filter((line) => line.startsWith('::error'))).toEqual([]);
		expect(lines.filter((line) => line.startsWith('::warning'))).toHaveLength(8);
	});

	it('exits 1 with the pipeline message when postings cannot be built', () => {
		const result = run('tests/fixtures/no-such-folder');
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('a folder of posting files');
	});
});

