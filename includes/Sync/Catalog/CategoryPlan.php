<?php
/**
 * Result of planning KiotViet categories.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * Category decisions in write order plus the issues found.
 */
final class CategoryPlan {

	/** @var CategoryDecision[] */
	private array $decisions;
	/** @var CatalogIssue[] */
	private array $issues;

	/**
	 * @param CategoryDecision[] $decisions
	 * @param CatalogIssue[]     $issues
	 */
	public function __construct( array $decisions, array $issues ) {
		$this->decisions = $decisions;
		$this->issues    = $issues;
	}

	/**
	 * @return CategoryDecision[] parents before children.
	 */
	public function decisions(): array {
		return $this->decisions;
	}

	/**
	 * @return CatalogIssue[]
	 */
	public function issues(): array {
		return $this->issues;
	}

	public function decision_for( int $kv_id ): ?CategoryDecision {
		foreach ( $this->decisions as $decision ) {
			if ( $decision->kv_id() === $kv_id ) {
				return $decision;
			}
		}
		return null;
	}
}
