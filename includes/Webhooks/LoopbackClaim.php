<?php
/**
 * Claim of the one processor loopback in flight.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

/**
 * At most one loopback to the process endpoint on its way at a time (ProcessKicker). Taken before sending,
 * cleared when a processor run starts (it then sees every stored row) or when the send failed; it lapses by
 * itself after a while, so a loopback lost on its way holds back later kicks only that long.
 */
interface LoopbackClaim {

	/**
	 * Takes the claim.
	 *
	 * @param bool $force Take it even when a loopback is in flight.
	 * @return bool Whether it was taken (false: a loopback is on its way).
	 */
	public function take( bool $force ): bool;

	/**
	 * Clears the claim (a run started, or the loopback could not be sent).
	 */
	public function clear(): void;
}
