/**
 * The setup wizard (user guide II.2, 2.1–2.3): opens on the step that matches
 * the connection and sync state and follows the server's answers from there.
 * The step the merchant chose after the data fetch is kept in the URL
 * (`&step=`) so a reload stays on it.
 */

/**
 * External dependencies
 */
import { Notice } from '@wordpress/components';
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Connection } from '../../../shared/schemas/connection';
import {
	isRunActive,
	type Run,
	type SyncStatus,
} from '../../../shared/schemas/sync';
import { errorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useConnection } from '../../hooks/use-connection';
import { useNotices } from '../../hooks/use-notices';
import { useSyncStatus } from '../../hooks/use-sync';
import { BranchStep } from './branch-step';
import { ConfigStep } from './config-step';
import { ConnectionStep } from './connection-step';
import { GetDataStep } from './get-data-step';
import { OrdersStep } from './orders-step';
import { PriceBooksStep } from './price-books-step';
import { ProductsStep } from './products-step';
import { StepIndicator, type SetupStep } from './step-indicator';
import { SyncStep } from './sync-step';
import './setup.css';

/** Steps that can be asked for once the data is fetched (and kept in the URL). */
export const URL_STEPS = [
	'products',
	'price-books',
	'orders',
	'sync',
	'config',
] as const;

export type UrlStep = ( typeof URL_STEPS )[ number ];

function isUrlStep( value: unknown ): value is UrlStep {
	return ( URL_STEPS as readonly unknown[] ).includes( value );
}

/** The `&step=` of the current URL, when it names a known step. */
export function readUrlStep(): UrlStep | null {
	const step = new URLSearchParams( window.location.search ).get( 'step' );
	return isUrlStep( step ) ? step : null;
}

/**
 * Replaces `&step=` in the URL without reloading or adding a history entry.
 *
 * @param step The step, or null to remove it.
 */
export function writeUrlStep( step: UrlStep | null ): void {
	const url = new URL( window.location.href );
	if ( step ) {
		url.searchParams.set( 'step', step );
	} else {
		url.searchParams.delete( 'step' );
	}
	if ( url.href !== window.location.href ) {
		window.history.replaceState( window.history.state, '', url.href );
	}
}

function isImportLike( run: Run | null ): boolean {
	return !! run && ( run.kind === 'import' || run.kind === 'quick_sync' );
}

/**
 * @param connection     The server's connection object.
 * @param status         The sync status (null while not ready).
 * @param requested      The step the merchant asked for (or the URL named).
 * @param choosingBranch Whether the merchant asked to change the branch.
 */
export function stepFor(
	connection: Connection,
	status: SyncStatus | null,
	requested: UrlStep | null,
	choosingBranch: boolean
): SetupStep {
	if ( connection.state === 'not_connected' ) {
		return 'connection';
	}
	if ( connection.state === 'needs_branch' || choosingBranch ) {
		return 'branch';
	}
	if ( ! status ) {
		return 'get-data';
	}
	const run = status.run;
	if ( isRunActive( run ) ) {
		if ( run.kind === 'fetch' ) {
			return 'get-data';
		}
		if ( isImportLike( run ) ) {
			return 'sync';
		}
	}
	if ( ! status.last_fetch_at ) {
		return 'get-data';
	}
	if ( requested === 'sync' ) {
		if ( isImportLike( run ) ) {
			return 'sync';
		}
		return status.last_import_at ? 'config' : 'orders';
	}
	if ( requested ) {
		return requested;
	}
	return status.last_import_at ? 'config' : 'products';
}

