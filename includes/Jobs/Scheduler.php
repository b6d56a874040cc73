<?php
/**
 * Background job scheduling contract.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Jobs;

/**
 * Schedules plugin jobs. Hooks must start with kiotviet_sync_; arguments carry only ids and cursors,
 * never tokens or payloads (they are stored and shown in the admin).
 */
interface Scheduler {

	/**
	 * Action Scheduler group of every job.
	 */
	public const GROUP = 'kiotviet-sync';

	/**
	 * Prefix of every job hook.
	 */
	public const HOOK_PREFIX = 'kiotviet_sync_';

	/**
	 * Runs a hook once after a delay.
	 *
	 * @param string       $hook   Hook name (kiotviet_sync_…).
	 * @param array<mixed> $args   Arguments (ids/cursors only).
	 * @param int          $delay  Seconds from now.
	 * @param bool         $unique Skip when the same hook is already pending.
	 */
	public function schedule_single( string $hook, array $args = array(), int $delay = 0, bool $unique = false ): void;

	/**
	 * Runs a hook repeatedly; does nothing when it is already scheduled with the same arguments.
	 *
	 * @param string       $hook     Hook name.
	 * @param int          $interval Seconds between runs.
	 * @param array<mixed> $args     Arguments.
	 * @param int          $delay    Seconds until the first run.
	 */
	public function schedule_recurring( string $hook, int $interval, array $args = array(), int $delay = 0 ): void;

	/**
	 * Cancels pending runs of one hook, or of every plugin job when $hook is null.
	 *
	 * @param string|null $hook Hook name, null for all.
	 */
	public function unschedule_all( ?string $hook = null ): void;

	/**
	 * Whether a hook is pending (with these arguments when given).
	 *
	 * @param string            $hook Hook name.
	 * @param array<mixed>|null $args Arguments, null to match any.
	 */
	public function is_scheduled( string $hook, ?array $args = null ): bool;
}
