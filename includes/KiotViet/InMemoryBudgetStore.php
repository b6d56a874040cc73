<?php
/**
 * In-memory budget store.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\KiotViet;

/**
 * Keeps the counters for one request only (tests, dry runs).
 */
final class InMemoryBudgetStore implements BudgetStore {

	/**
	 * Minute index => count.
	 *
	 * @var array<int, int>
	 */
	private array $buckets = array();

	/**
	 * Minute index => count.
	 *
	 * @return array<int, int>
	 */
	public function load(): array {
		return $this->buckets;
	}

	/**
	 * Saves the counters.
	 *
	 * @param array<int, int> $buckets Minute index => count.
	 */
	public function save( array $buckets ): void {
		$this->buckets = $buckets;
	}
}
