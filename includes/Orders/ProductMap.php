<?php
/**
 * Woo product ↔ KiotViet product links, as the order push needs them.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Orders;

/**
 * Narrow port over the catalog mapping (`{prefix}kiotviet_sync_map`, owned by Storage\MappingRepository):
 * the KiotViet product of a Woo product/variation, and links learned while pushing an order.
 */
interface ProductMap {

	/**
	 * KiotViet product of a Woo product or variation.
	 *
	 * @param int $woo_id Product or variation id.
	 * @return array{id:int,code:string}|null
	 */
	public function kiotviet_product( int $woo_id ): ?array;

	/**
	 * Records a link learned during a push (product created in KiotViet or found by SKU/code).
	 *
	 * @param int    $woo_id       Product or variation id.
	 * @param bool   $is_variation Whether it is a variation.
	 * @param int    $kiotviet_id  KiotViet product id.
	 * @param string $code         KiotViet product code.
	 * @param string $sku          Woo SKU.
	 */
	public function remember( int $woo_id, bool $is_variation, int $kiotviet_id, string $code, string $sku ): void;
}
