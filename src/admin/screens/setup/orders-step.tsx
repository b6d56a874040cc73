/**
 * Step "Đơn hàng" (user guide 2.3): the KiotViet branch that receives the
 * website's orders and whether they are sent automatically; then a dry run
 * of the import and the button that starts it.
 */

/**
 * External dependencies
 */
import {
	Button,
	CheckboxControl,
	Notice,
	SelectControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf, _x } from '@wordpress/i18n';
import type { FormEvent } from 'react';

/**
 * Internal dependencies
 */
import type { PreviewCounts } from '../../../shared/schemas/catalog';
import type { SyncStatus } from '../../../shared/schemas/sync';
import { errorMessage, formErrors } from '../../components/error-message';
import { FieldHelp } from '../../components/field-help';
import { Loading } from '../../components/loading';
import { RetryNotice } from '../../components/retry-notice';
import { StepForm } from '../../components/step-form';
import { useCatalogPreview } from '../../hooks/use-catalog';
import { useBranches } from '../../hooks/use-connection';
import { useNotices } from '../../hooks/use-notices';
import { useSettings, useUpdateSettings } from '../../hooks/use-settings';
import { useStartSync } from '../../hooks/use-sync';
import { formatNumber } from './format';

type Field = 'order_branch_id' | 'auto_push_orders';

const FIELDS: Field[] = [ 'order_branch_id', 'auto_push_orders' ];

