/**
 * Zod mirror of GET /price-books (docs/architecture.md, "Catalog"). Choosing
 * the books is PUT /settings (regular_price_book_id, sale_price_book_id).
 */

/**
 * External dependencies
 */
import { z } from 'zod';

const isoDate = z.iso.datetime( { offset: true } );

/** One active, currently valid KiotViet price book; id 0 is "Bảng giá chung". */
export const priceBookSchema = z.object( {
	id: z.number().int().nonnegative(),
	name: z.string(),
	is_general: z.boolean(),
	start_date: isoDate.nullable(),
	end_date: isoDate.nullable(),
} );

export const priceBooksResponseSchema = z.object( {
	price_books: z.array( priceBookSchema ),
	regular_price_book_id: z.number().int().nonnegative(),
	sale_price_book_id: z.number().int().nonnegative().nullable(),
} );

export type PriceBook = z.infer< typeof priceBookSchema >;
export type PriceBooksResponse = z.infer< typeof priceBooksResponseSchema >;
