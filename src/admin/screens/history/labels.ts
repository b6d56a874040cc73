/**
 * Merchant-facing names of history channels and results.
 */

/**
 * External dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * @param channel Channel as stored.
 */
export function channelLabel( channel: string ): string {
	switch ( channel ) {
		case 'connection':
			return __( 'Connection', 'kiotviet-sync' );
		case 'api':
			return __( 'KiotViet request', 'kiotviet-sync' );
		case 'import':
			return __( 'Product sync', 'kiotviet-sync' );
		case 'webhook':
			return __( 'Webhook', 'kiotviet-sync' );
		case 'reconcile':
			return __( 'Reconciliation', 'kiotviet-sync' );
		case 'order':
			return __( 'Order', 'kiotviet-sync' );
		case 'settings':
			return __( 'Settings', 'kiotviet-sync' );
		default:
			return channel;
	}
}

/**
 * @param result Result as stored.
 */
export function resultLabel( result: string ): string {
	switch ( result ) {
		case 'ok':
			return __( 'Success', 'kiotviet-sync' );
		case 'error':
			return __( 'Error', 'kiotviet-sync' );
		case 'skipped':
			return __( 'Skipped', 'kiotviet-sync' );
		default:
			return result;
	}
}

/**
 * @param type Object type as stored (product, variation, order, category).
 */
export function objectLabel( type: string ): string {
	switch ( type ) {
		case 'product':
			return __( 'Product', 'kiotviet-sync' );
		case 'variation':
			return __( 'Variation', 'kiotviet-sync' );
		case 'order':
			return __( 'Order', 'kiotviet-sync' );
		case 'category':
			return __( 'Category', 'kiotviet-sync' );
		default:
			return type;
	}
}
