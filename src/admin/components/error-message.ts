/**
 * Merchant-facing text for an ApiError: our own words for the codes we know,
 * the server's (already translated) message otherwise.
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
	if ( ! isApiError( error ) ) {
		return __( 'Something went wrong. Try again.', 'kiotviet-sync' );
	}
	switch ( error.code ) {
		case 'kiotviet_sync_unreachable':
			return __(
				'KiotViet could not be reached. Check that the KiotViet service is up and try again in a few minutes.',
				'kiotviet-sync'
			);
		case 'kiotviet_sync_not_connected':
			return __(
				'This website is not connected to a KiotViet shop any more. Reload the page and connect again.',
				'kiotviet-sync'
			);
		default:
			return error.message;
	}
}
