<?php
/**
 * Scheduler that picks Action Scheduler or WP-Cron when a job is scheduled.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Jobs;

use KiotVietSync\Infrastructure\Registerable;

/**
 * Our services are built on `woocommerce_loaded`, before Action Scheduler has loaded its functions
 * (it initialises later on plugins_loaded and is ready after `action_scheduler_init`), so the choice
 * cannot be made when the service is built. This scheduler decides on every call: Action Scheduler
 * (group kiotviet-sync) once it is ready, WP-Cron otherwise. Look-ups and cancellations cover both,
 * so a job scheduled early through WP-Cron is neither lost nor scheduled twice.
 */
final class AutoScheduler implements Scheduler, Registerable {

	/**
	 * WP-Cron fallback.
	 *
	 * @var Scheduler
	 */
	private Scheduler $cron;

	/**
	 * Action Scheduler.
	 *
	 * @var Scheduler
	 */
	private Scheduler $action_scheduler;

	/**
	 * Whether Action Scheduler is ready (injectable for tests).
	 *
	 * @var callable(): bool
	 */
	private $ready;

	/**
	 * Creates the scheduler.
	 *
	 * @param Scheduler           $cron             WP-Cron fallback (WpCronScheduler).
	 * @param Scheduler           $action_scheduler Action Scheduler implementation.
	 * @param callable(): bool|null $ready          Readiness check; defaults to Action Scheduler's functions and init.
	 */
	public function __construct( Scheduler $cron, Scheduler $action_scheduler, ?callable $ready = null ) {
		$this->cron             = $cron;
		$this->action_scheduler = $action_scheduler;
		$this->ready            = $ready ?? array( self::class, 'action_scheduler_ready' );
	}

	/**
	 * Whether Action Scheduler can take jobs now.
	 */
	public static function action_scheduler_ready(): bool {
		return function_exists( 'as_schedule_single_action' ) && function_exists( 'did_action' ) && did_action( 'action_scheduler_init' ) > 0;
	}

	/**
	 * WP-Cron needs our recurrence intervals whichever scheduler runs.
	 */
	public function register(): void {
		if ( $this->cron instanceof Registerable ) {
			$this->cron->register();
		}
	}

	/**
	 * Whether jobs go to Action Scheduler right now.
	 */
	public function uses_action_scheduler(): bool {
		return (bool) ( $this->ready )();
	}

	/**
	 * Runs a hook once after a delay.
	 *
	 * @param string       $hook   Hook name.
	 * @param array<mixed> $args   Arguments.
	 * @param int          $delay  Seconds from now.
	 * @param bool         $unique Skip when pending in either scheduler.
	 */
	public function schedule_single( string $hook, array $args = array(), int $delay = 0, bool $unique = false ): void {
		if ( $unique && $this->is_scheduled( $hook, $args ) ) {
			return;
		}
		$this->active()->schedule_single( $hook, $args, $delay, $unique );
	}

	/**
	 * Runs a hook repeatedly (once: an existing schedule in either scheduler is kept).
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
		$this->active()->schedule_recurring( $hook, $interval, $args, $delay );
	}

	/**
	 * Cancels pending runs in both schedulers.
	 *
	 * @param string|null $hook Hook name, null for all of ours.
	 */
	public function unschedule_all( ?string $hook = null ): void {
		$this->cron->unschedule_all( $hook );
		if ( $this->uses_action_scheduler() ) {
			$this->action_scheduler->unschedule_all( $hook );
		}
	}

	/**
	 * Whether a hook is pending in either scheduler.
	 *
	 * @param string            $hook Hook name.
	 * @param array<mixed>|null $args Arguments, null for any.
	 */
	public function is_scheduled( string $hook, ?array $args = null ): bool {
		if ( $this->cron->is_scheduled( $hook, $args ) ) {
			return true;
		}
		return $this->uses_action_scheduler() && $this->action_scheduler->is_scheduled( $hook, $args );
	}

	/**
	 * The scheduler that takes new jobs now.
	 */
	private function active(): Scheduler {
		return $this->uses_action_scheduler() ? $this->action_scheduler : $this->cron;
	}
}
