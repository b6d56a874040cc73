/**
 * Config screen requests (docs/architecture.md, "Connection": DELETE /connection
 * with the "Xóa thông tin" flags; "Catalog": POST /sync/quick).
 */

/**
 * External dependencies
 */
import { z } from 'zod';

/**
 * Internal dependencies
 */
import { connectionSchema } from './connection';

/** Body of DELETE /connection. */
export const disconnectInputSchema = z
	.object( {
		delete_categories: z.boolean(),
		delete_products: z.boolean(),
	} )
	.strict();

/** DELETE /connection answers the connection object plus `deleting`. */
export const disconnectResponseSchema = connectionSchema.extend( {
	deleting: z.boolean().optional(),
} );

export type DisconnectInput = z.infer< typeof disconnectInputSchema >;
export type DisconnectResponse = z.infer< typeof disconnectResponseSchema >;
