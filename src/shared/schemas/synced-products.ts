/**
 * Zod mirror of the Synced product list routes (includes/Rest/SyncedProductsController.php):
 * GET /products and PUT /products/{id}/sync.
 */

/**
 * External dependencies
 */
import { z } from 'zod';

export const PRODUCT_SOURCES = [ 'kiotviet', 'woocommerce' ] as const;
export const PRODUCT_SOURCE_FILTERS = [ 'all', ...PRODUCT_SOURCES ] as const;
export const PRODUCT_STATE_FILTERS = [
	'all',
	'synced',
	'paused',
	'error',
] as const;

export const syncedProductSchema = z.object( {
	id: z.number().int().positive(),
	name: z.string(),
	sku: z.string().nullable(),
	type: z.enum( [ 'simple', 'variable' ] ),
	status: z.string(),
	regular_price: z.string().nullable(),
	sale_price: z.string().nullable(),
	min_price: z.string().nullable(),
	max_price: z.string().nullable(),
	stock_quantity: z.number().int().nullable(),
	stock_status: z.string(),
	image_url: z.string().nullable(),
	source: z.enum( PRODUCT_SOURCES ),
	kiotviet_id: z.number().int().nullable(),
	kiotviet_code: z.string().nullable(),
	sync_enabled: z.boolean(),
	/** ISO 8601 in the site timezone. */
	last_synced_at: z.string().nullable(),
	last_error: z.string().nullable(),
	edit_url: z.string(),
} );

export const syncedProductsPageSchema = z.object( {
	items: z.array( syncedProductSchema ),
	total: z.number().int().nonnegative(),
	page: z.number().int().positive(),
	per_page: z.number().int().positive(),
	total_pages: z.number().int().nonnegative(),
} );

export const syncedProductsQuerySchema = z.object( {
	source: z.enum( PRODUCT_SOURCE_FILTERS ).default( 'all' ),
	state: z.enum( PRODUCT_STATE_FILTERS ).default( 'all' ),
	search: z.string().max( 200 ).default( '' ),
	page: z.number().int().positive().default( 1 ),
	per_page: z.number().int().min( 1 ).max( 100 ).default( 20 ),
} );

export const productSyncBodySchema = z.object( {
	enabled: z.boolean(),
} );

export type SyncedProduct = z.infer< typeof syncedProductSchema >;
export type SyncedProductsPage = z.infer< typeof syncedProductsPageSchema >;
export type SyncedProductsQuery = z.input< typeof syncedProductsQuerySchema >;
export type ProductSyncBody = z.infer< typeof productSyncBodySchema >;
