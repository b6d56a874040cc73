<?php
/**
 * Bench worker: GET /kiotviet-sync/v1/catalog/products, one page of 50, in process (WordPress already booted,
 * so the figure is the route's own cost: query + shaping), N samples over varying pages and filters.
 *
 *   php bench/php/lists.php SITE_DIR [samples]
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

require __DIR__ . '/common.php';

kvs_bench_admin();
$samples = max( 20, (int) ( $argv[2] ?? 60 ) );
$filters = array( 'all', 'selected', 'synced', 'new' );
$times   = array();
$total   = null;
kvs_bench_rest( 'GET', 'kiotviet-sync/v1/catalog/products', array(), array( 'per_page' => 50 ) ); // warm-up
for ( $i = 0; $i < $samples; $i++ ) {
	$query = array( 'per_page' => 50, 'page' => 1 + ( $i * 7 ) % 50, 'filter' => $filters[ $i % 4 ] );
	if ( 0 === $i % 5 ) {
		$query['search'] = 'SP00' . ( $i % 10 );
	}
	wp_cache_flush();
	$t        = microtime( true );
	$r        = kvs_bench_rest( 'GET', 'kiotviet-sync/v1/catalog/products', array(), $query );
	$times[]  = ( microtime( true ) - $t ) * 1000;
	$total    = $total ?? ( $r['data']['total'] ?? null );
}
sort( $times );
$p = static function ( float $q ) use ( $times ): float {
	return round( $times[ (int) min( count( $times ) - 1, ceil( $q * count( $times ) ) - 1 ) ], 2 );
};
kvs_bench_out( array( 'samples' => $samples, 'total' => $total, 'p50_ms' => $p( 0.5 ), 'p95_ms' => $p( 0.95 ), 'max_ms' => $p( 1.0 ) ) );
