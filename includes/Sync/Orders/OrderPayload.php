<?php
/**
 * A built POST /orders body and what it means for the totals.
 *
 * @package kiotviet-sync
 */

declare( strict_types=1 );

namespace KiotVietSync\Sync\Orders;

/**
 * Result of OrderPayloadBuilder::build(): the body, the marker the duplicate lookup searches for, the total
 * KiotViet will compute and the parts of the Woo total that were deliberately not sent (shipping when
 * "Đồng bộ phí ship" is off, positive fees without a fee surcharge), plus notes for the history.
 */
final class OrderPayload {

	/** @var array<string,mixed> */
	private array $payload;
	private string $marker;
	private int $woo_total;
	private int $unsent_shipping;
	private int $unsent_fees;
	/** @var string[] */
	private array $notes;

	/**
	 * @param array<string,mixed> $payload POST /orders body.
	 * @param string[]            $notes   English notes for the history.
	 */
	public function __construct( array $payload, string $marker, int $woo_total, int $unsent_shipping, int $unsent_fees, array $notes ) {
		$this->payload         = $payload;
		$this->marker          = $marker;
		$this->woo_total       = $woo_total;
		$this->unsent_shipping = $unsent_shipping;
		$this->unsent_fees     = $unsent_fees;
		$this->notes           = $notes;
	}

	/** @return array<string,mixed> */
	public function payload(): array {
		return $this->payload;
	}

	public function marker(): string {
		return $this->marker;
	}

	/** The Woo order total, whole đồng. */
	public function woo_total(): int {
		return $this->woo_total;
	}

	/** What KiotViet will compute as the order total for this body. */
	public function kiotviet_total(): float {
		return KvOrderTotals::total( $this->payload );
	}

	public function unsent_shipping(): int {
		return $this->unsent_shipping;
	}

	public function unsent_fees(): int {
		return $this->unsent_fees;
	}

	/** The KiotViet total the builder aimed for: the Woo total minus what was deliberately not sent. */
	public function expected_kiotviet_total(): int {
		return $this->woo_total - $this->unsent_shipping - $this->unsent_fees;
	}

	/** Whether KiotViet's total will be exactly the Woo total (nothing left out). */
	public function totals_match(): bool {
		return 0 === $this->unsent_shipping + $this->unsent_fees
			&& abs( $this->kiotviet_total() - $this->woo_total ) < 0.0001;
	}

	/** @return string[] */
	public function notes(): array {
		return $this->notes;
	}
}
