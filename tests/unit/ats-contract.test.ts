import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sources } from '../../src/ats/registry.ts';
import { AtsHttpError, createHttpClient, type HttpOptions } from '../../src/ats/shared/http.ts';
import type { AtsSource, BoardSnapshot } from '../../src/ats/shared/types.ts';
import { atsSystems } from '../../src/schemas/ats-link.ts';
import { startAtsServer, type AtsServer } from './ats-server.ts';
import { FIXTURES } from './helpers.ts';

// The contract every registered ATS source keeps, checked the same way for
// each: its real corpus (tests/fixtures/real/<vendor>/) served by the stand-in
// server as the vendor's API would serve it, then read with the shared client.

const REAL = join(FIXTURES, 'real');

/** A vendor's whole real corpus as one stored board document: the list shapes concatenated (SmartRecruiters: its posting documents). */
function corpusDocument(source: AtsSource): unknown {
	const documents = readdirSync(join(REAL, source.system))
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => JSON.parse(readFileSync(join(REAL, source.system, name), 'utf8')) as unknown);
	if (documents.every(Array.isArray)) return documents.flat();
	if (documents.every((document) => Array.isArray((document as { jobs?: unknown }).jobs))) {
		return { jobs: documents.flatMap((document) => (document as { jobs: unknown[] }).jobs) };
	}
	return documents;
}

function client(options: HttpOptions = {}) {
	return createHttpClient({ sleep: async () => {}, timeoutMs: 1_000, retries: 1, backoffMs: 1, ...options });
}

let server: AtsServer;
beforeAll(async () => {
	server = await startAtsServer();
});
afterAll(async () => {
	await server.close();
});
beforeEach(() => server.reset());

it('registers exactly the systems front matter accepts', () => {
	expect(Object.keys(sources).sort()).toEqual([...atsSystems].sort());
	for (const [name, source] of Object.entries(sources)) expect(source.system).toBe(name);
});

describe.each(Object.values(sources))('$label source', (source) => {
	const board = 'corpus';
	const document = corpusDocument(source);
	const serve = () => {
		for (const response of source.standIn(document, board)) server.route(response.path, { body: response.body });
	};

	it('maps or rejects every listed posting, with unique ids and a body, the same as from the stored document', async () => {
		serve();
		const snapshot: BoardSnapshot = await source.fetchBoard(board, { client: client(), baseUrl: server.url });
		expect(snapshot.system).toBe(source.system);
		expect(snapshot.board).toBe(board);
		const ids = snapshot.postings.map((posting) => posting.id);
		expect(new Set(ids).size).toBe(ids.length);
		// Every row the ATS listed is accounted for: mapped, rejected with a field, or skipped with a reason.
		expect(snapshot.postings.length + snapshot.rejected.length + snapshot.skipped.length).toBe(snapshot.total);
		expect(snapshot.total).toBeGreaterThanOrEqual(10);
		for (const rejection of snapshot.rejected) {
			expect(rejection.field).not.toBe('');
			expect(rejection.message).not.toBe('');
		}
		for (const posting of snapshot.postings) {
			expect(posting.system).toBe(source.system);
			expect(posting.html.trim()).not.toBe('');
			expect(posting.fields.title.trim()).not.toBe('');
			expect(posting.fields.applyUrl).toMatch(/^https?:\/\//);
		}
		// Reading over HTTP and mapping the stored document agree, posting for posting.
		const stored = source.mapDocument(document, board);
		expect(snapshot.postings).toEqual(stored.postings);
		expect(snapshot.rejected).toEqual(stored.rejected);
	});

	it('fails with the board named when the first request is a 404, without retrying', async () => {
		// No routes: the stand-in answers 404 to everything.
		const error = await source.fetchBoard('no-such-board', { client: client(), baseUrl: server.url }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(AtsHttpError);
		expect((error as AtsHttpError).status).toBe(404);
		expect((error as AtsHttpError).unreachable).toBe(false);
		expect((error as Error).message).toContain('no-such-board');
		expect(server.requests).toHaveLength(1);
	});

	it('retries a 429 and then reads the board', async () => {
		const [first, ...rest] = source.standIn(document, board);
		server.route(first!.path, [{ status: 429, headers: { 'retry-after': '0' } }, { body: first!.body }]);
		for (const response of rest) server.route(response.path, { body: response.body });
		const snapshot = await source.fetchBoard(board, { client: client(), baseUrl: server.url });
		expect(snapshot.postings.length).toBeGreaterThan(0);
		expect(server.requests[0]!.status).toBe(429);
		expect(server.requests[1]!.path).toBe(first!.path);
	});

	it('gives up on a board that never answers, as unreachable', async () => {
		const [first] = source.standIn(document, board);
		server.route(first!.path, { hang: true });
		// The attempts are counted on the client's side: on a loaded machine a 50 ms attempt can end
		// before the server has even logged the request, so the server's log proves nothing here.
		const retried: string[] = [];
		const hanging = client({ timeoutMs: 50, onRetry: ({ reason }) => retried.push(reason) });
		const error = await source.fetchBoard(board, { client: hanging, baseUrl: server.url }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(AtsHttpError);
		expect((error as AtsHttpError).unreachable).toBe(true);
		expect((error as AtsHttpError).message).toContain('no answer within 0.05 s after 2 attempts');
		expect(retried).toEqual(['no answer within 0.05 s']);
	});
});
