<?php
/**
 * Scheduler that uses Action Scheduler once it is ready and WP-Cron otherwise.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Jobs;

use KiotVietSync\Infrastructure\Registerable;

/**
 * Our services are built on `woocommerce_loaded`, before WooCommerce's bundled Action Scheduler has loaded
 * its functions (plugins_loaded) and its data store (init, then `action_scheduler_init`), so the choice
 * cannot be made when the service is built. This scheduler decides on every call: Action Scheduler (group
 * kiotviet-sync) once it is ready, WP-Cron before that and on stores without Action Scheduler.
 *
 * Jobs found in WP-Cron once Action Scheduler is ready (scheduled before `action_scheduler_init`, or by a
 * version of the plugin that used WP-Cron) are moved into Action Scheduler with the same hook, arguments,
 * due time and recurrence (drain_wp_cron(), on every `action_scheduler_init`), so none is lost or doubled.
 * Look-ups and cancellations cover both schedulers.
 */
final class AutoScheduler implements Scheduler, Registerable {

	/**
	 * WP-Cron fallback.
	 *
	 * @var PendingJobSource
	 */
	private PendingJobSource $cron;

	/**
	 * Action Scheduler.
	 *
	 * @var Scheduler
	 */
	private Scheduler $action_scheduler;

	/**
	 * Whether Action Scheduler is ready.
	 *
	 * @var callable(): bool
	 */
	private $ready;

	/**
	 * Current time (seconds).
	 *
	 * @var callable(): int
	 */
	private $now;

	/**
	 * Creates the scheduler.
	 *
	 * @param PendingJobSource      $cron             WP-Cron (WpCronScheduler).
	 * @param Scheduler             $action_scheduler Action Scheduler (ActionSchedulerScheduler).
	 * @param callable(): bool|null $ready            Readiness check; defaults to action_scheduler_ready().
	 * @param callable(): int|null  $now              Clock; defaults to time().
	 */
	public function __construct( PendingJobSource $cron, Scheduler $action_scheduler, ?callable $ready = null, ?callable $now = null ) {
		$this->cron             = $cron;
		$this->action_scheduler = $action_scheduler;
		$this->ready            = $ready ?? array( self::class, 'action_scheduler_ready' );
		$this->now              = $now ?? 'time';
	}

	/**
	 * Whether Action Scheduler can take jobs now: its API is loaded and its data store initialised.
	 */
	public static function action_scheduler_ready(): bool {
		return function_exists( 'as_schedule_single_action' ) && function_exists( 'did_action' ) && did_action( 'action_scheduler_init' ) > 0;
	}

	/**
	 * WP-Cron intervals (whichever scheduler runs: jobs may still be queued there) and the move of WP-Cron
	 * jobs into Action Scheduler when it becomes ready.
	 */
	public function register(): void {
		if ( $this->cron instanceof Registerable ) {
			$this->cron->register();
		}
		if ( did_action( 'action_scheduler_init' ) > 0 ) {
			$this->drain_wp_cron();
			return;
		}
		add_action( 'action_scheduler_init', array( $this, 'drain_wp_cron' ) );
	}

	/**
	 * Whether new jobs go to Action Scheduler right now.
	 */
	public function uses_action_scheduler(): bool {
		return (bool) ( $this->ready )();
	}

	/**
	 * The implementation that takes new jobs right now.
	 */
	public function current(): Scheduler {
		return $this->uses_action_scheduler() ? $this->action_scheduler : $this->cron;
	}

	/**
	 * Moves our WP-Cron jobs into Action Scheduler (no-op until it is ready). A job already pending there
	 * with the same hook and arguments is not added twice.
	 *
	 * @return int Jobs moved or merged.
	 */
	public function drain_wp_cron(): int {
		if ( ! $this->uses_action_scheduler() ) {
			return 0;
		}
		$moved = 0;
		$now   = (int) ( $this->now )();
		foreach ( $this->cron->pending_jobs() as $job ) {
			if ( ! $this->action_scheduler->is_scheduled( $job['hook'], $job['args'] ) ) {
				$delay = max( 0, $job['timestamp'] - $now );
				if ( null === $job['interval'] ) {
					$this->action_scheduler->schedule_single( $job['hook'], $job['args'], $delay );
				} else {
					$this->action_scheduler->schedule_recurring( $job['hook'], $job['interval'], $job['args'], $delay );
				}
			}
			$this->cron->remove_job( $job['hook'], $job['args'], $job['timestamp'] );
			++$moved;
		}
		return $moved;
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
		// WP-Cron is looked up in memory. Action Scheduler is not looked up first: its unique insert skips the
		// job when one is pending or running, in the same query (this runs in checkouts: one query fewer).
		if ( $unique && $this->cron->is_scheduled( $hook, $args ) ) {
			return;
		}
		$this->current()->schedule_single( $hook, $args, $delay, $unique );
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
		$this->current()->schedule_recurring( $hook, $interval, $args, $delay );
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
}
