<?php
/**
 * In-memory scheduler for unit tests.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Jobs;

use KiotVietSync\Jobs\PendingJobSource;

/**
 * In-memory scheduler keeping jobs as WP-Cron would (hook, args, timestamp, interval).
 */
final class MemoryScheduler implements PendingJobSource {

	/** @var list<array{hook: string, args: array<mixed>, timestamp: int, interval: int|null}> */
	public array $jobs = array();

	/** @var int */
	public int $now = 1000;

	public function schedule_single( string $hook, array $args = array(), int $delay = 0, bool $unique = false ): void {
		if ( $unique && $this->is_scheduled( $hook, $args ) ) {
			return;
		}
		$this->jobs[] = array(
			'hook'      => $hook,
			'args'      => $args,
			'timestamp' => $this->now + $delay,
			'interval'  => null,
		);
	}

	public function schedule_recurring( string $hook, int $interval, array $args = array(), int $delay = 0 ): void {
		if ( $this->is_scheduled( $hook, $args ) ) {
			return;
		}
		$this->jobs[] = array(
			'hook'      => $hook,
			'args'      => $args,
			'timestamp' => $this->now + $delay,
			'interval'  => $interval,
		);
	}

	public function unschedule_all( ?string $hook = null ): void {
		$this->jobs = array_values( array_filter( $this->jobs, static fn ( array $job ): bool => null !== $hook && $job['hook'] !== $hook ) );
	}

	public function is_scheduled( string $hook, ?array $args = null ): bool {
		foreach ( $this->jobs as $job ) {
			if ( $job['hook'] === $hook && ( null === $args || $job['args'] === $args ) ) {
				return true;
			}
		}
		return false;
	}

	public function pending_jobs(): array {
		return $this->jobs;
	}

	public function remove_job( string $hook, array $args, int $timestamp ): void {
		foreach ( $this->jobs as $i => $job ) {
			if ( $job['hook'] === $hook && $job['args'] === $args && $job['timestamp'] === $timestamp ) {
				unset( $this->jobs[ $i ] );
				$this->jobs = array_values( $this->jobs );
				return;
			}
		}
	}
}
