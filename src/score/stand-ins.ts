/**
 * Serves the corpus at each vendor's real API paths on the stand-in server,
 * so the sources read it exactly as they read the vendor: same paths, same
 * queries, same paging. A request the real API would not answer this way
 * (a missing `mode=json`, say) gets an error, which the score reports.
 */
import type { AtsServer, Reply } from './stand-in-server.ts';
import type { CorpusFile } from './corpus.ts';

/** One board to sync, and the corpus files it is served from. */
export interface ServedBoard {
	board: string;
	files: CorpusFile[];
}

/** Routes one vendor's files on the server; returns the boards to sync. */
export type StandIn = (server: AtsServer, files: readonly CorpusFile[]) => ServedBoard[];

const bad = (message: string): Reply => ({ status: 400, body: { error: message } });

/** Jobs of a `{ jobs: [...] }` document, or an error naming the file. */
function jobsOf(file: CorpusFile): unknown[] {
	const jobs = (file.document as { jobs?: unknown } | null)?.jobs;
	if (!Array.isArray(jobs)) throw new Error(`${file.path}: expected { "jobs": [...] }`);
	return jobs;
}

/** A whole number from the query, else the fallback. */
function count(url: URL, name: string, fallback: number): number {
	const value = Number(url.searchParams.get(name) ?? Number.NaN);
	return Number.isInteger(value) && value >= 0 ? value : fallback;
}

/**
 * Greenhouse Job Board API: the list at /v1/boards/<board>/jobs?content=true,
 * each job at /v1/boards/<board>/jobs/<id>?pay_transparency=true (the job as
 * found, with its pay_input_ranges or an empty list: the list never has them).
 */
const greenhouse: StandIn = (server, files) =>
	files.map((file) => {
		const jobs = jobsOf(file);
		const base = `/v1/boards/${encodeURIComponent(file.name)}/jobs`;
		server.route(`${base}?content=true`, { body: { jobs, meta: { total: jobs.length } } });
		for (const job of jobs) {
			const { id, pay_input_ranges: ranges } = job as { id?: unknown; pay_input_ranges?: unknown };
			server.route(`${base}/${String(id)}?pay_transparency=true`, { body: { ...(job as object), pay_input_ranges: ranges ?? [] } });
		}
		return { board: file.name, files: [file] };
	});

/** Lever Postings API: /v0/postings/<site>?mode=json, paged by skip and limit. */
const lever: StandIn = (server, files) =>
	files.map((file) => {
		if (!Array.isArray(file.document)) throw new Error(`${file.path}: expected a JSON array of postings`);
		const postings = file.document as unknown[];
		server.route(`/v0/postings/${encodeURIComponent(file.name)}`, (url) => {
			if (url.searchParams.get('mode') !== 'json') return bad('Lever answers JSON only with mode=json');
			const skip = count(url, 'skip', 0);
			return { body: postings.slice(skip, skip + count(url, 'limit', postings.length)) };
		});
		return { board: file.name, files: [file] };
	});

/** Ashby posting API: /posting-api/job-board/<board>?includeCompensation=true. */
const ashby: StandIn = (server, files) =>
	files.map((file) => {
		server.route(`/posting-api/job-board/${encodeURIComponent(file.name)}?includeCompensation=true`, { body: { apiVersion: '1', jobs: jobsOf(file) } });
		return { board: file.name, files: [file] };
	});

/**
 * SmartRecruiters Posting API (tests/fixtures/real/smartrecruiters/API.md): the
 * corpus holds one detail document per file, `<company>-<id>.json`. Each
 * company's list, /v1/companies/<company>/postings, pages by offset and limit
 * and holds the documents without their job ad, each with its `ref`; each
 * detail is at /v1/companies/<company>/postings/<id>.
 */
const smartrecruiters: StandIn = (server, files) => {
	const companies = new Map<string, CorpusFile[]>();
	for (const file of files) {
		const company = /^(.+)-\d+$/.exec(file.name)?.[1];
		if (!company) throw new Error(`${file.path}: expected the name <company>-<posting id>.json`);
		companies.set(company, [...(companies.get(company) ?? []), file]);
	}
	return [...companies].map(([company, own]) => {
		const base = `/v1/companies/${encodeURIComponent(company)}/postings`;
		const items = own.map((file) => {
			const { jobAd: _text, ...summary } = file.document as { id?: unknown; jobAd?: unknown };
			server.route(`${base}/${String(summary.id)}`, { body: file.document });
			return { ...summary, ref: `${server.url}${base}/${String(summary.id)}` };
		});
		server.route(base, (url) => {
			const offset = count(url, 'offset', 0);
			const limit = Math.min(100, count(url, 'limit', 10));
			return { body: { offset, limit, totalFound: items.length, content: items.slice(offset, offset + limit) } };
		});
		return { board: company, files: own };
	});
};

/** How each vendor's corpus is served. A vendor missing here is reported as not scored. */
export const standIns: Readonly<Record<string, StandIn>> = { greenhouse, lever, ashby, smartrecruiters };
