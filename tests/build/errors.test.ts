import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from './build-helpers.ts';

describe('a build from broken postings', () => {
	it('fails, naming every file and field, without a stack trace', () => {
		const dir = mkdtempSync(join(tmpdir(), 'broken-'));
		try {
			const postings = join(dir, 'postings');
			mkdirSync(postings);
			writeFileSync(join(postings, 'paused.html'), '---\nstatus: paused\n---\n<p>We are hiring a Data Engineer.</p>');
			writeFileSync(join(postings, 'empty.html'), '');
			writeFileSync(join(postings, 'untitled.html'), '<p>We build things.</p>');
			const result = buildSite(postings, join(dir, 'dist'));
			expect(result.status).not.toBe(0);
			expect(result.output).toContain(`${join(postings, 'paused.html')}: status: expected one of "open"|"closed"|"draft", got "paused"`);
			expect(result.output).toContain(`${join(postings, 'empty.html')}: body: the file is empty`);
			expect(result.output).toContain(`${join(postings, 'untitled.html')}: title: a job title`);
			// Recruiters read this: no frames of our code or Astro's.
			expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
