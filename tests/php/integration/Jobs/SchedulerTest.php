<?php
/**
 * Which scheduler background jobs go through: Action Scheduler on real WooCommerce, WP-Cron on the stand-in.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Integration\Jobs;

use KiotVietSync\Jobs\ActionSchedulerScheduler;
use KiotVietSync\Jobs\AutoScheduler;
use KiotVietSync\Jobs\Scheduler;
use KiotVietSync\Jobs\WpCronScheduler;
use KiotVietSync\Plugin;
use KiotVietSync\Tests\Integration\TestCase;

/**
 * The plugin's scheduler service against the store's real scheduling back end.
 */
final class SchedulerTest extends TestCase {

	private function scheduler(): AutoScheduler {
		$plugin = Plugin::instance();
		self::assertNotNull( $plugin );
		return $plugin->services()->scheduler();
	}

	private function require_real_woocommerce(): void {
		if ( ! $this->is_real_woocommerce() ) {
			self::markTestSkipped( 'Real WooCommerce only (bundles Action Scheduler); this site runs the stand-in.' );
		}
	}

	/**
	 * Pending actions of ours in Action Scheduler's own table.
	 *
	 * @param string $hook Hook.
	 * @return array<int, object>
	 */
	private function action_rows( string $hook ): array {
		global $wpdb;
		return (array) $wpdb->get_results(
			$wpdb->prepare(
				"SELECT a.hook, a.status, a.args, a.schedule, g.slug AS group_slug FROM {$wpdb->actionscheduler_actions} a LEFT JOIN {$wpdb->actionscheduler_groups} g ON g.group_id = a.group_id WHERE a.hook = %s AND a.status = 'pending'",
				$hook
			)
		);
	}

	public function test_on_real_woocommerce_jobs_go_to_action_scheduler_and_can_be_unscheduled(): void {
		$this->require_real_woocommerce();
		$scheduler = $this->scheduler();

		self::assertTrue( did_action( 'action_scheduler_init' ) > 0, 'Action Scheduler initialised before the tests' );
		self::assertTrue( $scheduler->uses_action_scheduler() );
		self::assertInstanceOf( ActionSchedulerScheduler::class, $scheduler->current() );

		$before = time();
		$scheduler->schedule_single( 'kiotviet_sync_test_job', array( 7 ), 120, true );
		$scheduler->schedule_single( 'kiotviet_sync_test_job', array( 7 ), 120, true );

		$next = as_next_scheduled_action( 'kiotviet_sync_test_job', array( 7 ), Scheduler::GROUP );
		self::assertIsInt( $next );
		self::assertGreaterThanOrEqual( $before + 120, $next );
		self::assertFalse( wp_next_scheduled( 'kiotviet_sync_test_job', array( 7 ) ), 'not in WP-Cron' );
		$rows = $this->action_rows( 'kiotviet_sync_test_job' );
		self::assertCount( 1, $rows, 'unique: scheduled once' );
		self::assertSame( Scheduler::GROUP, $rows[0]->group_slug );
		self::assertSame( array( 7 ), json_decode( (string) $rows[0]->args, true ) );
		self::assertTrue( $scheduler->is_scheduled( 'kiotviet_sync_test_job', array( 7 ) ) );
		self::assertTrue( $scheduler->is_scheduled( 'kiotviet_sync_test_job' ) );

		$scheduler->schedule_recurring( 'kiotviet_sync_test_recurring', 900 );
		$recurring = $this->action_rows( 'kiotviet_sync_test_recurring' );
		self::assertCount( 1, $recurring );
		self::assertStringContainsString( 'IntervalSchedule', (string) $recurring[0]->schedule );
		self::assertFalse( wp_next_scheduled( 'kiotviet_sync_test_recurring' ) );

		$scheduler->unschedule_all( 'kiotviet_sync_test_job' );
		self::assertFalse( as_next_scheduled_action( 'kiotviet_sync_test_job', null, Scheduler::GROUP ) );
		self::assertFalse( $scheduler->is_scheduled( 'kiotviet_sync_test_job' ) );
		self::assertSame( array(), $this->action_rows( 'kiotviet_sync_test_job' ) );
		self::assertTrue( $scheduler->is_scheduled( 'kiotviet_sync_test_recurring' ), 'other hooks stay' );

		$scheduler->unschedule_all();
		self::assertFalse( as_next_scheduled_action( 'kiotviet_sync_test_recurring', null, Scheduler::GROUP ) );
	}

