/**
 * REST paths and one typed function per route. Screens never import these
 * directly: they go through the hooks in src/admin/hooks/.
 */

/**
 * Internal dependencies
 */
import { request, requestFile, type DownloadedFile } from './client';
import {
	branchesResponseSchema,
	connectionSchema,
	type BranchesResponse,
	type ConnectBody,
	type Connection,
} from '../schemas/connection';
import {
	settingsSchema,
	type Settings,
	type SettingsPatch,
} from '../schemas/settings';
import {
	historyPageSchema,
	type HistoryFilters,
	type HistoryPage,
} from '../schemas/history';
import { healthSchema, type Health } from '../schemas/health';
import {
	webhookInboxItemSchema,
	webhookInboxPageSchema,
	type WebhookInboxItem,
	type WebhookInboxPage,
} from '../schemas/webhook-inbox';
import {
	syncStatusSchema,
	type RunAction,
	type SyncStatus,
} from '../schemas/sync';
import {
	categoriesResponseSchema,
	catalogProductSchema,
	previewSchema,
	productsPageSchema,
	selectionResponseSchema,
	type CatalogProduct,
	type CategoriesResponse,
	type Preview,
	type ProductLocksBody,
	type ProductsPage,
	type ProductsQuery,
	type SelectionBody,
	type SelectionResponse,
} from '../schemas/catalog';
import {
	orderSyncResponseSchema,
	ordersPageSchema,
	ordersSyncResponseSchema,
	type OrderSyncResponse,
	type OrdersPage,
	type OrdersSyncBody,
	type OrdersSyncResponse,
} from '../schemas/orders';
import {
	priceBooksResponseSchema,
	type PriceBooksResponse,
} from '../schemas/price-books';

export const REST_NAMESPACE = 'kiotviet-sync/v1';

export const ENDPOINTS = {
	connection: `/${ REST_NAMESPACE }/connection`,
	connectionBranch: `/${ REST_NAMESPACE }/connection/branch`,
	branches: `/${ REST_NAMESPACE }/branches`,
	settings: `/${ REST_NAMESPACE }/settings`,
	history: `/${ REST_NAMESPACE }/history`,
	historyExport: `/${ REST_NAMESPACE }/history/export`,
	health: `/${ REST_NAMESPACE }/health`,
	webhookInbox: `/${ REST_NAMESPACE }/webhooks/inbox`,
	syncStatus: `/${ REST_NAMESPACE }/sync/status`,
	syncFetch: `/${ REST_NAMESPACE }/sync/fetch`,
	syncImport: `/${ REST_NAMESPACE }/sync/import`,
	syncRuns: `/${ REST_NAMESPACE }/sync/runs`,
	catalogCategories: `/${ REST_NAMESPACE }/catalog/categories`,
	catalogProducts: `/${ REST_NAMESPACE }/catalog/products`,
	catalogSelection: `/${ REST_NAMESPACE }/catalog/selection`,
	catalogPreview: `/${ REST_NAMESPACE }/catalog/preview`,
	priceBooks: `/${ REST_NAMESPACE }/price-books`,
	orders: `/${ REST_NAMESPACE }/orders`,
	ordersSync: `/${ REST_NAMESPACE }/orders/sync`,
} as const;

/**
 * GET /connection
 *
 * @param signal Aborts the request when the query is cancelled.
 */
export function fetchConnection( signal?: AbortSignal ): Promise< Connection > {
	return request( connectionSchema, { path: ENDPOINTS.connection, signal } );
}

/**
 * POST /connection — verifies the credentials with KiotViet and stores them.
 *
 * @param body Validated connect body (see connectInputSchema).
 */
export function postConnection( body: ConnectBody ): Promise< Connection > {
	return request( connectionSchema, {
		path: ENDPOINTS.connection,
		method: 'POST',
		data: body,
	} );
}

/** DELETE /connection — removes credentials, token and branch. */
export function deleteConnection(): Promise< Connection > {
	return request( connectionSchema, {
		path: ENDPOINTS.connection,
		method: 'DELETE',
	} );
}

/**
 * GET /branches
 *
 * @param signal Aborts the request when the query is cancelled.
 */
export function fetchBranches(
	signal?: AbortSignal
): Promise< BranchesResponse > {
	return request( branchesResponseSchema, {
		path: ENDPOINTS.branches,
		signal,
	} );
}

