import { configure, screen, waitFor, within } from '@testing-library/react';

import { wpError } from '../../../shared/test-utils/fake-api';
import {
	lastProductsQuery,
	renderSetup,
	setUrlStep,
	VISIBLE,
} from './test-helpers';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );
vi.setConfig( { testTimeout: 60_000 } );
// Fifty rows of switches render slowly on a busy machine.
configure( { asyncUtilTimeout: 8000 } );

beforeEach( () => setUrlStep( null ) );

/**
 * @param products Cached products to keep: the full 120 only where paging or
 *                 filtering needs them, 12 elsewhere (rows are slow to render).
 */
async function openProducts( products = 12 ) {
	const rendered = renderSetup( undefined, undefined, products );
	expect(
		await screen.findByRole( 'heading', { name: 'Products' } )
	).toBeInTheDocument();
	await screen.findByRole( 'checkbox', { name: 'Sync Sản phẩm 1 (SP-1)' } );
	return rendered;
}

function selectionCalls( api: ReturnType< typeof renderSetup >[ 'api' ] ) {
	return api.calls
		.filter( ( call ) => call.path.endsWith( '/catalog/selection' ) )
		.map( ( call ) => call.data );
}

describe( 'products step', () => {
	it( 'lists 50 products per page with page numbers', async () => {
		const { api, user } = await openProducts( 120 );
		expect( screen.getAllByRole( 'row' ) ).toHaveLength( 51 );
		expect( lastProductsQuery( api ).get( 'per_page' ) ).toBe( '50' );
		const pages = screen.getByRole( 'navigation', {
			name: 'Product pages',
		} );
		expect(
			within( pages ).getByRole( 'button', { name: 'Page 1' } )
		).toHaveAttribute( 'aria-current', 'page' );
		await user.click(
			within( pages ).getByRole( 'button', { name: 'Next' } )
		);
		expect(
			await screen.findByRole( 'checkbox', {
				name: 'Sync Sản phẩm 51 (SP-51)',
			} )
		).toBeInTheDocument();
		expect( lastProductsQuery( api ).get( 'page' ) ).toBe( '2' );
		await user.click(
			within( pages ).getByRole( 'button', { name: 'Page 3' } )
		);
		await waitFor( () =>
			expect( screen.getAllByRole( 'row' ) ).toHaveLength( 21 )
		);
	} );

	it( 'filters by a category of the tree (expanding its parent)', async () => {
		const { api, user } = await openProducts( 120 );
		const tree = screen.getByRole( 'navigation', {
			name: 'Product categories',
		} );
		expect(
			within( tree ).queryByRole( 'button', { name: 'Áo thun' } )
		).not.toBeInTheDocument();
		const expander = within( tree ).getByRole( 'button', {
			name: 'Subcategories of Thời trang',
		} );
		expect( expander ).toHaveAttribute( 'aria-expanded', 'false' );
		await user.click( expander );
		expect( expander ).toHaveAttribute( 'aria-expanded', 'true' );
		const category = within( tree ).getByRole( 'button', {
			name: 'Quần jean',
		} );
		await user.click( category );
		expect( category ).toHaveAttribute( 'aria-pressed', 'true' );
		await waitFor( () =>
			expect( lastProductsQuery( api ).get( 'category_id' ) ).toBe(
				'902'
			)
		);
		await waitFor( () =>
			expect( screen.getAllByRole( 'row' ) ).toHaveLength( 31 )
		);
		expect(
			screen.queryByRole( 'checkbox', { name: 'Sync Sản phẩm 1 (SP-1)' } )
		).not.toBeInTheDocument();
		await user.click(
			within( tree ).getByRole( 'button', { name: 'All categories' } )
		);
		// Back to the first (cached) page of every category.
		await waitFor( () =>
			expect( screen.getAllByRole( 'row' ) ).toHaveLength( 51 )
		);
	} );

	it( 'searches by name or code on the server, once typing pauses', async () => {
		const { api, user } = await openProducts( 120 );
		const before = api.calls.length;
		await user.type(
			screen.getByRole( 'searchbox', {
				name: 'Search by product name or code',
			} ),
			'SP-45'
		);
		expect(
			await screen.findByRole( 'checkbox', {
				name: 'Sync Sản phẩm 45 (SP-45)',
			} )
		).toBeInTheDocument();
		await waitFor( () =>
			expect( screen.getAllByRole( 'row' ) ).toHaveLength( 2 )
		);
		const searches = api.calls
			.slice( before )
			.filter( ( call ) => call.path.includes( 'search=' ) );
		expect( searches ).toHaveLength( 1 );
		expect( lastProductsQuery( api ).get( 'search' ) ).toBe( 'SP-45' );
		expect( lastProductsQuery( api ).get( 'page' ) ).toBe( '1' );
	} );

	it( 'switches one product on at once and sends its id', async () => {
		const { api, user } = await openProducts();
		const toggle = screen.getByRole( 'checkbox', {
			name: 'Sync Sản phẩm 1 (SP-1)',
		} );
		expect( toggle ).not.toBeChecked();
		await user.click( toggle );
		expect( toggle ).toBeChecked();
		await waitFor( () =>
			expect( selectionCalls( api ) ).toEqual( [
				{ action: 'select', scope: 'ids', ids: [ 31000101 ] },
			] )
		);
		expect(
			await screen.findByText( '1 of 120 products selected for sync.' )
		).toBeInTheDocument();
	} );

	it( 'flips the switch back and tells why when the server refuses', async () => {
		const { api, user } = await openProducts();
		api.errors[ 'PUT /catalog/selection' ] = wpError(
			'kiotviet_sync_storage',
			'The selection could not be saved.',
			500
		);
		const toggle = screen.getByRole( 'checkbox', {
			name: 'Sync Sản phẩm 2 (SP-2)',
		} );
		await user.click( toggle );
		expect(
			await screen.findByText(
				'The selection could not be saved.',
				VISIBLE
			)
		).toBeInTheDocument();
		await waitFor( () => expect( toggle ).not.toBeChecked() );
		expect( api.products[ 1 ]?.selected ).toBe( false );
	} );

	it( 'sends the right scope for each bulk option', async () => {
		const { api, user } = await openProducts();
		const bulk = screen.getByRole( 'group', { name: 'Bulk action' } );
		const run = async ( option: string, button: string ) => {
			await user.click(
				within( bulk ).getByRole( 'radio', { name: option } )
			);
			await user.click(
				within( bulk ).getByRole( 'button', { name: button } )
			);
			await waitFor( () =>
				expect(
					within( bulk ).getByRole( 'button', { name: button } )
				).not.toHaveAttribute( 'aria-disabled', 'true' )
			);
		};
		await run( 'Select all new products', 'Sync all selected products' );
		await run( 'Select products on this page', 'Stop syncing them' );
		await run( 'Select all products', 'Sync all selected products' );
		await waitFor( () =>
			expect( selectionCalls( api ) ).toHaveLength( 3 )
		);
		const calls = selectionCalls( api ) as Array<
			Record< string, unknown >
		>;
		expect( calls[ 0 ] ).toEqual( { action: 'select', scope: 'new' } );
		expect( calls[ 1 ] ).toEqual( {
			action: 'deselect',
			scope: 'ids',
			ids: Array.from( { length: 12 }, ( _v, i ) => 31000101 + i ),
		} );
		expect( calls[ 2 ] ).toEqual( { action: 'select', scope: 'all' } );
		expect(
			await screen.findByText( '12 of 120 products selected for sync.' )
		).toBeInTheDocument();
	} );

	it( 'selects a whole category with its quick-select icon', async () => {
		const { api, user } = await openProducts();
		await user.click(
			screen.getByRole( 'button', {
				name: 'Sync all products in Thời trang',
			} )
		);
		await waitFor( () =>
			expect( selectionCalls( api ) ).toEqual( [
				{ action: 'select', scope: 'category', category_id: 900 },
			] )
		);
		// Now every product of the category is selected: the icon deselects.
		expect(
			await screen.findByRole( 'button', {
				name: 'Stop syncing all products in Thời trang',
			} )
		).toBeInTheDocument();
	} );

	it( 'saves the global do-not-sync fields through the settings', async () => {
		const { api, user } = await openProducts();
		await user.click(
			screen.getByRole( 'button', { name: 'Do-not-sync options' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Do-not-sync options',
		} );
		expect(
			within( dialog ).getByRole( 'group', {
				name: 'Information NOT allowed to change when products are updated in KiotViet',
			} )
		).toBeInTheDocument();
		await user.click(
			within( dialog ).getByRole( 'checkbox', { name: 'Stock' } )
		);
		await user.click(
			within( dialog ).getByRole( 'checkbox', { name: 'Name' } )
		);
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Save' } )
		);
		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument()
		);
		expect( api.calls ).toContainEqual( {
			method: 'PUT',
			path: '/kiotviet-sync/v1/settings',
			data: { locked_fields: [ 'name', 'stock' ] },
		} );
		expect( api.settings.locked_fields ).toEqual( [ 'name', 'stock' ] );
	} );

	it( 'edits the locks of one product from its row', async () => {
		const { api, user } = await openProducts();
		await user.click(
			screen.getByRole( 'button', {
				name: 'Fields not changed by KiotViet for Sản phẩm 3',
			} )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Do-not-sync options: Sản phẩm 3',
		} );
		await user.click(
			within( dialog ).getByRole( 'checkbox', { name: 'Images' } )
		);
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Save' } )
		);
		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument()
		);
		expect( api.calls ).toContainEqual( {
			method: 'PUT',
			path: '/kiotviet-sync/v1/catalog/products/31000103/locks',
			data: { locked_fields: [ 'images' ] },
		} );
	} );

	it( 'keeps the lock dialog open with the error when saving fails', async () => {
		const { api, user } = await openProducts();
		api.errors[ 'PUT /catalog/products/{id}/locks' ] = wpError(
			'rest_not_found',
			'This product is no longer in the catalog.',
			404
		);
		await user.click(
			screen.getByRole( 'button', {
				name: 'Fields not changed by KiotViet for Sản phẩm 3',
			} )
		);
		const dialog = await screen.findByRole( 'dialog' );
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Save' } )
		);
		expect(
			await within( dialog ).findByText(
				'This product is no longer in the catalog.'
			)
		).toBeInTheDocument();
	} );

	it( 'continues to the price books and remembers the step in the URL', async () => {
		const { user } = await openProducts();
		await user.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		expect(
			await screen.findByRole( 'heading', { name: 'Price books' } )
		).toHaveFocus();
		expect( window.location.search ).toContain( 'step=price-books' );
	} );
} );
