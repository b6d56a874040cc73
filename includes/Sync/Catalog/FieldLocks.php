<?php
/**
 * "Tùy chọn KHÔNG đồng bộ": fields KiotViet updates must not overwrite.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * Removes locked fields from a spec before an update. Locks never apply to a product's creation
 * (the official plugin applied them there too and could create nameless products).
 */
final class FieldLocks {

	public const NAME          = 'name';
	public const DESCRIPTION   = 'description';
	public const IMAGES        = 'images';
	public const CATEGORY      = 'category';
	public const REGULAR_PRICE = 'regular_price';
	public const SALE_PRICE    = 'sale_price';
	public const STOCK         = 'stock';
	public const WEIGHT        = 'weight';

	/**
	 * Not a field: the per-product switch "Ngừng đồng bộ" (Synced product list) stored among a product's
	 * per-product locks on its mapping row. A paused product reads as every field locked; normalize() drops it,
	 * so lock lists shown to merchants never contain it.
	 */
	public const PAUSED = 'paused';

	public const ALL = array(
		self::NAME,
		self::DESCRIPTION,
		self::IMAGES,
		self::CATEGORY,
		self::REGULAR_PRICE,
		self::SALE_PRICE,
		self::STOCK,
		self::WEIGHT,
	);

	/** Lock name => the WooProductSpec fields it protects. */
	private const FIELDS = array(
		self::NAME          => array( WooProductSpec::NAME ),
		self::DESCRIPTION   => array( WooProductSpec::DESCRIPTION ),
		self::IMAGES        => array( WooProductSpec::IMAGE_URLS ),
		self::CATEGORY      => array( WooProductSpec::CATEGORY_KV_ID ),
		self::REGULAR_PRICE => array( WooProductSpec::REGULAR_PRICE ),
		self::SALE_PRICE    => array( WooProductSpec::SALE_PRICE, WooProductSpec::DATE_ON_SALE_FROM, WooProductSpec::DATE_ON_SALE_TO ),
		self::STOCK         => array( WooProductSpec::MANAGE_STOCK, WooProductSpec::STOCK_QUANTITY, WooProductSpec::STOCK_STATUS, WooProductSpec::LOW_STOCK_AMOUNT ),
		self::WEIGHT        => array( WooProductSpec::WEIGHT ),
	);

	/**
	 * Keeps known lock names, de-duplicated, in canonical order.
	 *
	 * @param array<mixed> $names
	 * @return string[]
	 */
	public static function normalize( array $names ): array {
		$wanted = array();
		foreach ( $names as $name ) {
			if ( is_string( $name ) ) {
				$wanted[ strtolower( trim( $name ) ) ] = true;
			}
		}
		return array_values( array_filter( self::ALL, static function ( string $name ) use ( $wanted ): bool {
			return isset( $wanted[ $name ] );
		} ) );
	}

	/**
	 * The spec to write. For an update, fields under a global or per-product lock are dropped (the adapter
	 * leaves the stored value alone); for a creation the spec is returned whole.
	 *
	 * For variations, pass the parent product's per-product locks: merchants lock the product they see.
	 *
	 * @param string[] $global_locks      From CatalogSettings::locked_fields().
	 * @param string[] $per_product_locks Locks stored on this product.
	 */
	public static function apply( WooProductSpec $spec, array $global_locks, array $per_product_locks, bool $is_new ): WooProductSpec {
		if ( $is_new ) {
			return $spec;
		}
		$drop  = array();
		$locks = self::is_paused( $per_product_locks ) ? self::ALL : self::normalize( array_merge( $global_locks, $per_product_locks ) );
		foreach ( $locks as $lock ) {
			foreach ( self::FIELDS[ $lock ] as $field ) {
				$drop[] = $field;
			}
		}
		return $spec->without( $drop );
	}

	/**
	 * Whether these per-product locks carry the "Ngừng đồng bộ" marker.
	 *
	 * @param array<mixed> $per_product_locks
	 */
	public static function is_paused( array $per_product_locks ): bool {
		return in_array( self::PAUSED, $per_product_locks, true );
	}
}
