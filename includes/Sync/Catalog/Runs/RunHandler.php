<?php
/**
 * One kind of background run.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog\Runs;

/**
 * Executes one bounded step of a run (one KiotViet page, one import batch) and records the checkpoint in
 * the run. Steps must be idempotent: after a crash the same step runs again from the saved checkpoint.
 */
interface RunHandler {

	/** Run kind (Run::KIND_*). */
	public function kind(): string;

	/**
	 * Phase names in order.
	 *
	 * @return string[]
	 */
	public function phases(): array;

	/**
	 * Throws a PluginException when the run cannot start (not connected, no branch, …).
	 */
	public function assert_can_start(): void;

	/**
	 * Does one step of the current phase, updating the run's cursor/progress/counts, and calls
	 * $run->next_phase() when the phase is complete. Returns false when the run has nothing left to do.
	 */
	public function step( Run $run ): bool;
}
