<?php
/**
 * Call-budget counters in an option.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Storage;

use KiotVietSync\KiotViet\BudgetStore;

/**
 * Keeps the CallBudget's per-minute buckets (at most 60 small ints) in one non-autoloaded option.
 */
final class OptionBudgetStore implements BudgetStore {

	/**
	 * Options.
	 *
	 * @var SettingsStore
	 */
	private SettingsStore $store;

	/**
	 * Creates the store.
	 *
	 * @param SettingsStore $store Options.
	 */
	public function __construct( SettingsStore $store ) {
		$this->store = $store;
	}

	/**
	 * Minute index => count.
	 *
	 * @return array<int, int>
	 */
	public function load(): array {
		$value = $this->store->get( Settings::CALL_BUDGET, array() );
		if ( ! is_array( $value ) ) {
			return array();
		}
		$out = array();
		foreach ( $value as $minute => $count ) {
			$out[ (int) $minute ] = (int) $count;
		}
		return $out;
	}

	/**
	 * Saves the counters.
	 *
	 * @param array<int, int> $buckets Minute index => count.
	 */
	public function save( array $buckets ): void {
		$this->store->set( Settings::CALL_BUDGET, $buckets, false );
	}
}
