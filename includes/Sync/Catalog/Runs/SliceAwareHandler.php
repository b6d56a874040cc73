<?php
/**
 * A run handler that defers work across the steps of one worker slice.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog\Runs;

/**
 * RunRunner calls end_slice() once after the last step of every worker slice in which the handler ran (also
 * when a step failed or the run finished), before the run's claim is released.
 */
interface SliceAwareHandler {

	public function end_slice(): void;
}
