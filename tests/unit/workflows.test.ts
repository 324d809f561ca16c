import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Workflow = { name: string; on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, { 'runs-on': string; steps: Step[] }> };

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
