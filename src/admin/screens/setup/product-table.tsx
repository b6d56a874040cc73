/**
 * One page of cached KiotViet products with a sync switch per row.
 */

/**
 * External dependencies
 */
import { Button, ToggleControl, VisuallyHidden } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { CatalogProduct } from '../../../shared/schemas/catalog';
import { formatNumber, formatPrice } from './format';

export function productKindLabel( product: CatalogProduct ): string {
	switch ( product.kind ) {
		case 'goods':
			return __( 'Normal product', 'kiotviet-sync' );
		case 'service':
			return __( 'Service', 'kiotviet-sync' );
		case 'combo':
			return __( 'Combo', 'kiotviet-sync' );
		case 'serial':
			return __( 'Serial/IMEI', 'kiotviet-sync' );
		case 'batch':
			return __( 'Batch and expiry date', 'kiotviet-sync' );
		case 'unit':
			return product.unit
				? sprintf(
						/* translators: %s: unit of measure, e.g. "thùng". */
						__( 'Unit: %s', 'kiotviet-sync' ),
						product.unit
				  )
				: __( 'Unit of measure', 'kiotviet-sync' );
		case 'variant':
			return __( 'Variant (same-type products)', 'kiotviet-sync' );
	}
}

interface ProductTableProps {
	items: CatalogProduct[];
	pendingIds: ReadonlySet< number >;
	onToggle: ( product: CatalogProduct, selected: boolean ) => void;
	onEditLocks: ( product: CatalogProduct ) => void;
}

export function ProductTable( {
	items,
	pendingIds,
	onToggle,
	onEditLocks,
}: ProductTableProps ) {
	return (
		<table className="widefat striped kvs-products-table">
			<thead>
				<tr>
					<th scope="col">{ __( 'Sync', 'kiotviet-sync' ) }</th>
					<th scope="col">{ __( 'Code', 'kiotviet-sync' ) }</th>
					<th scope="col">{ __( 'Name', 'kiotviet-sync' ) }</th>
					<th scope="col">{ __( 'Type', 'kiotviet-sync' ) }</th>
					<th scope="col" className="kvs-num">
						{ __( 'Price', 'kiotviet-sync' ) }
					</th>
					<th scope="col" className="kvs-num">
						{ __( 'Stock', 'kiotviet-sync' ) }
					</th>
					<th scope="col">{ __( 'Status', 'kiotviet-sync' ) }</th>
					<th scope="col">
						<VisuallyHidden>
							{ __( 'Do-not-sync options', 'kiotviet-sync' ) }
						</VisuallyHidden>
					</th>
				</tr>
			</thead>
			<tbody>
				{ items.map( ( product ) => (
					<tr key={ product.id }>
						<td>
							<ToggleControl
								__nextHasNoMarginBottom
								label={
									<VisuallyHidden>
										{ sprintf(
											/* translators: 1: product name, 2: product code. */
											__(
												'Sync %1$s (%2$s)',
												'kiotviet-sync'
											),
											product.full_name,
											product.code
										) }
									</VisuallyHidden>
								}
								checked={ product.selected }
								disabled={ pendingIds.has( product.id ) }
								onChange={ ( checked: boolean ) =>
									onToggle( product, checked )
								}
							/>
						</td>
						<td>
							<code>{ product.code }</code>
						</td>
						<td>
							{ product.full_name }
							{ product.category_name && (
								<span className="kvs-muted">
									{ product.category_name }
								</span>
							) }
						</td>
						<td>{ productKindLabel( product ) }</td>
						<td className="kvs-num">
							{ formatPrice( product.base_price ) }
						</td>
						<td className="kvs-num">
							{ product.stock === null
								? '—'
								: formatNumber( product.stock ) }
						</td>
						<td>
							{ product.last_error ? (
								<span className="kvs-status is-error">
									{ product.last_error }
								</span>
							) : (
								<span
									className={
										product.synced
											? 'kvs-status is-synced'
											: 'kvs-status is-new'
									}
								>
									{ product.synced
										? __( 'Synced', 'kiotviet-sync' )
										: __( 'New', 'kiotviet-sync' ) }
								</span>
							) }
						</td>
						<td>
							<Button
								size="small"
								icon="lock"
								label={ sprintf(
									/* translators: %s: product name. */
									__(
										'Fields not changed by KiotViet for %s',
										'kiotviet-sync'
									),
									product.full_name
								) }
								onClick={ () => onEditLocks( product ) }
							>
								{ product.locked_fields.length > 0
									? formatNumber(
											product.locked_fields.length
									  )
									: undefined }
							</Button>
						</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
