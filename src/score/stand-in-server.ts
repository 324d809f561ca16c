/**
 * A stand-in ATS: an HTTP server on 127.0.0.1 that serves fixture responses
 * and injects faults (hangs, 429s, 500s, broken JSON), and records every
 * request. Tests use it, and `npm run score` serves the real corpus from it.
 * It never keeps the process alive.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer. */
export interface Reply {
	status?: number;
	/** A string is sent as is (broken JSON, an HTML error page); anything else as JSON. */
	body?: unknown;
	headers?: Record<string, string>;
	/** Sends ETag, and answers 304 to a matching If-None-Match. */
	etag?: string;
	/** Sends Last-Modified, and answers 304 to a matching If-Modified-Since. */
	lastModified?: string;
	/** Never answers: the client must time out. */
	hang?: boolean;
}

/** A request as the server saw it. */
export interface SeenRequest {
	path: string;
	headers: IncomingHttpHeaders;
	status: number;
}

/** Answers a request from its URL (paging by query, say). */
export type Responder = (url: URL) => Reply;

/** A running fixture server. */
export interface AtsServer {
	/** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
	url: string;
	requests: SeenRequest[];
	/**
	 * Scripts the answers for a path with its query ("/v1/boards/acme/jobs?content=true"),
	 * or for a path alone, which then answers any query. A list is served in
	 * turn and its last answer repeats; a function answers each request from its URL.
	 */
	route(path: string, replies: Reply | Reply[] | Responder): void;
	/** Forgets all routes and recorded requests. */
	reset(): void;
	close(): Promise<void>;
}

/** Starts a fixture server on a free port of 127.0.0.1. */
export async function startAtsServer(): Promise<AtsServer> {
	const routes = new Map<string, Reply[] | Responder>();
	const requests: SeenRequest[] = [];
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const path = `${url.pathname}${url.search}`;
		const queue = routes.get(path) ?? routes.get(url.pathname);
		const reply: Reply =
			typeof queue === 'function'
				? queue(url)
				: queue
					? queue.length > 1
						? queue.shift()!
						: queue[0]!
					: { status: 404, body: { error: `no fixture for ${path}` } };
		if (reply.hang) {
			requests.push({ path, headers: request.headers, status: 0 });
			return;
		}
		const notModified =
			(reply.etag !== undefined && request.headers['if-none-match'] === reply.etag) ||
			(reply.lastModified !== undefined && reply.etag === undefined && request.headers['if-modified-since'] === reply.lastModified);
		const status = notModified ? 304 : (reply.status ?? 200);
		requests.push({ path, headers: request.headers, status });
		const headers: Record<string, string> = { ...reply.headers };
		if (reply.etag) headers.etag = reply.etag;
		if (reply.lastModified) headers['last-modified'] = reply.lastModified;
		if (notModified) {
			response.writeHead(304, headers).end();
			return;
		}
		const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? null);
		headers['content-type'] ??= typeof reply.body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8';
		response.writeHead(status, headers).end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	server.unref();
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		route(path, replies) {
			routes.set(path, typeof replies === 'function' ? replies : Array.isArray(replies) ? [...replies] : [replies]);
		},
		reset() {
			routes.clear();
			requests.length = 0;
		},
		close() {
			server.closeAllConnections();
			return new Promise((resolve) => server.close(() => resolve()));
		},
	};
}
