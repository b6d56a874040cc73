<?php
/**
 * Something the catalog rules want a human to know about.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * One finding of the planners: a blocking conflict (the object is not written), a conflict that is written
 * in part (e.g. a sale price not lower than the regular price is left out), or a warning.
 */
final class CatalogIssue {

	public const SEVERITY_BLOCKING = 'blocking';
	public const SEVERITY_CONFLICT = 'conflict';
	public const SEVERITY_WARNING  = 'warning';

	public const ENTITY_PRODUCT   = 'product';
	public const ENTITY_VARIATION = 'variation';
	public const ENTITY_CATEGORY  = 'category';

	public const INVALID_PRODUCT          = 'invalid_product';
	public const DUPLICATE_SKU            = 'duplicate_sku';
	public const SKU_EXISTS               = 'sku_exists';
	public const SKU_TAKEN                = 'sku_taken';
	public const STOCK_UNKNOWN            = 'stock_unknown';
	public const SALE_NOT_LOWER           = PricePolicy::WARNING_SALE_NOT_LOWER;
	public const REGULAR_BOOK_FALLBACK    = PricePolicy::WARNING_REGULAR_FALLBACK;
	public const MISSING_ATTRIBUTES       = 'variation_without_attributes';
	public const DUPLICATE_COMBINATION    = 'duplicate_attribute_combination';
	public const CATEGORY_TERM_TAKEN      = 'term_taken';
	public const CATEGORY_DUPLICATE_NAME  = 'duplicate_category_name';
	public const CATEGORY_PARENT_MISSING  = 'category_parent_missing';
	public const CATEGORY_CYCLE           = 'category_cycle';

	private string $code;
	private string $severity;
	private string $entity;
	private int $kv_id;
	private string $sku;
	/** @var array<string, mixed> */
	private array $details;

	/**
	 * @param array<string, mixed> $details Extra JSON-safe facts (prices, woo id, other KiotViet id, …).
	 */
	public function __construct( string $code, string $severity, string $entity, int $kv_id, string $sku = '', array $details = array() ) {
		$this->code     = $code;
		$this->severity = $severity;
		$this->entity   = $entity;
		$this->kv_id    = $kv_id;
		$this->sku      = $sku;
		$this->details  = $details;
	}

	public function code(): string {
		return $this->code;
	}

	public function severity(): string {
		return $this->severity;
	}

	public function entity(): string {
		return $this->entity;
	}

	public function kv_id(): int {
		return $this->kv_id;
	}

	public function sku(): string {
		return $this->sku;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function details(): array {
		return $this->details;
	}

	public function is_blocking(): bool {
		return self::SEVERITY_BLOCKING === $this->severity;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return array(
			'code'     => $this->code,
			'severity' => $this->severity,
			'entity'   => $this->entity,
			'kv_id'    => $this->kv_id,
			'sku'      => $this->sku,
			'details'  => $this->details,
		);
	}
}
