/**
 * "Danh sách đơn đặt hàng" (user guide 2.5): website orders with their
 * KiotViet sync state, the KiotViet order code ("Mã ĐH"), a link to the
 * WooCommerce order, a state filter, search, pagination and "Đồng bộ lại"
 * for one or several orders.
 */

/**
 * External dependencies
 */
import { Button, SelectControl, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { OrderItem } from '../../../shared/schemas/orders';
import { errorMessage } from '../../components/error-message';
import { PagedTable } from '../../components/paged-table';
import { useNotices } from '../../hooks/use-notices';
import {
	useOrders,
	useResyncOrder,
	useResyncOrders,
} from '../../hooks/use-orders';

type StateFilter = 'all' | 'synced' | 'waiting' | 'failed';

const PER_PAGE = 20;

function stateLabel( state: OrderItem[ 'sync_state' ] ): string {
	switch ( state ) {
		case 'synced':
			return __( 'Synced', 'kiotviet-sync' );
		case 'waiting':
			return __( 'Waiting', 'kiotviet-sync' );
		case 'failed':
			return __( 'Failed', 'kiotviet-sync' );
		default:
			return __( 'Not sent', 'kiotviet-sync' );
	}
}

function formatTotal( total: number ): string {
	return `${ new Intl.NumberFormat( 'vi-VN' ).format( total ) } ₫`;
}

function formatDate( date: string | null ): string {
	if ( ! date ) {
		return '';
	}
	const parsed = new Date( date );
	return Number.isNaN( parsed.getTime() )
		? date
		: parsed.toLocaleString( 'vi-VN' );
}

export default function OrdersScreen() {
	const [ state, setState ] = useState< StateFilter >( 'all' );
	const [ searchInput, setSearchInput ] = useState( '' );
	const [ search, setSearch ] = useState( '' );
	const [ page, setPage ] = useState( 1 );
	const [ selected, setSelected ] = useState< number[] >( [] );
	const orders = useOrders( { state, search, page, per_page: PER_PAGE } );
	const resyncOne = useResyncOrder();
	const resyncMany = useResyncOrders();
	const notices = useNotices();

	const items = orders.data?.items ?? [];
	const allSelected =
		items.length > 0 && items.every( ( i ) => selected.includes( i.id ) );

	const toggle = ( id: number, checked: boolean ) =>
		setSelected( ( current ) =>
			checked
				? [ ...current.filter( ( x ) => x !== id ), id ]
				: current.filter( ( x ) => x !== id )
		);

	const onResyncOne = ( item: OrderItem ) =>
		resyncOne.mutate( item.id, {
			onSuccess: ( result ) => {
				if ( result.item?.sync_state === 'synced' ) {
					notices.success(
						sprintf(
							/* translators: 1: WooCommerce order number, 2: KiotViet order code */
							__(
								'Order #%1$s is in KiotViet as %2$s.',
								'kiotviet-sync'
							),
							result.item.number,
							result.item.kiotviet_code ?? ''
						)
					);
				} else {
					notices.error(
						result.item?.message ??
							__(
								'The order could not be sent to KiotViet.',
								'kiotviet-sync'
							)
					);
				}
			},
			onError: ( error ) => notices.error( errorMessage( error ) ),
		} );

	const onResyncSelected = () =>
		resyncMany.mutate( selected, {
			onSuccess: ( result ) => {
				setSelected( [] );
				const synced = result.items.filter(
					( i ) => i.sync_state === 'synced'
				).length;
				notices.success(
					sprintf(
						/* translators: 1: orders in KiotViet, 2: orders resynced */
						__(
							'%1$d of %2$d orders are in KiotViet.',
							'kiotviet-sync'
						),
						synced,
						result.items.length
					)
				);
			},
			onError: ( error ) => notices.error( errorMessage( error ) ),
		} );

	return (
		<div className="kiotviet-sync-orders">
			<h1>{ __( 'Order list', 'kiotviet-sync' ) }</h1>
			<form
				className="kiotviet-sync-orders__filters"
				role="search"
				onSubmit={ ( event ) => {
					event.preventDefault();
					setSearch( searchInput.trim() );
					setPage( 1 );
				} }
			>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Sync state', 'kiotviet-sync' ) }
					value={ state }
					options={ [
						{ value: 'all', label: __( 'All', 'kiotviet-sync' ) },
						{
							value: 'synced',
							label: __( 'Synced', 'kiotviet-sync' ),
						},
						{
							value: 'waiting',
							label: __( 'Waiting', 'kiotviet-sync' ),
						},
						{
							value: 'failed',
							label: __( 'Failed', 'kiotviet-sync' ),
						},
					] }
					onChange={ ( value ) => {
						setState( value as StateFilter );
						setPage( 1 );
						setSelected( [] );
					} }
				/>
				<TextControl
					__nextHasNoMarginBottom
					label={ __( 'Search orders', 'kiotviet-sync' ) }
					help={ __(
						'Order number or KiotViet order code',
						'kiotviet-sync'
					) }
					value={ searchInput }
					onChange={ setSearchInput }
				/>
				<Button variant="secondary" type="submit">
					{ __( 'Search', 'kiotviet-sync' ) }
				</Button>
				<Button
					variant="primary"
					disabled={ selected.length === 0 || resyncMany.isPending }
					isBusy={ resyncMany.isPending }
					onClick={ onResyncSelected }
				>
					{ sprintf(
						/* translators: %d: number of selected orders */
						__( 'Resync selected (%d)', 'kiotviet-sync' ),
						selected.length
					) }
				</Button>
			</form>

			<PagedTable
				query={ orders }
				layout="list"
				loadingLabel={ __( 'Loading orders…', 'kiotviet-sync' ) }
				tableClassName="widefat striped kiotviet-sync-orders__table"
				head={
					<tr>
						<td className="check-column">
							<input
								type="checkbox"
								aria-label={ __(
									'Select all orders on this page',
									'kiotviet-sync'
								) }
								checked={ allSelected }
								onChange={ ( event ) =>
									setSelected(
										event.target.checked
											? items.map( ( i ) => i.id )
											: []
									)
								}
							/>
						</td>
						<th scope="col">{ __( 'Order', 'kiotviet-sync' ) }</th>
						<th scope="col">{ __( 'Date', 'kiotviet-sync' ) }</th>
						<th scope="col">
							{ __( 'Customer', 'kiotviet-sync' ) }
						</th>
						<th scope="col">{ __( 'Total', 'kiotviet-sync' ) }</th>
						<th scope="col">
							{ __( 'Sync state', 'kiotviet-sync' ) }
						</th>
						<th scope="col">
							{ __( 'KiotViet order code', 'kiotviet-sync' ) }
						</th>
						<th scope="col">
							<span className="screen-reader-text">
								{ __( 'Actions', 'kiotviet-sync' ) }
							</span>
						</th>
					</tr>
				}
				row={ ( item ) => (
					<tr key={ item.id } data-order-id={ item.id }>
						<th scope="row" className="check-column">
							<input
								type="checkbox"
								aria-label={ sprintf(
									/* translators: %s: order number */
									__( 'Select order #%s', 'kiotviet-sync' ),
									item.number
								) }
								checked={ selected.includes( item.id ) }
								onChange={ ( event ) =>
									toggle( item.id, event.target.checked )
								}
							/>
						</th>
						<td>
							<a href={ item.edit_url }>
								{ sprintf(
									/* translators: %s: order number */
									__( '#%s', 'kiotviet-sync' ),
									item.number
								) }
							</a>
						</td>
						<td>{ formatDate( item.date ) }</td>
						<td>{ item.customer }</td>
						<td>{ formatTotal( item.total ) }</td>
						<td>
							<span
								className={ `kiotviet-sync-orders__state is-${ item.sync_state }` }
							>
								{ stateLabel( item.sync_state ) }
							</span>
							{ item.sync_state !== 'synced' && item.message && (
								<div className="kiotviet-sync-orders__message">
									{ item.message }
								</div>
							) }
						</td>
						<td>{ item.kiotviet_code ?? '—' }</td>
						<td>
							{ item.sync_state !== 'synced' && (
								<Button
									variant="link"
									disabled={ resyncOne.isPending }
									onClick={ () => onResyncOne( item ) }
								>
									{ __( 'Resync', 'kiotviet-sync' ) }
								</Button>
							) }
						</td>
					</tr>
				) }
				empty={ __( 'No orders found.', 'kiotviet-sync' ) }
				page={ page }
				onPageChange={ setPage }
				pagerLabel={ __( 'Pages', 'kiotviet-sync' ) }
				pagerClassName="kiotviet-sync-orders__pagination"
			/>
		</div>
	);
}
