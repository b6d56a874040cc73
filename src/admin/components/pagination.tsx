/**
 * Page navigation for server-paginated lists: `Pagination` (Previous / page
 * numbers / Next, the setup's product list) and `PageStepper` (Previous page /
 * "Page 2 of 5" / Next page, the list screens' tables).
 */

/**
 * External dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * The page numbers to show: first, last, and two around the current one,
 * with null where pages are skipped.
 *
 * @param current Current page (1-based).
 * @param total   Number of pages.
 */
export function pageWindow( current: number, total: number ) {
	const pages: Array< number | null > = [];
	for ( let page = 1; page <= total; page++ ) {
		if ( page === 1 || page === total || Math.abs( page - current ) <= 2 ) {
			pages.push( page );
		} else if ( pages[ pages.length - 1 ] !== null ) {
			pages.push( null );
		}
	}
	return pages;
}

interface PaginationProps {
	page: number;
	totalPages: number;
	disabled?: boolean;
	onChange: ( page: number ) => void;
}

export function Pagination( {
	page,
	totalPages,
	disabled = false,
	onChange,
}: PaginationProps ) {
	if ( totalPages <= 1 ) {
		return null;
	}
	return (
		<nav
			className="kvs-pagination"
			aria-label={ __( 'Product pages', 'kiotviet-sync' ) }
		>
			<Button
				size="compact"
				variant="secondary"
				onClick={ () => onChange( page - 1 ) }
				disabled={ disabled || page <= 1 }
				accessibleWhenDisabled
			>
				{ __( 'Previous', 'kiotviet-sync' ) }
			</Button>
			{ pageWindow( page, totalPages ).map( ( item, index ) =>
				item === null ? (
					<span
						key={ `gap-${ index }` }
						className="kvs-pagination__gap"
						aria-hidden="true"
					>
						…
					</span>
				) : (
					<Button
						key={ item }
						size="compact"
						variant={ item === page ? 'primary' : 'tertiary' }
						aria-current={ item === page ? 'page' : undefined }
						aria-label={ sprintf(
							/* translators: %d: page number. */
							__( 'Page %d', 'kiotviet-sync' ),
							item
						) }
						onClick={ () => item !== page && onChange( item ) }
						disabled={ disabled }
						accessibleWhenDisabled
					>
						{ String( item ) }
					</Button>
				)
			) }
			<Button
				size="compact"
				variant="secondary"
				onClick={ () => onChange( page + 1 ) }
				disabled={ disabled || page >= totalPages }
				accessibleWhenDisabled
			>
				{ __( 'Next', 'kiotviet-sync' ) }
			</Button>
		</nav>
	);
}

interface PageStepperProps {
	page: number;
	totalPages: number;
	onChange: ( page: number ) => void;
	/** Accessible name of the navigation landmark. */
	label: string;
	className: string;
	/**
	 * Keep the buttons focusable when disabled and announce the page change
	 * (the history tabs).
	 */
	accessible?: boolean;
}

export function PageStepper( {
	page,
	totalPages,
	onChange,
	label,
	className,
	accessible = false,
}: PageStepperProps ) {
	return (
		<nav className={ className } aria-label={ label }>
			<Button
				variant="secondary"
				onClick={ () => onChange( Math.max( 1, page - 1 ) ) }
				disabled={ page <= 1 }
				accessibleWhenDisabled={ accessible || undefined }
			>
				{ __( 'Previous page', 'kiotviet-sync' ) }
			</Button>
			<span aria-live={ accessible ? 'polite' : undefined }>
				{ sprintf(
					/* translators: 1: current page, 2: number of pages */
					__( 'Page %1$d of %2$d', 'kiotviet-sync' ),
					page,
					totalPages
				) }
			</span>
			<Button
				variant="secondary"
				onClick={ () => onChange( Math.min( totalPages, page + 1 ) ) }
				disabled={ page >= totalPages }
				accessibleWhenDisabled={ accessible || undefined }
			>
				{ __( 'Next page', 'kiotviet-sync' ) }
			</Button>
		</nav>
	);
}
