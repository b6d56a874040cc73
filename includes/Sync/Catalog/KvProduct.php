<?php
/**
 * A KiotViet product (hàng hóa) as the catalog rules need it.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

use DateTimeImmutable;

/**
 * Immutable view of one KiotViet product, parsed tolerantly from a REST item (camelCase) or a
 * `product.update` webhook item (PascalCase, camelCase `isActive`, omitted nulls, `__type` hints).
 */
final class KvProduct {

	public const TYPE_COMBO   = 1;
	public const TYPE_NORMAL  = 2;
	public const TYPE_SERVICE = 3;

	private int $id;
	private string $code;
	private string $name;
	private string $full_name;
	private ?int $category_id;
	private int $type;
	private bool $has_variants;
	private ?int $master_product_id;
	private ?int $master_unit_id;
	private string $unit;
	private float $conversion_value;
	/** @var array<string, string> */
	private array $attributes;
	private ?float $base_price;
	private ?float $weight;
	private string $description;
	/** @var string[] */
	private array $images;
	private bool $is_active;
	private bool $allows_sale;
	private bool $is_lot_serial_control;
	private bool $is_batch_expire_control;
	/** @var array<int, KvInventory>|null */
	private ?array $inventories;
	/** @var array<int, KvProductPrice>|null */
	private ?array $price_books;
	private ?DateTimeImmutable $modified_date;

	private function __construct() {
	}

	/**
	 * @param array<mixed> $data One product object.
	 */
	public static function from_array( array $data ): self {
		$f = new KvFields( $data );
		$p = new self();

		$p->id           = $f->int( 0, 'id' );
		$p->code         = trim( $f->string( 'code' ) );
		$p->name         = TextKey::nfc( trim( $f->string( 'name' ) ) );
		$p->full_name    = TextKey::nfc( trim( $f->string( 'fullName' ) ) );
		$p->category_id  = self::positive_or_null( $f->int_or_null( 'categoryId' ) );
		$p->type         = $f->int( self::TYPE_NORMAL, 'type', 'productType' );
		$p->has_variants = $f->bool( false, 'hasVariants' );

		$master_product = self::positive_or_null( $f->int_or_null( 'masterProductId' ) );
		// A master pointing at itself is still the master.
		$p->master_product_id = $master_product === $p->id ? null : $master_product;
		$master_unit          = self::positive_or_null( $f->int_or_null( 'masterUnitId' ) );
		$p->master_unit_id    = $master_unit === $p->id ? null : $master_unit;

		$p->unit             = TextKey::nfc( trim( $f->string( 'unit' ) ) );
		$conversion          = $f->float( 1.0, 'conversionValue' );
		$p->conversion_value = $conversion > 0 ? $conversion : 1.0;

		$p->attributes  = self::parse_attributes( $f->list_or_null( 'attributes' ) ?? array() );
		$p->base_price  = $f->float_or_null( 'basePrice' );
		$p->weight      = $f->float_or_null( 'weight' );
		$p->description = $f->string( 'description' );
		$p->images      = self::parse_images( $f->raw( 'images' ) );

		$p->is_active               = $f->bool( true, 'isActive' );
		$p->allows_sale             = $f->bool( true, 'allowsSale' );
		$p->is_lot_serial_control   = $f->bool( false, 'isLotSerialControl', 'isProductSerial' );
		$p->is_batch_expire_control = $f->bool( false, 'isBatchExpireControl' );

		$inventories = $f->list_or_null( 'inventories' );
		if ( null === $inventories ) {
			$p->inventories = null;
		} else {
			$p->inventories = array();
			foreach ( $inventories as $row ) {
				if ( is_array( $row ) ) {
					$inventory = KvInventory::from_array( $row );
					$p->inventories[ $inventory->branch_id() ] = $inventory;
				}
			}
		}

		$books = $f->list_or_null( 'priceBooks' );
		if ( null === $books ) {
			$p->price_books = null;
		} else {
			$p->price_books = array();
			foreach ( $books as $row ) {
				if ( is_array( $row ) ) {
					$price = KvProductPrice::from_array( $row );
					if ( $price->book_id() > 0 ) {
						$p->price_books[ $price->book_id() ] = $price;
					}
				}
			}
		}

		$p->modified_date = KvDate::parse( $f->raw( 'modifiedDate' ) );
		return $p;
	}

	public function id(): int {
		return $this->id;
	}

	/** The KiotViet code, used as the WooCommerce SKU. */
	public function code(): string {
		return $this->code;
	}

	public function name(): string {
		return $this->name;
	}

	public function full_name(): string {
		return $this->full_name;
	}

