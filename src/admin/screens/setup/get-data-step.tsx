/**
 * Step 3, "Getting data from KiotViet". For now it summarises the connected
 * shop; the import itself arrives with a later issue.
 */

/**
 * External dependencies
 */
import { Button, ExternalLink } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Connection } from '../../../shared/schemas/connection';
import { StepCard } from '../../components/step-card';
import { CancelConnection } from './cancel-connection';

/**
 * Formats an ISO 8601 date in the admin's language (the <html lang> WordPress prints).
 *
 * @param iso ISO 8601 date with offset.
 */
export function formatDateTime( iso: string ): string {
	const date = new Date( iso );
	if ( Number.isNaN( date.getTime() ) ) {
		return iso;
	}
	const lang = document.documentElement.lang || undefined;
	try {
		return new Intl.DateTimeFormat( lang, {
			dateStyle: 'medium',
			timeStyle: 'short',
		} ).format( date );
	} catch {
		return date.toLocaleString();
	}
}

interface GetDataStepProps {
	connection: Connection;
	onChooseBranch: () => void;
	focusOnMount?: boolean;
}

export function GetDataStep( {
	connection,
	onChooseBranch,
	focusOnMount = false,
}: GetDataStepProps ) {
	const none = '—';
	return (
		<StepCard
			title={ __( 'Getting data from KiotViet', 'kiotviet-sync' ) }
			description={ __(
				'This website is connected to your KiotViet shop.',
				'kiotviet-sync'
			) }
			focusOnMount={ focusOnMount }
		>
			<dl className="kvs-summary">
				<dt>{ __( 'Shop', 'kiotviet-sync' ) }</dt>
				<dd>
					{ connection.shop_url ? (
						<ExternalLink href={ connection.shop_url }>
							{ connection.retailer ?? connection.shop_url }
						</ExternalLink>
					) : (
						connection.retailer ?? none
					) }
				</dd>
				<dt>{ __( 'Client ID', 'kiotviet-sync' ) }</dt>
				<dd>{ connection.client_id ?? none }</dd>
				<dt>{ __( 'Secret key', 'kiotviet-sync' ) }</dt>
				<dd>
					<code>{ connection.client_secret_masked ?? none }</code>
				</dd>
				<dt>{ __( 'Product sync branch', 'kiotviet-sync' ) }</dt>
				<dd>{ connection.branch?.name ?? none }</dd>
				<dt>{ __( 'Connected since', 'kiotviet-sync' ) }</dt>
				<dd>
					{ connection.connected_at ? (
						<time dateTime={ connection.connected_at }>
							{ formatDateTime( connection.connected_at ) }
						</time>
					) : (
						none
					) }
				</dd>
			</dl>
			<div className="kvs-actions">
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ onChooseBranch }
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
