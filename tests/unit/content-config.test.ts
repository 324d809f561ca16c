import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * src/content.config.ts has Node itself load the loaders and schemas (not
 * Vite's module runner, which cost every build about a second: see the
 * config's comment). Node's own loader, as the build uses it: `require` of
 * the type-stripped modules, which fails on syntax Node cannot strip, on
 * top-level await, and on imports only Vite resolves.
 */
const require = createRequire(import.meta.url);

describe('the content config, loaded by Node', () => {
	it('requires the loaders and the schemas the collections are made of', () => {
		const loaders = require('../../src/loaders/postings.ts') as typeof import('../../src/loaders/postings.ts');
		expect(loaders.postingsLoader().name).toBe('careers-postings');
		expect(loaders.companyLoader().name).toBe('careers-company-text');
		const schemas = require('../../src/schemas/posting.ts') as typeof import('../../src/schemas/posting.ts');
		expect(typeof schemas.storedPostingSchema.safeParse).toBe('function');
		expect(typeof schemas.companyBlockSchema.safeParse).toBe('function');
	});

	it('requires the ATS sources the postings loader imports when the site reads its ATS at build time', () => {
		const sources = require('../../src/sources/ats.ts') as typeof import('../../src/sources/ats.ts');
		expect(typeof sources.readBoardForBuild).toBe('function');
	});
});
