import { defineConfig } from 'vitest/config';

export default defineConfig( {
	test: {
		globals: true,
		projects: [
			{
				test: {
					name: 'admin',
					globals: true,
					environment: 'jsdom',
					include: [ 'src/**/*.test.{ts,tsx}' ],
					setupFiles: [ 'src/shared/test-utils/setup.ts' ],
				},
				esbuild: { jsx: 'automatic' },
			},
			{
				test: {
					name: 'simulator',
					globals: true,
					environment: 'node',
					include: [ 'tools/**/*.test.ts' ],
				},
			},
		],
	},
} );
