import { configure, screen, waitFor } from '@testing-library/react';

import { wpError } from '../../../shared/test-utils/fake-api';
import { renderSetup, setUrlStep } from './test-helpers';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );
vi.setConfig( { testTimeout: 60_000 } );
configure( { asyncUtilTimeout: 8000 } );

beforeEach( () => setUrlStep( 'price-books' ) );

async function openPriceBooks() {
	const rendered = renderSetup();
	expect(
		await screen.findByRole( 'heading', { name: 'Price books' } )
	).toBeInTheDocument();
	const regular = await screen.findByRole( 'combobox', {
		name: 'Regular price',
	} );
	const sale = screen.getByRole( 'combobox', { name: 'Sale price' } );
	return { ...rendered, regular, sale };
}

describe( 'price books step', () => {
	it( 'opens from the URL with the General price book and no sale book', async () => {
		const { regular, sale } = await openPriceBooks();
		expect( regular ).toHaveDisplayValue( 'Bảng giá chung' );
		expect( sale ).toHaveDisplayValue( '— None —' );
		expect( regular ).toHaveAccessibleDescription(
			expect.stringContaining( 'General price book' )
		);
		expect( sale ).toHaveAccessibleDescription(
			expect.stringContaining( 'must be different' )
		);
	} );

	it( 'saves both books and moves to the orders step', async () => {
		const { api, user, regular, sale } = await openPriceBooks();
		await user.selectOptions( regular, 'Giá online' );
		await user.selectOptions( sale, 'Khuyến mại Tết' );
		await user.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		expect(
			await screen.findByRole( 'heading', { name: 'Orders' } )
		).toBeInTheDocument();
		expect( api.calls ).toContainEqual( {
			method: 'PUT',
			path: '/kiotviet-sync/v1/settings',
			data: { regular_price_book_id: 77, sale_price_book_id: 78 },
		} );
		expect( window.location.search ).toContain( 'step=orders' );
	} );

	it( 'refuses the same book twice without calling the server', async () => {
		const { api, user, regular, sale } = await openPriceBooks();
		await user.selectOptions( regular, 'Giá online' );
		await user.selectOptions( sale, 'Giá online' );
		await user.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		await waitFor( () =>
			expect( sale ).toHaveAttribute( 'aria-invalid', 'true' )
		);
		expect( sale ).toHaveAccessibleDescription(
			expect.stringContaining(
				'The sale price book must be different from the regular price book.'
			)
		);
		expect(
			api.calls.filter( ( call ) => call.method === 'PUT' )
		).toHaveLength( 0 );
	} );

	it( 'shows the server field errors inline', async () => {
		const { api, user, regular } = await openPriceBooks();
		api.errors[ 'PUT /settings' ] = wpError(
			'kiotviet_sync_invalid_field',
			'Invalid parameter(s): regular_price_book_id',
			400,
			{ regular_price_book_id: 'Choose a price book.' }
		);
		await user.selectOptions( regular, 'Khuyến mại Tết' );
		await user.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		await waitFor( () =>
			expect( regular ).toHaveAttribute( 'aria-invalid', 'true' )
		);
		expect( regular ).toHaveAccessibleDescription(
			expect.stringContaining( 'Choose a price book.' )
		);
		// The generic validation summary is not repeated above the form.
		expect(
			screen.queryByText( 'Invalid parameter(s): regular_price_book_id' )
		).not.toBeInTheDocument();
		expect(
			screen.getByRole( 'heading', { name: 'Price books' } )
		).toBeInTheDocument();
	} );

	it( 'goes back to the products', async () => {
		const { user } = await openPriceBooks();
		await user.click( screen.getByRole( 'button', { name: 'Back' } ) );
		expect(
			await screen.findByRole( 'heading', { name: 'Products' } )
		).toBeInTheDocument();
	} );
} );
