/**
 * Reading a board at build time, for sites that keep postings out of git.
 * Astro-free: the loader hands in its meta store as a plain key-value store.
 *
 * The last good answer of every request is kept in the store. The next build
 * asks the ATS with If-None-Match / If-Modified-Since, and when the ATS is
 * down, answers garbage or suddenly lists no roles, the build uses the last
 * good answers instead, with a warning: an outage never empties the site.
 */
import { stringify } from 'yaml';
import type { SourceFile } from '../postings/normalize.ts';
import type { Site } from '../schemas/site.ts';
import { AtsHttpError, AtsResponseError, createHttpClient, type CachedResponse, type HttpClient, type HttpOptions } from '../ats/shared/http.ts';
import { freeSlug, inIdOrder } from '../ats/shared/slug.ts';
import { sources } from '../ats/registry.ts';
import type { AtsPosting, BoardSnapshot } from '../ats/shared/types.ts';
import { originLabel } from './posting-file.ts';
import { AtsSourceError } from './ats-error.ts';

export { AtsSourceError };

/** The part of Astro's meta store this module needs. */
export interface KeyValueStore {
	get(key: string): string | undefined;
	set(key: string, value: string): void;
}

/** What is kept between builds, under one key. */
interface State {
	/** Last good response per URL. */
	responses: Record<string, CachedResponse>;
	/** Slug and first-seen day per ATS id: a role keeps its URL when its title changes. */
	roles: Record<string, { slug: string; firstSeen: string }>;
	/** Open roles in the last good snapshot. */
	count: number;
	/** When the last good snapshot was taken (ISO). */
	takenAt?: string;
}

const KEY = 'ats-source-state';

/** A board read for one build. */
export interface BuildBoard {
	/** One posting file per role, for the pipeline. */
	files: SourceFile[];
	/** Last change per file (YYYY-MM-DD), where the ATS says. */
	updated: Map<string, string>;
	warnings: string[];
	/** Saves this build's state, so the next build can ask conditionally or fall back. Call it only when the build used it. */
	save(store: KeyValueStore): void;
}


function readState(store: KeyValueStore): State {
	try {
		const state = JSON.parse(store.get(KEY) ?? '') as State;
		if (state && typeof state === 'object' && state.responses && state.roles) return state;
	} catch {
		// No state yet, or from an older version: start afresh.
	}
	return { responses: {}, roles: {}, count: 0 };
}

/** A client that answers only from earlier responses. */
function offlineClient(responses: Record<string, CachedResponse>): HttpClient {
	return {
		async getJson(url) {
			const cached = responses[url];
			if (!cached) throw new AtsHttpError(url, 'not in the last snapshot', { unreachable: true });
			return JSON.parse(cached.body) as unknown;
		},
	};
}

/**
 * Reads the board named by `site.atsSource` for a build.
 *
 * @param store the loader's meta store, holding the previous build's state
 * @throws {AtsSourceError} when the ATS cannot be used and no earlier snapshot exists
 */
export async function readBoardForBuild(
	site: Site,
	store: KeyValueStore,
	options: { http?: HttpOptions; today?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<BuildBoard> {
	const config = site.atsSource;
	if (!config) throw new AtsSourceError('site settings: atsSource: expected a system and a board to read postings from');
	const source = sources[config.system];
	const env = options.env ?? process.env;
	const today = options.today ?? new Date().toISOString().slice(0, 10);
	const previous = readState(store);
	const fresh: Record<string, CachedResponse> = {};
	const warnings: string[] = [];
	const where = `${source.label} ${source.boardTerm} "${config.board}"`;
	const fallback = async (why: string): Promise<BoardSnapshot> => {
		if (Object.keys(previous.responses).length === 0) {
			throw new AtsSourceError(`${where}: ${why}, and there is no earlier snapshot to build from. Refusing to publish a site without postings; try again when the ATS answers.`);
		}
		warnings.push(`${where}: ${why}; building from the last good snapshot (${previous.takenAt ?? 'an earlier build'}, ${previous.count} roles)`);
		try {
			return await source.fetchBoard(config.board, { client: offlineClient(previous.responses), defaultCountry: site.defaultCountry, ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}) });
		} catch (error) {
			throw new AtsSourceError(`${where}: ${why}, and the last snapshot cannot be read either (${(error as Error).message}). Refusing to publish a site without postings.`);
		}
	};

	let snapshot: BoardSnapshot;
	let usedFresh = false;
	try {
		const client = createHttpClient({
			...options.http,
			cache: { get: (url) => fresh[url] ?? previous.responses[url], set: (url, response) => void (fresh[url] = response) },
		});
		snapshot = await source.fetchBoard(config.board, { client, defaultCountry: site.defaultCountry, ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}) });
		usedFresh = true;
		if (snapshot.postings.length === 0 && previous.count > 0 && env.ATS_ALLOW_EMPTY !== 'true') {
			usedFresh = false;
			snapshot = await fallback(
				`the ATS returned no roles while the last snapshot had ${previous.count} (an outage looks like this; set ATS_ALLOW_EMPTY=true for one build if every role really closed)`,
			);
		}
	} catch (error) {
		if (!(error instanceof AtsHttpError || error instanceof AtsResponseError)) throw error;
		snapshot = await fallback(`${error.message}`);
	}

	for (const row of snapshot.rejected) warnings.push(`${where}: row ${row.id ?? '(no id)'}: ${row.field}: ${row.message}; the role is left out of this build`);
	for (const posting of snapshot.postings) for (const note of posting.notes) warnings.push(`${where}: ${posting.id}: ${note}`);

	// Stable slugs: a role keeps the slug it was first built with; new roles get a free one, in id order.
	const roles: State['roles'] = {};
	const taken = new Set(snapshot.postings.flatMap((posting) => previous.roles[posting.id]?.slug ?? []));
	const files: SourceFile[] = [];
	const updated = new Map<string, string>();
	for (const posting of inIdOrder(snapshot.postings)) {
		const known = previous.roles[posting.id];
		const slug = known?.slug ?? freeSlug(posting, taken);
		taken.add(slug);
		roles[posting.id] = { slug, firstSeen: known?.firstSeen ?? today };
		const origin = { kind: 'ats', vendor: posting.system, board: posting.board, id: posting.id } as const;
		const file = originLabel(origin);
		files.push({ file, origin, source: postingSource(posting, slug, roles[posting.id]!.firstSeen) });
		if (posting.updated) updated.set(file, posting.updated);
	}

	const next: State = usedFresh
		? { responses: fresh, roles: { ...previous.roles, ...roles }, count: snapshot.postings.length, takenAt: new Date().toISOString() }
		: { ...previous, roles: { ...previous.roles, ...roles } };
	return { files, updated, warnings, save: (target) => target.set(KEY, JSON.stringify(next)) };
}

/** A posting file's text, as the sync would write it, minus the sync's bookkeeping. */
function postingSource(posting: AtsPosting, slug: string, firstSeen: string): string {
	const { title, ...rest } = posting.fields;
	const frontMatter = {
		id: `${posting.system}-${posting.id}`,
		title,
		slug,
		...rest,
		// Without a publication date from the ATS, the first build that saw the role stands in for it.
		datePosted: posting.fields.datePosted ?? firstSeen,
		status: 'open',
	};
	return `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n${posting.html}\n`;
}
