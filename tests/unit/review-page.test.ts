import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewPage } from '../../src/review/review-page.ts';
import { COMMENT_ERRORS, previewSummary } from '../../src/preview/summary.ts';
import { COMMENT_ROLES } from '../../src/preview/report.ts';
import { MANIFEST_VERSION } from '../../src/schemas/manifest.ts';
import type { Finding } from '../../src/schemas/review.ts';
import { FIXTURES } from './helpers.ts';

const finding = (file: string, severity: Finding['severity'], rule: string): Finding => ({ file, severity, rule, field: 'body', message: `${rule} in ${file}`, fix: 'Fix it' });

describe('the review page', () => {
	// In the review's order: by file, then severity.
	const findings = [
		finding('a.html', 'error', 'pay-transparency'),
		finding('a.html', 'warning', 'duplicate-posting'),
		finding('a.html', 'info', 'apply-url-default'),
		finding('b.html', 'error', 'pay-transparency'),
		finding('b.html', 'error', 'pay-benefits'),
		finding('b.html', 'info', 'apply-url-default'),
		finding('c.html', 'warning', 'duplicate-posting'),
	];

	it('counts every finding by severity and by rule, errors first', () => {
		const page = reviewPage(findings);
		expect(page.counts).toEqual({ error: 3, warning: 2, info: 2 });
		expect(page.rules).toEqual([
			{ severity: 'error', rule: 'pay-transparency', findings: 2, roles: 2 },
			{ severity: 'error', rule: 'pay-benefits', findings: 1, roles: 1 },
			{ severity: 'warning', rule: 'duplicate-posting', findings: 2, roles: 2 },
			{ severity: 'info', rule: 'apply-url-default', findings: 2, roles: 2 },
		]);
	});

	it('lists errors first, each severity by file, and at most the limit, saying how many it leaves out', () => {
		expect(reviewPage(findings).listed.map((item) => `${item.file} ${item.rule}`)).toEqual([
			'a.html pay-transparency',
			'b.html pay-transparency',
			'b.html pay-benefits',
			'a.html duplicate-posting',
			'c.html duplicate-posting',
			'a.html apply-url-default',
			'b.html apply-url-default',
		]);
		const capped = reviewPage(findings, 4);
		expect([capped.listed.length, capped.unlisted, capped.listed.at(-1)!.rule]).toEqual([4, 3, 'duplicate-posting']);
		expect(reviewPage([]).unlisted).toBe(0);
	});
});

describe('the pull-request comment of a large change', () => {
	it(`lists at most ${COMMENT_ROLES} roles and ${COMMENT_ERRORS} errors, and says how many more`, async () => {
		// 120 copies of the remote US role, each new: three errors each (no pay range, benefits or closing date).
		const root = mkdtempSync(join(tmpdir(), 'careers-comment-'));
		const folder = join(root, 'postings');
		mkdirSync(folder);
		const source = readFileSync(join(FIXTURES, 'lifecycle/004_cloudflare-tunnel.html'), 'utf8');
		for (let n = 0; n < 120; n += 1) writeFileSync(join(folder, `role-${n}.html`), source.replace(/^title: .*$/m, `title: Software Engineer, Cloudflare Tunnel ${n}`).replace(/^formerSlugs: .*\n/m, ''));
		const manifest = join(root, 'manifest.json');
		writeFileSync(manifest, JSON.stringify({ version: MANIFEST_VERSION, roles: [] }));
		const comment = await previewSummary(root, { POSTINGS_DIR: folder, SITE_CONFIG: join(FIXTURES, 'site.yaml'), BASELINE_MANIFEST: manifest, ASTRO_CACHE_DIR: join(root, 'cache') });
		const lines = comment.split('\n');
		expect(comment).toContain('**120 added, 0 changed, 0 closed**');
		expect(lines.filter((line) => line.startsWith('- added: '))).toHaveLength(COMMENT_ROLES);
		expect(lines).toContain('- and 20 more: see what changed on the preview');
		expect(comment).toContain('Review: **360 errors**');
		expect(lines.filter((line) => line.startsWith('- `'))).toHaveLength(COMMENT_ERRORS);
		expect(lines).toContain('- and 310 more errors: see the review page, or run `npm run review`');
	});

	it('writes titles and findings as the text they are: no mention, issue link or emphasis', async () => {
		const root = mkdtempSync(join(tmpdir(), 'careers-comment-'));
		const folder = join(root, 'postings');
		mkdirSync(folder);
		const source = readFileSync(join(FIXTURES, 'lifecycle/004_cloudflare-tunnel.html'), 'utf8');
		writeFileSync(join(folder, 'role.html'), source.replace(/^title: .*$/m, 'title: "*nix Engineer @Spotify (Req #4521)"').replace(/^formerSlugs: .*\n/m, ''));
		const manifest = join(root, 'manifest.json');
		writeFileSync(manifest, JSON.stringify({ version: MANIFEST_VERSION, roles: [] }));
		const comment = await previewSummary(root, { POSTINGS_DIR: folder, SITE_CONFIG: join(FIXTURES, 'site.yaml'), BASELINE_MANIFEST: manifest, ASTRO_CACHE_DIR: join(root, 'cache') });
		const lines = comment.split('\n');
		expect(lines).toContain('- added: \\*nix Engineer @&#8203;Spotify (Req #&#8203;4521)');
		// The three errors of a new role with no pay, benefits or closing date: each names the file as code.
		expect(lines.filter((line) => line.startsWith('- `postings/role.html` '))).toHaveLength(3);
		expect(comment).not.toMatch(/[^;]@Spotify|#4521/);
	});
});
