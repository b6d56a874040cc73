<?php
/**
 * Backoff for order push retries.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

use InvalidArgumentException;

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * min(cap, base × 2^(n−1)), so retries of many orders spread out but never fire immediately.
 * Defaults: 60 s base, 6 h cap, 8 attempts in total (about 10 hours end to end). A Retry-After from KiotViet is
 * honoured when longer. After the last attempt the order is "failed permanently (needs manual resync)"; the
 * auto-resync job ("Tự đồng bộ lại đơn hàng") and the manual button can still pick it up later.
 *
 * Permanent failures stop at once. Ambiguous ones retry on the same schedule but flag that the next attempt
 * must look the order up first; they count as attempts so an order cannot loop forever.
 */
final class RetrySchedule {

	private int $base_delay;
	private int $max_delay;
	private int $max_attempts;

	/** @throws InvalidArgumentException On non-positive values. */
	public function __construct( int $base_delay = 60, int $max_delay = 21600, int $max_attempts = 8 ) {
		if ( $base_delay <= 0 || $max_delay < $base_delay || $max_attempts < 1 ) {
			throw new InvalidArgumentException( 'Invalid retry schedule.' );
		}
		$this->base_delay   = $base_delay;
		$this->max_delay    = $max_delay;
		$this->max_attempts = $max_attempts;
	}

	public function max_attempts(): int {
		return $this->max_attempts;
	}

	/**
	 * Delay before retry number $retry (1 = the first retry, after the first failed attempt).
	 *
	 * @param callable():float $random Returns a float in [0, 1] (mt_rand()/mt_getrandmax() in production).
	 */
	public function delay_for( int $retry, callable $random ): int {
		$retry   = max( 1, $retry );
		$ceiling = (float) $this->base_delay * ( 2 ** min( 30, $retry - 1 ) );
		$ceiling = min( (float) $this->max_delay, $ceiling );
		$r       = (float) $random();
		$r       = $r < 0.0 ? 0.0 : ( $r > 1.0 ? 1.0 : $r );
		return (int) ceil( $ceiling / 2 + $r * $ceiling / 2 );
	}

	/**
	 * @param int             $attempts_made Attempts so far, including the one that just failed (≥ 1).
	 * @param string          $outcome       FailureClassifier constant.
	 * @param callable():float $random       Jitter source.
	 * @param string          $message       KiotViet's (or the transport's) message.
	 * @param int|null        $retry_after   Retry-After seconds.
	 */
	public function decide( int $attempts_made, string $outcome, callable $random, string $message = '', ?int $retry_after = null ): RetryDecision {
		if ( FailureClassifier::PERMANENT === $outcome ) {
			return new RetryDecision( RetryDecision::FAILED, 0, '' !== $message ? 'KiotViet rejected the order: ' . $message : 'KiotViet rejected the order.' );
		}
		if ( $attempts_made >= $this->max_attempts ) {
			return new RetryDecision(
				RetryDecision::EXHAUSTED,
				0,
				sprintf( 'Failed permanently after %d attempts (needs manual resync). Last error: %s', $attempts_made, '' !== $message ? $message : 'unknown' )
			);
		}
		$delay = $this->delay_for( $attempts_made, $random );
		if ( null !== $retry_after && $retry_after > $delay ) {
			$delay = min( $retry_after, $this->max_delay );
		}
		$action = FailureClassifier::AMBIGUOUS === $outcome ? RetryDecision::LOOKUP_THEN_RETRY : RetryDecision::RETRY;
		return new RetryDecision(
			$action,
			$delay,
			sprintf( 'Attempt %d of %d failed (%s); retrying in %d s.%s', $attempts_made, $this->max_attempts, $outcome, $delay, '' !== $message ? ' ' . $message : '' )
		);
	}
}
