<?php
/**
 * Identity decisions for a variable product and its variations.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * The parent's decision plus one decision per variation (keyed by KiotViet id).
 */
final class FamilyDecision {

	private IdentityDecision $parent;
	/** @var array<int, IdentityDecision> */
	private array $variations;

	/**
	 * @param array<int, IdentityDecision> $variations
	 */
	public function __construct( IdentityDecision $parent, array $variations ) {
		$this->parent     = $parent;
		$this->variations = $variations;
	}

	public function parent(): IdentityDecision {
		return $this->parent;
	}

	/**
	 * @return array<int, IdentityDecision>
	 */
	public function variations(): array {
		return $this->variations;
	}
}
