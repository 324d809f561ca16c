import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
		globalSetup: ['tests/temporary-folder.ts'],
		// Builds in tests/build take a few seconds each on a two-core machine.
		testTimeout: 120_000,
		hookTimeout: 300_000,
	},
});
