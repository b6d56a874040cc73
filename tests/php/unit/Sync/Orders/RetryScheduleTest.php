<?php
/**
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\unit\Sync\Orders;

use InvalidArgumentException;
use KiotVietSync\Sync\Orders\FailureClassifier;
use KiotVietSync\Sync\Orders\RetryDecision;
use KiotVietSync\Sync\Orders\RetrySchedule;
use PHPUnit\Framework\TestCase;

/**
 * @covers \KiotVietSync\Sync\Orders\RetrySchedule
 * @covers \KiotVietSync\Sync\Orders\RetryDecision
 */
final class RetryScheduleTest extends TestCase {

	private static function fixed( float $value ): callable {
		return static function () use ( $value ): float {
			return $value;
		};
	}

	public function test_exponential_backoff_with_equal_jitter(): void {
		$schedule = new RetrySchedule( 60, 21600, 8 );
		$this->assertSame( 30, $schedule->delay_for( 1, self::fixed( 0.0 ) ) );
		$this->assertSame( 60, $schedule->delay_for( 1, self::fixed( 1.0 ) ) );
		$this->assertSame( 120, $schedule->delay_for( 3, self::fixed( 0.0 ) ) );
		$this->assertSame( 240, $schedule->delay_for( 3, self::fixed( 1.0 ) ) );
		$this->assertSame( 180, $schedule->delay_for( 3, self::fixed( 0.5 ) ) );
	}

	public function test_cap_and_clamped_random(): void {
		$schedule = new RetrySchedule( 60, 3600, 50 );
		$this->assertSame( 3600, $schedule->delay_for( 40, self::fixed( 1.0 ) ) );
		$this->assertSame( 1800, $schedule->delay_for( 40, self::fixed( -3.0 ) ) );
		$this->assertSame( 3600, $schedule->delay_for( 40, self::fixed( 7.0 ) ) );
	}

	public function test_jitter_spreads_delays_within_bounds(): void {
		mt_srand( 42 );
		$schedule = new RetrySchedule();
		$random   = static function (): float {
			return mt_rand() / mt_getrandmax();
		};
		$seen     = array();
		for ( $i = 0; $i < 200; $i++ ) {
			$delay = $schedule->delay_for( 4, $random );
			$this->assertGreaterThanOrEqual( 240, $delay );
			$this->assertLessThanOrEqual( 480, $delay );
			$seen[ $delay ] = true;
		}
		$this->assertGreaterThan( 50, count( $seen ) );
	}

	public function test_transient_failure_is_retried_until_attempts_run_out(): void {
		$schedule = new RetrySchedule( 60, 21600, 3 );
		$first    = $schedule->decide( 1, FailureClassifier::TRANSIENT, self::fixed( 1.0 ), 'Service unavailable' );
		$this->assertSame( RetryDecision::RETRY, $first->action() );
		$this->assertTrue( $first->should_retry() );
		$this->assertFalse( $first->needs_lookup() );
		$this->assertSame( 60, $first->delay() );

		$last = $schedule->decide( 3, FailureClassifier::TRANSIENT, self::fixed( 1.0 ), 'Service unavailable' );
		$this->assertSame( RetryDecision::EXHAUSTED, $last->action() );
		$this->assertFalse( $last->should_retry() );
		$this->assertStringContainsString( 'needs manual resync', $last->message() );
		$this->assertStringContainsString( 'Service unavailable', $last->message() );
	}

	public function test_permanent_failure_stops_with_kiotviet_message(): void {
		$decision = ( new RetrySchedule() )->decide( 1, FailureClassifier::PERMANENT, self::fixed( 0.5 ), 'Không đủ tồn kho cho hàng hóa AOTHUN-DEN-L' );
		$this->assertSame( RetryDecision::FAILED, $decision->action() );
		$this->assertSame( 0, $decision->delay() );
		$this->assertSame( 'KiotViet rejected the order: Không đủ tồn kho cho hàng hóa AOTHUN-DEN-L', $decision->message() );
	}

	public function test_ambiguous_failure_requires_a_lookup_first(): void {
		$decision = ( new RetrySchedule() )->decide( 2, FailureClassifier::AMBIGUOUS, self::fixed( 0.0 ), 'timed out' );
		$this->assertSame( RetryDecision::LOOKUP_THEN_RETRY, $decision->action() );
		$this->assertTrue( $decision->needs_lookup() );
		$this->assertSame( 60, $decision->delay() );
	}

	public function test_retry_after_is_honoured_when_longer(): void {
		$schedule = new RetrySchedule();
		$this->assertSame( 900, $schedule->decide( 1, FailureClassifier::TRANSIENT, self::fixed( 0.0 ), '', 900 )->delay() );
		$this->assertSame( 60, $schedule->decide( 1, FailureClassifier::TRANSIENT, self::fixed( 1.0 ), '', 5 )->delay() );
	}

	public function test_invalid_schedule(): void {
		$this->expectException( InvalidArgumentException::class );
		new RetrySchedule( 0 );
	}
}
