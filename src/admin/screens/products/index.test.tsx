import { screen, waitFor, within } from '@testing-library/react';
import apiFetch from '@wordpress/api-fetch';

import ProductsScreen from '.';
import {
	syncedProductsPageSchema,
	type SyncedProduct,
} from '../../../shared/schemas/synced-products';
import {
	wpError,
	type FetchOptions,
} from '../../../shared/test-utils/fake-api';
import { renderWithProviders } from '../../../shared/test-utils/render';
import { store as noticesStore } from '@wordpress/notices';

function noticeTexts(
	registry: ReturnType< typeof renderWithProviders >[ 'registry' ]
): string[] {
	return registry
		.select( noticesStore )
		.getNotices( 'kiotviet-sync' )
		.map( ( n: { content: string } ) => n.content );
}

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );
vi.setConfig( { testTimeout: 20_000 } );

const apiFetchMock = vi.mocked( apiFetch );

function product(
	id: number,
	patch: Partial< SyncedProduct > = {}
): SyncedProduct {
	return {
		id,
		name: `Sản phẩm ${ id }`,
		sku: `SP${ id }`,
		type: 'simple',
		status: 'publish',
		regular_price: '150000',
		sale_price: null,
		min_price: null,
		max_price: null,
		stock_quantity: 12,
		stock_status: 'instock',
		image_url: null,
		source: 'kiotviet',
		kiotviet_id: 5000 + id,
		kiotviet_code: `SP${ id }`,
		sync_enabled: true,
		last_synced_at: '2026-11-29T16:05:00+07:00',
		last_error: null,
		edit_url: `https://shop.test/wp-admin/post.php?post=${ id }&action=edit`,
		...patch,
	};
}

