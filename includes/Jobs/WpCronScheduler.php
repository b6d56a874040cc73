<?php
/**
 * WP-Cron fallback implementation.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Jobs;

use KiotVietSync\Infrastructure\Registerable;

/**
 * Schedules through WP-Cron when Action Scheduler is not available (e.g. the WooCommerce stand-in).
 * Recurring jobs use our own named intervals, registered on cron_schedules.
 */
final class WpCronScheduler implements PendingJobSource, Registerable {

	/**
	 * Interval name => seconds, offered to WP-Cron.
	 *
	 * @var array<string, int>
	 */
	/**
	 * True while this scheduler changes the cron array.
	 *
	 * @var bool
	 */
	private $writing = false;

	private const INTERVALS = array(
		'kiotviet_sync_1min'  => 60,
		'kiotviet_sync_5min'  => 300,
		'kiotviet_sync_15min' => 900,
		'kiotviet_sync_30min' => 1800,
		'hourly'              => 3600,
		'twicedaily'          => 43200,
		'daily'               => 86400,
	);

	/**
	 * Adds our intervals to WP-Cron.
	 */
	public function register(): void {
		add_filter( 'cron_schedules', array( $this, 'add_intervals' ) );
		add_filter( 'pre_option_cron', array( $this, 'fresh_cron' ) );
	}

	/**
	 * WP-Cron keeps every event in one autoloaded option that each request reads once and writes back whole. A
	 * long wp-cron.php request (an import slice) that re-schedules from its start-of-request copy wipes events
	 * other requests added meanwhile, e.g. the order queue a checkout has just scheduled. In cron requests, and
	 * while this scheduler writes, the option is therefore read from the database each time.
	 *
	 * @param mixed $pre Short-circuit value (false = none).
	 * @return mixed
	 */
	public function fresh_cron( $pre ) {
		if ( false !== $pre || ( ! $this->writing && ! wp_doing_cron() ) ) {
			return $pre;
		}
		global $wpdb;
		$raw = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s LIMIT 1", 'cron' ) );
		if ( null === $raw ) {
			return $pre;
		}
		$value = maybe_unserialize( (string) $raw );
		return is_array( $value ) ? $value : $pre;
	}

	/**
	 * Runs a change of the cron array with a fresh copy of it (see fresh_cron()).
	 *
	 * @template T
	 * @param callable(): T $change Change.
	 * @return T
	 */
	private function writing( callable $change ) {
		$this->writing = true;
		try {
			return $change();
		} finally {
			$this->writing = false;
		}
	}

	/**
	 * Filter callback for cron_schedules.
	 *
	 * @param mixed $schedules Existing schedules.
	 * @return array<string, array{interval: int, display: string}>
	 */
	public function add_intervals( $schedules ): array {
		$schedules = is_array( $schedules ) ? $schedules : array();
		foreach ( self::INTERVALS as $name => $seconds ) {
			if ( ! isset( $schedules[ $name ] ) ) {
				$schedules[ $name ] = array(
					'interval' => $seconds,
					/* translators: %d: number of minutes. */
					'display'  => sprintf( __( 'Every %d minutes (KiotViet Sync)', 'kiotviet-sync' ), (int) ( $seconds / 60 ) ),
				);
			}
		}
		return $schedules;
	}

	/**
	 * Runs a hook once after a delay.
	 *
	 * @param string       $hook   Hook name.
	 * @param array<mixed> $args   Arguments.
	 * @param int          $delay  Seconds from now.
	 * @param bool         $unique Skip when pending.
	 */
	public function schedule_single( string $hook, array $args = array(), int $delay = 0, bool $unique = false ): void {
		$this->writing(
			function () use ( $hook, $args, $delay, $unique ): void {
				if ( $unique && $this->is_scheduled( $hook, $args ) ) {
					return;
				}
				wp_schedule_single_event( time() + max( 0, $delay ), $hook, $args );
			}
		);
	}

