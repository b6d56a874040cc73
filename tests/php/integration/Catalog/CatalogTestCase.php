<?php
/**
 * Shared helpers of the catalog integration tests.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Catalog;

use KiotVietSync\Jobs\RunRunner;
use KiotVietSync\Plugin;
use KiotVietSync\Storage\CatalogCacheRepository;
use KiotVietSync\Tests\Integration\TestCase;
use WP_REST_Response;

/**
 * Connects to the simulator's demo shop and drives runs synchronously through RunRunner::run_until_idle().
 */
abstract class CatalogTestCase extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->reset_simulator( array( 'seed' => 'demo' ) );
		// Start from an empty cache (inside the test transaction, rolled back afterwards).
		global $wpdb;
		foreach ( array( $this->cache()->products_table(), $this->cache()->categories_table(), $this->runner()->repository()->table() ) as $table ) {
			$wpdb->query( "DELETE FROM {$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		delete_option( CatalogCacheRepository::META_OPTION );
		$this->as_role( 'administrator' );
	}

	protected function runner(): RunRunner {
		return Plugin::instance()->services()->catalog_run_runner();
	}

	protected function cache(): CatalogCacheRepository {
		return Plugin::instance()->services()->catalog_cache();
	}

	/** POST /connection + PUT /connection/branch (which starts the fetch run). */
	protected function connect_demo( int $branch = 5001 ): void {
		$r = $this->rest(
			'POST',
			'connection',
			array(
				'retailer'      => 'demo',
				'client_id'     => 'demo-client',
				'client_secret' => 'demo-secret',
			)
		);
		self::assertSame( 200, $r->get_status(), (string) wp_json_encode( $r->get_data() ) );
		$r = $this->rest( 'PUT', 'connection/branch', array( 'branch_id' => $branch ) );
		self::assertSame( 200, $r->get_status(), (string) wp_json_encode( $r->get_data() ) );
	}

	/** Connect and run the automatic fetch to the end. */
	protected function connect_and_fetch(): void {
		$this->connect_demo();
		$this->runner()->run_until_idle( 500 );
		$status = $this->data( $this->rest( 'GET', 'sync/status' ) );
		self::assertSame( 'done', $status['run']['state'], (string) wp_json_encode( $status ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	protected function data( WP_REST_Response $response ): array {
		$data = $response->get_data();
		if ( $data instanceof \WP_Error ) {
			return array( 'error' => $data->get_error_code() );
		}
		return (array) json_decode( (string) wp_json_encode( $data ), true );
	}

	/**
	 * GET on the simulator control API.
	 *
	 * @return array<string, mixed>
	 */
	protected function sim_get( string $path ): array {
		$response = wp_remote_get( $this->sim_url() . $path, array( 'timeout' => 10 ) );
		self::assertIsArray( $response );
		$data = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		return is_array( $data ) ? $data : array();
	}

	/**
	 * POST on the simulator control API.
	 *
	 * @param array<string, mixed> $body Body.
	 * @return array<string, mixed>
	 */
	protected function sim_post( string $path, array $body = array(), string $method = 'POST' ): array {
		$response = wp_remote_request(
			$this->sim_url() . $path,
			array(
				'method'  => $method,
				'headers' => array( 'Content-Type' => 'application/json' ),
				'body'    => (string) wp_json_encode( (object) $body ),
				'timeout' => 10,
			)
		);
		self::assertIsArray( $response );
		$data = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		return is_array( $data ) ? $data : array();
	}

	/** KiotViet GETs counted by the simulator since the last clear. */
	protected function api_gets(): int {
		$data = $this->sim_get( '/__sim/requests?countsOnly=true' );
		return (int) ( $data['counts']['apiGet'] ?? -1 );
	}
}
