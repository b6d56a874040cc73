<?php
/**
 * Soak worker: loads the soak site's WordPress (argv[1] = site dir) as an administrator and runs one command.
 *
 *   php soak/php/worker.php SITE_DIR setup                 connect, choose the first branch (starts the fetch run)
 *   php soak/php/worker.php SITE_DIR select                price books 101/103, auto push, select all, start the import run
 *   php soak/php/worker.php SITE_DIR drive [max_steps]     RunRunner::run_until_idle( 1 ) until idle or max_steps (0 = idle)
 *   php soak/php/worker.php SITE_DIR stale                 heartbeat of every claimed run 10 min back (> RunRunner::STALL_SECONDS)
 *   php soak/php/worker.php SITE_DIR status                newest run
 *   php soak/php/worker.php SITE_DIR import [fetch]        POST /sync/import (or /sync/fetch): a new run
 *   php soak/php/worker.php SITE_DIR verify SIM_URL        expected (ProductPlanner over the simulator's products) vs WooCommerce
 *   php soak/php/worker.php SITE_DIR orders N              N processing orders of imported simple products with stock
 *   php soak/php/worker.php SITE_DIR drain SIM_URL IDS     run the order queue until empty; KiotViet orders per Woo id (marker)
 *   php soak/php/worker.php SITE_DIR wh-setup              register webhooks; 60 imported simple products with managed stock
 *   php soak/php/worker.php SITE_DIR wh-converge           inbox processor until empty, then one reconciliation run
 *
 * Prints one line `KVS_SOAK_RESULT {json}`. Exit 3 when WordPress or the database failed mid-command.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}
$kvs_site_dir = $argv[1] ?? '';
if ( '' === $kvs_site_dir || ! is_file( $kvs_site_dir . '/wp-load.php' ) ) {
	fwrite( STDERR, "usage: php worker.php SITE_DIR command …\n" );
	exit( 2 );
}
$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require $kvs_site_dir . '/wp-load.php';

use KiotVietSync\Jobs\RunRunner;
use KiotVietSync\Plugin;
use KiotVietSync\Sync\Catalog\KvPriceBook;
use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\Sync\Catalog\ProductPlanner;
use KiotVietSync\Sync\Catalog\WooProductSpec;

$admins = get_users( array( 'role' => 'administrator', 'number' => 1, 'fields' => 'ID' ) );
wp_set_current_user( (int) $admins[0] );

/** @param array<string,mixed> $data */
function kvs_soak_out( array $data ): void {
	echo 'KVS_SOAK_RESULT ' . wp_json_encode( $data ) . "\n";
}

/**
 * @param array<string,mixed> $body
 * @return array{status:int,data:mixed}
 */
function kvs_soak_rest( string $method, string $route, array $body = array() ): array {
	$request = new WP_REST_Request( $method, '/' . ltrim( $route, '/' ) );
	if ( $body ) {
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $body ) );
	}
	$response = rest_do_request( $request );
	return array( 'status' => $response->get_status(), 'data' => json_decode( (string) wp_json_encode( $response->get_data() ), true ) );
}

/** @return array<string,mixed>|null */
function kvs_soak_last_run(): ?array {
	global $wpdb;
	$row = $wpdb->get_row( "SELECT id, kind, state, phase, counts, message, steps, heartbeat_at, lock_token FROM {$wpdb->prefix}kiotviet_sync_runs ORDER BY id DESC LIMIT 1", ARRAY_A );
	if ( ! is_array( $row ) ) {
		return null;
	}
	$row['counts'] = json_decode( (string) $row['counts'], true );
	return $row;
}

/**
 * Control API / KiotViet API of the simulator (plain streams: no WordPress HTTP filters in the way).
 *
 * @param array<string,string> $headers
 * @return mixed
 */
function kvs_soak_http( string $method, string $url, ?string $body = null, array $headers = array() ) {
	$h = array();
	foreach ( $headers as $k => $v ) {
		$h[] = "$k: $v";
	}
	$ctx = stream_context_create( array( 'http' => array( 'method' => $method, 'header' => implode( "\r\n", $h ), 'content' => $body ?? '', 'timeout' => 60, 'ignore_errors' => true ) ) );
	$raw = file_get_contents( $url, false, $ctx );
	return json_decode( (string) $raw, true );
}

