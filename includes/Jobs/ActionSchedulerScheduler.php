<?php
/**
 * Action Scheduler implementation.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Jobs;

/**
 * Schedules through Action Scheduler (bundled with WooCommerce) in the kiotviet-sync group,
 * so runs, failures and logs show under Tools → Scheduled Actions.
 */
final class ActionSchedulerScheduler implements Scheduler {

	/**
	 * Whether a hook's callbacks are running right now (WordPress's doing_action()).
	 *
	 * @var callable(string): bool
	 */
	private $running;

	/**
	 * Creates the scheduler.
	 *
	 * @param (callable(string): bool)|null $running Whether a hook is running now; defaults to doing_action().
	 */
	public function __construct( ?callable $running = null ) {
		$this->running = $running ?? static function ( string $hook ): bool {
			return function_exists( 'doing_action' ) && doing_action( $hook );
		};
	}

	/**
	 * Runs a hook once after a delay.
	 *
	 * Unique: Action Scheduler skips the insert when an action of the hook is pending or running. From inside a
	 * run of that very hook (the order queue scheduling its next run after a retry, or for an order enqueued
	 * while it ran) the running action would swallow the follow-up, and the work would wait for some later
	 * trigger; there only a pending action counts.
	 *
	 * @param string       $hook   Hook name.
	 * @param array<mixed> $args   Arguments.
	 * @param int          $delay  Seconds from now.
	 * @param bool         $unique Skip when pending.
	 */
	public function schedule_single( string $hook, array $args = array(), int $delay = 0, bool $unique = false ): void {
		if ( $unique && ( $this->running )( $hook ) ) {
			if ( $this->is_pending( $hook ) ) {
				return;
			}
			$unique = false;
		}
		as_schedule_single_action( time() + max( 0, $delay ), $hook, $args, self::GROUP, $unique );
	}

	/**
	 * Whether an action of the hook waits to run (running ones do not count).
	 *
	 * @param string $hook Hook name.
	 */
	private function is_pending( string $hook ): bool {
		$ids = as_get_scheduled_actions(
			array(
				'hook'     => $hook,
				'group'    => self::GROUP,
				'status'   => 'pending',
				'per_page' => 1,
			),
			'ids'
		);
		return is_array( $ids ) && array() !== $ids;
	}

	/**
	 * Runs a hook repeatedly.
	 *
	 * @param string       $hook     Hook name.
	 * @param int          $interval Seconds between runs.
	 * @param array<mixed> $args     Arguments.
	 * @param int          $delay    Seconds until the first run.
	 */
	public function schedule_recurring( string $hook, int $interval, array $args = array(), int $delay = 0 ): void {
		if ( $this->is_scheduled( $hook, $args ) ) {
			return;
		}
		as_schedule_recurring_action( time() + max( 0, $delay ), max( 60, $interval ), $hook, $args, self::GROUP, true );
	}

	/**
	 * Cancels pending runs of one hook or of the whole group.
	 *
	 * @param string|null $hook Hook name, null for all.
	 */
	public function unschedule_all( ?string $hook = null ): void {
		if ( null !== $hook ) {
			// Hook without a group: Action Scheduler cancels every action of the hook, whatever its arguments
			// (with a group it would match only actions whose arguments are empty). Our hooks are prefixed.
			as_unschedule_all_actions( $hook );
			return;
		}
		// With an empty hook Action Scheduler cancels the whole group.
		as_unschedule_all_actions( '', array(), self::GROUP );
	}

	/**
	 * Whether a hook is pending.
	 *
	 * @param string            $hook Hook name.
	 * @param array<mixed>|null $args Arguments, null for any.
	 */
	public function is_scheduled( string $hook, ?array $args = null ): bool {
		if ( function_exists( 'as_has_scheduled_action' ) ) {
			return as_has_scheduled_action( $hook, $args, self::GROUP );
		}
		return false !== as_next_scheduled_action( $hook, $args, self::GROUP );
	}
}
