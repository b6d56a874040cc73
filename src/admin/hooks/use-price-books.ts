/**
 * Data hook for the KiotViet price books (GET /price-books). Choosing the
 * books is a settings change: useUpdateSettings() from use-settings.
 */

/**
 * External dependencies
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { fetchPriceBooks } from '../../shared/api/endpoints';
import type { ApiError } from '../../shared/api/errors';
import { queryKeys } from '../../shared/query-keys';
import type { PriceBooksResponse } from '../../shared/schemas/price-books';
import type { Settings } from '../../shared/schemas/settings';
import { useUpdateSettings } from './use-settings';

export interface PriceBookChoice {
	regular_price_book_id: number;
	sale_price_book_id: number | null;
}

/** Active, currently valid price books and the chosen ones. */
export function usePriceBooks() {
	return useQuery< PriceBooksResponse, ApiError >( {
		queryKey: queryKeys.priceBooks,
		queryFn: ( { signal } ) => fetchPriceBooks( signal ),
	} );
}

/**
 * Saves the chosen books (PUT /settings {regular_price_book_id, sale_price_book_id})
 * and keeps the price-book answer and the import preview in step.
 */
export function useSavePriceBooks() {
	const queryClient = useQueryClient();
	const updateSettings = useUpdateSettings();
	return useMutation< Settings, ApiError, PriceBookChoice >( {
		mutationFn: ( choice ) => updateSettings.mutateAsync( choice ),
		onSuccess: ( settings ) => {
			queryClient.setQueryData< PriceBooksResponse >(
				queryKeys.priceBooks,
				( current ) =>
					current && {
						...current,
						regular_price_book_id: settings.regular_price_book_id,
						sale_price_book_id: settings.sale_price_book_id,
					}
			);
			void queryClient.invalidateQueries( {
				queryKey: queryKeys.catalogPreview,
			} );
		},
	} );
}
