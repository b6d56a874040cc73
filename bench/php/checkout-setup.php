<?php
/**
 * Bench worker: turns order push on or off (auto_push_orders + order branch), installs the server-side probe
 * (checkout-probe.php as a must-use plugin) and prints an in-stock simple product id for Store API checkouts.
 *
 *   php bench/php/checkout-setup.php SITE_DIR on|off
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

require __DIR__ . '/common.php';

use KiotVietSync\Plugin;

kvs_bench_admin();
// The server-side probe (bench/php/checkout-probe.php), inert without the X-KVS-Bench request header.
$kvs_probe = WPMU_PLUGIN_DIR . '/kvs-bench-checkout-probe.php';
if ( ! is_file( $kvs_probe ) || md5_file( $kvs_probe ) !== md5_file( __DIR__ . '/checkout-probe.php' ) ) {
	wp_mkdir_p( WPMU_PLUGIN_DIR );
	copy( __DIR__ . '/checkout-probe.php', $kvs_probe );
}
$on     = 'on' === ( $argv[2] ?? 'off' );
$branch = Plugin::instance()->services()->connection_repository()->load()->branch_id();
$r      = kvs_bench_rest(
	'PUT',
	'kiotviet-sync/v1/settings',
	array(
		'auto_push_orders' => $on,
		'order_branch_id'  => $branch,
		'push_statuses'    => array( 'processing', 'completed', 'on-hold', 'pending' ),
	)
);
global $wpdb;
$id = (int) $wpdb->get_var(
	"SELECT p.ID FROM {$wpdb->posts} p
	 JOIN {$wpdb->postmeta} s ON s.post_id = p.ID AND s.meta_key = '_stock' AND s.meta_value + 0 > 1000
	 JOIN {$wpdb->postmeta} pr ON pr.post_id = p.ID AND pr.meta_key = '_price' AND pr.meta_value <> ''
	 WHERE p.post_type = 'product' AND p.post_status = 'publish' ORDER BY p.ID LIMIT 1"
);
if ( 0 === $id ) {
	// Give one imported product plenty of stock for the checkouts (the sync is not what is measured here).
	$id = (int) $wpdb->get_var(
		"SELECT p.ID FROM {$wpdb->posts} p JOIN {$wpdb->postmeta} ms ON ms.post_id = p.ID AND ms.meta_key = '_manage_stock' AND ms.meta_value = 'yes'
		 JOIN {$wpdb->postmeta} pr ON pr.post_id = p.ID AND pr.meta_key = '_price' AND pr.meta_value <> ''
		 WHERE p.post_type = 'product' AND p.post_status = 'publish' ORDER BY p.ID LIMIT 1"
	);
	// KiotViet holds the stock: every pushed order lowers its on-hand and its stock webhook brings WooCommerce
	// down with it (after a few hundred bench orders the product was out of stock), so KiotViet's on-hand in
	// the order branch is raised too (simulator control API; the bench always runs against the simulator).
	$kv_id = (int) $wpdb->get_var( $wpdb->prepare( "SELECT kv_id FROM {$wpdb->prefix}kiotviet_sync_map WHERE kind = 'product' AND woo_id = %d LIMIT 1", $id ) );
	if ( $kv_id > 0 && $branch > 0 ) {
		wp_remote_post(
			rtrim( (string) constant( 'KIOTVIET_SYNC_API_BASE' ), '/' ) . '/__sim/stock',
			array(
				'headers' => array( 'Content-Type' => 'application/json' ),
				'body'    => (string) wp_json_encode( array( 'productId' => $kv_id, 'branchId' => $branch, 'onHand' => 100000 ) ),
				'timeout' => 10,
			)
		);
	}
	$product = wc_get_product( $id );
	$product->set_stock_quantity( 100000 );
	$product->save();
}
kvs_bench_out( array( 'settings_status' => $r['status'], 'settings_error' => 200 === $r['status'] ? null : $r['data'], 'product_id' => $id, 'push' => $on ) );
