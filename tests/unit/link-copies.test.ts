import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkCopiesInThread } from '../../src/integrations/link-copies.ts';

// A rebuild links Astro's cached copy of every unchanged page into the new
// output folder, in a thread of its own while Vite bundles the pages.

const work = mkdtempSync(join(tmpdir(), 'careers-link-copies-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A cache folder holding a copy of each of these pages. */
function copiesOf(name: string, paths: string[]): string {
	const copies = join(work, name, 'copies');
	for (const path of paths) {
		mkdirSync(join(copies, path, '..'), { recursive: true });
		writeFileSync(join(copies, path), `<h1>${path}</h1>`);
	}
	return copies;
}

describe('cached pages linked into the output', () => {
	const pages = ['index.html', 'jobs/rocket-engineer/index.html', 'jobs/data-engineer/index.html', 'locations/lisbon-portugal/index.html', 'api/postings.json'];

	it('links every copy into a new output folder, in folders made for them: the same files, no bytes written', async () => {
		const copies = copiesOf('all', pages);
		const out = join(work, 'all', 'dist');
		expect(await linkCopiesInThread(copies, out, pages)).toEqual(pages);
		for (const page of pages) expect(statSync(join(out, page)).ino, page).toBe(statSync(join(copies, page)).ino);
		expect(readdirSync(join(out, 'jobs')).sort()).toEqual(['data-engineer', 'rocket-engineer']);
	});

	it('stops at the first copy it cannot link, and says which it linked: Astro renders the rest', async () => {
		const copies = copiesOf('missing', pages.filter((page) => page !== 'jobs/data-engineer/index.html'));
		const out = join(work, 'missing', 'dist');
		expect(await linkCopiesInThread(copies, out, pages)).toEqual(['index.html', 'jobs/rocket-engineer/index.html']);
		expect(() => statSync(join(out, 'locations/lisbon-portugal/index.html'))).toThrow();
	});
});
