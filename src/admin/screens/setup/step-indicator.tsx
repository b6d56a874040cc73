/**
 * The setup steps, with the current one marked for assistive technology.
 */

/**
 * External dependencies
 */
import { VisuallyHidden } from '@wordpress/components';
import { __, _x } from '@wordpress/i18n';

export type SetupStep =
	| 'connection'
	| 'branch'
	| 'get-data'
	| 'products'
	| 'price-books'
	| 'orders'
	| 'sync'
	| 'config';

/** Steps shown in the indicator; "config" (the summary) comes after all of them. */
const ORDER: SetupStep[] = [
	'connection',
	'branch',
	'get-data',
	'products',
	'price-books',
	'orders',
	'sync',
];

export function stepLabel( step: SetupStep ): string {
	switch ( step ) {
		case 'connection':
			return __( 'Connection', 'kiotviet-sync' );
		case 'branch':
			return __( 'Branch', 'kiotviet-sync' );
		case 'get-data':
			return __( 'Get data', 'kiotviet-sync' );
		case 'products':
			return __( 'Products', 'kiotviet-sync' );
		case 'price-books':
			return __( 'Price books', 'kiotviet-sync' );
		case 'orders':
			return _x( 'Orders', 'setup step', 'kiotviet-sync' );
		case 'sync':
			return __( 'Sync', 'kiotviet-sync' );
		case 'config':
			return __( 'Configuration', 'kiotviet-sync' );
	}
}

export function StepIndicator( { current }: { current: SetupStep } ) {
	const currentIndex =
		current === 'config' ? ORDER.length : ORDER.indexOf( current );
	return (
		<nav aria-label={ __( 'Setup steps', 'kiotviet-sync' ) }>
			<ol className="kvs-steps">
				{ ORDER.map( ( step, index ) => {
					const isCurrent = index === currentIndex;
					const isDone = index < currentIndex;
					let className = 'kvs-steps__item';
					if ( isCurrent ) {
						className += ' is-current';
					} else if ( isDone ) {
						className += ' is-done';
					}
					return (
						<li
							key={ step }
							className={ className }
							aria-current={ isCurrent ? 'step' : undefined }
						>
							<span
								className="kvs-steps__number"
								aria-hidden="true"
							>
								{ index + 1 }
							</span>
							<span>{ stepLabel( step ) }</span>
							{ isDone && (
								<VisuallyHidden>
									{ __( '(completed)', 'kiotviet-sync' ) }
								</VisuallyHidden>
							) }
						</li>
					);
				} ) }
			</ol>
		</nav>
	);
}
