/**
 * Data hooks for the webhook inbox tab of the history screen
 * (GET /webhooks/inbox, POST /webhooks/inbox/{id}/reprocess).
 */

/**
 * External dependencies
 */
import {
	keepPreviousData,
	useMutation,
	useQuery,
	useQueryClient,
} from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import {
	fetchWebhookInbox,
	postWebhookReprocess,
} from '../../shared/api/endpoints';
import type { ApiError } from '../../shared/api/errors';
import { queryKeys } from '../../shared/query-keys';
import type {
	WebhookInboxItem,
	WebhookInboxPage,
} from '../../shared/schemas/webhook-inbox';

const INBOX_KEY = [ ...queryKeys.all, 'webhook-inbox' ] as const;

/**
 * One page of received webhook deliveries, newest first.
 *
 * @param page Page, from 1.
 */
export function useWebhookInbox( page: number ) {
	return useQuery< WebhookInboxPage, ApiError >( {
		queryKey: [ ...INBOX_KEY, page ],
		queryFn: ( { signal } ) => fetchWebhookInbox( page, signal ),
		placeholderData: keepPreviousData,
	} );
}

/** Queues one delivery for processing again. */
export function useReprocessWebhook() {
	const queryClient = useQueryClient();
	return useMutation< WebhookInboxItem, ApiError, number >( {
		mutationFn: ( id ) => postWebhookReprocess( id ),
		onSuccess: () =>
			void queryClient.invalidateQueries( { queryKey: INBOX_KEY } ),
	} );
}
