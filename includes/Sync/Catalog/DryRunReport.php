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
	/** @var array<string, int> SKU key => KiotViet id that claimed it first (across pages). */
	private array $skus = array();

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

	/**
	 * Records that a KiotViet id will write this SKU; returns the KiotViet id that claimed it on an earlier page
	 * when that is another product (a duplicate code the per-page planner could not see), null otherwise.
	 */
	/** The KiotViet id that claimed this SKU so far, or null. */
	public function sku_owner( string $sku ): ?int {
		$key = TextKey::of( $sku );
		return '' !== $key && isset( $this->skus[ $key ] ) ? $this->skus[ $key ] : null;
	}

	public function claim_sku( string $sku, int $kv_id ): ?int {
		$key = TextKey::of( $sku );
		if ( '' === $key ) {
			return null;
		}
		if ( isset( $this->skus[ $key ] ) && $this->skus[ $key ] !== $kv_id ) {
			return $this->skus[ $key ];
		}
		$this->skus[ $key ] = $kv_id;
		return null;
	}

	public function get( string $entity, string $outcome ): int {
		return $this->counts[ $entity ][ $outcome ] ?? 0;
	}

	public function has_conflicts(): bool {
		return array() !== $this->conflicts || $this->omitted > 0;
	}

	/**
	 * Everything needed to continue the dry run in a later request (job step): to_array() plus claimed SKUs.
	 *
	 * @return array<string, mixed>
	 */
	public function state(): array {
		$state         = $this->to_array();
		$state['cap']  = $this->cap;
		$state['skus'] = $this->skus;
		return $state;
	}

	/**
	 * @param array<string, mixed> $state From state().
	 */
	public static function from_state( array $state ): self {
		$report = new self( isset( $state['cap'] ) ? (int) $state['cap'] : 50 );
		$map    = array(
			'products'   => CatalogIssue::ENTITY_PRODUCT,
			'variations' => CatalogIssue::ENTITY_VARIATION,
			'categories' => CatalogIssue::ENTITY_CATEGORY,
		);
		foreach ( $map as $key => $entity ) {
			foreach ( (array) ( $state[ $key ] ?? array() ) as $outcome => $n ) {
				$report->counts[ $entity ][ (string) $outcome ] = (int) $n;
			}
		}
		foreach ( (array) ( $state['issue_counts'] ?? array() ) as $code => $n ) {
			$report->issue_counts[ (string) $code ] = (int) $n;
		}
		foreach ( (array) ( $state['conflicts'] ?? array() ) as $conflict ) {
			if ( is_array( $conflict ) ) {
				$report->conflicts[] = $conflict;
			}
		}
		$report->omitted = (int) ( $state['conflicts_omitted'] ?? 0 );
		foreach ( (array) ( $state['skus'] ?? array() ) as $sku => $kv_id ) {
			$report->skus[ (string) $sku ] = (int) $kv_id;
		}
		return $report;
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
