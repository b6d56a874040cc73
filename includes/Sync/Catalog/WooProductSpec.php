<?php
/**
 * What to write to one WooCommerce product or variation.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

use InvalidArgumentException;

/**
 * Immutable bag of WooCommerce fields for one product or variation, keyed by the constants below (they are
 * the WC_Product setter names where one exists). A field that is absent must be left untouched by the
 * writer; a present '' / null clears it. The writing adapter maps these through WooCommerce CRUD.
 *
 * Value types: TYPE 'simple'|'variable'|'variation'; KV_ID int; SKU string ('' = none); NAME, DESCRIPTION,
 * STATUS string; MANAGE_STOCK bool; STOCK_QUANTITY int; STOCK_STATUS 'instock'|'outofstock';
 * LOW_STOCK_AMOUNT ?int; REGULAR_PRICE / SALE_PRICE decimal string ('' = clear); DATE_ON_SALE_FROM/TO
 * ?DateTimeImmutable; WEIGHT decimal string in the store unit ('' = none); CATEGORY_KV_ID ?int (KiotViet
 * category id — the adapter maps it to a term); IMAGE_URLS string[] (first = featured/variation image, rest =
 * gallery); ATTRIBUTES: variable parent `name => string[] values`, variation `name => value`;
 * KV_META array of KiotViet facts worth storing as meta (type, is_active, allows_sale, unit, …).
 */
final class WooProductSpec {

	public const TYPE_SIMPLE    = 'simple';
	public const TYPE_VARIABLE  = 'variable';
	public const TYPE_VARIATION = 'variation';

	public const TYPE              = 'type';
	public const KV_ID             = 'kv_id';
	public const SKU               = 'sku';
	public const NAME              = 'name';
	public const DESCRIPTION       = 'description';
	public const STATUS            = 'status';
	public const MANAGE_STOCK      = 'manage_stock';
	public const STOCK_QUANTITY    = 'stock_quantity';
	public const STOCK_STATUS      = 'stock_status';
	public const LOW_STOCK_AMOUNT  = 'low_stock_amount';
	public const REGULAR_PRICE     = 'regular_price';
	public const SALE_PRICE        = 'sale_price';
	public const DATE_ON_SALE_FROM = 'date_on_sale_from';
	public const DATE_ON_SALE_TO   = 'date_on_sale_to';
	public const WEIGHT            = 'weight';
	public const CATEGORY_KV_ID    = 'category_kv_id';
	public const IMAGE_URLS        = 'image_urls';
	public const ATTRIBUTES        = 'attributes';
	public const KV_META           = 'kv_meta';

	/** Fields that identify the object; never removed by without(). */
	private const IDENTITY = array( self::TYPE, self::KV_ID );

	/** @var array<string, mixed> */
	private array $fields;

	/**
	 * @param array<string, mixed> $fields Must contain TYPE and KV_ID.
	 * @throws InvalidArgumentException When TYPE or KV_ID is missing or invalid.
	 */
	public function __construct( array $fields ) {
		$type = $fields[ self::TYPE ] ?? null;
		if ( ! in_array( $type, array( self::TYPE_SIMPLE, self::TYPE_VARIABLE, self::TYPE_VARIATION ), true ) ) {
			throw new InvalidArgumentException( 'WooProductSpec needs a valid type' );
		}
		if ( ! isset( $fields[ self::KV_ID ] ) || ! is_int( $fields[ self::KV_ID ] ) ) {
			throw new InvalidArgumentException( 'WooProductSpec needs an integer kv_id' );
		}
		$this->fields = $fields;
	}

	public function type(): string {
		return (string) $this->fields[ self::TYPE ];
	}

	public function kv_id(): int {
		return (int) $this->fields[ self::KV_ID ];
	}

	public function sku(): string {
		return isset( $this->fields[ self::SKU ] ) ? (string) $this->fields[ self::SKU ] : '';
	}

	public function has( string $field ): bool {
		return array_key_exists( $field, $this->fields );
	}

	/**
	 * @param mixed $fallback
	 * @return mixed
	 */
	public function get( string $field, $fallback = null ) {
		return array_key_exists( $field, $this->fields ) ? $this->fields[ $field ] : $fallback;
	}

	/**
	 * @param mixed $value
	 */
	public function with( string $field, $value ): self {
		$fields           = $this->fields;
		$fields[ $field ] = $value;
		return new self( $fields );
	}

	/**
	 * @param string[] $fields
	 */
	public function without( array $fields ): self {
		$copy = $this->fields;
		foreach ( $fields as $field ) {
			if ( ! in_array( $field, self::IDENTITY, true ) ) {
				unset( $copy[ $field ] );
			}
		}
		return new self( $copy );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return $this->fields;
	}
}
