/**
 * Health panel: connection, webhooks, background jobs, KiotViet request
 * budget and cron, with the problems the server found.
 */

/**
 * External dependencies
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useHealth } from '../../hooks/use-health';
import type { Health } from '../../../shared/schemas/health';

/**
 * ISO date-time → "2026-11-29 15:00" as written (the server sends the site's offset).
 *
 * @param iso ISO 8601 string or null.
 */
export function formatDateTime( iso: string | null ): string {
	if ( ! iso ) {
		return '—';
	}
	return `${ iso.slice( 0, 10 ) } ${ iso.slice( 11, 16 ) }`;
}

function connectionLabel( health: Health ): string {
	switch ( health.connection.state ) {
		case 'ready':
			return sprintf(
				/* translators: %s: KiotViet shop name (retailer) */
				__( 'Connected to %s', 'kiotviet-sync' ),
				health.connection.retailer ?? ''
			);
		case 'needs_branch':
			return __(
				'Connected; choose the product sync branch in Sync setup.',
				'kiotviet-sync'
			);
		default:
			return __( 'Not connected', 'kiotviet-sync' );
	}
}

function webhooksLabel( health: Health ): string {
	if ( ! health.webhooks ) {
		return __( 'Unknown', 'kiotviet-sync' );
	}
	return sprintf(
		/* translators: 1: active webhooks, 2: expected webhooks */
		__( '%1$d of %2$d active', 'kiotviet-sync' ),
		health.webhooks.subscriptions_active,
		health.webhooks.subscriptions_expected
	);
}

/** The panel; shown on the Settings screen. */
export function HealthPanel() {
	const health = useHealth();

	return (
		<Card className="kvs-health" size="small">
			<CardHeader>
				<h2 className="kvs-card-title">
					{ __( 'Sync health', 'kiotviet-sync' ) }
				</h2>
				<Button
					variant="tertiary"
					onClick={ () => void health.refetch() }
					isBusy={ health.isFetching }
					disabled={ health.isFetching }
				>
					{ __( 'Check again', 'kiotviet-sync' ) }
				</Button>
			</CardHeader>
			<CardBody>
				{ health.isPending && (
					<Loading
						label={ __(
							'Checking the sync health…',
							'kiotviet-sync'
						) }
					/>
				) }
				{ health.isError && (
					<Notice status="error" isDismissible={ false }>
						{ errorMessage( health.error ) }
					</Notice>
				) }
				{ health.data && (
					<>
						{ health.data.problems.length > 0 ? (
							<Notice
								status="warning"
								isDismissible={ false }
								className="kvs-inline-notice"
							>
								<ul className="kvs-health__problems">
									{ health.data.problems.map( ( problem ) => (
										<li key={ problem.code }>
											{ problem.message }
										</li>
									) ) }
								</ul>
							</Notice>
						) : (
							<p className="kvs-health__ok">
								{ __( 'No problems found.', 'kiotviet-sync' ) }
							</p>
						) }
						<dl className="kvs-health__list">
							<dt>
								{ __( 'KiotViet connection', 'kiotviet-sync' ) }
							</dt>
							<dd>{ connectionLabel( health.data ) }</dd>
							<dt>
								{ __(
									'Access token valid until',
									'kiotviet-sync'
								) }
							</dt>
							<dd>
								{ formatDateTime(
									health.data.connection.token_expires_at
								) }
							</dd>
							<dt>{ __( 'Webhooks', 'kiotviet-sync' ) }</dt>
							<dd>{ webhooksLabel( health.data ) }</dd>
							<dt>
								{ __(
									'Last webhook received',
									'kiotviet-sync'
								) }
							</dt>
							<dd>
								{ formatDateTime(
									health.data.webhooks?.last_delivery_at ??
										null
								) }
							</dd>
							<dt>
								{ __( 'Background jobs', 'kiotviet-sync' ) }
							</dt>
							<dd>
								{ sprintf(
									/* translators: 1: pending jobs, 2: jobs failed in the last 24 hours */
									__(
										'%1$d waiting, %2$d failed in the last 24 hours',
										'kiotviet-sync'
									),
									health.data.queue.pending,
									health.data.queue.failed
								) }
							</dd>
							<dt>
								{ __(
									'KiotViet requests in the last hour',
									'kiotviet-sync'
								) }
							</dt>
							<dd>
								{ sprintf(
									/* translators: 1: requests used, 2: hourly limit */
									__( '%1$d of %2$d', 'kiotviet-sync' ),
									health.data.api.get_calls_last_hour,
									health.data.api.budget
								) }
							</dd>
							<dt>
								{ __(
									'Background task runner',
									'kiotviet-sync'
								) }
							</dt>
							<dd>
								{ health.data.cron.action_scheduler
									? __( 'Action Scheduler', 'kiotviet-sync' )
									: __( 'WP-Cron', 'kiotviet-sync' ) }
								{ health.data.cron.wp_cron_disabled &&
									` (${ __(
										'WP-Cron is disabled',
										'kiotviet-sync'
									) })` }
							</dd>
						</dl>
					</>
				) }
			</CardBody>
		</Card>
	);
}
