/**
 * Webhook inbox tab: deliveries KiotViet sent, their state, and "Reprocess".
 */

/**
 * External dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useNotices } from '../../hooks/use-notices';
import {
	useReprocessWebhook,
	useWebhookInbox,
} from '../../hooks/use-webhook-inbox';
import { formatDateTime } from '../health/health-panel';

export function WebhookInbox() {
	const [ page, setPage ] = useState( 1 );
	const inbox = useWebhookInbox( page );
	const reprocess = useReprocessWebhook();
	const notices = useNotices();
	const data = inbox.data;
	const totalPages = data ? Math.max( 1, data.total_pages ) : 1;

	const onReprocess = ( id: number ) =>
		reprocess.mutate( id, {
			onSuccess: () =>
				notices.success(
					__(
						'The delivery will be processed again.',
						'kiotviet-sync'
					)
				),
			onError: ( error ) => notices.error( errorMessage( error ) ),
		} );

	return (
		<div className="kvs-history kvs-inbox">
			{ inbox.isPending && (
				<Loading
					label={ __(
						'Loading the webhook inbox…',
						'kiotviet-sync'
					) }
				/>
			) }
			{ inbox.isError && (
				<Notice status="error" isDismissible={ false }>
					{ errorMessage( inbox.error ) }
				</Notice>
			) }
			{ data && (
				<>
					<table className="wp-list-table widefat fixed striped kvs-history__table">
						<caption className="screen-reader-text">
							{ __(
								'Webhook deliveries, newest first',
								'kiotviet-sync'
							) }
						</caption>
						<thead>
							<tr>
								<th scope="col" className="kvs-history__time">
									{ __( 'Received', 'kiotviet-sync' ) }
								</th>
								<th scope="col">
									{ __( 'State', 'kiotviet-sync' ) }
								</th>
								<th scope="col">
									{ __( 'Signature', 'kiotviet-sync' ) }
								</th>
								<th
									scope="col"
									className="kvs-history__message"
								>
									{ __( 'Details', 'kiotviet-sync' ) }
								</th>
								<th scope="col">
									{ __( 'Actions', 'kiotviet-sync' ) }
								</th>
							</tr>
						</thead>
						<tbody>
							{ data.items.length === 0 && (
								<tr>
									<td colSpan={ 5 }>
										{ __(
											'No webhook deliveries yet.',
											'kiotviet-sync'
										) }
									</td>
								</tr>
							) }
							{ data.items.map( ( row ) => (
								<tr key={ row.id }>
									<td>
										{ formatDateTime( row.received_at ) }
									</td>
									<td>{ row.state }</td>
									<td>
										{ row.verified
											? __( 'Verified', 'kiotviet-sync' )
											: __(
													'Not verified',
													'kiotviet-sync'
											  ) }
									</td>
									<td className="kvs-history__message">
										{ row.error ??
											sprintf(
												/* translators: %d: number of events in the delivery */
												__(
													'%d events',
													'kiotviet-sync'
												),
												row.events
											) }
									</td>
									<td>
										<Button
											variant="secondary"
											size="small"
											onClick={ () =>
												onReprocess( row.id )
											}
											isBusy={
												reprocess.isPending &&
												reprocess.variables === row.id
											}
											disabled={ reprocess.isPending }
											accessibleWhenDisabled
										>
											{ __(
												'Reprocess',
												'kiotviet-sync'
											) }
										</Button>
									</td>
								</tr>
							) ) }
						</tbody>
					</table>
					<nav
						className="kvs-history__pagination"
						aria-label={ __(
							'Webhook inbox pages',
							'kiotviet-sync'
						) }
					>
						<Button
							variant="secondary"
							onClick={ () =>
								setPage( ( p ) => Math.max( 1, p - 1 ) )
							}
							disabled={ page <= 1 }
							accessibleWhenDisabled
						>
							{ __( 'Previous page', 'kiotviet-sync' ) }
						</Button>
						<span aria-live="polite">
							{ sprintf(
								/* translators: 1: current page, 2: number of pages */
								__( 'Page %1$d of %2$d', 'kiotviet-sync' ),
								page,
								totalPages
							) }
						</span>
						<Button
							variant="secondary"
							onClick={ () =>
								setPage( ( p ) =>
									Math.min( totalPages, p + 1 )
								)
							}
							disabled={ page >= totalPages }
							accessibleWhenDisabled
						>
							{ __( 'Next page', 'kiotviet-sync' ) }
						</Button>
					</nav>
				</>
			) }
		</div>
	);
}
