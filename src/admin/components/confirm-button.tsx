/**
 * A destructive button that opens a confirmation modal: the mutation's error
 * inside the modal, a cancel button and "OK". Closing is refused while the
 * mutation runs; closing resets the mutation (and what `onClose` resets).
 */

/**
 * External dependencies
 */
import { Button, Modal, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';

/**
 * Internal dependencies
 */
import { errorMessage } from './error-message';

interface ConfirmButtonProps {
	/** Text of the button that opens the modal. */
	label: string;
	/** Title of the modal. */
	title: string;
	/** Text of the button that closes the modal without doing anything. */
	cancelLabel: string;
	mutation: {
		isPending: boolean;
		isError: boolean;
		error: unknown;
		reset: () => void;
	};
	/** Runs the mutation; its failure is shown from `mutation.error`. */
	onConfirm: () => void | Promise< void >;
	/** Resets the modal's own fields when it closes. */
	onClose?: () => void;
	children: ReactNode;
}

export function ConfirmButton( {
	label,
	title,
	cancelLabel,
	mutation,
	onConfirm,
	onClose,
	children,
}: ConfirmButtonProps ) {
	const [ isOpen, setIsOpen ] = useState( false );

	const close = () => {
		if ( ! mutation.isPending ) {
			setIsOpen( false );
			onClose?.();
			mutation.reset();
		}
	};

	return (
		<>
			<Button
				__next40pxDefaultSize
				variant="secondary"
				isDestructive
				onClick={ () => setIsOpen( true ) }
			>
				{ label }
			</Button>
			{ isOpen && (
				<Modal
					title={ title }
					onRequestClose={ close }
					focusOnMount="firstContentElement"
					size="medium"
				>
					{ mutation.isError && (
						<Notice
							status="error"
							isDismissible={ false }
							className="kvs-inline-notice"
						>
							{ errorMessage( mutation.error ) }
						</Notice>
					) }
					{ children }
					<div className="kvs-actions">
						<Button
							__next40pxDefaultSize
							variant="secondary"
							onClick={ close }
							disabled={ mutation.isPending }
							accessibleWhenDisabled
						>
							{ cancelLabel }
						</Button>
						<Button
							__next40pxDefaultSize
							variant="primary"
							isDestructive
							onClick={ onConfirm }
							isBusy={ mutation.isPending }
							disabled={ mutation.isPending }
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
