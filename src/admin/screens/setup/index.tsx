/**
 * The setup wizard (user guide II.2): opens on the step that matches the
 * connection state and follows the server's answers from there.
 */

/**
 * External dependencies
 */
import { Notice } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Connection } from '../../../shared/schemas/connection';
import { errorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useConnection } from '../../hooks/use-connection';
import { BranchStep } from './branch-step';
import { ConnectionStep } from './connection-step';
import { GetDataStep } from './get-data-step';
import { StepIndicator, type SetupStep } from './step-indicator';

/**
 * @param connection     The server's connection object.
 * @param choosingBranch Whether the merchant asked to change the branch.
 */
export function stepFor(
	connection: Connection,
	choosingBranch: boolean
): SetupStep {
	switch ( connection.state ) {
		case 'not_connected':
			return 'connection';
		case 'needs_branch':
			return 'branch';
		case 'ready':
			return choosingBranch ? 'branch' : 'get-data';
	}
}

export default function SetupScreen() {
	const connection = useConnection();
	const [ choosingBranch, setChoosingBranch ] = useState( false );
	const data = connection.data;
	const step = data ? stepFor( data, choosingBranch ) : null;

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
			content = (
				<GetDataStep
					connection={ data }
					focusOnMount={ focusOnMount }
					onChooseBranch={ () => setChoosingBranch( true ) }
				/>
			);
			break;
	}

	return (
		<>
			<StepIndicator current={ step } />
			{ content }
		</>
	);
}
