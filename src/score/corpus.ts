/**
 * Reads the real-postings corpus (tests/fixtures/real/): each vendor's raw API
 * documents with their hand labels. Fails naming the file and the field when a
 * labels file is out of shape: a score against bad labels would mean nothing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { boardLabelsSchema, type Label } from '../schemas/corpus-labels.ts';

/** One raw document of the corpus with the labels of the jobs in it. */
export interface CorpusFile {
	/** Vendor folder, e.g. "greenhouse". */
	vendor: string;
	/** File name without `.json`: the board for list-shaped vendors, `<company>-<id>` for SmartRecruiters. */
	name: string;
	/** Path for messages, relative to the corpus folder's parent. */
	path: string;
	/** The JSON document as stored. */
	document: unknown;
	labels: Label[];
}

/**
 * Every labelled document, by vendor folder, in name order. A `.json` without
 * a `.labels.yaml` beside it is not part of the scored corpus and is passed over.
 *
 * @param root the corpus folder, e.g. tests/fixtures/real
 * @throws {Error} naming the labels file and the field when labels are out of shape, or the JSON does not parse
 */
export function readCorpus(root: string): Map<string, CorpusFile[]> {
	const corpus = new Map<string, CorpusFile[]>();
	for (const vendor of readdirSync(root).sort()) {
		const dir = join(root, vendor);
		if (!statSync(dir).isDirectory()) continue;
		const files: CorpusFile[] = [];
		for (const entry of readdirSync(dir).sort()) {
			if (!entry.endsWith('.labels.yaml')) continue;
			const name = entry.slice(0, -'.labels.yaml'.length);
			const labelsPath = join(dir, entry);
			const documentPath = join(dir, `${name}.json`);
			if (!existsSync(documentPath)) throw new Error(`${labelsPath}: expected ${name}.json beside it, found none`);
			const parsed = boardLabelsSchema.safeParse(parse(readFileSync(labelsPath, 'utf8')));
			if (!parsed.success) {
				const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join('; ');
				throw new Error(`${labelsPath}: labels not in the format of tests/fixtures/real/README.md: ${issues}`);
			}
			let document: unknown;
			try {
				document = JSON.parse(readFileSync(documentPath, 'utf8'));
			} catch (error) {
				throw new Error(`${documentPath}: expected JSON (${(error as Error).message})`);
			}
			files.push({ vendor, name, path: `${vendor}/${name}.json`, document, labels: parsed.data });
		}
		if (files.length > 0) corpus.set(vendor, files);
	}
	return corpus;
}
