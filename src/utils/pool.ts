/** Bounded concurrency: the per-posting requests some ATSs need (Greenhouse's pay, SmartRecruiters' job ads), the pages handed to the search indexer. */

/**
 * Runs `work` on every item with at most `limit` at once, starting them in
 * the items' order (each start runs synchronously up to its first await).
 * After a failure no new item starts; the first error is thrown once the ones
 * in flight settle, so no request outlives the read.
 */
export async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	let failure: { error: unknown } | undefined;
	const worker = async () => {
		while (!failure && next < items.length) {
			const item = items[next]!;
			next += 1;
			try {
				await work(item);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	if (failure) throw failure.error;
}

/** Copies a list ordered by a key, stable for equal keys: rows back in list order whatever order their requests finished in. */
export function sortedBy<T>(items: readonly T[], key: (item: T) => number): T[] {
	return [...items].sort((a, b) => key(a) - key(b));
}
