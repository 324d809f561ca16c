import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseSimpleYaml } from '../../src/utils/simple-yaml.ts';

/** What the `yaml` package reads, as the posting-file reader asks it to. */
const full = (text: string) => parseDocument(text, { uniqueKeys: true }).toJS({ maxAliasCount: 100 }) ?? {};

describe('the fast front-matter reader', () => {
	it('reads what the sync writes: comments, flow mappings, nested blocks, quoted ids', () => {
		const text = [
			'# Synced from Greenhouse (board "anthropic") by `npm run sync`.',
			'',
			'title: Account Executive, AI Native',
			'locations:',
			'  - { city: New York, region: NY, country: US, workplace: hybrid }',
			'datePosted: 2024-12-20',
			'applyUrl: https://job-boards.greenhouse.io/anthropic/jobs/4461450008#app',
			'ats:',
			'  system: greenhouse',
			'  id: "4461450008"',
			'  synced:',
			'    body: sha256:c81124672e2f8e5b',
		].join('\n');
		expect(parseSimpleYaml(text)).toEqual({
			title: 'Account Executive, AI Native',
			locations: [{ city: 'New York', region: 'NY', country: 'US', workplace: 'hybrid' }],
			datePosted: '2024-12-20',
			applyUrl: 'https://job-boards.greenhouse.io/anthropic/jobs/4461450008#app',
			ats: { system: 'greenhouse', id: '4461450008', synced: { body: 'sha256:c81124672e2f8e5b' } },
		});
	});

	it('reads lists of block mappings and the core schema’s numbers, booleans and nulls', () => {
		expect(parseSimpleYaml('payRanges:\n  - min: 65000\n    max: 81000.50\n    currency: EUR\nremote: true\nteam: ~\nformerSlugs: []\nid: 0x1F')).toEqual({
			payRanges: [{ min: 65000, max: 81000.5, currency: 'EUR' }],
			remote: true,
			team: null,
			formerSlugs: [],
			id: 31,
		});
		expect(parseSimpleYaml("title: 'It''s'\ntags:\n- a\n- b\nlast: 1")).toEqual({ title: "It's", tags: ['a', 'b'], last: 1 });
		expect(parseSimpleYaml('# only a comment\n')).toEqual({});
	});

	it('leaves everything else to the full reader', () => {
		for (const text of ['a: &x 1\nb: *x', 'a: |\n  text', 'a: x # comment', 'a: x\n  continued', 'a: 1\na: 2', 'a: "tab\\t"', 'a: x: y', '- a', 'a:\tx', 'True: 1', 'a: [x, [y]]', 'a: 1\n---\nb: 2', 'a: 1\r\nb: 2']) {
			expect(parseSimpleYaml(text), text).toBeUndefined();
		}
	});

	it('reads every seed and fixture posting’s front matter exactly as the yaml package does', () => {
		const folders = ['content/postings', 'tests/fixtures/seeds', 'tests/fixtures/lifecycle', 'tests/fixtures/expiry', 'tests/fixtures/malformed/postings'];
		let read = 0;
		for (const folder of folders) {
			for (const name of readdirSync(folder)) {
				const yaml = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---/.exec(readFileSync(join(folder, name), 'utf8'))?.[1];
				if (yaml === undefined) continue;
				const fast = parseSimpleYaml(yaml);
				if (fast === undefined) continue;
				read += 1;
				expect(fast, `${folder}/${name}`).toEqual(full(yaml));
			}
		}
		expect(read).toBeGreaterThanOrEqual(15);
	});
});
