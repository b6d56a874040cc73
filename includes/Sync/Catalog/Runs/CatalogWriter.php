<?php
/**
 * What the import run needs from the WooCommerce writer.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog\Runs;

use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\KvCategory;
use KiotVietSync\Sync\Catalog\KvPriceBook;
use KiotVietSync\Sync\Catalog\KvProduct;

/**
 * Narrow seam over Sync\Catalog\CatalogImporter (so the run framework can be tested with a fake writer).
 * Results: counts plus per-item errors; a writer never throws for one bad product, and records per-item
 * problems itself (mapping last_error + sync history). The run logs only batches that throw.
 */
interface CatalogWriter {

	/**
	 * @param KvCategory[] $categories All cached categories.
	 * @return array{created: int, updated: int, skipped: int, failed: int, errors: array<int, array{kv_id: int, message: string}>}
	 */
	public function import_categories( array $categories ): array;

	/**
	 * @param KvProduct[]             $products   One batch (families complete).
	 * @param KvCategory[]            $categories Categories the batch refers to.
	 * @param array<int, KvPriceBook> $books      Price books.
	 * @param array<int, KvProduct>   $base_units Base units of derived units in the batch that are not in it.
	 * @return array{created: int, updated: int, skipped: int, failed: int, errors: array<int, array{kv_id: int, message: string}>}
	 */
	public function import_batch( array $products, array $categories, array $books, CatalogSettings $settings, array $base_units ): array;

	/**
	 * The worker's slice ends (RunRunner, after its last step): work the writer deferred across the slice's
	 * batches (WooCommerce's category product counts) is done now.
	 */
	public function end_slice(): void;
}
