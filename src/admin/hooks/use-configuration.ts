/**
 * Data hooks of the configuration card: quick sync and disconnect with the
 * "Xóa thông tin" choices.
 */

/**
 * External dependencies
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { parseInput } from '../../shared/api/client';
import {
	deleteConnectionWith,
	postQuickSync,
} from '../../shared/api/configuration';
import { isApiError, type ApiError } from '../../shared/api/errors';
import { queryKeys } from '../../shared/query-keys';
import {
	disconnectInputSchema,
	type DisconnectInput,
	type DisconnectResponse,
} from '../../shared/schemas/configuration';
import type { SyncStatus } from '../../shared/schemas/sync';
import { webhooksQueryKey } from './use-webhooks';

/** "Đồng bộ nhanh" (POST /sync/quick): the answer is the sync status to poll. */
export function useQuickSync() {
	const queryClient = useQueryClient();
	return useMutation< SyncStatus, ApiError, void >( {
		mutationFn: () => postQuickSync(),
		onSuccess: ( status ) =>
			queryClient.setQueryData( queryKeys.syncStatus, status ),
		onError: ( error ) => {
			if ( isApiError( error ) && error.status === 409 ) {
				void queryClient.invalidateQueries( {
					queryKey: queryKeys.syncStatus,
				} );
			}
		},
	} );
}

/** "Ngắt kết nối" (DELETE /connection with delete_categories / delete_products). */
export function useDisconnectWith() {
	const queryClient = useQueryClient();
	return useMutation< DisconnectResponse, ApiError, DisconnectInput >( {
		mutationFn: ( input ) =>
			deleteConnectionWith( parseInput( disconnectInputSchema, input ) ),
		onSuccess: ( response ) => {
			const { deleting, ...connection } = response;
			void deleting;
			queryClient.setQueryData( queryKeys.connection, connection );
			queryClient.removeQueries( { queryKey: queryKeys.branches } );
			queryClient.removeQueries( { queryKey: webhooksQueryKey } );
			void queryClient.invalidateQueries( {
				queryKey: queryKeys.syncStatus,
			} );
			void queryClient.invalidateQueries( {
				queryKey: queryKeys.catalog,
			} );
		},
	} );
}
