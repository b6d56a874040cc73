/**
 * Zod mirror of GET /webhooks and POST /webhooks/register
 * (includes/Webhooks/README.md, "Routes"; PHP WebhooksController::status()).
 */

/**
 * External dependencies
 */
import { z } from 'zod';

export const WEBHOOK_STATES = [
	'active',
	'inactive',
	'missing',
	'conflict',
	'failed',
] as const;

export const webhookSubscriptionSchema = z.object( {
	type: z.string(),
	state: z.enum( WEBHOOK_STATES ).or( z.string() ),
	url: z.string().nullable(),
	id: z.number().int().nullable(),
} );

export const webhookConflictSchema = z.object( {
	type: z.string(),
	url: z.string(),
	id: z.number().int().nullable(),
	is_active: z.boolean(),
} );

export const webhooksStatusSchema = z.object( {
	subscriptions: z.array( webhookSubscriptionSchema ),
	conflicts: z.array( webhookConflictSchema ),
	receiver_url: z.string(),
	registered_at: z.string().nullable(),
	errors: z.array( z.unknown() ),
	live_error: z.string().nullable(),
	last_delivery_at: z.string().nullable(),
	inbox: z.record( z.string(), z.number() ),
} );

export type WebhookSubscription = z.infer< typeof webhookSubscriptionSchema >;
export type WebhooksStatus = z.infer< typeof webhooksStatusSchema >;
