import { defineConfig } from 'vitest/config';

// Browser and HTTP tests against the running test site (scripts/stack/up.sh test). One file at a time:
// they share one WordPress and one simulator.
export default defineConfig( {
	test: {
		name: 'e2e',
		globals: true,
		environment: 'node',
		include: [ 'tests/e2e/**/*.test.ts' ],
		testTimeout: 120_000,
		hookTimeout: 120_000,
		fileParallelism: false,
		retry: 0,
	},
} );
