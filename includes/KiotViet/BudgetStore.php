<?php
/**
 * Storage contract for the call budget.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

/**
 * Persists per-minute GET counters between requests.
 */
interface BudgetStore {

	/**
	 * Minute index (Unix time / 60) => number of GET calls.
	 *
	 * @return array<int, int>
	 */
	public function load(): array;

	/**
	 * Saves the counters.
	 *
	 * @param array<int, int> $buckets Minute index => count.
	 */
	public function save( array $buckets ): void;
}
