/**
 * A server-paginated table: loading and error states, the rows of the current
 * page, what an empty page shows, and the page navigation under it. Used by
 * the order list, the synced product list, the sync history and the webhook
 * inbox.
 */

/**
 * External dependencies
 */
import { Notice } from '@wordpress/components';
import type { ReactNode } from 'react';

/**
 * Internal dependencies
 */
import { errorMessage } from './error-message';
import { Loading } from './loading';
import { PageStepper } from './pagination';

export interface PagedResult< T > {
	items: T[];
	total_pages: number;
}

/** The parts of a react-query result the table reads. */
interface PagedQuery< D > {
	data: D | undefined;
	error: unknown;
	isPending: boolean;
	isError: boolean;
	isSuccess: boolean;
}

interface PagedTableProps< D extends PagedResult< unknown > > {
	query: PagedQuery< D >;
	/**
	 * - `list`: an empty page shows `empty` as a paragraph instead of the
	 *   table; the page navigation shows only when there are several pages.
	 * - `log`: the table always shows, an empty page as one row spanning
	 *   `columns`; the page navigation always shows, with focusable disabled
	 *   buttons and an announced page number.
	 */
	layout: 'list' | 'log';
	loadingLabel: string;
	tableClassName: string;
	caption?: string;
	/** The header row (`<tr>…</tr>`). */
	head: ReactNode;
	/** One body row (`<tr key=…>…</tr>`) per item. */
	row: ( item: D[ 'items' ][ number ] ) => ReactNode;
	empty: ReactNode;
	/** Number of columns (`log` layout: the empty row spans them). */
	columns?: number;
	/** Shown above the table once data is there (`log` layout). */
	summary?: ( data: D ) => ReactNode;
	page: number;
	onPageChange: ( page: number ) => void;
	pagerLabel: string;
	pagerClassName: string;
}

export function PagedTable< D extends PagedResult< unknown > >( {
	query,
	layout,
	loadingLabel,
	tableClassName,
	caption,
	head,
	row,
	empty,
	columns,
	summary,
	page,
	onPageChange,
	pagerLabel,
	pagerClassName,
}: PagedTableProps< D > ) {
	const data = query.data;
	const items: D[ 'items' ] = data?.items ?? [];
	const isLog = layout === 'log';
	const totalPages = isLog
		? Math.max( 1, data?.total_pages ?? 0 )
		: data?.total_pages ?? 0;

	const table = (
		<table className={ tableClassName }>
			{ caption && (
				<caption className="screen-reader-text">{ caption }</caption>
			) }
			<thead>{ head }</thead>
			<tbody>
				{ isLog && items.length === 0 && (
					<tr>
						<td colSpan={ columns }>{ empty }</td>
					</tr>
				) }
				{ items.map( row ) }
			</tbody>
		</table>
	);

	return (
		<>
			{ query.isPending && <Loading label={ loadingLabel } /> }
			{ query.isError && (
				<Notice status="error" isDismissible={ false }>
					{ errorMessage( query.error ) }
				</Notice>
			) }
			{ ! isLog && query.isSuccess && items.length === 0 && (
				<p>{ empty }</p>
			) }
			{ data && ( isLog || items.length > 0 ) && (
				<>
					{ summary?.( data ) }
					{ table }
				</>
			) }
			{ data && ( isLog || totalPages > 1 ) && (
				<PageStepper
					page={ page }
					totalPages={ totalPages }
					onChange={ onPageChange }
					label={ pagerLabel }
					className={ pagerClassName }
					accessible={ isLog }
				/>
			) }
		</>
	);
}
