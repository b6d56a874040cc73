import apiFetch from '@wordpress/api-fetch';
import { z } from 'zod';

import { parseInput, request, toApiError } from './client';
import {
	deleteConnection,
	ENDPOINTS,
	fetchBranches,
	fetchConnection,
	postConnection,
	putConnectionBranch,
} from './endpoints';
import { ApiError } from './errors';
import { connectInputSchema } from '../schemas/connection';
import { BRANCHES, READY, wpError } from '../test-utils/fake-api';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const apiFetchMock = vi.mocked( apiFetch );

async function caught( promise: Promise< unknown > ): Promise< ApiError > {
	try {
		await promise;
	} catch ( error ) {
		expect( error ).toBeInstanceOf( ApiError );
		return error as ApiError;
	}
	throw new Error( 'expected a rejection' );
}

beforeEach( () => {
	apiFetchMock.mockReset();
} );

describe( 'request', () => {
	const schema = z.object( { ok: z.boolean() } );

	it( 'returns the parsed body', async () => {
		apiFetchMock.mockResolvedValue( { ok: true, extra: 1 } );
		await expect( request( schema, { path: '/x' } ) ).resolves.toEqual( {
			ok: true,
		} );
		expect( apiFetchMock ).toHaveBeenCalledWith(
			expect.objectContaining( { path: '/x', method: 'GET' } )
		);
	} );

	it( 'turns a WP_Error with params into an ApiError', async () => {
		apiFetchMock.mockRejectedValue(
			wpError(
				'kiotviet_sync_bad_credentials',
				'Wrong credentials.',
				400,
				{
					client_id: 'Wrong Client ID or secret key.',
					client_secret: 'Wrong Client ID or secret key.',
				}
			)
		);
		const error = await caught( request( schema, { path: '/x' } ) );
		expect( error ).toMatchObject( {
			code: 'kiotviet_sync_bad_credentials',
			message: 'Wrong credentials.',
			status: 400,
			params: {
				client_id: 'Wrong Client ID or secret key.',
				client_secret: 'Wrong Client ID or secret key.',
			},
		} );
	} );

	it( 'keeps the status of a WP_Error without params', async () => {
		apiFetchMock.mockRejectedValue(
			wpError( 'kiotviet_sync_unreachable', 'KiotViet is down.', 502 )
		);
		const error = await caught( request( schema, { path: '/x' } ) );
		expect( error.code ).toBe( 'kiotviet_sync_unreachable' );
		expect( error.status ).toBe( 502 );
		expect( error.params ).toBeUndefined();
	} );

	it( 'maps a failed fetch to network_error', async () => {
		apiFetchMock.mockRejectedValue( {
			code: 'fetch_error',
			message: 'You are probably offline.',
		} );
		const error = await caught( request( schema, { path: '/x' } ) );
		expect( error.code ).toBe( 'network_error' );
		expect( error.status ).toBe( 0 );
	} );

	it( 'maps a non-JSON answer to parse_error', async () => {
		apiFetchMock.mockRejectedValue( {
			code: 'invalid_json',
			message: 'The response is not a valid JSON response.',
		} );
		expect(
			( await caught( request( schema, { path: '/x' } ) ) ).code
		).toBe( 'parse_error' );
	} );

	it( 'maps anything else thrown to network_error', async () => {
		apiFetchMock.mockRejectedValue( new TypeError( 'boom' ) );
		expect(
			( await caught( request( schema, { path: '/x' } ) ) ).code
		).toBe( 'network_error' );
	} );

	it( 'turns a drifted body into schema_error naming the field', async () => {
		apiFetchMock.mockResolvedValue( { ok: 'yes' } );
		const error = await caught( request( schema, { path: '/x' } ) );
		expect( error.code ).toBe( 'schema_error' );
		expect( error.params ).toHaveProperty( 'ok' );
	} );

	it( 'drops non-string params', () => {
		const error = toApiError( {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): a',
			data: { status: 400, params: { a: 'bad', b: { nested: true } } },
		} );
		expect( error.params ).toEqual( { a: 'bad' } );
	} );
} );

describe( 'parseInput', () => {
	it( 'returns the parsed input', () => {
		expect(
			parseInput( connectInputSchema, {
				retailer: 'demo.kiotviet.vn',
				client_id: 'id',
				client_secret: 'secret',
			} ).retailer
		).toBe( 'demo' );
	} );

	it( 'throws invalid_input with one message per field', () => {
		let error: unknown;
		try {
			parseInput( connectInputSchema, {
				retailer: '',
				client_id: 'id',
				client_secret: '',
			} );
		} catch ( thrown ) {
			error = thrown;
		}
		expect( error ).toBeInstanceOf( ApiError );
		expect( error ).toMatchObject( {
			code: 'invalid_input',
			status: 400,
			params: {
				retailer: 'Enter the shop address.',
				client_secret: 'Enter the secret key.',
			},
		} );
	} );
} );

describe( 'endpoints', () => {
	it( 'GET /connection', async () => {
		apiFetchMock.mockResolvedValue( READY );
		await expect( fetchConnection() ).resolves.toEqual( READY );
		expect( apiFetchMock ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/kiotviet-sync/v1/connection',
				method: 'GET',
			} )
		);
	} );

	it( 'POST /connection sends the snake_case body', async () => {
		apiFetchMock.mockResolvedValue( READY );
		const body = {
			retailer: 'demo',
			client_id: 'demo-client',
			client_secret: 's3cret',
		};
		await postConnection( body );
		expect( apiFetchMock ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: ENDPOINTS.connection,
				method: 'POST',
				data: body,
			} )
		);
	} );

	it( 'DELETE /connection', async () => {
		apiFetchMock.mockResolvedValue( { ...READY, state: 'not_connected' } );
		await deleteConnection();
		expect( apiFetchMock ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: ENDPOINTS.connection,
				method: 'DELETE',
			} )
		);
	} );

	it( 'GET /branches', async () => {
		apiFetchMock.mockResolvedValue( { branches: BRANCHES } );
		await expect( fetchBranches() ).resolves.toEqual( {
			branches: BRANCHES,
		} );
		expect( apiFetchMock ).toHaveBeenCalledWith(
			expect.objectContaining( { path: '/kiotviet-sync/v1/branches' } )
		);
	} );

	it( 'PUT /connection/branch', async () => {
		apiFetchMock.mockResolvedValue( READY );
		await putConnectionBranch( { branch_id: 5001 } );
		expect( apiFetchMock ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: '/kiotviet-sync/v1/connection/branch',
				method: 'PUT',
				data: { branch_id: 5001 },
			} )
		);
	} );

	it( 'rejects a drifted connection payload with schema_error', async () => {
		apiFetchMock.mockResolvedValue( { ...READY, state: 'READY' } );
		expect( ( await caught( fetchConnection() ) ).code ).toBe(
			'schema_error'
		);
	} );
} );
