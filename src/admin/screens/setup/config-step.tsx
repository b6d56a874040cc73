/**
 * "Cấu hình" (user guide 2.7): the connected shop, the sync state and links
 * back to each step, once the products were synced.
 */

/**
 * External dependencies
 */
import { Button, ExternalLink, Notice } from '@wordpress/components';
import { __, _x } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Connection } from '../../../shared/schemas/connection';
import type { SyncStatus } from '../../../shared/schemas/sync';
import { errorMessage } from '../../components/error-message';
import { StepCard } from '../../components/step-card';
import { useStartSync } from '../../hooks/use-sync';
import { DisconnectButton } from './configuration/disconnect-modal';
import { QuickSync } from './configuration/quick-sync';
import { SyncRules } from './configuration/sync-rules';
import { WebhookStates } from './configuration/webhook-states';
import { formatDateTime, formatNumber } from './format';
import type { UrlStep } from './index';

interface ConfigStepProps {
	connection: Connection;
	status: SyncStatus;
	onChooseBranch: () => void;
	onOpenStep: ( step: UrlStep ) => void;
	focusOnMount?: boolean;
}

function DateOrNone( { iso }: { iso: string | null } ) {
	return iso ? (
		<time dateTime={ iso }>{ formatDateTime( iso ) }</time>
	) : (
		<>—</>
	);
}

export function ConfigStep( {
	connection,
	status,
	onChooseBranch,
	onOpenStep,
	focusOnMount = false,
}: ConfigStepProps ) {
	const start = useStartSync();
	const none = '—';
	return (
		<StepCard
			title={ __( 'Configuration', 'kiotviet-sync' ) }
			description={ __(
				'This website is connected to your KiotViet shop.',
				'kiotviet-sync'
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
					<DateOrNone iso={ connection.connected_at } />
				</dd>
				<dt>{ __( 'Data fetched from KiotViet', 'kiotviet-sync' ) }</dt>
				<dd>
					<DateOrNone iso={ status.last_fetch_at } />
				</dd>
				<dt>{ __( 'Last product sync', 'kiotviet-sync' ) }</dt>
				<dd>
					<DateOrNone iso={ status.last_import_at } />
				</dd>
				<dt>{ __( 'Products selected for sync', 'kiotviet-sync' ) }</dt>
				<dd>
					{ formatNumber( status.catalog.selected ) } /{ ' ' }
					{ formatNumber( status.catalog.products ) }
				</dd>
			</dl>
			<SyncRules connection={ connection } />
			<WebhookStates enabled={ connection.state === 'ready' } />
			<QuickSync status={ status } />
			<nav
				className="kvs-actions"
				aria-label={ __( 'Setup steps to review', 'kiotviet-sync' ) }
			>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ () => onOpenStep( 'products' ) }
				>
					{ __( 'Products', 'kiotviet-sync' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ () => onOpenStep( 'price-books' ) }
				>
					{ __( 'Price books', 'kiotviet-sync' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ () => onOpenStep( 'orders' ) }
				>
					{ _x( 'Orders', 'setup step', 'kiotviet-sync' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="link"
					href="admin.php?page=kiotviet-sync-products"
				>
					{ __( 'Synced products', 'kiotviet-sync' ) }
				</Button>
			</nav>
			<div className="kvs-actions kvs-actions--footer">
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ () => start.mutate( 'fetch' ) }
					isBusy={ start.isPending }
					disabled={ start.isPending }
					accessibleWhenDisabled
				>
					{ __( 'Get data again', 'kiotviet-sync' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ onChooseBranch }
				>
					{ __( 'Choose branch', 'kiotviet-sync' ) }
				</Button>
				<span className="kvs-actions__end">
					<DisconnectButton />
				</span>
			</div>
		</StepCard>
	);
}
