<?php
/**
 * Result of planning one batch of KiotViet products.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * Simple plans, variable plans and the issues found while planning one batch.
 */
final class ProductPlanSet {

	/** @var SimplePlan[] */
	private array $simple;
	/** @var VariablePlan[] */
	private array $variable;
	/** @var CatalogIssue[] */
	private array $issues;

	/**
	 * @param SimplePlan[]   $simple
	 * @param VariablePlan[] $variable
	 * @param CatalogIssue[] $issues
	 */
	public function __construct( array $simple, array $variable, array $issues ) {
		$this->simple   = $simple;
		$this->variable = $variable;
		$this->issues   = $issues;
	}

	/**
	 * @return SimplePlan[]
	 */
	public function simple(): array {
		return $this->simple;
	}

	/**
	 * @return VariablePlan[]
	 */
	public function variable(): array {
		return $this->variable;
	}

	/**
	 * @return CatalogIssue[]
	 */
	public function issues(): array {
		return $this->issues;
	}

	/**
	 * @return CatalogIssue[]
	 */
	public function issues_for( int $kv_id ): array {
		return array_values( array_filter( $this->issues, static function ( CatalogIssue $issue ) use ( $kv_id ): bool {
			return $issue->kv_id() === $kv_id;
		} ) );
	}
}
