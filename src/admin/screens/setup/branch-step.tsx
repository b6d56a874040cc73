/**
 * Step 2, "Product sync branch": the branch whose stock the website shows.
 */

/**
 * External dependencies
 */
import { Notice, SelectControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { FormEvent } from 'react';

/**
 * Internal dependencies
 */
import type { ApiError } from '../../../shared/api/errors';
import type { Branch, Connection } from '../../../shared/schemas/connection';
import { errorMessage } from '../../components/error-message';
import { FieldHelp } from '../../components/field-help';
import { Loading } from '../../components/loading';
import { RetryNotice } from '../../components/retry-notice';
import { StepForm } from '../../components/step-form';
import { useBranches, useSelectBranch } from '../../hooks/use-connection';
import { useNotices } from '../../hooks/use-notices';
import { CancelConnection } from './cancel-connection';

interface BranchStepProps {
	connection: Connection;
	/** Called after the branch was saved. */
	onDone?: () => void;
	/** Present when the merchant came from the summary and may go back to it. */
	onBack?: () => void;
	focusOnMount?: boolean;
}

function branchLabel( branch: Branch ): string {
	return branch.code
		? sprintf(
				/* translators: 1: branch name, 2: branch code, e.g. "Chi nhánh trung tâm (CN01)". */
				__( '%1$s (%2$s)', 'kiotviet-sync' ),
				branch.name,
				branch.code
		  )
		: branch.name;
}

export function BranchStep( {
	connection,
	onDone,
	onBack,
	focusOnMount = false,
}: BranchStepProps ) {
	const branches = useBranches();
	const selectBranch = useSelectBranch();
	const notices = useNotices();
	const [ chosen, setChosen ] = useState(
		connection.branch ? String( connection.branch.id ) : ''
	);
	const [ fieldError, setFieldError ] = useState< string | null >( null );
	const [ formError, setFormError ] = useState< string | null >( null );

	const list = branches.data ?? [];
	const onlyBranch = list.length === 1 ? list[ 0 ] : undefined;
	// With a single branch there is nothing to choose: preselect it.
	const value = chosen || ( onlyBranch ? String( onlyBranch.id ) : '' );
	const selected = list.find( ( branch ) => String( branch.id ) === value );

	const submit = async ( event: FormEvent ) => {
		event.preventDefault();
		if ( selectBranch.isPending ) {
			return;
		}
		setFieldError( null );
		setFormError( null );
		try {
			const saved = await selectBranch.mutateAsync( {
				branch_id: value ? Number( value ) : 0,
			} );
			notices.success(
				sprintf(
					/* translators: %s: KiotViet branch name, e.g. "Chi nhánh trung tâm". */
					__( 'Product sync branch: %s.', 'kiotviet-sync' ),
					saved.branch?.name ?? ''
				)
			);
			onDone?.();
		} catch ( error ) {
			const apiError = error as ApiError;
			const message = apiError.params?.branch_id;
			if ( message ) {
				setFieldError( message );
			} else {
				setFormError( errorMessage( apiError ) );
			}
		}
	};

	let body;
	if ( branches.isPending ) {
		body = (
			<Loading
				label={ __(
					'Loading branches from KiotViet…',
					'kiotviet-sync'
				) }
			/>
		);
	} else if ( branches.isError ) {
		body = (
			<RetryNotice
				inline
				error={ branches.error }
				onRetry={ () => branches.refetch() }
			/>
		);
	} else if ( list.length === 0 ) {
		body = (
			<Notice
				status="warning"
				isDismissible={ false }
				className="kvs-inline-notice"
			>
				{ __(
					'Your KiotViet shop has no active branch. Add one in KiotViet, then reload this page.',
					'kiotviet-sync'
				) }
			</Notice>
		);
	} else {
		body = (
			<div className="kvs-form__field">
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Product sync branch', 'kiotviet-sync' ) }
					value={ value }
					onChange={ ( next: string ) => {
						setChosen( next );
						setFieldError( null );
					} }
					aria-invalid={ fieldError ? true : undefined }
					options={ [
						{
							value: '',
							label: __( 'Select a branch', 'kiotviet-sync' ),
							disabled: true,
						},
						...list.map( ( branch ) => ( {
							value: String( branch.id ),
							label: branchLabel( branch ),
						} ) ),
					] }
					help={
						<FieldHelp
							error={ fieldError ?? undefined }
							help={ selected?.address || undefined }
						/>
					}
				/>
			</div>
		);
	}

	return (
		<StepForm
			title={ __( 'Product sync branch', 'kiotviet-sync' ) }
			description={ __(
				'Choose the KiotViet branch whose stock the website shows.',
				'kiotviet-sync'
			) }
			focusOnMount={ focusOnMount }
			onSubmit={ submit }
			formError={ formError }
			isSubmitting={ selectBranch.isPending }
			cannotSubmit={ list.length === 0 }
			onBack={ onBack }
			actionsEnd={ <CancelConnection retailer={ connection.retailer } /> }
		>
			{ body }
		</StepForm>
	);
}
