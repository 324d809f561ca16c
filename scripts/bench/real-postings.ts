/**
 * Writes the real-postings corpus (tests/fixtures/real/) as posting files, the
 * way a company's folder would hold them: each board served by the stand-in
 * ATS on 127.0.0.1 and synced by the real sync. The scale bench varies these
 * (and the seeds) into thousands of postings.
 *
 *   node scripts/bench/real-postings.ts <out dir>
 *
 * Prints one JSON line: { files, boards }.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCorpus } from '../../src/score/corpus.ts';
import { CORPUS_DIR, CORPUS_SITE, SCORE_DAY } from '../../src/score/cli.ts';
import { syncedAs } from '../../src/score/score.ts';
import { startAtsServer } from '../../src/score/stand-in-server.ts';
import { standIns } from '../../src/score/stand-ins.ts';
import { runSync } from '../../src/sync/run.ts';
import { readSiteConfig } from '../../src/config/site-config.ts';

const root = resolve(import.meta.dirname, '..', '..');
const out = process.argv[2];
if (!out) {
	console.error('usage: node scripts/bench/real-postings.ts <out dir>');
	process.exit(2);
}
const site = readSiteConfig(join(root, CORPUS_SITE));
const server = await startAtsServer();
let files = 0;
let boards = 0;
try {
	for (const [vendor, corpusFiles] of readCorpus(join(root, CORPUS_DIR))) {
		const system = syncedAs(vendor);
		const standIn = standIns[vendor];
		if (!system || !standIn) continue;
		for (const { board } of standIn(server, corpusFiles)) {
			// One folder per board: the sync works out slugs per folder, and a folder is one company.
			const dir = join(out, `${vendor}-${board}`);
			mkdirSync(dir, { recursive: true });
			const report = await runSync({ system, board, dir, site, baseUrl: server.url, today: SCORE_DAY, http: { retries: 0 } });
			files += report.changes.filter((change) => change.kind === 'added').length;
			boards += 1;
		}
	}
} finally {
	await server.close();
}
console.log(JSON.stringify({ files, boards }));
