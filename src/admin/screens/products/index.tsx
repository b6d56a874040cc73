/**
 * "Danh sách sản phẩm đồng bộ" (user guide 2.4): the WooCommerce products,
 * synced from KiotViet or created in WooCommerce, with their sync state, last
 * sync time and errors, the per-product switch "Đang đồng bộ / Ngừng đồng bộ",
 * source and state filters, search, pagination and a link to edit each
 * product in WooCommerce.
 */

/**
 * External dependencies
 */
import {
	Button,
	SelectControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { SyncedProduct } from '../../../shared/schemas/synced-products';
import { errorMessage } from '../../components/error-message';
import { PagedTable } from '../../components/paged-table';
import { useNotices } from '../../hooks/use-notices';
import {
	useSyncedProducts,
	useToggleProductSync,
} from '../../hooks/use-synced-products';
import { formatDateTime } from '../health/health-panel';

type SourceFilter = 'all' | 'kiotviet' | 'woocommerce';
type StateFilter = 'all' | 'synced' | 'paused' | 'error';

const PER_PAGE = 20;

export function formatMoney( value: string | null ): string {
	if ( value === null || value === '' ) {
		return '';
	}
	const number = Number( value );
	return Number.isFinite( number )
		? `${ new Intl.NumberFormat( 'vi-VN' ).format( number ) } ₫`
		: value;
}

function Price( { item }: { item: SyncedProduct } ) {
	if ( item.type === 'variable' ) {
		if ( item.min_price === null ) {
			return <>—</>;
		}
		return (
			<>
				{ item.min_price === item.max_price
					? formatMoney( item.min_price )
					: `${ formatMoney( item.min_price ) } – ${ formatMoney(
							item.max_price
					  ) }` }
			</>
		);
	}
	if ( item.sale_price !== null && item.sale_price !== item.regular_price ) {
		return (
			<>
				<del>{ formatMoney( item.regular_price ) }</del>{ ' ' }
				<ins>{ formatMoney( item.sale_price ) }</ins>
			</>
		);
	}
	return (
		<>
			{ item.regular_price === null
				? '—'
				: formatMoney( item.regular_price ) }
		</>
	);
}

function stockLabel( item: SyncedProduct ): string {
	if ( item.stock_quantity !== null ) {
		return String( item.stock_quantity );
	}
	switch ( item.stock_status ) {
		case 'instock':
			return __( 'In stock', 'kiotviet-sync' );
		case 'outofstock':
			return __( 'Out of stock', 'kiotviet-sync' );
		case 'onbackorder':
			return __( 'On backorder', 'kiotviet-sync' );
		default:
			return '—';
	}
}

function SyncState( { item }: { item: SyncedProduct } ) {
	if ( item.source !== 'kiotviet' ) {
		return <span className="kiotviet-sync-products__state is-none">—</span>;
	}
	return (
		<>
			<span
				className={ `kiotviet-sync-products__state ${
					item.sync_enabled ? 'is-synced' : 'is-paused'
				}` }
			>
				{ item.sync_enabled
					? __( 'Syncing', 'kiotviet-sync' )
					: __( 'Sync paused', 'kiotviet-sync' ) }
			</span>
			{ item.last_error && (
				<div className="kiotviet-sync-products__error" role="note">
					<strong>{ __( 'Error:', 'kiotviet-sync' ) }</strong>{ ' ' }
					{ item.last_error }
				</div>
			) }
		</>
	);
}

export default function ProductsScreen() {
	const [ source, setSource ] = useState< SourceFilter >( 'all' );
	const [ state, setState ] = useState< StateFilter >( 'all' );
	const [ searchInput, setSearchInput ] = useState( '' );
	const [ search, setSearch ] = useState( '' );
	const [ page, setPage ] = useState( 1 );
	const products = useSyncedProducts( {
		source,
		state,
		search,
		page,
		per_page: PER_PAGE,
	} );
	const toggle = useToggleProductSync();
	const notices = useNotices();

	const onToggle = ( item: SyncedProduct, enabled: boolean ) =>
		toggle.mutate(
			{ id: item.id, enabled },
			{
				onSuccess: ( result ) =>
					notices.success(
						result.sync_enabled
							? sprintf(
									/* translators: %s: product name */
									__(
										'KiotViet updates “%s” again.',
										'kiotviet-sync'
									),
									result.name
							  )
							: sprintf(
									/* translators: %s: product name */
									__(
										'KiotViet no longer updates “%s”.',
										'kiotviet-sync'
									),
									result.name
							  )
					),
				onError: ( error ) => notices.error( errorMessage( error ) ),
			}
		);

	return (
		<div className="kiotviet-sync-products">
			<h1>{ __( 'Synced product list', 'kiotviet-sync' ) }</h1>
			<form
				className="kiotviet-sync-products__filters"
				role="search"
				onSubmit={ ( event ) => {
					event.preventDefault();
					setSearch( searchInput.trim() );
					setPage( 1 );
				} }
			>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Source', 'kiotviet-sync' ) }
					value={ source }
					options={ [
						{ value: 'all', label: __( 'All', 'kiotviet-sync' ) },
						{
							value: 'kiotviet',
							label: __( 'KiotViet', 'kiotviet-sync' ),
						},
						{
							value: 'woocommerce',
							label: __( 'WooCommerce', 'kiotviet-sync' ),
						},
					] }
					onChange={ ( value ) => {
						setSource( value as SourceFilter );
						setPage( 1 );
					} }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Sync state', 'kiotviet-sync' ) }
					value={ state }
					options={ [
						{ value: 'all', label: __( 'All', 'kiotviet-sync' ) },
						{
							value: 'synced',
							label: __( 'Syncing', 'kiotviet-sync' ),
						},
						{
							value: 'paused',
							label: __( 'Sync paused', 'kiotviet-sync' ),
						},
						{
							value: 'error',
							label: __( 'Error', 'kiotviet-sync' ),
						},
					] }
					onChange={ ( value ) => {
						setState( value as StateFilter );
						setPage( 1 );
					} }
				/>
				<TextControl
					__nextHasNoMarginBottom
					label={ __( 'Search products', 'kiotviet-sync' ) }
					help={ __( 'Product name or SKU', 'kiotviet-sync' ) }
					value={ searchInput }
					onChange={ setSearchInput }
				/>
				<Button variant="secondary" type="submit">
					{ __( 'Search', 'kiotviet-sync' ) }
				</Button>
			</form>

			<PagedTable
				query={ products }
				layout="list"
				loadingLabel={ __( 'Loading products…', 'kiotviet-sync' ) }
				tableClassName="widefat striped kiotviet-sync-products__table"
				head={
					<tr>
						<th scope="col">
							<span className="screen-reader-text">
								{ __( 'Image', 'kiotviet-sync' ) }
							</span>
						</th>
						<th scope="col">
							{ __( 'Product', 'kiotviet-sync' ) }
						</th>
						<th scope="col">{ __( 'SKU', 'kiotviet-sync' ) }</th>
						<th scope="col">{ __( 'Stock', 'kiotviet-sync' ) }</th>
						<th scope="col">{ __( 'Price', 'kiotviet-sync' ) }</th>
						<th scope="col">{ __( 'Source', 'kiotviet-sync' ) }</th>
						<th scope="col">
							{ __( 'Sync state', 'kiotviet-sync' ) }
						</th>
						<th scope="col">
							{ __( 'Last sync', 'kiotviet-sync' ) }
						</th>
						<th scope="col">{ __( 'Sync', 'kiotviet-sync' ) }</th>
					</tr>
				}
				row={ ( item ) => (
					<tr key={ item.id } data-product-id={ item.id }>
						<td className="kiotviet-sync-products__image">
							{ item.image_url ? (
								<img
									src={ item.image_url }
									alt=""
									width={ 40 }
									height={ 40 }
									loading="lazy"
								/>
							) : (
								<span
									className="kiotviet-sync-products__no-image"
									aria-hidden="true"
								/>
							) }
						</td>
						<td>
							<a href={ item.edit_url }>{ item.name }</a>
							{ item.status !== 'publish' && (
								<span className="kiotviet-sync-products__status">
									{ ' — ' }
									{ item.status }
								</span>
							) }
						</td>
						<td>{ item.sku ?? '—' }</td>
						<td>{ stockLabel( item ) }</td>
						<td>
							<Price item={ item } />
						</td>
						<td>
							<span
								className={ `kiotviet-sync-products__source is-${ item.source }` }
							>
								{ item.source === 'kiotviet'
									? __( 'KiotViet', 'kiotviet-sync' )
									: __( 'WooCommerce', 'kiotviet-sync' ) }
							</span>
							{ item.kiotviet_code && (
								<div className="kiotviet-sync-products__code">
									{ item.kiotviet_code }
								</div>
							) }
						</td>
						<td>
							<SyncState item={ item } />
						</td>
						<td>
							{ item.source === 'kiotviet'
								? formatDateTime( item.last_synced_at )
								: '—' }
						</td>
						<td>
							{ item.source === 'kiotviet' && (
								<ToggleControl
									__nextHasNoMarginBottom
									label={
										<span className="screen-reader-text">
											{ sprintf(
												/* translators: %s: product name */
												__(
													'Sync “%s” from KiotViet',
													'kiotviet-sync'
												),
												item.name
											) }
										</span>
									}
									checked={ item.sync_enabled }
									disabled={
										toggle.isPending &&
										toggle.variables?.id === item.id
									}
									onChange={ ( enabled ) =>
										onToggle( item, enabled )
									}
								/>
							) }
						</td>
					</tr>
				) }
				empty={ __( 'No products found.', 'kiotviet-sync' ) }
				page={ page }
				onPageChange={ setPage }
				pagerLabel={ __( 'Pages', 'kiotviet-sync' ) }
				pagerClassName="kiotviet-sync-products__pagination"
			/>
		</div>
	);
}
