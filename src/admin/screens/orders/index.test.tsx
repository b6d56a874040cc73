import { screen, waitFor, within } from '@testing-library/react';
import apiFetch from '@wordpress/api-fetch';

import OrdersScreen from '.';
import type { OrderItem } from '../../../shared/schemas/orders';
import { ordersPageSchema } from '../../../shared/schemas/orders';
import {
	wpError,
	type FetchOptions,
} from '../../../shared/test-utils/fake-api';
import { renderWithProviders } from '../../../shared/test-utils/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );
vi.setConfig( { testTimeout: 20_000 } );

const apiFetchMock = vi.mocked( apiFetch );

function item( id: number, patch: Partial< OrderItem > = {} ): OrderItem {
	return {
		id,
		number: String( id ),
		date: '2026-11-29T08:00:00+00:00',
		status: 'processing',
		total: 530000,
		customer: 'Nguyễn Lan',
		sync_state: 'waiting',
		kiotviet_code: null,
		kiotviet_id: null,
		message: null,
		attempts: 0,
		edit_url: `https://shop.test/wp-admin/admin.php?page=wc-orders&action=edit&id=${ id }`,
		...patch,
	};
}

function createOrdersApi( all: OrderItem[] ) {
	const api = {
		orders: all.map( ( o ) => ( { ...o } ) ),
		calls: [] as Array< { method: string; path: string; data?: unknown } >,
		async handle( options: FetchOptions ): Promise< unknown > {
			const method = ( options.method ?? 'GET' ).toUpperCase();
			const path = options.path ?? '';
			api.calls.push( { method, path, data: options.data } );
			const url = new URL( path, 'https://x.test' );
			if ( method === 'GET' && url.pathname.endsWith( '/orders' ) ) {
				const state = url.searchParams.get( 'state' ) ?? 'all';
				const search = url.searchParams.get( 'search' ) ?? '';
				const page = Number( url.searchParams.get( 'page' ) ?? 1 );
				const perPage = Number(
					url.searchParams.get( 'per_page' ) ?? 20
				);
				const filtered = api.orders.filter(
					( o ) =>
						( state === 'all' || o.sync_state === state ) &&
						( search === '' ||
							o.number === search ||
							( o.kiotviet_code ?? '' ).includes( search ) )
				);
				return {
					items: filtered.slice(
						( page - 1 ) * perPage,
						page * perPage
					),
					total: filtered.length,
					page,
					per_page: perPage,
					total_pages: Math.ceil( filtered.length / perPage ),
				};
			}
			const one = url.pathname.match( /\/orders\/(\d+)\/sync$/ );
			if ( method === 'POST' && one ) {
				const order = api.orders.find(
					( o ) => o.id === Number( one[ 1 ] )
				);
				if ( ! order ) {
					throw wpError(
						'kiotviet_sync_not_found',
						'The order does not exist.',
						404
					);
				}
				Object.assign( order, {
					sync_state: 'synced',
					kiotviet_code: `DH${ String( order.id ).padStart(
						6,
						'0'
					) }`,
					message: null,
				} );
				return { item: order, outcome: 'synced' };
			}
			if (
				method === 'POST' &&
				url.pathname.endsWith( '/orders/sync' )
			) {
				const ids = ( options.data as { ids: number[] } ).ids;
				const items = api.orders.filter( ( o ) =>
					ids.includes( o.id )
				);
				items.forEach( ( o ) =>
					Object.assign( o, {
						sync_state: 'synced',
						kiotviet_code: `DH${ String( o.id ).padStart(
							6,
							'0'
						) }`,
					} )
				);
				return {
					items,
					outcomes: Object.fromEntries(
						ids.map( ( id ) => [ String( id ), 'synced' ] )
					),
				};
			}
			throw wpError( 'rest_no_route', 'No route', 404 );
		},
	};
	return api;
}

function renderScreen( orders: OrderItem[] ) {
	const api = createOrdersApi( orders );
	apiFetchMock.mockReset();
	apiFetchMock.mockImplementation( ( options ) =>
		api.handle( options as FetchOptions )
	);
	return { api, ...renderWithProviders( <OrdersScreen /> ) };
}

