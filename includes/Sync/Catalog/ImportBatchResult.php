<?php
/**
 * What one import batch did.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * Counts (created / updated / skipped / failed, counted per KiotViet product: simple products and
 * variations; variable parents and categories are reported as items but only categories count in
 * import_categories()), one entry per written or refused object, the planner's issues and per-item errors.
 */
final class ImportBatchResult {

	public const CREATED = 'created';
	public const UPDATED = 'updated';
	public const SKIPPED = 'skipped';
	public const FAILED  = 'failed';

	/** @var array<string, int> */
	private array $counts = array(
		self::CREATED => 0,
		self::UPDATED => 0,
		self::SKIPPED => 0,
		self::FAILED  => 0,
	);
	/** @var array<int, array{kind: string, kv_id: int, action: string, woo_id: ?int, message: ?string}> */
	private array $items = array();
	/** @var CatalogIssue[] */
	private array $issues = array();
	/** @var array<int, array{kv_id: int, kind: string, message: string}> */
	private array $errors = array();
	private int $images_queued = 0;
	private int $queries = 0;

	/**
	 * Records one object.
	 *
	 * @param bool $counted Whether it counts in created/updated/skipped/failed (parents do not).
	 */
	public function add( string $kind, int $kv_id, string $action, ?int $woo_id, ?string $message = null, bool $counted = true ): void {
		$this->items[] = array(
			'kind'    => $kind,
			'kv_id'   => $kv_id,
			'action'  => $action,
			'woo_id'  => $woo_id,
			'message' => $message,
		);
		if ( $counted && isset( $this->counts[ $action ] ) ) {
			++$this->counts[ $action ];
		}
		if ( self::FAILED === $action ) {
			$this->errors[] = array(
				'kv_id'   => $kv_id,
				'kind'    => $kind,
				'message' => (string) $message,
			);
		}
	}

	public function add_issue( CatalogIssue $issue ): void {
		$this->issues[] = $issue;
	}

	public function image_queued(): void {
		++$this->images_queued;
	}

	public function set_queries( int $queries ): void {
		$this->queries = $queries;
	}

	public function merge( ImportBatchResult $other ): void {
		foreach ( $other->items as $item ) {
			$this->items[] = $item;
		}
		foreach ( $other->counts as $key => $count ) {
			$this->counts[ $key ] += $count;
		}
		$this->issues         = array_merge( $this->issues, $other->issues );
		$this->errors         = array_merge( $this->errors, $other->errors );
		$this->images_queued += $other->images_queued;
		$this->queries       += $other->queries;
	}

	public function created(): int {
		return $this->counts[ self::CREATED ];
	}

	public function updated(): int {
		return $this->counts[ self::UPDATED ];
	}

	public function skipped(): int {
		return $this->counts[ self::SKIPPED ];
	}

	public function failed(): int {
		return $this->counts[ self::FAILED ];
	}

	/**
	 * @return array<string, int>
	 */
	public function counts(): array {
		return $this->counts;
	}

	/**
	 * @return array<int, array{kind: string, kv_id: int, action: string, woo_id: ?int, message: ?string}>
	 */
	public function items(): array {
		return $this->items;
	}

	/**
	 * The last entry for (kind, KiotViet id), or null.
	 *
	 * @return array{kind: string, kv_id: int, action: string, woo_id: ?int, message: ?string}|null
	 */
	public function item( string $kind, int $kv_id ): ?array {
		$found = null;
		foreach ( $this->items as $item ) {
			if ( $item['kind'] === $kind && $item['kv_id'] === $kv_id ) {
				$found = $item;
			}
		}
		return $found;
	}

	/** WooCommerce id written for (kind, KiotViet id), or null. */
	public function woo_id( string $kind, int $kv_id ): ?int {
		$item = $this->item( $kind, $kv_id );
		return null === $item ? null : $item['woo_id'];
	}

	/**
	 * @return CatalogIssue[]
	 */
	public function issues(): array {
		return $this->issues;
	}

	/**
	 * @return string[] Distinct issue codes.
	 */
	public function issue_codes(): array {
		return array_values( array_unique( array_map( static function ( CatalogIssue $issue ): string {
			return $issue->code();
		}, $this->issues ) ) );
	}

	/**
	 * @return array<int, array{kv_id: int, kind: string, message: string}>
	 */
	public function errors(): array {
		return $this->errors;
	}

	public function images_queued(): int {
		return $this->images_queued;
	}

	/** SQL queries the batch ran (when counted, see CatalogImporter). */
	public function queries(): int {
		return $this->queries;
	}

	/**
	 * @return array<string, mixed> created/updated/skipped/failed at the top level and under counts, errors, issues.
	 */
	public function to_array(): array {
		return array_merge(
			$this->counts,
			array(
				'counts'        => $this->counts,
				'errors'        => $this->errors,
				'issues'        => array_map( static function ( CatalogIssue $issue ): array {
					return $issue->to_array();
				}, $this->issues ),
				'items'         => $this->items,
				'images_queued' => $this->images_queued,
			)
		);
	}
}
