/**
 * The QueryClient factory: the app builds one, tests build a fresh one each.
 */

/**
 * External dependencies
 */
import { QueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { isApiError } from '../shared/api/errors';

const MAX_RETRIES = 2;

/**
 * Retries only failures that may pass on a second try: no answer at all, or a
 * 5xx. A 4xx or a schema drift will fail the same way again.
 *
 * @param failureCount Failures so far.
 * @param error        The last error.
 */
export function shouldRetry( failureCount: number, error: unknown ): boolean {
	if ( failureCount >= MAX_RETRIES ) {
		return false;
	}
	if ( ! isApiError( error ) ) {
		return false;
	}
	return error.code === 'network_error' || error.status >= 500;
}

export function createQueryClient(): QueryClient {
	return new QueryClient( {
		defaultOptions: {
			queries: {
				retry: shouldRetry,
				refetchOnWindowFocus: false,
				staleTime: 30_000,
			},
			mutations: {
				retry: false,
			},
		},
	} );
}
