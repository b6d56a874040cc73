<?php
/**
 * Notice shown when WooCommerce is not active.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Admin;

/**
 * The only thing the plugin does without WooCommerce: tell the admin why it is idle.
 */
final class MissingWooCommerceNotice {

	/**
	 * Hooks the notice.
	 */
	public static function register(): void {
		add_action( 'admin_notices', array( self::class, 'render' ) );
	}

	/**
	 * Prints the escaped notice for users who can act on it.
	 */
	public static function render(): void {
		if ( ! current_user_can( 'activate_plugins' ) ) {
			return;
		}
		echo '<div class="notice notice-error"><p>';
		echo esc_html__( 'KiotViet Sync needs WooCommerce. Install and activate WooCommerce to use it.', 'kiotviet-sync' );
		echo '</p></div>';
	}
}
