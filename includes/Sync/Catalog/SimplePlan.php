<?php
/**
 * Plan for one WooCommerce simple product.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Catalog;

/**
 * One KiotViet product (normal, service, combo, serial/lot, or a unit product) → one simple product.
 */
final class SimplePlan {

	private KvProduct $product;
	private WooProductSpec $spec;

	public function __construct( KvProduct $product, WooProductSpec $spec ) {
		$this->product = $product;
		$this->spec    = $spec;
	}

	public function product(): KvProduct {
		return $this->product;
	}

	/** Full spec (creation); pass it through FieldLocks::apply() for an update. */
	public function spec(): WooProductSpec {
		return $this->spec;
	}
}
