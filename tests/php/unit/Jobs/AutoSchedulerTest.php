<?php
/**
 * Tests for AutoScheduler's choice between Action Scheduler and WP-Cron.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Jobs;

use KiotVietSync\Jobs\AutoScheduler;
use KiotVietSync\Jobs\Scheduler;
use PHPUnit\Framework\TestCase;

final class AutoSchedulerTest extends TestCase {

	/**
	 * A scheduler that records calls.
	 */
	private function recorder(): Scheduler {
		return new class () implements Scheduler {
			/** @var array<int, array<mixed>> */
			public array $calls = array();
			/** @var array<string, bool> */
			public array $pending = array();
			public function schedule_single( string $hook, array $args = array(), int $delay = 0, bool $unique = false ): void {
				$this->calls[]          = array( 'single', $hook, $args );
				$this->pending[ $hook ] = true;
			}
			public function schedule_recurring( string $hook, int $interval, array $args = array(), int $delay = 0 ): void {
				$this->calls[]          = array( 'recurring', $hook, $interval );
				$this->pending[ $hook ] = true;
			}
			public function unschedule_all( ?string $hook = null ): void {
				$this->calls[] = array( 'unschedule', $hook );
				$this->pending = array();
			}
			public function is_scheduled( string $hook, ?array $args = null ): bool {
				return isset( $this->pending[ $hook ] );
			}
		};
	}

	public function test_jobs_go_to_wp_cron_until_action_scheduler_is_ready_then_to_action_scheduler(): void {
		$cron_calls = $this->recorder();
		$as         = $this->recorder();
		$ready      = false;
		$scheduler  = new AutoScheduler( $cron_calls, $as, static function () use ( &$ready ): bool {
			return $ready;
		} );

		$scheduler->schedule_single( 'kiotviet_sync_a' );
		$this->assertCount( 1, $cron_calls->calls );
		$this->assertCount( 0, $as->calls );

		$ready = true;
		$scheduler->schedule_single( 'kiotviet_sync_b' );
		$this->assertCount( 1, $cron_calls->calls );
		$this->assertSame( array( array( 'single', 'kiotviet_sync_b', array() ) ), $as->calls );
	}

	public function test_unique_and_recurring_jobs_are_not_doubled_across_schedulers(): void {
		$cron_calls = $this->recorder();
		$as         = $this->recorder();
		$ready      = false;
		$scheduler  = new AutoScheduler( $cron_calls, $as, static function () use ( &$ready ): bool {
			return $ready;
		} );
		$scheduler->schedule_recurring( 'kiotviet_sync_reconcile', 900 );
		$ready = true;
		$scheduler->schedule_recurring( 'kiotviet_sync_reconcile', 900 );
		$scheduler->schedule_single( 'kiotviet_sync_reconcile', array(), 0, true );
		$this->assertCount( 1, $cron_calls->calls );
		$this->assertCount( 0, $as->calls );
		$this->assertTrue( $scheduler->is_scheduled( 'kiotviet_sync_reconcile' ) );

		$scheduler->unschedule_all();
		$this->assertFalse( $scheduler->is_scheduled( 'kiotviet_sync_reconcile' ) );
		$this->assertSame( array( 'unschedule', null ), $as->calls[0] );
	}
}
