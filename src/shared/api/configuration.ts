/**
 * Config screen endpoints: webhooks, quick sync and disconnect with deletion.
 */

/**
 * Internal dependencies
 */
import { request } from './client';
import { REST_NAMESPACE } from './endpoints';
import {
	disconnectResponseSchema,
	type DisconnectInput,
	type DisconnectResponse,
} from '../schemas/configuration';
import { syncStatusSchema, type SyncStatus } from '../schemas/sync';
import { webhooksStatusSchema, type WebhooksStatus } from '../schemas/webhooks';

export const CONFIGURATION_ENDPOINTS = {
	connection: `/${ REST_NAMESPACE }/connection`,
	webhooks: `/${ REST_NAMESPACE }/webhooks`,
	webhooksRegister: `/${ REST_NAMESPACE }/webhooks/register`,
	syncQuick: `/${ REST_NAMESPACE }/sync/quick`,
} as const;

/**
 * GET /webhooks
 *
 * @param signal Aborts the request when the query is cancelled.
 */
export function fetchWebhooks(
	signal?: AbortSignal
): Promise< WebhooksStatus > {
	return request( webhooksStatusSchema, {
		path: CONFIGURATION_ENDPOINTS.webhooks,
		signal,
	} );
}

/** POST /webhooks/register — re-registers every subscription. */
export function postWebhooksRegister(): Promise< WebhooksStatus > {
	return request( webhooksStatusSchema, {
		path: CONFIGURATION_ENDPOINTS.webhooksRegister,
		method: 'POST',
	} );
}

/** POST /sync/quick — "Đồng bộ nhanh". */
export function postQuickSync(): Promise< SyncStatus > {
	return request( syncStatusSchema, {
		path: CONFIGURATION_ENDPOINTS.syncQuick,
		method: 'POST',
	} );
}

/**
 * DELETE /connection with the "Xóa thông tin" flags.
 *
 * @param body What to delete of the synced data.
 */
export function deleteConnectionWith(
	body: DisconnectInput
): Promise< DisconnectResponse > {
	return request( disconnectResponseSchema, {
		path: CONFIGURATION_ENDPOINTS.connection,
		method: 'DELETE',
		data: body,
	} );
}
