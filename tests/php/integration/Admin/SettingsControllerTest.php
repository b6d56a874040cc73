<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Admin;

use KiotVietSync\Plugin;
use KiotVietSync\Storage\Settings;
use KiotVietSync\Storage\SyncSettings;
use KiotVietSync\Tests\Integration\TestCase;
use WP_REST_Response;

/**
 * GET/PUT /settings through the real REST server.
 */
final class SettingsControllerTest extends TestCase {

	/**
	 * @return array<string, mixed>
	 */
	private function data( WP_REST_Response $response ): array {
		return (array) json_decode( (string) wp_json_encode( $response->get_data() ), true );
	}

	/**
	 * @return array<string, array{0: string, 1: int}>
	 */
	public static function roles(): array {
		return array(
			'anonymous'     => array( 'anonymous', 401 ),
			'customer'      => array( 'customer', 403 ),
			'shop_manager'  => array( 'shop_manager', 200 ),
			'administrator' => array( 'administrator', 200 ),
		);
	}

	/**
	 * @dataProvider roles
	 */
	public function test_permissions_on_every_route( string $role, int $status ): void {
		$this->as_role( $role );
		$this->assertSame( $status, $this->rest( 'GET', 'settings' )->get_status(), 'GET /settings' );
		$this->assertSame( $status, $this->rest( 'PUT', 'settings', array( 'match_by_sku' => true ) )->get_status(), 'PUT /settings' );
		$this->assertSame( $status, $this->rest( 'GET', 'history' )->get_status(), 'GET /history' );
		$this->assertSame( $status, $this->rest( 'GET', 'history/export' )->get_status(), 'GET /history/export' );
		$this->assertSame( $status, $this->rest( 'GET', 'health' )->get_status(), 'GET /health' );
	}

	public function test_invalid_body_from_a_stranger_is_still_401(): void {
		$this->as_role( 'anonymous' );
		$response = $this->rest( 'PUT', 'settings', array( 'auto_resync_interval' => 'abc' ) );
		$this->assertSame( 401, $response->get_status() );
	}

	public function test_get_returns_defaults(): void {
		$this->as_role( 'shop_manager' );
		delete_option( Settings::SETTINGS );
		$response = $this->rest( 'GET', 'settings' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( SyncSettings::DEFAULTS, $this->data( $response ) );
	}

	public function test_round_trip_saves_and_logs_changed_keys(): void {
		$this->as_role( 'administrator' );
		$put = $this->rest(
			'PUT',
			'settings',
			array(
				'match_by_sku'           => true,
				'sync_shipping'          => true,
				'auto_resync_orders'     => true,
				'auto_resync_interval'   => 7200,
				'auto_resync_limit'      => 500,
				'stock_mode'             => 'all_branches',
				'history_retention_days' => 14,
			)
		);
		$this->assertSame( 200, $put->get_status(), (string) wp_json_encode( $put->get_data() ) );
		$data = $this->data( $put );
		$this->assertTrue( $data['match_by_sku'] );
		$this->assertSame( 7200, $data['auto_resync_interval'] );
		$this->assertSame( 'all_branches', $data['stock_mode'] );
		$this->assertFalse( $data['order_lines_by_sku'], 'untouched keys keep their value' );

		$this->flush_caches();
		$get = $this->data( $this->rest( 'GET', 'settings' ) );
		$this->assertSame( $data, $get );
		$this->assertSame( 14, get_option( Settings::SETTINGS )['history_retention_days'] );

		$rows = Plugin::instance()->services()->sync_log()->recent( 5, 'settings' );
		$this->assertNotEmpty( $rows );
		$this->assertStringContainsString( 'match_by_sku', (string) $rows[0]['message'] );
		$this->assertStringContainsString( 'auto_resync_interval', (string) $rows[0]['message'] );
		$this->assertStringNotContainsString( 'order_lines_by_sku', (string) $rows[0]['message'] );
	}

	public function test_string_numbers_are_accepted(): void {
		$this->as_role( 'administrator' );
		$response = $this->rest( 'PUT', 'settings', array( 'auto_resync_limit' => '1000', 'reconcile_interval_minutes' => '30' ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( 30, $this->data( $response )['reconcile_interval_minutes'] );
	}

	public function test_invalid_values_are_400_with_params_and_nothing_is_saved(): void {
		$this->as_role( 'administrator' );
		update_option( Settings::SETTINGS, array( 'match_by_sku' => false ), false );
		$this->flush_caches();
		$response = $this->rest(
			'PUT',
			'settings',
			array(
				'match_by_sku'           => true,
				'auto_resync_interval'   => 600,
				'auto_resync_limit'      => 6000,
				'history_retention_days' => 0,
			)
		);
		$this->assertSame( 400, $response->get_status() );
		$data = $this->data( $response );
		$this->assertSame( 'kiotviet_sync_invalid_field', $data['code'] );
		$params = $data['data']['params'];
		$this->assertArrayHasKey( 'auto_resync_interval', $params );
		$this->assertArrayHasKey( 'auto_resync_limit', $params );
		$this->assertArrayHasKey( 'history_retention_days', $params );
		$this->assertArrayNotHasKey( 'match_by_sku', $params );
		$this->flush_caches();
		$this->assertFalse( $this->data( $this->rest( 'GET', 'settings' ) )['match_by_sku'], 'nothing saved' );
	}

	public function test_wrong_types_are_400_with_params(): void {
		$this->as_role( 'administrator' );
		$response = $this->rest( 'PUT', 'settings', array( 'stock_mode' => 'everywhere', 'locked_fields' => array( 'password' ) ) );
		$this->assertSame( 400, $response->get_status() );
		$data = $this->data( $response );
		$this->assertSame( 'kiotviet_sync_invalid_field', $data['code'] );
		$this->assertArrayHasKey( 'stock_mode', $data['data']['params'] );
	}

	public function test_extra_keys_are_rejected(): void {
		$this->as_role( 'administrator' );
		$response = $this->rest( 'PUT', 'settings', array( 'match_by_sku' => true, 'client_secret' => 'x' ) );
		$this->assertSame( 400, $response->get_status() );
		$data = $this->data( $response );
		$this->assertSame( 'kiotviet_sync_invalid_field', $data['code'] );
		$this->assertArrayHasKey( 'client_secret', $data['data']['params'] );
		$this->flush_caches();
		$this->assertFalse( $this->data( $this->rest( 'GET', 'settings' ) )['match_by_sku'] );
	}

	public function test_saving_reschedules_the_prune_job(): void {
		$this->as_role( 'administrator' );
		$scheduler = Plugin::instance()->services()->scheduler();
		$scheduler->unschedule_all( 'kiotviet_sync_prune_history' );
		$this->assertSame( 200, $this->rest( 'PUT', 'settings', array( 'history_retention_days' => 7 ) )->get_status() );
		$this->assertTrue( $scheduler->is_scheduled( 'kiotviet_sync_prune_history' ) );
	}
}
