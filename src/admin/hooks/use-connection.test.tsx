import { act, renderHook, waitFor } from '@testing-library/react';
import apiFetch from '@wordpress/api-fetch';

import {
	useBranches,
	useConnect,
	useConnection,
	useDisconnect,
	useSelectBranch,
} from './use-connection';
import { queryKeys } from '../../shared/query-keys';
import {
	BRANCHES,
	createFakeApi,
	NEEDS_BRANCH,
	NOT_CONNECTED,
	READY,
	wpError,
	type FetchOptions,
} from '../../shared/test-utils/fake-api';
import {
	createTestQueryClient,
	createWrapper,
} from '../../shared/test-utils/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const apiFetchMock = vi.mocked( apiFetch );

function setup( initial = NOT_CONNECTED ) {
	const api = createFakeApi( initial );
	apiFetchMock.mockReset();
	apiFetchMock.mockImplementation( ( options ) =>
		api.handle( options as FetchOptions )
	);
	const queryClient = createTestQueryClient();
	const wrapper = createWrapper( { queryClient } );
	return { api, queryClient, wrapper };
}

describe( 'useConnection', () => {
	it( 'loads the connection', async () => {
		const { wrapper } = setup( READY );
		const { result } = renderHook( () => useConnection(), { wrapper } );
		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );
		expect( result.current.data ).toEqual( READY );
	} );

	it( 'exposes a drifted payload as schema_error', async () => {
		const { wrapper } = setup();
		apiFetchMock.mockResolvedValue( { state: 'connected' } );
		const { result } = renderHook( () => useConnection(), { wrapper } );
		await waitFor( () => expect( result.current.isError ).toBe( true ) );
		expect( result.current.error?.code ).toBe( 'schema_error' );
	} );
} );

describe( 'useConnect', () => {
	it( 'validates before sending and does not call the server', async () => {
		const { api, wrapper } = setup();
		const { result } = renderHook( () => useConnect(), { wrapper } );
		await act( async () => {
			await result.current
				.mutateAsync( {
					retailer: '',
					client_id: '',
					client_secret: '',
				} )
				.catch( () => undefined );
		} );
		expect( api.calls ).toHaveLength( 0 );
		// The mutation's error state renders after the rejected promise settles.
		await waitFor( () => expect( result.current.isError ).toBe( true ) );
		expect( result.current.error?.code ).toBe( 'invalid_input' );
		expect( Object.keys( result.current.error?.params ?? {} ) ).toEqual( [
			'retailer',
			'client_id',
			'client_secret',
		] );
	} );

	it( 'sends the normalised body and stores the answer', async () => {
		const { api, queryClient, wrapper } = setup();
		queryClient.setQueryData( queryKeys.branches, [] );
		const { result } = renderHook( () => useConnect(), { wrapper } );
		await act( async () => {
			await result.current.mutateAsync( {
				retailer: 'https://demo.kiotviet.vn',
				client_id: 'demo-client',
				client_secret: 'top-secret',
			} );
		} );
		expect( api.calls ).toEqual( [
			{
				method: 'POST',
				path: '/kiotviet-sync/v1/connection',
				data: {
					retailer: 'demo',
					client_id: 'demo-client',
					client_secret: 'top-secret',
				},
			},
		] );
		expect(
			queryClient.getQueryData( queryKeys.connection )
		).toMatchObject( { state: 'needs_branch', retailer: 'demo' } );
		// Branches of a previous shop must not survive a new connection.
		expect(
			queryClient.getQueryData( queryKeys.branches )
		).toBeUndefined();
	} );

	it( 'surfaces server field errors', async () => {
		const { api, wrapper } = setup();
		api.connectError = wpError(
			'kiotviet_sync_unknown_retailer',
			'No KiotViet shop has this address.',
			400,
			{ retailer: 'No KiotViet shop has this address.' }
		);
		const { result } = renderHook( () => useConnect(), { wrapper } );
		await act( async () => {
			await result.current
				.mutateAsync( {
					retailer: 'nope',
					client_id: 'a',
					client_secret: 'b',
				} )
				.catch( () => undefined );
		} );
		expect( result.current.error ).toMatchObject( {
			code: 'kiotviet_sync_unknown_retailer',
			status: 400,
			params: { retailer: 'No KiotViet shop has this address.' },
		} );
	} );
} );

describe( 'useDisconnect', () => {
	it( 'stores not_connected and drops the branch list', async () => {
		const { api, queryClient, wrapper } = setup( READY );
		queryClient.setQueryData( queryKeys.connection, READY );
		queryClient.setQueryData( queryKeys.branches, BRANCHES );
		const { result } = renderHook( () => useDisconnect(), { wrapper } );
		await act( async () => {
			await result.current.mutateAsync();
		} );
		expect( api.calls.at( -1 ) ).toMatchObject( { method: 'DELETE' } );
		expect( queryClient.getQueryData( queryKeys.connection ) ).toEqual(
			NOT_CONNECTED
		);
		expect(
			queryClient.getQueryData( queryKeys.branches )
		).toBeUndefined();
	} );
} );

describe( 'useBranches', () => {
	it( 'returns the branch list', async () => {
		const { wrapper } = setup( NEEDS_BRANCH );
		const { result } = renderHook( () => useBranches(), { wrapper } );
		await waitFor( () => expect( result.current.isSuccess ).toBe( true ) );
		expect( result.current.data ).toEqual( BRANCHES );
	} );

	it( 'does not fetch while disabled', () => {
		const { api, wrapper } = setup();
		renderHook( () => useBranches( false ), { wrapper } );
		expect( api.calls ).toHaveLength( 0 );
	} );
} );

describe( 'useSelectBranch', () => {
	it( 'rejects a missing branch before sending', async () => {
		const { api, wrapper } = setup( NEEDS_BRANCH );
		const { result } = renderHook( () => useSelectBranch(), { wrapper } );
		await act( async () => {
			await result.current
				.mutateAsync( { branch_id: 0 } )
				.catch( () => undefined );
		} );
		expect( api.calls ).toHaveLength( 0 );
		await waitFor( () => expect( result.current.isError ).toBe( true ) );
		expect( result.current.error?.params ).toEqual( {
			branch_id: 'Select a branch.',
		} );
	} );

	it( 'stores the ready connection', async () => {
		const { queryClient, wrapper } = setup( NEEDS_BRANCH );
		const { result } = renderHook( () => useSelectBranch(), { wrapper } );
		await act( async () => {
			await result.current.mutateAsync( { branch_id: 5002 } );
		} );
		expect(
			queryClient.getQueryData( queryKeys.connection )
		).toMatchObject( {
			state: 'ready',
			branch: { id: 5002, name: 'Chi nhánh Hà Nội' },
		} );
	} );
} );
