<?php
/**
 * The KiotViet product an order line is sold as.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

use InvalidArgumentException;

/**
 * KiotViet product id, code and name for one Woo order item.
 */
final class ResolvedLine {

	private int $item_id;
	private int $product_id;
	private string $product_code;
	private string $product_name;

	/** @throws InvalidArgumentException On a non-positive KiotViet id. */
	public function __construct( int $item_id, int $product_id, string $product_code, string $product_name ) {
		if ( $product_id <= 0 ) {
			throw new InvalidArgumentException( 'A resolved line needs a KiotViet product id.' );
		}
		$this->item_id      = $item_id;
		$this->product_id   = $product_id;
		$this->product_code = trim( $product_code );
		$this->product_name = trim( $product_name );
	}

	/**
	 * From a KiotViet product (GET /products/code/{code}, POST /products response): id, code, fullName|name.
	 *
	 * @param array<string,mixed> $product KiotViet product (camelCase).
	 * @throws InvalidArgumentException When the product has no id.
	 */
	public static function from_kiotviet_product( WooOrderLine $line, array $product ): self {
		$name = (string) ( $product['fullName'] ?? '' );
		if ( '' === trim( $name ) ) {
			$name = (string) ( $product['name'] ?? '' );
		}
		if ( '' === trim( $name ) ) {
			$name = $line->name();
		}
		$code = (string) ( $product['code'] ?? '' );
		return new self( $line->item_id(), (int) ( $product['id'] ?? 0 ), '' !== $code ? $code : $line->sku(), $name );
	}

	public function item_id(): int {
		return $this->item_id;
	}

	public function product_id(): int {
		return $this->product_id;
	}

	public function product_code(): string {
		return $this->product_code;
	}

	public function product_name(): string {
		return $this->product_name;
	}
}
