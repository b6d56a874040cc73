<?php
/**
 * System clock.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Support;

/**
 * The real wall clock.
 */
final class SystemClock implements Clock {

	/**
	 * Seconds since the Unix epoch (UTC).
	 */
	public function now(): int {
		return time();
	}
}
