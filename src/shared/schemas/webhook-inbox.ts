/**
 * Zod mirror of GET /webhooks/inbox and POST /webhooks/inbox/{id}/reprocess
 * (Rest\WebhooksController::item()).
 */

/**
 * External dependencies
 */
import { z } from 'zod';

export const webhookInboxItemSchema = z.object( {
	id: z.number().int(),
	delivery_id: z.string(),
	received_at: z.string().nullable(),
	attempt: z.number().int(),
	verified: z.boolean(),
	verification: z.string(),
	state: z.string(),
	events: z.number().int(),
	body_bytes: z.number().int(),
	body: z.string(),
	body_truncated: z.boolean(),
	processed_at: z.string().nullable(),
	error: z.string().nullable(),
} );

export const webhookInboxPageSchema = z.object( {
	items: z.array( webhookInboxItemSchema ),
	total: z.number().int().nonnegative(),
	page: z.number().int().positive(),
	per_page: z.number().int().positive(),
	total_pages: z.number().int().nonnegative(),
} );

export type WebhookInboxItem = z.infer< typeof webhookInboxItemSchema >;
export type WebhookInboxPage = z.infer< typeof webhookInboxPageSchema >;
