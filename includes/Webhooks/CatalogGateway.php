<?php
/**
 * What live sync needs from the WooCommerce writer.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Webhooks;

use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\KvCategory;
use KiotVietSync\Sync\Catalog\KvPriceBook;
use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\Sync\Catalog\WooProductSpec;

/**
 * Narrow port to the WooCommerce side, keyed by KiotViet ids; implemented by Woo\WooCatalogGateway over
 * the mapping table and WooCommerce CRUD (delegating to Sync\Catalog\CatalogImporter where it exists).
 * Never creates anything for an unmapped id except through import_products() with $allow_new.
 */
interface CatalogGateway {

	/**
	 * The mapped Woo object of a KiotViet product, null when unmapped (or the Woo object is gone).
	 *
	 * @param int $kv_id KiotViet product id.
	 * @return array{woo_id: int, type: string, locked_fields: list<string>}|null type: simple|variation|variable.
	 */
	public function product_target( int $kv_id ): ?array;

	/**
	 * Writes the fields of a spec (stock and/or price fields; locks already applied) to a mapped object.
	 *
	 * @param int            $woo_id Woo product/variation id.
	 * @param WooProductSpec $spec   Fields.
	 * @return bool Whether anything changed.
	 */
	public function write_fields( int $woo_id, WooProductSpec $spec ): bool;

	/**
	 * Puts a mapped Woo product in draft (never deletes); a variation is disabled (private).
	 *
	 * @param int $woo_id Woo id.
	 * @return bool Whether the status changed.
	 */
	public function unpublish( int $woo_id ): bool;

	/**
	 * Imports/updates products through the catalog writer.
	 *
	 * @param list<KvProduct>         $products  Products (fresh from the API).
	 * @param array<int, KvPriceBook> $books     Price book headers.
	 * @param CatalogSettings         $settings  Settings.
	 * @return array{created: int, updated: int, skipped: int, failed: int, messages: list<string>}
	 */
	public function import_products( array $products, array $books, CatalogSettings $settings ): array;

	/**
	 * Woo term of a mapped KiotViet category, null when unmapped.
	 *
	 * @param int $kv_id KiotViet category id.
	 */
	public function category_term( int $kv_id ): ?int;

	/**
	 * Renames/re-parents the mapped term of a category.
	 *
	 * @param KvCategory $category Category.
	 * @return bool Whether the term changed.
	 */
	public function update_category( KvCategory $category ): bool;

	/**
	 * Removes the mapping of a deleted category; the term stays.
	 *
	 * @param int $kv_id KiotViet category id.
	 * @return int|null The term that stays, null when unmapped.
	 */
	public function unmap_category( int $kv_id ): ?int;

	/**
	 * Stock of a mapped product through the catalog writer's narrow method (locks honoured there).
	 *
	 * @param int             $kv_id    KiotViet product id.
	 * @param int|null        $quantity Quantity (null = unknown: nothing changes).
	 * @param CatalogSettings $settings Settings.
	 * @return bool|null Whether it changed; null when the writer is not available (caller falls back).
	 */
	public function writer_stock( int $kv_id, ?int $quantity, CatalogSettings $settings ): ?bool;

	/**
	 * Unpublishes through the catalog writer (draft / private variation).
	 *
	 * @param int $kv_id KiotViet product id.
	 * @return bool|null Whether it changed; null when the writer is not available (caller falls back).
	 */
	public function writer_unpublish( int $kv_id ): ?bool;
}