/** @return array<int,array<string,mixed>> every product of the simulator in KiotViet's API shape */
function kvs_soak_sim_products( string $sim, string &$token ): array {
	$tok   = kvs_soak_http( 'POST', $sim . '/connect/token', 'grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret&scopes=PublicApi.Access', array( 'Content-Type' => 'application/x-www-form-urlencoded' ) );
	$token = (string) ( $tok['access_token'] ?? '' );
	$out   = array();
	for ( $offset = 0; ; $offset += 100 ) {
		$page = kvs_soak_http( 'GET', $sim . '/products?pageSize=100&currentItem=' . $offset . '&includeInventory=true&includePricebook=true&orderBy=id', null, array( 'Authorization' => 'Bearer ' . $token, 'Retailer' => 'demo' ) );
		$data = is_array( $page ) ? (array) ( $page['data'] ?? array() ) : array();
		foreach ( $data as $p ) {
			$out[] = $p;
		}
		if ( count( $data ) < 100 ) {
			break;
		}
	}
	return $out;
}

/** @param mixed $v */
function kvs_soak_num( $v ): ?string {
	if ( null === $v || '' === $v ) {
		return null;
	}
	return rtrim( rtrim( number_format( (float) $v, 4, '.', '' ), '0' ), '.' );
}

$cmd    = (string) ( $argv[2] ?? '' );
$runner = Plugin::instance()->services()->catalog_run_runner();
global $wpdb;