/**
 * PUT /connection/branch
 *
 * @param body           Validated body (see selectBranchInputSchema).
 * @param body.branch_id KiotViet branch id.
 */
export function putConnectionBranch( body: {
	branch_id: number;
} ): Promise< Connection > {
	return request( connectionSchema, {
		path: ENDPOINTS.connectionBranch,
		method: 'PUT',
		data: body,
	} );
}

/**
 * GET /settings
 *
 * @param signal Aborts the request when the query is cancelled.
 */
export function fetchSettings( signal?: AbortSignal ): Promise< Settings > {
	return request( settingsSchema, { path: ENDPOINTS.settings, signal } );
}

/**
 * PUT /settings — partial update; answers the merged settings.
 *
 * @param body Changed keys only (see settingsPatchSchema).
 */
export function putSettings( body: SettingsPatch ): Promise< Settings > {
	return request( settingsSchema, {
		path: ENDPOINTS.settings,
		method: 'PUT',
		data: body,
	} );
}

/**
 * GET /sync/status
 *
 * @param signal Aborts the request when the query is cancelled.
 */
export function fetchSyncStatus( signal?: AbortSignal ): Promise< SyncStatus > {
	return request( syncStatusSchema, { path: ENDPOINTS.syncStatus, signal } );
}

/**
 * POST /sync/fetch or POST /sync/import — starts a background run (202).
 *
 * @param kind Which run.
 */
export function postSyncStart(
	kind: 'fetch' | 'import'
): Promise< SyncStatus > {
	return request( syncStatusSchema, {
		path: kind === 'fetch' ? ENDPOINTS.syncFetch : ENDPOINTS.syncImport,
		method: 'POST',
	} );
}

/**
 * POST /sync/runs/{id}/pause|resume|cancel
 *
 * @param id     Run id.
 * @param action What to do.
 */
export function postRunAction(
	id: number,
	action: RunAction
): Promise< SyncStatus > {
	return request( syncStatusSchema, {
		path: `${ ENDPOINTS.syncRuns }/${ id }/${ action }`,
		method: 'POST',
	} );
}

/**
 * GET /catalog/categories
 *
 * @param signal Aborts the request when the query is cancelled.
 */
export function fetchCatalogCategories(
	signal?: AbortSignal
): Promise< CategoriesResponse > {
	return request( categoriesResponseSchema, {
		path: ENDPOINTS.catalogCategories,
		signal,
	} );
}

/**
 * GET /catalog/products?search=&category_id=&filter=&page=&per_page=
 *
 * @param query  Validated query (see productsQuerySchema).
 * @param signal Aborts the request when the query is cancelled.
 */
export function fetchCatalogProducts(
	query: ProductsQuery,
	signal?: AbortSignal
): Promise< ProductsPage > {
	const params = new URLSearchParams();
	if ( query.search ) {
		params.set( 'search', query.search );
	}
	if ( query.category_id !== null ) {
		params.set( 'category_id', String( query.category_id ) );
	}
	params.set( 'filter', query.filter );
	params.set( 'page', String( query.page ) );
	params.set( 'per_page', String( query.per_page ) );
	return request( productsPageSchema, {
		path: `${ ENDPOINTS.catalogProducts }?${ params.toString() }`,
		signal,
	} );
}

/**
 * PUT /catalog/selection
 *
 * @param body Validated body (see selectionBodySchema).
 */
export function putCatalogSelection(
	body: SelectionBody
): Promise< SelectionResponse > {
	return request( selectionResponseSchema, {
		path: ENDPOINTS.catalogSelection,
		method: 'PUT',
		data: body,
	} );
}

/**
 * PUT /catalog/products/{id}/locks
 *
 * @param id   KiotViet product id.
 * @param body Validated body (see productLocksBodySchema).
 */
export function putProductLocks(
	id: number,
	body: ProductLocksBody
): Promise< CatalogProduct > {
	return request( catalogProductSchema, {
		path: `${ ENDPOINTS.catalogProducts }/${ id }/locks`,
		method: 'PUT',
		data: body,
	} );
}

/**
 * GET /catalog/preview — dry run of the import.
 *
 * @param signal Aborts the request when the query is cancelled.
 */
export function fetchCatalogPreview(
	signal?: AbortSignal
): Promise< Preview > {
	return request( previewSchema, { path: ENDPOINTS.catalogPreview, signal } );
}

