/**
 * Zod mirror of the orders routes (docs/architecture.md, "Orders"):
 * GET /orders, POST /orders/{id}/sync, POST /orders/sync.
 */

/**
 * External dependencies
 */
import { z } from 'zod';

export const ORDER_SYNC_STATES = [
	'synced',
	'waiting',
	'failed',
	'not_eligible',
] as const;

export const ORDER_STATE_FILTERS = [
	'all',
	'synced',
	'waiting',
	'failed',
] as const;

export const orderItemSchema = z.object( {
	id: z.number().int().positive(),
	number: z.string(),
	date: z.string().nullable(),
	status: z.string(),
	total: z.number(),
	customer: z.string(),
	sync_state: z.enum( ORDER_SYNC_STATES ),
	kiotviet_code: z.string().nullable(),
	kiotviet_id: z.number().int().nullable(),
	message: z.string().nullable(),
	attempts: z.number().int().nonnegative(),
	edit_url: z.string(),
} );

export const ordersPageSchema = z.object( {
	items: z.array( orderItemSchema ),
	total: z.number().int().nonnegative(),
	page: z.number().int().positive(),
	per_page: z.number().int().positive(),
	total_pages: z.number().int().nonnegative(),
	counts: z
		.object( {
			synced: z.number().int().nonnegative(),
			waiting: z.number().int().nonnegative(),
			failed: z.number().int().nonnegative(),
		} )
		.optional(),
} );

export const orderSyncResponseSchema = z.object( {
	item: orderItemSchema.nullable(),
	outcome: z.string(),
} );

export const ordersSyncResponseSchema = z.object( {
	items: z.array( orderItemSchema ),
	outcomes: z.record( z.string(), z.string() ),
} );

export const ordersQuerySchema = z.object( {
	state: z.enum( ORDER_STATE_FILTERS ).default( 'all' ),
	search: z.string().max( 100 ).default( '' ),
	page: z.number().int().positive().default( 1 ),
	per_page: z.number().int().min( 1 ).max( 100 ).default( 20 ),
} );

export const ordersSyncBodySchema = z.object( {
	ids: z.array( z.number().int().positive() ).min( 1 ).max( 100 ),
} );

export type OrderItem = z.infer< typeof orderItemSchema >;
export type OrdersPage = z.infer< typeof ordersPageSchema >;
export type OrdersQuery = z.input< typeof ordersQuerySchema >;
export type OrderSyncResponse = z.infer< typeof orderSyncResponseSchema >;
export type OrdersSyncResponse = z.infer< typeof ordersSyncResponseSchema >;
export type OrdersSyncBody = z.infer< typeof ordersSyncBodySchema >;
