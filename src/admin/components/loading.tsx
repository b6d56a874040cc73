/**
 * A spinner with a visible, announced label.
 */

/**
 * External dependencies
 */
import { Spinner } from '@wordpress/components';

export function Loading( { label }: { label: string } ) {
	return (
		<div className="kvs-loading" role="status">
			<Spinner />
			<span>{ label }</span>
		</div>
	);
}
