/**
 * Step 1, "Connection settings": shop address, Client ID and secret key,
 * verified by the server against KiotViet.
 */

/**
 * External dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { FormEvent } from 'react';

/**
 * Internal dependencies
 */
import type { ConnectInput } from '../../../shared/schemas/connection';
import { formErrors } from '../../components/error-message';
import { FieldHelp } from '../../components/field-help';
import { StepForm } from '../../components/step-form';
import { useConnect } from '../../hooks/use-connection';
import { useNotices } from '../../hooks/use-notices';

type Field = keyof Required< ConnectInput >;

const FIELDS: Field[] = [ 'retailer', 'client_id', 'client_secret' ];

const EMPTY: Record< Field, string > = {
	retailer: '',
	client_id: '',
	client_secret: '',
};

export function ConnectionStep( {
	focusOnMount = false,
}: {
	focusOnMount?: boolean;
} ) {
	const connect = useConnect();
	const notices = useNotices();
	const [ values, setValues ] = useState( EMPTY );
	const [ fieldErrors, setFieldErrors ] = useState<
		Partial< Record< Field, string > >
	>( {} );
	const [ formError, setFormError ] = useState< string | null >( null );
	const [ isHelpOpen, setIsHelpOpen ] = useState( false );
	const inputs = {
		retailer: useRef< HTMLInputElement >( null ),
		client_id: useRef< HTMLInputElement >( null ),
		client_secret: useRef< HTMLInputElement >( null ),
	};

	const change = ( field: Field ) => ( value: string ) => {
		setValues( ( current ) => ( { ...current, [ field ]: value } ) );
		if ( fieldErrors[ field ] ) {
			setFieldErrors( ( current ) => ( {
				...current,
				[ field ]: undefined,
			} ) );
		}
	};

	const showError = ( error: unknown ) => {
		const found = formErrors( error, FIELDS );
		const first = FIELDS.find( ( field ) => found.fields[ field ] );
		setFieldErrors( found.fields );
		if ( found.summary ) {
			setFormError( found.summary );
		}
		if ( first ) {
			inputs[ first ].current?.focus();
		}
	};

	const submit = async ( event: FormEvent ) => {
		event.preventDefault();
		if ( connect.isPending ) {
			return;
		}
		setFieldErrors( {} );
		setFormError( null );
		try {
			const connection = await connect.mutateAsync( values );
			notices.success(
				sprintf(
					/* translators: %s: KiotViet shop name, e.g. "demo". */
					__( 'Connected to the KiotViet shop %s.', 'kiotviet-sync' ),
					connection.retailer ?? ''
				)
			);
		} catch ( error ) {
			showError( error );
		}
	};

	const helpId = 'kvs-connection-help';

	return (
		<StepForm
			title={ __( 'Connection settings', 'kiotviet-sync' ) }
			description={ __(
				'Enter the connection parameters of your KiotViet shop.',
				'kiotviet-sync'
			) }
			focusOnMount={ focusOnMount }
			onSubmit={ submit }
			formError={ formError }
			isSubmitting={ connect.isPending }
			submitLabel={ __( 'Next', 'kiotviet-sync' ) }
		>
			<div className="kvs-form__field">
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					ref={ inputs.retailer }
					label={ __( 'Shop address', 'kiotviet-sync' ) }
					value={ values.retailer }
					onChange={ change( 'retailer' ) }
					autoComplete="off"
					spellCheck={ false }
					required
					aria-invalid={ fieldErrors.retailer ? true : undefined }
					help={
						<FieldHelp
							error={ fieldErrors.retailer }
							help={ __(
								'Your KiotViet connection name, for example "demo" for demo.kiotviet.vn.',
								'kiotviet-sync'
							) }
						/>
					}
				/>
			</div>
			<div className="kvs-form__field">
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					ref={ inputs.client_id }
					label={ __( 'Client ID', 'kiotviet-sync' ) }
					value={ values.client_id }
					onChange={ change( 'client_id' ) }
					autoComplete="off"
					spellCheck={ false }
					required
					aria-invalid={ fieldErrors.client_id ? true : undefined }
					help={ <FieldHelp error={ fieldErrors.client_id } /> }
				/>
			</div>
			<div className="kvs-form__field">
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					ref={ inputs.client_secret }
					type="password"
					label={ __( 'Secret key', 'kiotviet-sync' ) }
					value={ values.client_secret }
					onChange={ change( 'client_secret' ) }
					// Keeps browsers from filling in the saved WordPress password.
					autoComplete="new-password"
					spellCheck={ false }
					required
					aria-invalid={
						fieldErrors.client_secret ? true : undefined
					}
					help={
						<FieldHelp
							error={ fieldErrors.client_secret }
							help={ __(
								'Kept on this website only and never shown again.',
								'kiotviet-sync'
							) }
						/>
					}
				/>
			</div>
			<div className="kvs-help">
				<Button
					variant="link"
					aria-expanded={ isHelpOpen }
					aria-controls={ helpId }
					onClick={ () => setIsHelpOpen( ( open ) => ! open ) }
				>
					{ __(
						'How to get this information from your KiotViet shop',
						'kiotviet-sync'
					) }
				</Button>
				<div
					id={ helpId }
					className="kvs-help__body"
					hidden={ ! isHelpOpen }
				>
					<ol>
						<li>
							{ __(
								'Sign in to your KiotViet shop with the owner account.',
								'kiotviet-sync'
							) }
						</li>
						<li>
							{ __(
								'Go to Settings and open "Thiết lập kết nối API" (API connection settings).',
								'kiotviet-sync'
							) }
						</li>
						<li>
							{ __(
								'Create a connection, or open the one you already use.',
								'kiotviet-sync'
							) }
						</li>
						<li>
							{ __(
								'Copy its Client ID and its Mã bảo mật (secret key) into the fields above.',
								'kiotviet-sync'
							) }
						</li>
						<li>
							{ __(
								'The shop address is the name before .kiotviet.vn in your KiotViet address: for demo.kiotviet.vn enter demo.',
								'kiotviet-sync'
							) }
						</li>
					</ol>
				</div>
			</div>
		</StepForm>
	);
}
