<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Admin;

use KiotVietSync\Admin\HealthCheck;
use PHPUnit\Framework\TestCase;

final class HealthCheckTest extends TestCase {

	/**
	 * @return array<string, mixed>
	 */
	private static function report( array $overrides = array() ): array {
		return array_replace_recursive(
			array(
				'webhooks' => null,
				'queue'    => array( 'pending' => 0, 'failed' => 0 ),
				'api'      => array( 'get_calls_last_hour' => 10, 'budget' => 5000 ),
				'cron'     => array( 'wp_cron_disabled' => false, 'action_scheduler' => true ),
			),
			$overrides
		);
	}

	public function test_healthy_has_no_problems(): void {
		$this->assertSame( array(), HealthCheck::problems( self::report(), true ) );
	}

	public function test_each_problem(): void {
		$codes = static function ( array $problems ): array {
			return array_column( $problems, 'code' );
		};
		$this->assertSame( array( 'token_unreadable' ), $codes( HealthCheck::problems( self::report(), false ) ) );
		$this->assertSame( array( 'jobs_failed' ), $codes( HealthCheck::problems( self::report( array( 'queue' => array( 'failed' => 2 ) ) ), true ) ) );
		$this->assertSame( array( 'budget_high' ), $codes( HealthCheck::problems( self::report( array( 'api' => array( 'get_calls_last_hour' => 4501 ) ) ), true ) ) );
		$this->assertSame( array(), $codes( HealthCheck::problems( self::report( array( 'api' => array( 'get_calls_last_hour' => 4500 ) ) ), true ) ) );
		$this->assertSame( array( 'cron_disabled' ), $codes( HealthCheck::problems( self::report( array( 'cron' => array( 'wp_cron_disabled' => true, 'action_scheduler' => false ) ) ), true ) ) );
		$this->assertSame( array(), $codes( HealthCheck::problems( self::report( array( 'cron' => array( 'wp_cron_disabled' => true ) ) ), true ) ) );
		$webhooks = array(
			'webhooks' => array(
				'subscriptions_active'   => 2,
				'subscriptions_expected' => 3,
				'last_delivery_at'       => null,
			),
		);
		$this->assertSame( array( 'webhooks_inactive' ), $codes( HealthCheck::problems( self::report( $webhooks ), true ) ) );
	}
}