/**
 * GET /price-books
 *
 * @param signal Aborts the request when the query is cancelled.
 */
export function fetchPriceBooks(
	signal?: AbortSignal
): Promise< PriceBooksResponse > {
	return request( priceBooksResponseSchema, {
		path: ENDPOINTS.priceBooks,
		signal,
	} );
}

/**
 * A REST path with the non-empty filters as query arguments.
 *
 * @param path    Route path.
 * @param filters Query values; empty strings and undefined are left out.
 */
export function withQuery(
	path: string,
	filters: Record< string, string | number | undefined >
): string {
	const query = new URLSearchParams();
	for ( const [ key, value ] of Object.entries( filters ) ) {
		if ( value !== undefined && value !== '' ) {
			query.set( key, String( value ) );
		}
	}
	const encoded = query.toString();
	return encoded ? `${ path }?${ encoded }` : path;
}

/**
 * GET /history
 *
 * @param filters Channel, result, dates, search, page, per_page.
 * @param signal  Aborts the request when the query is cancelled.
 */
export function fetchHistory(
	filters: HistoryFilters,
	signal?: AbortSignal
): Promise< HistoryPage > {
	return request( historyPageSchema, {
		path: withQuery( ENDPOINTS.history, { ...filters } ),
		signal,
	} );
}

/**
 * GET /history/export — the CSV of every row matching the filters.
 *
 * @param filters Channel, result, dates, search (no pagination).
 */
export function fetchHistoryExport(
	filters: HistoryFilters
): Promise< DownloadedFile > {
	const { page, per_page: perPage, ...rest } = filters;
	void page;
	void perPage;
	return requestFile( {
		path: withQuery( ENDPOINTS.historyExport, { ...rest } ),
	} );
}

/**
 * GET /health
 *
 * @param signal Aborts the request when the query is cancelled.
 */
export function fetchHealth( signal?: AbortSignal ): Promise< Health > {
	return request( healthSchema, { path: ENDPOINTS.health, signal } );
}

/**
 * GET /webhooks/inbox
 *
 * @param page   Page, from 1.
 * @param signal Aborts the request when the query is cancelled.
 */
export function fetchWebhookInbox(
	page: number,
	signal?: AbortSignal
): Promise< WebhookInboxPage > {
	return request( webhookInboxPageSchema, {
		path: withQuery( ENDPOINTS.webhookInbox, { page, per_page: 20 } ),
		signal,
	} );
}

/**
 * POST /webhooks/inbox/{id}/reprocess
 *
 * @param id Inbox row id.
 */
export function postWebhookReprocess(
	id: number
): Promise< WebhookInboxItem > {
	return request( webhookInboxItemSchema, {
		path: `${ ENDPOINTS.webhookInbox }/${ id }/reprocess`,
		method: 'POST',
	} );
}

/**
 * GET /orders — the website orders with their KiotViet sync state.
 *
 * @param query          State filter, search and page (already validated).
 * @param query.state
 * @param query.search
 * @param query.page
 * @param query.per_page
 * @param signal         Aborts the request when the query is cancelled.
 */
export function fetchOrders(
	query: { state: string; search: string; page: number; per_page: number },
	signal?: AbortSignal
): Promise< OrdersPage > {
	const params = new URLSearchParams();
	params.set( 'state', query.state );
	if ( query.search ) {
		params.set( 'search', query.search );
	}
	params.set( 'page', String( query.page ) );
	params.set( 'per_page', String( query.per_page ) );
	return request( ordersPageSchema, {
		path: `${ ENDPOINTS.orders }?${ params.toString() }`,
		signal,
	} );
}

/**
 * POST /orders/{id}/sync — "Đồng bộ lại" for one order.
 *
 * @param id Order id.
 */
export function postOrderSync( id: number ): Promise< OrderSyncResponse > {
	return request( orderSyncResponseSchema, {
		path: `${ ENDPOINTS.orders }/${ id }/sync`,
		method: 'POST',
	} );
}

/**
 * POST /orders/sync — "Đồng bộ lại" for several orders.
 *
 * @param body The order ids.
 */
export function postOrdersSync(
	body: OrdersSyncBody
): Promise< OrdersSyncResponse > {
	return request( ordersSyncResponseSchema, {
		path: ENDPOINTS.ordersSync,
		method: 'POST',
		data: body,
	} );
}
