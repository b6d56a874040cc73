/**
 * Progress of a background run (fetch or import): phases with counts, an
 * overall bar, and Pause / Resume / Cancel.
 */

/**
 * External dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	isRunActive,
	type Phase,
	type PhaseName,
	type Run,
	type RunAction,
	type RunState,
} from '../../../shared/schemas/sync';
import { errorMessage } from '../../components/error-message';
import { useRunAction } from '../../hooks/use-sync';
import { formatNumber } from './format';

export function phaseLabel( name: PhaseName ): string {
	switch ( name ) {
		case 'categories':
			return __( 'Categories', 'kiotviet-sync' );
		case 'products':
			return __( 'Products', 'kiotviet-sync' );
		case 'branches':
			return __( 'Branches', 'kiotviet-sync' );
		case 'price_books':
			return __( 'Price books', 'kiotviet-sync' );
		case 'import_categories':
			return __( 'Product categories on the website', 'kiotviet-sync' );
		case 'import_products':
			return __( 'Products on the website', 'kiotviet-sync' );
		case 'images':
			return __( 'Product images', 'kiotviet-sync' );
		case 'done':
			return __( 'Finished', 'kiotviet-sync' );
	}
}

export function runStateLabel( state: RunState ): string {
	switch ( state ) {
		case 'queued':
			return __( 'Waiting to start', 'kiotviet-sync' );
		case 'running':
			return __( 'Running', 'kiotviet-sync' );
		case 'paused':
			return __( 'Paused', 'kiotviet-sync' );
		case 'cancelled':
			return __( 'Cancelled', 'kiotviet-sync' );
		case 'failed':
			return __( 'Failed', 'kiotviet-sync' );
		case 'done':
			return __( 'Finished', 'kiotviet-sync' );
	}
}

function phaseStateLabel( phase: Phase ): string {
	switch ( phase.state ) {
		case 'pending':
			return __( 'waiting', 'kiotviet-sync' );
		case 'running':
			return __( 'in progress', 'kiotviet-sync' );
		case 'done':
			return __( 'done', 'kiotviet-sync' );
	}
}

/**
 * Overall percentage over the phases that know their size, or null when none does yet.
 *
 * @param run The run.
 */
export function runPercent( run: Run ): number | null {
	if ( run.state === 'done' ) {
		return 100;
	}
	const sized = run.phases.filter( ( phase ) => phase.total > 0 );
	if ( sized.length === 0 ) {
		return null;
	}
	// Every phase weighs the same; a phase without a size counts as 0 % or 100 %.
	const parts = run.phases.map( ( phase ) => {
		if ( phase.state === 'done' ) {
			return 1;
		}
		return phase.total > 0 ? Math.min( phase.done / phase.total, 1 ) : 0;
	} );
	const sum = parts.reduce( ( total, part ) => total + part, 0 );
	return Math.floor( ( sum / parts.length ) * 100 );
}

interface ProgressBarProps {
	label: string;
	value: number | null;
}

export function ProgressBar( { label, value }: ProgressBarProps ) {
	return (
		<div
			className="kvs-progress"
			role="progressbar"
			aria-label={ label }
			aria-valuemin={ 0 }
			aria-valuemax={ 100 }
			aria-valuenow={ value ?? undefined }
			aria-valuetext={
				value === null
					? __( 'Starting…', 'kiotviet-sync' )
					: sprintf(
							/* translators: %d: percentage done. */
							__( '%d%%', 'kiotviet-sync' ),
							value
					  )
			}
		>
			<div
				className={
					value === null
						? 'kvs-progress__bar is-indeterminate'
						: 'kvs-progress__bar'
				}
				style={ value === null ? undefined : { width: `${ value }%` } }
			/>
		</div>
	);
}

interface RunProgressProps {
	run: Run;
	/** Accessible name of the bar, e.g. "Getting data from KiotViet". */
	label: string;
}

export function RunProgress( { run, label }: RunProgressProps ) {
	const action = useRunAction();
	const active = isRunActive( run );
	const percent = runPercent( run );

	const send = ( next: RunAction ) => {
		if ( ! action.isPending ) {
			action.mutate( { id: run.id, action: next } );
		}
	};
	const pending = action.isPending ? action.variables?.action : undefined;

	return (
		<div className="kvs-run">
			<p className="kvs-run__state" aria-live="polite">
				{ sprintf(
					/* translators: 1: run state, e.g. "Running"; 2: percentage done. */
					__( '%1$s — %2$s', 'kiotviet-sync' ),
					runStateLabel( run.state ),
					percent === null
						? __( 'starting…', 'kiotviet-sync' )
						: sprintf(
								/* translators: %d: percentage done. */
								__( '%d%%', 'kiotviet-sync' ),
								percent
						  )
				) }
			</p>
			<ProgressBar label={ label } value={ percent } />
			<ul className="kvs-run__phases">
				{ run.phases.map( ( phase ) => (
					<li
						key={ phase.name }
						className={ `kvs-run__phase is-${ phase.state }` }
						aria-current={
							phase.state === 'running' ? 'step' : undefined
						}
					>
						<span className="kvs-run__phase-name">
							{ phaseLabel( phase.name ) }
						</span>
						<span className="kvs-run__phase-count">
							{ phase.total > 0
								? sprintf(
										/* translators: 1: items done, 2: items in total, 3: phase state, e.g. "in progress". */
										__(
											'%1$s / %2$s (%3$s)',
											'kiotviet-sync'
										),
										formatNumber( phase.done ),
										formatNumber( phase.total ),
										phaseStateLabel( phase )
								  )
								: phaseStateLabel( phase ) }
						</span>
					</li>
				) ) }
			</ul>
			{ run.message && (
				<Notice
					status={ run.state === 'failed' ? 'error' : 'info' }
					isDismissible={ false }
					className="kvs-inline-notice"
				>
					{ run.message }
				</Notice>
			) }
			{ action.isError && (
				<Notice
					status="error"
					isDismissible={ false }
					className="kvs-inline-notice"
				>
					{ errorMessage( action.error ) }
				</Notice>
			) }
			{ active && (
				<>
					<div className="kvs-actions">
						{ run.state === 'paused' ? (
							<Button
								__next40pxDefaultSize
								variant="secondary"
								onClick={ () => send( 'resume' ) }
								isBusy={ pending === 'resume' }
								disabled={ action.isPending }
								accessibleWhenDisabled
							>
								{ __( 'Resume', 'kiotviet-sync' ) }
							</Button>
						) : (
							<Button
								__next40pxDefaultSize
								variant="secondary"
								onClick={ () => send( 'pause' ) }
								isBusy={ pending === 'pause' }
								disabled={ action.isPending }
								accessibleWhenDisabled
							>
								{ __( 'Pause', 'kiotviet-sync' ) }
							</Button>
						) }
						<Button
							__next40pxDefaultSize
							variant="secondary"
							isDestructive
							onClick={ () => send( 'cancel' ) }
							isBusy={ pending === 'cancel' }
							disabled={ action.isPending }
							accessibleWhenDisabled
						>
							{ __( 'Cancel', 'kiotviet-sync' ) }
						</Button>
					</div>
					<p className="kvs-run__note">
						{ __(
							'You can close this page: the sync continues in the background.',
							'kiotviet-sync'
						) }
					</p>
				</>
			) }
		</div>
	);
}
