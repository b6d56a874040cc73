<?php
/**
 * Real sleeper.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Support;

/**
 * Sleeps with usleep().
 */
final class SystemSleeper implements Sleeper {

	/**
	 * Blocks for the given number of seconds.
	 *
	 * @param float $seconds Seconds to wait.
	 */
	public function sleep( float $seconds ): void {
		if ( $seconds <= 0 ) {
			return;
		}
		usleep( (int) round( $seconds * 1000000 ) );
	}
}
