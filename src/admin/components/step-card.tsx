/**
 * A Card with a focusable step heading, so keyboard and screen-reader users
 * land on the new step after a transition.
 */

/**
 * External dependencies
 */
import { Card, CardBody, CardHeader } from '@wordpress/components';
import { useEffect, useRef } from '@wordpress/element';
import type { ReactNode } from 'react';

interface StepCardProps {
	title: string;
	description?: ReactNode;
	/** Move focus to the heading when the card mounts (after a step change). */
	focusOnMount?: boolean;
	children: ReactNode;
}

export function StepCard( {
	title,
	description,
	focusOnMount = false,
	children,
}: StepCardProps ) {
	const headingRef = useRef< HTMLHeadingElement >( null );
	useEffect( () => {
		if ( focusOnMount ) {
			headingRef.current?.focus();
		}
		// Only on mount: a step card is remounted for each step.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );
	return (
		<Card className="kvs-card">
			<CardHeader>
				<h2
					className="kvs-card__heading"
					ref={ headingRef }
					tabIndex={ -1 }
				>
					{ title }
				</h2>
			</CardHeader>
			<CardBody>
				{ description && (
					<p className="kvs-card__description">{ description }</p>
				) }
				{ children }
			</CardBody>
		</Card>
	);
}
