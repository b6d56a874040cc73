/**
 * Data hooks of the "Danh sách sản phẩm đồng bộ" screen: the product list
 * (GET /products) and the per-product switch "Đang đồng bộ / Ngừng đồng bộ"
 * (PUT /products/{id}/sync), applied optimistically and rolled back on error.
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
import { parseInput, request } from '../../shared/api/client';
import { REST_NAMESPACE } from '../../shared/api/endpoints';
import type { ApiError } from '../../shared/api/errors';
import { queryKeys } from '../../shared/query-keys';
import {
	productSyncBodySchema,
	syncedProductSchema,
	syncedProductsPageSchema,
	syncedProductsQuerySchema,
	type SyncedProduct,
	type SyncedProductsPage,
	type SyncedProductsQuery,
} from '../../shared/schemas/synced-products';

const PRODUCTS_PATH = `/${ REST_NAMESPACE }/products`;

/**
 * GET /products.
 *
 * @param query  Validated filters and page.
 * @param signal Aborts the request when the query is cancelled.
 */
function fetchSyncedProducts(
	query: Required< SyncedProductsQuery >,
	signal?: AbortSignal
): Promise< SyncedProductsPage > {
	const params = new URLSearchParams();
	params.set( 'source', query.source );
	params.set( 'state', query.state );
	if ( query.search ) {
		params.set( 'search', query.search );
	}
	params.set( 'page', String( query.page ) );
	params.set( 'per_page', String( query.per_page ) );
	return request( syncedProductsPageSchema, {
		path: `${ PRODUCTS_PATH }?${ params.toString() }`,
		signal,
	} );
}

/**
 * One page of WooCommerce products with their KiotViet sync state.
 *
 * @param query Source and state filters, search, page.
 */
export function useSyncedProducts( query: SyncedProductsQuery ) {
	const parsed = syncedProductsQuerySchema.parse( query );
	return useQuery< SyncedProductsPage, ApiError >( {
		queryKey: queryKeys.syncedProductList( parsed ),
		queryFn: ( { signal } ) => fetchSyncedProducts( parsed, signal ),
		placeholderData: keepPreviousData,
	} );
}

interface ToggleVariables {
	id: number;
	enabled: boolean;
}

interface ToggleContext {
	previous: Array< [ readonly unknown[], SyncedProductsPage | undefined ] >;
}

function patchPages(
	page: SyncedProductsPage | undefined,
	id: number,
	patch: Partial< SyncedProduct >
): SyncedProductsPage | undefined {
	if ( ! page ) {
		return page;
	}
	return {
		...page,
		items: page.items.map( ( item ) =>
			item.id === id ? { ...item, ...patch } : item
		),
	};
}

/**
 * "Đang đồng bộ / Ngừng đồng bộ" for one product: every cached list shows the
 * new state at once; an error restores what was there; the server's item is
 * written into the cache, then lists refresh (state filters may change).
 */
export function useToggleProductSync() {
	const queryClient = useQueryClient();
	return useMutation<
		SyncedProduct,
		ApiError,
		ToggleVariables,
		ToggleContext
	>( {
		mutationFn: ( { id, enabled } ) =>
			request( syncedProductSchema, {
				path: `${ PRODUCTS_PATH }/${ id }/sync`,
				method: 'PUT',
				data: parseInput( productSyncBodySchema, { enabled } ),
			} ),
		onMutate: async ( { id, enabled } ) => {
			await queryClient.cancelQueries( {
				queryKey: queryKeys.syncedProducts,
			} );
			const previous = queryClient.getQueriesData< SyncedProductsPage >( {
				queryKey: queryKeys.syncedProducts,
			} );
			queryClient.setQueriesData< SyncedProductsPage >(
				{ queryKey: queryKeys.syncedProducts },
				( page ) => patchPages( page, id, { sync_enabled: enabled } )
			);
			return { previous };
		},
		onError: ( _error, _variables, context ) => {
			for ( const [ key, data ] of context?.previous ?? [] ) {
				queryClient.setQueryData( key, data );
			}
		},
		onSuccess: ( item ) => {
			queryClient.setQueriesData< SyncedProductsPage >(
				{ queryKey: queryKeys.syncedProducts },
				( page ) => patchPages( page, item.id, item )
			);
		},
		onSettled: () =>
			queryClient.invalidateQueries( {
				queryKey: queryKeys.syncedProducts,
			} ),
	} );
}
