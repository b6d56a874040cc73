import { configure, screen, waitFor, within } from '@testing-library/react';

import { FETCHED } from '../../../shared/test-utils/fake-catalog-api';
import { renderSetup, setUrlStep, VISIBLE } from './test-helpers';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );
vi.setConfig( { testTimeout: 60_000 } );
configure( { asyncUtilTimeout: 8000 } );

beforeEach( () => setUrlStep( 'orders' ) );

const SELECTED = {
	...FETCHED,
	catalog: { ...FETCHED.catalog, selected: 16 },
};

async function openOrders( status = SELECTED ) {
	const rendered = renderSetup( status );
	expect(
		await screen.findByRole( 'heading', { name: 'Orders' } )
	).toBeInTheDocument();
	const branch = await screen.findByRole( 'combobox', {
		name: 'Order sync branch',
	} );
	return { ...rendered, branch };
}

describe( 'orders step', () => {
	it( 'asks for the order branch before saving', async () => {
		const { api, user, branch } = await openOrders();
		expect(
			screen.getByRole( 'checkbox', {
				name: 'Automatically send orders to KiotViet',
			} )
		).not.toBeChecked();
		await user.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		await waitFor( () =>
			expect( branch ).toHaveAttribute( 'aria-invalid', 'true' )
		);
		expect( branch ).toHaveAccessibleDescription(
			expect.stringContaining( 'Select a branch.' )
		);
		expect(
			api.calls.filter( ( call ) => call.method === 'PUT' )
		).toHaveLength( 0 );
	} );

	it( 'saves the branch and auto-send, previews, then starts the import', async () => {
		const { api, user, branch } = await openOrders();
		await user.selectOptions( branch, 'Chi nhánh Hà Nội' );
		const autoPush = screen.getByRole( 'checkbox', {
			name: 'Automatically send orders to KiotViet',
		} );
		expect( autoPush ).toHaveAccessibleDescription(
			expect.stringContaining( 'Resync' )
		);
		await user.click( autoPush );
		await user.click( screen.getByRole( 'button', { name: 'Continue' } ) );

		const preview = await screen.findByRole( 'region', {
			name: 'Before you sync',
		} );
		expect( api.calls ).toContainEqual( {
			method: 'PUT',
			path: '/kiotviet-sync/v1/settings',
			data: { order_branch_id: 5002, auto_push_orders: true },
		} );
		const table = await within( preview ).findByRole( 'table' );
		const products = within( table ).getByRole( 'row', {
			name: /^Products/,
		} );
		expect(
			within( products )
				.getAllByRole( 'cell' )
				.map( ( cell ) => cell.textContent )
		).toEqual( [ '12', '3', '1', '1' ] );
		expect(
			within( preview ).getByText(
				/A WooCommerce product already uses the SKU SP-5./
			)
		).toBeInTheDocument();

		await user.click(
			within( preview ).getByRole( 'button', { name: 'Sync' } )
		);
		expect(
			await screen.findByRole( 'heading', { name: 'Syncing products' } )
		).toBeInTheDocument();
		expect( api.calls ).toContainEqual( {
			method: 'POST',
			path: '/kiotviet-sync/v1/sync/import',
			data: undefined,
		} );
		expect(
			screen.getByRole( 'progressbar', { name: 'Syncing products' } )
		).toBeInTheDocument();
		expect(
			screen.getByText(
				'You can close this page: the sync continues in the background.'
			)
		).toBeInTheDocument();
	} );

	it( 'blocks the import while no product is selected', async () => {
		const { user, branch } = await openOrders( FETCHED );
		await user.selectOptions( branch, 'Chi nhánh trung tâm' );
		await user.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		const preview = await screen.findByRole( 'region', {
			name: 'Before you sync',
		} );
		expect(
			within( preview ).getByText( /No product is selected/, VISIBLE )
		).toBeInTheDocument();
		expect(
			within( preview ).getByRole( 'button', { name: 'Sync' } )
		).toHaveAttribute( 'aria-disabled', 'true' );
	} );
} );
