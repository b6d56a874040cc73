import { PRICE_BOOKS } from '../test-utils/fake-catalog-api';
import { priceBooksResponseSchema } from './price-books';

describe( 'priceBooksResponseSchema', () => {
	it( 'parses the books and the chosen ids', () => {
		const body = {
			price_books: PRICE_BOOKS,
			regular_price_book_id: 0,
			sale_price_book_id: null,
		};
		expect( priceBooksResponseSchema.parse( body ) ).toEqual( body );
	} );

	it( 'refuses a book without is_general', () => {
		expect(
			priceBooksResponseSchema.safeParse( {
				price_books: [ { id: 1, name: 'x' } ],
				regular_price_book_id: 0,
				sale_price_book_id: null,
			} ).success
		).toBe( false );
	} );
} );
