<?php
/**
 * KiotViet id → Woo object lookups for live sync.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks\Woo;

/**
 * Read side of the mapping table (owned by the catalog writer), plus unlinking a deleted category.
 */
interface MappingLookup {

	/**
	 * Mapped product or variation.
	 *
	 * @param int $kv_id KiotViet product id.
	 * @return array{woo_id: int, kind: string, locked_fields: list<string>}|null kind: product|variation.
	 */
	public function product( int $kv_id ): ?array;

	/**
	 * Mapped term id of a category.
	 *
	 * @param int $kv_id KiotViet category id.
	 */
	public function category( int $kv_id ): ?int;

	/**
	 * Removes a category mapping.
	 *
	 * @param int $kv_id KiotViet category id.
	 */
	public function unmap_category( int $kv_id ): void;
}
