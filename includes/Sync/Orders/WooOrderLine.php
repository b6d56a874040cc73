<?php
/**
 * A product line of a WooCommerce order.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

use InvalidArgumentException;

/**
 * Immutable line snapshot, as WooCommerce stores it on the order item (not the current product), so a price
 * change or a deleted product after checkout does not change what is pushed.
 *
 * Amounts follow WC_Order_Item_Product: `subtotal` is before coupons, `total` after coupons, both excl. tax;
 * `subtotal_tax` / `total_tax` are the matching taxes.
 *
 * `sku` must be the item's own SKU (variation `get_sku( 'edit' )`), not one inherited from the parent,
 * otherwise two variations would resolve to the same KiotViet product.
 */
final class WooOrderLine {

	private int $item_id;
	private int $product_id;
	private int $variation_id;
	private string $name;
	private string $sku;
	/** @var int|float */
	private $quantity;
	private float $subtotal;
	private float $total;
	private float $subtotal_tax;
	private float $total_tax;
	private ?int $kiotviet_id;
	private string $kiotviet_code;
	private bool $product_exists;
	private ?float $stock_quantity;

	/**
	 * @param int|float   $quantity       Quantity, > 0.
	 * @param int|null    $kiotviet_id    KiotViet product id from our mapping table, null when unmapped.
	 * @param string      $kiotviet_code  KiotViet code from our mapping ('' when unknown).
	 * @param bool        $product_exists False when the Woo product/variation was deleted after the order.
	 * @param float|null  $stock_quantity Woo stock of the product when it manages stock (used to seed a KiotViet product we create).
	 * @throws InvalidArgumentException On a non-positive quantity.
	 */
	public function __construct(
		int $item_id,
		int $product_id,
		int $variation_id,
		string $name,
		string $sku,
		$quantity,
		float $subtotal,
		float $total,
		float $subtotal_tax = 0.0,
		float $total_tax = 0.0,
		?int $kiotviet_id = null,
		string $kiotviet_code = '',
		bool $product_exists = true,
		?float $stock_quantity = null
	) {
		if ( ! is_int( $quantity ) && ! is_float( $quantity ) ) {
			throw new InvalidArgumentException( 'Line quantity must be a number.' );
		}
		if ( $quantity <= 0 ) {
			throw new InvalidArgumentException( sprintf( 'Line %d has a non-positive quantity.', $item_id ) );
		}
		if ( is_float( $quantity ) && floor( $quantity ) === $quantity ) {
			$quantity = (int) $quantity;
		}
		$this->item_id        = $item_id;
		$this->product_id     = $product_id;
		$this->variation_id   = $variation_id;
		$this->name           = trim( $name );
		$this->sku            = trim( $sku );
		$this->quantity       = $quantity;
		$this->subtotal       = $subtotal;
		$this->total          = $total;
		$this->subtotal_tax   = $subtotal_tax;
		$this->total_tax      = $total_tax;
		$this->kiotviet_id    = ( null !== $kiotviet_id && $kiotviet_id > 0 ) ? $kiotviet_id : null;
		$this->kiotviet_code  = trim( $kiotviet_code );
		$this->product_exists = $product_exists && ( $product_id > 0 || $variation_id > 0 );
		$this->stock_quantity = $stock_quantity;
	}

	/** @param array<string,mixed> $data Keys as the constructor parameters. */
	public static function from_array( array $data ): self {
		$qty = $data['quantity'] ?? 0;
		if ( is_string( $qty ) ) {
			$qty = false !== strpos( $qty, '.' ) ? (float) $qty : (int) $qty;
		}
		return new self(
			(int) ( $data['item_id'] ?? 0 ),
			(int) ( $data['product_id'] ?? 0 ),
			(int) ( $data['variation_id'] ?? 0 ),
			(string) ( $data['name'] ?? '' ),
			(string) ( $data['sku'] ?? '' ),
			$qty,
			(float) ( $data['subtotal'] ?? 0 ),
			(float) ( $data['total'] ?? 0 ),
			(float) ( $data['subtotal_tax'] ?? 0 ),
			(float) ( $data['total_tax'] ?? 0 ),
			isset( $data['kiotviet_id'] ) ? (int) $data['kiotviet_id'] : null,
			(string) ( $data['kiotviet_code'] ?? '' ),
			array_key_exists( 'product_exists', $data ) ? (bool) $data['product_exists'] : true,
			isset( $data['stock_quantity'] ) ? (float) $data['stock_quantity'] : null
		);
	}

	public function item_id(): int {
		return $this->item_id;
	}

	public function product_id(): int {
		return $this->product_id;
	}

	public function variation_id(): int {
		return $this->variation_id;
	}

	/** The id of the sellable Woo item: the variation when there is one, else the product. */
	public function woo_item_product_id(): int {
		return $this->variation_id > 0 ? $this->variation_id : $this->product_id;
	}

	public function name(): string {
		return $this->name;
	}

	public function sku(): string {
		return $this->sku;
	}

	/** @return int|float */
	public function quantity() {
		return $this->quantity;
	}

	public function subtotal(): float {
		return $this->subtotal;
	}

	public function total(): float {
		return $this->total;
	}

	public function subtotal_tax(): float {
		return $this->subtotal_tax;
	}

	public function total_tax(): float {
		return $this->total_tax;
	}

	/** Before coupons, tax included: what the shelf price came to. */
	public function gross_subtotal(): float {
		return $this->subtotal + $this->subtotal_tax;
	}

	/** After coupons, tax included: what the customer paid for this line. */
	public function gross_total(): float {
		return $this->total + $this->total_tax;
	}

	public function kiotviet_id(): ?int {
		return $this->kiotviet_id;
	}

	public function kiotviet_code(): string {
		return $this->kiotviet_code;
	}

	public function product_exists(): bool {
		return $this->product_exists;
	}

	public function stock_quantity(): ?float {
		return $this->stock_quantity;
	}
}
