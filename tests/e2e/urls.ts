const lifecyclePort = process.env.E2E_LIFECYCLE_PORT;
// playwright.config.ts chooses the port and sets it before any spec loads.
if (!lifecyclePort) throw new Error('E2E_LIFECYCLE_PORT is not set: run the end-to-end tests through playwright.config.ts (npx playwright test).');

/**
 * Base URL of the lifecycle fixture's site (a closed role, a renamed one, a
 * draft), served beside dist/ on a port playwright.config.ts chose:
 * `test.use({ baseURL: LIFECYCLE_URL })`.
 */
export const LIFECYCLE_URL = `http://127.0.0.1:${lifecyclePort}`;

const manyPort = process.env.E2E_MANY_PORT;
if (!manyPort) throw new Error('E2E_MANY_PORT is not set: run the end-to-end tests through playwright.config.ts (npx playwright test).');

/**
 * Base URL of the build of 1,000 generated roles (scripts/many-roles.mjs:
 * about a hundred cities, remote scopes, eight departments and their teams),
 * which scripts/test.mjs builds into .builds/many/dist: `test.use({ baseURL: MANY_URL })`.
 */
export const MANY_URL = `http://127.0.0.1:${manyPort}`;

const frenchPort = process.env.E2E_FRENCH_PORT;
if (!frenchPort) throw new Error('E2E_FRENCH_PORT is not set: run the end-to-end tests through playwright.config.ts (npx playwright test).');

/** Base URL of the seeds built as a French company's site (tests/fixtures/french/site.yaml): `test.use({ baseURL: FRENCH_URL })`. */
export const FRENCH_URL = `http://127.0.0.1:${frenchPort}`;
