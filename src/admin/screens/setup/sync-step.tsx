/**
 * The import run into WooCommerce: its progress, then the result
 * ("Đồng bộ hàng hóa thành công") with the counts.
 */

/**
 * External dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { isRunActive, type Run } from '../../../shared/schemas/sync';
import { errorMessage } from '../../components/error-message';
import { StepCard } from '../../components/step-card';
import { useStartSync } from '../../hooks/use-sync';
import { formatNumber } from './format';
import { RunProgress } from './run-progress';

/** The synced products screen (user guide 2.4). */
export const PRODUCTS_SCREEN_URL = 'admin.php?page=kiotviet-sync-products';

interface SyncStepProps {
	run: Run;
	onShowConfig: () => void;
	onBackToOrders: () => void;
	focusOnMount?: boolean;
}

export function SyncStep( {
	run,
	onShowConfig,
	onBackToOrders,
	focusOnMount = false,
}: SyncStepProps ) {
	const start = useStartSync();
	const active = isRunActive( run );

	if ( active ) {
		const title = __( 'Syncing products', 'kiotviet-sync' );
		return (
			<StepCard
				title={ title }
				description={ __(
					'The selected products, their categories and images are written to the website.',
					'kiotviet-sync'
				) }
				focusOnMount={ focusOnMount }
			>
				<RunProgress run={ run } label={ title } />
			</StepCard>
		);
	}

	const counts = (
		<dl className="kvs-summary">
			<dt>{ __( 'Created', 'kiotviet-sync' ) }</dt>
			<dd>{ formatNumber( run.counts.created ) }</dd>
			<dt>{ __( 'Updated', 'kiotviet-sync' ) }</dt>
			<dd>{ formatNumber( run.counts.updated ) }</dd>
			<dt>{ __( 'Skipped', 'kiotviet-sync' ) }</dt>
			<dd>{ formatNumber( run.counts.skipped ) }</dd>
			<dt>{ __( 'Failed', 'kiotviet-sync' ) }</dt>
			<dd>{ formatNumber( run.counts.failed ) }</dd>
		</dl>
	);

	if ( run.state === 'done' ) {
		return (
			<StepCard
				title={ __( 'Products synced successfully', 'kiotviet-sync' ) }
				focusOnMount={ focusOnMount }
			>
				{ run.counts.failed > 0 && (
					<Notice
						status="warning"
						isDismissible={ false }
						className="kvs-inline-notice"
					>
						{ __(
							'Some products could not be synced. The sync history lists the reasons.',
							'kiotviet-sync'
						) }
					</Notice>
				) }
				{ counts }
				<div className="kvs-actions">
					<Button
						__next40pxDefaultSize
						variant="primary"
						href={ PRODUCTS_SCREEN_URL }
					>
						{ __( 'View synced products', 'kiotviet-sync' ) }
					</Button>
					<Button
						__next40pxDefaultSize
						variant="secondary"
						onClick={ onShowConfig }
					>
						{ __( 'Configuration', 'kiotviet-sync' ) }
					</Button>
				</div>
			</StepCard>
		);
	}

	return (
		<StepCard
			title={
				run.state === 'failed'
					? __( 'The product sync failed', 'kiotviet-sync' )
					: __( 'The product sync was cancelled', 'kiotviet-sync' )
			}
			focusOnMount={ focusOnMount }
		>
			{ run.message && (
				<Notice
					status={ run.state === 'failed' ? 'error' : 'warning' }
					isDismissible={ false }
					className="kvs-inline-notice"
				>
					{ run.message }
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
			{ counts }
			<div className="kvs-actions">
				<Button
					__next40pxDefaultSize
					variant="primary"
					onClick={ () => start.mutate( 'import' ) }
					isBusy={ start.isPending }
					disabled={ start.isPending }
					accessibleWhenDisabled
				>
					{ __( 'Sync again', 'kiotviet-sync' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ onBackToOrders }
				>
					{ __( 'Back', 'kiotviet-sync' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					onClick={ onShowConfig }
				>
					{ __( 'Configuration', 'kiotviet-sync' ) }
				</Button>
			</div>
		</StepCard>
	);
}
