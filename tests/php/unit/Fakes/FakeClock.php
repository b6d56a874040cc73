<?php
/**
 * Settable clock.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Fakes;

use KiotVietSync\Support\Clock;

/**
 * A clock the test moves by hand.
 */
final class FakeClock implements Clock {

	/**
	 * Now.
	 *
	 * @var int
	 */
	public int $now;

	/**
	 * Creates the clock.
	 *
	 * @param int $now Start time.
	 */
	public function __construct( int $now = 1764403200 ) {
		$this->now = $now;
	}

	/**
	 * Now.
	 */
	public function now(): int {
		return $this->now;
	}

	/**
	 * Moves forward.
	 *
	 * @param int $seconds Seconds.
	 */
	public function advance( int $seconds ): void {
		$this->now += $seconds;
	}
}
