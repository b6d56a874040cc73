<?php
/**
 * Bench probe, installed as a must-use plugin into the bench site by checkout-setup.php (bench sites only).
 * Inert unless the request carries `X-KVS-Bench: 1`; then it answers the REST request with the header
 * `X-KVS-Bench-Server: {"ms":…,"q":…,"hooks_ms":…,"hooks_q":…}`: the request's time and queries so far, and the
 * time and queries spent inside the order hooks the plugin listens to (its callbacks run at priority 20; the probe
 * brackets that priority at 19 and 21), so the checkout's own cost of order push can be told from the client-side
 * noise.
 *
 * @package kiotviet-sync
 */

if ( ! isset( $_SERVER['HTTP_X_KVS_BENCH'] ) || '1' !== $_SERVER['HTTP_X_KVS_BENCH'] ) {
	return;
}

$GLOBALS['kvs_bench_probe'] = array(
	'q'        => 0,
	'hooks_ms' => 0.0,
	'hooks_q'  => 0,
	'depth'    => 0,
	't0'       => 0.0,
	'q0'       => 0,
);

add_filter(
	'query',
	static function ( $sql ) {
		++$GLOBALS['kvs_bench_probe']['q'];
		return $sql;
	},
	PHP_INT_MAX
);

foreach ( array( 'woocommerce_order_status_changed', 'woocommerce_new_order', 'woocommerce_update_order', 'woocommerce_checkout_order_processed', 'woocommerce_store_api_checkout_order_processed' ) as $kvs_bench_hook ) {
	add_action(
		$kvs_bench_hook,
		static function () {
			$p = &$GLOBALS['kvs_bench_probe'];
			if ( 0 === $p['depth']++ ) {
				$p['t0'] = microtime( true );
				$p['q0'] = $p['q'];
			}
		},
		19,
		0
	);
	add_action(
		$kvs_bench_hook,
		static function () {
			$p = &$GLOBALS['kvs_bench_probe'];
			if ( 0 === --$p['depth'] ) {
				$p['hooks_ms'] += ( microtime( true ) - $p['t0'] ) * 1000;
				$p['hooks_q']  += $p['q'] - $p['q0'];
			}
		},
		21,
		0
	);
}

add_filter(
	'rest_post_dispatch',
	static function ( $response ) {
		$p = $GLOBALS['kvs_bench_probe'];
		if ( $response instanceof WP_REST_Response ) {
			$response->header(
				'X-KVS-Bench-Server',
				(string) wp_json_encode(
					array(
						'ms'       => round( ( microtime( true ) - (float) $_SERVER['REQUEST_TIME_FLOAT'] ) * 1000, 2 ),
						'q'        => $p['q'],
						'hooks_ms' => round( $p['hooks_ms'], 3 ),
						'hooks_q'  => $p['hooks_q'],
					)
				)
			);
		}
		return $response;
	},
	PHP_INT_MAX
);
