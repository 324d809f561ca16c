import { describe, expect, it } from 'vitest';
import { closedPagesWarning, countRedirectRules, estimateFilesWithoutCards, hostLimitWarnings, socialCardsFor, type OutputCounts } from '../../src/publish/host-limits.ts';

/** A site that fits: the seeds' build, about. */
const fits: OutputCounts = { files: 150, perRole: { cards: 5, json: 5 }, largest: { path: 'index.html', bytes: 300_000 }, redirects: { static: 2, dynamic: 0 } };

describe('hostLimitWarnings', () => {
	it('says nothing for a site within every limit, 20,000 files exactly included', () => {
		expect(hostLimitWarnings(fits)).toEqual([]);
		expect(hostLimitWarnings({ ...fits, files: 20_000, redirects: { static: 2_000, dynamic: 100 } })).toEqual([]);
	});

	it('names the setting that makes a file per role when the output has more files than Cloudflare Pages takes', () => {
		expect(hostLimitWarnings({ ...fits, files: 21_400, perRole: { cards: 10_000, json: 0 } })).toEqual([
			'The output has 21,400 files; Cloudflare Pages takes at most 20,000 on its free plan. Set `socialCards: site` in the site settings (10,000 files fewer).',
		]);
		expect(hostLimitWarnings({ ...fits, files: 31_400, perRole: { cards: 10_000, json: 10_000 } })).toEqual([
			'The output has 31,400 files; Cloudflare Pages takes at most 20,000 on its free plan. Set `socialCards: site` in the site settings (10,000 files fewer), or remove `perRoleJson: true` from the site settings (10,000 files fewer).',
		]);
	});

	it('points to a paid plan or another host when no setting would help', () => {
		expect(hostLimitWarnings({ ...fits, files: 25_000, perRole: { cards: 0, json: 0 } })).toEqual([
			'The output has 25,000 files; Cloudflare Pages takes at most 20,000 on its free plan. Deploy on a paid plan (100,000 files) or another host.',
		]);
	});

	it('warns about redirect rules past 2,000 static and 100 dynamic, and a file over 25 MiB', () => {
		expect(hostLimitWarnings({ ...fits, largest: { path: 'pagefind/fragment/en_1.pf_fragment', bytes: 30 * 1024 * 1024 }, redirects: { static: 2_002, dynamic: 101 } })).toEqual([
			'pagefind/fragment/en_1.pf_fragment has 30 MiB; Cloudflare Pages serves no file over 25 MiB.',
			'_redirects has 2,002 rules (two per former slug); Cloudflare Pages applies the first 2,000 only. Remove `formerSlugs` whose old URLs no longer get visits: the pages at the old URLs still move browsers on.',
			'_redirects has 101 dynamic rules; Cloudflare Pages applies the first 100 only.',
		]);
	});
});

describe('countRedirectRules', () => {
	it('counts rules, not comments or blank lines, and tells splats and placeholders from static paths', () => {
		const file = [
			'# Old role URLs (formerSlugs) → current ones.',
			'/jobs/tunnel-engineer/ /jobs/software-engineer-cloudflare-tunnel/ 301',
			'/jobs/tunnel-engineer /jobs/software-engineer-cloudflare-tunnel/ 301',
			'',
			'/blog/* /news/:splat 301',
			'/teams/:team/ /t/:team/ 302',
			'/jobs/a%3Ab/ /jobs/c/ 301',
		].join('\n');
		expect(countRedirectRules(file)).toEqual({ static: 3, dynamic: 2 });
	});
});

describe('socialCardsFor', () => {
	const plan = { otherRolePages: 0, listings: 250, listingPages: 0, perRoleJson: false };

	it('keeps what the settings say', () => {
		expect(socialCardsFor('per-role', { ...plan, openRoles: 10_000 })).toBe('per-role');
		expect(socialCardsFor('site', { ...plan, openRoles: 5 })).toBe('site');
	});

	it('draws one card per role while the output stays within 18,000 files (a tenth of the limit kept free), else the site card', () => {
		// 1,000 roles: 1,000 pages, 500 listing files, 560 search files, 40 fixed: 2,100 files, 3,100 with cards.
		expect(estimateFilesWithoutCards({ ...plan, openRoles: 1_000 })).toBe(2_100);
		expect(socialCardsFor(undefined, { ...plan, openRoles: 1_000 })).toBe('per-role');
		// 8,000 roles: 8,000 + 500 + 910 + 40 = 9,450 files, 17,450 with cards.
		expect(socialCardsFor(undefined, { ...plan, openRoles: 8_000 })).toBe('per-role');
		// 10,000 roles: 11,550 files without cards, 21,550 with them.
		expect(socialCardsFor(undefined, { ...plan, openRoles: 10_000 })).toBe('site');
		// Per-role JSON files count against the same limit.
		expect(socialCardsFor(undefined, { ...plan, openRoles: 8_000, perRoleJson: true })).toBe('site');
		// So do the further pages of the listings: 8,000 roles on about seven listings each, fifty a page, 9,450 + 1,120.
		expect(estimateFilesWithoutCards({ ...plan, openRoles: 8_000, listingPages: 1_120 })).toBe(10_570);
		expect(socialCardsFor(undefined, { ...plan, openRoles: 8_000, listingPages: 1_120 })).toBe('site');
	});
});

describe('closedPagesWarning', () => {
	// 10,000 open roles come to 11,550 files without cards; 9,000 closed roles' pages take the site past 20,000.
	const plan = { openRoles: 10_000, otherRolePages: 9_000, listings: 250, listingPages: 0, perRoleJson: false };

	it('names closedRoleDays when closed roles take the site past the file limit and the site keeps them', () => {
		expect(closedPagesWarning(plan, 9_000, false, undefined)).toBe(
			'9,000 closed roles keep a page each, and the site comes to about 20,550 files; Cloudflare Pages takes at most 20,000 on its free plan. ' +
				'Set `closedRoleDays` in the site settings (for example 60) to let a closed role leave the site that many days after it closed.',
		);
	});

	it('says nothing when the setting is there, when no role is closed, or when the site fits', () => {
		expect(closedPagesWarning(plan, 9_000, false, 60)).toBeUndefined();
		expect(closedPagesWarning({ ...plan, otherRolePages: 0, openRoles: 19_000 }, 0, false, undefined)).toBeUndefined();
		expect(closedPagesWarning({ ...plan, otherRolePages: 8_000 }, 8_000, false, undefined)).toBeUndefined();
		// Per-role cards count: the same 8,000 closed pages with a card per open role do not fit.
		expect(closedPagesWarning({ ...plan, otherRolePages: 8_000 }, 8_000, true, undefined)).toContain('about 29,550 files');
	});
});