function createProductsApi(
	all: SyncedProduct[],
	opts: { failToggle?: boolean } = {}
) {
	const api = {
		products: all.map( ( p ) => ( { ...p } ) ),
		calls: [] as Array< { method: string; path: string; data?: unknown } >,
		async handle( options: FetchOptions ): Promise< unknown > {
			const method = ( options.method ?? 'GET' ).toUpperCase();
			const path = options.path ?? '';
			api.calls.push( { method, path, data: options.data } );
			const url = new URL( path, 'https://x.test' );
			if (
				method === 'GET' &&
				url.pathname.endsWith( '/kiotviet-sync/v1/products' )
			) {
				const source = url.searchParams.get( 'source' ) ?? 'all';
				const state = url.searchParams.get( 'state' ) ?? 'all';
				const search = url.searchParams.get( 'search' ) ?? '';
				const page = Number( url.searchParams.get( 'page' ) ?? 1 );
				const perPage = Number(
					url.searchParams.get( 'per_page' ) ?? 20
				);
				const filtered = api.products.filter(
					( p ) =>
						( source === 'all' || p.source === source ) &&
						( state === 'all' ||
							( state === 'paused' &&
								p.source === 'kiotviet' &&
								! p.sync_enabled ) ||
							( state === 'synced' &&
								p.sync_enabled &&
								! p.last_error ) ||
							( state === 'error' && !! p.last_error ) ) &&
						( search === '' ||
							p.name.includes( search ) ||
							( p.sku ?? '' ).includes( search ) )
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
			const toggle = url.pathname.match( /\/products\/(\d+)\/sync$/ );
			if ( method === 'PUT' && toggle ) {
				if ( opts.failToggle ) {
					throw wpError(
						'kiotviet_sync_internal_error',
						'Something went wrong in KiotViet Sync.',
						500
					);
				}
				const found = api.products.find(
					( p ) => p.id === Number( toggle[ 1 ] )
				);
				if ( ! found ) {
					throw wpError( 'kiotviet_sync_not_found', 'Nope', 404 );
				}
				found.sync_enabled = (
					options.data as { enabled: boolean }
				 ).enabled;
				return { ...found };
			}
			throw wpError( 'rest_no_route', 'No route', 404 );
		},
	};
	return api;
}

function renderScreen(
	products: SyncedProduct[],
	opts: { failToggle?: boolean } = {}
) {
	const api = createProductsApi( products, opts );
	apiFetchMock.mockReset();
	apiFetchMock.mockImplementation( ( options ) =>
		api.handle( options as FetchOptions )
	);
	return { api, ...renderWithProviders( <ProductsScreen /> ) };
}

describe( 'Synced product list screen', () => {
	it( 'mirrors the PHP page shape', () => {
		expect(
			syncedProductsPageSchema.safeParse( {
				items: [ product( 1 ) ],
				total: 1,
				page: 1,
				per_page: 20,
				total_pages: 1,
			} ).success
		).toBe( true );
		expect(
			syncedProductsPageSchema.safeParse( {
				items: [ { ...product( 1 ), source: 'other' } ],
				total: 1,
				page: 1,
				per_page: 20,
				total_pages: 1,
			} ).success
		).toBe( false );
	} );

	it( 'lists both sources with price, stock, state, error and edit link', async () => {
		renderScreen( [
			product( 1 ),
			product( 2, {
				name: 'Áo polo',
				type: 'variable',
				regular_price: null,
				min_price: '180000',
				max_price: '220000',
				stock_quantity: 30,
			} ),
			product( 3, {
				name: 'Quà tặng',
				source: 'woocommerce',
				kiotviet_id: null,
				kiotviet_code: null,
				sync_enabled: false,
				last_synced_at: null,
			} ),
			product( 4, {
				name: 'Cáp lỗi',
				sync_enabled: false,
				last_error: 'Giá không hợp lệ',
			} ),
		] );
		const first = await screen.findByRole( 'row', { name: /Sản phẩm 1/ } );
		expect( within( first ).getByText( 'Syncing' ) ).toBeInTheDocument();
		expect( within( first ).getByText( '12' ) ).toBeInTheDocument();
		expect( within( first ).getByText( /150\.000/ ) ).toBeInTheDocument();
		expect(
			within( first ).getByText( '2026-11-29 16:05' )
		).toBeInTheDocument();
		expect(
			within( first ).getByRole( 'link', { name: 'Sản phẩm 1' } )
		).toHaveAttribute( 'href', expect.stringContaining( 'post=1' ) );
		expect( within( first ).getByRole( 'checkbox' ) ).toBeChecked();

		const polo = screen.getByRole( 'row', { name: /Áo polo/ } );
		expect(
			within( polo ).getByText( /180\.000.*–.*220\.000/ )
		).toBeInTheDocument();

		const own = screen.getByRole( 'row', { name: /Quà tặng/ } );
		expect( within( own ).getByText( 'WooCommerce' ) ).toBeInTheDocument();
		expect( within( own ).queryByRole( 'checkbox' ) ).toBeNull();

		const broken = screen.getByRole( 'row', { name: /Cáp lỗi/ } );
		expect(
			within( broken ).getByText( 'Sync paused' )
		).toBeInTheDocument();
		expect(
			within( broken ).getByText( /Giá không hợp lệ/ )
		).toBeInTheDocument();
	} );

	it( 'sends filters, search and pages to the server', async () => {
		const many = Array.from( { length: 25 }, ( _, i ) => product( i + 1 ) );
		many.push(
			product( 90, {
				name: 'Web only',
				source: 'woocommerce',
				kiotviet_id: null,
				kiotviet_code: null,
				sync_enabled: false,
			} )
		);
		const { user, api } = renderScreen( many );
		await screen.findByRole( 'row', { name: /Sản phẩm 1\b/ } );
		expect( screen.getByText( 'Page 1 of 2' ) ).toBeInTheDocument();
		await user.click( screen.getByRole( 'button', { name: 'Next page' } ) );
		await screen.findByText( 'Page 2 of 2' );
		expect( api.calls.at( -1 )?.path ).toContain( 'page=2' );

		await user.selectOptions(
			screen.getByLabelText( 'Source' ),
			'woocommerce'
		);
		await screen.findByRole( 'row', { name: /Web only/ } );
		expect( api.calls.at( -1 )?.path ).toContain( 'source=woocommerce' );
		expect( api.calls.at( -1 )?.path ).toContain( 'page=1' );

		await user.selectOptions( screen.getByLabelText( 'Source' ), 'all' );
		await user.selectOptions(
			screen.getByLabelText( 'Sync state' ),
			'error'
		);
		await screen.findByText( 'No products found.' );
		expect( api.calls.at( -1 )?.path ).toContain( 'state=error' );

		await user.selectOptions(
			screen.getByLabelText( 'Sync state' ),
			'all'
		);
		await user.type( screen.getByLabelText( 'Search products' ), '50%_' );
		await user.click( screen.getByRole( 'button', { name: 'Search' } ) );
		await waitFor( () =>
			expect( api.calls.at( -1 )?.path ).toContain( 'search=50%25_' )
		);
	} );

	it( 'pauses a product at once and keeps the server answer', async () => {
		const { user, api, registry } = renderScreen( [ product( 1 ) ] );
		const row = await screen.findByRole( 'row', { name: /Sản phẩm 1/ } );
		const toggle = within( row ).getByRole( 'checkbox' );
		await user.click( toggle );
		expect( toggle ).not.toBeChecked();
		await waitFor( () =>
			expect(
				api.calls.find( ( c ) => c.method === 'PUT' )?.data
			).toEqual( { enabled: false } )
		);
		expect(
			await within( row ).findByText( 'Sync paused' )
		).toBeInTheDocument();
		await waitFor( () =>
			expect( noticeTexts( registry ) ).toContain(
				'KiotViet no longer updates “Sản phẩm 1”.'
			)
		);
	} );

	it( 'rolls the switch back when the server refuses', async () => {
		const { user, registry } = renderScreen( [ product( 1 ) ], {
			failToggle: true,
		} );
		const row = await screen.findByRole( 'row', { name: /Sản phẩm 1/ } );
		const toggle = within( row ).getByRole( 'checkbox' );
		await user.click( toggle );
		await waitFor( () => expect( toggle ).toBeChecked() );
		await waitFor( () =>
			expect( noticeTexts( registry ).join( ' ' ) ).toMatch(
				/Something went wrong/
			)
		);
		expect( within( row ).getByText( 'Syncing' ) ).toBeInTheDocument();
	} );
} );
