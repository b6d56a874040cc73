/**
 * An in-memory stand-in for the connection REST routes, answering the way
 * apiFetch does: resolves with the JSON body, rejects with the WP_Error body.
 * Use with `vi.mock( '@wordpress/api-fetch' )` and `mockImplementation( api.handle )`.
 */

import type { Branch, Connection } from '../schemas/connection';

export interface WpErrorBody {
	code: string;
	message: string;
	data: { status: number; params?: Record< string, string > };
}

export interface FetchOptions {
	path?: string;
	method?: string;
	data?: unknown;
}

export const NOT_CONNECTED: Connection = {
	state: 'not_connected',
	retailer: null,
	client_id: null,
	client_secret_masked: null,
	branch: null,
	connected_at: null,
	shop_url: null,
};

export const BRANCHES: Branch[] = [
	{
		id: 5001,
		name: 'Chi nhánh trung tâm',
		code: 'CN01',
		address: '1 Lê Lợi, Quận 1, TP. Hồ Chí Minh',
	},
	{ id: 5002, name: 'Chi nhánh Hà Nội', code: 'CN02', address: '' },
];

export const READY: Connection = {
	state: 'ready',
	retailer: 'demo',
	client_id: 'demo-client',
	client_secret_masked: '••••••••cret',
	branch: { id: 5001, name: 'Chi nhánh trung tâm' },
	connected_at: '2026-11-29T08:00:00+00:00',
	shop_url: 'https://demo.kiotviet.vn',
};

export const NEEDS_BRANCH: Connection = {
	...READY,
	state: 'needs_branch',
	branch: null,
};

export function wpError(
	code: string,
	message: string,
	status: number,
	params?: Record< string, string >
): WpErrorBody {
	return { code, message, data: params ? { status, params } : { status } };
}

export function createFakeApi( initial: Connection = NOT_CONNECTED ) {
	const api = {
		connection: { ...initial } as Connection,
		branches: [ ...BRANCHES ],
		/** When set, the next POST /connection rejects with it. */
		connectError: null as WpErrorBody | null,
		/** When set, DELETE /connection rejects with it. */
		disconnectError: null as WpErrorBody | null,
		calls: [] as Array< { method: string; path: string; data?: unknown } >,

		async handle( options: FetchOptions ): Promise< unknown > {
			const method = ( options.method ?? 'GET' ).toUpperCase();
			const path = options.path ?? '';
			api.calls.push( { method, path, data: options.data } );
			const route = `${ method } ${ path.replace(
				/^\/kiotviet-sync\/v1/,
				''
			) }`;
			switch ( route ) {
				case 'GET /connection':
					return api.connection;
				case 'POST /connection': {
					if ( api.connectError ) {
						throw api.connectError;
					}
					const body = options.data as {
						retailer: string;
						client_id: string;
						client_secret: string;
					};
					api.connection = {
						state: 'needs_branch',
						retailer: body.retailer,
						client_id: body.client_id,
						client_secret_masked:
							'••••••••' + body.client_secret.slice( -4 ),
						branch: null,
						connected_at: '2026-11-29T08:00:00+00:00',
						shop_url: `https://${ body.retailer }.kiotviet.vn`,
					};
					return api.connection;
				}
				case 'DELETE /connection':
					if ( api.disconnectError ) {
						throw api.disconnectError;
					}
					api.connection = { ...NOT_CONNECTED };
					return api.connection;
				case 'GET /branches':
					if ( api.connection.state === 'not_connected' ) {
						throw wpError(
							'kiotviet_sync_not_connected',
							'Not connected.',
							409
						);
					}
					return { branches: api.branches };
				case 'PUT /connection/branch': {
					const { branch_id: branchId } = options.data as {
						branch_id: number;
					};
					const branch = api.branches.find(
						( candidate ) => candidate.id === branchId
					);
					if ( ! branch ) {
						throw wpError(
							'kiotviet_sync_invalid_field',
							'Invalid parameter(s): branch_id',
							400,
							{
								branch_id:
									'This branch does not exist in KiotViet.',
							}
						);
					}
					api.connection = {
						...api.connection,
						state: 'ready',
						branch: { id: branch.id, name: branch.name },
					};
					return api.connection;
				}
			}
			throw wpError( 'rest_no_route', 'No route.', 404 );
		},
	};
	return api;
}
