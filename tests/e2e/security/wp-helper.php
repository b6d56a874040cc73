<?php
/**
 * Command-line helper of the security e2e tests (tests/e2e/security): loads one local site's WordPress
 * (the test or a private site of this machine) and answers one question as JSON on stdout.
 *
 * Usage: php wp-helper.php <site dir> token|state|drive|process-webhooks|webhook-secret|hold-jobs|release-jobs|history [since id]
 *
 * @package kiotviet-sync
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

list( , $kvs_dir, $kvs_command, $kvs_arg ) = $argv + array( null, null, null, null );
$kvs_config                       = (string) file_get_contents( $kvs_dir . '/wp-config.php' );
$kvs_url                          = preg_match( "/'WP_HOME', '([^']+)'/", $kvs_config, $kvs_m ) ? $kvs_m[1] : 'http://127.0.0.1/';
$kvs_parts                        = parse_url( $kvs_url );

$_SERVER['HTTP_HOST']       = $kvs_parts['host'] . ( isset( $kvs_parts['port'] ) ? ':' . $kvs_parts['port'] : '' );
$_SERVER['SERVER_NAME']     = $kvs_parts['host'];
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['SERVER_PORT']     = isset( $kvs_parts['port'] ) ? (string) $kvs_parts['port'] : '80';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

define( 'WP_USE_THEMES', false );
require $kvs_dir . '/wp-load.php';

$kvs_plugin = \KiotVietSync\Plugin::instance();
if ( null === $kvs_plugin ) {
	fwrite( STDERR, "plugin not booted\n" );
	exit( 1 );
}
$kvs_services = $kvs_plugin->services();

switch ( $kvs_command ) {
	case 'token':
		// The access token the plugin holds (decrypted), so the tests can look for it where it must not be.
		$kvs_token = $kvs_services->token_store()->load();
		echo wp_json_encode( array( 'token' => null === $kvs_token ? null : $kvs_token->value() ) );
		break;

	case 'webhook-secret':
		$kvs_hooks = $kvs_services->webhooks()->options();
		echo wp_json_encode(
			array(
				'secret'   => $kvs_hooks->secret(),
				'site_key' => $kvs_hooks->site_key(),
			)
		);
		break;

	case 'state':
		// A digest of everything a delivery could change: products/variations (content, status, prices, stock,
		// SKU, attributes), product categories, the plugin's catalog cache and mapping (without timestamps).
		global $wpdb;
		$kvs_rows  = array();
		$kvs_posts = $wpdb->get_results( "SELECT ID, post_title, post_content, post_excerpt, post_status, post_parent, post_type FROM {$wpdb->posts} WHERE post_type IN ('product','product_variation') ORDER BY ID", ARRAY_A ); // phpcs:ignore
		$kvs_rows['posts'] = $kvs_posts;
		$kvs_rows['meta']  = $wpdb->get_results( "SELECT m.post_id, m.meta_key, m.meta_value FROM {$wpdb->postmeta} m JOIN {$wpdb->posts} p ON p.ID = m.post_id WHERE p.post_type IN ('product','product_variation') AND m.meta_key IN ('_sku','_price','_regular_price','_sale_price','_stock','_stock_status','_manage_stock','_product_attributes','_weight') ORDER BY m.post_id, m.meta_key", ARRAY_A ); // phpcs:ignore
		$kvs_rows['terms'] = $wpdb->get_results( "SELECT t.term_id, t.name, t.slug, tt.parent FROM {$wpdb->terms} t JOIN {$wpdb->term_taxonomy} tt ON tt.term_id = t.term_id WHERE tt.taxonomy = 'product_cat' ORDER BY t.term_id", ARRAY_A ); // phpcs:ignore
		foreach ( array( 'kiotviet_sync_kv_products', 'kiotviet_sync_map' ) as $kvs_table ) {
			$kvs_full = $wpdb->prefix . $kvs_table;
			if ( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $kvs_full ) ) !== $kvs_full ) {
				continue;
			}
			$kvs_list = $wpdb->get_results( "SELECT * FROM `{$kvs_full}`", ARRAY_A ); // phpcs:ignore
			foreach ( $kvs_list as &$kvs_row ) {
				foreach ( array_keys( $kvs_row ) as $kvs_col ) {
					if ( preg_match( '/(_at|_until|fetched|heartbeat)$/', (string) $kvs_col ) ) {
						unset( $kvs_row[ $kvs_col ] );
					}
				}
			}
			unset( $kvs_row );
			usort( $kvs_list, static fn ( $a, $b ): int => strcmp( wp_json_encode( $a ), wp_json_encode( $b ) ) );
			$kvs_rows[ $kvs_table ] = $kvs_list;
		}
		echo wp_json_encode(
			array(
				'digest'   => hash( 'sha256', (string) wp_json_encode( $kvs_rows ) ),
				'products' => count( $kvs_posts ),
				'log_max'  => (int) $wpdb->get_var( "SELECT MAX(id) FROM {$wpdb->prefix}kiotviet_sync_log" ), // phpcs:ignore
			)
		);
		break;

	case 'drive':
		// Runs queued catalog runs to the end (what WP-Cron / Action Scheduler would do over time).
		$kvs_services->catalog_run_runner()->run_until_idle( 500 );
		echo wp_json_encode( array( 'ok' => true ) );
		break;

	case 'process-webhooks':
		// The inbox processor job, now.
		$kvs_services->webhooks()->run_processor();
		echo wp_json_encode( array( 'ok' => true ) );
		break;

	case 'hold-jobs':
		// Holds WP-Cron's lock (as a running wp-cron.php would) so no background job — the recurring
		// reconciliation first of all, 60 s after connecting — runs on the site's requests while a test
		// compares states; the tests drive the jobs they need themselves (drive, process-webhooks).
		// WordPress ignores a lock more than 10 minutes ahead, so it is renewed by calling this again.
		set_transient( 'doing_cron', sprintf( '%.22F', microtime( true ) + 540 ) );
		echo wp_json_encode( array( 'ok' => true ) );
		break;

	case 'release-jobs':
		delete_transient( 'doing_cron' );
		echo wp_json_encode( array( 'ok' => true ) );
		break;

	case 'history':
		// Sync history rows after an id (what ran meanwhile), oldest first.
		global $wpdb;
		$kvs_rows = $wpdb->get_results( $wpdb->prepare( "SELECT id, channel, action, result, message FROM {$wpdb->prefix}kiotviet_sync_log WHERE id > %d ORDER BY id LIMIT 500", (int) $kvs_arg ), ARRAY_A ); // phpcs:ignore
		echo wp_json_encode( array( 'rows' => $kvs_rows ) );
		break;

	default:
		fwrite( STDERR, "unknown command\n" );
		exit( 1 );
}
