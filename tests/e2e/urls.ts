/**
 * Base URL of the lifecycle fixture's site (a closed role, a renamed one, a
 * draft), served beside dist/ by playwright.config.ts:
 * `test.use({ baseURL: LIFECYCLE_URL })`.
 */
export const LIFECYCLE_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4391) + 1}`;