function PreviewTable( {
	rows,
}: {
	rows: Array< { label: string; counts: PreviewCounts } >;
} ) {
	return (
		<table className="widefat striped kvs-preview-table">
			<caption className="screen-reader-text">
				{ __( 'What the sync will do', 'kiotviet-sync' ) }
			</caption>
			<thead>
				<tr>
					<td />
					<th scope="col" className="kvs-num">
						{ __( 'Create', 'kiotviet-sync' ) }
					</th>
					<th scope="col" className="kvs-num">
						{ __( 'Update', 'kiotviet-sync' ) }
					</th>
					<th scope="col" className="kvs-num">
						{ __( 'Skip', 'kiotviet-sync' ) }
					</th>
					<th scope="col" className="kvs-num">
						{ __( 'Conflict', 'kiotviet-sync' ) }
					</th>
				</tr>
			</thead>
			<tbody>
				{ rows.map( ( { label, counts } ) => (
					<tr key={ label }>
						<th scope="row">{ label }</th>
						<td className="kvs-num">
							{ formatNumber( counts.create ) }
						</td>
						<td className="kvs-num">
							{ formatNumber( counts.update ) }
						</td>
						<td className="kvs-num">
							{ formatNumber( counts.skip ) }
						</td>
						<td className="kvs-num">
							{ formatNumber( counts.conflict ) }
						</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}

interface OrdersStepProps {
	status: SyncStatus;
	onBack: () => void;
	onStarted: () => void;
	focusOnMount?: boolean;
}

export function OrdersStep( {
	status,
	onBack,
	onStarted,
	focusOnMount = false,
}: OrdersStepProps ) {
	const settings = useSettings();
	const branches = useBranches();
	const update = useUpdateSettings();
	const start = useStartSync();
	const notices = useNotices();
	const [ branch, setBranch ] = useState< string | null >( null );
	const [ autoPush, setAutoPush ] = useState< boolean | null >( null );
	const [ errors, setErrors ] = useState<
		Partial< Record< Field, string > >
	>( {} );
	const [ formError, setFormError ] = useState< string | null >( null );
	const [ saved, setSaved ] = useState( false );
	const preview = useCatalogPreview( saved );

	const list = branches.data ?? [];
	const onlyBranch = list.length === 1 ? list[ 0 ] : undefined;
	const storedBranch = settings.data?.order_branch_id;
	let branchValue = branch ?? ( storedBranch ? String( storedBranch ) : '' );
	if ( ! branchValue && onlyBranch ) {
		branchValue = String( onlyBranch.id );
	}
	const autoPushValue = autoPush ?? settings.data?.auto_push_orders ?? false;

	const submit = async ( event: FormEvent ) => {
		event.preventDefault();
		if ( update.isPending ) {
			return;
		}
		setErrors( {} );
		setFormError( null );
		if ( ! branchValue ) {
			setErrors( {
				order_branch_id: __( 'Select a branch.', 'kiotviet-sync' ),
			} );
			return;
		}
		try {
			await update.mutateAsync( {
				order_branch_id: Number( branchValue ),
				auto_push_orders: autoPushValue,
			} );
			notices.success(
				__( 'The order settings were saved.', 'kiotviet-sync' )
			);
			if ( saved ) {
				void preview.refetch();
			}
			setSaved( true );
		} catch ( error ) {
			const found = formErrors( error, FIELDS );
			setErrors( found.fields );
			if ( found.summary ) {
				setFormError( found.summary );
			}
		}
	};

	const startImport = async () => {
		if ( start.isPending ) {
			return;
		}
		try {
			await start.mutateAsync( 'import' );
			onStarted();
		} catch {
			// Shown from start.error.
		}
	};

	let fields;
	if ( settings.isPending || branches.isPending ) {
		fields = <Loading label={ __( 'Loading…', 'kiotviet-sync' ) } />;
	} else if ( settings.isError || branches.isError ) {
		fields = (
			<RetryNotice
				inline
				error={ settings.error ?? branches.error }
				onRetry={ () => {
					void settings.refetch();
					void branches.refetch();
				} }
			/>
		);
	} else {
		fields = (
			<>
				<div className="kvs-form__field">
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Order sync branch', 'kiotviet-sync' ) }
						value={ branchValue }
						required
						onChange={ ( next: string ) => {
							setBranch( next );
							setErrors( {} );
							setSaved( false );
						} }
						aria-invalid={
							errors.order_branch_id ? true : undefined
						}
						options={ [
							{
								value: '',
								label: __( 'Select a branch', 'kiotviet-sync' ),
								disabled: true,
							},
							...list.map( ( item ) => ( {
								value: String( item.id ),
								label: item.name,
							} ) ),
						] }
						help={
							<FieldHelp
								error={ errors.order_branch_id }
								help={ __(
									'The KiotViet branch that receives the orders placed on the website.',
									'kiotviet-sync'
								) }
							/>
						}
					/>
				</div>
				<div className="kvs-form__field">
					<CheckboxControl
						__nextHasNoMarginBottom
						label={ __(
							'Automatically send orders to KiotViet',
							'kiotviet-sync'
						) }
						checked={ autoPushValue }
						onChange={ ( checked: boolean ) => {
							setAutoPush( checked );
							setSaved( false );
						} }
						help={
							<FieldHelp
								error={ errors.auto_push_orders }
								help={ __(
									'Ticked: each new order is sent to the chosen branch in KiotViet. Not ticked: orders wait until you click "Resync" in the order list.',
									'kiotviet-sync'
								) }
							/>
						}
					/>
				</div>
			</>
		);
	}

	const noSelection = status.catalog.selected === 0;

	return (
		<StepForm
			title={ _x( 'Orders', 'setup step', 'kiotviet-sync' ) }
			description={ __(
				'Choose the KiotViet branch that receives the website’s orders.',
				'kiotviet-sync'
			) }
			focusOnMount={ focusOnMount }
			onSubmit={ submit }
			formError={ formError }
			isSubmitting={ update.isPending }
			cannotSubmit={ ! settings.data }
			submitVariant={ saved ? 'secondary' : 'primary' }
			onBack={ onBack }
			after={
				saved && (
					<section
						className="kvs-preview"
						aria-labelledby="kvs-preview-heading"
					>
						<h3 id="kvs-preview-heading">
							{ __( 'Before you sync', 'kiotviet-sync' ) }
						</h3>
						{ preview.isPending && (
							<Loading
								label={ __(
									'Checking what the sync will do…',
									'kiotviet-sync'
								) }
							/>
						) }
						{ preview.isError && (
							<RetryNotice
								inline
								error={ preview.error }
								onRetry={ () => preview.refetch() }
							/>
						) }
						{ preview.data && (
							<>
								<PreviewTable
									rows={ [
										{
											label: __(
												'Products',
												'kiotviet-sync'
											),
											counts: preview.data.products,
										},
										{
											label: __(
												'Variations',
												'kiotviet-sync'
											),
											counts: preview.data.variations,
										},
										{
											label: __(
												'Categories',
												'kiotviet-sync'
											),
											counts: preview.data.categories,
										},
									] }
								/>
								{ preview.data.conflicts.length > 0 && (
									<Notice
										status="warning"
										isDismissible={ false }
										className="kvs-inline-notice"
									>
										<p>
											{ __(
												'These products will not be synced until the conflict is solved:',
												'kiotviet-sync'
											) }
										</p>
										<ul className="kvs-conflicts">
											{ preview.data.conflicts.map(
												( conflict, index ) => (
													<li
														key={ `${ conflict.kiotviet_id }-${ index }` }
													>
														{ conflict.sku && (
															<code>
																{ conflict.sku }
															</code>
														) }{ ' ' }
														{ conflict.message ||
															conflict.code }
													</li>
												)
											) }
										</ul>
									</Notice>
								) }
							</>
						) }
						{ noSelection && (
							<Notice
								status="warning"
								isDismissible={ false }
								className="kvs-inline-notice"
							>
								{ __(
									'No product is selected. Switch on the products to sync in the Products step.',
									'kiotviet-sync'
								) }
							</Notice>
						) }
						{ start.isError && (
							<Notice
								status="error"
								isDismissible={ false }
								className="kvs-inline-notice"
							>
								{ errorMessage( start.error ) }
							</Notice>
						) }
						<div className="kvs-actions">
							<Button
								__next40pxDefaultSize
								variant="primary"
								onClick={ startImport }
								isBusy={ start.isPending }
								disabled={
									start.isPending ||
									noSelection ||
									! preview.data
								}
								accessibleWhenDisabled
							>
								{ __( 'Sync', 'kiotviet-sync' ) }
							</Button>
							<span className="kvs-muted">
								{ sprintf(
									/* translators: %s: number of products selected for sync. */
									__(
										'%s products selected.',
										'kiotviet-sync'
									),
									formatNumber( status.catalog.selected )
								) }
							</span>
						</div>
					</section>
				)
			}
		>
			{ fields }
		</StepForm>
	);
}
