/**
 * The only caller of apiFetch: every response is parsed with a zod schema and
 * every failure becomes one ApiError.
 */

/**
 * External dependencies
 */
import type { z } from 'zod';
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ApiError, CLIENT_ERROR_CODES, type ApiErrorParams } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestOptions {
	path: string;
	method?: HttpMethod;
	data?: unknown;
	signal?: AbortSignal;
}

function isRecord( value: unknown ): value is Record< string, unknown > {
	return typeof value === 'object' && value !== null;
}

function toParams( value: unknown ): ApiErrorParams | undefined {
	if ( ! isRecord( value ) ) {
		return undefined;
	}
	const params: ApiErrorParams = {};
	for ( const [ key, message ] of Object.entries( value ) ) {
		if ( typeof message === 'string' ) {
			params[ key ] = message;
		}
	}
	return params;
}

/**
 * Maps whatever apiFetch threw to an ApiError.
 *
 * apiFetch throws the parsed WP_Error body ({ code, message, data: { status, params } })
 * for HTTP errors, `{ code: 'fetch_error' }` when there was no response and
 * `{ code: 'invalid_json' }` when the body was not JSON.
 *
 * @param error What apiFetch threw.
 */
export function toApiError( error: unknown ): ApiError {
	if ( error instanceof ApiError ) {
		return error;
	}
	if ( isRecord( error ) && typeof error.code === 'string' ) {
		if ( error.code === 'fetch_error' ) {
			return new ApiError(
				CLIENT_ERROR_CODES.network,
				__(
					'The website could not be reached. Check your internet connection and try again.',
					'kiotviet-sync'
				),
				0
			);
		}
		if ( error.code === 'invalid_json' ) {
			return new ApiError(
				CLIENT_ERROR_CODES.parse,
				__(
					'The website sent an answer that could not be read. Try again; if it keeps happening, check the PHP error log.',
					'kiotviet-sync'
				),
				0
			);
		}
		const data = isRecord( error.data ) ? error.data : {};
		const status = typeof data.status === 'number' ? data.status : 0;
		const message =
			typeof error.message === 'string' && error.message !== ''
				? error.message
				: __( 'The request failed.', 'kiotviet-sync' );
		return new ApiError(
			error.code,
			message,
			status,
			toParams( data.params )
		);
	}
	if ( error instanceof Error && error.name === 'AbortError' ) {
		return new ApiError( CLIENT_ERROR_CODES.network, error.message, 0 );
	}
	return new ApiError(
		CLIENT_ERROR_CODES.network,
		__( 'The request failed.', 'kiotviet-sync' ),
		0
	);
}

/**
 * Sends one REST request and returns the response parsed by `schema`.
 *
 * @param  schema  Zod schema of the successful response.
 * @param  options Path (without /wp-json), method, JSON body.
 * @throws {ApiError} For every failure, including a response that does not match the schema.
 */
export async function request< S extends z.ZodType >(
	schema: S,
	options: RequestOptions
): Promise< z.output< S > > {
	let body: unknown;
	try {
		body = await apiFetch( {
			path: options.path,
			method: options.method ?? 'GET',
			data: options.data,
			signal: options.signal,
		} );
	} catch ( error ) {
		throw toApiError( error );
	}
	const parsed = schema.safeParse( body );
	if ( ! parsed.success ) {
		const params: ApiErrorParams = {};
		for ( const issue of parsed.error.issues ) {
			params[ issue.path.join( '.' ) || '(root)' ] = issue.message;
		}
		throw new ApiError(
			CLIENT_ERROR_CODES.schema,
			__(
				'The website answered in an unexpected format. Update KiotViet Sync and reload the page.',
				'kiotviet-sync'
			),
			0,
			params
		);
	}
	return parsed.data;
}

/**
 * Validates input before it is sent; failures become an `invalid_input`
 * ApiError whose params map each field to its message, like a 400 from PHP.
 *
 * @param  schema Zod schema of the request body.
 * @param  input  What the form collected.
 * @throws {ApiError} When the input is invalid.
 */
export function parseInput< S extends z.ZodType >(
	schema: S,
	input: unknown
): z.output< S > {
	const parsed = schema.safeParse( input );
	if ( parsed.success ) {
		return parsed.data;
	}
	const params: ApiErrorParams = {};
	for ( const issue of parsed.error.issues ) {
		const field = issue.path.join( '.' ) || '(root)';
		params[ field ] ??= issue.message;
	}
	throw new ApiError(
		CLIENT_ERROR_CODES.invalidInput,
		__( 'Check the highlighted fields.', 'kiotviet-sync' ),
		400,
		params
	);
}

/** A file answered by a download route. */
export interface DownloadedFile {
	blob: Blob;
	filename: string;
}

/**
 * The file name of a Content-Disposition header, reduced to safe characters.
 *
 * @param header   Content-Disposition value.
 * @param fallback Name when the header has none.
 */
export function filenameFrom(
	header: string | null,
	fallback: string
): string {
	const match = /filename="?([^";]+)"?/i.exec( header ?? '' );
	const name = ( match?.[ 1 ] ?? '' ).replace( /[^A-Za-z0-9._-]/g, '' );
	return name !== '' ? name : fallback;
}

/**
 * Downloads a file from a REST route (GET, with the REST nonce added by
 * apiFetch's middleware) without parsing it as JSON.
 *
 * @param  options Path (without /wp-json).
 * @throws {ApiError} For every failure.
 */
export async function requestFile(
	options: Pick< RequestOptions, 'path' | 'signal' >
): Promise< DownloadedFile > {
	let response: Response;
	try {
		response = ( await apiFetch( {
			path: options.path,
			method: 'GET',
			parse: false,
			signal: options.signal,
		} ) ) as Response;
	} catch ( error ) {
		// With parse: false apiFetch rejects with the raw Response.
		if (
			isRecord( error ) &&
			typeof ( error as { json?: unknown } ).json === 'function'
		) {
			let body: unknown = null;
			try {
				body = await ( error as unknown as Response ).json();
			} catch {
				body = { code: 'invalid_json' };
			}
			throw toApiError( body );
		}
		throw toApiError( error );
	}
	return {
		blob: await response.blob(),
		filename: filenameFrom(
			response.headers.get( 'Content-Disposition' ),
			'download.csv'
		),
	};
}
