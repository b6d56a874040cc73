/**
 * Data hooks for the sync history (GET /history, GET /history/export).
 */

/**
 * External dependencies
 */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import type { DownloadedFile } from '../../shared/api/client';
import { fetchHistory, fetchHistoryExport } from '../../shared/api/endpoints';
import type { ApiError } from '../../shared/api/errors';
import { queryKeys } from '../../shared/query-keys';
import type { HistoryFilters, HistoryPage } from '../../shared/schemas/history';

/**
 * One page of the history for the filters; the previous page stays on screen
 * while the next one loads.
 *
 * @param filters Channel, result, dates, search, page, per_page.
 */
export function useHistory( filters: HistoryFilters ) {
	return useQuery< HistoryPage, ApiError >( {
		queryKey: queryKeys.historyList( { ...filters } ),
		queryFn: ( { signal } ) => fetchHistory( filters, signal ),
		placeholderData: keepPreviousData,
	} );
}

/** Downloads the CSV of every row matching the filters. */
export function useExportHistory() {
	return useMutation< DownloadedFile, ApiError, HistoryFilters >( {
		mutationFn: ( filters ) => fetchHistoryExport( filters ),
		gcTime: 0,
	} );
}
