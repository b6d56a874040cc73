/**
 * The connection fake (fake-api.ts) plus in-memory catalog, sync, price-book
 * and settings routes, answering like apiFetch. Use with
 * `vi.mock( '@wordpress/api-fetch' )` and `mockImplementation( api.handle )`.
 */

import type { CatalogProduct, Category, Preview } from '../schemas/catalog';
import type { Connection } from '../schemas/connection';
import type { PriceBook } from '../schemas/price-books';
import type { Settings } from '../schemas/settings';
import type { Run, SyncStatus } from '../schemas/sync';
import {
	createFakeApi,
	NOT_CONNECTED,
	wpError,
	type FetchOptions,
	type WpErrorBody,
} from './fake-api';

export const SETTINGS: Settings = {
	stock_mode: 'branch',
	regular_price_book_id: 0,
	sale_price_book_id: null,
	match_by_sku: false,
	locked_fields: [],
	auto_add_new_products: false,
	reconcile_interval_minutes: 15,
	order_branch_id: null,
	auto_push_orders: false,
	push_statuses: [ 'processing', 'completed', 'on-hold' ],
	order_lines_by_sku: false,
	sync_shipping: false,
	auto_resync_orders: false,
	auto_resync_interval: 3600,
	auto_resync_limit: 1000,
	history_retention_days: 30,
};

export const CATEGORIES: Category[] = [
	{
		id: 900,
		name: 'Thời trang',
		parent_id: null,
		product_count: 70,
		selected_count: 0,
	},
	{
		id: 901,
		name: 'Áo thun',
		parent_id: 900,
		product_count: 40,
		selected_count: 0,
	},
	{
		id: 902,
		name: 'Quần jean',
		parent_id: 900,
		product_count: 30,
		selected_count: 0,
	},
	{
		id: 910,
		name: 'Dịch vụ',
		parent_id: null,
		product_count: 50,
		selected_count: 0,
	},
];

/** 120 products: 40 in 901, 30 in 902, 50 services in 910 (sorted by id). */
export function makeProducts(): CatalogProduct[] {
	const products: CatalogProduct[] = [];
	const add = ( index: number, categoryId: number, category: string ) => {
		const id = 31000100 + index;
		const isService = categoryId === 910;
		products.push( {
			id,
			code: isService ? `DV-${ index }` : `SP-${ index }`,
			name: isService ? `Dịch vụ ${ index }` : `Sản phẩm ${ index }`,
			full_name: isService ? `Dịch vụ ${ index }` : `Sản phẩm ${ index }`,
			category_id: categoryId,
			category_name: category,
			kind: isService ? 'service' : 'goods',
			master_product_id: null,
			unit: 'cái',
			base_price: 100000 + index * 1000,
			stock: isService ? null : index,
			is_active: true,
			allows_sale: true,
			selected: false,
			synced: index % 10 === 0,
			woo_product_id: index % 10 === 0 ? 500 + index : null,
			last_synced_at:
				index % 10 === 0 ? '2026-11-29T08:00:00+00:00' : null,
			last_error: null,
			locked_fields: [],
		} );
	};
	for ( let i = 1; i <= 40; i++ ) {
		add( i, 901, 'Áo thun' );
	}
	for ( let i = 41; i <= 70; i++ ) {
		add( i, 902, 'Quần jean' );
	}
	for ( let i = 71; i <= 120; i++ ) {
		add( i, 910, 'Dịch vụ' );
	}
	return products;
}

export const PRICE_BOOKS: PriceBook[] = [
	{
		id: 0,
		name: 'Bảng giá chung',
		is_general: true,
		start_date: null,
		end_date: null,
	},
	{
		id: 77,
		name: 'Giá online',
		is_general: false,
		start_date: '2026-01-01T00:00:00+07:00',
		end_date: '2027-01-01T00:00:00+07:00',
	},
	{
		id: 78,
		name: 'Khuyến mại Tết',
		is_general: false,
		start_date: '2026-01-01T00:00:00+07:00',
		end_date: '2027-01-01T00:00:00+07:00',
	},
];

export const PREVIEW: Preview = {
	products: { create: 12, update: 3, skip: 1, conflict: 1 },
	variations: { create: 6, update: 0, skip: 0, conflict: 0 },
	categories: { create: 2, update: 1, skip: 0, conflict: 0 },
	conflicts: [
		{
			code: 'sku_exists',
			kiotviet_id: 31000105,
			sku: 'SP-5',
			message: 'A WooCommerce product already uses the SKU SP-5.',
		},
	],
};

const NOW = '2026-11-29T08:00:00+00:00';

