/**
 * The main sync rules of the configuration card (user guide 2.7): branches,
 * price books, SKU matching, locked fields, new products and orders.
 */

/**
 * External dependencies
 */
import { Spinner } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Connection } from '../../../../shared/schemas/connection';
import { useBranches } from '../../../hooks/use-connection';
import { usePriceBooks } from '../../../hooks/use-price-books';
import { useSettings } from '../../../hooks/use-settings';
import { lockableFieldLabel } from '../lock-fields';

const NONE = '—';

function yesNo( value: boolean ): string {
	return value ? __( 'Yes', 'kiotviet-sync' ) : __( 'No', 'kiotviet-sync' );
}

export function SyncRules( { connection }: { connection: Connection } ) {
	const settings = useSettings();
	const books = usePriceBooks();
	const branches = useBranches( connection.state !== 'not_connected' );

	if ( settings.isPending ) {
		return <Spinner />;
	}
	if ( ! settings.data ) {
		return null;
	}
	const s = settings.data;
	const bookName = ( id: number | null ): string => {
		if ( id === null ) {
			return __( 'None', 'kiotviet-sync' );
		}
		const book = books.data?.price_books.find( ( b ) => b.id === id );
		return book ? book.name : `#${ id }`;
	};
	const orderBranch =
		s.order_branch_id === null
			? NONE
			: branches.data?.find( ( b ) => b.id === s.order_branch_id )
					?.name ?? `#${ s.order_branch_id }`;

	return (
		<dl
			className="kvs-summary kvs-sync-rules"
			aria-label={ __( 'Sync rules', 'kiotviet-sync' ) }
		>
			<dt>{ __( 'Product branch', 'kiotviet-sync' ) }</dt>
			<dd>
				{ s.stock_mode === 'all_branches'
					? __( 'All branches', 'kiotviet-sync' )
					: connection.branch?.name ?? NONE }
			</dd>
			<dt>{ __( 'Order branch', 'kiotviet-sync' ) }</dt>
			<dd>{ orderBranch }</dd>
			<dt>{ __( 'Regular price book', 'kiotviet-sync' ) }</dt>
			<dd>{ bookName( s.regular_price_book_id ) }</dd>
			<dt>{ __( 'Sale price book', 'kiotviet-sync' ) }</dt>
			<dd>{ bookName( s.sale_price_book_id ) }</dd>
			<dt>{ __( 'Match existing products by SKU', 'kiotviet-sync' ) }</dt>
			<dd>{ yesNo( s.match_by_sku ) }</dd>
			<dt>{ __( 'Fields not synced', 'kiotviet-sync' ) }</dt>
			<dd>
				{ s.locked_fields.length === 0
					? __( 'None', 'kiotviet-sync' )
					: s.locked_fields.map( lockableFieldLabel ).join( ', ' ) }
			</dd>
			<dt>{ __( 'Automatically add new products', 'kiotviet-sync' ) }</dt>
			<dd>{ yesNo( s.auto_add_new_products ) }</dd>
			<dt>
				{ __(
					'Automatically send orders to KiotViet',
					'kiotviet-sync'
				) }
			</dt>
			<dd>{ yesNo( s.auto_push_orders ) }</dd>
		</dl>
	);
}
