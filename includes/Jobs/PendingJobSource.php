<?php
/**
 * A scheduler whose pending jobs can be listed and removed one by one.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Jobs;

/**
 * Lets AutoScheduler move jobs queued in WP-Cron (before Action Scheduler was ready, or by an older
 * version of the plugin) into Action Scheduler without losing or doubling any.
 */
interface PendingJobSource extends Scheduler {

	/**
	 * Pending jobs of ours (hooks starting with kiotviet_sync_).
	 *
	 * @return list<array{hook: string, args: array<mixed>, timestamp: int, interval: int|null}> interval is null for one-off jobs.
	 */
	public function pending_jobs(): array;

	/**
	 * Removes one pending job.
	 *
	 * @param string       $hook      Hook name.
	 * @param array<mixed> $args      Arguments.
	 * @param int          $timestamp When it was due.
	 */
	public function remove_job( string $hook, array $args, int $timestamp ): void;
}
