/**
 * Data hooks of the "Danh sách đơn đặt hàng" screen: the order list
 * (GET /orders) and "Đồng bộ lại" (POST /orders/{id}/sync, POST /orders/sync).
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
import { parseInput } from '../../shared/api/client';
import {
	fetchOrders,
	postOrderSync,
	postOrdersSync,
} from '../../shared/api/endpoints';
import type { ApiError } from '../../shared/api/errors';
import { queryKeys } from '../../shared/query-keys';
import {
	ordersQuerySchema,
	ordersSyncBodySchema,
	type OrderSyncResponse,
	type OrdersPage,
	type OrdersQuery,
	type OrdersSyncResponse,
} from '../../shared/schemas/orders';

/**
 * One page of orders.
 *
 * @param query State filter, search, page.
 */
export function useOrders( query: OrdersQuery ) {
	const parsed = ordersQuerySchema.parse( query );
	return useQuery< OrdersPage, ApiError >( {
		queryKey: queryKeys.ordersList( parsed ),
		queryFn: ( { signal } ) => fetchOrders( parsed, signal ),
		placeholderData: keepPreviousData,
	} );
}

/** "Đồng bộ lại" for one order; refreshes every order list. */
export function useResyncOrder() {
	const queryClient = useQueryClient();
	return useMutation< OrderSyncResponse, ApiError, number >( {
		mutationFn: ( id ) => postOrderSync( id ),
		onSettled: () =>
			queryClient.invalidateQueries( { queryKey: queryKeys.orders } ),
	} );
}

/** "Đồng bộ lại" for several orders; refreshes every order list. */
export function useResyncOrders() {
	const queryClient = useQueryClient();
	return useMutation< OrdersSyncResponse, ApiError, number[] >( {
		mutationFn: ( ids ) =>
			postOrdersSync( parseInput( ordersSyncBodySchema, { ids } ) ),
		onSettled: () =>
			queryClient.invalidateQueries( { queryKey: queryKeys.orders } ),
	} );
}
