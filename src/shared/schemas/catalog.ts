/**
 * Zod mirror of the catalog REST contract (docs/architecture.md, "Catalog"):
 * the local cache of KiotViet categories and products, the selection of what
 * to sync, per-product locks and the import dry run.
 */

/**
 * External dependencies
 */
import { z } from 'zod';

/**
 * Internal dependencies
 */
import { lockableFieldSchema } from './settings';

const isoDate = z.iso.datetime( { offset: true } );
const count = z.number().int().nonnegative();

/** One category of GET /catalog/categories (flat, parents first; counts include descendants). */
export const categorySchema = z.object( {
	id: z.number().int().positive(),
	name: z.string(),
	parent_id: z.number().int().positive().nullable(),
	product_count: count,
	selected_count: count,
} );

export const categoriesResponseSchema = z.object( {
	categories: z.array( categorySchema ),
} );

export const productKindSchema = z.enum( [
	'goods',
	'service',
	'combo',
	'serial',
	'batch',
	'unit',
	'variant',
] );

/** One cached KiotViet product as GET /catalog/products lists it. */
export const catalogProductSchema = z.object( {
	id: z.number().int().positive(),
	code: z.string(),
	name: z.string(),
	full_name: z.string(),
	category_id: z.number().int().positive().nullable(),
	category_name: z.string().nullable(),
	kind: productKindSchema,
	master_product_id: z.number().int().positive().nullable(),
	unit: z.string().nullable(),
	base_price: z.number(),
	stock: z.number().nullable(),
	is_active: z.boolean(),
	allows_sale: z.boolean(),
	selected: z.boolean(),
	synced: z.boolean(),
	woo_product_id: z.number().int().positive().nullable(),
	last_synced_at: isoDate.nullable(),
	last_error: z.string().nullable(),
	locked_fields: z.array( lockableFieldSchema ),
} );

export const productFilterSchema = z.enum( [
	'all',
	'selected',
	'unselected',
	'new',
	'synced',
] );

export const PRODUCTS_PER_PAGE = 50;

/** Query of GET /catalog/products. */
export const productsQuerySchema = z.object( {
	search: z.string().trim().max( 200 ).default( '' ),
	category_id: z.number().int().positive().nullable().default( null ),
	filter: productFilterSchema.default( 'all' ),
	page: z.number().int().positive().default( 1 ),
	per_page: z
		.number()
		.int()
		.positive()
		.max( 100 )
		.default( PRODUCTS_PER_PAGE ),
} );

export const productsPageSchema = z.object( {
	items: z.array( catalogProductSchema ),
	total: count,
	page: z.number().int().positive(),
	per_page: z.number().int().positive(),
	total_pages: count,
} );

/** Body of PUT /catalog/selection. */
export const selectionBodySchema = z.discriminatedUnion( 'scope', [
	z.object( {
		action: z.enum( [ 'select', 'deselect' ] ),
		scope: z.literal( 'ids' ),
		ids: z.array( z.number().int().positive() ).min( 1 ),
	} ),
	z.object( {
		action: z.enum( [ 'select', 'deselect' ] ),
		scope: z.literal( 'category' ),
		category_id: z.number().int().positive(),
	} ),
	z.object( {
		action: z.enum( [ 'select', 'deselect' ] ),
		scope: z.enum( [ 'all', 'new' ] ),
	} ),
] );

export const selectionResponseSchema = z.object( {
	selected: count,
	total: count,
} );

/** Body of PUT /catalog/products/{id}/locks. */
export const productLocksBodySchema = z.object( {
	locked_fields: z.array( lockableFieldSchema ),
} );

const previewCountsSchema = z.object( {
	create: count,
	update: count,
	skip: count,
	conflict: count,
} );

/*
 * One conflict of the dry run. The contract names the KiotViet id
 * `kiotviet_id` and carries a `message`; Sync\Catalog\DryRunReport writes its
 * issues as { code, severity, entity, kv_id, sku, details }. Both spellings are
 * accepted so the preview still shows while the REST layer settles.
 */
export const previewConflictSchema = z.preprocess(
	( raw ) => {
		if ( typeof raw !== 'object' || raw === null ) {
			return raw;
		}
		const value = raw as Record< string, unknown >;
		return {
			...value,
			kiotviet_id: value.kiotviet_id ?? value.kv_id,
			sku: value.sku ?? '',
			message: value.message ?? '',
		};
	},
	z.object( {
		code: z.string(),
		kiotviet_id: z.number().int().nonnegative(),
		sku: z.string(),
		message: z.string(),
	} )
);

/** Response of GET /catalog/preview. */
export const previewSchema = z.object( {
	products: previewCountsSchema,
	variations: previewCountsSchema,
	categories: previewCountsSchema,
	conflicts: z.array( previewConflictSchema ),
} );

export type Category = z.infer< typeof categorySchema >;
export type CategoriesResponse = z.infer< typeof categoriesResponseSchema >;
export type ProductKind = z.infer< typeof productKindSchema >;
export type CatalogProduct = z.infer< typeof catalogProductSchema >;
export type ProductFilter = z.infer< typeof productFilterSchema >;
export type ProductsQueryInput = z.input< typeof productsQuerySchema >;
export type ProductsQuery = z.output< typeof productsQuerySchema >;
export type ProductsPage = z.infer< typeof productsPageSchema >;
export type SelectionBody = z.infer< typeof selectionBodySchema >;
export type SelectionResponse = z.infer< typeof selectionResponseSchema >;
export type ProductLocksBody = z.infer< typeof productLocksBodySchema >;
export type PreviewCounts = z.infer< typeof previewCountsSchema >;
export type PreviewConflict = z.infer< typeof previewConflictSchema >;
export type Preview = z.infer< typeof previewSchema >;