export default function SetupScreen() {
	const connection = useConnection();
	const data = connection.data;
	const isReady = data?.state === 'ready';
	const syncStatus = useSyncStatus( isReady );
	const notices = useNotices();
	const [ choosingBranch, setChoosingBranch ] = useState( false );
	const [ requested, setRequested ] = useState< UrlStep | null >(
		readUrlStep
	);

	const goTo = useCallback( ( step: UrlStep | null ) => {
		setRequested( step );
		writeUrlStep( step );
	}, [] );

	const status = isReady ? syncStatus.data ?? null : null;
	const step = data
		? stepFor( data, status, requested, choosingBranch )
		: null;

	// A run that ends moves the wizard on: fetch → Products, import → its result.
	const run = status?.run ?? null;
	const lastActive = useRef< Run | null >( null );
	useEffect( () => {
		const previous = lastActive.current;
		lastActive.current = isRunActive( run ) ? run : null;
		if ( ! previous || isRunActive( run ) ) {
			return;
		}
		const ended = run && run.id === previous.id ? run : null;
		if ( previous.kind === 'fetch' ) {
			if ( ended?.state === 'done' ) {
				notices.success(
					__( 'The data from KiotViet is ready.', 'kiotviet-sync' )
				);
				goTo( 'products' );
			} else if ( ended?.state === 'failed' ) {
				notices.error(
					ended.message ??
						__(
							'Getting data from KiotViet failed.',
							'kiotviet-sync'
						)
				);
			}
		} else if ( isImportLike( previous ) ) {
			goTo( 'sync' );
		}
	}, [ run, goTo, notices ] );

	// Focus the new step's heading after a transition, not on first load.
	// Both refs only ever move one way, so writing them while rendering is safe.
	const firstStep = useRef< SetupStep | null >( null );
	const hasMoved = useRef( false );
	if ( firstStep.current === null && step !== null ) {
		firstStep.current = step;
	} else if ( step !== null && step !== firstStep.current ) {
		hasMoved.current = true;
	}
	const focusOnMount = hasMoved.current;

	// A cancelled connection must not reopen on the branch step next time.
	useEffect( () => {
		if ( data && data.state !== 'ready' ) {
			setChoosingBranch( false );
		}
	}, [ data ] );

	if ( connection.isPending ) {
		return (
			<Loading
				label={ __( 'Loading the connection…', 'kiotviet-sync' ) }
			/>
		);
	}
	// A failed background refetch keeps the last good answer on screen.
	if ( ! data || ! step ) {
		return (
			<Notice
				status="error"
				isDismissible={ false }
				actions={ [
					{
						label: __( 'Try again', 'kiotviet-sync' ),
						onClick: () => connection.refetch(),
					},
				] }
			>
				{ errorMessage( connection.error ) }
			</Notice>
		);
	}
	if ( isReady && ! choosingBranch && ! status ) {
		if ( syncStatus.isError ) {
			return (
				<Notice
					status="error"
					isDismissible={ false }
					actions={ [
						{
							label: __( 'Try again', 'kiotviet-sync' ),
							onClick: () => syncStatus.refetch(),
						},
					] }
				>
					{ errorMessage( syncStatus.error ) }
				</Notice>
			);
		}
		return (
			<Loading
				label={ __( 'Loading the sync status…', 'kiotviet-sync' ) }
			/>
		);
	}

	const chooseBranch = () => setChoosingBranch( true );
	let content;
	switch ( step ) {
		case 'connection':
			content = <ConnectionStep focusOnMount={ focusOnMount } />;
			break;
		case 'branch':
			content = (
				<BranchStep
					connection={ data }
					focusOnMount={ focusOnMount }
					onDone={ () => setChoosingBranch( false ) }
					onBack={
						data.state === 'ready'
							? () => setChoosingBranch( false )
							: undefined
					}
				/>
			);
			break;
		case 'get-data':
			content = status && (
				<GetDataStep
					connection={ data }
					status={ status }
					focusOnMount={ focusOnMount }
					onChooseBranch={ chooseBranch }
					onContinue={ () => goTo( 'products' ) }
				/>
			);
			break;
		case 'products':
			content = (
				<ProductsStep
					focusOnMount={ focusOnMount }
					onContinue={ () => goTo( 'price-books' ) }
				/>
			);
			break;
		case 'price-books':
			content = (
				<PriceBooksStep
					focusOnMount={ focusOnMount }
					onBack={ () => goTo( 'products' ) }
					onDone={ () => goTo( 'orders' ) }
				/>
			);
			break;
		case 'orders':
			content = status && (
				<OrdersStep
					status={ status }
					focusOnMount={ focusOnMount }
					onBack={ () => goTo( 'price-books' ) }
					onStarted={ () => goTo( 'sync' ) }
				/>
			);
			break;
		case 'sync':
			content = status?.run && (
				<SyncStep
					run={ status.run }
					focusOnMount={ focusOnMount }
					onShowConfig={ () => goTo( 'config' ) }
					onBackToOrders={ () => goTo( 'orders' ) }
				/>
			);
			break;
		case 'config':
			content = status && (
				<ConfigStep
					connection={ data }
					status={ status }
					focusOnMount={ focusOnMount }
					onChooseBranch={ chooseBranch }
					onOpenStep={ goTo }
				/>
			);
			break;
	}

	return (
		<div className={ `kvs-setup is-step-${ step }` }>
			<StepIndicator current={ step } />
			{ content }
		</div>
	);
}
