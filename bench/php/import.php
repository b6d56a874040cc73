<?php
/**
 * Bench worker: the plugin's own import, driven as production drives it. The set-up (connect, branch,
 * settings, selection) runs in this process; the fetch run and the import run are worked off in worker
 * slices, each a fresh PHP process like the queue's: `import.php SITE_DIR 0 '' slice` boots WordPress and
 * WooCommerce and calls RunRunner::run_slice() for the production slice time (filter
 * kiotviet_sync_run_slice_seconds, 15 s), then reports its seconds, queries, items and peak memory (the
 * process's whole peak: bootstrap + every batch of the slice). Workers run with opcache, as production PHP does
 * (see kvs_bench_drive_slices()).
 *
 *   php bench/php/import.php SITE_DIR [max_import_slices] [profile]
 *   KVS_BENCH_STEPS=1 …   the old way: every step in this one process (per-step figures, memory grows)
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

/**
 * Child process: one production worker slice of the active run.
 */
if ( 'slice' === ( $argv[4] ?? '' ) ) {
	global $wpdb;
	$services = Plugin::instance()->services();
	$run      = $services->run_repository()->active();
	$before   = kvs_bench_counts();
	$t0       = microtime( true );
	$steps    = null === $run ? 0 : $runner->run_slice( $run->id(), (float) apply_filters( 'kiotviet_sync_run_slice_seconds', 15.0 ), PHP_INT_MAX, false );
	$after    = kvs_bench_counts();
	kvs_bench_out(
		array(
			'phase'   => $before['phase'],
			'steps'   => $steps,
			'seconds' => microtime( true ) - $t0,
			'queries' => KvsBenchQueries::$count,
			'items'   => $after['items'] - $before['items'],
			'peak_mb' => round( memory_get_peak_usage() / 1048576, 2 ),
			'idle'    => null === $services->run_repository()->active(),
		)
	);
	exit( 0 );
}

/**
 * Works the active run off in worker slices, each a fresh `php` process (see the file comment); the time of
 * a slice is the child's wall time, process start and WordPress bootstrap included.
 *
 * @return array{steps:int,seconds:float,queries:int,peaks:float[],log:array<int,array<string,mixed>>}
 */
function kvs_bench_drive_slices( string $site_dir, int $max_slices, float $cap = 0.0 ): array {
	$t0      = microtime( true );
	$log     = array();
	$peaks   = array();
	$queries = 0;
	$steps   = 0;
	// Like a production PHP (php-fpm / mod_php), the worker runs with opcache: compiled WordPress/WooCommerce
	// code lives in opcache's shared memory, not in the worker's heap. The CLI has no shared memory between
	// processes, so the file cache carries the compiled scripts from one slice to the next (as a warm opcache
	// would). KVS_BENCH_OPCACHE=0: no opcache (every slice compiles everything; the heap then holds ~50 MB of
	// compiled code).
	$opcache = '';
	if ( '0' !== getenv( 'KVS_BENCH_OPCACHE' ) ) {
		$dir = dirname( __DIR__, 2 ) . '/.stack/opcache';
		if ( ! is_dir( $dir ) ) {
			mkdir( $dir, 0700, true );
		}
		$opcache = ' -d opcache.enable_cli=1 -d opcache.memory_consumption=256 -d opcache.file_cache=' . escapeshellarg( $dir );
	}
	while ( 0 === $max_slices || count( $log ) < $max_slices ) {
		$ts  = microtime( true );
		$cmd = escapeshellarg( PHP_BINARY ) . ' -d memory_limit=' . escapeshellarg( (string) ini_get( 'memory_limit' ) ) . $opcache . ' ' . escapeshellarg( __FILE__ ) . ' ' . escapeshellarg( $site_dir ) . " 0 '' slice";
		$out = (string) shell_exec( $cmd . ' 2>&1' );
		if ( 1 !== preg_match( '/^KVS_BENCH_RESULT (.*)$/m', $out, $m ) ) {
			fwrite( STDERR, "worker slice failed:\n" . substr( $out, -3000 ) . "\n" );
			exit( 1 );
		}
		$r          = json_decode( $m[1], true );
		$r['wall']  = round( microtime( true ) - $ts, 3 );
		$log[]      = array(
			'phase'       => $r['phase'],
			'seconds'     => $r['wall'],
			'run_seconds' => round( (float) $r['seconds'], 3 ),
			'queries'     => (int) $r['queries'],
			'items'       => (int) $r['items'],
			'steps'       => (int) $r['steps'],
			'peak_mb'     => (float) $r['peak_mb'],
		);
		$peaks[]  = (float) $r['peak_mb'];
		$queries += (int) $r['queries'];
		$steps   += (int) $r['steps'];
		if ( ! empty( $r['idle'] ) || 0 === (int) $r['steps'] ) {
			break;
		}
		if ( $cap > 0 && microtime( true ) - $t0 > $cap ) {
			break;
		}
	}
	return array(
		'steps'   => $steps,
		'seconds' => microtime( true ) - $t0,
		'queries' => $queries,
		'peaks'   => $peaks,
		'log'     => $log,
	);
}

/**
 * The fetch or import run: worker slices (default) or, with KVS_BENCH_STEPS=1, step by step in this process.
 *
 * @return array{steps:int,seconds:float,queries:int,peaks:float[],log:array<int,array<string,mixed>>}
 */
function kvs_bench_work( $runner, string $site_dir, int $max, float $cap = 0.0 ): array {
	return '1' === getenv( 'KVS_BENCH_STEPS' ) ? kvs_bench_drive( $runner, $max, $cap ) : kvs_bench_drive_slices( $site_dir, $max, $cap );
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
$fetch        = kvs_bench_work( $runner, $argv[1], 0 );
$out['fetch'] = array( 'steps' => $fetch['steps'], 'seconds' => $fetch['seconds'], 'queries' => $fetch['queries'], 'peak_mb' => $fetch['peaks'] ? max( $fetch['peaks'] ) : 0, 'log' => $fetch['log'] );
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
$import                  = kvs_bench_work( $runner, $argv[1], $max_import_steps, (float) ( getenv( 'KVS_BENCH_MAX_SECONDS' ) ?: 0 ) );
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
