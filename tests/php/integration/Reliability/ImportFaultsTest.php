<?php
/**
 * Short versions of the soak's catalog scenarios (issue 10, faults): a fetch meeting 500/503/429 answers and a
 * token that expires mid-way, then an import whose worker dies mid-way (its claim left behind with a stale
 * heartbeat) — every selected KiotViet product ends up exactly once in WooCommerce. The long versions are in
 * `npm run soak` (docs/reliability.md).
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Reliability;

use KiotVietSync\Jobs\RunRunner;
use KiotVietSync\Tests\Integration\Catalog\CatalogTestCase;

/**
 * Faulted fetch + abandoned import run, demo shop.
 */
final class ImportFaultsTest extends CatalogTestCase {

	public function test_faulted_fetch_and_an_abandoned_import_leave_every_selected_product_exactly_once(): void {
		$this->connect_demo();
		$this->sim_post(
			'/__sim/faults',
			array(
				'rules' => array(
					array( 'method' => 'GET', 'path' => '/products', 'errorRate' => 0.15, 'status' => 500 ),
					array( 'method' => 'GET', 'path' => '/pricebooks', 'errorRate' => 0.15, 'status' => 503 ),
					array( 'method' => 'GET', 'path' => '/branches', 'count' => 2, 'status' => 429 ),
				),
			)
		);
		$this->runner()->run_until_idle( 2 );
		$this->sim_post( '/__sim/token/expire' );
		$this->runner()->run_until_idle( 500 );
		$faulted = $this->sim_get( '/__sim/requests?countsOnly=true' )['counts']['byStatus'] ?? array();
		// Heal; a fetch the faults made fail is started again (what the History screen's retry does).
		$this->sim_post( '/__sim/faults', array(), 'DELETE' );
		$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		if ( 'done' !== $status['run']['state'] ) {
			$this->runner()->run_until_idle( 500 );
			$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		}
		if ( 'done' !== $status['run']['state'] ) {
			self::assertSame( 'failed', $status['run']['state'], (string) wp_json_encode( $status ) );
			$this->rest( 'POST', 'sync/fetch' );
			$this->runner()->run_until_idle( 500 );
			$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		}
		self::assertSame( 'done', $status['run']['state'], (string) wp_json_encode( $status ) );
		self::assertNotEmpty( array_filter( array_keys( $faulted ), static fn( $s ) => (int) $s >= 400 ), 'faults were injected' );

		$this->rest( 'PUT', 'catalog/selection', array( 'action' => 'select', 'scope' => 'all' ) );
		$r = $this->data( $this->rest( 'POST', 'sync/import' ) );
		$id = (int) $r['run']['id'];
		self::assertSame( 3, $this->runner()->run_until_idle( 3 ) );

		// The worker dies holding the claim: nobody else may run it while its heartbeat is fresh…
		$repo = $this->runner()->repository();
		self::assertTrue( $repo->claim( $id, 'dead-worker', time(), time() - RunRunner::STALL_SECONDS ) );
		self::assertSame( 0, $this->runner()->run_until_idle( 5 ), 'a live claim blocks other workers' );
		// …and once it is stale, the run is taken over from its last checkpoint.
		$repo->set_heartbeat( $id, time() - 2 * RunRunner::STALL_SECONDS );
		$this->runner()->run_until_idle( 500 );
		$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		self::assertSame( 'done', $status['run']['state'], (string) wp_json_encode( $status ) );
		self::assertSame( 0, $status['run']['counts']['failed'], (string) wp_json_encode( $status ) );

		global $wpdb;
		$codes = $wpdb->get_col( $wpdb->prepare( "SELECT code FROM {$this->cache()->products_table()} WHERE retailer = %s AND selected = 1", 'demo' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		self::assertGreaterThan( 100, count( $codes ) );
		$per_sku = array();
		foreach ( $wpdb->get_results( "SELECT m.meta_value AS sku FROM {$wpdb->posts} p JOIN {$wpdb->postmeta} m ON m.post_id = p.ID AND m.meta_key = '_sku' WHERE p.post_type IN ('product','product_variation') AND p.post_status <> 'trash'", ARRAY_A ) as $row ) {
			$per_sku[ $row['sku'] ] = ( $per_sku[ $row['sku'] ] ?? 0 ) + 1;
		}
		$not_once = array();
		foreach ( $codes as $code ) {
			if ( 1 !== ( $per_sku[ $code ] ?? 0 ) ) {
				$not_once[ $code ] = $per_sku[ $code ] ?? 0;
			}
		}
		self::assertSame( array(), $not_once, 'each selected product exactly once' );
		$map_dups = (int) $wpdb->get_var( "SELECT COUNT(*) FROM (SELECT woo_id, COUNT(*) c FROM {$wpdb->prefix}kiotviet_sync_map WHERE woo_id > 0 AND kind IN ('product','variation') GROUP BY woo_id HAVING c > 1) x" );
		self::assertSame( 0, $map_dups );
	}
}
