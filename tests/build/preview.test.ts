import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, DIST, LIFECYCLE_DIST, pages, ROOT, type BuildResult } from './build-helpers.ts';
import { buildMode } from '../../src/config/build-mode.ts';
import { withNoindex } from '../../src/integrations/preview-headers.ts';
import { previewSummary } from '../../src/preview/summary.ts';
import { runReview } from '../../src/review/cli.ts';
import { reportFile, type PreviewReport } from '../../src/preview/report.ts';

describe('buildMode', () => {
	const now = new Date('2026-11-23T10:00:00Z');
	const preview = (env: Record<string, string>) => buildMode({ GITHUB_SHA: 'abc', ...env }, now).preview;

	it('builds production unless told or shown otherwise', () => {
		expect(preview({})).toBe(false);
		expect(preview({ PREVIEW: 'maybe' })).toBe(false);
		expect(preview({ CF_PAGES: '1', CF_PAGES_BRANCH: 'main' })).toBe(false);
		expect(preview({ NETLIFY: 'true', CONTEXT: 'production' })).toBe(false);
		expect(preview({ VERCEL_ENV: 'production' })).toBe(false);
		expect(preview({ GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push' })).toBe(false);
	});

	it('builds a preview when asked, or on a host’s preview and branch builds', () => {
		expect(preview({ PREVIEW: 'true' })).toBe(true);
		expect(preview({ PREVIEW: '1' })).toBe(true);
		expect(preview({ CF_PAGES: '1', CF_PAGES_BRANCH: 'recruiting/new-role' })).toBe(true);
		expect(preview({ CF_PAGES: '1', CF_PAGES_BRANCH: 'main', PRODUCTION_BRANCH: 'live' })).toBe(true);
		expect(preview({ NETLIFY: 'true', CONTEXT: 'deploy-preview' })).toBe(true);
		expect(preview({ NETLIFY: 'true', CONTEXT: 'branch-deploy' })).toBe(true);
		expect(preview({ VERCEL_ENV: 'preview' })).toBe(true);
		expect(preview({ GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request' })).toBe(true);
	});

	it('lets an explicit PREVIEW=false win over the host', () => {
		expect(preview({ PREVIEW: 'false', NETLIFY: 'true', CONTEXT: 'deploy-preview' })).toBe(false);
	});

	it('names the branch and commit the host gives', () => {
		expect(buildMode({ PREVIEW: 'true', CF_PAGES_BRANCH: 'pay-update', CF_PAGES_COMMIT_SHA: 'f00d' }, now)).toEqual({
			preview: true,
			reason: 'PREVIEW=true',
			branch: 'pay-update',
			commit: 'f00d',
			builtAt: '2026-11-23T10:00:00.000Z',
		});
	});
});

describe('withNoindex', () => {
	it('adds X-Robots-Tag to the rule for every path, keeping the rest', () => {
		expect(withNoindex('/*\n  X-Frame-Options: DENY\n/_astro/*\n  Cache-Control: x\n')).toBe('/*\n  X-Robots-Tag: noindex\n  X-Frame-Options: DENY\n/_astro/*\n  Cache-Control: x\n');
		expect(withNoindex('')).toBe('\n\n/*\n  X-Robots-Tag: noindex\n');
	});
});

describe('production and preview builds of the same postings', () => {
	const out = join(mkdtempSync(join(tmpdir(), 'careers-preview-')), 'dist');
	let result: BuildResult;

	beforeAll(() => {
		// Production's manifest of the same postings as the baseline: what changed is exactly what only a preview shows.
		result = buildSite(join(ROOT, 'tests/fixtures/lifecycle'), out, {
			PREVIEW: 'true',
			CF_PAGES_BRANCH: 'recruiting/q4',
			CF_PAGES_COMMIT_SHA: '0123456789abcdef',
			BASELINE_MANIFEST: join(LIFECYCLE_DIST, 'api/manifest.json'),
		});
	});

	it('builds the preview', () => {
		expect(result.status, result.output).toBe(0);
	});

	it('marks every preview page: banner, noindex; the branch and commit on What changed', () => {
		for (const page of pages(out).filter((candidate) => !candidate.path.startsWith('pagefind/'))) {
			const $ = cheerio.load(page.html);
			expect($('[role="note"][aria-label="Preview"]').text().replace(/\s+/g, ' ').trim(), page.path).toBe(
				'Preview, not the live site. Drafts are shown; search engines are kept out. What changed · Posting review',
			);
			expect($('meta[name="robots"]').attr('content'), page.path).toBe('noindex');
		}
		const changes = cheerio.load(readFileSync(join(out, '_preview/changes/index.html'), 'utf8'));
		expect(changes('#preview-build').text().replace(/\s+/g, ' ').trim()).toMatch(/^This preview: branch recruiting\/q4 at 0123456, built \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
		expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
		expect(readFileSync(join(out, '_headers'), 'utf8')).toMatch(/^\/\*\n {2}X-Robots-Tag: noindex$/m);
	});

	it('shows the draft and the scheduled role in the preview, badged', () => {
		const draft = cheerio.load(readFileSync(join(out, 'jobs/draft-role-nobody-should-see/index.html'), 'utf8'));
		expect(draft('h1').text()).toBe('Draft Role Nobody Should SeeDraft');
		const listing = cheerio.load(readFileSync(join(out, 'index.html'), 'utf8'));
		expect(listing('#result-count').text()).toBe('6 open roles');
		expect(listing('[data-role]:contains("Scheduled Role For Next Year")').text()).toContain('Scheduled for January 4, 2099');
	});

	it('reviews the postings on a page of its own and on each role', () => {
		const review = cheerio.load(readFileSync(join(out, '_preview/review/index.html'), 'utf8'));
		expect(review('h1').text()).toBe('Posting review');
		const rows = review('#findings tbody tr').toArray().map((row) => review(row).find('td').toArray().map((cell) => review(cell).text().trim()));
		// The remote US role has no pay range, no benefits and no closing date, each an error where a
		// law covers remote roles; the Denver role has no closing date, which Colorado requires.
		expect(rows.filter((row) => row[0] === 'error').map((row) => [row[1], row[2], row[3]])).toEqual([
			['tests/fixtures/lifecycle/003_global-scheduling.html', 'validThrough', 'pay-closing-date'],
			['tests/fixtures/lifecycle/004_cloudflare-tunnel.html', 'locations[0]', 'pay-transparency'],
			['tests/fixtures/lifecycle/004_cloudflare-tunnel.html', 'body', 'pay-benefits'],
			['tests/fixtures/lifecycle/004_cloudflare-tunnel.html', 'validThrough', 'pay-closing-date'],
		]);
		const role = cheerio.load(readFileSync(join(out, 'jobs/software-engineer-cloudflare-tunnel/index.html'), 'utf8'));
		const roleRows = role('#review').next().find('tbody tr').toArray().map((row) => role(row).find('td').toArray().map((cell) => role(cell).text().trim()));
		// Errors where a law covers remote roles, warnings where that is unclear, notes where a law asks for less.
		expect(roleRows.map((row) => [row[0], row[2]])).toEqual([
			['error', 'pay-transparency'],
			['error', 'pay-benefits'],
			['error', 'pay-closing-date'],
			['warning', 'pay-transparency'],
			['warning', 'pay-benefits'],
			['info', 'pay-benefits'],
			['info', 'apply-url-default'],
			['info', 'inferred-field'],
			['info', 'inferred-field'],
		]);
		expect(cheerio.load(readFileSync(join(out, 'index.html'), 'utf8'))('[aria-label="Preview"] a').toArray().map((link) => link.attribs.href)).toEqual(['/_preview/changes/', '/_preview/review/']);
	});

	it('reviews as `npm run review` does, the company text included', () => {
		const review = cheerio.load(readFileSync(join(out, '_preview/review/index.html'), 'utf8'));
		// The line break between problem and fix reads as a space.
		review('#findings br').replaceWith(' ');
		const onPage = review('#findings tbody tr')
			.toArray()
			.map((row) => review(row).find('td').toArray().map((cell) => review(cell).text().replace(/\s+/g, ' ').trim()).join(' | '));
		// The command's annotations, one a finding: "::error file=F,title=rule (field)::message. Fix: fix", escaped as GitHub reads them.
		const { output } = runReview([], { PREVIEW: 'true', POSTINGS_DIR: join(ROOT, 'tests/fixtures/lifecycle'), GITHUB_ACTIONS: 'true' }, ROOT);
		const unescape = (text: string) => text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
		const byCommand = output
			.trim()
			.split('\n')
			.map((line) => {
				const [, command = '', file = '', title = '', text = ''] = /^::(\w+) file=([^,]*),title=(.*?)::(.*)$/.exec(line) ?? [];
				const [, rule = '', field = ''] = /^(\S+) \((.*)\)$/.exec(unescape(title)) ?? [];
				const severity = command === 'notice' ? 'info' : command;
				return [severity, unescape(file), field, rule, unescape(text).replace('. Fix: ', ' Fix: ')].join(' | ').replace(/\s+/g, ' ');
			});
		expect(onPage.length).toBeGreaterThan(10);
		// The page lists errors first, the command by file: the same findings, in either order.
		expect([...onPage].sort()).toEqual([...byCommand].sort());
		expect(onPage.filter((row) => row.includes('was not available to this check'))).toEqual([]);
	});

	describe('the commands run after it', () => {
		// As the preview workflow runs them: the build's settings and cache folder.
		const env = () => ({ PREVIEW: 'true', POSTINGS_DIR: join(ROOT, 'tests/fixtures/lifecycle'), ASTRO_CACHE_DIR: join(out, '..', '.astro-cache'), BASELINE_MANIFEST: join(LIFECYCLE_DIST, 'api/manifest.json') });
		/** Runs `use` with the build's report changed by `change`, then puts the report back. */
		const tampered = async <T,>(change: (report: PreviewReport) => void, use: () => T | Promise<T>): Promise<T> => {
			const file = reportFile(env(), ROOT);
			copyFileSync(file, `${file}.kept`);
			const report = JSON.parse(readFileSync(file, 'utf8')) as PreviewReport;
			change(report);
			writeFileSync(file, JSON.stringify(report));
			try {
				return await use();
			} finally {
				copyFileSync(`${file}.kept`, file);
			}
		};

		it('find the build’s review and comparison in its cache folder, not in the deployed site', () => {
			expect(existsSync(join(out, '_preview/report.json'))).toBe(false);
			const report = JSON.parse(readFileSync(reportFile(env(), ROOT), 'utf8')) as PreviewReport;
			expect(report.findings.filter((finding) => finding.severity === 'error').map((finding) => [finding.file, finding.rule])).toEqual([
				['tests/fixtures/lifecycle/003_global-scheduling.html', 'pay-closing-date'],
				['tests/fixtures/lifecycle/004_cloudflare-tunnel.html', 'pay-transparency'],
				['tests/fixtures/lifecycle/004_cloudflare-tunnel.html', 'pay-benefits'],
				['tests/fixtures/lifecycle/004_cloudflare-tunnel.html', 'pay-closing-date'],
			]);
			expect(report.changes?.lines).toEqual([
				`Compared with ${join(LIFECYCLE_DIST, 'api/manifest.json')}: **2 added, 0 changed, 0 closed**, 0 reopened, 0 removed.`,
				'- added: Draft Role Nobody Should See (draft)',
				'- added: Scheduled Role For Next Year',
			]);
		});

		it('`npm run review` prints the build’s review for the same input, and its own for another', async () => {
			const own = runReview([], env(), ROOT);
			const marked = (report: PreviewReport) => {
				report.findings[0]!.message = 'as the build found it';
			};
			// The build's findings: a mark put in them shows.
			expect(await tampered(marked, () => runReview([], env(), ROOT).output)).toContain('as the build found it');
			// Another day is another input: reviewed anew.
			const day = new Date().toISOString().slice(0, 10);
			const other = `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
			expect(await tampered(marked, () => runReview([`--today=${other}`], env(), ROOT).output)).not.toContain('as the build found it');
			expect(await tampered(marked, () => runReview([], { ...env(), BUILD_TIME: `${other}T12:00:00Z` }, ROOT).output)).not.toContain('as the build found it');
			// Unmarked, the build's review is what the command works out without it.
			expect(own.output).toBe(runReview([], { ...env(), ASTRO_CACHE_DIR: join(out, '..', 'no-cache-here') }, ROOT).output);
			expect(own.code).toBe(1);
		});

		it('the pull-request comment takes the build’s review and changes, and is the same as worked out anew', async () => {
			const fresh = await previewSummary(ROOT, { ...env(), ASTRO_CACHE_DIR: join(out, '..', 'no-cache-here') });
			expect(await previewSummary(ROOT, env())).toBe(fresh);
			const marked = await tampered(
				(report) => {
					report.changes!.lines.push('- added: a role only the build saw');
					report.findings.find((finding) => finding.severity === 'error')!.message = 'as the build found it';
				},
				() => previewSummary(ROOT, env()),
			);
			expect(marked).toContain('- added: a role only the build saw');
			expect(marked).toContain('as the build found it');
			// Compared with another baseline, the changes are worked out anew; the review still stands.
			const otherBaseline = await tampered(
				(report) => {
					report.changes!.lines.push('- added: a role only the build saw');
					report.findings.find((finding) => finding.severity === 'error')!.message = 'as the build found it';
				},
				() => previewSummary(ROOT, { ...env(), BASELINE_MANIFEST: join(DIST, 'api/manifest.json') }),
			);
			expect(otherBaseline).not.toContain('a role only the build saw');
			expect(otherBaseline).toContain('as the build found it');
		});
	});

	it('lists what changed against production: the draft and the scheduled role are added, nothing else', () => {
		const $ = cheerio.load(readFileSync(join(out, '_preview/changes/index.html'), 'utf8'));
		expect($('#change-counts').text().replace(/\s+/g, ' ').trim()).toBe(
			'2 roles added, 0 roles changed, 0 roles closed, 0 roles reopened, 0 roles removed; 5 unchanged.',
		);
		expect($('#added').next('ul').find('a').toArray().map((link) => $(link).attr('href'))).toEqual([
			'/jobs/draft-role-nobody-should-see/',
			'/jobs/scheduled-role-for-next-year/',
		]);
	});

	it('leaves production unmarked: no banner, nothing kept from search engines but what should be', () => {
		for (const dir of [DIST, LIFECYCLE_DIST]) {
			const home = cheerio.load(readFileSync(join(dir, 'index.html'), 'utf8'));
			expect(home('[aria-label="Preview"]')).toHaveLength(0);
			expect(home('meta[name="robots"]')).toHaveLength(0);
			expect(readFileSync(join(dir, '_headers'), 'utf8')).not.toContain('X-Robots-Tag');
			expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toContain('Allow: /');
			expect(existsSync(join(dir, '_preview'))).toBe(false);
		}
	});
});

describe('the pull-request comment', () => {
	it('gives the preview links, what changed and the review errors', async () => {
		const comment = await previewSummary(ROOT, {
			POSTINGS_DIR: 'tests/fixtures/lifecycle',
			BASELINE_MANIFEST: join(LIFECYCLE_DIST, 'api/manifest.json'),
			PREVIEW_URL: 'https://recruiting-q4.careers.pages.dev/',
		});
		const lines = comment.split('\n');
		expect(lines[2]).toBe(
			'Preview: https://recruiting-q4.careers.pages.dev/ · [what changed](https://recruiting-q4.careers.pages.dev/_preview/changes/) · [review](https://recruiting-q4.careers.pages.dev/_preview/review/)',
		);
		expect(lines).toContain('- added: Draft Role Nobody Should See (draft)');
		expect(lines).toContain('- added: Scheduled Role For Next Year');
		expect(comment).toContain('**2 added, 0 changed, 0 closed**');
		expect(comment).toContain('Review: **4 errors**, 8 warnings, 21 notes.');
		expect(lines.filter((line) => line.startsWith('- `tests/fixtures/lifecycle/004_cloudflare-tunnel.html` locations[0]: '))).toHaveLength(1);
	});
});
