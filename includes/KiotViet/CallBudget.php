<?php
/**
 * GET call budget.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

use KiotVietSync\KiotViet\Exception\RateLimitedException;
use KiotVietSync\Support\Clock;
use KiotVietSync\Support\Sleeper;

/**
 * Keeps us under KiotViet's documented 5,000 GET calls per hour.
 *
 * Counts GETs in per-minute buckets over a sliding hour. Above the slow-down ratio each call waits briefly,
 * spreading the rest of the budget; at the limit it refuses without calling KiotViet.
 */
final class CallBudget {

	private const WINDOW_MINUTES = 60;

	/**
	 * Counter storage.
	 *
	 * @var BudgetStore
	 */
	private BudgetStore $store;

	/**
	 * Clock.
	 *
	 * @var Clock
	 */
	private Clock $clock;

	/**
	 * Sleeper.
	 *
	 * @var Sleeper
	 */
	private Sleeper $sleeper;

	/**
	 * GETs allowed per hour.
	 *
	 * @var int
	 */
	private int $limit;

	/**
	 * Share of the limit after which calls slow down.
	 *
	 * @var float
	 */
	private float $slow_ratio;

	/**
	 * Seconds to wait per call while slowed down.
	 *
	 * @var float
	 */
	private float $slow_delay;

	/**
	 * Creates the budget.
	 *
	 * @param BudgetStore $store      Counter storage.
	 * @param Clock       $clock      Clock.
	 * @param Sleeper     $sleeper    Sleeper.
	 * @param int         $limit      GETs per hour.
	 * @param float       $slow_ratio Share of the limit after which calls slow down.
	 * @param float       $slow_delay Seconds to wait per call while slowed down.
	 */
	public function __construct( BudgetStore $store, Clock $clock, Sleeper $sleeper, int $limit = 5000, float $slow_ratio = 0.9, float $slow_delay = 1.0 ) {
		$this->store      = $store;
		$this->clock      = $clock;
		$this->sleeper    = $sleeper;
		$this->limit      = max( 1, $limit );
		$this->slow_ratio = $slow_ratio;
		$this->slow_delay = $slow_delay;
	}

	/**
	 * Reserves one GET: waits when the budget is nearly spent, refuses when it is spent.
	 *
	 * @throws RateLimitedException When the hourly budget is exhausted (KiotViet is not called).
	 */
	public function acquire(): void {
		$now     = $this->clock->now();
		$buckets = $this->current_buckets( $now );
		$used    = array_sum( $buckets );

		if ( $used >= $this->limit ) {
			$oldest = min( array_keys( $buckets ) );
			throw new RateLimitedException(
				sprintf( 'Local KiotViet GET budget of %d calls per hour is used up.', $this->limit ),
				max( 1, ( $oldest + self::WINDOW_MINUTES ) * 60 - $now ),
				0,
				'',
				true
			);
		}
		if ( $used >= (int) ceil( $this->limit * $this->slow_ratio ) ) {
			$this->sleeper->sleep( $this->slow_delay );
		}

		$minute             = intdiv( $now, 60 );
		$buckets[ $minute ] = ( $buckets[ $minute ] ?? 0 ) + 1;
		$this->store->save( $buckets );
	}

	/**
	 * GETs spent in the last hour.
	 */
	public function used(): int {
		return (int) array_sum( $this->current_buckets( $this->clock->now() ) );
	}

	/**
	 * GETs allowed per hour.
	 */
	public function limit(): int {
		return $this->limit;
	}

	/**
	 * Buckets inside the sliding hour.
	 *
	 * @param int $now Unix time.
	 * @return array<int, int>
	 */
	private function current_buckets( int $now ): array {
		$first = intdiv( $now, 60 ) - self::WINDOW_MINUTES + 1;
		$out   = array();
		foreach ( $this->store->load() as $minute => $count ) {
			if ( (int) $minute >= $first && (int) $count > 0 ) {
				$out[ (int) $minute ] = (int) $count;
			}
		}
		return $out;
	}
}
