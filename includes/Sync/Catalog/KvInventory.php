<?php
/**
 * One branch's stock row of a KiotViet product.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * A product's stock at one branch, from `inventories[]`, `/productOnHands` or a `stock.update` webhook item.
 */
final class KvInventory {

	private int $branch_id;
	private float $on_hand;
	private float $reserved;
	private ?float $min_quantity;

	public function __construct( int $branch_id, float $on_hand, float $reserved, ?float $min_quantity = null ) {
		$this->branch_id    = $branch_id;
		$this->on_hand      = $on_hand;
		$this->reserved     = $reserved;
		$this->min_quantity = $min_quantity;
	}

	/**
	 * @param array<mixed> $data REST (`onHand`) or webhook (`OnHand`) item; the docs' `onhand` spelling works too.
	 */
	public static function from_array( array $data ): self {
		$f = new KvFields( $data );
		return new self(
			$f->int( 0, 'branchId' ),
			$f->float( 0.0, 'onHand' ),
			$f->float( 0.0, 'reserved' ),
			$f->float_or_null( 'minQuantity', 'minQuality' )
		);
	}

	public function branch_id(): int {
		return $this->branch_id;
	}

	public function on_hand(): float {
		return $this->on_hand;
	}

	public function reserved(): float {
		return $this->reserved;
	}

	public function min_quantity(): ?float {
		return $this->min_quantity;
	}

	/**
	 * Sellable quantity at this branch: on hand minus reserved by customer orders, never negative.
	 */
	public function available(): float {
		return max( 0.0, $this->on_hand - $this->reserved );
	}
}
