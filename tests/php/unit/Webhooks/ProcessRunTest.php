<?php
/**
 * The processor's run under its lock: nothing stays pending after the lock is released, no round limit,
 * work left at the deadline is handed over (re-kicked), never only queued.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Tests\Unit\Webhooks;

use KiotVietSync\Webhooks\ProcessRun;
use PHPUnit\Framework\TestCase;

final class ProcessRunTest extends TestCase {

	/**
	 * Pending inbox rows (ids).
	 *
	 * @var list<int>
	 */
	private array $inbox = array();

	/** Whether the lock is held. */
	private bool $locked = false;

	/** Whether another process holds the lock. */
	private bool $held_elsewhere = false;

	/** Time in seconds. */
	private float $now = 1000.0;

	/** Seconds one batch takes. */
	private float $batch_seconds = 1.0;

	/** Rows a batch takes at most. */
	private int $batch_rows = 2;

	/**
	 * Hand-overs (the progress flag of each).
	 *
	 * @var list<bool>
	 */
	private array $handed = array();

	/**
	 * Called after each batch with the batch number.
	 *
	 * @var (callable(int): void)|null
	 */
	private $after_batch = null;

	/**
	 * Called right after each release.
	 *
	 * @var (callable(): void)|null
	 */
	private $after_release = null;

	/** Batches run. */
	private int $batches = 0;

	/**
	 * Rows processed.
	 *
	 * @var list<int>
	 */
	private array $processed = array();

	private function run_once( float $seconds = 20.0 ): string {
		$run = new ProcessRun(
			function (): bool {
				if ( $this->locked || $this->held_elsewhere ) {
					return false;
				}
				$this->locked = true;
				return true;
			},
			function (): void {
				$this->assertTrue( $this->locked, 'released without holding the lock' );
				$this->locked = false;
				if ( null !== $this->after_release ) {
					( $this->after_release )();
				}
			},
			function (): array {
				$this->assertTrue( $this->locked, 'a batch ran without the lock' );
				++$this->batches;
				$rows            = array_slice( $this->inbox, 0, $this->batch_rows );
				$this->inbox     = array_slice( $this->inbox, count( $rows ) );
				$this->processed = array_merge( $this->processed, $rows );
				$this->now      += $this->batch_seconds;
				if ( null !== $this->after_batch ) {
					( $this->after_batch )( $this->batches );
				}
				return array(
					'rows' => count( $rows ),
					'more' => array() !== $this->inbox,
				);
			},
			fn (): bool => array() !== $this->inbox,
			function ( bool $progress ): void {
				$this->handed[] = $progress;
			},
			fn (): float => $this->now,
			$seconds
		);
		$outcome = $run->run();
		$this->assertFalse( $this->locked, 'the run ended holding the lock' );
		return $outcome;
	}

	public function test_processes_until_empty_and_hands_nothing_over(): void {
		$this->inbox = range( 1, 7 );
		$this->assertSame( ProcessRun::DONE, $this->run_once() );
		$this->assertSame( range( 1, 7 ), $this->processed );
		$this->assertSame( array(), $this->handed );
	}

	public function test_busy_when_another_run_holds_the_lock(): void {
		$this->inbox          = array( 1 );
		$this->held_elsewhere = true;
		$this->assertSame( ProcessRun::BUSY, $this->run_once() );
		$this->assertSame( 0, $this->batches );
		$this->assertSame( array(), $this->handed );
	}

	/**
	 * A delivery stored between the last (empty) batch and the release found the lock taken, so its kick sent
	 * no loopback: the run must take it after releasing, however many times that happens (no round limit).
	 */
	public function test_rows_stored_around_the_release_are_taken_without_a_round_limit(): void {
		$this->inbox   = array( 1 );
		$next          = 100;
		$this->batch_seconds = 0.01;
		$this->after_batch   = function () use ( &$next ): void {
			// Each time the inbox is seen empty a new delivery lands before the release (5 times).
			if ( array() === $this->inbox && $next < 105 ) {
				$this->inbox[] = $next++;
			}
		};
		$this->assertSame( ProcessRun::DONE, $this->run_once() );
		$this->assertSame( array(), $this->inbox, 'a delivery stayed pending after the lock was released' );
		$this->assertSame( array( 1, 100, 101, 102, 103, 104 ), $this->processed );
		$this->assertSame( array(), $this->handed );
	}

	public function test_a_delivery_stored_just_after_the_release_is_taken(): void {
		$this->inbox         = array( 1 );
		$once                = true;
		$this->after_release = function () use ( &$once ): void {
			if ( $once ) {
				$once          = false;
				$this->inbox[] = 2;
			}
		};
		$this->assertSame( ProcessRun::DONE, $this->run_once() );
		$this->assertSame( array( 1, 2 ), $this->processed );
	}

	/**
	 * Time is up with rows left: the run hands over (the caller kicks a new loopback), instead of only
	 * scheduling a queue job that no traffic would run.
	 */
	public function test_work_left_at_the_deadline_is_handed_over_with_progress(): void {
		$this->inbox = range( 1, 30 );
		$this->assertSame( ProcessRun::HANDED_OVER, $this->run_once( 5.0 ) );
		$this->assertSame( 5, $this->batches );
		$this->assertSame( array( true ), $this->handed );
		$this->assertSame( range( 11, 30 ), $this->inbox );
	}

	public function test_rows_arriving_after_the_deadline_are_handed_over(): void {
		$this->inbox         = array( 1 );
		$this->batch_seconds = 6.0;
		$once                = true;
		$this->after_release = function () use ( &$once ): void {
			if ( $once ) {
				$once          = false;
				$this->inbox[] = 2;
			}
		};
		$this->assertSame( ProcessRun::HANDED_OVER, $this->run_once( 5.0 ) );
		$this->assertSame( array( true ), $this->handed );
		$this->assertSame( array( 2 ), $this->inbox );
	}

	/**
	 * Rows the batch never takes (they stay pending): the run stops after the round that expected them and
	 * hands over without progress (the caller leaves them to the delayed job, no chain of loopbacks).
	 */
	public function test_rows_that_are_never_processed_stall_without_progress(): void {
		$this->inbox      = array( 1 );
		$this->batch_rows = 0;
		$this->assertSame( ProcessRun::STALLED, $this->run_once() );
		$this->assertSame( array( false ), $this->handed );
		$this->assertSame( 2, $this->batches );
	}

	public function test_a_failing_batch_releases_the_lock_and_throws(): void {
		$this->inbox       = array( 1, 2, 3 );
		$this->after_batch = static function (): void {
			throw new \RuntimeException( 'database gone' );
		};
		try {
			$this->run_once();
			$this->fail( 'no exception' );
		} catch ( \RuntimeException $e ) {
			$this->assertSame( 'database gone', $e->getMessage() );
		}
		$this->assertFalse( $this->locked );
		$this->assertSame( array(), $this->handed );
	}
}
