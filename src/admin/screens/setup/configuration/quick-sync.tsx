/**
 * "Đồng bộ nhanh": POST /sync/quick, progress while the run is active, then a
 * link to the synced product list.
 */

/**
 * External dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { isRunActive, type SyncStatus } from '../../../../shared/schemas/sync';
import { errorMessage } from '../../../components/error-message';
import { useQuickSync } from '../../../hooks/use-configuration';
import { RunProgress } from '../run-progress';

export const SYNCED_PRODUCTS_URL = 'admin.php?page=kiotviet-sync-products';

export function QuickSync( { status }: { status: SyncStatus } ) {
	const quick = useQuickSync();
	const [ runId, setRunId ] = useState< number | null >( null );
	const run = status.run;
	const mine = run !== null && run.id === runId;
	const active = isRunActive( run );

	const start = () => {
		quick.mutate( undefined, {
			onSuccess: ( next ) => setRunId( next.run?.id ?? null ),
		} );
	};

	return (
		<div className="kvs-quick-sync">
			{ quick.isError && (
				<Notice
					status="error"
					isDismissible={ false }
					className="kvs-inline-notice"
				>
					{ errorMessage( quick.error ) }
				</Notice>
			) }
			<Button
				__next40pxDefaultSize
				variant="primary"
				onClick={ start }
				isBusy={ quick.isPending }
				disabled={ quick.isPending || active }
				accessibleWhenDisabled
			>
				{ __( 'Quick sync', 'kiotviet-sync' ) }
			</Button>
			{ mine && run && active && (
				<RunProgress
					run={ run }
					label={ __( 'Quick sync', 'kiotviet-sync' ) }
				/>
			) }
			{ mine && run && run.state === 'done' && (
				<Notice status="success" isDismissible={ false }>
					{ __( 'Quick sync finished.', 'kiotviet-sync' ) }{ ' ' }
					<a href={ SYNCED_PRODUCTS_URL }>
						{ __( 'View the synced products', 'kiotviet-sync' ) }
					</a>
				</Notice>
			) }
			{ mine && run && run.state === 'failed' && (
				<Notice status="error" isDismissible={ false }>
					{ run.message ??
						__( 'The quick sync stopped.', 'kiotviet-sync' ) }
				</Notice>
			) }
		</div>
	);
}
