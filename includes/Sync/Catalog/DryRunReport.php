<?php
/**
 * Counts and examples of what a catalog sync would do.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * Accumulates, per entity, how many objects would be created, updated, skipped or refused, the number of
 * issues by code, and a capped list of conflict examples. JSON-safe via to_array().
 */
final class DryRunReport {

	public const CREATE   = 'create';
	public const ADOPT    = 'adopt';
	public const UPDATE   = 'update';
	public const SKIP     = 'skip';
	public const CONFLICT = 'conflict';

	/** @var array<string, array<string, int>> */
	private array $counts;
	/** @var array<string, int> */
	private array $issue_counts = array();
	/** @var array<int, array<string, mixed>> */
	private array $conflicts = array();
	private int $omitted     = 0;
	private int $cap;

	public function __construct( int $cap = 50 ) {
		$this->cap    = max( 0, $cap );
		$four         = array(
			self::CREATE   => 0,
			self::UPDATE   => 0,
			self::SKIP     => 0,
			self::CONFLICT => 0,
		);
		$this->counts = array(
			CatalogIssue::ENTITY_PRODUCT   => $four,
			CatalogIssue::ENTITY_VARIATION => $four,
			CatalogIssue::ENTITY_CATEGORY  => array(
				self::CREATE   => 0,
				self::ADOPT    => 0,
				self::UPDATE   => 0,
				self::SKIP     => 0,
				self::CONFLICT => 0,
			),
		);
	}

	/**
	 * @param string $entity  CatalogIssue::ENTITY_*.
	 * @param string $outcome One of the constants above (ADOPT for categories).
	 */
	public function count( string $entity, string $outcome, int $by = 1 ): void {
		if ( ! isset( $this->counts[ $entity ] ) ) {
			$this->counts[ $entity ] = array();
		}
		$this->counts[ $entity ][ $outcome ] = ( $this->counts[ $entity ][ $outcome ] ?? 0 ) + $by;
	}

	/**
	 * Counts the issue by code; blocking issues and conflicts are also kept as examples (up to the cap).
	 */
	public function add_issue( CatalogIssue $issue ): void {
		$this->issue_counts[ $issue->code() ] = ( $this->issue_counts[ $issue->code() ] ?? 0 ) + 1;
		if ( CatalogIssue::SEVERITY_WARNING === $issue->severity() ) {
			return;
		}
		if ( count( $this->conflicts ) < $this->cap ) {
			$this->conflicts[] = $issue->to_array();
		} else {
			++$this->omitted;
		}
	}

	public function get( string $entity, string $outcome ): int {
		return $this->counts[ $entity ][ $outcome ] ?? 0;
	}

	public function has_conflicts(): bool {
		return array() !== $this->conflicts || $this->omitted > 0;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return array(
			'products'          => $this->counts[ CatalogIssue::ENTITY_PRODUCT ],
			'variations'        => $this->counts[ CatalogIssue::ENTITY_VARIATION ],
			'categories'        => $this->counts[ CatalogIssue::ENTITY_CATEGORY ],
			'issue_counts'      => $this->issue_counts,
			'conflicts'         => $this->conflicts,
			'conflicts_omitted' => $this->omitted,
		);
	}
}