export function makeRun( overrides: Partial< Run > = {} ): Run {
	return {
		id: 12,
		kind: 'fetch',
		state: 'running',
		phase: 'products',
		phases: [
			{ name: 'categories', state: 'done', done: 4, total: 4 },
			{ name: 'products', state: 'running', done: 50, total: 120 },
			{ name: 'branches', state: 'pending', done: 0, total: 0 },
			{ name: 'price_books', state: 'pending', done: 0, total: 0 },
		],
		counts: { created: 0, updated: 0, skipped: 0, failed: 0 },
		message: null,
		started_at: NOW,
		updated_at: NOW,
		finished_at: null,
		...overrides,
	};
}

export const NEVER_FETCHED: SyncStatus = {
	run: null,
	last_fetch_at: null,
	last_import_at: null,
	catalog: { products: 0, categories: 0, selected: 0 },
};

export const FETCHED: SyncStatus = {
	run: makeRun( {
		state: 'done',
		phase: 'done',
		phases: [
			{ name: 'categories', state: 'done', done: 4, total: 4 },
			{ name: 'products', state: 'done', done: 120, total: 120 },
			{ name: 'branches', state: 'done', done: 2, total: 2 },
			{ name: 'price_books', state: 'done', done: 3, total: 3 },
		],
		finished_at: NOW,
	} ),
	last_fetch_at: NOW,
	last_import_at: null,
	catalog: { products: 120, categories: 4, selected: 0 },
};

export const IMPORTED: SyncStatus = {
	run: makeRun( {
		id: 13,
		kind: 'import',
		state: 'done',
		phase: 'done',
		phases: [
			{ name: 'import_categories', state: 'done', done: 3, total: 3 },
			{ name: 'import_products', state: 'done', done: 16, total: 16 },
			{ name: 'images', state: 'done', done: 10, total: 10 },
		],
		counts: { created: 12, updated: 3, skipped: 1, failed: 0 },
		finished_at: NOW,
	} ),
	last_fetch_at: NOW,
	last_import_at: NOW,
	catalog: { products: 120, categories: 4, selected: 16 },
};

export function importRun( overrides: Partial< Run > = {} ): Run {
	return makeRun( {
		id: 13,
		kind: 'import',
		phase: 'import_products',
		phases: [
			{ name: 'import_categories', state: 'done', done: 3, total: 3 },
			{ name: 'import_products', state: 'running', done: 4, total: 16 },
			{ name: 'images', state: 'pending', done: 0, total: 0 },
		],
		...overrides,
	} );
}

type Route = ( options: FetchOptions, query: URLSearchParams ) => unknown;