	public function test_on_real_woocommerce_jobs_left_in_wp_cron_move_to_action_scheduler(): void {
		$this->require_real_woocommerce();
		$scheduler = $this->scheduler();
		self::assertNotFalse( has_action( 'action_scheduler_init', array( $scheduler, 'drain_wp_cron' ) ), 'drained on every action_scheduler_init' );

		// As queued by an earlier version of the plugin (WP-Cron only), or before Action Scheduler was ready.
		$due = time() + 600;
		wp_schedule_single_event( $due, 'kiotviet_sync_test_legacy', array( 42 ) );
		wp_schedule_event( $due + 60, 'daily', 'kiotviet_sync_test_legacy_recurring' );
		wp_schedule_single_event( $due, 'someone_elses_job' );
		self::assertTrue( $scheduler->is_scheduled( 'kiotviet_sync_test_legacy', array( 42 ) ), 'seen before the move too' );

		self::assertSame( 2, $scheduler->drain_wp_cron() );

		self::assertFalse( wp_next_scheduled( 'kiotviet_sync_test_legacy', array( 42 ) ) );
		self::assertFalse( wp_next_scheduled( 'kiotviet_sync_test_legacy_recurring' ) );
		self::assertNotFalse( wp_next_scheduled( 'someone_elses_job' ), 'other plugins\' WP-Cron jobs stay' );
		// Same due time (to the second: the move goes through "delay from now", and a second may tick).
		self::assertEqualsWithDelta( $due, as_next_scheduled_action( 'kiotviet_sync_test_legacy', array( 42 ), Scheduler::GROUP ), 1 );
		self::assertEqualsWithDelta( $due + 60, as_next_scheduled_action( 'kiotviet_sync_test_legacy_recurring', array(), Scheduler::GROUP ), 1 );
		$recurring = $this->action_rows( 'kiotviet_sync_test_legacy_recurring' );
		self::assertCount( 1, $recurring );
		self::assertStringContainsString( 'IntervalSchedule', (string) $recurring[0]->schedule );
		self::assertStringContainsString( '86400', (string) $recurring[0]->schedule );

		self::assertSame( 0, $scheduler->drain_wp_cron(), 'nothing left to move' );
		wp_clear_scheduled_hook( 'someone_elses_job' );
	}

	public function test_on_the_stand_in_jobs_go_to_wp_cron(): void {
		if ( $this->is_real_woocommerce() ) {
			self::markTestSkipped( 'Stand-in only: real WooCommerce bundles Action Scheduler.' );
		}
		$scheduler = $this->scheduler();
		self::assertFalse( function_exists( 'as_schedule_single_action' ) );
		self::assertFalse( $scheduler->uses_action_scheduler() );
		self::assertInstanceOf( WpCronScheduler::class, $scheduler->current() );

		$scheduler->schedule_single( 'kiotviet_sync_test_job', array( 7 ), 120, true );
		$scheduler->schedule_recurring( 'kiotviet_sync_test_recurring', 900 );
		self::assertNotFalse( wp_next_scheduled( 'kiotviet_sync_test_job', array( 7 ) ) );
		self::assertSame( 'kiotviet_sync_15min', wp_get_schedule( 'kiotviet_sync_test_recurring' ) );
		self::assertSame( 0, $scheduler->drain_wp_cron(), 'nothing to move without Action Scheduler' );
		self::assertNotFalse( wp_next_scheduled( 'kiotviet_sync_test_job', array( 7 ) ) );

		$scheduler->unschedule_all( 'kiotviet_sync_test_job' );
		self::assertFalse( wp_next_scheduled( 'kiotviet_sync_test_job', array( 7 ) ) );
		self::assertNotFalse( wp_next_scheduled( 'kiotviet_sync_test_recurring' ) );
		$scheduler->unschedule_all();
		self::assertFalse( wp_next_scheduled( 'kiotviet_sync_test_recurring' ) );
	}

	public function test_health_queue_counts_pending_jobs_in_the_scheduler_in_use(): void {
		$this->as_role( 'administrator' );
		$pending = function (): int {
			$data = (array) json_decode( (string) wp_json_encode( $this->rest( 'GET', 'health' )->get_data() ), true );
			return (int) $data['queue']['pending'];
		};
		$before = $pending();
		$this->scheduler()->schedule_single( 'kiotviet_sync_test_job', array( 1 ), 600 );
		$this->scheduler()->schedule_single( 'kiotviet_sync_test_job', array( 2 ), 600 );
		self::assertSame( $before + 2, $pending() );
		if ( $this->is_real_woocommerce() ) {
			// A job still in WP-Cron (not moved yet) is counted too.
			wp_schedule_single_event( time() + 600, 'kiotviet_sync_test_legacy' );
			self::assertSame( $before + 3, $pending() );
		}
	}

	/** A test that commits (as the webhook tests do for the site's receiver) must not leave jobs behind. */
	public function test_a_job_committed_by_a_test_is_removed_after_it(): void {
		global $wpdb;
		$this->scheduler()->schedule_single( 'kiotviet_sync_test_committed', array( 99 ), 3600 );
		$wpdb->query( 'COMMIT' );
		$wpdb->query( 'START TRANSACTION' );
		$this->flush_caches();
		self::assertTrue( $this->scheduler()->is_scheduled( 'kiotviet_sync_test_committed', array( 99 ) ) );
	}

	/**
	 * @depends test_a_job_committed_by_a_test_is_removed_after_it
	 */
	public function test_the_next_test_does_not_see_the_committed_job(): void {
		global $wpdb;
		self::assertFalse( $this->scheduler()->is_scheduled( 'kiotviet_sync_test_committed' ) );
		self::assertFalse( wp_next_scheduled( 'kiotviet_sync_test_committed', array( 99 ) ) );
		if ( $this->is_real_woocommerce() ) {
			self::assertSame( '0', (string) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->actionscheduler_actions} WHERE hook = %s", 'kiotviet_sync_test_committed' ) ) );
		}
	}
}
