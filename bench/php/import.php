<?php
/**
 * Bench worker: the plugin's own import, driven as production drives it (fetch run, then import run) but
 * step by step through RunRunner::run_until_idle( 1 ) so each step (one KiotViet page / one import batch of ≤ 50
 * rows) gets its own peak memory and query count.
 *
 *   php bench/php/import.php SITE_DIR [max_import_steps] [profile]
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

require __DIR__ . '/common.php';

use KiotVietSync\Plugin;

$max_import_steps = (int) ( $argv[2] ?? 0 );
KvsBenchQueries::$profile = 'profile' === ( $argv[3] ?? '' );
KvsBenchQueries::install();
kvs_bench_admin();
$runner = Plugin::instance()->services()->catalog_run_runner();

/**
 * Runs the active run to the end one step at a time.
 *
 * @return array{steps:int,seconds:float,queries:int,peaks:float[]}
 */
function kvs_bench_drive( $runner, int $max_steps, float $cap = 0.0 ): array {
	$steps   = 0;
	$peaks   = array();
	$queries = KvsBenchQueries::$count;
	$t0      = microtime( true );
	$log     = array();
	while ( 0 === $max_steps || $steps < $max_steps ) {
		gc_collect_cycles();
		memory_reset_peak_usage();
		$ts = microtime( true );
		$qs = KvsBenchQueries::$count;
		$cb = kvs_bench_counts();
		$n  = $runner->run_until_idle( 1 );
		$ca = kvs_bench_counts();
		$log[] = array(
			'phase'   => $cb['phase'],
			'seconds' => round( microtime( true ) - $ts, 3 ),
			'queries' => KvsBenchQueries::$count - $qs,
			'items'   => $ca['items'] - $cb['items'],
			'peak_mb' => round( memory_get_peak_usage() / 1048576, 2 ),
		);
		if ( 0 === $n ) {
			break;
		}
		if ( $cap > 0 && microtime( true ) - $t0 > $cap ) {
			$peaks[] = round( memory_get_peak_usage() / 1048576, 2 );
			++$steps;
			break;
		}
		$peaks[] = round( memory_get_peak_usage() / 1048576, 2 );
		++$steps;
	}
	return array(
		'steps'   => $steps,
		'seconds' => microtime( true ) - $t0,
		'queries' => KvsBenchQueries::$count - $queries,
		'peaks'   => $peaks,
		'log'     => $log,
	);
}

/**
 * Phase and created+updated+failed of the newest run (items written so far).
 *
 * @return array{phase:string,items:int}
 */
function kvs_bench_counts(): array {
	global $wpdb;
	$row = $wpdb->get_row( "SELECT phase, counts FROM {$wpdb->prefix}kiotviet_sync_runs ORDER BY id DESC LIMIT 1", ARRAY_A );
	$c   = is_array( $row ) ? json_decode( (string) $row['counts'], true ) : array();
	return array(
		'phase' => (string) ( $row['phase'] ?? '' ),
		'items' => (int) ( $c['created'] ?? 0 ) + (int) ( $c['updated'] ?? 0 ) + (int) ( $c['failed'] ?? 0 ),
	);
}

if ( 'resume' === ( $argv[4] ?? '' ) ) {
	// Drive the active (capped) import run further: product batches only, per-step figures.
	if ( 'nodefer' === ( $argv[5] ?? '' ) ) {
		add_filter( 'kiotviet_sync_defer_term_recount', '__return_false' );
	}
	$steps = kvs_bench_drive( $runner, $max_import_steps, (float) ( getenv( 'KVS_BENCH_MAX_SECONDS' ) ?: 0 ) );
	$prod  = array_values( array_filter( $steps['log'], static function ( $l ) { return 'import_products' === $l['phase'] && $l['items'] > 0; } ) );
	$items = array_sum( array_column( $prod, 'items' ) );
	$out   = array(
		'steps'            => $steps['steps'],
		'product_steps'    => count( $prod ),
		'items'            => $items,
		'seconds'          => array_sum( array_column( $prod, 'seconds' ) ),
		'queries'          => array_sum( array_column( $prod, 'queries' ) ),
		'items_per_second' => $items / max( 0.001, array_sum( array_column( $prod, 'seconds' ) ) ),
		'queries_per_item' => array_sum( array_column( $prod, 'queries' ) ) / max( 1, $items ),
		'peak_mb'          => $steps['peaks'] ? max( $steps['peaks'] ) : 0,
		'log'              => $steps['log'],
	);
	if ( KvsBenchQueries::$profile ) {
		$out['top_query_shapes'] = KvsBenchQueries::top( 30 );
	}
	kvs_bench_out( $out );
	exit( 0 );
}

$out = array( 'memory_limit' => ini_get( 'memory_limit' ), 'baseline_mb' => round( memory_get_usage() / 1048576, 2 ) );

