import { describe, expect, it } from 'vitest';
import { buildMode } from '../../src/config/build-mode.ts';
import { buildTime } from '../../src/config/build-time.ts';
import { closedRoles, isListed, isRetired, unretired } from '../../src/routing/visibility.ts';
import { normalizePostings } from '../../src/postings/normalize.ts';
import { closesAt, isExpired } from '../../src/postings/valid-through.ts';
import { validThroughFindings } from '../../src/review/dates.ts';
import { reviewCatalogue } from '../../src/review/review.ts';
import { runReview } from '../../src/review/cli.ts';
import type { Posting } from '../../src/schemas/posting.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { errorOf, site, TODAY } from './helpers.ts';

const file = 'content/postings/a.html';
const role = (front: string) => `---\ntitle: Designer\nlocations: [Lisbon, Portugal]\n${front}\n---\n<h3>About the role</h3><p>Build things that matter for candidates.</p>`;
const build = (front: string, options: Parameters<typeof normalizePostings>[2] = { today: TODAY }): Posting =>
	normalizePostings([{ file, source: role(front) }], site, options).postings[0]!;

const production = (builtAt: string) => ({ preview: false, builtAt });
const preview = (builtAt: string) => ({ preview: true, builtAt });

describe('validThrough in the front matter', () => {
	it('a day lasts until the end of that day in UTC', () => {
		const posting = build('datePosted: 2026-11-01\nvalidThrough: 2026-12-31');
		expect([posting.validThrough, posting.closesAt]).toEqual(['2026-12-31', '2027-01-01T00:00:00.000Z']);
	});

	it('a time is that instant, keeping the day it was written with', () => {
		const pacific = build('datePosted: 2026-11-01\nvalidThrough: 2026-12-31T17:00:00-08:00');
		expect([pacific.validThrough, pacific.closesAt]).toEqual(['2026-12-31', '2027-01-01T01:00:00.000Z']);
		// No zone: UTC, whatever the build machine's zone.
		const bare = build('datePosted: 2026-11-01\nvalidThrough: 2026-12-31 09:30');
		expect([bare.validThrough, bare.closesAt]).toEqual(['2026-12-31', '2026-12-31T09:30:00.000Z']);
	});

	it('rejects what is not a day or a time, naming the file and field', () => {
		for (const value of ['end of year', '2026-02-31', '2026-12-31T25:00:00Z']) {
			expect(errorOf([{ file, source: role(`validThrough: ${value}`) }]), value).toContain(
				`${file}: validThrough: expected a date written as YYYY-MM-DD, e.g. "2026-12-31", or a time such as "2026-12-31T17:00:00-08:00"`,
			);
		}
	});

	it('may be the day the role was posted', () => {
		expect(build('datePosted: 2026-11-01\nvalidThrough: 2026-11-01').validThrough).toBe('2026-11-01');
	});

	it('before datePosted fails the build, naming the file, the field and both dates', () => {
		expect(errorOf([{ file, source: role('datePosted: 2026-03-01\nvalidThrough: 2026-02-15') }])).toBe(
			`1 posting problem:\n  - ${file}: validThrough: a day on or after datePosted (2026-03-01, given in the front matter); got 2026-02-15, before the role was posted. Correct whichever of the two is wrong`,
		);
	});

	it('before the day git first committed the file fails too, saying where datePosted came from', () => {
		expect(() =>
			normalizePostings([{ file, source: role('validThrough: 2026-01-04T12:00:00Z') }], site, { firstCommitted: new Map([[file, '2026-01-05']]), today: TODAY }),
		).toThrow(
			`${file}: validThrough: a day on or after datePosted (2026-01-05, the file was first committed on 2026-01-05); got 2026-01-04T12:00:00Z, before the role was posted`,
		);
	});
});

describe('closesAt and isExpired', () => {
	it('compare with the build time: a role is open until the instant it closes', () => {
		expect(closesAt('2026-02-28')).toBe('2026-03-01T00:00:00.000Z');
		expect(closesAt('2026-12-31T17:00:00-08:00')).toBe('2027-01-01T01:00:00.000Z');
		const posting = { closesAt: '2027-01-01T00:00:00.000Z' };
		expect(isExpired(posting, '2026-12-31T23:59:59.999Z')).toBe(false);
		expect(isExpired(posting, '2027-01-01T00:00:00.000Z')).toBe(true);
		expect(isExpired({}, '2099-01-01T00:00:00.000Z')).toBe(false);
	});
});

