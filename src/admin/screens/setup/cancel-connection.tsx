/**
 * "Cancel connection" and its "Delete information" confirmation.
 */

/**
 * External dependencies
 */
import { Button, Modal, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../../components/error-message';
import { useDisconnect } from '../../hooks/use-connection';
import { useNotices } from '../../hooks/use-notices';

export function CancelConnection( { retailer }: { retailer: string | null } ) {
	const [ isOpen, setIsOpen ] = useState( false );
	const disconnect = useDisconnect();
	const notices = useNotices();

	const close = () => {
		if ( ! disconnect.isPending ) {
			setIsOpen( false );
			disconnect.reset();
		}
	};

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
		<>
			<Button
				__next40pxDefaultSize
				variant="secondary"
				isDestructive
				onClick={ () => setIsOpen( true ) }
			>
				{ __( 'Cancel connection', 'kiotviet-sync' ) }
			</Button>
			{ isOpen && (
				<Modal
					title={ __( 'Delete information', 'kiotviet-sync' ) }
					onRequestClose={ close }
					focusOnMount="firstContentElement"
					size="medium"
				>
					{ disconnect.isError && (
						<Notice
							status="error"
							isDismissible={ false }
							className="kvs-inline-notice"
						>
							{ errorMessage( disconnect.error ) }
						</Notice>
					) }
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
					<div className="kvs-actions">
						<Button
							__next40pxDefaultSize
							variant="secondary"
							onClick={ close }
							disabled={ disconnect.isPending }
							accessibleWhenDisabled
						>
							{ __( 'Keep connection', 'kiotviet-sync' ) }
						</Button>
						<Button
							__next40pxDefaultSize
							variant="primary"
							isDestructive
							onClick={ confirm }
							isBusy={ disconnect.isPending }
							disabled={ disconnect.isPending }
							accessibleWhenDisabled
						>
							{ __( 'OK', 'kiotviet-sync' ) }
						</Button>
					</div>
				</Modal>
			) }
		</>
	);
}
