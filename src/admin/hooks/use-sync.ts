/**
 * Data hooks for the background sync runs (fetch from KiotViet, import into
 * WooCommerce): status polling, start, pause/resume/cancel.
 */

/**
 * External dependencies
 */
import {
	useMutation,
	useQuery,
	useQueryClient,
	type QueryClient,
} from '@tanstack/react-query';
import { useEffect, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import {
	fetchSyncStatus,
	postRunAction,
	postSyncStart,
} from '../../shared/api/endpoints';
import { isApiError, type ApiError } from '../../shared/api/errors';
import { queryKeys } from '../../shared/query-keys';
import {
	isRunActive,
	type RunAction,
	type SyncStatus,
} from '../../shared/schemas/sync';

/** Polling interval while a run is queued or running. */
export const ACTIVE_POLL_MS = 1500;
/** Polling interval while a run is paused (another tab may resume it). */
export const PAUSED_POLL_MS = 5000;

/**
 * @param status The last status, if any.
 */
export function pollInterval( status: SyncStatus | undefined ): number | false {
	const run = status?.run;
	if ( ! isRunActive( run ) ) {
		return false;
	}
	return run.state === 'paused' ? PAUSED_POLL_MS : ACTIVE_POLL_MS;
}

/**
 * A finished run changed the cache tables: reload what was read from them.
 *
 * @param queryClient The client.
 */
function invalidateCatalog( queryClient: QueryClient ): void {
	void queryClient.invalidateQueries( { queryKey: queryKeys.catalog } );
	void queryClient.invalidateQueries( { queryKey: queryKeys.priceBooks } );
}

/**
 * A 409 (a run is already active, or the connection went away) means our
 * picture is stale: reload the status (and the connection).
 *
 * @param queryClient The client.
 * @param error       The failure.
 */
function reloadOnConflict( queryClient: QueryClient, error: unknown ): void {
	if ( ! isApiError( error ) || error.status !== 409 ) {
		return;
	}
	void queryClient.invalidateQueries( { queryKey: queryKeys.syncStatus } );
	if ( error.code === 'kiotviet_sync_not_connected' ) {
		void queryClient.invalidateQueries( {
			queryKey: queryKeys.connection,
		} );
	}
}

/**
 * The sync status (GET /sync/status), polled every 1.5 s while a run is active.
 * When a run ends, the catalog queries are refreshed.
 *
 * @param enabled Fetch only while the connection is ready.
 */
export function useSyncStatus( enabled = true ) {
	const queryClient = useQueryClient();
	const query = useQuery< SyncStatus, ApiError >( {
		queryKey: queryKeys.syncStatus,
		queryFn: ( { signal } ) => fetchSyncStatus( signal ),
		enabled,
		refetchInterval: ( current ) => pollInterval( current.state.data ),
		refetchIntervalInBackground: true,
		// The status must be fresh each time a step mounts.
		staleTime: 0,
	} );
	const activeRunId = useRef< number | null >( null );
	const run = query.data?.run;
	useEffect( () => {
		if ( isRunActive( run ) ) {
			activeRunId.current = run.id;
		} else if ( activeRunId.current !== null ) {
			activeRunId.current = null;
			invalidateCatalog( queryClient );
		}
	}, [ run, queryClient ] );
	return query;
}

/** Starts a fetch (POST /sync/fetch) or an import (POST /sync/import). */
export function useStartSync() {
	const queryClient = useQueryClient();
	return useMutation< SyncStatus, ApiError, 'fetch' | 'import' >( {
		mutationFn: ( kind ) => postSyncStart( kind ),
		onSuccess: ( status ) =>
			queryClient.setQueryData( queryKeys.syncStatus, status ),
		onError: ( error ) => reloadOnConflict( queryClient, error ),
	} );
}

/** Pauses, resumes or cancels a run (POST /sync/runs/{id}/{action}). */
export function useRunAction() {
	const queryClient = useQueryClient();
	return useMutation<
		SyncStatus,
		ApiError,
		{ id: number; action: RunAction }
	>( {
		mutationFn: ( { id, action } ) => postRunAction( id, action ),
		onSuccess: ( status ) =>
			queryClient.setQueryData( queryKeys.syncStatus, status ),
		onError: ( error ) => reloadOnConflict( queryClient, error ),
	} );
}
