<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Admin;

use KiotVietSync\Admin\HealthNotice;
use KiotVietSync\Plugin;
use KiotVietSync\Storage\Settings;
use KiotVietSync\Tests\Integration\TestCase;
use WP_REST_Response;

/**
 * GET /health and the health admin notice.
 */
final class HealthControllerTest extends TestCase {

	protected function tearDown(): void {
		remove_all_filters( 'kiotviet_sync_health_webhooks' );
		delete_transient( HealthNotice::TRANSIENT );
		parent::tearDown();
	}

	/**
	 * @return array<string, mixed>
	 */
	private function data( WP_REST_Response $response ): array {
		return (array) json_decode( (string) wp_json_encode( $response->get_data() ), true );
	}

	public function test_shape(): void {
		$this->as_role( 'shop_manager' );
		delete_option( Settings::CALL_BUDGET );
		$response = $this->rest( 'GET', 'health' );
		$this->assertSame( 200, $response->get_status() );
		$data = $this->data( $response );
		$this->assertSame( array( 'connection', 'webhooks', 'queue', 'api', 'cron', 'problems' ), array_keys( $data ) );
		$this->assertSame( array( 'state', 'retailer', 'token_expires_at' ), array_keys( $data['connection'] ) );
		$this->assertContains( $data['connection']['state'], array( 'not_connected', 'needs_branch', 'ready' ) );
		$this->assertSame( array( 'pending', 'failed' ), array_keys( $data['queue'] ) );
		$this->assertIsInt( $data['queue']['pending'] );
		$this->assertSame( array( 'get_calls_last_hour' => 0, 'budget' => 5000 ), $data['api'] );
		$this->assertIsBool( $data['cron']['wp_cron_disabled'] );
		$this->assertIsBool( $data['cron']['action_scheduler'] );
		$this->assertIsArray( $data['problems'] );
		$this->assertStringNotContainsString( 'secret', strtolower( (string) wp_json_encode( $data ) ) );
	}

	public function test_webhooks_and_budget_problems(): void {
		$this->as_role( 'administrator' );
		add_filter(
			'kiotviet_sync_health_webhooks',
			static function () {
				return array(
					'subscriptions_active'   => 1,
					'subscriptions_expected' => 3,
					'last_delivery_at'       => '2026-11-29T08:00:00+00:00',
				);
			}
		);
		update_option( Settings::CALL_BUDGET, array( intdiv( time(), 60 ) => 4600 ), false );
		$this->flush_caches();
		$data = $this->data( $this->rest( 'GET', 'health' ) );
		$this->assertSame( 1, $data['webhooks']['subscriptions_active'] );
		$this->assertSame( 4600, $data['api']['get_calls_last_hour'] );
		$codes = array_column( $data['problems'], 'code' );
		$this->assertContains( 'webhooks_inactive', $codes );
		$this->assertContains( 'budget_high', $codes );
		foreach ( $data['problems'] as $problem ) {
			$this->assertNotSame( '', $problem['message'] );
		}
	}

	public function test_unreadable_token_is_a_problem(): void {
		$this->as_role( 'administrator' );
		update_option( Settings::ACCESS_TOKEN, 'not-a-ciphertext', false );
		$this->flush_caches();
		$codes = array_column( $this->data( $this->rest( 'GET', 'health' ) )['problems'], 'code' );
		$this->assertContains( 'token_unreadable', $codes );
	}

	public function test_notice_only_for_managers_and_only_with_problems_escaped(): void {
		$notice = Plugin::instance()->services()->health_notice();

		set_transient( HealthNotice::TRANSIENT, array(), 300 );
		$this->as_role( 'administrator' );
		$this->assertSame( '', $this->render( $notice ), 'no problems, no notice' );

		set_transient(
			HealthNotice::TRANSIENT,
			array(
				array(
					'code'    => 'x',
					'message' => '<script>alert(1)</script> Webhooks inactive',
				),
			),
			300
		);
		$html = $this->render( $notice );
		$this->assertStringContainsString( 'Webhooks inactive', $html );
		$this->assertStringNotContainsString( '<script>', $html );
		$this->assertStringContainsString( '&lt;script&gt;', $html );

		$this->as_role( 'customer' );
		$this->assertSame( '', $this->render( $notice ) );
		$this->as_role( 'shop_manager' );
		$this->assertNotSame( '', $this->render( $notice ) );
	}

	private function render( HealthNotice $notice ): string {
		ob_start();
		$notice->render();
		return (string) ob_get_clean();
	}
}
