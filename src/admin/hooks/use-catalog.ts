/**
 * Data hooks for the local KiotViet catalog cache: categories, products,
 * the selection of what to sync, per-product locks and the import dry run.
 */

/**
 * External dependencies
 */
import {
	keepPreviousData,
	useMutation,
	useQuery,
	useQueryClient,
	type QueryClient,
} from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { parseInput } from '../../shared/api/client';
import {
	fetchCatalogCategories,
	fetchCatalogPreview,
	fetchCatalogProducts,
	putCatalogSelection,
	putProductLocks,
} from '../../shared/api/endpoints';
import type { ApiError } from '../../shared/api/errors';
import { queryKeys } from '../../shared/query-keys';
import {
	productLocksBodySchema,
	productsQuerySchema,
	selectionBodySchema,
	type CatalogProduct,
	type Category,
	type Preview,
	type ProductsPage,
	type ProductsQueryInput,
	type SelectionBody,
	type SelectionResponse,
} from '../../shared/schemas/catalog';
import type { LockableField } from '../../shared/schemas/settings';
import type { SyncStatus } from '../../shared/schemas/sync';

/**
 * The KiotViet categories, flat, parents first.
 * @param enabled
 */
export function useCatalogCategories( enabled = true ) {
	return useQuery< Category[], ApiError >( {
		queryKey: queryKeys.catalogCategories,
		queryFn: async ( { signal } ) =>
			( await fetchCatalogCategories( signal ) ).categories,
		enabled,
	} );
}

/**
 * One page of cached products. The previous page stays on screen while the
 * next one loads.
 *
 * @param input Search, category, filter and page.
 */
export function useCatalogProducts( input: ProductsQueryInput ) {
	const query = productsQuerySchema.parse( input );
	return useQuery< ProductsPage, ApiError >( {
		queryKey: queryKeys.catalogProductList( query ),
		queryFn: ( { signal } ) => fetchCatalogProducts( query, signal ),
		placeholderData: keepPreviousData,
	} );
}

/**
 * Writes a change into every cached page of products.
 *
 * @param queryClient The client.
 * @param change      Returns the new item, or the same item to keep it.
 */
function updateCachedProducts(
	queryClient: QueryClient,
	change: ( item: CatalogProduct ) => CatalogProduct
): void {
	queryClient.setQueriesData< ProductsPage >(
		{ queryKey: queryKeys.catalogProducts },
		( page ) => page && { ...page, items: page.items.map( change ) }
	);
}

/**
 * Counts and selection flags moved on the server: reload them.
 *
 * @param queryClient The client.
 * @param selected    New selected count, when the server answered one.
 */
function afterSelection( queryClient: QueryClient, selected?: number ): void {
	if ( selected !== undefined ) {
		queryClient.setQueryData< SyncStatus >(
			queryKeys.syncStatus,
			( status ) =>
				status && {
					...status,
					catalog: { ...status.catalog, selected },
				}
		);
	}
	void queryClient.invalidateQueries( { queryKey: queryKeys.catalog } );
}

/**
 * Turns sync on or off for one product (PUT /catalog/selection, scope ids),
 * optimistically; the switch flips back when the server refuses.
 */
export function useToggleProduct() {
	const queryClient = useQueryClient();
	return useMutation<
		SelectionResponse,
		ApiError,
		{ id: number; selected: boolean },
		{ snapshot: Array< [ readonly unknown[], ProductsPage | undefined ] > }
	>( {
		mutationFn: ( { id, selected } ) =>
			putCatalogSelection(
				parseInput( selectionBodySchema, {
					action: selected ? 'select' : 'deselect',
					scope: 'ids',
					ids: [ id ],
				} )
			),
		onMutate: async ( { id, selected } ) => {
			await queryClient.cancelQueries( {
				queryKey: queryKeys.catalogProducts,
			} );
			const snapshot = queryClient.getQueriesData< ProductsPage >( {
				queryKey: queryKeys.catalogProducts,
			} );
			updateCachedProducts( queryClient, ( item ) =>
				item.id === id ? { ...item, selected } : item
			);
			return { snapshot };
		},
		onError: ( _error, _input, context ) => {
			for ( const [ key, data ] of context?.snapshot ?? [] ) {
				queryClient.setQueryData( key, data );
			}
		},
		onSuccess: ( response ) =>
			afterSelection( queryClient, response.selected ),
	} );
}

/** Selects or deselects many products at once (PUT /catalog/selection). */
export function useBulkSelection() {
	const queryClient = useQueryClient();
	return useMutation< SelectionResponse, ApiError, SelectionBody >( {
		mutationFn: ( body ) =>
			putCatalogSelection( parseInput( selectionBodySchema, body ) ),
		onSuccess: ( response ) =>
			afterSelection( queryClient, response.selected ),
	} );
}

/** Saves the fields one product keeps on the website (PUT /catalog/products/{id}/locks). */
export function useSaveProductLocks() {
	const queryClient = useQueryClient();
	return useMutation<
		CatalogProduct,
		ApiError,
		{ id: number; locked_fields: LockableField[] }
	>( {
		mutationFn: ( { id, locked_fields: lockedFields } ) =>
			putProductLocks(
				id,
				parseInput( productLocksBodySchema, {
					locked_fields: lockedFields,
				} )
			),
		onSuccess: ( product ) =>
			updateCachedProducts( queryClient, ( item ) =>
				item.id === product.id ? product : item
			),
	} );
}

/**
 * Dry run of the import for the current selection and settings.
 *
 * @param enabled Run it only when asked for.
 */
export function useCatalogPreview( enabled = true ) {
	return useQuery< Preview, ApiError >( {
		queryKey: queryKeys.catalogPreview,
		queryFn: ( { signal } ) => fetchCatalogPreview( signal ),
		enabled,
		staleTime: 0,
	} );
}
