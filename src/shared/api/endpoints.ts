/**
 * REST paths and one typed function per route. Screens never import these
 * directly: they go through the hooks in src/admin/hooks/.
 */

/**
 * Internal dependencies
 */
import { request } from './client';
import {
	branchesResponseSchema,
	connectionSchema,
	type BranchesResponse,
	type ConnectBody,
	type Connection,
} from '../schemas/connection';
import {
	settingsSchema,
	type Settings,
	type SettingsPatch,
} from '../schemas/settings';

export const REST_NAMESPACE = 'kiotviet-sync/v1';

export const ENDPOINTS = {
	connection: `/${ REST_NAMESPACE }/connection`,
	connectionBranch: `/${ REST_NAMESPACE }/connection/branch`,
	branches: `/${ REST_NAMESPACE }/branches`,
	settings: `/${ REST_NAMESPACE }/settings`,
} as const;

/**
 * GET /connection
 *
 * @param signal Aborts the request when the query is cancelled.
 */
export function fetchConnection( signal?: AbortSignal ): Promise< Connection > {
	return request( connectionSchema, { path: ENDPOINTS.connection, signal } );
}

/**
 * POST /connection — verifies the credentials with KiotViet and stores them.
 *
 * @param body Validated connect body (see connectInputSchema).
 */
export function postConnection( body: ConnectBody ): Promise< Connection > {
	return request( connectionSchema, {
		path: ENDPOINTS.connection,
		method: 'POST',
		data: body,
	} );
}

/** DELETE /connection — removes credentials, token and branch. */
export function deleteConnection(): Promise< Connection > {
	return request( connectionSchema, {
		path: ENDPOINTS.connection,
		method: 'DELETE',
	} );
}

/**
 * GET /branches
 *
 * @param signal Aborts the request when the query is cancelled.
 */
export function fetchBranches(
	signal?: AbortSignal
): Promise< BranchesResponse > {
	return request( branchesResponseSchema, {
		path: ENDPOINTS.branches,
		signal,
	} );
}

/**
 * PUT /connection/branch
 *
 * @param body           Validated body (see selectBranchInputSchema).
 * @param body.branch_id KiotViet branch id.
 */
export function putConnectionBranch( body: {
	branch_id: number;
} ): Promise< Connection > {
	return request( connectionSchema, {
		path: ENDPOINTS.connectionBranch,
		method: 'PUT',
		data: body,
	} );
}

/**
 * GET /settings
 *
 * @param signal Aborts the request when the query is cancelled.
 */
export function fetchSettings( signal?: AbortSignal ): Promise< Settings > {
	return request( settingsSchema, { path: ENDPOINTS.settings, signal } );
}

/**
 * PUT /settings — partial update; answers the merged settings.
 *
 * @param body Changed keys only (see settingsPatchSchema).
 */
export function putSettings( body: SettingsPatch ): Promise< Settings > {
	return request( settingsSchema, {
		path: ENDPOINTS.settings,
		method: 'PUT',
		data: body,
	} );
}
