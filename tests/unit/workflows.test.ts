import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
type Step = { uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Workflow = {
	name: string;
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, { 'runs-on': string; if?: string; env?: Record<string, string>; steps: Step[] }>;
};

const workflow = (name: string) => parse(readFileSync(`${ROOT}.github/workflows/${name}`, 'utf8')) as Workflow;

describe('.github/workflows/ci.yml', () => {
	const ci = workflow('ci.yml');

	it('runs on every push and pull request, with read-only permissions', () => {
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(ci.permissions).toEqual({ contents: 'read' });
	});

	it('checks out the whole history, installs with npm install and runs the README’s test command', () => {
		const steps = ci.jobs['test']!.steps;
		expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
		expect(steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(22);
		const runs = steps.map((step) => step.run).filter(Boolean);
		expect(runs).toContain('npm install --no-audit --no-fund');
		expect(runs.some((run) => /\bnpm ci\b/.test(run!))).toBe(false);
		expect(runs.at(-1)).toBe('npm test');
		expect(readFileSync(`${ROOT}README.md`, 'utf8')).toContain('npm test ');
	});
});

describe('.github/workflows/preview.yml', () => {
	const preview = workflow('preview.yml');
	const steps = preview.jobs['preview']!.steps;
	const text = readFileSync(`${ROOT}.github/workflows/preview.yml`, 'utf8');

	it('runs on pull requests, may comment on them, and builds a preview', () => {
		expect(Object.keys(preview.on)).toEqual(['pull_request', 'push']);
		expect(preview.jobs['preview']!.if).toBe("github.event_name == 'pull_request'");
		expect(preview.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
		expect((preview.jobs['preview'] as unknown as { env: Record<string, string> }).env['PREVIEW']).toBe('true');
		expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
		const runs = steps.map((step) => step.run ?? '');
		expect(runs).toContain('npm run build');
		expect(runs).toContain('npm run review');
	});

	it("keeps Astro's cache folder between a pull request's pushes, restored before the build", () => {
		const at = steps.findIndex((step) => step.uses === 'actions/cache@v4');
		expect(steps[at]!.with).toEqual({
			path: 'node_modules/.astro',
			key: 'astro-preview-${{ github.event.pull_request.number }}-${{ github.sha }}',
			'restore-keys': 'astro-preview-${{ github.event.pull_request.number }}-\nastro-preview-base-${{ github.base_ref }}-\n',
		});
		expect(at).toBeGreaterThan(steps.findIndex((step) => step.run?.startsWith('npm install')));
		expect(at).toBeLessThan(steps.findIndex((step) => step.run === 'npm run build'));
	});

	it("builds the production branch's preview after each push to it, for the cache a pull request's first preview restores", () => {
		expect(preview.on['push']).toEqual({ branches: ['main'] });
		const base = preview.jobs['base']!;
		expect(base.if).toBe("github.event_name == 'push'");
		expect(base.env).toEqual({ PREVIEW: 'true', PRODUCTION_BRANCH: '${{ github.event.repository.default_branch }}' });
		expect(base.steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
		const order = base.steps.map((step) => step.uses ?? step.run ?? '');
		expect(order.slice(2)).toEqual(['npm install --no-audit --no-fund', 'actions/cache@v4', 'npm run build']);
		// Saved under the prefix the pull requests' previews fall back to; nothing deployed, nothing commented.
		expect(base.steps[3]!.with).toEqual({
			path: 'node_modules/.astro',
			key: 'astro-preview-base-${{ github.ref_name }}-${{ github.sha }}',
			'restore-keys': 'astro-preview-base-${{ github.ref_name }}-\n',
		});
	});

	it('deploys with wrangler under the branch name, secrets from the repository settings only', () => {
		const deploy = steps.find((step) => step.run?.includes('wrangler'))!;
		expect(deploy.run).toContain('pages deploy dist');
		expect(deploy.run).toContain('--branch="$branch"');
		expect(deploy.env).toEqual({
			CLOUDFLARE_API_TOKEN: '${{ secrets.CLOUDFLARE_API_TOKEN }}',
			CLOUDFLARE_ACCOUNT_ID: '${{ secrets.CLOUDFLARE_ACCOUNT_ID }}',
			CLOUDFLARE_PAGES_PROJECT: '${{ vars.CLOUDFLARE_PAGES_PROJECT }}',
		});
		// No token or account id written into the file itself.
		expect(text).not.toMatch(/[0-9a-f]{32}/);
	});

	it('comments the summary on the pull request, then fails if the review found errors', () => {
		const order = steps.map((step) => step.uses ?? step.run ?? '');
		const summary = order.findIndex((step) => step.includes('preview:summary'));
		const comment = order.findIndex((step) => step.startsWith('actions/github-script'));
		expect(summary).toBeGreaterThan(order.findIndex((step) => step.includes('wrangler')));
		expect(comment).toBe(summary + 1);
		expect(steps.at(-1)).toMatchObject({ if: "steps.review.outcome == 'failure'" });
	});
});

describe('.github/workflows/sync.yml', () => {
	const sync = workflow('sync.yml');
	const job = sync.jobs['sync']!;
	const runs = job.steps.map((step) => step.run ?? '');

	it('runs on a schedule and by hand, and only once the ATS is configured', () => {
		expect(Object.keys(sync.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
		expect(job.if).toBe("vars.ATS_SYSTEM != '' && vars.ATS_BOARD != ''");
		expect(sync.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
	});

	it('runs the README’s sync command with the configured board, never npm ci', () => {
		expect(runs).toContain('npm install --no-audit --no-fund');
		expect(runs.some((run) => /\bnpm ci\b/.test(run))).toBe(false);
		const command = runs.find((run) => run.includes('npm run sync'))!;
		expect(command).toContain('npm run sync -- "$ATS_SYSTEM" "$ATS_BOARD"');
		expect(command).toContain('--summary');
		expect(readFileSync(`${ROOT}README.md`, 'utf8')).toContain('npm run sync -- greenhouse ');
	});

	it('checks out the whole history, which dates the closures of roles it may delete', () => {
		expect(job.steps.find((step) => step.uses?.startsWith('actions/checkout'))?.with).toMatchObject({ 'fetch-depth': 0 });
	});

	it('opens one pull request from a branch rebuilt each run, only when the postings changed', () => {
		const publish = runs.find((run) => run.includes('gh pr create'))!;
		expect(publish).toContain('git diff --cached --quiet');
		expect(publish).toContain('git checkout -B ats-sync');
		expect(publish).toContain('gh pr edit ats-sync');
		// A refused sync fails its step, so nothing after it runs.
		expect(runs.indexOf(publish)).toBeGreaterThan(runs.findIndex((run) => run.includes('npm run sync')));
	});
});
