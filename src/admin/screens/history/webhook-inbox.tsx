/**
 * Webhook inbox tab: deliveries KiotViet sent, their state, and "Reprocess".
 */

/**
 * External dependencies
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../../components/error-message';
import { PagedTable } from '../../components/paged-table';
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
			<PagedTable
				query={ inbox }
				layout="log"
				loadingLabel={ __(
					'Loading the webhook inbox…',
					'kiotviet-sync'
				) }
				tableClassName="wp-list-table widefat fixed striped kvs-history__table"
				caption={ __(
					'Webhook deliveries, newest first',
					'kiotviet-sync'
				) }
				head={
					<tr>
						<th scope="col" className="kvs-history__time">
							{ __( 'Received', 'kiotviet-sync' ) }
						</th>
						<th scope="col">{ __( 'State', 'kiotviet-sync' ) }</th>
						<th scope="col">
							{ __( 'Signature', 'kiotviet-sync' ) }
						</th>
						<th scope="col" className="kvs-history__message">
							{ __( 'Details', 'kiotviet-sync' ) }
						</th>
						<th scope="col">
							{ __( 'Actions', 'kiotviet-sync' ) }
						</th>
					</tr>
				}
				row={ ( row ) => (
					<tr key={ row.id }>
						<td>{ formatDateTime( row.received_at ) }</td>
						<td>{ row.state }</td>
						<td>
							{ row.verified
								? __( 'Verified', 'kiotviet-sync' )
								: __( 'Not verified', 'kiotviet-sync' ) }
						</td>
						<td className="kvs-history__message">
							{ row.error ??
								sprintf(
									/* translators: %d: number of events in the delivery */
									__( '%d events', 'kiotviet-sync' ),
									row.events
								) }
						</td>
						<td>
							<Button
								variant="secondary"
								size="small"
								onClick={ () => onReprocess( row.id ) }
								isBusy={
									reprocess.isPending &&
									reprocess.variables === row.id
								}
								disabled={ reprocess.isPending }
								accessibleWhenDisabled
							>
								{ __( 'Reprocess', 'kiotviet-sync' ) }
							</Button>
						</td>
					</tr>
				) }
				empty={ __( 'No webhook deliveries yet.', 'kiotviet-sync' ) }
				columns={ 5 }
				page={ page }
				onPageChange={ setPage }
				pagerLabel={ __( 'Webhook inbox pages', 'kiotviet-sync' ) }
				pagerClassName="kvs-history__pagination"
			/>
		</div>
	);
}
