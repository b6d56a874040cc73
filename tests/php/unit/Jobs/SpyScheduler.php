<?php
/**
 * Scheduler spy for unit tests.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Jobs;

use KiotVietSync\Jobs\Scheduler;

/**
 * Scheduler that records what it is asked.
 */
final class SpyScheduler implements Scheduler {

	/** @var int */
	public int $lookups = 0;

	/** @var list<array{0: string, 1: array<mixed>, 2: int, 3: bool}> */
	public array $singles = array();

	public function schedule_single( string $hook, array $args = array(), int $delay = 0, bool $unique = false ): void {
		$this->singles[] = array( $hook, $args, $delay, $unique );
	}

	public function schedule_recurring( string $hook, int $interval, array $args = array(), int $delay = 0 ): void {
	}

	public function unschedule_all( ?string $hook = null ): void {
	}

	public function is_scheduled( string $hook, ?array $args = null ): bool {
		++$this->lookups;
		return false;
	}
}
