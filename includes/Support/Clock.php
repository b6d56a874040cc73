<?php
/**
 * Clock contract.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Support;

/**
 * Current time as a Unix timestamp, injectable so rules can be tested without waiting.
 */
interface Clock {

	/**
	 * Seconds since the Unix epoch (UTC).
	 */
	public function now(): int;
}