describe( 'Orders screen', () => {
	it( 'lists orders with state, KiotViet code, failure reason and a link to the order', async () => {
		renderScreen( [
			item( 101, {
				sync_state: 'synced',
				kiotviet_code: 'DH000001',
				kiotviet_id: 660001,
			} ),
			item( 102, {
				sync_state: 'failed',
				message:
					'KiotViet rejected the order: Hàng hóa không được phép bán',
			} ),
			item( 103 ),
		] );
		const synced = await screen.findByRole( 'row', { name: /#101/ } );
		expect( within( synced ).getByText( 'DH000001' ) ).toBeInTheDocument();
		expect( within( synced ).getByText( 'Synced' ) ).toBeInTheDocument();
		expect(
			within( synced ).queryByRole( 'button', { name: 'Resync' } )
		).not.toBeInTheDocument();
		expect(
			within( synced ).getByRole( 'link', { name: '#101' } )
		).toHaveAttribute( 'href', expect.stringContaining( 'id=101' ) );

		const failed = screen.getByRole( 'row', { name: /#102/ } );
		expect( within( failed ).getByText( 'Failed' ) ).toBeInTheDocument();
		expect(
			within( failed ).getByText( /không được phép bán/ )
		).toBeInTheDocument();
		expect(
			within( screen.getByRole( 'row', { name: /#103/ } ) ).getByText(
				'Waiting'
			)
		).toBeInTheDocument();
	} );

	it( 'resyncs one order and shows its KiotViet code', async () => {
		const { user, api } = renderScreen( [
			item( 102, { sync_state: 'failed', message: 'Timeout' } ),
		] );
		const row = await screen.findByRole( 'row', { name: /#102/ } );
		await user.click(
			within( row ).getByRole( 'button', { name: 'Resync' } )
		);
		await waitFor( () =>
			expect(
				within( screen.getByRole( 'row', { name: /#102/ } ) ).getByText(
					'DH000102'
				)
			).toBeInTheDocument()
		);
		expect( api.calls ).toContainEqual(
			expect.objectContaining( {
				method: 'POST',
				path: '/kiotviet-sync/v1/orders/102/sync',
			} )
		);
	} );

	it( 'resyncs the selected orders in one request', async () => {
		const { user, api } = renderScreen( [
			item( 201 ),
			item( 202 ),
			item( 203 ),
		] );
		await screen.findByRole( 'row', { name: /#201/ } );
		await user.click( screen.getByLabelText( 'Select order #201' ) );
		await user.click( screen.getByLabelText( 'Select order #203' ) );
		await user.click(
			screen.getByRole( 'button', { name: 'Resync selected (2)' } )
		);
		await waitFor( () =>
			expect(
				api.calls.find( ( c ) => c.path.endsWith( '/orders/sync' ) )
					?.data
			).toEqual( { ids: [ 201, 203 ] } )
		);
		await waitFor( () =>
			expect( screen.getAllByText( 'Synced' ).length ).toBeGreaterThan(
				0
			)
		);
	} );

	it( 'filters by state, searches and pages', async () => {
		const many = Array.from( { length: 45 }, ( _, i ) =>
			item( 300 + i, {
				sync_state: i % 3 === 0 ? 'failed' : 'synced',
				kiotviet_code: i % 3 === 0 ? null : `DH${ 300 + i }`,
			} )
		);
		const { user, api } = renderScreen( many );
		await screen.findByText( 'Page 1 of 3' );
		await user.click( screen.getByRole( 'button', { name: 'Next page' } ) );
		await screen.findByText( 'Page 2 of 3' );
		expect( api.calls.at( -1 )?.path ).toContain( 'page=2' );

		await user.selectOptions(
			screen.getByLabelText( 'Sync state' ),
			'failed'
		);
		await waitFor( () =>
			expect( api.calls.at( -1 )?.path ).toContain( 'state=failed' )
		);
		await waitFor( () =>
			expect(
				screen.queryByText( 'Page 2 of 3' )
			).not.toBeInTheDocument()
		);
		expect( api.calls.at( -1 )?.path ).toContain( 'page=1' );

		await user.selectOptions(
			screen.getByLabelText( 'Sync state' ),
			'all'
		);
		await user.type( screen.getByLabelText( 'Search orders' ), 'DH301' );
		await user.click( screen.getByRole( 'button', { name: 'Search' } ) );
		await screen.findByRole( 'row', { name: /#301/ } );
		await waitFor( () =>
			expect( screen.queryByRole( 'row', { name: /#302/ } ) ).toBeNull()
		);
	} );

	it( 'shows the server error when the list cannot load', async () => {
		apiFetchMock.mockReset();
		apiFetchMock.mockRejectedValue(
			wpError( 'rest_forbidden', 'Sorry, you are not allowed.', 403 )
		);
		renderWithProviders( <OrdersScreen /> );
		expect(
			await screen.findByText( 'Sorry, you are not allowed.', {
				ignore: '#a11y-speak-polite, #a11y-speak-assertive, script, style',
			} )
		).toBeInTheDocument();
	} );

	it( 'parses the contract shape of GET /orders', () => {
		expect(
			ordersPageSchema.parse( {
				items: [ item( 1, { sync_state: 'not_eligible' } ) ],
				total: 1,
				page: 1,
				per_page: 20,
				total_pages: 1,
				counts: { synced: 0, waiting: 1, failed: 0 },
			} ).items[ 0 ]?.sync_state
		).toBe( 'not_eligible' );
	} );
} );