try {
	switch ( $cmd ) {
		case 'setup':
			$r = kvs_soak_rest( 'POST', 'kiotviet-sync/v1/connection', array( 'retailer' => 'demo', 'client_id' => 'demo-client', 'client_secret' => 'demo-secret' ) );
			if ( 200 !== $r['status'] ) {
				throw new RuntimeException( 'connect: ' . wp_json_encode( $r ) );
			}
			$branches = kvs_soak_rest( 'GET', 'kiotviet-sync/v1/branches' );
			$r        = kvs_soak_rest( 'PUT', 'kiotviet-sync/v1/connection/branch', array( 'branch_id' => (int) $branches['data']['branches'][0]['id'] ) );
			if ( 200 !== $r['status'] ) {
				throw new RuntimeException( 'branch: ' . wp_json_encode( $r ) );
			}
			kvs_soak_out( array( 'run' => kvs_soak_last_run() ) );
			break;

		case 'select':
			$r     = kvs_soak_rest( 'PUT', 'kiotviet-sync/v1/settings', array( 'regular_price_book_id' => 101, 'sale_price_book_id' => 103, 'auto_push_orders' => true ) );
			if ( 200 !== $r['status'] ) {
				throw new RuntimeException( 'settings: ' . wp_json_encode( $r ) );
			}
			$sel = kvs_soak_rest( 'PUT', 'kiotviet-sync/v1/catalog/selection', array( 'action' => 'select', 'scope' => 'all' ) );
			$imp = kvs_soak_rest( 'POST', 'kiotviet-sync/v1/sync/import' );
			kvs_soak_out( array( 'selected' => $sel['data']['selected'] ?? null, 'import_status' => $imp['status'], 'run' => kvs_soak_last_run() ) );
			break;

		case 'drive':
			$max   = (int) ( $argv[3] ?? 0 );
			$steps = 0;
			while ( 0 === $max || $steps < $max ) {
				$n = $runner->run_until_idle( 1 );
				if ( 0 === $n ) {
					break;
				}
				++$steps;
				fwrite( STDERR, "step {$steps}\n" );
			}
			kvs_soak_out( array( 'steps' => $steps, 'run' => kvs_soak_last_run() ) );
			break;

		case 'stale':
			$n = $wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->prefix}kiotviet_sync_runs SET heartbeat_at = heartbeat_at - %d WHERE lock_token IS NOT NULL AND heartbeat_at IS NOT NULL", 2 * RunRunner::STALL_SECONDS ) );
			kvs_soak_out( array( 'rows' => $n, 'run' => kvs_soak_last_run() ) );
			break;

		case 'status':
			kvs_soak_out( array( 'run' => kvs_soak_last_run() ) );
			break;

		case 'import':
			$imp = kvs_soak_rest( 'POST', 'kiotviet-sync/v1/sync/' . ( 'fetch' === ( $argv[3] ?? '' ) ? 'fetch' : 'import' ) );
			kvs_soak_out( array( 'status' => $imp['status'], 'data' => $imp['data'], 'run' => kvs_soak_last_run() ) );
			break;

		case 'verify':
			$sim      = rtrim( (string) ( $argv[3] ?? '' ), '/' );
			$token    = '';
			$raw      = kvs_soak_sim_products( $sim, $token );
			$books    = KvPriceBook::map_from_array( (array) ( kvs_soak_http( 'GET', $sim . '/pricebooks?pageSize=100', null, array( 'Authorization' => 'Bearer ' . $token, 'Retailer' => 'demo' ) )['data'] ?? array() ) );
			$products = array();
			foreach ( $raw as $p ) {
				$products[] = KvProduct::from_array( $p );
			}
			$settings = Plugin::instance()->services()->webhooks()->live_settings()->catalog();
			$plan     = ProductPlanner::plan( $products, $books, $settings );
			$selected = array_map( 'intval', $wpdb->get_col( "SELECT kv_id FROM {$wpdb->prefix}kiotviet_sync_kv_products WHERE retailer = 'demo' AND selected = 1" ) );
			$selected = array_flip( $selected );
			$specs    = array();
			foreach ( $plan->simple() as $s ) {
				$specs[] = $s->spec();
			}
			foreach ( $plan->variable() as $v ) {
				foreach ( $v->variations() as $spec ) {
					$specs[] = $spec;
				}
			}
			$expected = 0;
			$wrong    = array();
			$missing  = 0;
			$dups     = 0;
			$sku_rows = array();
			foreach ( $wpdb->get_results( "SELECT m.meta_value AS sku, p.ID FROM {$wpdb->posts} p JOIN {$wpdb->postmeta} m ON m.post_id = p.ID AND m.meta_key = '_sku' WHERE p.post_type IN ('product','product_variation') AND p.post_status NOT IN ('trash','auto-draft')", ARRAY_A ) as $row ) {
				$sku_rows[ (string) $row['sku'] ][] = (int) $row['ID'];
			}
			foreach ( $specs as $spec ) {
				if ( ! isset( $selected[ $spec->kv_id() ] ) ) {
					continue;
				}
				++$expected;
				$ids = $sku_rows[ $spec->sku() ] ?? array();
				if ( 0 === count( $ids ) ) {
					++$missing;
					$wrong[] = array( 'sku' => $spec->sku(), 'why' => 'missing' );
					continue;
				}
				if ( count( $ids ) > 1 ) {
					$dups   += count( $ids ) - 1;
					$wrong[] = array( 'sku' => $spec->sku(), 'why' => 'duplicate', 'ids' => $ids );
					continue;
				}
				$id   = $ids[0];
				$diff = array();
				$want = array(
					'_regular_price' => kvs_soak_num( $spec->get( WooProductSpec::REGULAR_PRICE ) ),
					'_sale_price'    => kvs_soak_num( $spec->get( WooProductSpec::SALE_PRICE ) ),
				);
				if ( $spec->get( WooProductSpec::MANAGE_STOCK ) ) {
					$want['_stock'] = kvs_soak_num( $spec->get( WooProductSpec::STOCK_QUANTITY ) );
				}
				foreach ( $want as $key => $value ) {
					if ( ! $spec->has( ltrim( str_replace( '_stock', 'stock_quantity', $key ), '_' ) ) && '_stock' !== $key ) {
						continue;
					}
					$have = kvs_soak_num( get_post_meta( $id, $key, true ) );
					if ( $have !== $value ) {
						$diff[ $key ] = array( 'want' => $value, 'have' => $have );
					}
				}
				if ( $diff ) {
					$wrong[] = array( 'sku' => $spec->sku(), 'kv_id' => $spec->kv_id(), 'why' => 'fields', 'diff' => $diff );
				}
			}
			$map_dups = (int) $wpdb->get_var( "SELECT COUNT(*) FROM (SELECT woo_id, COUNT(*) c FROM {$wpdb->prefix}kiotviet_sync_map WHERE woo_id > 0 AND kind IN ('product','variation') GROUP BY woo_id HAVING c > 1) x" );
			kvs_soak_out(
				array(
					'products_expected'  => $expected,
					'products_wrong'     => count( $wrong ),
					'products_missing'   => $missing,
					'products_duplicate' => $dups,
					'map_duplicates'     => $map_dups,
					'sim_products'       => count( $raw ),
					'woo_posts'          => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type IN ('product','product_variation') AND post_status NOT IN ('trash','auto-draft')" ),
					'samples'            => array_slice( $wrong, 0, 10 ),
				)
			);
			break;

		case 'orders':
			$n        = (int) ( $argv[3] ?? 10 );
			$products = array();
			foreach ( $wpdb->get_col( "SELECT m.woo_id FROM {$wpdb->prefix}kiotviet_sync_map m JOIN {$wpdb->postmeta} s ON s.post_id = m.woo_id AND s.meta_key = '_stock' AND s.meta_value + 0 >= 20 JOIN {$wpdb->posts} p ON p.ID = m.woo_id AND p.post_type = 'product' WHERE m.kind = 'product' AND m.woo_id > 0 ORDER BY m.woo_id LIMIT 20" ) as $pid ) {
				$p = wc_get_product( (int) $pid );
				if ( $p && $p->is_type( 'simple' ) && '' !== $p->get_price() ) {
					$products[] = $p;
				}
			}
			if ( ! $products ) {
				throw new RuntimeException( 'no imported simple product with stock' );
			}
			$ids = array();
			for ( $i = 0; $i < $n; $i++ ) {
				$order = wc_create_order( array( 'status' => 'pending' ) );
				$order->add_product( $products[ $i % count( $products ) ], 1 );
				$order->set_billing_first_name( 'Lan' );
				$order->set_billing_last_name( 'Nguyễn' );
				$order->set_billing_phone( '0903123456' );
				$order->set_billing_address_1( '45 Nguyễn Trãi' );
				$order->set_billing_city( 'Hồ Chí Minh' );
				$order->set_billing_country( 'VN' );
				$order->set_payment_method( 'cod' );
				$order->set_created_via( 'checkout' );
				$order->set_currency( 'VND' );
				$order->calculate_totals( false );
				$order->save();
				$order->update_status( 'processing' );
				$ids[] = (int) $order->get_id();
			}
			kvs_soak_out( array( 'ids' => $ids ) );
			break;

		case 'drain':
			$sim     = rtrim( (string) ( $argv[3] ?? '' ), '/' );
			$ids     = array_filter( array_map( 'intval', explode( ',', (string) ( $argv[4] ?? '' ) ) ) );
			$service = Plugin::instance()->services()->order_sync_service();
			$rounds  = 0;
			while ( $rounds < 60 && $service->run_queue( 1000, time() + 10 * 86400 ) > 0 ) {
				++$rounds;
			}
			$state = kvs_soak_http( 'GET', $sim . '/__sim/state?only=orders' );
			$key   = $service->site_key();
			$per   = array();
			foreach ( (array) ( $state['orders'] ?? array() ) as $kv ) {
				if ( preg_match( '/\[WC#(\d+)@' . preg_quote( $key, '/' ) . '\]/', (string) ( $kv['description'] ?? '' ), $m ) ) {
					$per[ (int) $m[1] ] = ( $per[ (int) $m[1] ] ?? 0 ) + 1;
				}
			}
			$lost = 0;
			$dup  = 0;
			$in   = 0;
			foreach ( $ids as $id ) {
				$c = $per[ $id ] ?? 0;
				$in += min( 1, $c );
				$lost += 0 === $c ? 1 : 0;
				$dup  += max( 0, $c - 1 );
			}
			$states = $wpdb->get_results( "SELECT state, COUNT(*) n FROM {$wpdb->prefix}kiotviet_sync_order_outbox GROUP BY state", ARRAY_A );
			kvs_soak_out( array( 'rounds' => $rounds, 'orders_expected' => count( $ids ), 'orders_in_kiotviet' => $in, 'duplicate_orders' => $dup, 'lost_orders' => $lost, 'kv_orders_total' => count( (array) ( $state['orders'] ?? array() ) ), 'outbox' => $states ) );
			break;

		case 'wh-setup':
			$r    = kvs_soak_rest( 'POST', 'kiotviet-sync/v1/webhooks/register' );
			$rows = $wpdb->get_results(
				"SELECT m.kv_id, m.woo_id FROM {$wpdb->prefix}kiotviet_sync_map m
				 JOIN {$wpdb->posts} p ON p.ID = m.woo_id AND p.post_type = 'product'
				 JOIN {$wpdb->postmeta} ms ON ms.post_id = m.woo_id AND ms.meta_key = '_manage_stock' AND ms.meta_value = 'yes'
				 WHERE m.kind = 'product' AND m.woo_id > 0 ORDER BY m.kv_id LIMIT " . max( 1, (int) ( $argv[3] ?? 60 ) ),
				ARRAY_A
			);
			kvs_soak_out( array( 'register_status' => $r['status'], 'receiver_url' => $r['data']['receiver_url'] ?? null, 'branch_id' => Plugin::instance()->services()->connection_repository()->load()->branch_id(), 'products' => $rows ) );
			break;

		case 'wh-converge':
			$wh        = Plugin::instance()->services()->webhooks();
			$processed = array();
			for ( $i = 0; $i < 100; $i++ ) {
				$res         = $wh->processor()->process_pending( 200 );
				$processed[] = $res;
				if ( 0 === (int) $res['rows'] || empty( $res['more'] ) ) {
					break;
				}
			}
			$inbox_states = $wpdb->get_results( 'SELECT state, COUNT(*) n FROM ' . $wpdb->prefix . \KiotVietSync\Webhooks\Storage\WebhookInbox::TABLE . ' GROUP BY state', ARRAY_A );
			$reconcile    = $wh->reconciler()->run();
			kvs_soak_out( array( 'processor' => array_slice( $processed, 0, 3 ), 'inbox' => $inbox_states, 'reconcile' => $reconcile ) );
			break;

		default:
			fwrite( STDERR, "unknown command {$cmd}\n" );
			exit( 2 );
	}
} catch ( Throwable $e ) {
	kvs_soak_out( array( 'error' => get_class( $e ) . ': ' . $e->getMessage(), 'run' => null ) );
	exit( 3 );
}
