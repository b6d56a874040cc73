/**
 * The one error type every API failure becomes.
 */

/** Codes produced on the client side; server codes come from WP_Error. */
export const CLIENT_ERROR_CODES = {
	/** The response did not match the zod schema (contract drift). */
	schema: 'schema_error',
	/** The response body was not JSON. */
	parse: 'parse_error',
	/** The request never got an HTTP answer (offline, DNS, CORS, aborted). */
	network: 'network_error',
	/** The input failed validation before it was sent. */
	invalidInput: 'invalid_input',
} as const;

export type ApiErrorParams = Record< string, string >;

export class ApiError extends Error {
	readonly code: string;
	readonly status: number;
	readonly params?: ApiErrorParams;

	constructor(
		code: string,
		message: string,
		status: number,
		params?: ApiErrorParams
	) {
		super( message );
		this.name = 'ApiError';
		this.code = code;
		this.status = status;
		if ( params && Object.keys( params ).length > 0 ) {
			this.params = params;
		}
	}
}

/**
 * Type guard for errors thrown by the API layer.
 *
 * @param error Anything caught.
 */
export function isApiError( error: unknown ): error is ApiError {
	return error instanceof ApiError;
}
