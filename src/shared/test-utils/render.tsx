/**
 * renderWithProviders: a fresh QueryClient (no retries) and a fresh
 * registry (@wordpress/data) with the notices store, per test.
 */

/**
 * External dependencies
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRegistry, RegistryProvider } from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';
import type { ReactElement, ReactNode } from 'react';

export function createTestQueryClient(): QueryClient {
	return new QueryClient( {
		defaultOptions: {
			queries: { retry: false, gcTime: Infinity, staleTime: Infinity },
			mutations: { retry: false },
		},
	} );
}

export function createTestRegistry() {
	const registry = createRegistry( {} );
	registry.register( noticesStore );
	return registry;
}

interface ProvidersOptions {
	queryClient?: QueryClient;
	registry?: ReturnType< typeof createTestRegistry >;
}

export function createWrapper( {
	queryClient = createTestQueryClient(),
	registry = createTestRegistry(),
}: ProvidersOptions = {} ) {
	return function Wrapper( { children }: { children: ReactNode } ) {
		return (
			<RegistryProvider value={ registry }>
				<QueryClientProvider client={ queryClient }>
					{ children }
				</QueryClientProvider>
			</RegistryProvider>
		);
	};
}

export function renderWithProviders(
	ui: ReactElement,
	options: ProvidersOptions & Omit< RenderOptions, 'wrapper' > = {}
) {
	const queryClient = options.queryClient ?? createTestQueryClient();
	const registry = options.registry ?? createTestRegistry();
	const user = userEvent.setup();
	const result = render( ui, {
		...options,
		wrapper: createWrapper( { queryClient, registry } ),
	} );
	return { ...result, queryClient, registry, user };
}