	public function category_id(): ?int {
		return $this->category_id;
	}

	public function type(): int {
		return $this->type;
	}

	public function has_variants(): bool {
		return $this->has_variants;
	}

	public function master_product_id(): ?int {
		return $this->master_product_id;
	}

	public function master_unit_id(): ?int {
		return $this->master_unit_id;
	}

	public function unit(): string {
		return $this->unit;
	}

	public function conversion_value(): float {
		return $this->conversion_value;
	}

	/**
	 * @return array<string, string> attribute name => value, in KiotViet order.
	 */
	public function attributes(): array {
		return $this->attributes;
	}

	public function base_price(): ?float {
		return $this->base_price;
	}

	/** KiotViet weight in grams (KiotViet's UI unit). */
	public function weight(): ?float {
		return $this->weight;
	}

	public function description(): string {
		return $this->description;
	}

	/**
	 * @return string[]
	 */
	public function images(): array {
		return $this->images;
	}

	public function is_active(): bool {
		return $this->is_active;
	}

	public function allows_sale(): bool {
		return $this->allows_sale;
	}

	public function is_lot_serial_control(): bool {
		return $this->is_lot_serial_control;
	}

	public function is_batch_expire_control(): bool {
		return $this->is_batch_expire_control;
	}

	/**
	 * @return array<int, KvInventory>|null branch id => row; null when the payload carried no inventories.
	 */
	public function inventories(): ?array {
		return $this->inventories;
	}

	/**
	 * @return array<int, KvProductPrice>|null book id => price; null when the payload carried no price books.
	 */
	public function price_books(): ?array {
		return $this->price_books;
	}

	public function modified_date(): ?DateTimeImmutable {
		return $this->modified_date;
	}

	public function is_service(): bool {
		return self::TYPE_SERVICE === $this->type;
	}

	/** A non-base unit (e.g. "thùng 24" of "lon"): its own product, stock derived from the base unit. */
	public function is_derived_unit(): bool {
		return null !== $this->master_unit_id;
	}

	/** Member of a same-type family that becomes a WooCommerce variation (derived units never are). */
	public function is_variation_member(): bool {
		return $this->has_variants && ! $this->is_derived_unit();
	}

	/** The KiotViet id that identifies the variant family (the master's id). */
	public function family_id(): int {
		return null === $this->master_product_id ? $this->id : $this->master_product_id;
	}

	public function is_family_master(): bool {
		return $this->has_variants && null === $this->master_product_id;
	}

	public function inventory( int $branch_id ): ?KvInventory {
		return null !== $this->inventories && isset( $this->inventories[ $branch_id ] ) ? $this->inventories[ $branch_id ] : null;
	}

	public function price_in_book( int $book_id ): ?KvProductPrice {
		return null !== $this->price_books && isset( $this->price_books[ $book_id ] ) ? $this->price_books[ $book_id ] : null;
	}

	private static function positive_or_null( ?int $value ): ?int {
		return null !== $value && $value > 0 ? $value : null;
	}

	/**
	 * @param array<mixed> $rows `[{attributeName, attributeValue}]`.
	 * @return array<string, string>
	 */
	private static function parse_attributes( array $rows ): array {
		$out  = array();
		$seen = array();
		foreach ( $rows as $row ) {
			if ( ! is_array( $row ) ) {
				continue;
			}
			$f     = new KvFields( $row );
			$name  = TextKey::nfc( trim( $f->string( 'attributeName', 'name' ) ) );
			$value = TextKey::nfc( trim( $f->string( 'attributeValue', 'value' ) ) );
			$key   = TextKey::of( $name );
			if ( '' === $name || isset( $seen[ $key ] ) ) {
				continue;
			}
			$seen[ $key ] = true;
			$out[ $name ] = $value;
		}
		return $out;
	}

	/**
	 * Images are URL strings in REST; the docs also show `[{"Image": "url"}]` (kiotviet-api.md §6.5).
	 *
	 * @param mixed $raw
	 * @return string[]
	 */
	private static function parse_images( $raw ): array {
		if ( is_string( $raw ) ) {
			$raw = array( $raw );
		}
		if ( ! is_array( $raw ) ) {
			return array();
		}
		$out = array();
		foreach ( $raw as $item ) {
			$url = '';
			if ( is_string( $item ) ) {
				$url = $item;
			} elseif ( is_array( $item ) ) {
				$url = ( new KvFields( $item ) )->string( 'image', 'url', 'imageUrl' );
			}
			$url = trim( $url );
			if ( '' !== $url && ! in_array( $url, $out, true ) ) {
				$out[] = $url;
			}
		}
		return $out;
	}
}
