import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countOutput, countOutputInThread, reportHostLimits } from '../../src/integrations/host-limits.ts';

// `npm run build` counts the output for the host limits while it builds the search index: all but the index's
// folder in a thread, then that folder. The counts must be the ones a single walk gives.

const dir = mkdtempSync(join(os.tmpdir(), 'careers-output-count-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files: Record<string, number> = {
	'index.html': 900,
	'jobs/a/index.html': 1_200,
	'jobs/b/index.html': 1_100,
	'og/jobs/a.png': 21_000,
	'api/postings/a.json': 3_000,
	'api/postings.json': 40_000,
	'pagefind/pagefind.js': 50_000,
	'pagefind/part-1/index/en_1.pf_index': 60_000,
	_redirects: 0,
};
for (const [path, size] of Object.entries(files)) {
	mkdirSync(join(dir, path, '..'), { recursive: true });
	writeFileSync(join(dir, path), path === '_redirects' ? '/old/ /new/ 301\n/jobs/:slug/x /jobs/:slug/ 301\n' : 'x'.repeat(size));
}

describe('the output counted for the host limits', () => {
	it('leaves a top-level folder out when asked', () => {
		expect(countOutput(dir, 'pagefind')).toEqual({ files: 7, perRole: { cards: 1, json: 1 }, largest: { path: 'api/postings.json', bytes: 40_000 }, redirects: { static: 1, dynamic: 1 } });
	});

	it('in a thread, then the skipped folder, says what one walk says', async () => {
		const said = (counted?: Parameters<typeof reportHostLimits>[2]) => {
			const lines: string[] = [];
			reportHostLimits(dir, { info: (line) => lines.push(line), warn: (line) => lines.push(`warn: ${line}`) }, counted);
			return lines;
		};
		const output = await countOutputInThread(dir, 'pagefind');
		expect(output).toEqual(countOutput(dir, 'pagefind'));
		expect(said({ output, skip: 'pagefind' })).toEqual(said());
		expect(said()).toEqual(['9 files; largest pagefind/part-1/index/en_1.pf_index (59 KB)']);
	});
});
