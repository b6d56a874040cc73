/**
 * Zod mirror of GET /health (Admin\HealthCheck::report()).
 */

/**
 * External dependencies
 */
import { z } from 'zod';

export const healthProblemSchema = z.object( {
	code: z.string(),
	message: z.string(),
} );

export const healthSchema = z.object( {
	connection: z.object( {
		state: z.enum( [ 'not_connected', 'needs_branch', 'ready' ] ),
		retailer: z.string().nullable(),
		token_expires_at: z.string().nullable(),
	} ),
	webhooks: z
		.object( {
			subscriptions_active: z.number().int(),
			subscriptions_expected: z.number().int(),
			last_delivery_at: z.string().nullable(),
		} )
		.nullable(),
	queue: z.object( {
		pending: z.number().int(),
		failed: z.number().int(),
	} ),
	api: z.object( {
		get_calls_last_hour: z.number().int(),
		budget: z.number().int(),
	} ),
	cron: z.object( {
		wp_cron_disabled: z.boolean(),
		action_scheduler: z.boolean(),
	} ),
	problems: z.array( healthProblemSchema ),
} );

export type Health = z.infer< typeof healthSchema >;
export type HealthProblem = z.infer< typeof healthProblemSchema >;
