/**
 * Zod mirrors of the connection REST contract (docs/architecture.md, "Connection").
 * Wire names stay snake_case exactly as PHP sends them; PHP is the source of truth.
 */

/**
 * External dependencies
 */
import { z } from 'zod';
import { __ } from '@wordpress/i18n';

export const connectionStateSchema = z.enum( [
	'not_connected',
	'needs_branch',
	'ready',
] );

export const connectionBranchSchema = z.object( {
	id: z.number().int().positive(),
	name: z.string(),
} );

/** Response of GET/POST/DELETE /connection and PUT /connection/branch. */
export const connectionSchema = z.object( {
	state: connectionStateSchema,
	retailer: z.string().nullable(),
	client_id: z.string().nullable(),
	client_secret_masked: z.string().nullable(),
	branch: connectionBranchSchema.nullable(),
	connected_at: z.iso.datetime( { offset: true } ).nullable(),
	shop_url: z.string().nullable(),
} );

/** One KiotViet branch as GET /branches lists it. */
export const branchSchema = z.object( {
	id: z.number().int().positive(),
	name: z.string(),
	// PHP sends '' when KiotViet has no code or address.
	code: z.string(),
	address: z.string(),
} );

/** Response of GET /branches. */
export const branchesResponseSchema = z.object( {
	branches: z.array( branchSchema ),
} );

/**
 * Turns what a merchant may paste ("demo", "demo.kiotviet.vn",
 * "https://demo.kiotviet.vn/man/") into the retailer code KiotViet expects.
 * Mirrors PHP's RetailerNormalizer::normalize().
 *
 * @param value Raw input.
 */
export function normalizeRetailer( value: string ): string {
	let result = value.trim().toLowerCase();
	result = result.replace( /^[a-z][a-z0-9+.-]*:\/\//, '' );
	// Drop any path, query or fragment, then credentials and port.
	result = result.replace( /[/?#][\s\S]*$/, '' );
	const at = result.lastIndexOf( '@' );
	if ( at !== -1 ) {
		result = result.slice( at + 1 );
	}
	return result
		.replace( /:\d*$/, '' )
		.replace( /^www\./, '' )
		.replace( /\.kiotviet\.vn\.?$/, '' )
		.trim();
}

/** Mirrors PHP's RetailerNormalizer::is_valid(). */
export const RETAILER_PATTERN = /^[a-z0-9-]{1,64}$/;

/*
 * Messages are functions so that __() runs when validation runs, after the
 * translations are loaded, not when this module is evaluated.
 */

/** Body of POST /connection. */
export const connectInputSchema = z.object( {
	retailer: z
		.string()
		.transform( normalizeRetailer )
		.pipe(
			z
				.string()
				.min( 1, {
					error: () =>
						__( 'Enter the shop address.', 'kiotviet-sync' ),
					abort: true,
				} )
				.regex( RETAILER_PATTERN, {
					error: () =>
						__(
							'Enter only the shop name, for example "demo" for demo.kiotviet.vn.',
							'kiotviet-sync'
						),
				} )
		),
	client_id: z
		.string()
		.trim()
		.min( 1, {
			error: () => __( 'Enter the Client ID.', 'kiotviet-sync' ),
		} ),
	// May be omitted when a secret is already stored for the same retailer and client id.
	client_secret: z
		.string()
		.trim()
		.min( 1, {
			error: () => __( 'Enter the secret key.', 'kiotviet-sync' ),
		} )
		.optional(),
} );

/** Body of PUT /connection/branch. */
export const selectBranchInputSchema = z.object( {
	branch_id: z
		.number( {
			error: () => __( 'Select a branch.', 'kiotviet-sync' ),
		} )
		.int()
		.positive( {
			error: () => __( 'Select a branch.', 'kiotviet-sync' ),
		} ),
} );

export type ConnectionState = z.infer< typeof connectionStateSchema >;
export type Connection = z.infer< typeof connectionSchema >;
export type Branch = z.infer< typeof branchSchema >;
export type BranchesResponse = z.infer< typeof branchesResponseSchema >;
export type ConnectInput = z.input< typeof connectInputSchema >;
export type ConnectBody = z.output< typeof connectInputSchema >;
export type SelectBranchInput = z.input< typeof selectBranchInputSchema >;
