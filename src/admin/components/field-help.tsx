/**
 * Help text of a form field with its error above it; BaseControl ties the
 * whole node to the input through aria-describedby.
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

interface FieldHelpProps {
	error?: string;
	help?: ReactNode;
}

export function FieldHelp( { error, help }: FieldHelpProps ) {
	if ( ! error ) {
		return <>{ help }</>;
	}
	return (
		<>
			<span className="kvs-field-error">{ error }</span>
			{ help }
		</>
	);
}
