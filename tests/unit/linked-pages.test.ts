import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { linkedPages } from '../../src/integrations/linked-pages.ts';
import { recordOf } from '../../src/utils/file-digests.ts';

// Once Astro is done, the linked-pages integration removes each page it linked
// into the output that no route made this time: unless something else wrote a
// file of its own at that path since. The role cards do (src/social/card-output.ts),
// in the first build after builds that rendered them as routes and kept them
// among Astro's cached copies.

const work = mkdtempSync(join(tmpdir(), 'careers-linked-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Hook = (options: Record<string, unknown>) => unknown;

describe('linked pages no route made', () => {
	it('are removed when they are still the cached copy, and kept when a file was written there since', async () => {
		const cache = join(work, 'cache');
		const out = join(work, 'dist');
		const copies = join(cache, 'dist');
		const pages = { 'jobs/a/index.html': '<h1>a</h1>', 'og/jobs/a.png': 'old card of a', 'og/jobs/gone.png': 'card of a removed role' };
		for (const [path, text] of Object.entries(pages)) {
			mkdirSync(join(copies, path, '..'), { recursive: true });
			writeFileSync(join(copies, path), text);
		}
		// As the last finished build recorded its copies.
		writeFileSync(join(cache, 'linked-pages.json'), JSON.stringify(Object.fromEntries(Object.keys(pages).map((path) => [path, recordOf(join(copies, path))]))));

		const integration = linkedPages();
		const hooks = integration.hooks as Record<string, Hook>;
		const messages: string[] = [];
		const logger = { info: (message: string) => messages.push(message), warn: (message: string) => messages.push(message) };
		let linking: () => Promise<void> = async () => undefined;
		hooks['astro:config:setup']!({
			updateConfig: (config: { vite: { plugins: Array<{ buildApp: { handler: () => Promise<void> } }> } }) => {
				linking = config.vite.plugins[0]!.buildApp.handler;
			},
		});
		hooks['astro:config:done']!({ config: { outDir: pathToFileURL(`${out}/`), cacheDir: pathToFileURL(`${cache}/`) } });
		hooks['astro:build:start']!({ logger });
		await linking();
		for (const path of Object.keys(pages)) expect(statSync(join(out, path)).ino, path).toBe(statSync(join(copies, path)).ino);

		// The role cards replace their folder's files with cards of their own; the removed role's card is not among them.
		rmSync(join(out, 'og/jobs/a.png'));
		writeFileSync(join(out, 'og/jobs/a.png'), 'new card of a');
		// The role page is the only route made: the cards are not routes.
		await hooks['astro:build:done']!({ logger, assets: new Map([['/jobs/[slug]', [pathToFileURL(join(out, 'jobs/a/index.html'))]]]) });

		expect(readFileSync(join(out, 'jobs/a/index.html'), 'utf8')).toBe('<h1>a</h1>');
		expect(readFileSync(join(out, 'og/jobs/a.png'), 'utf8')).toBe('new card of a');
		expect(() => statSync(join(out, 'og/jobs/gone.png'))).toThrow();
		expect(messages).toContain('1 linked pages no route made any more removed from the output');
		// The cached copy was not written through.
		expect(readFileSync(join(copies, 'og/jobs/a.png'), 'utf8')).toBe('old card of a');
	});
});
