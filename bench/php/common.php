<?php
/**
 * Shared bootstrap of the bench PHP workers: loads the bench site's WordPress (argv[1] = site dir) as an administrator.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}
$kvs_site_dir = $argv[1] ?? '';
if ( '' === $kvs_site_dir || ! is_file( $kvs_site_dir . '/wp-load.php' ) ) {
	fwrite( STDERR, "usage: php script.php SITE_DIR …\n" );
	exit( 2 );
}
$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_ADMIN', false );
require $kvs_site_dir . '/wp-load.php';

/** Logs in as the first administrator. */
function kvs_bench_admin(): void {
	$admins = get_users( array( 'role' => 'administrator', 'number' => 1, 'fields' => 'ID' ) );
	wp_set_current_user( (int) $admins[0] );
}

/**
 * In-process REST call.
 *
 * @param array<string,mixed> $body  Body.
 * @param array<string,mixed> $query Query.
 * @return array<string,mixed>
 */
function kvs_bench_rest( string $method, string $route, array $body = array(), array $query = array() ): array {
	$request = new WP_REST_Request( $method, '/' . ltrim( $route, '/' ) );
	if ( $query ) {
		$request->set_query_params( $query );
	}
	if ( $body ) {
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $body ) );
	}
	$response = rest_do_request( $request );
	$data     = json_decode( (string) wp_json_encode( $response->get_data() ), true );
	return array( 'status' => $response->get_status(), 'data' => $data );
}

/** Query counter (and optional shape histogram) through the `query` filter; no SAVEQUERIES, so memory stays flat. */
final class KvsBenchQueries {
	public static int $count = 0;
	/** @var array<string,int> */
	public static array $shapes = array();
	public static bool $profile = false;

	public static function install(): void {
		add_filter(
			'query',
			static function ( $sql ) {
				++self::$count;
				if ( self::$profile ) {
					$shape = preg_replace( array( "/'(?:[^'\\\\]|\\\\.)*'/", '/\b\d+(\.\d+)?\b/', '/\(\s*(\?\s*,\s*)+\?\s*\)/', '/\s+/' ), array( '?', '?', '(?…)', ' ' ), (string) $sql );
					$shape = substr( (string) $shape, 0, 160 );
					self::$shapes[ $shape ] = ( self::$shapes[ $shape ] ?? 0 ) + 1;
				}
				return $sql;
			},
			PHP_INT_MAX
		);
	}

	/** @return array<string,int> top N shapes */
	public static function top( int $n ): array {
		arsort( self::$shapes );
		return array_slice( self::$shapes, 0, $n, true );
	}
}

/** @param array<string,mixed> $data */
function kvs_bench_out( array $data ): void {
	echo 'KVS_BENCH_RESULT ' . wp_json_encode( $data ) . "\n";
}
