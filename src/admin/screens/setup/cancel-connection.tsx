/**
 * "Cancel connection" and its "Delete information" confirmation.
 */

/**
 * External dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ConfirmButton } from '../../components/confirm-button';
import { useDisconnect } from '../../hooks/use-connection';
import { useNotices } from '../../hooks/use-notices';

export function CancelConnection( { retailer }: { retailer: string | null } ) {
	const disconnect = useDisconnect();
	const notices = useNotices();

	const confirm = async () => {
		try {
			await disconnect.mutateAsync();
		} catch {
			// Shown in the modal from disconnect.error.
			return;
		}
		// The step that rendered this unmounts as the cache switches to not_connected.
		notices.success(
			__( 'The connection was cancelled.', 'kiotviet-sync' )
		);
	};

	return (
		<ConfirmButton
			label={ __( 'Cancel connection', 'kiotviet-sync' ) }
			title={ __( 'Delete information', 'kiotviet-sync' ) }
			cancelLabel={ __( 'Keep connection', 'kiotviet-sync' ) }
			mutation={ disconnect }
			onConfirm={ confirm }
		>
			<p>
				{ retailer
					? sprintf(
							/* translators: %s: KiotViet shop name, e.g. "demo". */
							__(
								'Cancel the connection to the KiotViet shop %s?',
								'kiotviet-sync'
							),
							retailer
					  )
					: __(
							'Cancel the connection to the KiotViet shop?',
							'kiotviet-sync'
					  ) }
			</p>
			<p>
				{ __(
					'The shop address, Client ID, secret key and branch are deleted from this website. Products and orders already on the website stay as they are.',
					'kiotviet-sync'
				) }
			</p>
		</ConfirmButton>
	);
}
