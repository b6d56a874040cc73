/**
 * Data hooks for the KiotViet connection: the only data API screens use.
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

/**
 * Internal dependencies
 */
import { parseInput } from '../../shared/api/client';
import {
	deleteConnection,
	fetchBranches,
	fetchConnection,
	postConnection,
	putConnectionBranch,
} from '../../shared/api/endpoints';
import { isApiError, type ApiError } from '../../shared/api/errors';
import { queryKeys } from '../../shared/query-keys';
import {
	connectInputSchema,
	selectBranchInputSchema,
	type Branch,
	type ConnectInput,
	type Connection,
	type SelectBranchInput,
} from '../../shared/schemas/connection';

/**
 * Stores a fresh connection object and drops data that belonged to the old one.
 *
 * @param queryClient  The client.
 * @param connection   The server's answer.
 * @param dropBranches Whether the branch list may have changed.
 */
function storeConnection(
	queryClient: QueryClient,
	connection: Connection,
	dropBranches: boolean
): void {
	queryClient.setQueryData( queryKeys.connection, connection );
	if ( dropBranches ) {
		queryClient.removeQueries( { queryKey: queryKeys.branches } );
	}
}

/**
 * A 409 "not connected" means the connection went away behind our back (another
 * tab cancelled it): reload it so the wizard returns to the first step.
 *
 * @param queryClient The client.
 * @param error       The failure.
 */
function reloadIfDisconnected(
	queryClient: QueryClient,
	error: unknown
): void {
	if ( isApiError( error ) && error.code === 'kiotviet_sync_not_connected' ) {
		void queryClient.invalidateQueries( {
			queryKey: queryKeys.connection,
		} );
	}
}

/** The current connection (GET /connection). */
export function useConnection() {
	return useQuery< Connection, ApiError >( {
		queryKey: queryKeys.connection,
		queryFn: ( { signal } ) => fetchConnection( signal ),
	} );
}

/** Connects to a KiotViet shop (POST /connection). */
export function useConnect() {
	const queryClient = useQueryClient();
	return useMutation< Connection, ApiError, ConnectInput >( {
		mutationFn: ( input ) =>
			postConnection( parseInput( connectInputSchema, input ) ),
		onSuccess: ( connection ) =>
			storeConnection( queryClient, connection, true ),
		// The variables hold the secret: forget them as soon as nobody watches.
		gcTime: 0,
	} );
}

/** Cancels the connection (DELETE /connection). */
export function useDisconnect() {
	const queryClient = useQueryClient();
	return useMutation< Connection, ApiError, void >( {
		mutationFn: () => deleteConnection(),
		onSuccess: ( connection ) =>
			storeConnection( queryClient, connection, true ),
	} );
}

/**
 * The connected shop's branches (GET /branches).
 *
 * @param enabled Fetch only while a connection exists (the route answers 409 otherwise).
 */
export function useBranches( enabled = true ) {
	const queryClient = useQueryClient();
	return useQuery< Branch[], ApiError >( {
		queryKey: queryKeys.branches,
		queryFn: async ( { signal } ) => {
			try {
				return ( await fetchBranches( signal ) ).branches;
			} catch ( error ) {
				reloadIfDisconnected( queryClient, error );
				throw error;
			}
		},
		enabled,
	} );
}

/** Chooses the product sync branch (PUT /connection/branch). */
export function useSelectBranch() {
	const queryClient = useQueryClient();
	return useMutation< Connection, ApiError, SelectBranchInput >( {
		mutationFn: ( input ) =>
			putConnectionBranch( parseInput( selectBranchInputSchema, input ) ),
		onSuccess: ( connection ) =>
			storeConnection( queryClient, connection, false ),
		onError: ( error ) => reloadIfDisconnected( queryClient, error ),
	} );
}
