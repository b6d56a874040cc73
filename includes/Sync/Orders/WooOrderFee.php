<?php
/**
 * A fee line of a WooCommerce order.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * Fee line ("Phí thanh toán", or a negative "Giảm giá chuyển khoản"): amount excl. tax and its tax.
 */
final class WooOrderFee {

	private string $name;
	private float $total;
	private float $total_tax;

	public function __construct( string $name, float $total, float $total_tax = 0.0 ) {
		$this->name      = trim( $name );
		$this->total     = $total;
		$this->total_tax = $total_tax;
	}

	/** @param array<string,mixed> $data {name, total, total_tax?}. */
	public static function from_array( array $data ): self {
		return new self( (string) ( $data['name'] ?? '' ), (float) ( $data['total'] ?? 0 ), (float) ( $data['total_tax'] ?? 0 ) );
	}

	public function name(): string {
		return $this->name;
	}

	public function total(): float {
		return $this->total;
	}

	public function total_tax(): float {
		return $this->total_tax;
	}

	/** What the customer pays for this fee (tax included); negative for a discount fee. */
	public function gross(): float {
		return $this->total + $this->total_tax;
	}
}
