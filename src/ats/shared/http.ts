/**
 * The one way ATS sources talk to the network: JSON over GET, with timeouts,
 * retries with backoff on 429 and 5xx, and optional conditional requests.
 * Plain functions and `fetch`; tests inject both `fetch` and the clock.
 */

/** A cached response, for conditional requests (ETag / Last-Modified). */
export interface CachedResponse {
	etag?: string;
	lastModified?: string;
	/** The response body as received. */
	body: string;
}

/** Where a client keeps responses between runs (every 200, with its validators); the build-time loader backs it with its meta store. */
export interface ResponseCache {
	get(url: string): CachedResponse | undefined;
	set(url: string, response: CachedResponse): void;
}

/** Options of {@link createHttpClient}. */
export interface HttpOptions {
	/** Defaults to the global `fetch`. */
	fetch?: typeof fetch;
	/** Per attempt, in ms. Default 20 s: a whole Greenhouse board with content can be several MB. */
	timeoutMs?: number;
	/** Attempts after the first. Default 4. */
	retries?: number;
	/** First backoff in ms, doubled each retry (with jitter). Default 500. */
	backoffMs?: number;
	/** Longest single wait, whatever Retry-After says. Default 30 s. */
	maxWaitMs?: number;
	/** Defaults to a real timer; tests pass one that does not wait. */
	sleep?: (ms: number) => Promise<void>;
	/** Enables conditional requests and serves 304s from it. */
	cache?: ResponseCache;
	/** Called before each retry, e.g. to print "429, retrying in 2 s". */
	onRetry?: (info: { url: string; attempt: number; waitMs: number; reason: string }) => void;
	/** Sent as User-Agent, so an ATS can tell who is calling. */
	userAgent?: string;
}

/** A request failed for good: after every retry, or with an answer retrying cannot change. */
export class AtsHttpError extends Error {
	override name = 'AtsHttpError';
	readonly url: string;
	/** HTTP status, when there was a response. */
	readonly status: number | undefined;
	/** True when the ATS could not be reached or kept failing (timeouts, 429, 5xx), as opposed to a definite answer such as 404. */
	readonly unreachable: boolean;

	constructor(url: string, message: string, options: { status?: number; unreachable: boolean }) {
		super(`${url}: ${message}`);
		this.url = url;
		this.status = options.status;
		this.unreachable = options.unreachable;
	}
}

/** A response arrived but is not the JSON document expected. */
export class AtsResponseError extends Error {
	override name = 'AtsResponseError';
	readonly url: string;

	constructor(url: string, message: string) {
		super(`${url}: ${message}`);
		this.url = url;
	}
}

/** Fetches JSON documents from an ATS. */
export interface HttpClient {
	/**
	 * GETs a URL and parses its JSON body.
	 * @throws {AtsHttpError} when the request fails for good
	 * @throws {AtsResponseError} when the body is not JSON
	 */
	getJson(url: string): Promise<unknown>;
}

const RETRY_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Seconds or an HTTP date, as Retry-After allows; undefined when absent or unreadable. */
function retryAfterMs(header: string | null, now: number): number | undefined {
	if (!header) return undefined;
	const seconds = Number(header);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(header);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Makes a client that retries what is worth retrying (timeouts, network
 * errors, 408/425/429/5xx) with exponential backoff, honouring Retry-After,
 * and fails at once on anything else (404: a misspelt board never gets better).
 */
export function createHttpClient(options: HttpOptions = {}): HttpClient {
	const doFetch = options.fetch ?? fetch;
	const timeoutMs = options.timeoutMs ?? 20_000;
	const retries = options.retries ?? 4;
	const backoffMs = options.backoffMs ?? 500;
	const maxWaitMs = options.maxWaitMs ?? 30_000;
	const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

	async function getText(url: string): Promise<string> {
		const cached = options.cache?.get(url);
		const headers: Record<string, string> = { accept: 'application/json' };
		if (options.userAgent) headers['user-agent'] = options.userAgent;
		if (cached?.etag) headers['if-none-match'] = cached.etag;
		if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;

		for (let attempt = 0; ; attempt += 1) {
			let reason: string;
			let wait: number | undefined;
			try {
				const response = await doFetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
				if (response.status === 304 && cached) {
					await response.body?.cancel();
					return cached.body;
				}
				if (response.ok) {
					// The body is read inside the try: a response that stalls halfway times out like one that never starts.
					const body = await response.text();
					const etag = response.headers.get('etag') ?? undefined;
					const lastModified = response.headers.get('last-modified') ?? undefined;
					// Kept even without validators: the build-time loader falls back to it when the ATS is down.
					options.cache?.set(url, { body, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) });
					return body;
				}
				await response.body?.cancel();
				if (!RETRY_STATUSES.has(response.status)) {
					// SmartRecruiters answers 401/403 for a company whose postings are not public.
					const hint =
						response.status === 404
							? ' (is the board name right, and is the board public?)'
							: response.status === 401 || response.status === 403
								? ' (the board is not public, or the API wants a key)'
								: '';
					throw new AtsHttpError(url, `HTTP ${response.status}${hint}`, { status: response.status, unreachable: false });
				}
				reason = `HTTP ${response.status}`;
				wait = retryAfterMs(response.headers.get('retry-after'), Date.now());
				if (attempt >= retries) throw new AtsHttpError(url, `${reason} after ${attempt + 1} attempts`, { status: response.status, unreachable: true });
			} catch (error) {
				if (error instanceof AtsHttpError) throw error;
				const name = (error as Error).name;
				reason = name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${timeoutMs / 1000} s` : `network error: ${(error as Error).message}`;
				if (attempt >= retries) throw new AtsHttpError(url, `${reason} after ${attempt + 1} attempts`, { unreachable: true });
			}
			// Full jitter keeps many sites' scheduled syncs from retrying in step.
			const backoff = backoffMs * 2 ** attempt * (0.5 + Math.random() / 2);
			const waitMs = Math.min(maxWaitMs, Math.round(wait ?? backoff));
			options.onRetry?.({ url, attempt: attempt + 1, waitMs, reason });
			await sleep(waitMs);
		}
	}

	return {
		async getJson(url) {
			const text = await getText(url);
			try {
				return JSON.parse(text) as unknown;
			} catch (error) {
				const start = text.trimStart().slice(0, 40).replace(/\s+/g, ' ');
				throw new AtsResponseError(url, `expected JSON, got ${start ? `"${start}…"` : 'an empty body'} (${(error as Error).message})`);
			}
		},
	};
}