// 1. Connect + branch (the branch step starts the fetch run).
$t_connect = microtime( true );
$r         = kvs_bench_rest( 'POST', 'kiotviet-sync/v1/connection', array( 'retailer' => 'demo', 'client_id' => 'demo-client', 'client_secret' => 'demo-secret' ) );
if ( 200 !== $r['status'] ) {
	fwrite( STDERR, 'connect failed: ' . wp_json_encode( $r ) . "\n" );
	exit( 1 );
}
$r = kvs_bench_rest( 'PUT', 'kiotviet-sync/v1/connection/branch', array( 'branch_id' => (int) ( getenv( 'KVS_BENCH_BRANCH' ) ?: 0 ) ?: 0 ) );
if ( 200 !== $r['status'] ) {
	$branches = kvs_bench_rest( 'GET', 'kiotviet-sync/v1/branches' );
	$r        = kvs_bench_rest( 'PUT', 'kiotviet-sync/v1/connection/branch', array( 'branch_id' => (int) $branches['data']['branches'][0]['id'] ) );
	if ( 200 !== $r['status'] ) {
		fwrite( STDERR, 'branch failed: ' . wp_json_encode( $r ) . "\n" );
		exit( 1 );
	}
}
$out['connect_seconds'] = microtime( true ) - $t_connect;

// 2. Fetch run.
$fetch        = kvs_bench_drive( $runner, 0 );
$out['fetch'] = array( 'steps' => $fetch['steps'], 'seconds' => $fetch['seconds'], 'queries' => $fetch['queries'], 'peak_mb' => $fetch['peaks'] ? max( $fetch['peaks'] ) : 0 );
$status       = kvs_bench_rest( 'GET', 'kiotviet-sync/v1/sync/status' );
$out['fetch_state'] = $status['data']['run']['state'] ?? null;
$out['catalog']     = $status['data']['catalog'] ?? null;

// 3. Settings (regular book 101 "Giá online", sale book 103 "Khuyến mãi cuối năm 2026"), select all, import.
$t_sel = microtime( true );
$r     = kvs_bench_rest( 'PUT', 'kiotviet-sync/v1/settings', array( 'regular_price_book_id' => 101, 'sale_price_book_id' => 103 ) );
if ( 200 !== $r['status'] ) {
	fwrite( STDERR, 'settings failed: ' . wp_json_encode( $r ) . "\n" );
	exit( 1 );
}
$stride = max( 1, (int) ( getenv( 'KVS_BENCH_STRIDE' ) ?: 1 ) );
if ( 1 === $stride ) {
	$r = kvs_bench_rest( 'PUT', 'kiotviet-sync/v1/catalog/selection', array( 'action' => 'select', 'scope' => 'all' ) );
} else {
	// Time-capped runs: every Nth family (the baseline's subset, the seed's mix; the seed is ordered by kind).
	$cache = Plugin::instance()->services()->catalog_cache();
	$ids   = array();
	$after = 0;
	$i     = 0;
	while ( true ) {
		$rows = $cache->families_after( 'demo', $after, 500, false );
		if ( array() === $rows ) {
			break;
		}
		$seen = array();
		foreach ( $rows as $row ) {
			$family = (int) $row['family_id'];
			if ( ! isset( $seen[ $family ] ) ) {
				$seen[ $family ] = true;
				if ( 0 === $i++ % $stride ) {
					$ids[] = $family;
				}
			}
			$after = max( $after, $family );
		}
	}
	$r = kvs_bench_rest( 'PUT', 'kiotviet-sync/v1/catalog/selection', array( 'action' => 'select', 'scope' => 'ids', 'ids' => $ids ) );
}
$out['selected'] = $r['data']['selected'] ?? null;
$r               = kvs_bench_rest( 'POST', 'kiotviet-sync/v1/sync/import' );
if ( 202 !== $r['status'] ) {
	fwrite( STDERR, 'import start failed: ' . wp_json_encode( $r ) . "\n" );
	exit( 1 );
}
$out['select_seconds'] = microtime( true ) - $t_sel;

KvsBenchQueries::$shapes = array();
$import                  = kvs_bench_drive( $runner, $max_import_steps, (float) ( getenv( 'KVS_BENCH_MAX_SECONDS' ) ?: 0 ) );
$status                  = kvs_bench_rest( 'GET', 'kiotviet-sync/v1/sync/status' );
$out['import']           = array(
	'steps'      => $import['steps'],
	'seconds'    => $import['seconds'],
	'queries'    => $import['queries'],
	'peak_mb'    => $import['peaks'] ? max( $import['peaks'] ) : 0,
	'first_peaks'=> array_slice( $import['peaks'], 0, 5 ),
	'last_peaks' => array_slice( $import['peaks'], -5 ),
	'log'        => $import['log'],
	'run'        => $status['data']['run'] ?? null,
);
if ( KvsBenchQueries::$profile ) {
	$out['top_query_shapes'] = KvsBenchQueries::top( 25 );
}
global $wpdb;
$out['items_written'] = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} p JOIN {$wpdb->postmeta} m ON m.post_id = p.ID AND m.meta_key = '_sku' AND m.meta_value <> '' WHERE p.post_type IN ('product','product_variation')" );
$out['woo_products'] = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type IN ('product','product_variation')" );
kvs_bench_out( $out );
