<?php
/**
 * One run of the inbox processor under its lock.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

/**
 * The loop of `WebhookServices::run_processor()`, without WordPress (unit-tested):
 * - takes the processor lock (returns at once when another run holds it: that run re-checks the inbox after
 *   releasing it, below);
 * - processes batches until a batch finds the inbox empty or the time is up;
 * - releases the lock, then looks at the inbox again: a delivery stored after the last look found the lock
 *   taken, so its kick sent no loopback and nobody else will take it. With time left the run takes the lock
 *   again and goes on (no limit on rounds); when the time is up it hands over (a new loopback: a fresh request
 *   with its own time, so work left never waits for the queue, which only runs on site traffic).
 * So when a run ends, the inbox was empty after it released the lock, or another run holds the lock, or the
 * work was handed over. A round that processed nothing although rows were seen pending before it stops
 * (STALLED) and hands over too; `$progress` tells whether the whole run processed anything (a run that did
 * not is left to the delayed queue job by the caller, so a row that cannot be processed never makes a chain
 * of loopbacks).
 */
final class ProcessRun {

	public const BUSY        = 'busy';
	public const DONE        = 'done';
	public const HANDED_OVER = 'handed_over';
	public const STALLED     = 'stalled';

	/**
	 * Takes the lock without waiting: fn(): bool.
	 *
	 * @var callable(): bool
	 */
	private $acquire;

	/**
	 * Releases the lock: fn(): void.
	 *
	 * @var callable(): void
	 */
	private $release;

	/**
	 * One batch: fn(): array{rows: int, more: bool} (InboxProcessor::process_pending()).
	 *
	 * @var callable(): array{rows: int, more: bool}
	 */
	private $batch;

	/**
	 * Whether rows are pending: fn(): bool.
	 *
	 * @var callable(): bool
	 */
	private $pending;

	/**
	 * Hands the rest over: fn( bool $progress ): void.
	 *
	 * @var callable(bool): void
	 */
	private $hand_over;

	/**
	 * Current time in seconds: fn(): float.
	 *
	 * @var callable(): float
	 */
	private $now;

	/**
	 * Longest the run takes new batches (seconds).
	 *
	 * @var float
	 */
	private float $seconds;

	/**
	 * Creates the run.
	 *
	 * @param callable(): bool                          $acquire   Takes the lock without waiting.
	 * @param callable(): void                          $release   Releases the lock.
	 * @param callable(): array{rows: int, more: bool}  $batch     Processes one batch.
	 * @param callable(): bool                          $pending   Whether rows are pending.
	 * @param callable(bool): void                      $hand_over Hands the rest over (argument: whether the run made progress).
	 * @param callable(): float                         $now       Current time in seconds.
	 * @param float                                     $seconds   Longest the run takes new batches.
	 */
	public function __construct( callable $acquire, callable $release, callable $batch, callable $pending, callable $hand_over, callable $now, float $seconds ) {
		$this->acquire   = $acquire;
		$this->release   = $release;
		$this->batch     = $batch;
		$this->pending   = $pending;
		$this->hand_over = $hand_over;
		$this->now       = $now;
		$this->seconds   = $seconds;
	}

	/**
	 * Runs. An exception of a batch is thrown on after the lock was released.
	 *
	 * @return string BUSY (another run holds the lock), DONE (nothing pending after the release), HANDED_OVER
	 *                (time is up, rows pending) or STALLED (a round processed nothing, rows still pending).
	 */
	public function run(): string {
		$deadline = ( $this->now )() + $this->seconds;
		$total    = 0;
		$expected = false;
		while ( true ) {
			if ( ! ( $this->acquire )() ) {
				return self::BUSY;
			}
			$rows = 0;
			try {
				do {
					$result = ( $this->batch )();
					$rows  += $result['rows'];
				} while ( $result['rows'] > 0 && ( $this->now )() < $deadline );
			} finally {
				( $this->release )();
			}
			$total += $rows;
			if ( ! ( $this->pending )() ) {
				return self::DONE;
			}
			if ( $expected && 0 === $rows ) {
				// Rows were seen pending before this round, yet it processed none: not looping on them.
				( $this->hand_over )( $total > 0 );
				return self::STALLED;
			}
			if ( ( $this->now )() >= $deadline ) {
				( $this->hand_over )( $total > 0 );
				return self::HANDED_OVER;
			}
			$expected = true;
		}
	}
}