export function createFakeCatalogApi(
	initial: Connection = NOT_CONNECTED,
	initialStatus: SyncStatus = NEVER_FETCHED
) {
	const base = createFakeApi( initial );
	const api = Object.assign( base, {
		status: structuredClone( initialStatus ) as SyncStatus,
		/** Statuses GET /sync/status answers next, one per call (then `status`). */
		statusQueue: [] as SyncStatus[],
		categories: structuredClone( CATEGORIES ),
		products: makeProducts(),
		settings: structuredClone( SETTINGS ) as Settings,
		priceBooks: structuredClone( PRICE_BOOKS ),
		preview: structuredClone( PREVIEW ) as Preview,
		/** Route ("PUT /catalog/selection") → error thrown once. */
		errors: {} as Record< string, WpErrorBody >,
	} );
	const connectionHandle = base.handle;

	const selectedCount = () =>
		api.products.filter( ( product ) => product.selected ).length;

	const inCategory = ( product: CatalogProduct, categoryId: number ) => {
		let current: number | null = product.category_id;
		while ( current !== null ) {
			if ( current === categoryId ) {
				return true;
			}
			const id: number = current;
			current =
				api.categories.find( ( category ) => category.id === id )
					?.parent_id ?? null;
		}
		return false;
	};

	const routes: Record< string, Route > = {
		'GET /sync/status': () => api.statusQueue.shift() ?? api.status,
		'POST /sync/fetch': () => {
			api.status = {
				...api.status,
				run: makeRun( {
					id: 20,
					state: 'queued',
					phase: 'categories',
				} ),
			};
			return api.status;
		},
		'POST /sync/import': () => {
			api.status = {
				...api.status,
				run: importRun( { id: 21, state: 'queued' } ),
			};
			return api.status;
		},
		// Counts follow the products (tests may trim the list).
		'GET /catalog/categories': () => ( {
			categories: api.categories.map( ( category ) => {
				const inside = api.products.filter( ( product ) =>
					inCategory( product, category.id )
				);
				return {
					...category,
					product_count: inside.length,
					selected_count: inside.filter(
						( product ) => product.selected
					).length,
				};
			} ),
		} ),
		'GET /catalog/products': ( _options, query ) => {
			const search = ( query.get( 'search' ) ?? '' ).toLowerCase();
			const categoryId = Number( query.get( 'category_id' ) ?? 0 );
			const filter = query.get( 'filter' ) ?? 'all';
			const page = Number( query.get( 'page' ) ?? 1 );
			const perPage = Number( query.get( 'per_page' ) ?? 50 );
			const matching = api.products.filter(
				( product ) =>
					( ! search ||
						product.name.toLowerCase().includes( search ) ||
						product.full_name.toLowerCase().includes( search ) ||
						product.code.toLowerCase().includes( search ) ) &&
					( ! categoryId || inCategory( product, categoryId ) ) &&
					( filter === 'all' ||
						( filter === 'selected' && product.selected ) ||
						( filter === 'unselected' && ! product.selected ) ||
						( filter === 'new' && ! product.synced ) ||
						( filter === 'synced' && product.synced ) )
			);
			return {
				items: matching.slice( ( page - 1 ) * perPage, page * perPage ),
				total: matching.length,
				page,
				per_page: perPage,
				total_pages: Math.ceil( matching.length / perPage ),
			};
		},
		'PUT /catalog/selection': ( options ) => {
			const body = options.data as {
				action: 'select' | 'deselect';
				scope: string;
				ids?: number[];
				category_id?: number;
			};
			const value = body.action === 'select';
			for ( const product of api.products ) {
				if (
					body.scope === 'all' ||
					( body.scope === 'new' && ! product.synced ) ||
					( body.scope === 'ids' &&
						body.ids?.includes( product.id ) ) ||
					( body.scope === 'category' &&
						inCategory( product, body.category_id ?? 0 ) )
				) {
					product.selected = value;
				}
			}
			for ( const category of api.categories ) {
				category.selected_count = api.products.filter(
					( product ) =>
						product.selected && inCategory( product, category.id )
				).length;
			}
			api.status = {
				...api.status,
				catalog: { ...api.status.catalog, selected: selectedCount() },
			};
			return { selected: selectedCount(), total: api.products.length };
		},
		'GET /catalog/preview': () => api.preview,
		'GET /price-books': () => ( {
			price_books: api.priceBooks,
			regular_price_book_id: api.settings.regular_price_book_id,
			sale_price_book_id: api.settings.sale_price_book_id,
		} ),
		'GET /settings': () => api.settings,
		'PUT /settings': ( options ) => {
			const body = options.data as Partial< Settings >;
			const merged = { ...api.settings, ...body };
			if (
				merged.sale_price_book_id !== null &&
				merged.sale_price_book_id === merged.regular_price_book_id
			) {
				throw wpError(
					'kiotviet_sync_invalid_field',
					'Invalid parameter(s): sale_price_book_id',
					400,
					{
						sale_price_book_id:
							'The sale price book must be different from the regular price book.',
					}
				);
			}
			api.settings = merged;
			return api.settings;
		},
	};

	api.handle = async ( options: FetchOptions ): Promise< unknown > => {
		const method = ( options.method ?? 'GET' ).toUpperCase();
		const full = ( options.path ?? '' ).replace(
			/^\/kiotviet-sync\/v1/,
			''
		);
		const [ path, search = '' ] = full.split( '?' );
		let route = `${ method } ${ path }`;
		const run = /^POST \/sync\/runs\/(\d+)\/(pause|resume|cancel)$/.exec(
			route
		);
		const locks = /^PUT \/catalog\/products\/(\d+)\/locks$/.exec( route );
		if ( run ) {
			route = 'POST /sync/runs/{id}/{action}';
		} else if ( locks ) {
			route = 'PUT /catalog/products/{id}/locks';
		}
		const error = api.errors[ route ];
		if ( error ) {
			api.calls.push( {
				method,
				path: options.path ?? '',
				data: options.data,
			} );
			delete api.errors[ route ];
			throw error;
		}
		if ( run ) {
			api.calls.push( {
				method,
				path: options.path ?? '',
				data: options.data,
			} );
			const states = {
				pause: 'paused',
				resume: 'running',
				cancel: 'cancelled',
			} as const;
			if ( api.status.run ) {
				api.status = {
					...api.status,
					run: {
						...api.status.run,
						state: states[ run[ 2 ] as keyof typeof states ],
					},
				};
			}
			return api.status;
		}
		if ( locks ) {
			api.calls.push( {
				method,
				path: options.path ?? '',
				data: options.data,
			} );
			const product = api.products.find(
				( candidate ) => candidate.id === Number( locks[ 1 ] )
			);
			if ( ! product ) {
				throw wpError( 'rest_not_found', 'Not found.', 404 );
			}
			product.locked_fields = (
				options.data as {
					locked_fields: CatalogProduct[ 'locked_fields' ];
				}
			 ).locked_fields;
			return product;
		}
		const handler = routes[ route ];
		if ( ! handler ) {
			return connectionHandle( options );
		}
		api.calls.push( {
			method,
			path: options.path ?? '',
			data: options.data,
		} );
		return structuredClone(
			handler( options, new URLSearchParams( search ) )
		);
	};
	return api;
}

export type FakeCatalogApi = ReturnType< typeof createFakeCatalogApi >;
