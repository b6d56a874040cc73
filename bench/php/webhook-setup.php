<?php
/**
 * Bench worker: (re-)registers the webhooks (the simulator then knows the URL and Secret) and lists 100 imported
 * products with managed stock (KiotViet id, Woo id, stock) for the stock.update deliveries.
 *
 *   php bench/php/webhook-setup.php SITE_DIR
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

require __DIR__ . '/common.php';

use KiotVietSync\Plugin;

kvs_bench_admin();
$r = kvs_bench_rest( 'POST', 'kiotviet-sync/v1/webhooks/register' );
global $wpdb;
$map  = $wpdb->prefix . 'kiotviet_sync_map';
$rows = $wpdb->get_results(
	"SELECT m.kv_id, m.woo_id, s.meta_value AS stock FROM {$map} m
	 JOIN {$wpdb->posts} p ON p.ID = m.woo_id AND p.post_type = 'product'
	 JOIN {$wpdb->postmeta} ms ON ms.post_id = m.woo_id AND ms.meta_key = '_manage_stock' AND ms.meta_value = 'yes'
	 JOIN {$wpdb->postmeta} s ON s.post_id = m.woo_id AND s.meta_key = '_stock'
	 WHERE m.kind = 'product' AND m.woo_id > 0 ORDER BY m.kv_id LIMIT 100",
	ARRAY_A
);
kvs_bench_out(
	array(
		'register_status' => $r['status'],
		'receiver_url'    => $r['data']['receiver_url'] ?? null,
		'branch_id'       => Plugin::instance()->services()->connection_repository()->load()->branch_id(),
		'scheduler'       => get_class( Plugin::instance()->services()->scheduler() ),
		'products'        => $rows,
	)
);
