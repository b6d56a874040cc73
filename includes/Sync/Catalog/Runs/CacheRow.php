<?php
/**
 * A KiotViet product as a catalog cache row.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog\Runs;

use KiotVietSync\Sync\Catalog\CatalogSettings;
use KiotVietSync\Sync\Catalog\KvCategory;
use KiotVietSync\Sync\Catalog\KvProduct;
use KiotVietSync\Sync\Catalog\StockPolicy;

/**
 * Pure mapping from REST items to the columns of the cache tables (RunRepository/CatalogCacheRepository
 * write them). The raw item is kept as the payload so that the import needs no second fetch.
 */
final class CacheRow {

	public const KIND_GOODS   = 'goods';
	public const KIND_SERVICE = 'service';
	public const KIND_COMBO   = 'combo';
	public const KIND_SERIAL  = 'serial';
	public const KIND_BATCH   = 'batch';
	public const KIND_UNIT    = 'unit';
	public const KIND_VARIANT = 'variant';

	/** The list shown in the Products screen. */
	public static function kind( KvProduct $product ): string {
		if ( $product->is_derived_unit() ) {
			return self::KIND_UNIT;
		}
		if ( $product->is_variation_member() ) {
			return self::KIND_VARIANT;
		}
		if ( $product->is_service() ) {
			return self::KIND_SERVICE;
		}
		if ( KvProduct::TYPE_COMBO === $product->type() ) {
			return self::KIND_COMBO;
		}
		if ( $product->is_lot_serial_control() ) {
			return self::KIND_SERIAL;
		}
		if ( $product->is_batch_expire_control() ) {
			return self::KIND_BATCH;
		}
		return self::KIND_GOODS;
	}

	/**
	 * Columns of a product row. Stock of derived units is left null here; the repository derives it from
	 * the base unit's row once the page containing the base is stored (StockPolicy's rule, in SQL).
	 *
	 * @param KvProduct            $product  Parsed item.
	 * @param array<string, mixed> $raw      Raw REST item (stored as the payload).
	 * @param CatalogSettings      $settings Stock branch and mode.
	 * @return array<string, mixed>
	 */
	public static function product( KvProduct $product, array $raw, CatalogSettings $settings ): array {
		$modified = $product->modified_date();
		return array(
			'kv_id'             => $product->id(),
			'code'              => self::cut( $product->code(), 191 ),
			'name'              => self::cut( $product->name(), 255 ),
			'full_name'         => self::cut( '' !== $product->full_name() ? $product->full_name() : $product->name(), 255 ),
			'category_id'       => $product->category_id(),
			'master_product_id' => $product->master_product_id(),
			'master_unit_id'    => $product->master_unit_id(),
			'family_id'         => $product->is_variation_member() ? $product->family_id() : $product->id(),
			'conversion_value'  => $product->conversion_value() > 0 ? $product->conversion_value() : 1.0,
			'kind'              => self::kind( $product ),
			'is_variant'        => $product->is_variation_member() ? 1 : 0,
			'is_active'         => $product->is_active() ? 1 : 0,
			'allows_sale'       => $product->allows_sale() ? 1 : 0,
			'unit'              => self::cut( $product->unit(), 64 ),
			'base_price'        => $product->base_price(),
			'stock'             => $product->is_derived_unit() ? null : StockPolicy::quantity( $product, $settings ),
			'modified_at'       => null === $modified ? null : $modified->setTimezone( new \DateTimeZone( 'UTC' ) )->format( 'Y-m-d H:i:s' ),
			'payload'           => $raw,
		);
	}

	/**
	 * Columns of a category row.
	 *
	 * @param KvCategory           $category Parsed item.
	 * @param array<string, mixed> $raw      Raw item.
	 * @return array<string, mixed>
	 */
	public static function category( KvCategory $category, array $raw ): array {
		unset( $raw['children'] );
		return array(
			'kv_id'     => $category->id(),
			'name'      => self::cut( $category->name(), 255 ),
			'parent_id' => $category->parent_id(),
			'sort_rank' => $category->rank(),
			'payload'   => $raw,
		);
	}

	private static function cut( string $text, int $max ): string {
		return function_exists( 'mb_substr' ) ? mb_substr( $text, 0, $max ) : substr( $text, 0, $max );
	}
}
