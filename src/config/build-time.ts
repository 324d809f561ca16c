type Env = Record<string, string | undefined>;

/**
 * The build's clock: `BUILD_TIME` (an ISO 8601 time) when set, to build the
 * site as it will be at that moment (tests, or checking a launch ahead), else `now`.
 * @throws {Error} naming the variable when it is not a time
 */
export function buildTime(env: Env = process.env, now: Date = new Date()): string {
	const given = env.BUILD_TIME?.trim();
	if (!given) return now.toISOString();
	const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(given) ? Date.parse(given) : Number.NaN;
	if (Number.isNaN(time)) throw new Error(`BUILD_TIME: expected a time with its zone such as "2026-12-31T09:00:00Z", got "${given}"`);
	return new Date(time).toISOString();
}