	/**
	 * Runs a hook repeatedly at the closest interval we offer.
	 *
	 * @param string       $hook     Hook name.
	 * @param int          $interval Seconds between runs.
	 * @param array<mixed> $args     Arguments.
	 * @param int          $delay    Seconds until the first run.
	 */
	public function schedule_recurring( string $hook, int $interval, array $args = array(), int $delay = 0 ): void {
		$this->writing(
			function () use ( $hook, $interval, $args, $delay ): void {
				if ( $this->is_scheduled( $hook, $args ) ) {
					return;
				}
				wp_schedule_event( time() + max( 0, $delay ), self::interval_name( $interval ), $hook, $args );
			}
		);
	}

	/**
	 * Cancels pending runs of one hook or of every kiotviet_sync_ hook.
	 *
	 * @param string|null $hook Hook name, null for all.
	 */
	public function unschedule_all( ?string $hook = null ): void {
		if ( null !== $hook ) {
			// Every event of the hook, whatever its arguments (wp_clear_scheduled_hook() matches arguments).
			$this->writing( static fn () => wp_unschedule_hook( $hook ) );
			return;
		}
		$this->writing(
			static function (): void {
				foreach ( self::plugin_hooks() as $plugin_hook ) {
					wp_unschedule_hook( $plugin_hook );
				}
			}
		);
	}

	/**
	 * Whether a hook is pending.
	 *
	 * @param string            $hook Hook name.
	 * @param array<mixed>|null $args Arguments, null for any.
	 */
	public function is_scheduled( string $hook, ?array $args = null ): bool {
		if ( null !== $args ) {
			return false !== wp_next_scheduled( $hook, $args );
		}
		return in_array( $hook, self::plugin_hooks(), true ) || false !== wp_next_scheduled( $hook );
	}

	/**
	 * Pending kiotviet_sync_ events, with their recurrence in seconds (null for one-off events).
	 *
	 * @return list<array{hook: string, args: array<mixed>, timestamp: int, interval: int|null}>
	 */
	public function pending_jobs(): array {
		$jobs  = array();
		$crons = function_exists( '_get_cron_array' ) ? _get_cron_array() : array();
		foreach ( (array) $crons as $timestamp => $events ) {
			foreach ( (array) $events as $hook => $instances ) {
				if ( 0 !== strpos( (string) $hook, self::HOOK_PREFIX ) ) {
					continue;
				}
				foreach ( (array) $instances as $event ) {
					$event    = (array) $event;
					$interval = isset( $event['schedule'] ) && false !== $event['schedule'] && ! empty( $event['interval'] ) ? (int) $event['interval'] : null;
					$jobs[]   = array(
						'hook'      => (string) $hook,
						'args'      => isset( $event['args'] ) ? (array) $event['args'] : array(),
						'timestamp' => (int) $timestamp,
						'interval'  => $interval,
					);
				}
			}
		}
		return $jobs;
	}

	/**
	 * Removes one pending event (a recurring one stops recurring).
	 *
	 * @param string       $hook      Hook name.
	 * @param array<mixed> $args      Arguments.
	 * @param int          $timestamp When it was due.
	 */
	public function remove_job( string $hook, array $args, int $timestamp ): void {
		$this->writing( static fn () => wp_unschedule_event( $timestamp, $hook, $args ) );
	}

	/**
	 * Every kiotviet_sync_ hook currently in the cron array.
	 *
	 * @return string[]
	 */
	public static function plugin_hooks(): array {
		$hooks = array();
		$crons = function_exists( '_get_cron_array' ) ? _get_cron_array() : array();
		foreach ( (array) $crons as $events ) {
			foreach ( array_keys( (array) $events ) as $hook ) {
				if ( 0 === strpos( (string) $hook, self::HOOK_PREFIX ) ) {
					$hooks[ (string) $hook ] = true;
				}
			}
		}
		return array_keys( $hooks );
	}

	/**
	 * Closest offered interval name.
	 *
	 * @param int $interval Seconds.
	 */
	public static function interval_name( int $interval ): string {
		$best      = 'hourly';
		$best_diff = PHP_INT_MAX;
		foreach ( self::INTERVALS as $name => $seconds ) {
			$diff = abs( $seconds - $interval );
			if ( $diff < $best_diff ) {
				$best      = $name;
				$best_diff = $diff;
			}
		}
		return $best;
	}
}
