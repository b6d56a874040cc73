<?php
/**
 * Retry policy for KiotViet calls.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

use KiotVietSync\KiotViet\Exception\KiotVietException;
use KiotVietSync\KiotViet\Exception\RateLimitedException;

/**
 * Decides whether a failed call is retried and how long to wait first.
 *
 * Only idempotent methods (GET by default) are retried, only for transient failures (429, 5xx, network),
 * with exponential backoff and full jitter; a Retry-After header is honoured when it is reasonable.
 * POST/PUT are never retried automatically: a timeout after KiotViet processed an order would duplicate it.
 */
final class RetryPolicy {

	/**
	 * Total attempts including the first.
	 *
	 * @var int
	 */
	private int $max_attempts;

	/**
	 * First backoff ceiling in seconds.
	 *
	 * @var float
	 */
	private float $base_delay;

	/**
	 * Largest backoff ceiling in seconds.
	 *
	 * @var float
	 */
	private float $max_delay;

	/**
	 * A longer Retry-After than this is not waited for inside a request.
	 *
	 * @var float
	 */
	private float $max_retry_after;

	/**
	 * Upper-case methods that may be retried.
	 *
	 * @var string[]
	 */
	private array $retry_methods;

	/**
	 * Returns a float in [0, 1].
	 *
	 * @var callable(): float
	 */
	private $random;

	/**
	 * Creates the policy.
	 *
	 * @param int                    $max_attempts    Total attempts including the first (>= 1).
	 * @param float                  $base_delay      First backoff ceiling in seconds.
	 * @param float                  $max_delay       Largest backoff ceiling in seconds.
	 * @param float                  $max_retry_after Longest Retry-After worth waiting for.
	 * @param string[]               $retry_methods   Idempotent methods that may be retried.
	 * @param (callable(): float)|null $random        Jitter source returning [0, 1]; tests pin it.
	 */
	public function __construct( int $max_attempts = 3, float $base_delay = 0.5, float $max_delay = 8.0, float $max_retry_after = 30.0, array $retry_methods = array( 'GET' ), ?callable $random = null ) {
		$this->max_attempts    = max( 1, $max_attempts );
		$this->base_delay      = max( 0.0, $base_delay );
		$this->max_delay       = max( $this->base_delay, $max_delay );
		$this->max_retry_after = max( 0.0, $max_retry_after );
		$this->retry_methods   = array_map( 'strtoupper', $retry_methods );
		$this->random          = $random ?? static function (): float {
			return mt_rand() / mt_getrandmax();
		};
	}

	/**
	 * Total attempts including the first.
	 */
	public function max_attempts(): int {
		return $this->max_attempts;
	}

	/**
	 * Whether to try again after the given failed attempt.
	 *
	 * @param string            $method  HTTP method.
	 * @param KiotVietException $error   Failure.
	 * @param int               $attempt 1-based number of the attempt that failed.
	 */
	public function should_retry( string $method, KiotVietException $error, int $attempt ): bool {
		if ( $attempt >= $this->max_attempts || ! in_array( strtoupper( $method ), $this->retry_methods, true ) || ! $error->is_retryable() ) {
			return false;
		}
		if ( $error instanceof RateLimitedException ) {
			$after = $error->get_retry_after();
			if ( null !== $after && $after > $this->max_retry_after ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Seconds to wait before the next attempt.
	 *
	 * @param int               $attempt 1-based number of the attempt that failed.
	 * @param KiotVietException $error   Failure.
	 */
	public function delay( int $attempt, KiotVietException $error ): float {
		$ceiling = min( $this->max_delay, $this->base_delay * ( 2 ** max( 0, $attempt - 1 ) ) );
		$random  = ( $this->random )();
		$delay   = $ceiling * min( 1.0, max( 0.0, $random ) );
		if ( $error instanceof RateLimitedException && null !== $error->get_retry_after() ) {
			$delay = max( $delay, (float) $error->get_retry_after() );
		}
		return $delay;
	}
}
