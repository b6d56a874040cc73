<?php
/**
 * Sleeper contract.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Support;

/**
 * Waits between attempts; tests inject a fake that records the waits instead of sleeping.
 */
interface Sleeper {

	/**
	 * Blocks for the given number of seconds (fractions allowed).
	 *
	 * @param float $seconds Seconds to wait; values <= 0 return immediately.
	 */
	public function sleep( float $seconds ): void;
}
