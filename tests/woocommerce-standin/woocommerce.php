<?php
/**
 * Plugin Name: WooCommerce (test stand-in)
 * Description: Test-only stand-in for WooCommerce used by the KiotViet Sync integration suite. It implements only the WooCommerce surface KiotViet Sync calls, storing data where WooCommerce 8.9 stores it (legacy post storage). Never install it on a real shop.
 * Version: 8.9.1
 * Requires at least: 6.6
 * Requires PHP: 7.4
 * Author: KiotViet Sync tests
 * License: GPL-2.0-or-later
 * Text Domain: woocommerce
 *
 * The directory is symlinked as wp-content/plugins/woocommerce so that the slug is `woocommerce`
 * (WordPress' `Requires Plugins: woocommerce` check then passes).
 *
 * Written from our reading of WooCommerce's behaviour; it contains no WooCommerce code. Files here are not
 * `strict_types`: WooCommerce itself is loosely typed and callers pass ints/strings/floats interchangeably;
 * a strict stand-in would fail where the real thing does not.
 *
 * @package kiotviet-sync
 */

defined( 'ABSPATH' ) || exit;

if ( defined( 'WC_VERSION' ) ) {
	// Real WooCommerce (or another copy) is already loaded: never run side by side.
	return;
}

define( 'KVS_WOOCOMMERCE_STANDIN', true );
define( 'WC_VERSION', '8.9.1' );
define( 'WC_PLUGIN_FILE', __FILE__ );
define( 'WC_ABSPATH', __DIR__ . '/' );
define( 'WC_PLUGIN_BASENAME', plugin_basename( __FILE__ ) );

require_once __DIR__ . '/includes/load.php';

register_activation_hook( __FILE__, array( 'KVS_WC_Standin_Install', 'install' ) );

KVS_WC_Standin::init();
