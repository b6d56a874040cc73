/**
 * Step 3, "Lấy dữ liệu từ KiotViet": starts the background fetch of
 * categories, products, branches and price books into the local cache, and
 * shows its progress.
 */

/**
 * External dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Connection } from '../../../shared/schemas/connection';
import { isRunActive, type SyncStatus } from '../../../shared/schemas/sync';
import { errorMessage } from '../../components/error-message';
import { StepCard } from '../../components/step-card';
import { useStartSync } from '../../hooks/use-sync';
import { CancelConnection } from './cancel-connection';
import { RunProgress } from './run-progress';

interface GetDataStepProps {
	connection: Connection;
	status: SyncStatus;
	onChooseBranch: () => void;
	/** Offered when data was fetched before (a new fetch was cancelled). */
	onContinue: () => void;
	focusOnMount?: boolean;
}

export function GetDataStep( {
	connection,
	status,
	onChooseBranch,
	onContinue,
	focusOnMount = false,
}: GetDataStepProps ) {
	const start = useStartSync();
	const run = status.run?.kind === 'fetch' ? status.run : null;
	const active = isRunActive( run );
	const title = __( 'Getting data from KiotViet', 'kiotviet-sync' );

	const startFetch = () => {
		if ( ! start.isPending ) {
			start.mutate( 'fetch' );
		}
	};

	return (
		<StepCard
			title={ title }
			description={ sprintf(
				/* translators: 1: KiotViet shop name, e.g. "demo"; 2: branch name. */
				__(
					'Connected to the KiotViet shop %1$s (product sync branch: %2$s). The categories, products, branches and price books are copied to this website so you can choose what to sync.',
					'kiotviet-sync'
				),
				connection.retailer ?? '',
				connection.branch?.name ?? '—'
			) }
			focusOnMount={ focusOnMount }
		>
			{ start.isError && (
				<Notice
					status="error"
					isDismissible={ false }
					className="kvs-inline-notice"
				>
					{ errorMessage( start.error ) }
				</Notice>
			) }
			{ run && active && <RunProgress run={ run } label={ title } /> }
			{ run && ! active && run.state !== 'done' && (
				<Notice
					status={ run.state === 'failed' ? 'error' : 'warning' }
					isDismissible={ false }
					className="kvs-inline-notice"
				>
					{ run.message ??
						( run.state === 'failed'
							? __(
									'Getting data from KiotViet failed.',
									'kiotviet-sync'
							  )
							: __(
									'Getting data from KiotViet was cancelled.',
									'kiotviet-sync'
							  ) ) }
				</Notice>
			) }
			{ ! active && (
				<div className="kvs-actions">
					<Button
						__next40pxDefaultSize
						variant="primary"
						onClick={ startFetch }
						isBusy={ start.isPending }
						disabled={ start.isPending }
						accessibleWhenDisabled
					>
						{ run
							? __( 'Get data again', 'kiotviet-sync' )
							: __( 'Get data from KiotViet', 'kiotviet-sync' ) }
					</Button>
					{ status.last_fetch_at && (
						<Button
							__next40pxDefaultSize
							variant="secondary"
							onClick={ onContinue }
						>
							{ __( 'Continue', 'kiotviet-sync' ) }
						</Button>
					) }
				</div>
			) }
			<div className="kvs-actions kvs-actions--footer">
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					onClick={ onChooseBranch }
					disabled={ active }
					accessibleWhenDisabled
				>
					{ __( 'Choose branch', 'kiotviet-sync' ) }
				</Button>
				<span className="kvs-actions__end">
					<CancelConnection retailer={ connection.retailer } />
				</span>
			</div>
		</StepCard>
	);
}