describe('which roles a build lists', () => {
	const expiring = build('datePosted: 2026-11-01\nvalidThrough: 2026-12-31');
	const before = '2026-12-31T23:59:59.000Z';
	const after = '2027-01-01T06:00:00.000Z';

	it('production lists a role through its last day, then shows it as closed', () => {
		expect(isListed(expiring, production(before))).toBe(true);
		expect(closedRoles([expiring], production(before))).toEqual([]);
		expect(isListed(expiring, production(after))).toBe(false);
		expect(closedRoles([expiring], production(after))).toEqual([{ ...expiring, status: 'closed' }]);
	});

	it('a preview keeps listing it (badged), and never turns it into a closed role', () => {
		expect(isListed(expiring, preview(after))).toBe(true);
		expect(closedRoles([expiring], preview(after))).toEqual([]);
	});

	it('a role that never went live before it expired is not published at all', () => {
		const never = build('datePosted: 2026-11-01\npublishAt: 2027-02-01\nvalidThrough: 2026-12-31');
		expect(isListed(never, production(after))).toBe(false);
		expect(closedRoles([never], production(after))).toEqual([]);
	});

	it('a role closed by hand stays closed, with or without a date', () => {
		const closed = build('status: closed\ndatePosted: 2026-11-01\nvalidThrough: 2026-12-31');
		expect(closedRoles([closed], production(after))).toEqual([closed]);
		expect(closedRoles([closed], preview(after))).toEqual([closed]);
	});
});

describe('closedRoleDays: how long a closed role keeps its page', () => {
	const day = 24 * 60 * 60 * 1000;
	const at = (time: number) => new Date(time).toISOString();
	// Closed in a commit of 1 November (its file's last change); the pipeline takes the day from git.
	const closed = build('status: closed\ndatePosted: 2026-10-01', { today: TODAY, lastCommitted: new Map([[file, '2026-11-01']]) });
	const endOfClosingDay = Date.parse('2026-11-02T00:00:00Z');

	it('a role closed by hand leaves that many whole days after the day it closed', () => {
		expect(closed.dateModified).toBe('2026-11-01');
		expect(isRetired(closed, production(at(endOfClosingDay + 30 * day - 1)), 30)).toBe(false);
		expect(isRetired(closed, production(at(endOfClosingDay + 30 * day)), 30)).toBe(true);
		expect(isRetired(closed, preview(at(endOfClosingDay + 30 * day)), 30)).toBe(true);
		expect(isRetired(closed, production(at(endOfClosingDay)), 0)).toBe(true);
		expect(isRetired(closed, production(at(endOfClosingDay - 1)), 0)).toBe(false);
	});

	it('an expired role counts from when applications closed, in production; a preview still lists it', () => {
		const expired = build('datePosted: 2026-10-01\nvalidThrough: 2026-11-30');
		expect(expired.closesAt).toBe('2026-12-01T00:00:00.000Z');
		expect(isRetired(expired, production('2026-12-02T00:00:00.000Z'), 1)).toBe(true);
		expect(isRetired(expired, production('2026-12-01T23:59:59.999Z'), 1)).toBe(false);
		expect(isRetired(expired, preview('2027-06-01T00:00:00.000Z'), 1)).toBe(false);
	});

	it('never takes an open role, nor any role when the setting is unset', () => {
		const open = build('datePosted: 2026-10-01');
		expect(isRetired(open, production('2099-01-01T00:00:00.000Z'), 0)).toBe(false);
		expect(isRetired(closed, production('2099-01-01T00:00:00.000Z'), undefined)).toBe(false);
		expect(unretired([open, closed], production('2099-01-01T00:00:00.000Z'), 0)).toEqual([open]);
		expect(unretired([open, closed], production('2099-01-01T00:00:00.000Z'), undefined)).toEqual([open, closed]);
	});

	it('is a whole number of days, 0 or more', () => {
		const siteInput = { companyName: 'Acme', siteUrl: 'https://careers.example.com', defaultApplyUrl: 'https://example.com/apply' };
		for (const value of ['-1', '1.5', '"60"']) {
			expect(() => siteSchema.parse({ ...siteInput, closedRoleDays: JSON.parse(value) }), value).toThrow();
		}
		expect(siteSchema.parse({ ...siteInput, closedRoleDays: 60 }).closedRoleDays).toBe(60);
	});
});

