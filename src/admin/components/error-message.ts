/**
 * Merchant-facing text for a failed query or mutation. Server messages are
 * already translated by PHP and precise (e.g. "KiotViet is not answering
 * correctly right now"), so they are shown as they are.
 */

/**
 * External dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { isApiError } from '../../shared/api/errors';

/**
 * @param error What a query or mutation failed with.
 */
export function errorMessage( error: unknown ): string {
	if ( isApiError( error ) && error.message ) {
		return error.message;
	}
	return __( 'Something went wrong. Try again.', 'kiotviet-sync' );
}

/** Codes whose message only says "some fields are wrong": the fields say the rest. */
const GENERIC_VALIDATION_CODES = [
	'invalid_input',
	'kiotviet_sync_invalid_field',
	'rest_invalid_param',
	'rest_missing_callback_param',
];

/**
 * Whether a failure with field errors still deserves a form-level notice
 * (e.g. "KiotViet did not accept this Client ID and security code").
 *
 * @param error The failure.
 */
export function hasUsefulSummary( error: unknown ): boolean {
	return (
		isApiError( error ) &&
		! GENERIC_VALIDATION_CODES.includes( error.code ) &&
		error.message !== ''
	);
}

/**
 * Splits a failed form submission into the errors of the form's own fields
 * and, when those do not tell it all, a form-level message.
 *
 * @param error  The failure.
 * @param fields The form's fields, as the API names its parameters.
 */
export function formErrors< Field extends string >(
	error: unknown,
	fields: readonly Field[]
): { fields: Partial< Record< Field, string > >; summary: string | null } {
	const found: Partial< Record< Field, string > > = {};
	const params = isApiError( error ) ? error.params : undefined;
	for ( const field of fields ) {
		const message = params?.[ field ];
		if ( message ) {
			found[ field ] = message;
		}
	}
	const summary =
		Object.keys( found ).length === 0 || hasUsefulSummary( error )
			? errorMessage( error )
			: null;
	return { fields: found, summary };
}
