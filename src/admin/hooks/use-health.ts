/**
 * Data hook for the plugin health report (GET /health).
 */

/**
 * External dependencies
 */
import { useQuery } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { fetchHealth } from '../../shared/api/endpoints';
import type { ApiError } from '../../shared/api/errors';
import { queryKeys } from '../../shared/query-keys';
import type { Health } from '../../shared/schemas/health';

/** Connection, webhooks, queue, API budget, cron and the problems found. */
export function useHealth() {
	return useQuery< Health, ApiError >( {
		queryKey: queryKeys.health,
		queryFn: ( { signal } ) => fetchHealth( signal ),
		refetchInterval: 60_000,
	} );
}
