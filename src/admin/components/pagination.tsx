/**
 * Previous / page numbers / Next for a server-paginated list.
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
