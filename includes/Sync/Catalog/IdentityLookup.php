<?php
/**
 * Read access to what already exists in WooCommerce, for identity decisions.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * Implemented by the storage/WooCommerce adapter (one retailer's mapping table plus SKU lookups) and by
 * ArrayIdentityLookup for tests and preloaded batches.
 */
interface IdentityLookup {

	public const KIND_PRODUCT   = 'product';
	public const KIND_VARIATION = 'variation';

	/**
	 * WooCommerce id mapped to (current retailer, KiotViet id, kind), or null. Mappings whose WooCommerce
	 * object no longer exists must come back as null.
	 *
	 * @param string $kind KIND_PRODUCT (simple or variable parent) or KIND_VARIATION.
	 */
	public function mapped_woo_id( string $kind, int $kv_id ): ?int;

	/**
	 * KiotViet id the WooCommerce object is mapped to (current retailer, kind), or null.
	 */
	public function mapped_kv_id( string $kind, int $woo_id ): ?int;

	/** WooCommerce product or variation id holding this SKU (case-insensitive, as WooCommerce checks), or null. */
	public function woo_id_by_sku( string $sku ): ?int;

	/** Parent product id of a variation; null for anything that is not a variation. */
	public function parent_id_of( int $woo_id ): ?int;
}
