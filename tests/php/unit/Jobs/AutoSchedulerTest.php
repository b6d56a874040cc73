<?php
/**
 * Tests for AutoScheduler: Action Scheduler once ready, WP-Cron before, WP-Cron jobs moved over.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Jobs;

use KiotVietSync\Jobs\AutoScheduler;
use PHPUnit\Framework\TestCase;

final class AutoSchedulerTest extends TestCase {

	/** @var MemoryScheduler */
	private MemoryScheduler $cron;

	/** @var MemoryScheduler */
	private MemoryScheduler $action_scheduler;

	/** @var bool */
	private bool $ready = false;

	private function scheduler(): AutoScheduler {
		$this->cron             = new MemoryScheduler();
		$this->action_scheduler = new MemoryScheduler();
		return new AutoScheduler(
			$this->cron,
			$this->action_scheduler,
			fn (): bool => $this->ready,
			static fn (): int => 1000
		);
	}

	public function test_jobs_go_to_wp_cron_until_action_scheduler_is_ready_then_to_action_scheduler(): void {
		$scheduler = $this->scheduler();

		$scheduler->schedule_single( 'kiotviet_sync_a' );
		self::assertSame( $this->cron, $scheduler->current() );
		self::assertFalse( $scheduler->uses_action_scheduler() );
		self::assertCount( 1, $this->cron->jobs );
		self::assertCount( 0, $this->action_scheduler->jobs );

		$this->ready = true;
		$scheduler->schedule_single( 'kiotviet_sync_b', array( 7 ), 30 );
		self::assertSame( $this->action_scheduler, $scheduler->current() );
		self::assertCount( 1, $this->cron->jobs );
		self::assertSame( array( array( 'hook' => 'kiotviet_sync_b', 'args' => array( 7 ), 'timestamp' => 1030, 'interval' => null ) ), $this->action_scheduler->jobs );
	}

	public function test_unique_and_recurring_jobs_are_not_doubled_across_schedulers(): void {
		$scheduler = $this->scheduler();
		$scheduler->schedule_recurring( 'kiotviet_sync_reconcile', 900 );
		$this->ready = true;
		$scheduler->schedule_recurring( 'kiotviet_sync_reconcile', 900 );
		$scheduler->schedule_single( 'kiotviet_sync_reconcile', array(), 0, true );
		self::assertCount( 1, $this->cron->jobs );
		self::assertCount( 0, $this->action_scheduler->jobs );
		self::assertTrue( $scheduler->is_scheduled( 'kiotviet_sync_reconcile' ) );

		$scheduler->unschedule_all();
		self::assertFalse( $scheduler->is_scheduled( 'kiotviet_sync_reconcile' ) );
	}

	public function test_nothing_is_drained_while_action_scheduler_is_not_ready(): void {
		$scheduler = $this->scheduler();
		$scheduler->schedule_single( 'kiotviet_sync_run_step', array( 5 ) );
		self::assertSame( 0, $scheduler->drain_wp_cron() );
		self::assertCount( 1, $this->cron->jobs );
	}

	public function test_wp_cron_jobs_move_into_action_scheduler_with_their_time_arguments_and_recurrence(): void {
		$scheduler             = $this->scheduler();
		$this->cron->jobs      = array(
			array( 'hook' => 'kiotviet_sync_run_step', 'args' => array( 64 ), 'timestamp' => 900, 'interval' => null ),
			array( 'hook' => 'kiotviet_sync_import_images', 'args' => array(), 'timestamp' => 1120, 'interval' => null ),
			array( 'hook' => 'kiotviet_sync_prune_history', 'args' => array(), 'timestamp' => 4600, 'interval' => 86400 ),
		);
		$this->ready = true;

		self::assertSame( 3, $scheduler->drain_wp_cron() );

		self::assertSame( array(), $this->cron->jobs );
		self::assertSame(
			array(
				array( 'hook' => 'kiotviet_sync_run_step', 'args' => array( 64 ), 'timestamp' => 1000, 'interval' => null ), // Overdue: now.
				array( 'hook' => 'kiotviet_sync_import_images', 'args' => array(), 'timestamp' => 1120, 'interval' => null ),
				array( 'hook' => 'kiotviet_sync_prune_history', 'args' => array(), 'timestamp' => 4600, 'interval' => 86400 ),
			),
			$this->action_scheduler->jobs
		);
		self::assertSame( 0, $scheduler->drain_wp_cron(), 'a second drain finds nothing' );
	}

	public function test_a_job_already_pending_in_action_scheduler_is_not_added_twice(): void {
		$scheduler                    = $this->scheduler();
		$this->action_scheduler->jobs = array(
			array( 'hook' => 'kiotviet_sync_prune_history', 'args' => array(), 'timestamp' => 5000, 'interval' => 86400 ),
		);
		$this->cron->jobs             = array(
			array( 'hook' => 'kiotviet_sync_prune_history', 'args' => array(), 'timestamp' => 4600, 'interval' => 86400 ),
			array( 'hook' => 'kiotviet_sync_run_step', 'args' => array( 3 ), 'timestamp' => 1000, 'interval' => null ),
		);
		$this->ready                  = true;

		self::assertSame( 2, $scheduler->drain_wp_cron() );
		self::assertSame( array(), $this->cron->jobs );
		self::assertCount( 2, $this->action_scheduler->jobs );
		self::assertSame( 5000, $this->action_scheduler->jobs[0]['timestamp'] );
		self::assertTrue( $this->action_scheduler->is_scheduled( 'kiotviet_sync_run_step', array( 3 ) ) );
	}

	public function test_a_unique_job_for_action_scheduler_is_left_to_its_atomic_unique_insert_without_a_look_up_first(): void {
		// Checkout enqueues an order and schedules the queue job: Action Scheduler's unique insert already skips
		// the job when one is pending or running (one INSERT … SELECT … WHERE NOT EXISTS), so a look-up first
		// would be one more query in the customer's request for nothing.
		$cron  = new MemoryScheduler();
		$spy   = new SpyScheduler();
		$auto  = new AutoScheduler( $cron, $spy, static fn (): bool => true, static fn (): int => 1000 );

		$auto->schedule_single( 'kiotviet_sync_order_queue', array(), 0, true );

		self::assertSame( 0, $spy->lookups, 'no is_scheduled() round trip to Action Scheduler' );
		self::assertSame( array( array( 'kiotviet_sync_order_queue', array(), 0, true ) ), $spy->singles, 'scheduled with its unique flag' );

		// A job still pending in WP-Cron (scheduled before Action Scheduler was ready) is not doubled.
		$cron->jobs = array( array( 'hook' => 'kiotviet_sync_x', 'args' => array(), 'timestamp' => 1000, 'interval' => null ) );
		$auto->schedule_single( 'kiotviet_sync_x', array(), 0, true );
		self::assertCount( 1, $spy->singles );
	}
}