describe('the build clock', () => {
	const now = new Date('2026-12-02T07:00:00Z');

	it('is the start of the build, or BUILD_TIME when set', () => {
		expect(buildTime({}, now)).toBe('2026-12-02T07:00:00.000Z');
		expect(buildTime({ BUILD_TIME: '2027-01-01T09:00:00+01:00' }, now)).toBe('2027-01-01T08:00:00.000Z');
		expect(buildMode({ BUILD_TIME: '2027-01-01T08:00:00Z' }, now).builtAt).toBe('2027-01-01T08:00:00.000Z');
	});

	it('refuses a BUILD_TIME that is not a time with its zone', () => {
		expect(() => buildTime({ BUILD_TIME: '2027-01-01' }, now)).toThrow('BUILD_TIME: expected a time with its zone such as "2026-12-31T09:00:00Z", got "2027-01-01"');
	});
});

describe('review of validThrough', () => {
	const expiring = build('datePosted: 2026-11-01\nvalidThrough: 2026-12-31');

	it('warns about a role past its validThrough', () => {
		expect(validThroughFindings(expiring, '2027-01-01T00:00:00.000Z')).toEqual([
			{
				rule: 'expired',
				severity: 'warning',
				file,
				field: 'validThrough',
				message: 'expired on December 31, 2026: production builds no longer list the role, and its page says it is no longer open',
				fix: 'Close it (`status: closed`) or extend `validThrough`',
			},
		]);
	});

	it('notes one that closes within seven days, and says nothing earlier', () => {
		expect(validThroughFindings(expiring, '2026-12-25T00:00:00.000Z')).toEqual([
			{
				rule: 'closing-soon',
				severity: 'info',
				file,
				field: 'validThrough',
				message: 'applications close at the end of December 31, 2026 (UTC); the first build after that takes the role off the site',
				fix: 'Extend `validThrough` if the role stays open longer',
			},
		]);
		expect(validThroughFindings(expiring, '2026-12-24T23:59:59.000Z')).toEqual([]);
		const timed = build('datePosted: 2026-11-01\nvalidThrough: 2026-12-31T17:00:00Z');
		expect(validThroughFindings(timed, '2026-12-30T00:00:00.000Z').map((finding) => finding.message)).toEqual([
			'applications close on December 31, 2026, at 17:00 UTC; the first build after that takes the role off the site',
		]);
	});

	it('leaves closed roles and roles without an end date alone', () => {
		const closed = build('status: closed\ndatePosted: 2026-11-01\nvalidThrough: 2026-12-31');
		expect(validThroughFindings(closed, '2027-06-01T00:00:00.000Z')).toEqual([]);
		expect(validThroughFindings(build('datePosted: 2026-11-01'), '2027-06-01T00:00:00.000Z')).toEqual([]);
	});

	it('runs in the review, on the clock it is given', () => {
		const catalogue = { postings: [expiring], company: [], warnings: [] };
		const rules = (options: Parameters<typeof reviewCatalogue>[1]) =>
			reviewCatalogue(catalogue, { defaultApplyUrl: site.defaultApplyUrl, ...options })
				.filter((finding) => finding.field === 'validThrough')
				.map((finding) => finding.rule);
		expect(rules({ now: '2027-01-01T00:00:00.000Z' })).toEqual(['expired']);
		// A day alone means its start: the last day itself is still open.
		expect(rules({ today: '2026-12-31' })).toEqual(['closing-soon']);
		expect(rules({ today: '2027-01-01' })).toEqual(['expired']);
	});

	it('the review command takes BUILD_TIME, like the build', () => {
		const env = { POSTINGS_DIR: 'tests/fixtures/expiry', SITE_CONFIG: 'tests/fixtures/site.yaml', BUILD_TIME: '2026-12-02T08:00:00Z' };
		const result = runReview([], env, process.cwd());
		expect(result.output.split('\n').filter((line) => line.includes('validThrough'))).toEqual([
			expect.stringMatching(/^tests\/fixtures\/expiry\/001_expired\.html +\| validThrough \| expired +\| warning +\| expired on November 30, 2026: /),
			expect.stringMatching(/^tests\/fixtures\/expiry\/002_closing-soon\.html +\| validThrough \| closing-soon +\| info +\| applications close on December 4, 2026, at 17:00 UTC;/),
		]);
		expect(runReview([], { ...env, BUILD_TIME: 'tomorrow' }, process.cwd())).toEqual({
			output: 'BUILD_TIME: expected a time with its zone such as "2026-12-31T09:00:00Z", got "tomorrow"\n',
			code: 1,
		});
	});
});
