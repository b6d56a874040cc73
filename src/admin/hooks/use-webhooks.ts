/**
 * Data hooks for the webhook subscriptions (GET /webhooks, POST /webhooks/register).
 */

/**
 * External dependencies
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import {
	fetchWebhooks,
	postWebhooksRegister,
} from '../../shared/api/configuration';
import type { ApiError } from '../../shared/api/errors';
import { queryKeys } from '../../shared/query-keys';
import type { WebhooksStatus } from '../../shared/schemas/webhooks';

export const webhooksQueryKey = [ ...queryKeys.all, 'webhooks' ] as const;

/**
 * Subscription states and the last delivery (GET /webhooks).
 *
 * @param enabled Fetch only while connected.
 */
export function useWebhooks( enabled = true ) {
	return useQuery< WebhooksStatus, ApiError >( {
		queryKey: webhooksQueryKey,
		queryFn: ( { signal } ) => fetchWebhooks( signal ),
		enabled,
	} );
}

/** "Đăng ký lại webhook" (POST /webhooks/register). */
export function useRegisterWebhooks() {
	const queryClient = useQueryClient();
	return useMutation< WebhooksStatus, ApiError, void >( {
		mutationFn: () => postWebhooksRegister(),
		onSuccess: ( status ) =>
			queryClient.setQueryData( webhooksQueryKey, status ),
	} );
}
