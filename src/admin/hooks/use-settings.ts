/**
 * Data hooks for the sync settings (GET/PUT /settings). Any screen that needs
 * a setting (price books, locked fields, order branch, the settings screen)
 * reads it with useSettings() and changes it with useUpdateSettings().
 */

/**
 * External dependencies
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/**
 * Internal dependencies
 */
import { parseInput } from '../../shared/api/client';
import { fetchSettings, putSettings } from '../../shared/api/endpoints';
import type { ApiError } from '../../shared/api/errors';
import { queryKeys } from '../../shared/query-keys';
import {
	settingsPatchSchema,
	type Settings,
	type SettingsPatch,
} from '../../shared/schemas/settings';

/** The merchant's sync settings (GET /settings). */
export function useSettings() {
	return useQuery< Settings, ApiError >( {
		queryKey: queryKeys.settings,
		queryFn: ( { signal } ) => fetchSettings( signal ),
	} );
}

/**
 * Saves some settings (PUT /settings, partial). On a 400 the error's `params`
 * maps each refused key to its message and nothing was saved.
 */
export function useUpdateSettings() {
	const queryClient = useQueryClient();
	return useMutation< Settings, ApiError, SettingsPatch >( {
		mutationFn: ( patch ) =>
			putSettings( parseInput( settingsPatchSchema, patch ) ),
		onSuccess: ( settings ) => {
			queryClient.setQueryData( queryKeys.settings, settings );
			// Saving re-schedules jobs and may clear problems.
			void queryClient.invalidateQueries( {
				queryKey: queryKeys.health,
			} );
		},
	} );
}
