<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Jobs;

use KiotVietSync\Jobs\ActionSchedulerCalls;
use KiotVietSync\Jobs\ActionSchedulerScheduler;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/ActionSchedulerShims.php';

/**
 * Every action goes into the kiotviet-sync group; unschedule_all() without a hook cancels the group.
 */
final class ActionSchedulerSchedulerTest extends TestCase {

	protected function setUp(): void {
		ActionSchedulerCalls::$calls   = array();
		ActionSchedulerCalls::$pending = array();
		ActionSchedulerCalls::$running = array();
	}

	public function test_single_actions_use_our_group_and_unique_flag(): void {
		$before = time();
		( new ActionSchedulerScheduler() )->schedule_single( 'kiotviet_sync_import_batch', array( 'cursor' => 100 ), 30, true );

		list( $fn, $args ) = ActionSchedulerCalls::$calls[0];
		self::assertSame( 'KiotVietSync\Jobs\as_schedule_single_action', $fn );
		self::assertGreaterThanOrEqual( $before + 30, $args[0] );
		self::assertSame( array( 'kiotviet_sync_import_batch', array( 'cursor' => 100 ), 'kiotviet-sync', true ), array_slice( $args, 1 ) );
	}

	public function test_recurring_actions_are_not_duplicated(): void {
		$scheduler = new ActionSchedulerScheduler();
		$scheduler->schedule_recurring( 'kiotviet_sync_reconcile', 900 );
		$scheduler->schedule_recurring( 'kiotviet_sync_reconcile', 900 );

		$scheduled = array_values(
			array_filter(
				ActionSchedulerCalls::$calls,
				static function ( array $call ): bool {
					return 'KiotVietSync\Jobs\as_schedule_recurring_action' === $call[0];
				}
			)
		);
		self::assertCount( 1, $scheduled );
		self::assertSame( array( 900, 'kiotviet_sync_reconcile', array(), 'kiotviet-sync', true ), array_slice( $scheduled[0][1], 1 ) );
		self::assertTrue( $scheduler->is_scheduled( 'kiotviet_sync_reconcile' ) );
	}

	public function test_unschedule_all_cancels_the_group_or_one_hook(): void {
		$scheduler = new ActionSchedulerScheduler();
		$scheduler->schedule_single( 'kiotviet_sync_a' );
		$scheduler->schedule_single( 'kiotviet_sync_b' );

		$scheduler->unschedule_all( 'kiotviet_sync_a' );
		self::assertFalse( $scheduler->is_scheduled( 'kiotviet_sync_a' ) );
		self::assertTrue( $scheduler->is_scheduled( 'kiotviet_sync_b' ) );

		$scheduler->unschedule_all();
		$last = end( ActionSchedulerCalls::$calls );
		self::assertFalse( $scheduler->is_scheduled( 'kiotviet_sync_b' ) );
		$unschedules = array_values(
			array_filter(
				ActionSchedulerCalls::$calls,
				static function ( array $call ): bool {
					return 'KiotVietSync\Jobs\as_unschedule_all_actions' === $call[0];
				}
			)
		);
		// One hook: no group and no arguments, so Action Scheduler cancels it whatever its arguments.
		self::assertSame( array( 'kiotviet_sync_a' ), $unschedules[0][1] );
		self::assertSame( array( '', array(), 'kiotviet-sync' ), $unschedules[1][1] );
		self::assertNotFalse( $last );
	}

	public function test_a_job_scheduling_its_own_next_run_while_it_runs_gets_that_run_once(): void {
		// The order queue runs as an Action Scheduler action and schedules its next run (a retry, or an order
		// enqueued while it ran). Its own running action must not swallow that run.
		$running                       = array( 'kiotviet_sync_order_queue' => true );
		ActionSchedulerCalls::$running = $running;
		$scheduler                     = new ActionSchedulerScheduler(
			static function ( string $hook ) use ( $running ): bool {
				return isset( $running[ $hook ] );
			}
		);

		$scheduler->schedule_single( 'kiotviet_sync_order_queue', array(), 30, true );
		$scheduler->schedule_single( 'kiotviet_sync_order_queue', array(), 30, true );
		$scheduler->schedule_single( 'kiotviet_sync_import_images', array(), 0, true );
		$scheduler->schedule_single( 'kiotviet_sync_import_images', array(), 0, true );

		$inserted = array_values(
			array_filter(
				ActionSchedulerCalls::$calls,
				static function ( array $call ): bool {
					return 'KiotVietSync\Jobs\as_schedule_single_action' === $call[0] && 'kiotviet_sync_order_queue' === $call[1][1];
				}
			)
		);
		self::assertCount( 1, $inserted, 'one follow-up run, not two' );
		self::assertFalse( $inserted[0][1][4], 'inserted without Action Scheduler\'s unique check, which counts the running action' );
		self::assertTrue( ActionSchedulerCalls::$pending['kiotviet_sync_order_queue'] ?? false, 'the follow-up run is pending' );
		$images = array_values(
			array_filter(
				ActionSchedulerCalls::$calls,
				static function ( array $call ): bool {
					return 'KiotVietSync\Jobs\as_schedule_single_action' === $call[0] && 'kiotviet_sync_import_images' === $call[1][1];
				}
			)
		);
		self::assertTrue( $images[0][1][4], 'other hooks keep the atomic unique insert' );
	}
}
