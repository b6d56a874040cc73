<?php
/**
 * Plugin Name:          KiotViet Sync
 * Plugin URI:           https://github.com/kiotviet-sync/kiotviet-sync
 * Description:          Keeps a KiotViet POS shop and a WooCommerce store in sync: connection, products, stock, prices and orders.
 * Version:              0.1.0
 * Author:               KiotViet Sync contributors
 * License:              GPL-2.0-or-later
 * License URI:          https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:          kiotviet-sync
 * Domain Path:          /languages
 * Requires at least:    6.6
 * Requires PHP:         7.4
 * Requires Plugins:     woocommerce
 * WC requires at least: 8.0
 * WC tested up to:      8.9
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

define( 'KIOTVIET_SYNC_VERSION', '0.1.0' );
define( 'KIOTVIET_SYNC_FILE', __FILE__ );
define( 'KIOTVIET_SYNC_DIR', plugin_dir_path( __FILE__ ) );
define( 'KIOTVIET_SYNC_URL', plugin_dir_url( __FILE__ ) );

// KiotViet endpoints: overridable only from wp-config.php (the local stack points them at the simulator).
if ( ! defined( 'KIOTVIET_SYNC_TOKEN_URL' ) ) {
	define( 'KIOTVIET_SYNC_TOKEN_URL', 'https://id.kiotviet.vn/connect/token' );
}
if ( ! defined( 'KIOTVIET_SYNC_API_BASE' ) ) {
	define( 'KIOTVIET_SYNC_API_BASE', 'https://public.kiotapi.com' );
}

require_once __DIR__ . '/includes/Autoloader.php';
\KiotVietSync\Autoloader::register( __DIR__ . '/includes/' );

// KiotViet's webhook deliveries are answered here, before WooCommerce loads (see includes/Webhooks/README.md).
\KiotVietSync\Webhooks\EarlyReceiver::maybe_handle();

register_activation_hook( __FILE__, array( \KiotVietSync\Plugin::class, 'activate' ) );
register_deactivation_hook( __FILE__, array( \KiotVietSync\Plugin::class, 'deactivate' ) );

add_action( 'before_woocommerce_init', array( \KiotVietSync\Plugin::class, 'declare_compatibility' ) );
\KiotVietSync\Plugin::on_woocommerce_loaded();
