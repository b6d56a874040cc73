/**
 * "Ngắt kết nối" and its "Xóa thông tin" dialog (user guide II.2): optionally
 * delete the synced categories ("Danh mục") and products ("Hàng hóa").
 */

/**
 * External dependencies
 */
import { CheckboxControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, _x } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ConfirmButton } from '../../../components/confirm-button';
import { useDisconnectWith } from '../../../hooks/use-configuration';
import { useNotices } from '../../../hooks/use-notices';

export function DisconnectButton() {
	const [ categories, setCategories ] = useState( false );
	const [ products, setProducts ] = useState( false );
	const disconnect = useDisconnectWith();
	const notices = useNotices();

	const confirm = async () => {
		let deleting = false;
		try {
			const response = await disconnect.mutateAsync( {
				delete_categories: categories,
				delete_products: products,
			} );
			deleting = response.deleting === true;
		} catch {
			// Shown in the modal from disconnect.error.
			return;
		}
		// The card unmounts as the connection switches to not_connected.
		notices.success(
			deleting
				? __(
						'Disconnected. The synced products are being deleted in the background.',
						'kiotviet-sync'
				  )
				: __( 'Disconnected from KiotViet.', 'kiotviet-sync' )
		);
	};

	return (
		<ConfirmButton
			label={ __( 'Disconnect', 'kiotviet-sync' ) }
			title={ __( 'Delete information', 'kiotviet-sync' ) }
			cancelLabel={ __( 'Cancel', 'kiotviet-sync' ) }
			mutation={ disconnect }
			onConfirm={ confirm }
			onClose={ () => {
				setCategories( false );
				setProducts( false );
			} }
		>
			<p>
				{ __(
					'Do you want to delete the synced information?',
					'kiotviet-sync'
				) }
			</p>
			<CheckboxControl
				__nextHasNoMarginBottom
				label={ __( 'Categories', 'kiotviet-sync' ) }
				checked={ categories }
				onChange={ setCategories }
			/>
			<CheckboxControl
				__nextHasNoMarginBottom
				label={ _x(
					'Products',
					'synced items to delete',
					'kiotviet-sync'
				) }
				checked={ products }
				onChange={ setProducts }
			/>
			<p className="description">
				{ __(
					'Ticked items are deleted from this website and a new connection syncs them from scratch. Unticked items stay, and a new connection continues with them. The webhooks of this website are removed from KiotViet either way.',
					'kiotviet-sync'
				) }
			</p>
		</ConfirmButton>
	);
}
