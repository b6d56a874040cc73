/**
 * Webhook subscription states of the configuration card, with
 * "Đăng ký lại webhook" (POST /webhooks/register).
 */

/**
 * External dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../../../components/error-message';
import { useNotices } from '../../../hooks/use-notices';
import { useRegisterWebhooks, useWebhooks } from '../../../hooks/use-webhooks';
import { formatDateTime } from '../format';

export function webhookStateLabel( state: string ): string {
	switch ( state ) {
		case 'active':
			return __( 'Active', 'kiotviet-sync' );
		case 'inactive':
			return __( 'Inactive', 'kiotviet-sync' );
		case 'missing':
			return __( 'Missing', 'kiotviet-sync' );
		case 'conflict':
			return __( 'Held by another integration', 'kiotviet-sync' );
		case 'failed':
			return __( 'Failed', 'kiotviet-sync' );
	}
	return state;
}

export function WebhookStates( { enabled }: { enabled: boolean } ) {
	const webhooks = useWebhooks( enabled );
	const register = useRegisterWebhooks();
	const notices = useNotices();

	const reregister = () => {
		register.mutate( undefined, {
			onSuccess: () =>
				notices.success(
					__( 'The webhooks were registered again.', 'kiotviet-sync' )
				),
		} );
	};

	return (
		<section
			className="kvs-webhooks"
			aria-label={ __( 'Webhooks', 'kiotviet-sync' ) }
		>
			<h3>{ __( 'Webhooks', 'kiotviet-sync' ) }</h3>
			{ webhooks.isPending && enabled && <Spinner /> }
			{ webhooks.isError && (
				<Notice status="warning" isDismissible={ false }>
					{ errorMessage( webhooks.error ) }
				</Notice>
			) }
			{ register.isError && (
				<Notice status="error" isDismissible={ false }>
					{ errorMessage( register.error ) }
				</Notice>
			) }
			{ webhooks.data && (
				<>
					{ webhooks.data.live_error && (
						<Notice status="warning" isDismissible={ false }>
							{ webhooks.data.live_error }
						</Notice>
					) }
					<table className="widefat striped kvs-webhooks__table">
						<thead>
							<tr>
								<th scope="col">
									{ __( 'Event', 'kiotviet-sync' ) }
								</th>
								<th scope="col">
									{ __( 'State', 'kiotviet-sync' ) }
								</th>
							</tr>
						</thead>
						<tbody>
							{ webhooks.data.subscriptions.map( ( sub ) => (
								<tr key={ sub.type }>
									<td>
										<code>{ sub.type }</code>
									</td>
									<td className={ `is-${ sub.state }` }>
										{ webhookStateLabel( sub.state ) }
									</td>
								</tr>
							) ) }
						</tbody>
					</table>
					<p>
						{ __( 'Last delivery:', 'kiotviet-sync' ) }{ ' ' }
						{ webhooks.data.last_delivery_at ? (
							<time dateTime={ webhooks.data.last_delivery_at }>
								{ formatDateTime(
									webhooks.data.last_delivery_at
								) }
							</time>
						) : (
							__( 'none yet', 'kiotviet-sync' )
						) }
					</p>
				</>
			) }
			<Button
				__next40pxDefaultSize
				variant="secondary"
				onClick={ reregister }
				isBusy={ register.isPending }
				disabled={ ! enabled || register.isPending }
				accessibleWhenDisabled
			>
				{ __( 'Register webhooks again', 'kiotviet-sync' ) }
			</Button>
		</section>
	);
}
