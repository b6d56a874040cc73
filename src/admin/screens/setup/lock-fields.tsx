/**
 * "Tùy chọn KHÔNG đồng bộ": the fields an update from KiotViet must not
 * change, for all products (PUT /settings {locked_fields}) or one product
 * (PUT /catalog/products/{id}/locks).
 */

/**
 * External dependencies
 */
import { Button, CheckboxControl, Modal, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { FormEvent } from 'react';

/**
 * Internal dependencies
 */
import {
	LOCKABLE_FIELDS,
	type LockableField,
} from '../../../shared/schemas/settings';
import { errorMessage } from '../../components/error-message';

export function lockableFieldLabel( field: LockableField ): string {
	switch ( field ) {
		case 'name':
			return __( 'Name', 'kiotviet-sync' );
		case 'description':
			return __( 'Description', 'kiotviet-sync' );
		case 'images':
			return __( 'Images', 'kiotviet-sync' );
		case 'category':
			return __( 'Category', 'kiotviet-sync' );
		case 'regular_price':
			return __( 'Regular price', 'kiotviet-sync' );
		case 'sale_price':
			return __( 'Sale price', 'kiotviet-sync' );
		case 'stock':
			return __( 'Stock', 'kiotviet-sync' );
		case 'weight':
			return __( 'Weight', 'kiotviet-sync' );
	}
}

interface LockFieldsModalProps {
	title: string;
	description: string;
	initial: readonly LockableField[];
	isSaving: boolean;
	error: unknown;
	onSave: ( fields: LockableField[] ) => void;
	onClose: () => void;
}

export function LockFieldsModal( {
	title,
	description,
	initial,
	isSaving,
	error,
	onSave,
	onClose,
}: LockFieldsModalProps ) {
	const [ fields, setFields ] = useState< LockableField[] >( [ ...initial ] );
	const toggle = ( field: LockableField, checked: boolean ) =>
		setFields( ( current ) =>
			checked
				? [ ...current, field ]
				: current.filter( ( item ) => item !== field )
		);
	const submit = ( event: FormEvent ) => {
		event.preventDefault();
		if ( ! isSaving ) {
			// Keep the contract's order, whatever order they were ticked in.
			onSave( LOCKABLE_FIELDS.filter( ( f ) => fields.includes( f ) ) );
		}
	};
	return (
		<Modal
			title={ title }
			onRequestClose={ () => ! isSaving && onClose() }
			focusOnMount="firstContentElement"
			size="medium"
		>
			<form className="kvs-form" onSubmit={ submit } noValidate>
				{ !! error && (
					<Notice
						status="error"
						isDismissible={ false }
						className="kvs-inline-notice"
					>
						{ errorMessage( error ) }
					</Notice>
				) }
				<fieldset className="kvs-lock-fields">
					<legend>{ description }</legend>
					{ LOCKABLE_FIELDS.map( ( field ) => (
						<CheckboxControl
							key={ field }
							__nextHasNoMarginBottom
							label={ lockableFieldLabel( field ) }
							checked={ fields.includes( field ) }
							onChange={ ( checked: boolean ) =>
								toggle( field, checked )
							}
						/>
					) ) }
				</fieldset>
				<div className="kvs-actions">
					<Button
						__next40pxDefaultSize
						variant="secondary"
						onClick={ onClose }
						disabled={ isSaving }
						accessibleWhenDisabled
					>
						{ __( 'Cancel', 'kiotviet-sync' ) }
					</Button>
					<Button
						__next40pxDefaultSize
						variant="primary"
						type="submit"
						isBusy={ isSaving }
						disabled={ isSaving }
						accessibleWhenDisabled
					>
						{ __( 'Save', 'kiotviet-sync' ) }
					</Button>
				</div>
			</form>
		</Modal>
	);
}
